"""Files past assetmap's bounds (core.io.limits) exit 3 with a message naming the bound, and
leave the project exactly as it was: the same bytes, no new files beside it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main

MiB = 1024 * 1024


def run(*args: object) -> int:
    return main([str(a) for a in args])


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file beside the project, with its bytes (a WAL or backup left behind shows)."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "assets.gpkg"
    assert run("new", path, "--name", "Bounds") == EXIT_OK
    return path


@pytest.fixture
def lsoa_project(project, trafford):
    lsoas = trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson"
    assert run("import-areas", project, lsoas, "--set", "LSOA", "--quiet") == EXIT_OK
    return project


def test_a_gzip_bomb_exits_3_and_leaves_the_project_as_it_was(project, tmp_path, capsys):
    bomb = tmp_path / "assets.csv.gz"
    member = gzip.compress(b"\n" * (16 * MiB), compresslevel=9)
    with bomb.open("wb") as out:
        out.write(gzip.compress(b"name,postcode\nHub,WA14 1PF\n"))
        out.writelines([member] * 64)  # a GiB of newlines in about 1 MB
    before = folder_state(project.parent)
    assert run("import-assets", project, bomb, "--category", "charities") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "assets.csv.gz: unpacks to more than 500 times its size" in err
    assert "Traceback" not in err
    assert folder_state(project.parent) == before


def test_a_csv_of_200000_columns_exits_3_naming_the_bound(project, tmp_path, capsys):
    wide = tmp_path / "wide.csv"
    names = ["name", "postcode", *(f"c{i}" for i in range(199_998))]
    wide.write_text(",".join(names) + "\n" + ",".join(["Hub", "WA14 1PF", *"1" * 199_998]) + "\n")
    before = folder_state(project.parent)
    assert run("import-assets", project, wide, "--category", "charities") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "wide.csv: has 200,000 columns; assetmap reads at most 1,000 columns" in err
    assert folder_state(project.parent) == before


def test_an_indicator_file_of_2500_columns_exits_3_unless_fields_are_named(
    lsoa_project, trafford, tmp_path, capsys
):
    lsoas = trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson"
    codes = [f["properties"]["area_code"] for f in json.loads(lsoas.read_text())["features"]]
    census = tmp_path / "census.csv"
    lines = [",".join(["area_code", *(f"v{i}" for i in range(2_500))])]
    lines += [",".join([code, *(str(i) for i in range(2_500))]) for code in codes]
    census.write_text("\n".join(lines) + "\n")
    before = folder_state(lsoa_project.parent)
    args = ("join-indicators", lsoa_project, census, "--set", "LSOA", "--key-field", "area_code")
    assert run(*args) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "census.csv: has 2,501 columns; assetmap reads at most 1,000 columns" in err
    assert "name the columns to join with --fields" in err and "Traceback" not in err
    assert folder_state(lsoa_project.parent) == before
    assert run(*args, "--fields", "v1,v2499:last", "--quiet") == EXIT_OK
    assert "census.csv: 139 imported" in capsys.readouterr().out
    assert run("info", lsoa_project, "--json") == EXIT_OK
    info = json.loads(capsys.readouterr().out)
    assert "v1" in json.dumps(info) and "last" in json.dumps(info)
