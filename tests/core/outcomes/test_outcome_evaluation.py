"""Agreed outcomes on the Trafford demo: evaluated as the analysis's own per-area results,
history across runs, undoable edits, the migration that brings them to an older project."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from assetmap.core import areas, categories
from assetmap.core.analysis import runs
from assetmap.core.analysis.api import analyse
from assetmap.core.commands.assets import AddAsset
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.outcomes import AddOutcome, EditOutcome, RemoveOutcome
from assetmap.core.commands.scenarios import SaveScenario
from assetmap.core.errors import BadInputError
from assetmap.core.model import Asset, new_uuid
from assetmap.core.outcomes import store
from assetmap.core.outcomes.current import all_statuses, params_for, status
from assetmap.core.outcomes.evaluate import need_bands
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project
from assetmap.core.scenarios.model import Proposal, Scenario
from assetmap.core.schema_outcomes import SEED_KEYS_V15, v15_outcomes, v18_population_share
from assetmap.core.taxonomy import default_categories

LSOA = "Neighbourhoods (LSOA 2021)"


def food_banks(**changes) -> Outcome:
    values = dict(
        title="Every neighbourhood within 800 m of a food bank or pantry",
        target="food_banks",
        area_set=LSOA,
        population_field="population",
        need_field="imd_score",
        target_date="2027-03-31",
    )
    return Outcome(**(values | changes))


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


def test_an_outcome_evaluated_is_the_analysis_own_per_area_result(demo):
    outcome = food_banks(threshold=0.4)
    CommandStack(demo).push(AddOutcome(outcome))
    found = status(demo, outcome)
    # The same question asked of the analysis directly.
    direct = analyse(demo, params_for(demo, outcome), keep=False).for_category("food_banks")
    assert found.now is not None and found.now.areas == len(direct) == 139
    assert found.now.areas_meeting == int((~direct["gap"]).sum())
    meeting = direct.loc[~direct["gap"], "population"].sum()
    assert found.now.people_meeting == pytest.approx(meeting)
    assert found.now.people == pytest.approx(direct["population"].sum())
    assert set(found.failing["area_code"]) == set(direct.loc[direct["gap"], "area_code"])
    # Worst need first: the failing areas' IMD scores never rise down the list.
    assert (np.diff(found.failing["need"].to_numpy()) <= 0).all()
    # The coverage threshold was the outcome's, not the fixed 50 %.
    run = runs.load(demo, found.now.run_id)
    assert run.params.gap_coverage_threshold == 0.4


def test_a_need_band_is_the_fifth_of_areas_most_in_need(demo):
    outcome = food_banks(need_band=1)
    found = status(demo, outcome)
    table = runs.load(demo, found.now.run_id).for_category("food_banks")
    cut = np.sort(table["need"].to_numpy())[::-1][found.now.areas - 1]
    assert found.now.areas == 28  # 139 areas: the top fifth is 28 of them
    assert (found.failing["need"] >= cut).all()
    assert sorted(np.bincount(need_bands(table["need"]))[1:]) == [27, 28, 28, 28, 28]


def test_history_across_runs_after_assets_are_added(demo):
    outcome = food_banks()
    stack = CommandStack(demo)
    stack.push(AddOutcome(outcome))
    first = status(demo, outcome)
    again = status(demo, outcome)
    assert again.now.run_id == first.now.run_id  # nothing changed: the run is reused
    assert len(again.history) == 1 and again.previous is None
    # A new food bank in each of the three worst-off failing areas.
    shapes = areas.frame(demo, LSOA).set_index("code")
    for code in first.failing["area_code"].head(3):
        point = shapes.loc[code].geometry.representative_point()
        asset = Asset(new_uuid(), f"Pantry in {code}", "food_banks", x=point.x, y=point.y)
        stack.push(AddAsset(asset))
    second = status(demo, outcome)
    assert second.now.run_id != first.now.run_id
    assert [e.run_id for e in second.history] == [first.now.run_id, second.now.run_id]
    assert second.previous.areas_meeting == first.now.areas_meeting
    assert second.now.areas_meeting >= first.now.areas_meeting + 3
    assert not set(first.failing["area_code"].head(3)) & set(second.failing["area_code"])


def test_saving_a_what_if_scenario_does_not_make_outcomes_run_again(demo):
    """A scenario changes no figure of today's map: the outcome's run is reused."""
    outcome = food_banks()
    stack = CommandStack(demo)
    stack.push(AddOutcome(outcome))
    first = status(demo, outcome)
    hub = Proposal("Proposed hub", "food_banks", 371_500.0, 391_800.0)
    stack.push(SaveScenario(Scenario("A hub in Partington", params_for(demo, outcome), (hub,))))
    assert status(demo, outcome).now.run_id == first.now.run_id


def test_earlier_runs_that_answer_an_outcome_join_its_history(demo):
    analyse(demo, params_for(demo, food_banks()))  # a run made in Find gaps, before it
    outcome = food_banks()
    CommandStack(demo).push(AddOutcome(outcome))
    found = all_statuses(demo)[0]
    assert len(found.history) == 1  # nothing changed since that run: it is the current one
    assert found.now.run_id == runs.list_runs(demo)[0].id


def test_a_group_outcome_reads_the_any_of_the_chosen_row(demo):
    outcome = food_banks(title="Public services near everyone", target="Public services")
    found = status(demo, outcome)
    table = runs.load(demo, found.now.run_id).for_category("*")
    assert found.now.areas_meeting == int((~table["gap"]).sum())


def test_an_outcome_that_cannot_be_evaluated_says_why(demo):
    outcome = food_banks(area_set="Postcode sectors")
    found = status(demo, outcome)
    assert found.now is None and "Postcode sectors" in found.problem


def test_add_edit_remove_are_undoable_and_keep_history(demo):
    stack = CommandStack(demo)
    outcome = food_banks()
    stack.push(AddOutcome(outcome))
    status(demo, outcome)
    edited = food_banks(uuid=outcome.uuid, title="Pantries for all", distance_m=1000.0)
    stack.push(EditOutcome(outcome, edited))
    assert store.all_outcomes(demo) == [edited]
    stack.undo()
    assert store.all_outcomes(demo) == [outcome]
    stack.push(RemoveOutcome(outcome))
    assert store.all_outcomes(demo) == []
    stack.undo()
    assert store.all_outcomes(demo) == [outcome]
    assert len(status(demo, outcome).history) == 1  # its evaluations came back with it
    stack.undo()
    stack.undo()
    assert store.all_outcomes(demo) == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": " "}, "title"),
        ({"distance_m": 0.0}, "distance"),
        ({"threshold": 1.5}, "threshold"),
        ({"need_band": 6}, "need-band"),
        ({"need_band": 1, "need_field": None}, "need"),
        ({"target_date": "31/03/2027"}, "target"),
    ],
)
def test_bad_outcomes_are_refused_naming_the_field(changes, field):
    with pytest.raises(BadInputError) as caught:
        food_banks(**changes)
    assert caught.value.field == field


def test_migration_15_adds_the_seed_categories_and_keeps_every_category(tmp_path, repo_root):
    path = tmp_path / "old.gpkg"
    path.write_bytes((repo_root / "sample_data" / "trafford.gpkg").read_bytes())
    with sqlite3.connect(path) as conn:
        # The demo as an older project in use: no seed categories yet, one renamed by the
        # user, and one of their own named like a new seed category.
        marks = ", ".join("?" for _ in SEED_KEYS_V15)
        conn.execute(f"DELETE FROM am_categories WHERE key IN ({marks})", SEED_KEYS_V15)
        conn.execute("DROP TABLE IF EXISTS am_outcomes")
        conn.execute("DROP TABLE IF EXISTS am_outcome_evaluations")
        conn.execute("UPDATE am_categories SET label = 'Foodbanks' WHERE key = 'food_banks'")
        conn.execute(
            "INSERT INTO am_categories (key, label, group_name, colour, symbol, sort_order) "
            "VALUES ('hubs', 'Community hubs and coordination centres', 'Mine', '#000000', "
            "'circle', 99)"
        )
        before = dict(conn.execute("SELECT key, label FROM am_categories").fetchall())
        v15_outcomes(conn, 27700)
        after = dict(conn.execute("SELECT key, label FROM am_categories").fetchall())
        order = [r[0] for r in conn.execute("SELECT key FROM am_categories ORDER BY sort_order")]
        v18_population_share(conn, 27700)  # the later change to the table v15 made
    assert {k: after[k] for k in before} == before  # nothing lost, nothing renamed
    # The user's own "Community hubs ..." stands for the new seed category.
    assert set(after) - set(before) == set(SEED_KEYS_V15) - {"coordination_hubs"}
    assert after["integrated_care"] == "Integrated care (NHS and social care)"
    # At the end of its group, as in a new project; the user's order otherwise kept.
    assert order.index("integrated_care") == order.index("schools") + 1
    assert [k for k in order if k in before] == sorted(before, key=order.index)
    with Project.open(path) as project:
        assert store.all_outcomes(project) == []


def test_a_new_project_has_the_seed_categories_once(project):
    keys = [c.key for c in categories.all_categories(project)]
    assert set(SEED_KEYS_V15) <= set(keys) and len(keys) == len(set(keys))
    assert len(keys) == len(default_categories())
