"""Relabelling an indicator: the words a legend and a table show ("Index of Multiple
Deprivation score") change; the column the figures are stored and exported under does not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core import areas
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project

MAX_LABEL = 200


def _target(area_set: str, column: str) -> str:
    return f"indicator:{area_set}:{column}"


@dataclass
class RelabelIndicator(Command):
    """Give indicator ``column`` of area set ``area_set`` the label ``label``."""

    area_set: str
    column: str
    label: str
    name: ClassVar[str] = "relabel_indicator"
    _before: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        pattern = translated("Rename indicator '{old}' to '{new}'")
        return pattern.format(old=self._before or self.column, new=self.label.strip())

    def apply(self, project: Project) -> list[Change]:
        label = " ".join(self.label.split())
        if not label:
            raise BadInputError(translated("an indicator needs a name"), field="label")
        if len(label) > MAX_LABEL:
            too_long = translated("an indicator's name can be at most {n} characters")
            too_long = too_long.format(n=MAX_LABEL)
            raise BadInputError(too_long, field="label")
        known = {i.column: i for i in areas.indicators(project, self.area_set)}
        if self.column not in known:
            message = translated("the area set '{area_set}' has no indicator '{column}'")
            raise BadInputError(
                message.format(area_set=self.area_set, column=self.column), field="column"
            )
        taken = {i.label.casefold(): i.label for c, i in known.items() if c != self.column}
        if label.casefold() in taken:
            other = taken[label.casefold()]
            message = translated("another indicator is already called '{name}'").format(name=other)
            raise BadInputError(message, field="label")
        self._before = known[self.column].label
        self._write(project, label)
        return [Change(_target(self.area_set, self.column), {"label": self._before},
                       {"label": label})]  # fmt: skip

    def revert(self, project: Project) -> list[Change]:
        now = " ".join(self.label.split())
        self._write(project, self._before)
        return [Change(_target(self.area_set, self.column), {"label": now},
                       {"label": self._before})]  # fmt: skip

    def _write(self, project: Project, label: str) -> None:
        project.conn.execute(
            "UPDATE am_indicators SET label = ? WHERE area_set = ? AND column_name = ?",
            (label, self.area_set, self.column),
        )
        project.invalidate()
        project.notify(project.events.area_sets_changed, name=self.area_set, kind="changed")


__all__ = ["RelabelIndicator"]
