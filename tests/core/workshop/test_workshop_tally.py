"""The tally counts a workshop's pins by category and kind, approved and awaiting review."""

from __future__ import annotations

from assetmap.core import assets
from assetmap.core.commands import SetReview
from assetmap.core.commands.workshop import AddContribution, CreateWorkshop, WithdrawContribution
from assetmap.core.workshop.tally import tally
from support.workshop import pin


def add(stack, workshop_id, device, name, **changes) -> str:
    command = AddContribution(workshop_id, pin(name, **changes), device)
    stack.push(command)
    return command.uuid


def test_a_workshops_tally_by_category_and_kind(demo, stack, workshop_id, phone):
    a = add(stack, workshop_id, phone, "Lunch club")
    add(stack, workshop_id, phone, "Knit and natter")
    add(stack, workshop_id, phone, "A food bank", kind="need", category="food_banks")
    rejected = add(stack, workshop_id, phone, "Spam", category="food_banks")
    withdrawn = add(stack, workshop_id, phone, "Oops", category="libraries")
    stack.push(SetReview((a,), "approved"))
    stack.push(SetReview((rejected,), "rejected"))
    stack.push(WithdrawContribution(withdrawn, phone))
    other = CreateWorkshop("Another evening", "Sale", "2026-03-15", "Amira")
    stack.push(other)
    add(stack, other.workshop_id, phone, "Elsewhere")
    got = tally(demo, workshop_id)
    assert [(r.label, r.kind, r.approved, r.pending) for r in got.rows] == [
        ("Community and tenants' groups", "asset", 1, 1),
        ("Food banks and pantries", "need", 0, 1),
    ]
    assert got.total() == 3 and got.total(kind="need") == 1
    assert got.total(review="approved") == 1 and got.total(kind="asset", review="pending") == 1


def test_the_whole_project_tally_counts_approved_assets_only(demo, stack, workshop_id, phone):
    before = tally(demo, None)
    assert before.total() == assets.count(demo, "deleted = 0 AND review = 'approved'")
    assert before.total(review="pending") == 0 and before.total(kind="need") == 0
    add(stack, workshop_id, phone, "Pending pin")
    assert tally(demo, None) == before
