"""The OSM basemap of a whole county: Rutland's extract (Geofabrik, 2022-07-20) on its LSOAs."""

from __future__ import annotations

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Transformer

from assetmap.core import summary
from assetmap.core.basemap import CLASSES, DRAW_ORDER, TABLES, store

TO_BNG = Transformer.from_crs(4326, 27700, always_xy=True)


def bng(lon: float, lat: float) -> shapely.Point:
    return shapely.Point(*TO_BNG.transform(lon, lat))


def test_county_import_has_sensible_counts_per_layer(rutland_basemap_file):
    _, report = rutland_basemap_file
    layers = report.layers
    assert list(layers) == list(TABLES)
    assert 5_000 < layers["basemap_roads"] < 9_000  # 6,665 highway ways in the file
    assert 100 < layers["basemap_railways"] < 200
    assert 300 < layers["basemap_waterways"] < 450
    assert 100 < layers["basemap_water"] < 250
    assert 1_500 < layers["basemap_green"] < 3_000
    assert 4_000 < layers["basemap_buildings"] < 5_000  # 4,541 + 16 relations
    assert 100 < layers["basemap_places"] < 300
    assert 800 < report.streets < 1_500  # 1,938 named ways joined into streets
    assert report.imported == sum(layers.values())
    assert report.extract_date == "2022-07-20T20:21:45Z"
    assert report.committed and not report.rejected


def test_layers_are_registered_geopackage_layers_in_the_project_crs(rutland):
    listed = dict(pyogrio.list_layers(rutland.path))
    expected = {
        "basemap_roads": "MultiLineString",
        "basemap_railways": "MultiLineString",
        "basemap_waterways": "MultiLineString",
        "basemap_water": "MultiPolygon",
        "basemap_green": "MultiPolygon",
        "basemap_buildings": "MultiPolygon",
        "basemap_places": "Point",
    }
    for table, kind in expected.items():
        assert listed[table] == kind
        info = pyogrio.read_info(rutland.path, layer=table)
        assert info["crs"] == "EPSG:27700"
        assert info["features"] == store.info(rutland).layers[table]
    roads = pyogrio.read_dataframe(rutland.path, layer="basemap_roads", max_features=5)
    assert {"class", "name", "ref", "osm_id"} <= set(roads.columns)


def test_read_api_returns_every_layer_with_its_classes(rutland):
    assert store.has_basemap(rutland)
    frames = store.layers(rutland)
    assert list(frames) == list(DRAW_ORDER)
    for table, frame in frames.items():
        assert frame.crs.to_epsg() == 27700
        assert set(frame["class"]) <= set(CLASSES[table]), table
        assert not frame.geometry.is_empty.any()
    roads = frames["basemap_roads"]
    assert {"trunk", "primary", "secondary", "tertiary", "minor", "path"} <= set(roads["class"])
    assert {"A1", "A47", "A606", "A6003"} <= set(roads["ref"].dropna())
    railways = set(frames["basemap_railways"]["name"].dropna())
    assert "East Coast Main Line" in railways
    rivers = frames["basemap_waterways"]
    assert "River Welland" in set(rivers.loc[rivers["class"] == "river", "name"])


def test_rutland_water_is_one_big_reservoir_containing_its_middle(rutland):
    water = store.layer(rutland, "basemap_water")
    reservoir = water[water["name"] == "Rutland Water"]
    assert len(reservoir) == 1
    assert reservoir["class"].iloc[0] == "reservoir"
    assert reservoir["osm_id"].iloc[0] == "relation/4027582"
    assert 10e6 < reservoir.area.iloc[0] < 14e6  # about 12.6 km² of water at top level
    assert reservoir.geometry.iloc[0].contains(bng(-0.62, 52.655))


def test_oakham_and_uppingham_are_towns_where_they_belong(rutland):
    places = store.layer(rutland, "basemap_places")
    towns = places[places["class"] == "town"].set_index("name")
    assert set(towns.index) == {"Oakham", "Uppingham"}
    assert towns.geometry["Oakham"].distance(bng(-0.728, 52.670)) < 1_000
    assert towns.geometry["Uppingham"].distance(bng(-0.723, 52.589)) < 1_000
    villages = places[places["class"] == "village"]
    assert len(villages) > 45 and {"Ketton", "Empingham", "Cottesmore"} <= set(villages["name"])
    assert places["osm_id"].str.startswith(("node/", "way/", "relation/")).all()
    morcott = places[places["name"] == "Morcott"]
    assert morcott["population"].iloc[0] == 329  # the only place with a population tag


def test_everything_lies_inside_the_areas_plus_the_margin(rutland):
    info = store.info(rutland)
    minx, miny, maxx, maxy = info.bounds
    assert info.margin_m == 2000.0
    for table, frame in store.layers(rutland).items():
        if not len(frame):
            continue
        b = frame.total_bounds
        assert b[0] >= minx - 1e-6 and b[1] >= miny - 1e-6, table
        assert b[2] <= maxx + 1e-6 and b[3] <= maxy + 1e-6, table


def test_record_source_and_attribution(rutland):
    info = store.info(rutland)
    assert info.source_file == "rutland-latest-20220720.osm.pbf"
    assert info.source_size == 1_609_743
    assert info.extract_date == "2022-07-20T20:21:45Z"
    assert info.attribution == "© OpenStreetMap contributors"
    assert "ODbL" in info.licence
    assert info.buildings
    assert info.features == sum(info.layers.values())
    assert store.attribution(rutland) == "© OpenStreetMap contributors"
    assert any("© OpenStreetMap contributors" in line for line in summary.attributions(rutland))
    sources = summary.summary(rutland)["sources"]
    assert [s["kind"] for s in sources] == ["areas", "basemap"]


def test_bounds_filter_returns_only_features_near_the_box(rutland):
    oakham = bng(-0.728, 52.670)
    box = (oakham.x - 500, oakham.y - 500, oakham.x + 500, oakham.y + 500)
    near = store.layer(rutland, "basemap_buildings", bounds=box)
    every = store.layer(rutland, "basemap_buildings")
    assert 0 < len(near) < len(every)
    assert near.intersects(shapely.box(*box)).all()


def test_no_basemap_means_empty_read_api(project):
    assert not store.has_basemap(project)
    assert store.info(project) is None
    assert store.attribution(project) is None
    assert store.layers(project) == {}
    assert len(store.layer(project, "basemap_roads")) == 0
    with pytest.raises(KeyError):
        store.layer(project, "roads")


def test_buildings_only_when_asked(rutland_areas, rutland_pbf):
    from assetmap.core.basemap import BasemapOptions, import_basemap

    report = import_basemap(rutland_areas, rutland_pbf, BasemapOptions())
    assert report.layers["basemap_buildings"] == 0
    assert any("--buildings" in note for note in report.notes)
    assert not store.info(rutland_areas).buildings
    assert np.isin(TABLES, [r[0] for r in pyogrio.list_layers(rutland_areas.path)]).all()
