"""Scenarios kept in the project: saved and read back whole, replaced by name, removed, all
undoable and logged in the change feed; an older project gets the table by migration."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.core import feed, schema
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.scenarios import DeleteScenario, SaveScenario
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.scenarios import store
from assetmap.core.scenarios.model import Proposal, Scenario
from assetmap.core.schema_scenarios import v17_scenarios

PARAMS = AnalysisParams("Neighbourhoods (LSOA 2021)", ("food_banks",), 600.0, "population")
HUB = Proposal("Partington hub", "food_banks", 371_500.0, 391_800.0)


def scenario(name: str = "Two hubs", *proposals: Proposal) -> Scenario:
    return Scenario(name, PARAMS, proposals or (HUB,))


def test_a_saved_scenario_reads_back_whole_and_survives_reopening(project):
    saved = scenario("Two hubs", HUB, Proposal("Pantry", "food_banks", 374_300.0, 393_000.0))
    CommandStack(project).push(SaveScenario(saved))
    path = project.path
    project.close()
    with Project.open(path) as again:
        assert store.all_scenarios(again) == [saved]
        assert store.by_name(again, "Two hubs") == saved


def test_saving_under_a_name_replaces_it_and_undo_puts_the_old_one_back(project):
    stack = CommandStack(project)
    first = scenario()
    stack.push(SaveScenario(first))
    second = scenario("Two hubs", Proposal("Elsewhere", "food_banks", 375_000.0, 395_000.0))
    stack.push(SaveScenario(second))
    assert store.all_scenarios(project) == [second]
    stack.undo()
    assert store.all_scenarios(project) == [first]
    stack.undo()
    assert store.all_scenarios(project) == []
    stack.redo()
    assert store.all_scenarios(project) == [first]


def test_deleting_is_undoable_and_each_edit_is_in_the_change_feed(project):
    stack = CommandStack(project)
    kept = scenario()
    stack.push(SaveScenario(kept))
    stack.push(DeleteScenario(kept))
    assert store.by_name(project, kept.name) is None
    stack.undo()
    assert store.by_name(project, kept.name) == kept
    logged = [c for c in feed.changes_since(project, 0) if c.target == "scenario:Two hubs"]
    assert [c.kind for c in logged] == ["added", "removed", "added"]
    assert logged[0].fields_after["proposals"][0]["label"] == "Partington hub"


def test_a_scenario_needs_a_name_and_proposals_a_place():
    with pytest.raises(BadInputError, match="name"):
        Scenario("  ", PARAMS, ())
    with pytest.raises(BadInputError, match="place"):
        Proposal("Nowhere", "food_banks", float("nan"), 0.0)


def test_an_older_project_gains_the_scenarios_table(project):
    """The migration on a file without the table (schema.migrate runs it in order)."""
    assert any(m.apply is v17_scenarios for m in schema.MIGRATIONS)
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE am_scenarios")
    v17_scenarios(conn, 27700)
    conn.commit()
    conn.close()
    with Project.open(path) as migrated:
        assert store.all_scenarios(migrated) == []
        kept = scenario()
        CommandStack(migrated).push(SaveScenario(kept))
        assert store.by_name(migrated, "Two hubs") == kept
