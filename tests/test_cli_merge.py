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
