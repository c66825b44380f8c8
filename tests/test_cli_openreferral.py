"""assetmap import-openreferral and export --format openreferral from the command line."""

from __future__ import annotations

import zipfile

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import assets
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_import_openreferral_prints_the_report_naming_the_bad_latitude(tmp_path, sources, capsys):
    project = tmp_path / "p.gpkg"
    assert run("new", project) == EXIT_OK
    directory = sources / "open_referral" / "hsds3_examples_csv"
    assert run("import-openreferral", project, directory, "--quiet") == EXIT_OK
    out = capsys.readouterr().out
    assert "1 imported" in out
    assert "field 'latitude'" in out and "latitude 100 is not a latitude" in out
    with Project.open(project) as p:
        assert assets.frame(p)["name"].tolist() == ["Community Counselling"]


def test_a_category_map_names_a_category_of_the_project(tmp_path, sources, capsys):
    project = tmp_path / "p.gpkg"
    run("new", project)
    source = sources / "open_referral" / "hsds3_examples_json" / "service_full.json"
    code = run(
        "import-openreferral", project, source, "--category-map", "name=Charities", "--quiet"
    )
    assert code == EXIT_OK
    with Project.open(project) as p:
        assert assets.frame(p)["category"].tolist() == ["charities"]
    assert run("import-openreferral", project, source, "--category-map", "name=Nowhere") == (
        EXIT_BAD_INPUT
    )
    assert "--category-map" in capsys.readouterr().err


def test_export_format_openreferral_writes_a_data_package_zip(demo_copy, tmp_path, capsys):
    out = tmp_path / "directory.zip"
    assert run("export", demo_copy, "--out", out, "--format", "openreferral", "--quiet") == EXIT_OK
    assert "as Open Referral services" in capsys.readouterr().out
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
    assert {"datapackage.json", "services.csv", "locations.csv"} <= names


def test_personal_data_cannot_be_asked_for_in_a_directory(demo_copy, tmp_path, capsys):
    out = tmp_path / "directory.zip"
    code = run("export", demo_copy, "--out", out, "--format", "openreferral", "--include-personal")
    assert code == EXIT_BAD_INPUT
    assert "never" in capsys.readouterr().err
    assert not out.exists()
