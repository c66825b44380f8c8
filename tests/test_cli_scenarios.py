"""`assetmap scenarios`: each saved what-if against today, printed and as a CSV."""

from __future__ import annotations

import csv

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.scenarios import SaveScenario
from assetmap.core.project import Project
from assetmap.core.scenarios.model import Proposal, Scenario

PARAMS = AnalysisParams("Neighbourhoods (LSOA 2021)", ("food_banks",), 800.0, "population")
HUBS = (
    Proposal("Partington hub", "food_banks", 371_500.0, 391_800.0),
    Proposal("Carrington pantry", "food_banks", 374_300.0, 393_000.0),
)


def test_no_scenarios_says_how_to_make_one(demo_copy, capsys):
    assert main(["scenarios", str(demo_copy), "--quiet"]) == EXIT_OK
    assert "No scenarios yet" in capsys.readouterr().out


def test_each_scenario_is_compared_with_today(demo_copy, tmp_path, capsys):
    with Project.open(demo_copy) as project:
        CommandStack(project).push(SaveScenario(Scenario("Two hubs", PARAMS, HUBS)))
    out = tmp_path / "scenarios.csv"
    assert main(["scenarios", str(demo_copy), "--quiet", "--csv", str(out)]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "1. Two hubs: 2 proposed (Partington hub (food_banks) at 371,500, 391,800" in printed
    assert "gap areas (Food banks and pantries): 111 -> " in printed
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    gaps = next(r for r in rows if r["measure"] == "gap areas")
    assert gaps["scenario"] == "Two hubs" and gaps["today"] == "111"
    assert int(gaps["with_proposals"]) < 111 and gaps["change"].startswith("\u2212")
    assert {r["measure"] for r in rows} == {"gap areas", "people in gaps", "mean coverage"}


def test_delete_a_scenario_by_name(demo_copy, capsys):
    with Project.open(demo_copy) as project:
        CommandStack(project).push(SaveScenario(Scenario("Two hubs", PARAMS, HUBS)))
    assert main(["scenarios", str(demo_copy), "--delete", "One hub"]) == EXIT_BAD_INPUT
    assert "no scenario 'One hub' (saved: 'Two hubs')" in capsys.readouterr().err
    assert main(["scenarios", str(demo_copy), "--delete", "Two hubs", "--quiet"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "Deleted scenario: Two hubs" in printed and "No scenarios yet" in printed
