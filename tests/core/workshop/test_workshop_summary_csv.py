"""The session summary CSV: every contribution not withdrawn, safe to open in a spreadsheet."""

from __future__ import annotations

import csv

import pytest

from assetmap.core.commands import SetReview
from assetmap.core.commands.workshop import AddContribution, WithdrawContribution
from assetmap.core.errors import BadInputError
from assetmap.core.workshop.summary import COLUMNS, write_summary_csv
from support.workshop import STRETFORD, pin


def read(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_summary_lists_each_contribution_with_its_place_and_review(
    demo, stack, workshop_id, phone, tmp_path
):
    lunch = AddContribution(workshop_id, pin(), phone)
    stack.push(lunch)
    need = pin('=HYPERLINK("http://x")', kind="need", category="food_banks", contributor=None)
    stack.push(AddContribution(workshop_id, need, phone))
    gone = AddContribution(workshop_id, pin("Withdrawn"), phone)
    stack.push(gone)
    stack.push(WithdrawContribution(gone.uuid, phone))
    stack.push(SetReview((lunch.uuid,), "approved"))
    out = tmp_path / "session.csv"
    assert write_summary_csv(demo, workshop_id, out) == 2
    rows = read(out)
    assert tuple(rows[0]) == COLUMNS
    newest, oldest = rows
    assert newest["name"] == '\'=HYPERLINK("http://x")'  # cannot run as a formula
    assert newest["kind"].startswith("Need") and newest["category"] == "Food banks and pantries"
    assert newest["contributor"] == "" and newest["review"] == "pending"
    assert newest["reviewed_by"] == ""
    assert oldest["name"] == "Tuesday lunch club" and oldest["note"] == "Upstairs at the library"
    assert oldest["kind"].startswith("Asset") and oldest["contributor"] == "Jo"
    assert oldest["review"] == "approved" and oldest["reviewed_by"] == demo.author
    assert (float(oldest["easting"]), float(oldest["northing"])) == STRETFORD
    assert float(oldest["latitude"]) == pytest.approx(53.45, abs=0.02)
    assert float(oldest["longitude"]) == pytest.approx(-2.31, abs=0.02)


def test_an_unwritable_target_is_named_and_nothing_is_left(demo, workshop_id, tmp_path):
    before = set(tmp_path.iterdir())
    target = tmp_path / "no such folder" / "session.csv"
    with pytest.raises(BadInputError, match="session.csv"):
        write_summary_csv(demo, workshop_id, target)
    assert set(tmp_path.iterdir()) == before
