"""Reading the files users actually have: council CSVs, Excel, zipped shapefiles, GeoPackages."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely

from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.io.readers import (
    SUPPORTED_SUFFIXES,
    gdal_path,
    is_vector,
    list_layers,
    read_table,
)


@pytest.fixture(scope="module")
def hubs_csv(sources: Path) -> Path:
    """Six community hubs; values hold commas and semicolons, phones start with 0."""
    return sources / "trafford" / "assets" / "trafford_community_hubs.csv"


@pytest.fixture(scope="module")
def lsoa_geojson(sources: Path) -> Path:
    return sources / "trafford" / "boundaries" / "trafford_lsoa2021_generalised.geojson"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# --- CSV -----------------------------------------------------------------------------------------


def test_land_assets_csv_read_as_written(land_assets_csv: Path) -> None:
    table = read_table(land_assets_csv)
    assert len(table) == 608
    assert table.row_noun == "row"
    assert table.encoding == "utf-8"
    assert table.geometry is None and table.crs is None
    np.testing.assert_array_equal(table.row_numbers, np.arange(2, 610))
    first = table.frame.iloc[0]
    assert first["PostCode"] == "WA14 1PF"
    assert first["GeoX"] == "-2.3520922"  # text, exactly as written: no float rounding
    assert first["UPRN"] == "100012797623"
    assert table.frame["PostCode"].tolist()[3] == "M31"  # partial postcodes are not "fixed"
    assert pd.isna(first["StreetNumber"])  # empty cells are missing, not ""
    assert all(pd.api.types.is_string_dtype(dtype) for dtype in table.frame.dtypes)
    header = _lines(land_assets_csv)[0].split(",")
    assert list(table.frame.columns) == header


def test_row_numbers_point_at_the_line_a_user_sees(land_assets_csv: Path) -> None:
    table = read_table(land_assets_csv)
    lines = _lines(land_assets_csv)
    rent_charge = table.frame["PropertyName"].str.contains("Rent Charge of", na=False)
    row = int(table.row_numbers[rent_charge.to_numpy()][0])
    assert "Rent Charge of" in lines[row - 1]


def test_cp1252_file_reads_the_same_and_says_so(land_assets_csv: Path, tmp_path: Path) -> None:
    # The register's only non-ASCII text is "Â£62": a "£" already mis-decoded once upstream.
    # Saved as cp1252 that is the bytes C2 A3, which are valid UTF-8 (and read back as "£").
    # The "£" a council's Windows export holds is the lone cp1252 byte A3, which is not.
    text = land_assets_csv.read_text(encoding="utf-8").replace("Â£", "£")
    utf8 = tmp_path / "assets_utf8.csv"
    utf8.write_text(text, encoding="utf-8")
    windows = tmp_path / "assets_cp1252.csv"
    windows.write_bytes(text.encode("cp1252"))
    table = read_table(windows)
    assert table.encoding == "cp1252"
    assert any("cp1252" in note for note in table.notes)
    pd.testing.assert_frame_equal(table.frame, read_table(utf8).frame)
    assert table.frame["PropertyName"].str.contains("£62", regex=False).sum() == 1


def test_imd_gzip_csv_with_bom(sources: Path) -> None:
    table = read_table(
        sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
    )
    assert table.frame.columns[0] == "LSOA code (2011)"
    assert len(table) == 32844
    assert table.encoding == "utf-8-sig"
    assert table.frame.iloc[0]["Index of Multiple Deprivation (IMD) Rank"] == "29,199"
    assert table.row_numbers[-1] == 32845


def test_semicolon_delimited_csv(hubs_csv: Path, tmp_path: Path) -> None:
    hubs = pd.read_csv(hubs_csv, dtype=str)
    semicolons = tmp_path / "hubs_semicolon.csv"
    hubs.to_csv(semicolons, sep=";", index=False)
    table = read_table(semicolons)
    assert list(table.frame.columns) == list(hubs.columns)
    assert table.frame["opening_hours"].tolist() == hubs["opening_hours"].tolist()
    assert table.frame["telephone"].tolist()[0] == "0161 941 2018"
    assert any("semicolons" in note for note in table.notes)


def test_tab_delimited_txt(hubs_csv: Path, tmp_path: Path) -> None:
    hubs = pd.read_csv(hubs_csv, dtype=str)
    tabs = tmp_path / "hubs.txt"
    hubs.to_csv(tabs, sep="\t", index=False)
    table = read_table(tabs)
    assert table.frame["postcode"].tolist() == hubs["postcode"].tolist()


def test_blank_lines_are_dropped_but_row_numbers_stay_true(hubs_csv: Path, tmp_path: Path) -> None:
    header, *rows = _lines(hubs_csv)
    padded = [header, rows[0], "", rows[1], ",,,,,,,,", "", rows[2], *rows[3:], "", ""]
    gappy = tmp_path / "hubs_gappy.csv"
    gappy.write_text("\n".join(padded) + "\n", encoding="utf-8")
    table = read_table(gappy)
    assert len(table) == 6
    assert table.frame["community_hub"].tolist()[:3] == ["Altrincham", "Old Trafford", "Partington"]
    assert table.row_numbers.tolist() == [2, 4, 7, 8, 9, 10]
    for name, row in zip(table.frame["community_hub"], table.row_numbers, strict=True):
        assert padded[row - 1].startswith(name)


def test_quoted_newlines_keep_one_row_per_record(hubs_csv: Path, tmp_path: Path) -> None:
    hubs = pd.read_csv(hubs_csv, dtype=str)
    hubs["address"] = hubs["address"].str.replace(", ", "\n", regex=False)
    multiline = tmp_path / "hubs_multiline.csv"
    hubs.to_csv(multiline, index=False)
    table = read_table(multiline)
    assert table.frame["address"].tolist() == hubs["address"].tolist()
    assert table.row_numbers.tolist() == [2, 3, 4, 5, 6, 7]


def test_blank_and_repeated_column_names_are_made_unique(hubs_csv: Path, tmp_path: Path) -> None:
    header, *rows = _lines(hubs_csv)
    renamed = header.replace("website", " ").replace("email", "postcode")
    odd = tmp_path / "hubs_odd_header.csv"
    odd.write_text("\n".join([renamed, *rows]) + "\n", encoding="utf-8")
    table = read_table(odd)
    assert list(table.frame.columns)[2:6] == ["postcode", "column_4", "postcode_2", "telephone"]
    assert table.frame["postcode_2"].tolist()[0] == "hopefood@altrinchambaptist.org"
    assert len(table.notes) == 2


def test_csv_progress_reaches_the_end(land_assets_csv: Path) -> None:
    seen: list[float] = []
    read_table(land_assets_csv, progress=lambda fraction, message: seen.append(fraction))
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


# --- XLSX ----------------------------------------------------------------------------------------


def _hubs_workbook(hubs_csv: Path, path: Path, *, title: bool) -> Path:
    """The hubs as a council would type them: lon/lat as numbers, a blank row, maybe a title."""
    hubs = pd.read_csv(hubs_csv, dtype=str)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hubs"
    if title:
        sheet.append(["Community hubs, Trafford"])
        sheet.append([])
    sheet.append(list(hubs.columns) + ["phone_digits", "uprn"])
    for number, record in enumerate(hubs.itertuples(index=False)):
        if number == 2:
            sheet.append([])
        values = list(record)
        values[7], values[8] = float(values[7]), float(values[8])
        sheet.append(values + [values[5].replace(" ", ""), 100012797623 + number])
    book.create_sheet("Notes").append(["source", "Trafford Data Lab"])
    book.save(path)
    return path


def test_xlsx_keeps_text_and_excel_row_numbers(hubs_csv: Path, tmp_path: Path) -> None:
    hubs = pd.read_csv(hubs_csv, dtype=str)
    table = read_table(_hubs_workbook(hubs_csv, tmp_path / "hubs.xlsx", title=False))
    assert table.layer == "Hubs"
    assert table.row_noun == "row"
    assert table.row_numbers.tolist() == [2, 3, 5, 6, 7, 8]  # Excel's numbers; row 4 is blank
    assert table.frame["phone_digits"].tolist()[0] == "01619412018"  # leading zero survives
    assert table.frame["telephone"].tolist() == hubs["telephone"].tolist()
    assert table.frame["postcode"].tolist() == hubs["postcode"].tolist()
    assert table.frame["uprn"].tolist()[0] == "100012797623"  # whole numbers stay whole
    assert float(table.frame["lon"].iloc[0]) == pytest.approx(float(hubs["lon"].iloc[0]), abs=1e-12)
    assert all(pd.api.types.is_string_dtype(dtype) for dtype in table.frame.dtypes)


def test_xlsx_title_above_the_table_is_skipped(hubs_csv: Path, tmp_path: Path) -> None:
    table = read_table(_hubs_workbook(hubs_csv, tmp_path / "hubs.xlsx", title=True))
    assert table.frame.columns[0] == "community_hub"
    assert table.row_numbers.tolist() == [4, 5, 7, 8, 9, 10]
    assert any("row 1" in note and "title" in note for note in table.notes)


def test_xlsx_sheets_are_layers(hubs_csv: Path, tmp_path: Path) -> None:
    workbook = _hubs_workbook(hubs_csv, tmp_path / "hubs.xlsx", title=False)
    assert [layer.name for layer in list_layers(workbook)] == ["Hubs", "Notes"]
    notes = read_table(workbook, layer="Notes")
    assert notes.frame.columns.tolist() == ["source", "Trafford Data Lab"]
    assert len(notes) == 0


def test_xlsx_unknown_sheet_lists_the_sheets(hubs_csv: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Assets"
    book.active.append(["name"])
    workbook = tmp_path / "book.xlsx"
    book.save(workbook)
    with pytest.raises(BadInputError, match="Assets") as caught:
        read_table(workbook, layer="Sheet9")
    assert "book.xlsx" in str(caught.value)


# --- vector files --------------------------------------------------------------------------------


def test_geojson_features_and_row_numbers(wards_geojson: Path) -> None:
    table = read_table(wards_geojson)
    assert len(table) == 21
    assert table.row_noun == "feature"
    assert table.crs is not None and table.crs.to_epsg() == 4326
    assert table.row_numbers.tolist() == list(range(1, 22))
    assert table.layer is None  # the only layer, not named by the caller
    assert "geometry" not in table.frame.columns
    assert all(geom.geom_type in ("Polygon", "MultiPolygon") for geom in table.geometry)
    assert "Altrincham" in table.frame["area_name"].tolist()
    assert table.frame["area"].dtype == np.float64  # vector files keep GDAL's types


def test_null_geometry_is_none(wards_geojson: Path, tmp_path: Path) -> None:
    collection = json.loads(wards_geojson.read_text(encoding="utf-8"))
    collection["features"][3]["geometry"] = None
    holed = tmp_path / "wards_null.geojson"
    holed.write_text(json.dumps(collection), encoding="utf-8")
    table = read_table(holed)
    assert table.geometry[3] is None
    assert table.geometry[2] is not None
    assert any("1 features have no geometry" in note for note in table.notes)


def _write_shapefile(source: Path, folder: Path, stem: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    gpd.read_file(source).to_file(folder / f"{stem}.shp", driver="ESRI Shapefile")
    return sorted(folder.glob(f"{stem}.*"))


def _zip(archive: Path, files: list[Path], prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for file in files:
            handle.write(file, prefix + file.name)
    return archive


def test_zipped_shapefile(wards_geojson: Path, tmp_path: Path) -> None:
    parts = _write_shapefile(wards_geojson, tmp_path / "shp", "wards")
    archive = _zip(tmp_path / "wards.zip", parts)
    assert is_vector(archive)
    assert gdal_path(archive).startswith("/vsizip/") and gdal_path(archive).endswith("wards.shp")
    table = read_table(archive)
    assert len(table) == 21
    assert table.crs is not None and table.crs.to_epsg() == 4326
    assert table.layer == "wards"
    original = read_table(wards_geojson)
    assert sorted(table.frame["area_code"]) == sorted(original.frame["area_code"])
    assert shapely.equals_exact(table.geometry[0], original.geometry[0], tolerance=1e-9)


def test_zipped_shapefile_in_a_subfolder(wards_geojson: Path, tmp_path: Path) -> None:
    parts = _write_shapefile(wards_geojson, tmp_path / "shp", "wards")
    archive = _zip(tmp_path / "download.zip", parts, prefix="Trafford/boundaries/")
    table = read_table(archive)
    assert len(table) == 21
    assert table.crs.to_epsg() == 4326


def test_zip_with_two_shapefiles_needs_a_layer(
    wards_geojson: Path, lsoa_geojson: Path, tmp_path: Path
) -> None:
    parts = _write_shapefile(wards_geojson, tmp_path / "shp", "wards")
    parts += _write_shapefile(lsoa_geojson, tmp_path / "shp", "lsoa")
    archive = _zip(tmp_path / "both.zip", parts)
    with pytest.raises(BadInputError, match="lsoa") as caught:
        read_table(archive)
    assert "wards" in str(caught.value) and "both.zip" in str(caught.value)
    assert len(read_table(archive, layer="lsoa")) == 139
    layers = {layer.name: layer for layer in list_layers(archive)}
    assert layers["wards"].feature_count == 21
    assert layers["lsoa"].geometry_type in ("Polygon", "MultiPolygon")


def test_zip_without_a_readable_file(land_assets_csv: Path, tmp_path: Path) -> None:
    archive = _zip(tmp_path / "papers.zip", [land_assets_csv])
    with pytest.raises(BadInputError, match="shapefile") as caught:
        read_table(archive)
    assert "papers.zip" in str(caught.value)


def test_geopackage_with_two_layers(
    wards_geojson: Path, lsoa_geojson: Path, tmp_path: Path
) -> None:
    package = tmp_path / "areas.gpkg"
    gpd.read_file(wards_geojson).to_file(package, layer="wards_2023", driver="GPKG")
    gpd.read_file(lsoa_geojson).to_file(package, layer="lsoa_2021", driver="GPKG")
    with pytest.raises(BadInputError) as caught:
        read_table(package)
    message = str(caught.value)
    assert "areas.gpkg" in message and "wards_2023" in message and "lsoa_2021" in message
    table = read_table(package, layer="lsoa_2021")
    assert len(table) == 139
    assert table.layer == "lsoa_2021"
    assert table.crs.to_epsg() == 4326
    with pytest.raises(BadInputError, match="wards_2023"):
        read_table(package, layer="msoa")
    assert {layer.name: layer.feature_count for layer in list_layers(package)} == {
        "wards_2023": 21,
        "lsoa_2021": 139,
    }


def test_gzipped_geojson(lsoa_geojson: Path, tmp_path: Path) -> None:
    packed = tmp_path / "lsoa.geojson.gz"
    packed.write_bytes(gzip.compress(lsoa_geojson.read_bytes()))
    assert gdal_path(packed).startswith("/vsigzip/")
    table = read_table(packed)
    assert len(table) == 139
    assert table.crs.to_epsg() == 4326
    assert table.frame["area_code"].str.startswith("E01").all()


# --- errors and cancelling -----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="does not exist") as caught:
        read_table(tmp_path / "assets_2024.csv")
    assert "assets_2024.csv" in str(caught.value)


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    document = tmp_path / "asset list.docx"
    document.write_bytes(b"PK\x03\x04 not really a document")
    with pytest.raises(BadInputError) as caught:
        read_table(document)
    message = str(caught.value)
    assert "asset list.docx" in message and ".docx" in message
    assert all(suffix in message for suffix in (".csv", ".xlsx", ".gpkg", ".geojson", ".zip"))
    assert ".csv" in SUPPORTED_SUFFIXES


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_csv(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(content)
    with pytest.raises(BadInputError, match="empty") as caught:
        read_table(empty)
    assert "empty.csv" in str(caught.value)


def test_csv_without_header(sources: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(sources / "codepoint" / "codepo_gb_m_sk_wa.zip") as archive:
        rows = archive.read("Data/CSV/wa.csv").splitlines()[:50]
    headless = tmp_path / "wa.csv"
    headless.write_bytes(b"\n".join(rows))
    with pytest.raises(BadInputError, match="column names") as caught:
        read_table(headless)
    assert "wa.csv" in str(caught.value)


def test_row_with_too_many_values_is_named(hubs_csv: Path, tmp_path: Path) -> None:
    header, *rows = _lines(hubs_csv)
    rows[2] = rows[2] + ",extra"
    broken = tmp_path / "hubs_broken.csv"
    broken.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(BadInputError) as caught:
        read_table(broken)
    assert caught.value.row == 4
    assert "hubs_broken.csv, line 4" in str(caught.value)


def test_corrupt_geojson(wards_geojson: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "wards_truncated.geojson"
    truncated.write_bytes(wards_geojson.read_bytes()[:5000])
    with pytest.raises(BadInputError, match="GDAL") as caught:
        read_table(truncated)
    assert "wards_truncated.geojson" in str(caught.value)
    assert str(tmp_path) not in str(caught.value)


def test_cancel_stops_reading(land_assets_csv: Path, wards_geojson: Path) -> None:
    for path in (land_assets_csv, wards_geojson):
        with pytest.raises(Cancelled):
            read_table(path, cancelled=lambda: True)


def test_list_layers_of_a_csv(land_assets_csv: Path) -> None:
    (layer,) = list_layers(land_assets_csv)
    assert layer.name == "trafford_land_and_building_assets"
    assert layer.geometry_type is None
