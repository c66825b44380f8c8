"""The project file is a real GeoPackage 1.2 that GDAL, QGIS and plain sqlite3 can use."""

from __future__ import annotations

import sqlite3

import numpy as np
import pyogrio
import pytest
import shapely

from assetmap.core import gpkg
from assetmap.core.imports import import_areas, import_assets
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions


def test_geometry_blobs_round_trip_through_gdal_encoding():
    geoms = np.array(
        [
            shapely.Point(383000.5, 397000.25),
            None,
            shapely.MultiPolygon([shapely.box(0, 0, 10, 10), shapely.box(20, 20, 30, 35)]),
            shapely.Point(),
        ],
        dtype=object,
    )
    blobs = gpkg.encode(geoms, 27700)
    assert blobs[1] is None
    assert blobs[0][:2] == b"GP" and len(blobs[0]) == 29  # points carry no envelope
    assert blobs[2][3] == 0b11  # little-endian, XY envelope
    assert blobs[3][3] & 0b10000  # empty flag
    back = gpkg.decode(blobs)
    assert back[0].equals(geoms[0])
    assert back[1] is None
    assert back[2].equals(geoms[2])
    assert back[3].is_empty


def test_new_project_is_a_geopackage_1_2(tmp_path, project):
    project.close()
    conn = sqlite3.connect(project.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    layers = dict(pyogrio.list_layers(project.path))
    assert layers["assets"] == "Point"
    assert layers["asset_footprints"] == "MultiPolygon"
    info = pyogrio.read_info(project.path, layer="assets")
    assert info["crs"] == "EPSG:27700"


def test_layers_read_back_through_gdal_with_crs_and_types(project, trafford):
    import_areas(
        project,
        trafford / "boundaries" / "trafford_ward2023_generalised.geojson",
        AreaImportOptions("Wards 2023"),
    )
    import_assets(
        project,
        trafford / "assets" / "trafford_places_of_worship.geojson",
        AssetImportOptions(category="faith_groups"),
    )
    path = project.path
    project.close()
    layers = dict(pyogrio.list_layers(path))
    assert layers["areas_wards_2023"] == "MultiPolygon"
    wards = pyogrio.read_dataframe(path, layer="areas_wards_2023")
    assert wards.crs.to_epsg() == 27700
    assert len(wards) == 21
    assert set(wards.columns) >= {"code", "name", "geometry"}
    # British National Grid metres around Trafford, not degrees.
    minx, miny, maxx, maxy = wards.total_bounds
    assert 360_000 < minx < maxx < 390_000 and 380_000 < miny < maxy < 400_000
    assets = pyogrio.read_dataframe(path, layer="assets")
    assert len(assets) == 118 and (assets.geom_type == "Point").all()
    sites = pyogrio.read_dataframe(path, layer="asset_footprints")
    assert len(sites) == 118 and set(sites.geom_type) == {"MultiPolygon"}
    # gpkg_contents extents let QGIS zoom to the layer.
    conn = sqlite3.connect(path)
    extent = conn.execute(
        "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'assets'"
    ).fetchone()
    assert extent[0] == pytest.approx(assets.total_bounds[0])
    assert extent[3] == pytest.approx(assets.total_bounds[3])


def test_plain_sqlite3_can_read_and_write_the_project(project, trafford):
    import_assets(
        project,
        trafford / "assets" / "trafford_libraries.geojson",
        AssetImportOptions(category="libraries"),
    )
    path = project.path
    project.close()
    conn = sqlite3.connect(path)  # no GDAL, no SpatiaLite functions registered
    names = [r[0] for r in conn.execute("SELECT name FROM assets ORDER BY name")]
    assert "Altrincham Library" in names[0:3] or any("Altrincham" in n for n in names)
    with conn:
        conn.execute("UPDATE assets SET name = 'Renamed by sqlite3' WHERE fid = 1")
        conn.execute("DELETE FROM assets WHERE fid = 2")
    conn.close()
    frame = pyogrio.read_dataframe(path, layer="assets")
    assert "Renamed by sqlite3" in set(frame["name"])
    assert len(frame) == 12


def test_gdal_can_append_to_a_project_layer_without_breaking_it(project, trafford):
    """QGIS users edit layers too; assetmap must still open the file afterwards."""
    from assetmap.core import assets
    from assetmap.core.project import Project

    path = project.path
    project.close()
    extra = pyogrio.read_dataframe(path, layer="assets")  # empty but typed
    assert len(extra) == 0
    conn = sqlite3.connect(path)
    blob = gpkg.encode(np.array([shapely.Point(380000, 395000)], dtype=object), 27700)[0]
    with conn:
        conn.execute(
            "INSERT INTO assets (geom, uuid, name, category, created_at, updated_at) "
            "VALUES (?, 'qgis-1', 'Added in QGIS', 'uncategorised', '2026', '2026')",
            (blob,),
        )
    conn.close()
    with Project.open(path) as reopened:
        asset = assets.get(reopened, "qgis-1")
        assert (asset.x, asset.y) == (380000.0, 395000.0)
        assert asset.status == "active" and asset.review == "approved"
