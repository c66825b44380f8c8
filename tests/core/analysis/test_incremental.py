"""After one asset is added, moved or removed, the re-run that redoes only the areas within
reach of the change gives the same results as a full run (Trafford demo, real assets)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from assetmap.core import assets
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack, DeleteAsset, MoveAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project

PARAMS = AnalysisParams(
    "Neighbourhoods (LSOA 2021)",
    ("mental_health", "libraries", "food_banks"),
    800.0,
    "population",
    "imd_score",
)


@pytest.fixture
def demo(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        yield project, CommandStack(project)


def assert_same_as_full_run(project: Project, quick: AnalysisResult) -> None:
    full = analyse(project, PARAMS, keep=False)
    pd.testing.assert_frame_equal(quick.table, full.table, check_exact=False, rtol=1e-9, atol=1e-12)
    assert quick.method == full.method


def a_library(project: Project) -> str:
    found = assets.points_xy(project)
    return str(found[found["category"] == "libraries"]["uuid"].iloc[0])


def test_adding_an_asset_redoes_only_what_it_reaches_and_equals_a_full_run(demo):
    project, stack = demo
    before = analyse(project, PARAMS, keep=False)
    stack.push(
        AddAsset(
            Asset(uuid=new_uuid(), name="New pantry", category="food_banks", x=377_000, y=395_500)
        )
    )
    after = analyse(project, PARAMS, keep=False, previous=before)
    assert after.reference_points is before.reference_points  # reused, not a full run
    assert_same_as_full_run(project, after)
    changed = after.table["coverage"].to_numpy() != before.table["coverage"].to_numpy()
    assert set(after.table["category"][changed]) <= {"food_banks", "*"}
    assert changed.any()


def test_moving_an_asset_equals_a_full_run(demo):
    project, stack = demo
    before = analyse(project, PARAMS, keep=False)
    stack.push(MoveAsset(a_library(project), 379_000, 392_000))
    assert_same_as_full_run(project, analyse(project, PARAMS, keep=False, previous=before))


def test_removing_an_asset_equals_a_full_run(demo):
    project, stack = demo
    before = analyse(project, PARAMS, keep=False)
    stack.push(DeleteAsset(a_library(project)))
    assert_same_as_full_run(project, analyse(project, PARAMS, keep=False, previous=before))


def test_a_chain_of_changes_each_on_the_last_re_run_equals_a_full_run(demo):
    project, stack = demo
    result = analyse(project, PARAMS, keep=False)
    uuid = a_library(project)
    for change in (
        MoveAsset(uuid, 378_000, 394_000),
        AddAsset(
            Asset(uuid=new_uuid(), name="Drop-in", category="mental_health", x=378_100, y=394_050)
        ),
        DeleteAsset(uuid),
    ):
        stack.push(change)
        result = analyse(project, PARAMS, keep=False, previous=result)
    assert_same_as_full_run(project, result)


def test_another_question_is_a_full_run(demo):
    project, _stack = demo
    before = analyse(project, PARAMS, keep=False)
    other = AnalysisParams(PARAMS.area_set, ("libraries",), 1200.0)
    quick = analyse(project, other, keep=False, previous=before)
    pd.testing.assert_frame_equal(quick.table, analyse(project, other, keep=False).table)


def test_several_changes_between_runs_equal_a_full_run(demo):
    project, stack = demo
    before = analyse(project, PARAMS, keep=False)
    uuid = a_library(project)
    stack.push(DeleteAsset(uuid))
    stack.push(
        AddAsset(Asset(uuid=new_uuid(), name="Hub", category="libraries", x=376_500, y=391_500))
    )
    stack.push(
        AddAsset(Asset(uuid=new_uuid(), name="Pantry", category="food_banks", x=380_500, y=393_000))
    )
    after = analyse(project, PARAMS, keep=False, previous=before)
    assert after.reference_points is before.reference_points
    assert_same_as_full_run(project, after)
