"""An outcome for the most deprived areas home to a share of the people (issue 16): which
areas those are, how it is kept and worded, and what is refused, on the Trafford demo."""

from __future__ import annotations

import shutil
import sqlite3

import pandas as pd
import pytest

from assetmap.core.analysis import runs
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.outcomes import AddOutcome
from assetmap.core.errors import BadInputError
from assetmap.core.outcomes import store
from assetmap.core.outcomes.current import status
from assetmap.core.outcomes.evaluate import evaluate, neediest_holding
from assetmap.core.outcomes.model import Outcome, applies_to_words
from assetmap.core.outcomes.table import row
from assetmap.core.project import Project
from assetmap.core.schema import CURRENT_VERSION

LSOA = "Neighbourhoods (LSOA 2021)"


def pantries(**changes) -> Outcome:
    values = dict(
        title="The most deprived fifth of us within 800 m of a pantry",
        target="food_banks",
        area_set=LSOA,
        population_field="population",
        need_field="imd_score",
        population_share=0.2,
    )
    return Outcome(**(values | changes))


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


def test_the_outcome_is_for_the_neediest_areas_home_to_the_share_of_the_people(demo):
    found = status(demo, pantries())
    table = runs.load(demo, found.now.run_id).for_category("food_banks")
    total = table["population"].sum()
    ranked = table.sort_values("need", ascending=False, kind="stable")
    held = ranked["population"].cumsum()
    # The fewest neediest areas that hold a fifth of the people, the last one tipping it over.
    expected = int((held - ranked["population"] < 0.2 * total).sum())
    assert found.now.areas == expected and 0 < expected < len(table)
    assert found.now.people >= 0.2 * total
    assert found.now.people - ranked["population"].iloc[expected - 1] < 0.2 * total
    # The failing areas are among them, and none is less needy than the least needy chosen.
    cut = ranked["need"].iloc[expected - 1]
    assert (found.failing["need"] >= cut).all()
    assert found.now.people_meeting == pytest.approx(
        ranked.head(expected).loc[~ranked.head(expected)["gap"], "population"].sum()
    )


def test_the_whole_population_is_every_area_with_a_known_need(demo):
    found = status(demo, pantries(population_share=1.0))
    table = runs.load(demo, found.now.run_id).for_category("food_banks")
    assert found.now.areas == int(table["need"].notna().sum())


def test_ranking_takes_need_first_ties_in_order_and_never_unknown_need():
    need = pd.Series([5.0, None, 9.0, 5.0, 1.0])
    people = pd.Series([100, 500, 100, None, 300])  # 1,000 people; an unknown counts as none
    assert neediest_holding(need, people, 0.1).tolist() == [False, False, True, False, False]
    # 9.0 holds 10 %; the first 5.0 brings 20 %, then the second 5.0 (nobody) before 1.0.
    assert neediest_holding(need, people, 0.15).tolist() == [True, False, True, False, False]
    assert neediest_holding(need, people, 0.25).tolist() == [True, False, True, True, True]
    assert not neediest_holding(need, pd.Series([0, 0, 0, 0, 0]), 0.5).any()


def test_a_run_with_no_population_field_says_so(demo):
    result = analyse(demo, AnalysisParams(LSOA, ("food_banks",), 800.0, None, "imd_score"))
    with pytest.raises(BadInputError) as caught:
        evaluate(pantries(), result)
    assert "no population field" in str(caught.value)
    assert caught.value.field == "population-share"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"population_share": 0.0}, "population-share"),
        ({"population_share": 1.5}, "population-share"),
        ({"need_band": 1}, "population-share"),  # a need band or a share, not both
        ({"population_field": None}, "population"),
        ({"need_field": None}, "need"),
    ],
)
def test_bad_shares_are_refused_naming_the_field(changes, field):
    with pytest.raises(BadInputError) as caught:
        pantries(**changes)
    assert caught.value.field == field


def test_the_share_is_kept_and_worded(demo):
    outcome = pantries(population_share=0.125)
    CommandStack(demo).push(AddOutcome(outcome))
    assert store.all_outcomes(demo) == [outcome]
    words = "the most deprived areas home to 12.5 % of the people"
    assert applies_to_words(outcome) == words
    assert row(status(demo, outcome), {})["applies_to"] == words
    assert applies_to_words(pantries(population_share=None, need_band=1)) == (
        "the fifth of areas most in need"
    )
    assert applies_to_words(pantries(population_share=None)) == "every area"


def test_an_older_project_keeps_its_outcomes_and_gains_the_share(tmp_path, repo_root):
    path = tmp_path / "old.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with sqlite3.connect(path) as conn:
        # The demo as it was before migration 18.
        conn.execute("ALTER TABLE am_outcomes DROP COLUMN population_share")
        conn.execute("DELETE FROM am_schema WHERE version >= 18")
        conn.execute(
            "INSERT INTO am_outcomes (uuid, title, target, area_set, need_band, need_field, "
            "created_at) VALUES ('abc', 'Neediest fifth near a GP', 'gp_surgeries', ?, 1, "
            "'imd_score', '2026-01-01T00:00:00Z')",
            (LSOA,),
        )
    with Project.open(path) as project:
        assert project.schema_version() == CURRENT_VERSION
        (kept,) = store.all_outcomes(project)
    assert (kept.title, kept.need_band, kept.population_share) == (
        "Neediest fifth near a GP",
        1,
        None,
    )
