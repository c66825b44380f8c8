"""Renaming an extra field: the label people read changes, the name the data is keyed by and
exported as does not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core import custom_fields
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project

MAX_LABEL = 200


def _target(name: str) -> str:
    return f"field:{name}"


@dataclass
class RenameField(Command):
    """Give extra field ``field_name`` the label ``label`` (undo restores the one before)."""

    field_name: str
    label: str
    name: ClassVar[str] = "rename_field"
    _before: str | None = field(default=None, repr=False)
    _old_label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        old = self._old_label or self.field_name
        return translated("Rename field '{old}' to '{new}'").format(old=old, new=self.label.strip())

    def apply(self, project: Project) -> list[Change]:
        label = self.label.strip()
        if not label:
            raise BadInputError(translated("a field needs a name"), field="label")
        if len(label) > MAX_LABEL:
            too_long = translated("a field name can be at most {n} characters").format(n=MAX_LABEL)
            raise BadInputError(too_long, field="label")
        current = custom_fields.get(project, self.field_name)
        taken = {
            d.label.casefold(): d.label
            for d in custom_fields.all_defs(project)
            if d.name != self.field_name
        }
        if label.casefold() in taken:
            other = taken[label.casefold()]
            message = translated("another field is already called '{name}'").format(name=other)
            raise BadInputError(message, field="label")
        self._before, self._old_label = current.stored_label, current.label
        custom_fields.set_label(project, self.field_name, label)
        project.notify(project.events.fields_changed, name=self.field_name)
        return [Change(_target(self.field_name), {"label": current.label}, {"label": label})]

    def revert(self, project: Project) -> list[Change]:
        custom_fields.set_label(project, self.field_name, self._before)
        project.notify(project.events.fields_changed, name=self.field_name)
        after = {"label": self._old_label}
        return [Change(_target(self.field_name), {"label": self.label.strip()}, after)]
