"""Keeping the map true (issue 16 item 2): review intervals, due assets, Mark as checked,
the due list, on the Trafford demo."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assetmap.core import assets, categories
from assetmap.core.commands.categories import EditCategory
from assetmap.core.commands.checked import MarkChecked
from assetmap.core.errors import BadInputError
from assetmap.core.export.due_list import COLUMNS, write_due_list
from assetmap.core.project import Project
from assetmap.core.review_due import add_months, due_in_points
from assetmap.core.session import MapSession

TODAY = date(2026, 6, 15)


def test_months_are_added_inside_short_months():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2026, 6, 15), -24) == date(2024, 6, 15)


def test_an_old_project_gets_review_intervals_keeping_every_category(demo_copy):
    with Project.open(demo_copy) as p:
        cats = categories.by_key(p)
    assert cats["food_banks"].review_months == 6
    assert cats["schools"].review_months == 24
    assert cats["libraries"].review_months == 12


def test_a_new_project_has_the_default_intervals(project):
    assert categories.get(project, "food_banks").review_months == 6
    assert categories.get(project, "council").review_months == 12


def test_the_interval_is_editable_and_undoable(demo_copy):
    with Project.open(demo_copy) as p:
        model = MapSession(p)
        model.push(EditCategory("libraries", {"review_months": 3}))
        assert categories.get(p, "libraries").review_months == 3
        model.undo()
        assert categories.get(p, "libraries").review_months == 12
        with pytest.raises(BadInputError) as refused:
            model.push(EditCategory("libraries", {"review_months": 0}))
        assert refused.value.field == "review_months"


def _due(model: MapSession, today: date = TODAY) -> pd.Series:
    points = model.points()
    mask = due_in_points(points, model.categories(), today)
    return pd.Series(mask, index=points["uuid"])


def test_assets_due_follow_their_categorys_interval(demo_copy):
    with Project.open(demo_copy) as p:
        model = MapSession(p)
        points = model.points()
        food = points[points["category"] == "food_banks"].iloc[0]
        school = points[points["category"] == "schools"].iloc[0]
        # Checked 8 months ago: a food bank (6 months) is due, a school (2 years) is not.
        eight_months = add_months(TODAY, -8).isoformat()
        model.push(MarkChecked((food["uuid"], school["uuid"]), eight_months))
        due = _due(model)
        assert due[food["uuid"]]
        assert not due[school["uuid"]]


def test_mark_checked_today_clears_due_as_one_undo_step(demo_copy):
    with Project.open(demo_copy) as p:
        model = MapSession(p)
        far = date(2040, 1, 1)  # everything is due by then
        due_before = _due(model, far)
        assert due_before.all()
        chosen = tuple(due_before.index[:5])
        before = {u: assets.get(p, u).verified_date for u in chosen}
        model.push(MarkChecked(chosen, "2039-12-01"))
        after = _due(model, far)
        assert not after[list(chosen)].any()
        assert after.sum() == len(after) - 5
        model.undo()
        assert {u: assets.get(p, u).verified_date for u in chosen} == before
        assert _due(model, far).all()


def test_mark_checked_defaults_to_today(demo_copy):
    with Project.open(demo_copy) as p:
        uuid = MapSession(p).points()["uuid"].iloc[0]
        MapSession(p).push(MarkChecked((uuid,)))
        assert assets.get(p, uuid).verified_date == date.today().isoformat()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_due_list_exports_for_a_phone_round(demo_copy, tmp_path, suffix):
    with Project.open(demo_copy) as p:
        model = MapSession(p)
        points = model.points()
        food = points[points["category"] == "food_banks"]["uuid"].tolist()
        model.push(MarkChecked(tuple(food), add_months(TODAY, -7).isoformat()))
        expected = int(_due(model).sum())
        out = tmp_path / f"due{suffix}"
        written = write_due_list(p, out, TODAY)
    frame = pd.read_csv(out) if suffix == ".csv" else pd.read_excel(out)
    assert written == expected == len(frame)
    assert tuple(frame.columns) == COLUMNS
    labels = set(frame["Category"])
    assert "Food banks and pantries" in labels
    assert frame["Due since"].astype(str).is_monotonic_increasing


def test_the_due_list_refuses_another_format(demo_copy, tmp_path):
    with Project.open(demo_copy) as p, pytest.raises(BadInputError) as refused:
        write_due_list(p, tmp_path / "due.pdf")
    assert "due.pdf" in str(refused.value)


def test_the_method_statement_says_how_many_counted_assets_are_overdue(demo_copy):
    from assetmap.core import areas
    from assetmap.core.analysis import inputs
    from assetmap.core.analysis.method import method_statement
    from assetmap.core.analysis.params import AnalysisParams

    with Project.open(demo_copy) as p:
        model = MapSession(p)
        points = model.points()
        model.push(MarkChecked(tuple(points["uuid"]), date.today().isoformat()))
        food = points[(points["category"] == "food_banks") & (points["review"] == "approved")]
        model.push(MarkChecked(tuple(food["uuid"][:3]), add_months(date.today(), -7).isoformat()))
        params = AnalysisParams(areas.list_sets(p)[0].name, ("food_banks", "schools"))
        data = inputs.load(p, params)
    assert data.overdue == 3
    statement = method_statement(data, params, 0)
    assert "3 of the counted assets are overdue for checking" in statement
