"""Categories in a merge of two copies of the Trafford demo: every field of a category is
weighed like an asset's (a rename on both sides is a conflict, a colour changed on one side
is taken), and a category deleted on one side stays deleted, or stays, for a reason the
report gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.core import categories
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.categories import EditCategory, MergeCategories
from assetmap.core.errors import BadInputError
from assetmap.core.merge import MergeCopy, plan_merge
from assetmap.core.project import Project

FOOD, COMMUNITY = "food_banks", "mutual_aid"


def edit(path: Path, *commands) -> None:
    with Project.open(path) as project:
        stack = CommandStack(project)
        for command in commands:
            stack.push(command)


def category(path: Path, key: str):
    with Project.open(path) as project:
        return categories.by_key(project).get(key)


def merged(into: Path, other: Path, **options) -> list[str]:
    with Project.open(into) as project:
        plan = plan_merge(project, other, prefer=options.pop("prefer", None))
        CommandStack(project).push(MergeCopy(plan, **options))
        return plan.report_lines()


def used_by(path: Path, key: str) -> int:
    with Project.open(path) as project:
        return project.conn.execute(
            "SELECT count(*) FROM assets WHERE category = ?", (key,)
        ).fetchone()[0]


def test_the_demo_has_the_categories_these_tests_use(office):
    assert category(office, FOOD) is not None and used_by(office, FOOD) > 0
    assert category(office, COMMUNITY) is not None and used_by(office, COMMUNITY) > 0


def test_a_category_renamed_differently_on_both_sides_is_a_conflict(office, field_copy):
    edit(office, EditCategory(FOOD, {"label": "Food pantries"}))
    edit(field_copy, EditCategory(FOOD, {"label": "Food support"}))
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
        assert [(c.uuid, c.field, c.mine, c.theirs) for c in plan.conflicts] == [
            (f"category:{FOOD}", "label", "Food pantries", "Food support")
        ]
        with pytest.raises(BadInputError, match="1 conflict to resolve"):
            MergeCopy(plan)
    merged(office, field_copy, resolutions={(f"category:{FOOD}", "label"): "theirs"})
    assert category(office, FOOD).label == "Food support"


def test_a_category_conflict_kept_mine_leaves_it_and_merging_back_agrees(office, field_copy):
    edit(office, EditCategory(FOOD, {"label": "Food pantries"}))
    edit(field_copy, EditCategory(FOOD, {"label": "Food support"}))
    report = merged(office, field_copy, prefer="mine")
    assert category(office, FOOD).label == "Food pantries"
    assert any("kept mine (--prefer mine)" in line and "label" in line for line in report)
    merged(field_copy, office)
    assert category(field_copy, FOOD).label == "Food pantries"


def test_a_colour_and_other_names_changed_on_one_side_are_taken(office, field_copy):
    edit(
        field_copy,
        EditCategory(FOOD, {"colour": "#123456", "synonyms": ["Community pantry"]}),
    )
    edit(office, EditCategory(FOOD, {"label": "Food pantries"}))
    report = merged(office, field_copy)
    after = category(office, FOOD)
    assert (after.label, after.colour, after.synonyms) == (
        "Food pantries",
        "#123456",
        ("Community pantry",),
    )
    assert any("colour" in line and "synonyms" in line for line in report)


def test_a_category_merged_away_here_does_not_come_back(office, field_copy):
    edit(office, MergeCategories(FOOD, COMMUNITY))
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
        assert plan.categories == [] and plan.is_empty
    assert category(office, FOOD) is None


def test_a_category_merged_away_there_goes_here_with_its_assets_moved(office, field_copy):
    food_assets = used_by(office, FOOD)
    edit(field_copy, MergeCategories(FOOD, COMMUNITY))
    with Project.open(office) as project:
        stack = CommandStack(project)
        plan = plan_merge(project, field_copy)
        stack.push(MergeCopy(plan))
        assert categories.by_key(project).get(FOOD) is None
        assert any("- Food" in line and "deleted in the other copy" in line
                   for line in plan.report_lines())  # fmt: skip
        stack.undo()
        assert categories.by_key(project).get(FOOD) is not None
    assert used_by(office, FOOD) == food_assets


def test_a_category_merged_away_there_stays_here_while_assets_here_use_it(office, field_copy):
    edit(field_copy, MergeCategories(FOOD, COMMUNITY))
    with Project.open(office) as project:
        (uuid,) = project.conn.execute(
            "SELECT uuid FROM assets WHERE category = ? AND deleted = 0 LIMIT 1", (COMMUNITY,)
        ).fetchone()
    edit(office, EditAsset(uuid, {"category": FOOD}))  # filed under it here since
    report = merged(office, field_copy)
    assert category(office, FOOD) is not None
    assert any("stays: assets here still use it" in line for line in report)


def test_a_category_changed_there_keeps_this_copys_review_interval(office, field_copy):
    edit(office, EditCategory(FOOD, {"review_months": 3}))
    edit(field_copy, EditCategory(FOOD, {"colour": "#0072B2"}))
    merged(office, field_copy)
    taken = category(office, FOOD)
    assert taken.colour == "#0072B2"
    assert taken.review_months == 3
