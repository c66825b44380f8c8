"""Small urban OSM XML extracts (Overpass exports), clipping, and files that are not usable."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import geopandas as gpd
import pytest
import shapely
from pyproj import Transformer

from assetmap.core.basemap import BasemapOptions, import_basemap, prepare_basemap, store
from assetmap.core.basemap.importer import MISSING_MEMBERS_NOTE
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.imports import import_areas
from assetmap.core.io.area_import import AreaImportOptions

LEVENSHULME_CENTRE = (-2.2030, 53.4510)  # middle of the Overpass query polygon


def test_stretford_town_centre(project, stretford_osm):
    report = import_basemap(project, stretford_osm, BasemapOptions(buildings=True))
    layers = report.layers
    assert 80 < layers["basemap_roads"] < 130  # 105 highway ways
    assert layers["basemap_buildings"] == 10
    assert report.extract_date == "2024-03-22T14:09:45Z"
    canal = store.layer(project, "basemap_waterways")
    assert list(canal["name"]) == ["Bridgewater Canal"] and list(canal["class"]) == ["canal"]
    buildings = set(store.layer(project, "basemap_buildings")["name"].dropna())
    assert {"Stretford Mall", "Stretford Public Hall"} <= buildings
    roads = store.layer(project, "basemap_roads")
    assert {"Kingsway", "Edge Lane", "Chester Road"} <= set(roads["name"].dropna())
    # no area sets: the whole file, said in the report
    assert store.info(project).bounds is None
    assert any("no area sets" in note for note in report.notes)


def test_levenshulme_dense_streets_and_railways(project, levenshulme_osm):
    report = import_basemap(project, levenshulme_osm, BasemapOptions(buildings=True))
    layers = report.layers
    assert 180 < layers["basemap_roads"] < 230  # 210 highway ways
    assert 800 < layers["basemap_buildings"] < 900  # 852 building ways
    assert 30 < layers["basemap_railways"] < 60
    railways = set(store.layer(project, "basemap_railways")["name"].dropna())
    assert {"Manchester-Crewe Line", "Styal Line"} <= railways
    green = store.layer(project, "basemap_green")
    assert {"Crowcroft Park", "Birchfields Park"} <= set(green["name"].dropna())
    streets = project.conn.execute("SELECT name FROM am_basemap_streets").fetchall()
    assert ("Stockport Road",) in streets and ("Slade Lane",) in streets


def _square_areas(project, tmp_path, centre, half_m):
    x, y = Transformer.from_crs(4326, 27700, always_xy=True).transform(*centre)
    square = shapely.box(x - half_m, y - half_m, x + half_m, y + half_m)
    path = tmp_path / "square.geojson"
    gpd.GeoDataFrame({"code": ["SQ1"], "name": ["Square"]}, geometry=[square], crs=27700).to_crs(
        4326
    ).to_file(path, driver="GeoJSON")
    import_areas(project, path, AreaImportOptions("Square", code_field="code", name_field="name"))
    return square


def test_margin_clips_to_the_areas_bounds(project, tmp_path, levenshulme_osm):
    square = _square_areas(project, tmp_path, LEVENSHULME_CENTRE, 200)
    counts = {}
    for margin in (0, 300):
        prepared = prepare_basemap(
            project, levenshulme_osm, BasemapOptions(margin_m=margin, buildings=True)
        )
        box = shapely.box(*prepared.record["bounds"])
        expected = shapely.box(*square.buffer(margin, join_style="mitre").bounds)
        assert shapely.hausdorff_distance(box, expected) < 1.0  # areas went via lon/lat
        for table, geoms in prepared.geometries.items():
            assert shapely.covers(box.buffer(1e-6), geoms).all(), (margin, table)
            # clipped, not just selected: long railway lines are cut at the box
        counts[margin] = prepared.counts
    assert counts[0]["basemap_buildings"] < counts[300]["basemap_buildings"] < 852
    assert counts[0]["basemap_roads"] < counts[300]["basemap_roads"] < 210
    report = import_basemap(project, levenshulme_osm, BasemapOptions(margin_m=300))
    minx, miny, maxx, maxy = store.info(project).bounds
    assert (maxx - minx) == pytest.approx(1000.0, abs=1) and (maxy - miny) == pytest.approx(
        1000.0, abs=1
    )
    assert report.layers["basemap_roads"] == counts[300]["basemap_roads"]


def test_extract_with_missing_relation_members_imports_with_a_note(
    project, tmp_path, levenshulme_osm
):
    """Cut the extract as an extract service would at its edge: half of the ways (members of
    multipolygon relations among them) and a tenth of the nodes are gone."""
    tree = ET.parse(levenshulme_osm)
    root = tree.getroot()
    ways = root.findall("way")
    way_ids = {w.get("id") for w in ways}
    relation = next(
        r
        for r in root.findall("relation")
        if any(t.get("v") == "multipolygon" for t in r.findall("tag"))
        and all(m.get("ref") in way_ids for m in r.findall("member[@type='way']"))
    )
    member_ways = {m.get("ref") for m in relation.findall("member[@type='way']")}
    for way in ways:
        if way.get("id") in member_ways or int(way.get("id")) % 2:
            root.remove(way)
    for node in root.findall("node")[::10]:
        root.remove(node)
    cut = tmp_path / "levenshulme_cut.osm"
    tree.write(cut, encoding="utf-8", xml_declaration=True)

    report = import_basemap(project, cut, BasemapOptions(buildings=True))
    assert report.committed
    assert 0 < report.layers["basemap_roads"] < 210
    assert MISSING_MEMBERS_NOTE in report.notes
    assert any("nodes are missing" in note for note in report.notes)
    ids = set(store.layer(project, "basemap_green")["osm_id"]) | set(
        store.layer(project, "basemap_water")["osm_id"]
    )
    assert f"relation/{relation.get('id')}" not in ids


def test_extract_that_does_not_cover_the_project_names_both_extents(
    rutland_areas, stretford_osm, rutland_pbf
):
    with pytest.raises(BadInputError) as caught:
        import_basemap(rutland_areas, stretford_osm)
    text = str(caught.value)
    assert caught.value.file == stretford_osm.name
    assert "does not cover the project" in text
    assert "lon -2.31" in text and "lon -0.8" in text  # the extract's and the project's
    assert not store.has_basemap(rutland_areas)


def test_pbf_header_extent_is_checked_before_reading(project, tmp_path, rutland_pbf):
    _square_areas(project, tmp_path, LEVENSHULME_CENTRE, 200)
    with pytest.raises(BadInputError, match=r"the extract spans lon -0\.8229 to -0\.4277"):
        import_basemap(project, rutland_pbf)


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("areas.geojson", None, "GDAL reads it as GeoJSON"),
        ("garbage.osm.pbf", b"\x00\x01 not a protocol buffer", "is not an OpenStreetMap extract"),
        ("table.csv", b"name,x\nA,1\n", "GDAL reads it as CSV"),
        ("missing.osm.pbf", False, "does not exist"),
    ],
)
def test_files_that_are_not_osm_extracts(project, tmp_path, sources, name, content, says):
    path = tmp_path / name
    if content is None:
        path = sources / "national_rutland" / "rutland_lsoa2011_bsc.geojson"
    elif content is not False:
        path.write_bytes(content)
    with pytest.raises(BadInputError) as caught:
        import_basemap(project, path)
    assert caught.value.file == path.name
    assert says in str(caught.value)
    assert not store.has_basemap(project)


def test_negative_margin_is_refused(project, stretford_osm):
    with pytest.raises(BadInputError, match="margin"):
        import_basemap(project, stretford_osm, BasemapOptions(margin_m=-1))


def test_cancel_leaves_the_project_as_it_was(rutland, levenshulme_osm):
    before = store.info(rutland)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        import_basemap(rutland, levenshulme_osm, cancelled=cancelled)
    assert store.info(rutland) == before


def test_progress_runs_from_start_to_done(project, stretford_osm):
    seen: list[tuple[float, str]] = []
    import_basemap(project, stretford_osm, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0 and seen[-1][1] == "Done"
    assert any("Reading lines" in m for _, m in seen)
