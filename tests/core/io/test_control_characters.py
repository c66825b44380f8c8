"""Control characters in imported text are removed (tab and new line kept) and reported, in
every format, so every exporter can write what a project holds (XLSX cannot hold most of them).
"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from assetmap.core import assets
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.preview import preview
from assetmap.core.io.readers import read_table

# NUL, vertical tab, ESC (a terminal colour code), DEL, and C1's NEL and APC (U+009F)
DIRTY = "Lunch\x00 club\x0bTuesdays \x1b[31mfree\x1b[0m\x7f"
CLEAN = "Lunch club\nTuesdays [31mfree[0m"


def test_a_csv_keeps_tab_and_new_line_and_says_what_it_removed(tmp_path):
    source = tmp_path / "hubs.csv"
    source.write_bytes(
        "name,na\x00me2,postcode\r\n"
        f'"{DIRTY}",a,WA14 1PF\r\n'
        '"tab\there\r\nand a Windows line break",b,M32 0TL\r\n'
        "plain\u0085next\u009f,c,M1 1AA\r\n".encode()
    )
    table = read_table(source)
    assert list(table.frame.columns) == ["name", "name2", "postcode"]
    assert table.frame["name"].tolist() == [
        CLEAN,
        "tab\there\nand a Windows line break",  # CRLF is a line break: no note
        "plain\nnext",
    ]
    assert table.notes == [
        "control characters removed from the name of column 2 (NUL): it is 'name2'",
        "control characters removed from 2 values of 'name' "
        "(NUL, vertical tab → new line, ESC ×2, DEL, NEL → new line, U+009F; rows 2, 4)",
    ]


def test_cp1252_and_latin1_files_are_cleaned_too(tmp_path):
    windows = tmp_path / "windows.csv"
    windows.write_bytes("name,postcode\nCaf\xe9\x1b,M1 1AA\n".encode("cp1252"))
    assert read_table(windows).frame["name"].tolist() == ["Café"]
    latin = tmp_path / "latin.csv"  # 0x81 is not cp1252: read as Latin-1, where it is C1
    latin.write_bytes(b"name,postcode\nCaf\xe9\x81,M1 1AA\n")
    table = read_table(latin)
    assert table.frame["name"].tolist() == ["Café"]
    assert any("U+0081" in note for note in table.notes)


def _geojson(path: Path) -> str:
    feature = {
        "type": "Feature",
        "properties": {"na\x00me": DIRTY, "ref": "literal \\u0000 stays"},
        "geometry": {"type": "Point", "coordinates": [-2.35, 53.38]},
    }
    plain = {"type": "Feature", "properties": {"na\x00me": "Club", "ref": "x"}, "geometry": None}
    return json.dumps({"type": "FeatureCollection", "features": [plain, feature]})


@pytest.mark.parametrize("packing", ["plain", "gzip", "zip"])
def test_a_nul_in_geojson_survives_gdal_to_be_cleaned_and_reported(tmp_path, packing):
    # GDAL ends a text at a NUL: "Lunch\0 club..." came back as "Lunch", its name as "na".
    text = _geojson(tmp_path)
    path = (
        tmp_path / {"plain": "hubs.geojson", "gzip": "hubs.geojson.gz", "zip": "hubs.zip"}[packing]
    )
    if packing == "plain":
        path.write_text(text)
    elif packing == "gzip":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("data/hubs.geojson", text)
    table = read_table(path)
    assert table.frame["name"].tolist() == ["Club", CLEAN]
    assert table.frame["ref"].tolist() == ["x", "literal \\u0000 stays"]
    assert "control characters removed from the name of column 1 (NUL): it is 'name'" in (
        table.notes
    )
    assert (
        "control characters removed from 1 value of 'name' "
        "(NUL, vertical tab → new line, ESC ×2, DEL; feature 2)"
    ) in table.notes


def test_excel_escapes_are_read_as_excel_shows_them_then_cleaned(tmp_path):
    # Excel writes a character XML cannot hold as _xHHHH_, and a literal "_x" as _x005F_x.
    book = openpyxl.Workbook()
    book.active.append(["name", "postcode"])
    book.active.append(["ESCAPED", "WA14 1PF"])
    book.active.append(["LITERAL", "M32 0TL"])
    written = tmp_path / "written.xlsx"
    book.save(written)
    excel = tmp_path / "hubs.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(excel, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            data = data.replace(b"ESCAPED", b"Lunch_x0000_ club_x000B_Tuesdays_x001B_")
            out.writestr(info, data.replace(b"LITERAL", b"Room _x005F_x0041_"))
    table = read_table(excel)
    assert table.frame["name"].tolist() == ["Lunch club\nTuesdays", "Room _x0041_"]
    assert table.notes == [
        "control characters removed from 1 value of 'name' "
        "(NUL, vertical tab → new line, ESC; row 2)"
    ]


def test_an_asset_import_stores_clean_text_and_reports_it(project, tmp_path):
    source = tmp_path / "hubs.csv"
    source.write_text(f'name,postcode,lat,lon,notes\n"{DIRTY}",WA14 1PF,53.38,-2.35,"\x07ring"\n')
    report = import_assets(
        project,
        source,
        AssetImportOptions(category="community_centres", lat_field="lat", lon_field="lon"),
    )
    assert report.imported == 1
    stored = assets.frame(project)
    assert stored["name"].tolist() == [CLEAN]
    assert stored["description"].tolist() == ["ring"]  # the file's 'notes'
    assert "control characters removed from 1 value of 'notes' (bell; row 2)" in report.notes
    assert any("'name'" in note for note in report.lines())
    shown = preview(source, "assets")
    assert shown.notes == read_table(source).notes


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_a_byte_order_mark_is_read_as_utf16(tmp_path, encoding):
    path = tmp_path / "unmarked.csv"
    path.write_bytes("name,town\nCafé Ŵelsh,Łódź\n".encode(encoding))
    table = read_table(path)
    assert list(table.frame.columns) == ["name", "town"]
    assert table.frame.iloc[0].tolist() == ["Café Ŵelsh", "Łódź"]
    assert any("UTF-16" in note for note in table.notes)
    assert not any("control characters" in note for note in table.notes)
