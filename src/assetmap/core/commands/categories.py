"""Commands that change the taxonomy: add, edit (rename, recolour, symbol), merge."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, ClassVar

from assetmap.core import categories
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import SYMBOLS, UNCATEGORISED, Category

_EDITABLE = ("label", "group", "colour", "symbol", "personal_data", "sort_order", "description")


def _target(key: str) -> str:
    return f"category:{key}"


def _changed(project: Project) -> None:
    project.notify(project.events.categories_changed)


def _validate(category: Category) -> None:
    if not category.label.strip():
        raise BadInputError("a category needs a name", field="label")
    colour = category.colour
    if not (len(colour) == 7 and colour.startswith("#")):
        raise BadInputError(f"'{colour}' is not a colour like #0072B2", field="colour")
    try:
        int(colour[1:], 16)
    except ValueError as exc:
        raise BadInputError(f"'{colour}' is not a colour like #0072B2", field="colour") from exc
    if category.symbol not in SYMBOLS:
        raise BadInputError(
            f"symbol must be one of {', '.join(SYMBOLS)}, not '{category.symbol}'", field="symbol"
        )


@dataclass
class AddCategory(Command):
    category: Category
    name: ClassVar[str] = "add_category"

    @property
    def text(self) -> str:
        return f"Add category '{self.category.label}'"

    def apply(self, project: Project) -> list[Change]:
        _validate(self.category)
        if self.category.key in categories.by_key(project):
            raise BadInputError(f"a category with key '{self.category.key}' exists", field="key")
        categories.insert(project, self.category)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.category.key), None, asdict(self.category))]

    def revert(self, project: Project) -> list[Change]:
        used = project.conn.execute(
            f"SELECT count(*) FROM {ASSETS_TABLE} WHERE category = ?", (self.category.key,)
        ).fetchone()[0]
        if used:
            raise BadInputError(f"'{self.category.label}' is used by {used} assets")
        categories.delete(project, self.category.key)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.category.key), asdict(self.category), None)]


@dataclass
class EditCategory(Command):
    key: str
    values: dict[str, Any]
    name: ClassVar[str] = "edit_category"
    _before: Category | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if set(self.values) == {"label"}:
            return f"Rename category to '{self.values['label']}'"
        return f"Edit category {', '.join(self.values)}"

    def apply(self, project: Project) -> list[Change]:
        unknown = set(self.values) - set(_EDITABLE)
        if unknown:
            raise BadInputError(f"cannot edit {', '.join(sorted(unknown))} of a category")
        self._before = categories.get(project, self.key)
        after = replace(self._before, **self.values)
        _validate(after)
        categories.update(project, after)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.key), asdict(self._before), asdict(after))]

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        current = categories.get(project, self.key)
        categories.update(project, self._before)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.key), asdict(current), asdict(self._before))]


@dataclass
class MergeCategories(Command):
    """Move every asset of ``source`` into ``target`` and remove ``source``."""

    source: str
    target: str
    name: ClassVar[str] = "merge_categories"
    _source: Category | None = field(default=None, repr=False)
    _moved: list[str] = field(default_factory=list, repr=False)
    _target_label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        if self._source is None:
            return "Merge categories"
        return f"Merge '{self._source.label}' into '{self._target_label}'"

    def apply(self, project: Project) -> list[Change]:
        if self.source == self.target:
            raise BadInputError("choose two different categories to merge")
        if self.source == UNCATEGORISED:
            raise BadInputError("'Uncategorised' cannot be merged away; recategorise its assets")
        known = categories.by_key(project)
        for key in (self.source, self.target):
            if key not in known:
                raise BadInputError(f"there is no category '{key}'")
        self._source = known[self.source]
        self._target_label = known[self.target].label
        self._moved = [
            r[0]
            for r in project.conn.execute(
                f"SELECT uuid FROM {ASSETS_TABLE} WHERE category = ? ORDER BY fid", (self.source,)
            )
        ]
        self._move(project, self._moved, self.target)
        categories.delete(project, self.source)
        project.invalidate()
        _changed(project)
        return [
            Change(_target(self.source), asdict(self._source), None),
            Change(_target(self.target), None, {"merged_assets": len(self._moved)}),
        ]

    def revert(self, project: Project) -> list[Change]:
        assert self._source is not None
        categories.insert(project, self._source)
        self._move(project, self._moved, self.source)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.source), None, asdict(self._source))]

    @staticmethod
    def _move(project: Project, uuids: list[str], key: str) -> None:
        project.conn.executemany(
            f"UPDATE {ASSETS_TABLE} SET category = ? WHERE uuid = ?", ((key, u) for u in uuids)
        )
        if uuids:
            project.notify(project.events.assets_changed, uuids=tuple(uuids), kind="changed")
