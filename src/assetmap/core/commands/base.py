"""The command protocol and the undo/redo stack."""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from assetmap.core import changelog
from assetmap.core.changelog import Change
from assetmap.core.errors import ConflictError
from assetmap.core.events import EventEmitter
from assetmap.core.i18n import translated
from assetmap.core.project import Project

Step = Callable[[Project], list[Change]]


class Command(ABC):
    """One undoable edit. ``apply`` must also work again after ``revert`` (redo)."""

    name: ClassVar[str] = "command"
    # Where this edit came from, for the change feed (None: the desk, by the project's
    # author); set by CommandStack.push(origin=...) and kept for its undo and redo.
    origin: changelog.Origin | None = None

    @property
    @abstractmethod
    def text(self) -> str:
        """What the user sees in Edit > Undo and the history view."""

    @abstractmethod
    def apply(self, project: Project) -> list[Change]:
        """Make the change inside the caller's transaction; return what changed."""

    @abstractmethod
    def revert(self, project: Project) -> list[Change]:
        """Undo exactly what ``apply`` did, inside the caller's transaction."""

    def undo_conflict(self, project: Project) -> str | None:
        """Why undoing now would overwrite a later change made elsewhere (another window,
        another program sharing the file), or None. Checked inside the undo's transaction."""
        return None

    def redo_conflict(self, project: Project) -> str | None:
        """The same for redo, against the state the undo left."""
        return None


@dataclass(frozen=True)
class HistoryItem:
    text: str
    done: bool


class CommandStack:
    """Runs commands in one transaction each, logs them, and keeps undo/redo lists."""

    def __init__(self, project: Project, limit: int = 1000) -> None:
        self.project = project
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self.changed = EventEmitter("history_changed")

    def push(
        self,
        command: Command,
        *,
        project: Project | None = None,
        origin: changelog.Origin | None = None,
    ) -> None:
        """Apply and record a command. ``project`` lets a worker thread commit through its
        own connection to the same file; undo later runs on the stack's own project.
        ``origin`` says where the edit came from (a workshop, a merged copy) for the feed."""
        self.commit(command, project=project, origin=origin)
        self.record(command)

    def commit(
        self,
        command: Command,
        *,
        project: Project | None = None,
        origin: changelog.Origin | None = None,
    ) -> None:
        """Apply and log a command without touching the history: the half of ``push`` a
        worker thread may run on its own connection. The history and its ``changed`` event
        belong to the thread the views live on, which then calls ``record``."""
        if origin is not None:
            command.origin = origin
        self._run(command, command.apply, "do", project or self.project)

    def record(self, command: Command) -> None:
        """Put a committed command on the undo list (a new edit clears what was undone)."""
        self._done.append(command)
        del self._done[: -self.limit]
        self._undone.clear()
        self.changed.emit()

    def undo(self) -> Command | None:
        """Undo the last command; refused (ConflictError) when something it would revert has
        been changed since by another window or program: their edit must not be lost."""
        if not self._done:
            return None
        command = self._done[-1]
        self._run(command, command.revert, "undo", self.project, command.undo_conflict)
        self._undone.append(self._done.pop())
        self.changed.emit()
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone[-1]
        self._run(command, command.apply, "redo", self.project, command.redo_conflict)
        self._done.append(self._undone.pop())
        self.changed.emit()
        return command

    def _run(
        self,
        command: Command,
        step: Step,
        action: str,
        project: Project,
        conflict: Callable[[Project], str | None] | None = None,
    ) -> None:
        """One transaction; retried once when another writer got in first.

        A constraint failure in a transaction that began after another connection committed
        means this command clashed with that change (the same new category, the same area
        set name). The transaction re-reads what changed (Project._begin), so a second attempt
        usually succeeds; if not, the user is told in plain words, and nothing was changed.
        Without a change elsewhere, the failure is a bug and is raised as it is.
        """
        clashed = False
        for attempt in (1, 2):
            try:
                with project.transaction():
                    reason = conflict(project) if conflict is not None else None
                    if reason:
                        raise ConflictError(reason)
                    with changelog.entry(
                        project,
                        action=action,
                        command=command.name,
                        describe=lambda: command.text,
                        origin=command.origin,
                    ) as log:
                        changelog.record(project, log, step(project))
                return
            except sqlite3.IntegrityError as exc:
                project.invalidate()
                clashed = clashed or project.changed_elsewhere
                if not clashed:
                    raise
                if attempt == 2:
                    clash = translated(
                        "Another program changed {file} while '{command}' was being saved, in a "
                        "way that clashes with it. Nothing was changed; look at the project and "
                        "try again."
                    )
                    raise ConflictError(
                        clash.format(file=project.path.name, command=command.text)
                    ) from exc

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self.changed.emit()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str | None:
        return self._done[-1].text if self._done else None

    @property
    def redo_text(self) -> str | None:
        return self._undone[-1].text if self._undone else None

    def history(self) -> list[HistoryItem]:
        """Oldest first: done commands, then undone ones (most recently undone last)."""
        done = [HistoryItem(c.text, True) for c in self._done]
        undone = [HistoryItem(c.text, False) for c in reversed(self._undone)]
        return done + undone


class CommandGroup(Command):
    """Several commands as one undo step (delete 40 selected assets; an asset with its photos)."""

    name: ClassVar[str] = "group"

    def __init__(self, commands: list[Command], text: str) -> None:
        if not commands:
            raise ValueError("a command group needs at least one command")
        self.commands = list(commands)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def apply(self, project: Project) -> list[Change]:
        # Each part is checked just before it runs: an earlier part of the same group may
        # have changed what a later part stamped.
        changes: list[Change] = []
        for command in self.commands:
            _refuse(command.redo_conflict(project))
            changes += _named(command.apply(project), command.name)
        return changes

    def revert(self, project: Project) -> list[Change]:
        changes: list[Change] = []
        for command in reversed(self.commands):
            _refuse(command.undo_conflict(project))
            changes += _named(command.revert(project), command.name)
        return changes


def _refuse(reason: str | None) -> None:
    if reason:
        raise ConflictError(reason)


def _named(changes: list[Change], name: str) -> list[Change]:
    return [c if c.command else replace(c, command=name) for c in changes]
