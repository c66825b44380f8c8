"""Hostile and oversized files are refused in seconds and in little memory, naming the bound
(BRIEF section 8: "a 1 MB archive must not become 16 GB in memory"); real files pass.

The hostile files are made here, small on disk. Reads that would have taken gigabytes run in a
child process whose address space is capped, so a regression fails the test instead of the
machine.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from assetmap.core.errors import BadInputError
from assetmap.core.io import archives, limits
from assetmap.core.io.postcodes import PostcodeIndex
from assetmap.core.io.readers import list_layers, read_table

MiB = 1024 * 1024
CHILD_MEMORY = 3 * 1024 * MiB  # address space: the imports alone reserve about 1.7 GB
CHILD = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    from assetmap.core.io.readers import read_table
    try:
        table = read_table(sys.argv[1])
        outcome = {{"rows": len(table), "columns": [str(c) for c in table.frame.columns]}}
    except BaseException as error:
        outcome = {{"error": type(error).__name__, "message": str(error)}}
    # VmHWM, not ru_maxrss: Linux carries the parent's peak into ru_maxrss across exec
    status = open("/proc/self/status").read()
    outcome["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(json.dumps(outcome))
    """
)
needs_rlimit = pytest.mark.skipif(sys.platform != "linux", reason="caps memory with RLIMIT_AS")


def read_in_child(path: Path) -> dict[str, object]:
    """read_table in a process that cannot take more than CHILD_MEMORY; its peak RSS too."""
    env = {**os.environ, "MALLOC_ARENA_MAX": "2"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(memory=CHILD_MEMORY), str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.stdout.strip(), result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def newline_bomb(path: Path, gib: int = 1) -> Path:
    """A header, one row and `gib` GiB of newlines in about 1 MB: a 16 MiB run of newlines
    compressed once and repeated as gzip members (one gzip file, as gzip itself reads it)."""
    member = gzip.compress(b"\n" * (16 * MiB), compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress(b"name,postcode,category\nHub,WA14 1PF,charities\n"))
        for _ in range(64 * gib):
            out.write(member)
    return path


def padded_geojson(padding: int) -> bytes:
    """A valid one-feature GeoJSON with `padding` spaces in it: compresses 1000 to 1."""
    feature = {"type": "Feature", "properties": {"name": "Hub"}, "geometry": None}
    return (
        b'{"type": "FeatureCollection", "features": ['
        + json.dumps(feature).encode()
        + (b" " * padding + b"]}")
    )


def lying_zip(path: Path, member: str, data: bytes, declared: int) -> Path:
    """A zip whose directory (central and local) says `member` unpacks to `declared` bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    raw = bytearray(path.read_bytes())
    struct.pack_into("<I", raw, 22, declared)  # the local header's uncompressed size
    central = raw.find(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, declared)
    path.write_bytes(bytes(raw))
    return path


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def patched_workbook(path: Path, rows: list[list[object]], patch) -> Path:
    """A workbook written by openpyxl, then its sheet XML changed as Excel or a tool would."""
    plain = workbook(path.with_suffix(".plain.xlsx"), rows)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = patch(data)
            out.writestr(info, data)
    plain.unlink()
    return path


def limit_of(error: pytest.ExceptionInfo[BadInputError]) -> str:
    assert isinstance(error.value, limits.LimitError), error.value
    return error.value.limit


# --- decompression ---------------------------------------------------------------------------


@needs_rlimit
def test_a_1_mb_gzip_of_a_gibibyte_of_newlines_is_refused_in_little_memory(tmp_path):
    bomb = newline_bomb(tmp_path / "assets.csv.gz")
    assert bomb.stat().st_size < 2 * MiB
    outcome = read_in_child(bomb)
    assert outcome.get("error") == "LimitError", outcome
    message = str(outcome["message"])
    assert message.startswith("assets.csv.gz: unpacks to more than 500 times its size")
    assert "decompression bomb" in message
    assert outcome["peak_mb"] < 600  # the interpreter and its libraries are most of it


def test_a_geojson_gz_bomb_is_refused_before_gdal_unpacks_it(tmp_path):
    packed = tmp_path / "areas.geojson.gz"
    packed.write_bytes(gzip.compress(padded_geojson(64 * MiB), compresslevel=9))
    for read in (read_table, list_layers):
        with pytest.raises(BadInputError) as error:
            read(packed)
        assert limit_of(error) == "ratio"
        assert str(error.value).startswith("areas.geojson.gz: unpacks to more than 500 times")


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    bomb = tmp_path / "areas.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("areas.geojson", padded_geojson(64 * MiB))
    with pytest.raises(BadInputError) as error:
        read_table(bomb)
    assert limit_of(error) == "ratio"


def test_a_zip_that_lies_about_its_sizes_is_refused_before_gdal_reads_it(tmp_path):
    # GDAL unpacks a member to the end of its data whatever the directory declares: it read
    # all 16 MB of this "1,000-byte" member.
    liar = lying_zip(tmp_path / "areas.zip", "areas.geojson", padded_geojson(16 * MiB), 1000)
    with pytest.raises(BadInputError) as error:
        read_table(liar)
    message = str(error.value)
    assert "areas.geojson holds more data than the zip's directory says" in message
    assert "unzip it and zip it again" in message


def test_a_workbook_that_unpacks_a_thousandfold_is_refused(tmp_path):
    padded = patched_workbook(
        tmp_path / "assets.xlsx",
        [["name", "postcode"], ["Hub", "WA14 1PF"]],
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 * MiB)),
    )
    with pytest.raises(BadInputError) as error:
        read_table(padded)
    assert limit_of(error) == "ratio"


def test_a_gzip_cut_short_is_damaged_not_a_traceback(tmp_path, land_assets_csv):
    cut = tmp_path / "assets.csv.gz"
    cut.write_bytes(gzip.compress(land_assets_csv.read_bytes())[:-40])
    with pytest.raises(BadInputError, match="not a complete gzip file"):
        read_table(cut)


# --- rows, columns, cells, field length ------------------------------------------------------


def test_a_csv_of_millions_of_blank_lines_is_refused_as_it_is_read(tmp_path):
    flood = tmp_path / "assets.csv"
    flood.write_bytes(b"name,postcode\nHub,WA14 1PF\n" + b"\n" * (limits.MAX_ROWS + 1))
    with pytest.raises(BadInputError) as error:
        read_table(flood)
    assert limit_of(error) == "rows"
    assert str(error.value).startswith(
        "assets.csv: has more than 5,000,000 lines; assetmap reads at most 5,000,000 rows"
    )


def _wide_csv(path: Path, columns: int) -> Path:
    names = ["name", "postcode", *(f"extra_{i}" for i in range(columns - 2))]
    values = ["Hub", "WA14 1PF", *(str(i) for i in range(columns - 2))]
    path.write_text(",".join(names) + "\n" + ",".join(values) + "\n")
    return path


def _wide_geojson(path: Path, properties: int) -> Path:
    props = {"name": "Hub", **{f"extra_{i}": i for i in range(properties - 1)}}
    feature = {"type": "Feature", "properties": props, "geometry": None}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda folder: _wide_csv(folder / "wide.csv", 5_000),
        lambda folder: _wide_geojson(folder / "wide.geojson", 5_000),
        lambda folder: workbook(folder / "wide.xlsx", [[f"c{i}" for i in range(1_500)]]),
    ],
    ids=["csv", "geojson", "xlsx"],
)
def test_a_file_wider_than_the_column_bound_is_refused(tmp_path, make):
    wide = make(tmp_path)
    with pytest.raises(BadInputError) as error:
        read_table(wide)
    assert limit_of(error) == "columns"
    message = str(error.value)
    assert re.match(
        rf"{wide.name}: has [0-9,]+ columns; assetmap reads at most 1,000 columns", message
    )
    assert "delete the columns you do not need" in message


def test_only_the_columns_asked_for_count_against_the_bound(tmp_path):
    wide = _wide_csv(tmp_path / "census.csv", 2_500)
    table = read_table(wide, columns={"name", "extra_7", "not there"})
    assert list(table.frame.columns) == ["name", "extra_7"]
    assert table.frame.iloc[0].tolist() == ["Hub", "7"]
    assert len(table.file_columns) == 2_500  # for messages that list the file's fields
    # The columns not asked for are still counted on each line: an unquoted comma would
    # otherwise shift the ones asked for.
    with wide.open("a") as out:
        out.write(",".join(["Club", "M32 0TL", *("1" * 2_498), "1"]) + "\n")
    with pytest.raises(
        BadInputError, match="line 3: this line has 2501 values but the header names 2500"
    ):
        read_table(wide, columns={"name", "extra_7"})


@needs_rlimit
def test_a_sheet_formatted_to_its_last_row_and_column_reads_only_its_values(tmp_path):
    # Formatting a whole sheet makes Excel state A1:XFD1048576 and write a styled (empty) cell
    # on each formatted row; openpyxl padded every one of those rows to 16,384 cells.
    def format_whole_sheet(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        styled = b"".join(
            b'<row r="%d"><c r="XFD%d" s="0"/></row>' % (r, r) for r in range(4, 20_004)
        )
        return xml.replace(b"</sheetData>", styled + b"</sheetData>")

    formatted = patched_workbook(
        tmp_path / "assets.xlsx",
        [["name", "postcode"], ["Hub", "WA14 1PF"], ["Club", "M32 0TL"]],
        format_whole_sheet,
    )
    outcome = read_in_child(formatted)
    assert (outcome.get("rows"), outcome.get("columns")) == (2, ["name", "postcode"]), outcome
    assert outcome["peak_mb"] < 600


def test_a_sparse_sheet_past_the_cell_bound_is_refused(tmp_path):
    # 600 named columns and one value 100,000 rows down: 60 million cells, almost all empty.
    def value_far_down(xml: bytes) -> bytes:
        far = b'<row r="100001"><c r="A100001" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace(b"</sheetData>", far + b"</sheetData>")

    sparse = patched_workbook(
        tmp_path / "sparse.xlsx", [[f"c{i}" for i in range(600)]], value_far_down
    )
    with pytest.raises(BadInputError) as error:
        read_table(sparse)
    assert limit_of(error) == "cells"
    assert "has 100,000 rows of 600 columns (60,000,000 cells)" in str(error.value)


def test_a_value_past_the_field_bound_names_its_row_and_column(tmp_path):
    long = tmp_path / "assets.csv"
    long.write_text("name,notes\nHub,short\nClub," + "x" * 200_000 + "\n")
    with pytest.raises(BadInputError) as error:
        read_table(long)
    assert limit_of(error) == "field"
    assert str(error.value).startswith(
        "assets.csv, row 3, field 'notes': has a value of 200,000 characters; "
        "assetmap reads at most 131,072 characters in one value"
    )


def test_a_header_past_the_field_bound_is_bad_input_not_a_traceback(tmp_path):
    unclosed = tmp_path / "assets.csv"
    unclosed.write_text('name,"notes\n' + "Hub,x\n" * 30_000)
    with pytest.raises(BadInputError) as error:
        read_table(unclosed)
    assert limit_of(error) == "field"
    assert "a quote that is never closed" in str(error.value)


# --- real files stay well inside -------------------------------------------------------------


def test_the_published_files_in_the_repository_are_inside_every_bound(sources, tmp_path):
    imd = sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
    assert len(read_table(imd)) == 32_844  # every LSOA of England
    codepoint = sources / "codepoint" / "codepo_gb_m_sk_wa.zip"
    archives.check_zip(codepoint)  # unpacked once in full, as for GDAL
    assert len(PostcodeIndex.from_file(codepoint)) == 67_334  # M, SK and WA
    rutland = sources / "national_rutland" / "rutland_lsoa2011_bsc.geojson"
    packed = tmp_path / "rutland.geojson.gz"
    packed.write_bytes(gzip.compress(rutland.read_bytes()))
    assert len(read_table(packed)) == len(read_table(rutland)) > 20


def _national(name: str) -> Path:
    """The national files (BRIEF section 7): $ASSETMAP_SHARED_DATA, or ../shared/data."""
    root = Path(__file__).resolve().parents[3]
    folder = Path(os.environ.get("ASSETMAP_SHARED_DATA", root.parent / "shared" / "data"))
    path = folder / "national" / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (set ASSETMAP_SHARED_DATA to the shared data folder)")
    return path


def test_the_national_files_are_inside_every_bound():
    lsoas = read_table(_national("england_wales_lsoa2011_bsc.geojson.gz"))
    assert len(lsoas) == 34_753
    assert len(PostcodeIndex.from_file(_national("codepo_gb.zip"))) > 1_700_000
    archives.check_zip(_national("codepo_gb.zip"))
    domains = read_table(
        _national("england_imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv.gz")
    )
    assert domains.frame.shape == (32_844, 20)


def test_the_bounds_sit_far_above_the_real_files(sources):
    """Each bound, against what the real files measure (see core.io.limits)."""
    imd = sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
    unpacked = len(gzip.decompress(imd.read_bytes()))
    assert unpacked / imd.stat().st_size * 50 < limits.MAX_RATIO
    with zipfile.ZipFile(sources / "codepoint" / "codepo_gb_m_sk_wa.zip") as archive:
        ratios = [i.file_size / i.compress_size for i in archive.infolist() if i.compress_size]
    assert max(ratios) * 20 < limits.MAX_RATIO
    assert len(zlib.compress(b"\n" * MiB, 9)) * limits.MAX_RATIO < MiB  # and a bomb is not
