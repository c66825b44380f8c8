"""import-assets, given hostile files: refused whole, with the file (and row and field where
there is one) named, the project byte-identical."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def geojson(folder: Path, name: str, features: list[dict], **extra: object) -> Path:
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features, **extra}))
    return path


def point(lon: float, lat: float, **properties: object) -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
    }


# ---- tables ------------------------------------------------------------------------------
def test_an_empty_csv(inputs, refused):
    refused("import-assets", write(inputs, "e.csv", ""), says=("e.csv", "empty"))


def test_a_csv_of_blank_lines(inputs, refused):
    refused("import-assets", write(inputs, "b.csv", "\n \n\t\n"), says=("b.csv", "empty"))


def test_a_header_and_no_rows(inputs, refused):
    source = write(inputs, "h.csv", "name,lat,lon\n")
    refused("import-assets", source, says=("h.csv", "no rows"))


def test_a_csv_whose_first_line_is_data(inputs, refused):
    source = write(inputs, "d.csv", "Sale Library,53.42,-2.32\nAltrincham Library,53.38,-2.35\n")
    refused("import-assets", source, says=("d.csv", "fields: Sale Library"))


def test_a_ragged_row(inputs, refused):
    source = write(inputs, "r.csv", "name,lat,lon\nA,53.4,-2.3\nB,53.4,-2.3,extra,more\n")
    refused("import-assets", source, says=("r.csv", "line 3", "values"))


def test_binary_garbage_named_csv(inputs, refused):
    path = inputs / "g.csv"
    path.write_bytes(bytes(range(256)) * 200)
    refused("import-assets", path, says=("g.csv",))


def test_coordinates_all_out_of_range(inputs, refused):
    source = write(inputs, "o.csv", "name,lat,lon\nA,953.4,-2.3\nB,-91,500\n")
    refused("import-assets", source, says=("o.csv", "rejected"))


@pytest.mark.parametrize(
    ("flag", "column"),
    [
        ("--lat-field", "latitude"),
        ("--name-field", "title"),
        ("--category-field", "kind"),
        ("--postcode-field", "pc"),
    ],
)
def test_a_named_field_the_file_does_not_have(inputs, refused, flag, column):
    source = write(inputs, "f.csv", "name,lat,lon\nA,53.4,-2.3\n")
    args = [flag, column] + (["--lon-field", "lon"] if flag == "--lat-field" else [])
    refused("import-assets", source, *args, says=("f.csv", column))


def test_lat_without_lon(inputs, refused):
    source = write(inputs, "l.csv", "name,lat,lon\nA,53.4,-2.3\n")
    refused("import-assets", source, "--lat-field", "lat", says=("--lon-field",))


def test_a_coordinate_system_nobody_knows(inputs, refused):
    source = write(inputs, "c.csv", "name,x,y\nA,380000,395000\n")
    args = ("--x-field", "x", "--y-field", "y", "--crs", "EPSG:999999")
    refused("import-assets", source, *args, says=("EPSG:999999",))


def test_a_name_column_that_cannot_be_found(inputs, refused):
    source = write(inputs, "n.csv", "a,b\n53.4,-2.3\n")
    refused("import-assets", source, says=("n.csv", "name"))


def test_an_unknown_category_key_in_a_value_map(inputs, refused):
    source = write(inputs, "k.csv", "name,lat,lon\nA,53.4,-2.3\n")
    refused("import-assets", source, "--skip-fields", "nope", says=("k.csv", "nope"))


def test_invalid_json(inputs, refused):
    source = write(inputs, "j.geojson", '{"type": "FeatureCollection", "features": [')
    refused("import-assets", source, says=("j.geojson",))


def test_a_feature_collection_with_no_features(inputs, refused):
    refused("import-assets", geojson(inputs, "z.geojson", []), says=("z.geojson",))


def test_points_at_absurd_coordinates(inputs, refused):
    features = [point(1e300, 1e300, name="A"), point(float("inf"), 0, name="B")]
    path = inputs / "abs.geojson"
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}).replace("Infinity", "1e400")
    )
    refused("import-assets", path, says=("abs.geojson",))


def test_a_geopackage_with_several_layers_and_none_chosen(inputs, refused, trafford):
    import geopandas as gpd

    path = inputs / "two.gpkg"
    libraries = gpd.read_file(trafford / "assets" / "trafford_libraries.geojson")
    libraries.to_file(path, layer="libraries")
    libraries.to_file(path, layer="copy")
    refused("import-assets", path, says=("two.gpkg", "layers"))


def test_a_layer_that_does_not_exist(inputs, refused, trafford):
    import geopandas as gpd

    path = inputs / "one.gpkg"
    gpd.read_file(trafford / "assets" / "trafford_libraries.geojson").to_file(path)
    refused("import-assets", path, "--layer", "nope", says=("one.gpkg", "nope"))


# ---- archives ----------------------------------------------------------------------------
def test_a_zip_with_nothing_readable(inputs, refused):
    path = inputs / "docs.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused("import-assets", path, says=("docs.zip", "no shapefile"))


def test_a_zipped_shapefile_missing_its_parts(inputs, refused, trafford):
    import geopandas as gpd

    folder = inputs / "shp"
    folder.mkdir()
    libraries = gpd.read_file(trafford / "assets" / "trafford_libraries.geojson")
    libraries[["Name", "geometry"]].to_file(folder / "l.shp")
    path = inputs / "parts.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(folder / "l.shp", "l.shp")
    refused("import-assets", path, says=("parts.zip",))


def test_a_file_that_is_not_a_zip(inputs, refused):
    refused("import-assets", write(inputs, "fake.zip", "not a zip"), says=("fake.zip",))


def test_a_workbook_that_is_not_a_workbook(inputs, refused):
    refused("import-assets", write(inputs, "fake.xlsx", "name\nA\n"), says=("fake.xlsx",))


def test_a_workbook_with_an_empty_sheet(inputs, refused):
    import openpyxl

    path = inputs / "blank.xlsx"
    openpyxl.Workbook().save(path)
    refused("import-assets", path, says=("blank.xlsx", "empty"))


def test_a_sheet_that_does_not_exist(inputs, refused):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["name", "lat", "lon"])
    book.active.append(["A", 53.4, -2.3])
    path = inputs / "s.xlsx"
    book.save(path)
    refused("import-assets", path, "--layer", "Sheet9", says=("s.xlsx", "Sheet9"))


def test_a_truncated_gzip(inputs, refused):
    path = inputs / "t.csv.gz"
    path.write_bytes(gzip.compress(b"name,lat,lon\n" + b"A,53.4,-2.3\n" * 1000)[:60])
    refused("import-assets", path, says=("t.csv.gz", "gzip"))


# ---- the command itself ------------------------------------------------------------------
def test_an_unsupported_kind_of_file(inputs, refused):
    refused("import-assets", write(inputs, "letter.docx", "x"), says=("letter.docx", ".docx"))


def test_a_folder_as_the_input(inputs, refused):
    folder = inputs / "data.csv"
    folder.mkdir()
    refused("import-assets", folder, says=("data.csv", "folder"))


def test_a_postcode_index_that_is_not_one(inputs, refused):
    source = write(inputs, "pc.csv", "name,postcode\nLibrary,M32 0TH\n")
    index = write(inputs, "index.csv", "nothing,useful\n1,2\n")
    refused("import-assets", source, "--postcode-index", index, says=("index.csv",))


# ---- files built to exhaust memory or time ---------------------------------------------------
def test_a_gzip_bomb_of_newlines(inputs, refused):
    path = inputs / "bomb.csv.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b"name,lat,lon\nA,53.4,-2.3\n")
        block = b"\n" * (1 << 20)
        for _ in range(200):  # 200 MB of blank lines in a file of about 200 kB
            fh.write(block)
    refused("import-assets", path, says=("bomb.csv.gz", "compress"))


def test_two_hundred_thousand_columns(inputs, refused):
    path = inputs / "wide.csv"
    header = ",".join(f"c{i}" for i in range(200_000))
    path.write_text(f"name,{header}\nA,{',' * 199_999}\n")
    refused("import-assets", path, says=("wide.csv", "columns"))


def test_one_value_of_a_million_characters(inputs, refused):
    path = inputs / "long.csv"
    path.write_text("name,lat,lon\n" + "x" * 1_000_000 + ",53.4,-2.3\n")
    refused("import-assets", path, says=("long.csv", "characters"))


def test_a_zip_bomb(inputs, refused):
    path = inputs / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("bomb.geojson", b" " * (300 << 20))
    refused("import-assets", path, says=("bomb.zip",))
