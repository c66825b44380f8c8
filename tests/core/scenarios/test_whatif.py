"""What-if on the Trafford demo: proposals counted as assets without entering the asset
list, the re-run equal to a full run, the comparison with today, outcomes before and after."""

from __future__ import annotations

import pandas as pd
import pytest

from assetmap.core import assets
from assetmap.core.analysis import engine, inputs
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.outcomes import AddOutcome
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project
from assetmap.core.scenarios.evaluate import Baseline, WhatIf, compare, with_proposals
from assetmap.core.scenarios.model import Proposal

LSOA = "Neighbourhoods (LSOA 2021)"
PARAMS = AnalysisParams(LSOA, ("mental_health", "food_banks"), 800.0, "population", "imd_score")
# Two proposed hubs in Trafford where the demo has gaps in food banks (Partington, Carrington).
HUBS = (
    Proposal("Partington hub", "food_banks", 371_500.0, 391_800.0),
    Proposal("Carrington pantry", "food_banks", 374_300.0, 393_000.0),
)


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


def test_proposals_are_counted_but_never_enter_the_asset_list(demo):
    data = inputs.load(demo, PARAMS)
    before = len(assets.points_xy(demo))
    more = with_proposals(data, HUBS)
    assert len(more.asset_x) == len(data.asset_x) + 2
    assert list(more.asset_category[-2:]) == ["food_banks", "food_banks"]
    assert len(assets.points_xy(demo)) == before
    # a proposal of a category the question does not ask about is left out
    other = Proposal("Library", "libraries", 371_000.0, 391_000.0)
    assert with_proposals(data, [other], PARAMS.categories) is data


def test_a_what_if_equals_a_full_run_with_the_proposals(demo):
    base = Baseline.load(demo, PARAMS)
    quick = base.what_if(HUBS)
    assert quick.reference_points is base.today.reference_points  # a re-run, not a full one
    full = engine.run(with_proposals(base.data, HUBS), PARAMS)
    pd.testing.assert_frame_equal(quick.table, full.table, check_exact=False, rtol=1e-9)
    # one more after another (a re-run from the last what-if) and one removed (from today)
    for placed in (HUBS[:1], HUBS, HUBS[1:]):
        quick = base.what_if(placed)
        full = engine.run(with_proposals(base.data, placed), PARAMS)
        pd.testing.assert_frame_equal(quick.table, full.table, check_exact=False, rtol=1e-9)


def test_comparison_shows_fewer_gaps_and_more_coverage(demo):
    base = Baseline.load(demo, PARAMS)
    found = compare(base.today, base.what_if(HUBS))
    food = found.group("food_banks")
    assert food is not None and food.areas == 139
    assert food.gaps_after < food.gaps_before
    assert food.people_after is not None and food.people_before is not None
    assert food.people_after < food.people_before
    assert food.coverage_after > food.coverage_before
    mental = found.group("mental_health")
    assert mental is not None and mental.gaps_after == mental.gaps_before
    closed = [a for a in found.changed_areas if a.group == "food_banks"]
    assert len(closed) == food.gaps_before - food.gaps_after
    assert all(not a.gap_after for a in closed) and all(a.code.startswith("E01") for a in closed)
    assert found.group(ALL_CHOSEN) is not None


def test_outcomes_met_before_and_after(demo):
    outcome = Outcome(
        title="Every neighbourhood within 800 m of a food bank",
        target="food_banks",
        area_set=LSOA,
        population_field="population",
    )
    CommandStack(demo).push(AddOutcome(outcome))
    whatif = WhatIf.prepare(demo, PARAMS)
    result = whatif.evaluate(HUBS)
    (change,) = result.comparison.outcomes
    assert change.problem == "" and change.areas == 139
    assert change.met_before is not None and change.met_after is not None
    assert change.met_after > change.met_before
    food = result.comparison.group("food_banks")
    assert food is not None and change.met_after - change.met_before == (
        food.gaps_before - food.gaps_after
    )
    assert change.people_after is not None and change.people_before is not None
    assert change.people_after > change.people_before
    # no proposals: the scenario is today
    assert whatif.evaluate([]).scenario is whatif.main.today
