"""import-areas, join-indicators and import-basemap, given hostile files: refused whole,
with the file (and row and field where there is one) named, the project byte-identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def square(x: float, y: float, size: float = 0.01) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def areas_file(folder: Path, name: str, features: list[dict]) -> Path:
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def area(code: object, rings: object, kind: str = "Polygon", **properties: object) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": f"Area {code}", **properties},
        "geometry": {"type": kind, "coordinates": rings},
    }


# ---- import-areas ------------------------------------------------------------------------
def test_areas_from_a_table_without_geometry(inputs, refused):
    source = write(inputs, "codes.csv", "code,name\nE01000001,A\n")
    refused("import-areas", source, "--set", "New", says=("codes.csv", "no geometry"))


def test_points_offered_as_areas(inputs, refused):
    feature = {
        "type": "Feature",
        "properties": {"code": "E01000001"},
        "geometry": {"type": "Point", "coordinates": [-2.3, 53.4]},
    }
    source = areas_file(inputs, "points.geojson", [feature])
    refused("import-areas", source, "--set", "New", says=("points.geojson", "not an area"))


def test_areas_with_no_code_field_to_be_found(inputs, refused):
    features = [area("x", square(-2.3, 53.4))]
    for feature in features:
        feature["properties"] = {"colour": "red"}
    source = areas_file(inputs, "nocode.geojson", features)
    refused("import-areas", source, "--set", "New", says=("nocode.geojson", "area code"))


def test_every_area_code_repeated_or_missing(inputs, refused):
    features = [area(None, square(-2.3, 53.4)), area(None, square(-2.2, 53.4))]
    source = areas_file(inputs, "blank.geojson", features)
    args = ("--set", "New", "--code-field", "code")
    refused("import-areas", source, *args, says=("blank.geojson", "no area code"))


def test_an_area_set_name_already_used(inputs, refused):
    source = areas_file(inputs, "a.geojson", [area("E1", square(-2.3, 53.4))])
    name = "Neighbourhoods (LSOA 2021)"
    refused("import-areas", source, "--set", name, says=(name, "already has an area set"))


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_area_set_name(inputs, refused, name):
    source = areas_file(inputs, "a.geojson", [area("E1", square(-2.3, 53.4))])
    refused("import-areas", source, "--set", name, says=("--set", "name"))


def test_a_code_field_the_file_does_not_have(inputs, refused):
    source = areas_file(inputs, "a.geojson", [area("E1", square(-2.3, 53.4))])
    args = ("--set", "New", "--code-field", "LSOA21CD")
    refused("import-areas", source, *args, says=("a.geojson", "LSOA21CD"))


def test_a_shapefile_without_coordinate_system_far_from_anywhere(inputs, refused):
    import geopandas as gpd
    import shapely

    folder = inputs / "noprj"
    folder.mkdir()
    frame = gpd.GeoDataFrame(
        {"code": ["A", "B"]},
        geometry=[
            shapely.box(5e7, 5e7, 5e7 + 10, 5e7 + 10),
            shapely.box(6e7, 6e7, 6e7 + 5, 6e7 + 5),
        ],
    )
    frame.to_file(folder / "odd.shp")
    (folder / "odd.prj").unlink(missing_ok=True)
    refused("import-areas", folder / "odd.shp", "--set", "New", says=("odd.shp", "coordinate"))


# ---- join-indicators ---------------------------------------------------------------------
LSOA = "Neighbourhoods (LSOA 2021)"


def test_indicators_for_an_area_set_that_does_not_exist(inputs, refused):
    source = write(inputs, "i.csv", "code,score\nE01005998,1\n")
    args = ("--set", "Parishes", "--key-field", "code")
    refused("join-indicators", source, *args, says=("Parishes", "no area set"))


def test_indicators_without_the_key_field(inputs, refused):
    source = write(inputs, "i.csv", "code,score\nE01005998,1\n")
    args = ("--set", LSOA, "--key-field", "lsoa21cd")
    refused("join-indicators", source, *args, says=("i.csv", "lsoa21cd"))


def test_indicators_whose_keys_match_no_area(inputs, refused):
    source = write(inputs, "far.csv", "code,score\nW01000001,1\nW01000002,2\n")
    args = ("--set", LSOA, "--key-field", "code")
    refused("join-indicators", source, *args, says=("far.csv", "match"))


def test_indicators_with_a_malformed_row_filter(inputs, refused):
    source = write(inputs, "w.csv", "code,sex,score\nE01005998,Persons,1\n")
    args = ("--set", LSOA, "--key-field", "code", "--where", "gender")
    refused("join-indicators", source, *args, says=("w.csv", "FIELD=VALUE"))


def test_indicators_naming_a_field_the_file_does_not_have(inputs, refused):
    source = write(inputs, "f.csv", "code,score\nE01006074,1\n")
    args = ("--set", LSOA, "--key-field", "code", "--fields", "population")
    refused("join-indicators", source, *args, says=("f.csv", "population"))


def test_indicators_from_a_header_only(inputs, refused):
    source = write(inputs, "h.csv", "code,score\n")
    args = ("--set", LSOA, "--key-field", "code")
    refused("join-indicators", source, *args, says=("h.csv",))


# ---- import-basemap ----------------------------------------------------------------------
def test_a_basemap_that_is_not_openstreetmap_data(inputs, refused):
    path = inputs / "junk.osm.pbf"
    path.write_bytes(bytes(range(256)) * 40)
    refused("import-basemap", path, says=("junk.osm.pbf",))


def test_a_basemap_extract_with_nothing_in_it(inputs, refused):
    source = write(inputs, "empty.osm", '<?xml version="1.0"?><osm version="0.6"></osm>')
    refused("import-basemap", source, says=("empty.osm",))


def test_a_basemap_extract_that_is_missing(inputs, refused):
    refused("import-basemap", inputs / "gone.osm.pbf", says=("gone.osm.pbf",))


def test_indicators_two_thousand_five_hundred_columns_wide(inputs, refused):
    path = inputs / "wide.csv"
    names = ",".join(f"v{i}" for i in range(2_500))
    values = ",".join("1" for _ in range(2_500))
    path.write_text(f"code,{names}\nE01006074,{values}\n")
    args = ("--set", LSOA, "--key-field", "code")
    refused("join-indicators", path, *args, says=("wide.csv", "columns"))
