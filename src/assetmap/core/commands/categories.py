"""Commands that change the taxonomy: add, edit (rename, recolour, symbol), merge."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, ClassVar

from assetmap.core import assets, categories, gpkg
from assetmap.core.category_match import same_name
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import SYMBOLS, UNCATEGORISED, Category

EDITABLE_FIELDS = (
    "label",
    "group",
    "colour",
    "symbol",
    "personal_data",
    "sort_order",
    "description",
    "synonyms",
    "review_months",
)
MAX_REVIEW_MONTHS = 120
MAX_SYNONYMS = 200
MAX_SYNONYM_LENGTH = 100


def _target(key: str) -> str:
    return f"category:{key}"


def _changed(project: Project) -> None:
    project.notify(project.events.categories_changed)


def _set_personal_flags(project: Project, flags: dict[str, bool]) -> list[Change]:
    """Set assets' personal-data flags (uuid -> flag): the flag follows the category.
    Returns each asset's change for the feed."""
    if not flags:
        return []
    now = gpkg.utc_now()
    project.conn.executemany(
        f"UPDATE {ASSETS_TABLE} SET personal_data = ?, updated_at = ? WHERE uuid = ?",
        ((int(flag), now, uuid) for uuid, flag in flags.items()),
    )
    gpkg.touch(project.conn, ASSETS_TABLE)
    project.notify(project.events.assets_changed, uuids=tuple(flags), kind="changed")
    field = "personal_data"
    return _asset_changes(project, {u: ({field: not f}, {field: f}) for u, f in flags.items()})


def _asset_changes(
    project: Project, values: dict[str, tuple[dict[str, Any], dict[str, Any]]]
) -> list[Change]:
    """uuid -> (fields before, fields after): one feed change per asset a category edit
    touched, with its (unchanged) point."""
    points = assets.point_blobs(project, list(values))
    return [
        Change(
            f"asset:{uuid}",
            before,
            after,
            geom_before=points.get(uuid),
            geom_after=points.get(uuid),
        )
        for uuid, (before, after) in values.items()
    ]


def _uuids_flagged(project: Project, key: str, flagged: bool) -> list[str]:
    """The category's assets (deleted ones too: undoing a delete must not bring back an
    unflagged one) whose flag is ``flagged``."""
    return [
        r[0]
        for r in project.conn.execute(
            f"SELECT uuid FROM {ASSETS_TABLE} WHERE category = ? AND personal_data = ? "
            "ORDER BY fid",
            (key, int(flagged)),
        )
    ]


def _validate(category: Category) -> None:
    if not category.label.strip():
        raise BadInputError(translated("a category needs a name"), field="label")
    colour = category.colour
    if not (len(colour) == 7 and colour.startswith("#")):
        raise BadInputError(_not_a_colour(colour), field="colour")
    try:
        int(colour[1:], 16)
    except ValueError as exc:
        raise BadInputError(_not_a_colour(colour), field="colour") from exc
    months = category.review_months
    whole = isinstance(months, int) and not isinstance(months, bool)
    if not whole or not 1 <= months <= MAX_REVIEW_MONTHS:
        message = translated(
            "check every must be a whole number of months from 1 to {most}, not '{value}'"
        )
        raise BadInputError(
            message.format(most=MAX_REVIEW_MONTHS, value=months), field="review_months"
        )
    if category.symbol not in SYMBOLS:
        message = translated("symbol must be one of {symbols}, not '{value}'")
        raise BadInputError(
            message.format(symbols=", ".join(SYMBOLS), value=category.symbol), field="symbol"
        )


def _not_a_colour(colour: str) -> str:
    return translated("'{value}' is not a colour like #0072B2").format(value=colour)


@dataclass
class AddCategory(Command):
    category: Category
    name: ClassVar[str] = "add_category"

    @property
    def text(self) -> str:
        return translated("Add category '{name}'").format(name=self.category.label)

    def apply(self, project: Project) -> list[Change]:
        _validate(self.category)
        if self.category.key in categories.by_key(project):
            message = translated("a category with key '{key}' exists").format(key=self.category.key)
            raise BadInputError(message, field="key")
        categories.insert(project, self.category)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.category.key), None, described(self.category))]

    def revert(self, project: Project) -> list[Change]:
        used = project.conn.execute(
            f"SELECT count(*) FROM {ASSETS_TABLE} WHERE category = ?", (self.category.key,)
        ).fetchone()[0]
        if used:
            message = translated("'{name}' is used by {n} assets")
            raise BadInputError(message.format(name=self.category.label, n=used))
        categories.delete(project, self.category.key)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.category.key), described(self.category), None)]


@dataclass
class EditCategory(Command):
    """Change a category's fields.

    Marking a category as holding personal data flags every asset in it. Unmarking it leaves
    its assets flagged (they still describe people) unless ``unflag_assets`` asks to clear
    them too. Undo puts each asset's flag back exactly as it was.
    """

    key: str
    values: dict[str, Any]
    unflag_assets: bool = False
    name: ClassVar[str] = "edit_category"
    _before: Category | None = field(default=None, repr=False)
    _flags_before: dict[str, bool] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        label = f"'{self._before.label}'" if self._before is not None else translated("category")
        if set(self.values) == {"label"}:
            return translated("Rename category to '{name}'").format(name=self.values["label"])
        if set(self.values) == {"personal_data"}:
            if self.values["personal_data"]:
                return translated("Mark {category} as personal data").format(category=label)
            return translated("Unmark {category} as personal data").format(category=label)
        if set(self.values) == {"synonyms"}:
            return translated("Change the other names of {category}").format(category=label)
        if set(self.values) == {"review_months"}:
            every = translated("Check {category} every {n} months")
            return every.format(category=label, n=self.values["review_months"])
        return translated("Edit category {fields}").format(fields=", ".join(self.values))

    def apply(self, project: Project) -> list[Change]:
        unknown = set(self.values) - set(EDITABLE_FIELDS)
        if unknown:
            message = translated("cannot edit {fields} of a category")
            raise BadInputError(message.format(fields=", ".join(sorted(unknown))))
        self._before = categories.get(project, self.key)
        values = dict(self.values)
        if "synonyms" in values:
            values["synonyms"] = _clean_synonyms(project, self.key, values["synonyms"])
        after = replace(self._before, **values)
        _validate(after)
        categories.update(project, after)
        self._flags_before = self._flags_to_change(project, after)
        flagged = _set_personal_flags(project, {u: not f for u, f in self._flags_before.items()})
        project.invalidate()
        _changed(project)
        now = self._after_change(after)
        before = described(self._before)
        if "review_months" in self.values:
            before["review_months"] = self._before.review_months
            now["review_months"] = after.review_months
        return [Change(_target(self.key), before, now), *flagged]

    def _flags_to_change(self, project: Project, after: Category) -> dict[str, bool]:
        assert self._before is not None
        if after.personal_data and not self._before.personal_data:
            return dict.fromkeys(_uuids_flagged(project, self.key, False), False)
        if self.unflag_assets and not after.personal_data:
            return dict.fromkeys(_uuids_flagged(project, self.key, True), True)
        return {}

    def _after_change(self, after: Category) -> dict[str, Any]:
        values = described(after)
        if self._flags_before:
            values["assets_reflagged"] = len(self._flags_before)
        return values

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        current = categories.get(project, self.key)
        categories.update(project, self._before)
        flagged = _set_personal_flags(project, self._flags_before)
        project.invalidate()
        _changed(project)
        return [Change(_target(self.key), described(current), described(self._before)), *flagged]


def described(category: Category) -> dict[str, Any]:
    """A category as the feed logs it (merge and sync log it the same way). The review
    interval is left out: it is this copy's setting, which the shared server does not hold,
    so sync comparing described categories must not see it as a difference."""
    values = asdict(category)
    values.pop("review_months", None)
    values["synonyms"] = list(category.synonyms)
    return values


def _clean_synonyms(project: Project, key: str, synonyms: Any) -> tuple[str, ...]:
    """Trimmed, one of each name, and none that already names another category: a value
    matching two categories equally would be matched to neither."""
    if isinstance(synonyms, str) or not isinstance(synonyms, Iterable):
        raise BadInputError(translated("other names must be a list of names"), field="synonyms")
    kept: list[str] = []
    for raw in synonyms:
        text = " ".join(str(raw).split())
        if not text or any(same_name(text, k) for k in kept):
            continue
        if len(text) > MAX_SYNONYM_LENGTH:
            message = translated("'{start}…' is too long for a name (at most {n} letters)")
            raise BadInputError(
                message.format(start=text[:40], n=MAX_SYNONYM_LENGTH), field="synonyms"
            )
        other = categories.name_owner(project, text, besides=key)
        if other is not None:
            message = translated(
                "'{name}' is already a name of '{category}'; a value cannot match two categories"
            )
            raise BadInputError(message.format(name=text, category=other.label), field="synonyms")
        kept.append(text)
    if len(kept) > MAX_SYNONYMS:
        message = translated("at most {n} other names").format(n=MAX_SYNONYMS)
        raise BadInputError(message, field="synonyms")
    return tuple(kept)


@dataclass
class MergeCategories(Command):
    """Move every asset of ``source`` into ``target`` and remove ``source``.

    Moving assets into a personal-data category flags them; undo clears exactly those flags.
    """

    source: str
    target: str
    name: ClassVar[str] = "merge_categories"
    _source: Category | None = field(default=None, repr=False)
    _moved: list[str] = field(default_factory=list, repr=False)
    _flagged: list[str] = field(default_factory=list, repr=False)
    _target_label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        if self._source is None:
            return translated("Merge categories")
        into = translated("Merge '{source}' into '{target}'")
        return into.format(source=self._source.label, target=self._target_label)

    def apply(self, project: Project) -> list[Change]:
        if self.source == self.target:
            raise BadInputError(translated("choose two different categories to merge"))
        if self.source == UNCATEGORISED:
            raise BadInputError(
                translated("'Uncategorised' cannot be merged away; recategorise its assets")
            )
        known = categories.by_key(project)
        for key in (self.source, self.target):
            if key not in known:
                raise BadInputError(translated("there is no category '{key}'").format(key=key))
        self._source = known[self.source]
        self._target_label = known[self.target].label
        self._moved = [
            r[0]
            for r in project.conn.execute(
                f"SELECT uuid FROM {ASSETS_TABLE} WHERE category = ? ORDER BY fid", (self.source,)
            )
        ]
        self._flagged = (
            _uuids_flagged(project, self.source, False) if known[self.target].personal_data else []
        )
        moved = self._move(project, self._moved, self.source, self.target)
        flagged = _set_personal_flags(project, dict.fromkeys(self._flagged, True))
        categories.delete(project, self.source)
        project.invalidate()
        _changed(project)
        merged: dict[str, Any] = {"merged_assets": len(self._moved)}
        if self._flagged:
            merged["assets_flagged_personal"] = len(self._flagged)
        return [
            Change(_target(self.source), described(self._source), None),
            Change(_target(self.target), None, merged),
            *moved,
            *flagged,
        ]

    def revert(self, project: Project) -> list[Change]:
        assert self._source is not None
        categories.insert(project, self._source)
        moved = self._move(project, self._moved, self.target, self.source)
        flagged = _set_personal_flags(project, dict.fromkeys(self._flagged, False))
        project.invalidate()
        _changed(project)
        return [Change(_target(self.source), None, described(self._source)), *moved, *flagged]

    @staticmethod
    def _move(project: Project, uuids: list[str], old: str, new: str) -> list[Change]:
        project.conn.executemany(
            f"UPDATE {ASSETS_TABLE} SET category = ? WHERE uuid = ?", ((new, u) for u in uuids)
        )
        if uuids:
            project.notify(project.events.assets_changed, uuids=tuple(uuids), kind="changed")
        return _asset_changes(project, dict.fromkeys(uuids, ({"category": old}, {"category": new})))
