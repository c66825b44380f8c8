"""Commands that keep or remove a what-if scenario (undoable, logged in the change feed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project
from assetmap.core.scenarios import store
from assetmap.core.scenarios.model import Scenario, described


def _target(name: str) -> str:
    return f"scenario:{name}"


@dataclass
class SaveScenario(Command):
    """Keep a scenario under its name; one already kept under that name is replaced (undo
    puts it back)."""

    scenario: Scenario
    replaced: Scenario | None = field(default=None, init=False)
    row_id: int | None = field(default=None, init=False)
    name: ClassVar[str] = "save_scenario"

    @property
    def text(self) -> str:
        return translated("Save scenario '{name}'").format(name=self.scenario.name)

    def apply(self, project: Project) -> list[Change]:
        self.replaced = store.by_name(project, self.scenario.name)
        self.row_id = store.delete(project, self.scenario.name)
        store.insert(project, self.scenario, self.row_id)
        before = described(self.replaced) if self.replaced else None
        return [Change(_target(self.scenario.name), before, described(self.scenario))]

    def revert(self, project: Project) -> list[Change]:
        store.delete(project, self.scenario.name)
        if self.replaced is not None:
            store.insert(project, self.replaced, self.row_id)
        after = described(self.replaced) if self.replaced else None
        return [Change(_target(self.scenario.name), described(self.scenario), after)]

    def undo_conflict(self, project: Project) -> str | None:
        return _changed_elsewhere(project, self.scenario)


@dataclass
class DeleteScenario(Command):
    scenario: Scenario
    row_id: int | None = field(default=None, init=False)
    name: ClassVar[str] = "delete_scenario"

    @property
    def text(self) -> str:
        return translated("Delete scenario '{name}'").format(name=self.scenario.name)

    def apply(self, project: Project) -> list[Change]:
        self.row_id = store.delete(project, self.scenario.name)
        if self.row_id is None:
            gone = translated("the scenario '{name}' is no longer in the project")
            raise BadInputError(gone.format(name=self.scenario.name))
        return [Change(_target(self.scenario.name), described(self.scenario), None)]

    def revert(self, project: Project) -> list[Change]:
        store.insert(project, self.scenario, self.row_id)
        return [Change(_target(self.scenario.name), None, described(self.scenario))]

    def undo_conflict(self, project: Project) -> str | None:
        if store.by_name(project, self.scenario.name) is not None:
            saved = translated("a scenario named '{name}' has been saved elsewhere since")
            return saved.format(name=self.scenario.name)
        return None

    def redo_conflict(self, project: Project) -> str | None:
        return _changed_elsewhere(project, self.scenario)


def _changed_elsewhere(project: Project, expected: Scenario) -> str | None:
    if store.by_name(project, expected.name) == expected:
        return None
    changed = translated("the scenario '{name}' has been changed elsewhere since")
    return changed.format(name=expected.name)
