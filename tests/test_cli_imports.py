"""Import commands that fail do nothing: exit 3, a message naming file, row and field, the
project byte for byte as it was and no stray file beside it; bad features alone are rejected."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import areas, assets
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def project_path(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "cli.gpkg"
    assert run("new", path) == EXIT_OK
    return path


@pytest.fixture
def wards(trafford):
    return trafford / "boundaries" / "trafford_ward2023_generalised.geojson"


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder no report can be written to: read-only for a user, sysfs for root."""
    if os.geteuid() == 0:  # root writes anywhere a mode allows nothing: use sysfs instead
        yield Path("/sys")
        return
    folder = tmp_path / "ro_out"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def snapshot(project_path) -> tuple[bytes, list[str]]:
    """The project's bytes and every file beside it (no -wal, -shm, -journal or .part left)."""
    return project_path.read_bytes(), sorted(p.name for p in project_path.parent.iterdir())


def area_sets(project_path) -> dict[str, int]:
    with Project.open(project_path) as project:
        return {i.name: areas.count(project, i.name) for i in areas.list_sets(project)}


# ---- --report is checked before anything changes ------------------------------------------
def test_a_report_to_an_unwritable_folder_changes_nothing(
    project_path, wards, unwritable_folder, capsys
):
    """Before: the import committed, then the report failed with a traceback, so running the
    command again imported the wards twice."""
    before = snapshot(project_path)
    report = unwritable_folder / "r.csv"
    code = run("import-areas", project_path, wards, "--set", "Wards", "--report", report)
    error = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert error.startswith("assetmap: error: r.csv, field '--report': ")
    assert "nothing was written" in error and "Traceback" not in error
    assert snapshot(project_path) == before
    assert not any(p.name.startswith(".r.csv") for p in unwritable_folder.iterdir())

    # Run again with a report that can be written: the wards are imported once.
    good = project_path.parent / "r.csv"
    assert run("import-areas", project_path, wards, "--set", "Wards", "--report", good) == 0
    assert area_sets(project_path) == {"Wards": 21}
    assert good.read_text(encoding="utf-8").startswith("outcome,file,row,field,message")
    assert not [p for p in project_path.parent.iterdir() if p.suffix == ".part"]


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing_folder/r.csv", "the folder"),
        (".", "is a folder, not a file"),
        ("cli.gpkg", "one of the command's own files"),
    ],
)
def test_a_report_that_cannot_go_where_asked_changes_nothing(
    project_path, trafford, where, words, capsys
):
    hubs = trafford / "assets" / "trafford_community_hubs.csv"
    before = snapshot(project_path)
    report = project_path.parent / where
    code = run("import-assets", project_path, hubs, "--category", "council", "--report", report)
    error = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "field '--report'" in error and words in error
    assert snapshot(project_path) == before


# ---- one bad feature is rejected alone --------------------------------------------------------
def test_an_unclosed_ring_and_a_1e300_area_are_handled_per_feature(
    project_path, wards, tmp_path, capsys
):
    """Before: the unclosed ring failed the whole file with a GEOSException traceback, and the
    1e300 area was stored with a NULL geometry and counted as imported."""
    collection = json.loads(wards.read_text())
    ring = collection["features"][2]["geometry"]["coordinates"][0]
    del ring[-1]  # feature 3's outline no longer closes
    huge = [[1e300, 1e300], [1.1e300, 1e300], [1.1e300, 1.1e300], [1e300, 1e300]]
    collection["features"][7]["geometry"] = {"type": "Polygon", "coordinates": [huge]}
    path = tmp_path / "wards.geojson"
    path.write_text(json.dumps(collection))
    report = tmp_path / "report.csv"
    assert run("import-areas", project_path, path, "--set", "Wards", "--report", report) == 0
    out = capsys.readouterr().out
    assert "20 imported, 1 repaired, 1 rejected" in out
    assert "wards.geojson, feature 3: a ring of its outline is not closed; it was closed" in out
    assert "wards.geojson, feature 8: has coordinates near 1e+300" in out
    assert area_sets(project_path) == {"Wards": 20}
    rows = report.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith('rejected,wards.geojson,8,,"has coordinates near 1e+300')


def test_a_geojson_gdal_refuses_names_the_feature(project_path, wards, tmp_path, capsys):
    text = wards.read_text()
    cut = text.index('"Feature"', text.index('"Feature"') + 1)  # inside feature 2
    path = tmp_path / "cut_short.geojson"
    path.write_text(text[: cut + 400])
    before = snapshot(project_path)
    assert run("import-areas", project_path, path, "--set", "Wards") == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith("assetmap: error: cut_short.geojson, feature 2: GDAL cannot read it")
    assert snapshot(project_path) == before


# ---- coordinates that do not fit their coordinate system -------------------------------------
def test_a_wrong_crs_label_is_refused_until_confirmed(project_path, wards, tmp_path, capsys):
    collection = json.loads(wards.read_text())
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    path = tmp_path / "wards.geojson"
    path.write_text(json.dumps(collection))
    before = snapshot(project_path)
    assert run("import-areas", project_path, path, "--set", "Wards") == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith("assetmap: error: wards.geojson: the features' coordinates (x from")
    assert "they look like longitude/latitude (EPSG:4326)" in error
    assert error.rstrip().endswith("(if the coordinates are right after all, add --accept-crs)")
    assert snapshot(project_path) == before

    assert run("import-areas", project_path, path, "--set", "Wards", "--accept-crs") == 0
    assert "imported anyway, as confirmed" in capsys.readouterr().out
    assert area_sets(project_path) == {"Wards": 21}


def test_lonlat_columns_given_as_eastings_are_refused_until_confirmed(
    project_path, trafford, capsys
):
    hubs = trafford / "assets" / "trafford_community_hubs.csv"
    args = ["import-assets", project_path, hubs, "--x-field", "lon", "--y-field", "lat"]
    args += ["--crs", "EPSG:27700", "--category", "council"]
    before = snapshot(project_path)
    assert run(*args) == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert "trafford_community_hubs.csv: the values of 'lon'/'lat'" in error
    assert "look like longitude/latitude (EPSG:4326)" in error
    assert snapshot(project_path) == before
    assert run(*args, "--accept-crs") == EXIT_OK
    with Project.open(project_path) as project:
        assert assets.count(project) == 6


@pytest.mark.parametrize("command", ["import-areas", "import-assets"])
def test_accept_crs_is_documented(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--accept-crs" in text and "do not fit their coordinate system" in text


def test_the_readme_lists_accept_crs(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert "--accept-crs" in readme


def test_the_report_cannot_run_as_a_spreadsheet_formula_and_keeps_the_notes(project_path, tmp_path):
    source = tmp_path / "=SUM(A1).csv"  # a file name is user text too
    source.write_text("name,lat,lon,status\nSale Library,53.424,-2.318,=1+1\n", encoding="utf-8")
    report = tmp_path / "r.csv"
    assert run("import-assets", project_path, source, "--report", report) == EXIT_OK
    rows = list(csv.reader(report.open(encoding="utf-8")))
    assert rows[0] == ["outcome", "file", "row", "field", "message"]
    repaired = [r for r in rows if r[0] == "repaired"]
    assert repaired and repaired[0][1] == "'=SUM(A1).csv" and repaired[0][3] == "status"
    assert any(r[0] == "note" for r in rows)
