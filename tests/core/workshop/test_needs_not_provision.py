"""A need pin says "this is missing here": the gap analysis never counts it as provision."""

from __future__ import annotations

import csv

import shapely

from assetmap.core import areas, assets
from assetmap.core.analysis import api, runs
from assetmap.core.analysis.inputs import counts_by_category
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.workshop import AddContribution
from support.workshop import STRETFORD, pin


def test_approved_needs_are_not_counted_but_approved_assets_are(demo, stack, workshop_id):
    before = counts_by_category(assets.points_xy(demo), include_pending=True)
    need = pin("A food bank near the station", kind="need", category="food_banks")
    stack.push(AddContribution(workshop_id, need, None, review="approved"))
    stack.push(AddContribution(workshop_id, need, None, review="pending"))
    points = assets.points_xy(demo)
    assert set(points["pin_kind"]) == {"asset", "need"}
    assert counts_by_category(points, include_pending=True) == before
    there = pin("Seymour Grove food bank", category="food_banks")
    stack.push(AddContribution(workshop_id, there, None, review="approved"))
    after = counts_by_category(assets.points_xy(demo), include_pending=False)
    assert after["food_banks"] == before.get("food_banks", 0) + 1


LSOA = "Neighbourhoods (LSOA 2021)"


def stretford_area(project) -> str:
    frame = areas.frame(project, LSOA)
    (code,) = frame[frame.contains(shapely.Point(*STRETFORD))]["code"]
    return str(code)


def analyse_mental_health(project, tmp_path, **options):
    params = AnalysisParams(LSOA, ("mental_health", "food_banks"), **options)
    out = tmp_path / f"gaps-{len(list(tmp_path.iterdir()))}.csv"
    return api.analyse(project, params, out=out), out


def test_needs_raised_per_area_when_asked_and_never_as_provision(
    demo, stack, workshop_id, tmp_path
):
    plain, _ = analyse_mental_health(demo, tmp_path)
    need = pin("Somewhere to talk", kind="need", category="mental_health")
    stack.push(AddContribution(workshop_id, need, None, review="approved"))
    stack.push(AddContribution(workshop_id, need, None, review="approved"))
    stack.push(AddContribution(workshop_id, need, None))  # awaiting review
    result, out = analyse_mental_health(demo, tmp_path, include_needs=True)
    table = result.table
    # The assets and gaps are as they were: a need is not provision.
    assert table["assets"].tolist() == plain.table["assets"].tolist()
    assert table["gap"].tolist() == plain.table["gap"].tolist()
    here = stretford_area(demo)
    raised = table.set_index(["category", "area_code"])["needs_raised"]
    assert raised[("mental_health", here)] == 2 and raised[("*", here)] == 2
    assert raised.sum() == 4 and raised[("food_banks", here)] == 0
    assert "Needs raised counts the 2 need pins" in result.method
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    mine = [r for r in rows if r["Area code"] == here and r["Category"] == "Mental health"]
    assert mine[0]["Needs raised (pins)"] == "2"
    pending, _ = analyse_mental_health(demo, tmp_path, include_needs=True, include_pending=True)
    assert (
        pending.table.set_index(["category", "area_code"])["needs_raised"][("mental_health", here)]
        == 3
    )
    kept = runs.load(demo, result.run_id)
    assert kept.params.include_needs and kept.table["needs_raised"].sum() == 4


def test_without_the_option_there_is_no_needs_figure(demo, stack, workshop_id, tmp_path):
    need = pin("Somewhere to talk", kind="need", category="mental_health")
    stack.push(AddContribution(workshop_id, need, None, review="approved"))
    result, out = analyse_mental_health(demo, tmp_path)
    assert result.table["needs_raised"].sum() == 0 and "Needs raised" not in result.method
    with out.open(encoding="utf-8-sig") as f:
        assert "Needs raised (pins)" not in next(csv.reader(f))
    assert result.params.include_needs is False
