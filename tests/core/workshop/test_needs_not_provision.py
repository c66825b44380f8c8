"""A need pin says "this is missing here": the gap analysis never counts it as provision."""

from __future__ import annotations

from assetmap.core import assets
from assetmap.core.analysis.inputs import counts_by_category
from assetmap.core.commands.workshop import AddContribution
from support.workshop import pin


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
