"""Commands that change the project's agreed outcomes: add, edit, remove (all undoable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.outcomes import store
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project


def _target(outcome: Outcome) -> str:
    return f"outcome:{outcome.uuid}"


@dataclass
class AddOutcome(Command):
    outcome: Outcome
    name: ClassVar[str] = "add_outcome"

    @property
    def text(self) -> str:
        return translated("Add outcome '{title}'").format(title=self.outcome.title)

    def apply(self, project: Project) -> list[Change]:
        if store.by_uuid(project, self.outcome.uuid) is not None:
            raise BadInputError(translated("this outcome is in the project already"), field="title")
        store.insert(project, self.outcome)
        return [Change(_target(self.outcome), None, store.described(self.outcome))]

    def revert(self, project: Project) -> list[Change]:
        store.delete(project, self.outcome.uuid)
        return [Change(_target(self.outcome), store.described(self.outcome), None)]

    def undo_conflict(self, project: Project) -> str | None:
        return _edited_elsewhere(project, self.outcome)


@dataclass
class EditOutcome(Command):
    """Replace an outcome's agreed wording or terms (the uuid, and so its history, stays)."""

    before: Outcome
    after: Outcome
    name: ClassVar[str] = "edit_outcome"

    def __post_init__(self) -> None:
        if self.before.uuid != self.after.uuid:
            raise ValueError("an edit keeps the outcome's uuid")

    @property
    def text(self) -> str:
        return translated("Edit outcome '{title}'").format(title=self.after.title)

    def apply(self, project: Project) -> list[Change]:
        return self._set(project, self.before, self.after)

    def revert(self, project: Project) -> list[Change]:
        return self._set(project, self.after, self.before)

    def undo_conflict(self, project: Project) -> str | None:
        return _edited_elsewhere(project, self.after)

    def redo_conflict(self, project: Project) -> str | None:
        return _edited_elsewhere(project, self.before)

    def _set(self, project: Project, old: Outcome, new: Outcome) -> list[Change]:
        if store.by_uuid(project, old.uuid) is None:
            raise BadInputError(_gone(old))
        store.update(project, new)
        return [Change(_target(new), store.described(old), store.described(new))]


@dataclass
class RemoveOutcome(Command):
    """Remove an outcome; its kept evaluations stay, so undo brings back its history too."""

    outcome: Outcome
    row_id: int | None = field(default=None, init=False)
    name: ClassVar[str] = "remove_outcome"

    @property
    def text(self) -> str:
        return translated("Remove outcome '{title}'").format(title=self.outcome.title)

    def apply(self, project: Project) -> list[Change]:
        self.row_id = store.delete(project, self.outcome.uuid)
        if self.row_id is None:
            raise BadInputError(_gone(self.outcome))
        return [Change(_target(self.outcome), store.described(self.outcome), None)]

    def revert(self, project: Project) -> list[Change]:
        store.insert(project, self.outcome, self.row_id)
        return [Change(_target(self.outcome), None, store.described(self.outcome))]

    def undo_conflict(self, project: Project) -> str | None:
        if store.by_uuid(project, self.outcome.uuid) is not None:
            back = translated("the outcome '{title}' was added back elsewhere")
            return back.format(title=self.outcome.title)
        return None

    def redo_conflict(self, project: Project) -> str | None:
        return _edited_elsewhere(project, self.outcome)


def _edited_elsewhere(project: Project, expected: Outcome) -> str | None:
    """Someone else (another window, a copy merged in) changed or removed the outcome."""
    now = store.by_uuid(project, expected.uuid)
    if now == expected:
        return None
    changed = translated("the outcome '{title}' has been changed elsewhere since")
    return changed.format(title=expected.title)


def _gone(outcome: Outcome) -> str:
    return translated("the outcome '{title}' is no longer in the project").format(
        title=outcome.title
    )
