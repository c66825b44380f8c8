"""The command line contract (BRIEF section 5): commands, options, exit codes 0/2/3."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pyogrio
import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main


def run(*args: object) -> int:
    return main([str(a) for a in args])


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
    printed = capsys.readouterr().out
    assert "Run 1: analysed 139 areas × 2 categories" in printed
    # A group brings in only its categories with assets: Spaces has only sport and leisure.
    assert (
        "Left out 3 categories with no assets to count: Community centres, Parks and green "
        "spaces, Meeting rooms" in printed
    )
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {
        "Assets per 1,000 people",
        "Nearest asset (m)",
        "Area within 800 m of an asset (%)",
        "Area (km²)",
    } <= set(rows[0])
    # The need column is headed with the indicator's label, as in the app, not "imd_score".
    need_columns = [c for c in rows[0] if c.startswith("Need")]
    assert need_columns and "imd_score" not in need_columns[0], need_columns
    # One row per area and category: mental health, sport and leisure, and "any of them".
    assert len(rows) == 139 * 3
    assert all(r["Nearest asset (m)"].isdigit() or r["Nearest asset (m)"] == "" for r in rows)
    assert all(len(r["Assets per 1,000 people"].split(".")[-1]) == 2 for r in rows)
    method = out.with_name("gaps.method.txt").read_text()
    assert "straight lines" in method and "Run 1" in method
    with Project.open(demo_copy) as project:
        (info,) = runs.list_runs(project)
        assert info.params.groups == ("Spaces",)
        assert info.params.categories == ("mental_health", "sport_leisure")


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


LSOA_SET = "Neighbourhoods (LSOA 2021)"


def kept_runs(path) -> list[int]:
    from assetmap.core.analysis import runs
    from assetmap.core.project import Project

    with Project.open(path) as project:
        return [r.id for r in runs.list_runs(project)]


def test_analyse_by_default_leaves_out_the_categories_with_no_assets(demo_copy, tmp_path, capsys):
    from assetmap.core.analysis import runs
    from assetmap.core.project import Project

    out = tmp_path / "all.csv"
    assert run("analyse", demo_copy, "--set", LSOA_SET, "--out", out, "--quiet") == EXIT_OK
    printed = capsys.readouterr().out
    # The demo has 37 categories, 13 with assets: only those are analysed.
    assert "analysed 139 areas × 13 categories" in printed
    assert "Left out 24 categories with no assets to count: Council, Police," in printed
    assert "and 19 more (all listed in all.method.txt)" in printed
    with out.open(encoding="utf-8-sig") as fh:
        shown = {r["Category"] for r in csv.DictReader(fh)}
    assert "Mental health" in shown and "Council" not in shown and "Arts" not in shown
    gaps = int(printed.split("categories; ")[1].split(" area-category gaps")[0].replace(",", ""))
    method = out.with_name("all.method.txt").read_text(encoding="utf-8")
    assert "Left out 24 categories with no assets to count: Council, Police" in method
    assert "Local stories and Uncategorised." in method  # the whole list, to the last
    with Project.open(demo_copy) as project:
        result = runs.latest(project)
    assert len(result.params.categories) == 13 and len(result.params.skipped) == 24
    assert "council" in result.params.skipped
    real = result.table[result.table["category"] != "*"]
    assert gaps == int(real["gap"].sum()) and (real.groupby("category")["gap"].sum() < 139).all()


def test_analyse_a_named_category_with_no_assets_and_say_every_area_is_a_gap(
    demo_copy, tmp_path, capsys
):
    out = tmp_path / "council.csv"
    code = run("analyse", demo_copy, "--set", LSOA_SET, "--category", "Council", "--out", out)
    assert code == EXIT_OK
    printed = capsys.readouterr().out
    assert "analysed 139 areas × 1 category; 139 area-category gaps" in printed
    assert "No Council assets to count: every area is a gap in it." in printed
    assert "Left out" not in printed
    method = out.with_name("council.method.txt").read_text(encoding="utf-8")
    assert "There are no assets of Council to count, so every area has a gap in it." in method


def test_analyse_a_group_without_assets_is_refused_plainly(demo_copy, tmp_path, capsys):
    out = tmp_path / "x.csv"
    code = run("analyse", demo_copy, "--set", LSOA_SET, "--category", "Local economy", "--out", out)
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "no category of Local economy has any assets to count" in err
    assert kept_runs(demo_copy) == [] and list(tmp_path.iterdir()) == [demo_copy]


def analyse_into(project, out, *extra) -> int:
    return run("analyse", project, "--set", LSOA_SET, "--category", "Mental health", "--out", out,
               "--quiet", *extra)  # fmt: skip


@pytest.mark.parametrize("where", ["missing folder", "a folder", "under a file", "the project"])
def test_analyse_refuses_an_output_it_cannot_write_before_keeping_the_run(
    demo_copy, tmp_path, capsys, where
):
    (tmp_path / "notes.txt").write_text("not a folder")
    before = sorted(tmp_path.iterdir())
    out = {
        "missing folder": tmp_path / "no such folder" / "gaps.csv",
        "a folder": tmp_path,
        "under a file": tmp_path / "notes.txt" / "gaps.csv",
        "the project": demo_copy,
    }[where]
    project_bytes = demo_copy.read_bytes()
    assert analyse_into(demo_copy, out) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "field '--out'" in err and out.name in err and "Traceback" not in err
    assert demo_copy.read_bytes() == project_bytes  # not even opened for writing
    assert kept_runs(demo_copy) == []
    assert sorted(tmp_path.iterdir()) == before  # no stray or half-written files


def test_analyse_refuses_a_folder_it_may_not_write_in(demo_copy, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    frozen = False
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions: make it immutable instead
            frozen = subprocess.run(["chattr", "+i", locked], capture_output=True).returncode == 0
            if not frozen:
                pytest.skip("cannot make a folder unwritable here")
        assert analyse_into(demo_copy, locked / "gaps.csv") == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert "gaps.csv, field '--out': could not be written: the folder" in err
        assert list(locked.iterdir()) == []
    finally:
        if frozen:
            subprocess.run(["chattr", "-i", locked], check=True)
        locked.chmod(0o700)
    assert kept_runs(demo_copy) == []


def test_analyse_on_a_full_disk_keeps_neither_the_run_nor_part_of_a_file(demo_copy, tmp_path):
    """A file-size limit stands in for a full disk: writes past it fail (EFBIG)."""
    import resource

    out = tmp_path / "results" / "gaps.csv"
    out.parent.mkdir()
    limit = 100_000  # room for the project's shared-memory index, not for the 240 kB CSV

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "assetmap", "analyse", demo_copy, "--set", LSOA_SET,
         "--need", "imd_score", "--out", out, "--quiet"],
        preexec_fn=small_files, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == EXIT_BAD_INPUT, done.stderr
    assert "gaps.csv, field '--out': could not be written: the disk is full" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == []
    assert kept_runs(demo_copy) == []
    # With room, the same command works: the failure left nothing in the way.
    assert run("analyse", demo_copy, "--set", LSOA_SET, "--out", out, "--quiet") == EXIT_OK
    assert sorted(p.name for p in out.parent.iterdir()) == ["gaps.csv", "gaps.method.txt"]
    assert kept_runs(demo_copy) == [1]


def test_text_another_program_wrote_in_another_encoding_is_named_not_a_traceback(
    demo_copy, tmp_path, capsys
):
    """A project edited elsewhere can hold bytes that are not UTF-8 (Windows-1252 from a
    spreadsheet tool): SQLite refuses to read them, and the command says where and what."""
    import sqlite3

    with sqlite3.connect(demo_copy) as conn:
        conn.execute("UPDATE assets SET name = CAST(x'4c6962ff72617279' AS TEXT) WHERE fid = 1")
    assert run("export", demo_copy, "--out", tmp_path / "assets.csv") == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert f"{demo_copy.name}, field 'name': holds text that is not UTF-8" in error
    assert "Lib" in error and "Traceback" not in error
    assert not (tmp_path / "assets.csv").exists()  # nothing half-written
