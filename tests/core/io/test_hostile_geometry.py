"""Hostile polygons and coordinates: each bad feature is repaired or rejected with its reason,
never the whole file failing, never an empty geometry stored and counted as imported."""

from __future__ import annotations

import json
import sqlite3
import struct

import geopandas as gpd
import numpy as np
import pytest
import shapely

from assetmap.core import areas, assets
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_areas, import_assets
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions

# Trafford town hall's neighbourhood, as a small lon/lat square.
GOOD = [[-2.30, 53.45], [-2.29, 53.45], [-2.29, 53.46], [-2.30, 53.46], [-2.30, 53.45]]
HOLE_ELSEWHERE = [[-2.20, 53.40], [-2.19, 53.40], [-2.19, 53.41], [-2.20, 53.41], [-2.20, 53.40]]

POLYGONS = {
    "unclosed ring": [GOOD[:-1]],
    "two-point ring": [GOOD[:2]],
    "three-point ring": [[GOOD[0], GOOD[1], GOOD[0]]],
    "ring of one point": [[GOOD[0]] * 5],
    "coordinates near 1e300": [
        [[1e300, 1e300], [1.1e300, 1e300], [1.1e300, 1.1e300], [1e300, 1e300]]
    ],
}
# What happens to feature 2 (outcome, words in the report). Bow-ties, holes outside their
# shell, empty polygons and rings too short to repair were already handled before and are
# covered by test_area_import.py.
AREA_OUTCOMES = {
    "unclosed ring": ("repaired", "not closed; it was closed"),
    "two-point ring": ("rejected", "could not be repaired"),
    "coordinates near 1e300": ("rejected", "near 1e+300, which are not a place on Earth"),
    "NaN": ("rejected", "not numbers (NaN or infinity)"),
    "Infinity": ("rejected", "not numbers (NaN or infinity)"),
    "GeometryCollection": ("repaired", "its polygons were kept"),
}
# An asset's degenerate outline still says where it is: placed at that point, no outline.
SITE_OUTCOMES = {
    "unclosed ring": ("repaired", "not closed; it was closed"),
    "two-point ring": ("repaired", "site outline has no area"),
    "three-point ring": ("repaired", "site outline has no area"),
    "ring of one point": ("repaired", "site outline has no area"),
    "NaN": ("rejected", "not numbers (NaN or infinity)"),
    "Infinity": ("rejected", "not numbers (NaN or infinity)"),
    "GeometryCollection": ("repaired", "placed from its polygons"),
}


def feature_collection(path, second: dict | None, raw: str | None = None) -> None:
    """A good feature 1 and a hostile feature 2, written as GDAL would meet them."""
    features = [
        {"type": "Feature", "properties": {"code": "E1", "name": "Good"}, "geometry": None},
        {"type": "Feature", "properties": {"code": "E2", "name": "Bad"}, "geometry": second},
    ]
    features[0]["geometry"] = {"type": "Polygon", "coordinates": [GOOD]}
    text = json.dumps({"type": "FeatureCollection", "features": features})
    if raw is not None:  # NaN and Infinity are not JSON, but GDAL reads them
        text = text.replace('"RAW"', raw)
    path.write_text(text)


def hostile_file(tmp_path, case: str):
    path = tmp_path / f"{case.replace(' ', '_')}.geojson"
    if case in ("NaN", "Infinity"):
        ring = [GOOD[0], "RAW", GOOD[2], GOOD[0]]
        feature_collection(path, {"type": "Polygon", "coordinates": [ring]}, f"[{case}, 53.45]")
    elif case == "GeometryCollection":
        parts = [
            {"type": "Polygon", "coordinates": [GOOD]},
            {"type": "Point", "coordinates": GOOD[0]},
        ]
        feature_collection(path, {"type": "GeometryCollection", "geometries": parts})
    else:
        feature_collection(path, {"type": "Polygon", "coordinates": POLYGONS[case]})
    return path


def stored_areas_are_sound(project, name: str) -> gpd.GeoDataFrame:
    frame = areas.frame(project, name)
    assert not frame.geometry.isna().any()
    assert not frame.geometry.is_empty.any()
    assert frame.geometry.is_valid.all()
    assert np.isfinite(frame.geometry.area).all() and (frame.geometry.area > 0).all()
    return frame


@pytest.mark.parametrize("case", list(AREA_OUTCOMES))
def test_a_hostile_polygon_is_repaired_or_rejected_alone(project, tmp_path, case):
    outcome, words = AREA_OUTCOMES[case]
    report = import_areas(project, hostile_file(tmp_path, case), AreaImportOptions("Areas"))
    issues = report.repaired if outcome == "repaired" else report.rejected
    assert [(i.row, i.row_noun) for i in issues] == [(2, "feature")]
    assert words in issues[0].message
    assert report.imported == (2 if outcome == "repaired" else 1)
    frame = stored_areas_are_sound(project, "Areas")
    assert len(frame) == report.imported
    # The good feature is where it should be (Old Trafford, in British National Grid).
    assert (
        frame.set_index("code").geometry["E1"].centroid.distance(shapely.Point(380500, 395400))
        < 1000
    )


@pytest.mark.parametrize("case", list(SITE_OUTCOMES))
def test_a_hostile_site_outline_places_the_asset_or_rejects_it(project, tmp_path, case):
    """Assets from polygons become points and footprints: the same rows, the same care."""
    outcome, words = SITE_OUTCOMES[case]
    report = import_assets(
        project, hostile_file(tmp_path, case), AssetImportOptions(name_field="name")
    )
    issues = report.repaired if outcome == "repaired" else report.rejected
    assert {i.row for i in issues} == {2} and any(words in i.message for i in issues)
    assert report.imported == (2 if outcome == "repaired" else 1)
    placed = assets.frame(project).dropna(subset=["geometry"])
    assert len(placed) == report.imported
    assert placed.geometry.x.between(370_000, 390_000).all()
    assert placed.geometry.y.between(385_000, 400_000).all()
    outlines = areas_of_footprints(project)
    assert len(outlines) == (2 if case in ("unclosed ring", "GeometryCollection") else 1)
    assert all(o.geom_type in ("Polygon", "MultiPolygon") and o.area > 0 for o in outlines)


def areas_of_footprints(project) -> list[shapely.Geometry]:
    uuids = assets.frame(project)["uuid"]
    outlines = [assets.footprint(project, uuid) for uuid in uuids]
    return [o for o in outlines if o is not None]


def test_coordinates_near_1e300_in_a_projected_file_are_rejected_not_stored_empty(
    project, tmp_path
):
    """Before: reprojection made them infinite, make_valid gave nothing, and the area was stored
    with a NULL geometry and counted as imported."""
    frame = gpd.GeoDataFrame(
        {"code": ["E1", "E2"]},
        geometry=[
            shapely.box(380000, 395000, 381000, 396000),
            shapely.box(1e300, 1e300, 2e300, 2e300),
        ],
        crs=27700,
    ).to_crs(27700)
    path = tmp_path / "huge.gpkg"
    frame.to_file(path)
    report = import_areas(project, path, AreaImportOptions("Areas"))
    assert report.imported == 1
    assert [(i.row, "e+300, which are not a place" in i.message) for i in report.rejected] == [
        (2, True)
    ]
    assert len(stored_areas_are_sound(project, "Areas")) == 1


def test_an_area_that_reprojects_to_infinity_is_rejected(project, trafford, tmp_path):
    """Longitude 90° E is beyond what British National Grid's projection can represent:
    before, the area came out infinite and was stored with a NULL geometry, counted imported."""
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    wards.loc[3, "geometry"] = shapely.box(90, 0, 90.01, 0.01)
    path = tmp_path / "wards.geojson"
    wards.to_file(path)
    report = import_areas(project, path, AreaImportOptions("Wards"))
    assert report.imported == 20
    assert [i.row for i in report.rejected] == [4]
    assert "cannot be reprojected to OSGB36 / British National Grid" in report.rejected[0].message
    assert len(stored_areas_are_sound(project, "Wards")) == 20


def test_an_unreadable_geometry_blob_rejects_that_feature_only(project, trafford, tmp_path):
    """A GeoPackage whose 3rd geometry is cut short: GEOS refuses to build it, and before this
    the whole file failed with a GEOSException traceback."""
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    path = tmp_path / "wards.gpkg"
    wards.to_file(path, layer="wards")
    conn = sqlite3.connect(path)
    for (trigger,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")  # GDAL's spatial index triggers need GDAL
    header = b"GP" + bytes([0, 1]) + struct.pack("<i", 4326)
    truncated = header + bytes.fromhex("01030000000100000005000000")  # says 5 points, has none
    unclosed = header + struct.pack("<BIII", 1, 3, 1, 4)
    unclosed += b"".join(struct.pack("<dd", *p) for p in GOOD[:-1])
    conn.execute("UPDATE wards SET geom = ? WHERE fid = 3", (truncated,))
    conn.execute("UPDATE wards SET geom = ? WHERE fid = 5", (unclosed,))
    conn.commit()
    conn.close()
    report = import_areas(project, path, AreaImportOptions("Wards"))
    assert report.imported == 20
    assert [i.row for i in report.rejected] == [3]
    assert "cut short" in report.rejected[0].message
    assert [(i.row, "closed" in i.message) for i in report.repaired] == [(5, True)]
    assert len(stored_areas_are_sound(project, "Wards")) == 20


def test_a_geojson_gdal_cannot_parse_names_the_broken_feature(project, trafford, tmp_path):
    text = (trafford / "boundaries" / "trafford_ward2023_generalised.geojson").read_text()
    collection = json.loads(text)
    features = [json.dumps(f) for f in collection["features"]]
    features[6] = features[6].replace("]]]", "]]", 1)  # a bracket missing in feature 7
    path = tmp_path / "wards.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [' + ",\n".join(features) + "]}")
    with pytest.raises(BadInputError) as error:
        import_areas(project, path, AreaImportOptions("Wards"))
    assert str(error.value).startswith("wards.geojson, feature 7: GDAL cannot read it")
    assert areas.list_sets(project) == []


def test_an_unclosed_ring_in_a_wkt_column_is_closed(project, tmp_path):
    """Before: rejected as 'not valid WKT', unlike the same outline in a GeoJSON file."""
    path = tmp_path / "sites.csv"
    ring = ", ".join(f"{x} {y}" for x, y in GOOD[:-1])
    path.write_text(f'name,wkt\nTown hall,"POLYGON(({ring}))"\n')
    report = import_assets(
        project, path, AssetImportOptions(wkt_field="wkt", crs="EPSG:4326", category="council")
    )
    assert report.imported == 1 and report.rejected == []
    assert [(i.row, i.field, i.message) for i in report.repaired] == [
        (2, "wkt", "a ring of its outline was not closed; it was closed")
    ]
    assert len(areas_of_footprints(project)) == 1
