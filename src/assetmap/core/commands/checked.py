"""Mark as checked today: someone rang the food bank, or walked past the lunch club, and it
is still there. Sets "Verified on" of one or many assets as one undo step, so a phone round
of fifty calls is one click to record and one Undo to take back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from assetmap.core import assets, gpkg
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project

_FIELD = "verified_date"


@dataclass
class MarkChecked(Command):
    """Set verified_date of the assets to ``day`` (today unless given, as an ISO date)."""

    uuids: tuple[str, ...]
    day: str = ""
    name: ClassVar[str] = "mark_checked"
    _before: dict[str, str | None] = field(default_factory=dict, repr=False)
    _label: str = field(default="", repr=False)
    _stamps: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.uuids = tuple(dict.fromkeys(self.uuids))
        self.day = self.day or date.today().isoformat()

    @property
    def text(self) -> str:
        if len(self.uuids) == 1 and self._label:
            return translated("Mark '{name}' as checked").format(name=self._label)
        return translated("Mark {n:,} assets as checked").format(n=len(self.uuids))

    def apply(self, project: Project) -> list[Change]:
        if not self.uuids:
            raise BadInputError(translated("choose at least one asset to mark as checked"))
        try:
            date.fromisoformat(self.day)
        except ValueError as exc:
            wrong = translated("'{value}' is not a date like 2026-03-31").format(value=self.day)
            raise BadInputError(wrong, field=_FIELD) from exc
        current = {u: assets.get(project, u) for u in self.uuids}
        self._label = current[self.uuids[0]].name
        self._before = {u: a.verified_date for u, a in current.items()}
        changed = [u for u in self.uuids if self._before[u] != self.day]
        self._write(project, {u: self.day for u in changed})
        before = self._before
        return [Change(f"asset:{u}", {_FIELD: before[u]}, {_FIELD: self.day}) for u in changed]

    def revert(self, project: Project) -> list[Change]:
        back = {u: v for u, v in self._before.items() if v != self.day}
        self._write(project, back)
        return [Change(f"asset:{u}", {_FIELD: self.day}, {_FIELD: v}) for u, v in back.items()]

    def _write(self, project: Project, values: dict[str, str | None]) -> None:
        now = gpkg.utc_now()
        for uuid, day in values.items():
            assets.update(project, uuid, {_FIELD: day}, now=now)
        self._stamps = {u: assets.content_stamp(project, u) for u in self.uuids}
        if values:
            project.notify(project.events.assets_changed, uuids=tuple(values), kind="changed")

    def undo_conflict(self, project: Project) -> str | None:
        return self._changed_since(project, "undo")

    def redo_conflict(self, project: Project) -> str | None:
        return self._changed_since(project, "redo")

    def _changed_since(self, project: Project, action: str) -> str | None:
        return assets.changed_since(project, self._stamps, action, translated("marking as checked"))


def mark_checked(uuids: Iterable[str], day: str = "") -> MarkChecked:
    return MarkChecked(tuple(uuids), day)


__all__ = ["MarkChecked", "mark_checked"]
