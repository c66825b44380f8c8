"""The merge's report reads in Welsh when the app is in Welsh. Needs the Welsh of the
merge's words in the core's catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.core import i18n
from assetmap.core.errors import BadInputError
from assetmap.core.merge import plan_merge
from assetmap.core.project import Project


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def test_merging_an_unchanged_copy_says_so_in_welsh(office: Path, field_copy: Path):
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
    assert plan.report_lines()[-1] == (
        "Nothing to merge: this project already has every change in it."
    )
    with i18n.using_language("cy"):
        lines = plan.report_lines()
    assert lines[0].startswith("Cyfuno field.gpkg (Sale ward walk, id copi ")
    assert lines[-1] == "Dim i'w gyfuno: mae pob newid yn y prosiect hwn eisoes."


def test_merging_the_project_into_itself_is_refused_in_welsh(office: Path):
    with (
        Project.open(office) as project,
        i18n.using_language("cy"),
        pytest.raises(BadInputError) as raised,
    ):
        plan_merge(project, office)
    assert "dyma'r prosiect ei hun; dewiswch gopi arall" in str(raised.value)
