"""The command line contract (BRIEF section 5): commands, options, exit codes 0/2/3."""

from __future__ import annotations

import json
import subprocess
import sys

import pyogrio
import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def demo_copy(tmp_path, repo_root):
    import shutil

    path = tmp_path / "demo.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    return path


@pytest.fixture
def gpkg(tmp_path):

    path = tmp_path / "cli.gpkg"
    assert run("new", path, "--name", "Old Trafford assets") == EXIT_OK
    return path


def test_the_whole_flow_from_an_empty_project(gpkg, trafford, sources, capsys):
    assert (
        run(
            "import-areas",
            gpkg,
            trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
            "--set",
            "LSOA 2021",
            "--attribution",
            "Contains OS data © Crown copyright",
        )
        == 0
    )
    assert (
        run(
            "join-indicators",
            gpkg,
            trafford / "population" / "trafford_pop_mid2024_lsoa21.csv",
            "--set",
            "LSOA 2021",
            "--key-field",
            "area_code",
            "--fields",
            "all_ages:population",
            "--where",
            "sex=Persons",
        )
        == 0
    )
    assert (
        run(
            "import-assets",
            gpkg,
            trafford / "assets" / "trafford_land_and_building_assets.csv",
            "--category",
            "council",
            "--postcode-index",
            sources / "codepoint" / "codepo_gb_m_sk_wa.zip",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "608 imported" in out and "unplaced" in out and "row 5" in out
    assert run("info", gpkg, "--json") == 0
    info = json.loads(capsys.readouterr().out)
    assert info["name"] == "Old Trafford assets" and info["crs"] == "EPSG:27700"
    assert info["assets"]["total"] == 608 and info["assets"]["unplaced"] > 0
    (lsoa,) = info["area_sets"]
    assert lsoa["areas"] == 139 and [i["column"] for i in lsoa["indicators"]] == ["population"]
    assert "Contains OS data © Crown copyright" in info["attributions"]
    layers = dict(pyogrio.list_layers(gpkg))
    assert layers["assets"] == "Point" and layers["areas_lsoa_2021"] == "MultiPolygon"


def test_xy_fields_and_category_field_and_report_csv(gpkg, trafford, tmp_path, capsys):
    import pandas as pd
    from pyproj import Transformer

    hubs = pd.read_csv(trafford / "assets" / "trafford_community_hubs.csv")
    x, y = Transformer.from_crs(4326, 27700, always_xy=True).transform(hubs.lon, hubs.lat)
    hubs = hubs.drop(columns=["lon", "lat"]).assign(E=x.round(), N=y.round(), kind="Mutual aid")
    hubs.loc[2, "E"] = None
    path = tmp_path / "hubs.csv"
    hubs.to_csv(path, index=False)
    report = tmp_path / "report.csv"
    code = run(
        "import-assets",
        gpkg,
        path,
        "--category-field",
        "kind",
        "--x-field",
        "E",
        "--y-field",
        "N",
        "--crs",
        "EPSG:27700",
        "--report",
        report,
        "--quiet",
    )
    assert code == EXIT_OK
    rows = pd.read_csv(report)
    assert list(rows.columns) == ["outcome", "file", "row", "field", "message"]
    assert rows.iloc[0]["outcome"] == "unplaced" and rows.iloc[0]["row"] == 4
    assert run("info", gpkg) == 0
    text = capsys.readouterr().out
    assert "Mutual-aid groups" in text  # "Mutual aid" matched the existing category


def test_bad_input_exits_3_and_names_file_row_and_field(gpkg, sources, capsys):
    locations = sources / "open_referral" / "hsds3_examples_csv" / "locations.csv"
    assert run("import-assets", gpkg, locations, "--category", "charities") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "locations.csv" in err and "row 2" in err and "'latitude'" in err
    assert run("import-areas", gpkg, "missing.geojson", "--set", "X") == EXIT_BAD_INPUT
    assert "does not exist" in capsys.readouterr().err
    assert run("join-indicators", gpkg, locations, "--set", "Nope", "--key-field", "id") == 3
    assert "no area set named 'Nope'" in capsys.readouterr().err
    assert run("new", gpkg) == EXIT_BAD_INPUT  # exists already
    assert run("info", gpkg.with_name("nothing.gpkg")) == EXIT_BAD_INPUT


def test_usage_errors_exit_2(gpkg):
    with pytest.raises(SystemExit) as err:
        run("import-areas", gpkg)  # no FILE, no --set
    assert err.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as err:
        run("import-assets", gpkg, "x.csv", "--category", "a", "--category-field", "b")
    assert err.value.code == EXIT_USAGE


def test_every_command_has_help_and_the_entry_point_works(tmp_path):
    for command in ("new", "import-areas", "import-assets", "join-indicators", "info"):
        result = subprocess.run(
            [sys.executable, "-m", "assetmap", command, "--help"], capture_output=True, text=True
        )
        assert result.returncode == 0 and "usage: assetmap " + command in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "assetmap", "new", str(tmp_path / "p.gpkg"), "--crs", "EPSG:4326"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == EXIT_BAD_INPUT
    assert "not a projected coordinate system in metres" in result.stderr
    assert not (tmp_path / "p.gpkg").exists()


def test_analyse_writes_a_planner_readable_csv_and_keeps_the_run(demo_copy, tmp_path, capsys):
    import csv

    from assetmap.core.analysis import runs
    from assetmap.core.project import Project

    out = tmp_path / "gaps.csv"
    code = run(
        "analyse",
        demo_copy,
        "--set",
        "Neighbourhoods (LSOA 2021)",
        "--category",
        "Mental health",
        "--category",
        "Spaces",
        "--population",
        "population",
        "--need",
        "imd_score",
        "--distance",
        "800",
        "--out",
        out,
        "--quiet",
    )
    assert code == EXIT_OK
    assert "Run 1" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {
        "Assets per 1,000 people",
        "Nearest asset (m)",
        "Area within 800 m of an asset (%)",
        "Area (km²)",
    } <= set(rows[0])
    # One row per area and category: mental health, the Spaces group's 4, and "any of them".
    assert len(rows) == 139 * 6
    assert all(r["Nearest asset (m)"].isdigit() or r["Nearest asset (m)"] == "" for r in rows)
    assert all(len(r["Assets per 1,000 people"].split(".")[-1]) == 2 for r in rows)
    method = out.with_name("gaps.method.txt").read_text()
    assert "straight lines" in method and "Run 1" in method
    with Project.open(demo_copy) as project:
        (info,) = runs.list_runs(project)
        assert info.params.groups == ("Spaces",) and "mental_health" in info.params.categories


def test_analyse_refuses_bad_fields_with_exit_3(demo_copy, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert (
        run(
            "analyse",
            demo_copy,
            "--set",
            "Neighbourhoods (LSOA 2021)",
            "--need",
            "imd",
            "--out",
            out,
        )
        == EXIT_BAD_INPUT
    )
    assert "'--need'" in capsys.readouterr().err and not out.exists()
    assert (
        run(
            "analyse",
            demo_copy,
            "--set",
            "Neighbourhoods (LSOA 2021)",
            "--category",
            "Bingo halls",
            "--out",
            out,
        )
        == EXIT_BAD_INPUT
    )
    assert "no category or group 'Bingo halls'" in capsys.readouterr().err
