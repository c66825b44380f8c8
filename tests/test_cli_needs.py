"""assetmap analyse --include-needs: workshop need pins per area, never counted as assets."""

from __future__ import annotations

import csv

from assetmap.cli import EXIT_OK, build_parser, main
from assetmap.core.commands import CommandStack
from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
from assetmap.core.project import Project
from support.workshop import pin

LSOA_SET = "Neighbourhoods (LSOA 2021)"


def analyse(project, out, *extra) -> list[dict[str, str]]:
    args = ["analyse", str(project), "--set", LSOA_SET, "--category", "Mental health",
            "--out", str(out), "--quiet", *extra]  # fmt: skip
    assert main(args) == EXIT_OK
    with out.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_the_cli_reports_needs_raised_when_asked(demo_copy, tmp_path):
    with Project.open(demo_copy) as project:
        stack = CommandStack(project)
        create = CreateWorkshop("Stretford residents", "Stretford Library", "2026-03-14", "Amira")
        stack.push(create)
        need = pin("Somewhere to talk", kind="need", category="mental_health")
        stack.push(AddContribution(create.workshop_id, need, None, review="approved"))
    plain = analyse(demo_copy, tmp_path / "plain.csv")
    with_needs = analyse(demo_copy, tmp_path / "needs.csv", "--include-needs")
    assert "Needs raised (pins)" not in plain[0]
    assert sum(int(r["Needs raised (pins)"]) for r in with_needs) == 1
    assert [r["Assets (count)"] for r in with_needs] == [r["Assets (count)"] for r in plain]


def test_the_option_is_off_by_default():
    base = ["analyse", "p.gpkg", "--set", "S", "--out", "r.csv"]
    assert build_parser().parse_args(base).include_needs is False
    assert build_parser().parse_args([*base, "--include-needs"]).include_needs is True
