"""`assetmap merge` on copies of the Trafford demo: a field copy merged back, a dry run that
changes nothing, conflicts refused without --prefer and resolved with it, a CSV report, an
unrelated project refused."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import assets
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import DeleteAsset
from assetmap.core.project import Project

REPO = Path(__file__).resolve().parents[1]


def run(*args: object) -> int:
    return main([str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def copies_apart(demo_copy, tmp_path, capsys):
    """The office (the demo) and a field copy; in the field a phone number is corrected and
    a closed group deleted; both change one surgery's opening hours, differently."""
    field = tmp_path / "walk.gpkg"
    assert run("copy", demo_copy, field, "--label", "Walk") == EXIT_OK
    with Project.open(demo_copy) as project:
        rows = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 ORDER BY name LIMIT 3"
        ).fetchall()
    phoned, gone, clash = (r[0] for r in rows)
    with Project.open(field) as project:
        stack = CommandStack(project)
        stack.push(EditAsset(phoned, {"phone": "0161 912 3456"}))
        stack.push(DeleteAsset(gone))
        stack.push(EditAsset(clash, {"opening_hours": "Mo-Fr 09:00-17:00"}))
    with Project.open(demo_copy) as project:
        CommandStack(project).push(EditAsset(clash, {"opening_hours": "Mo-Fr 08:00-18:30"}))
    capsys.readouterr()
    return demo_copy, field, {"phoned": phoned, "gone": gone, "clash": clash}


def value(path: Path, uuid: str, field: str) -> object:
    with Project.open(path) as project:
        return getattr(assets.get(project, uuid), field)


def test_without_prefer_a_conflict_refuses_and_nothing_changes(copies_apart, capsys):
    office, field, ids = copies_apart
    before = digest(office)
    assert run("merge", office, field) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert "Conflicts: 1" in captured.out
    assert "1 conflict to resolve" in captured.err and "opening_hours" in captured.err
    assert "--prefer" in captured.err
    assert value(office, ids["phoned"], "phone") != "0161 912 3456"
    assert digest(office) == before


def test_a_dry_run_changes_nothing_and_the_real_run_does_what_it_said(copies_apart, capsys):
    office, field, ids = copies_apart
    assert run("merge", office, field, "--dry-run", "--prefer", "theirs") == EXIT_OK
    said = capsys.readouterr().out
    assert "Dry run: nothing was changed." in said
    assert value(office, ids["phoned"], "phone") != "0161 912 3456"
    assert run("merge", office, field, "--prefer", "theirs") == EXIT_OK
    done = capsys.readouterr().out
    assert done.splitlines()[:-1] == said.splitlines()[:-1]
    assert "took theirs (--prefer theirs)" in done
    assert value(office, ids["phoned"], "phone") == "0161 912 3456"
    assert value(office, ids["gone"], "deleted") is True
    assert value(office, ids["clash"], "opening_hours") == "Mo-Fr 09:00-17:00"
    # merging again finds nothing left to bring
    assert run("merge", office, field) == EXIT_OK
    assert "Nothing to merge" in capsys.readouterr().out


def test_prefer_mine_keeps_this_projects_value(copies_apart, capsys):
    office, field, ids = copies_apart
    assert run("merge", office, field, "--prefer", "mine") == EXIT_OK
    assert "kept mine (--prefer mine)" in capsys.readouterr().out
    assert value(office, ids["clash"], "opening_hours") == "Mo-Fr 08:00-18:30"
    assert value(office, ids["phoned"], "phone") == "0161 912 3456"


def test_the_report_lists_every_change_and_how_conflicts_were_resolved(
    copies_apart, tmp_path, capsys
):
    office, field, ids = copies_apart
    report = tmp_path / "merge.csv"
    assert run("merge", office, field, "--prefer", "mine", "--report", report) == EXIT_OK
    with report.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_change = {(r["change"], r["uuid"], r["field"]): r for r in rows}
    assert by_change[("updated", ids["phoned"], "phone")]["theirs"] == "'0161 912 3456'"
    assert ("deleted", ids["gone"], "deleted") in by_change
    clash = by_change[("conflict", ids["clash"], "opening_hours")]
    assert clash["result"] == "kept mine (--prefer mine)"


def test_an_unrelated_project_is_refused(demo_copy, tmp_path, capsys):
    other = tmp_path / "rutland.gpkg"
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", other)
    Project.open(
        demo_copy
    ).close()  # at this version's schema first, so only a merge could change it
    before, theirs = digest(demo_copy), digest(other)
    assert run("merge", demo_copy, other) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "rutland.gpkg" in err and "different project" in err and "nothing was changed" in err
    assert (digest(demo_copy), digest(other)) == (before, theirs)


# ---- --unrelated: another project's assets imported as new ones ----------------------
def test_the_refusal_names_unrelated_and_prefer_with_it_is_refused(demo_copy, tmp_path, capsys):
    other = tmp_path / "rutland.gpkg"
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", other)
    assert run("merge", demo_copy, other) == EXIT_BAD_INPUT
    assert "run again with --unrelated" in capsys.readouterr().err
    assert run("merge", demo_copy, other, "--unrelated", "--prefer", "mine") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "--prefer" in err and "no meaning with --unrelated" in err


def test_unrelated_imports_rutland_into_trafford_once(demo_copy, tmp_path, capsys):
    other = tmp_path / "rutland.gpkg"
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", other)
    Project.open(demo_copy).close()  # at this version's schema first, as in the test above
    before = digest(demo_copy)
    report = tmp_path / "import.csv"
    assert run("merge", demo_copy, other, "--unrelated", "--dry-run", "--report", report) == 0
    said = capsys.readouterr().out
    assert "Importing the assets of rutland.gpkg (another project" in said
    assert "Added: 345 assets" in said and "Dry run: nothing was changed." in said
    assert digest(demo_copy) == before
    with report.open(newline="", encoding="utf-8") as f:
        assert [r["change"] for r in csv.DictReader(f)].count("added") == 345

    assert run("merge", demo_copy, other, "--unrelated") == EXIT_OK
    done = capsys.readouterr().out
    assert "Imported 345 assets of rutland.gpkg into demo.gpkg." in done
    assert "No likely duplicates between the imported assets and yours." in done
    with Project.open(demo_copy) as project:
        live = project.conn.execute("SELECT count(*) FROM assets WHERE deleted = 0").fetchone()
    assert live[0] == 501 + 345
    # the second run finds every asset already here and changes nothing
    before = digest(demo_copy)
    assert run("merge", demo_copy, other, "--unrelated") == EXIT_OK
    again = capsys.readouterr().out
    assert "Nothing to import" in again and "Already here, not brought in again: 345" in again
    assert digest(demo_copy) == before


def test_unrelated_lists_the_likely_duplicates_it_makes(tmp_path, capsys):
    """Two projects built from the Trafford GP list (and libraries, or pharmacies): the 26
    practices in both come back as 26 same-name pairs 0 m apart, and a pharmacy at a
    surgery pairs with it by postcode (see tests/core/merge/test_unrelated.py)."""
    from assetmap.core.imports import import_assets
    from assetmap.core.io.asset_import import AssetImportOptions

    def build(path: Path, *files: str) -> Path:
        with Project.create(path, name=path.stem) as project:
            for name in files:
                options = AssetImportOptions(category="gp_primary_care")
                import_assets(project, REPO / "sample_data/sources/trafford/assets" / name, options)
        return path

    mine = build(tmp_path / "surgeries.gpkg", "trafford_general_practices.geojson")
    theirs = build(
        tmp_path / "pharmacies.gpkg",
        "trafford_general_practices.geojson",
        "trafford_pharmacies.geojson",
    )
    before = digest(mine)
    assert run("merge", mine, theirs, "--unrelated", "--dry-run") == EXIT_OK
    said = capsys.readouterr().out
    assert digest(mine) == before
    assert "likely duplicates would be between the imported assets and yours" in said
    assert run("merge", mine, theirs, "--unrelated") == EXIT_OK
    out = capsys.readouterr().out
    head = next(line for line in out.splitlines() if "likely duplicates are" in line)
    count = int(head.split()[0])
    assert count == 27  # the 26 practices, and Allied Pharmacy at Davyhulme Medical Centre
    assert f"review them with `assetmap duplicates {mine}` or Tools ▸ Find duplicates…" in head
    listed = out.split(head, 1)[1].splitlines()
    pairs = [line for line in listed if line.startswith("  ") and " / " in line]
    assert len(pairs) == 10
    assert f"  ... and {count - 10} more" in listed
    name, rest = pairs[0].strip().split(" (GP and primary care) / ", 1)
    assert rest == f"{name} (GP and primary care): 0 m apart; same name 0 m apart; " + (
        "same postcode, names 100% alike (threshold 90%)"
    )
