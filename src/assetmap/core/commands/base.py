"""The command protocol and the undo/redo stack."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from typing import ClassVar

from assetmap.core import changelog
from assetmap.core.changelog import Change
from assetmap.core.events import EventEmitter
from assetmap.core.project import Project


class Command(ABC):
    """One undoable edit. ``apply`` must also work again after ``revert`` (redo)."""

    name: ClassVar[str] = "command"

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

    def push(self, command: Command, *, project: Project | None = None) -> None:
        """Apply and record a command. ``project`` lets a worker thread commit through its
        own connection to the same file; undo later runs on the stack's own project."""
        self._run(command, command.apply, "do", project or self.project)
        self._done.append(command)
        del self._done[: -self.limit]
        self._undone.clear()
        self.changed.emit()

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done[-1]
        self._run(command, command.revert, "undo", self.project)
        self._undone.append(self._done.pop())
        self.changed.emit()
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone[-1]
        self._run(command, command.apply, "redo", self.project)
        self._done.append(self._undone.pop())
        self.changed.emit()
        return command

    def _run(self, command: Command, step: object, action: str, project: Project) -> None:
        with project.transaction():
            changes = step(project)  # type: ignore[operator]
            changelog.record(
                project,
                action=action,
                command=command.name,
                description=command.text,
                changes=changes,
            )

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
        changes: list[Change] = []
        for command in self.commands:
            changes += _named(command.apply(project), command.name)
        return changes

    def revert(self, project: Project) -> list[Change]:
        changes: list[Change] = []
        for command in reversed(self.commands):
            changes += _named(command.revert(project), command.name)
        return changes


def _named(changes: list[Change], name: str) -> list[Change]:
    return [c if c.command else replace(c, command=name) for c in changes]
