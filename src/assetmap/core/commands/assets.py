"""Commands that change one asset: add, edit, move, delete."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

import numpy as np
import shapely

from assetmap.core import areas, assets, categories, gpkg
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.fields import human_label
from assetmap.core.model import EDITABLE_FIELDS, REVIEW_STATES, STATUSES, Asset
from assetmap.core.project import Project

# How Edit > Undo names each field: "Undo Edit name, opening hours".
# Marked here, translated where shown; the text fields' words follow model.TEXT_FIELDS.
FIELD_WORDS: dict[str, str] = {
    "name": translatable("name"),
    "category": translatable("category"),
    "description": translatable("description"),
    "address": translatable("address"),
    "postcode": translatable("postcode"),
    "contact": translatable("contact"),
    "phone": translatable("phone"),
    "website": translatable("website"),
    "opening_hours": translatable("opening hours"),
    "verified_date": translatable("verified on"),
    "source": translatable("source"),
    "audience": translatable("who it's for"),
    "status": translatable("status"),
    "personal_data": translatable("personal data"),
    "review": translatable("review"),
    "custom": translatable("other fields"),
}


def field_words(values: dict[str, Any], before: dict[str, Any] | None) -> str:
    """The edited fields in words; extra fields by name once the edit knows which changed."""
    words = []
    for key in values:
        if key == "custom" and before is not None:
            old, new = before.get("custom") or {}, values["custom"] or {}
            changed = [k for k in {**old, **new} if old.get(k) != new.get(k)]
            words += [_in_sentence(human_label(k)) for k in changed] or [
                translated(FIELD_WORDS[key])
            ]
        else:
            words.append(translated(FIELD_WORDS[key]) if key in FIELD_WORDS else key)
    return ", ".join(words)


def _in_sentence(label: str) -> str:
    """'Ward name' reads 'ward name' after a comma; 'URN' and 'NHS number' keep capitals."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def _target(uuid: str) -> str:
    return f"asset:{uuid}"


def _snapshot(asset: Asset) -> dict[str, Any]:
    return asdict(asset)


def _logged(
    uuid: str, before: Any, after: Any, geom_before: bytes | None, geom_after: bytes | None
) -> list[Change]:
    """The asset's change with its point before and after, as the feed keeps it."""
    return [Change(_target(uuid), before, after, geom_before=geom_before, geom_after=geom_after)]


def _changed(project: Project, uuids: tuple[str, ...], kind: str) -> None:
    project.notify(project.events.assets_changed, uuids=uuids, kind=kind)


def _outside(project: Project, x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return False
    return bool(areas.outside_all(project, np.array([shapely.points(x, y)], dtype=object))[0])


_NOT_STAMPED = object()


class _AssetStamps:
    """Remembers an asset's content after each step, so undo and redo can tell when another
    window or program has changed that asset since (and refuse rather than overwrite it)."""

    uuid: str
    _after_apply: Any = _NOT_STAMPED
    _after_revert: Any = _NOT_STAMPED

    def _stamp_applied(self, project: Project) -> None:
        self._after_apply = assets.content_stamp(project, self.uuid)

    def _stamp_reverted(self, project: Project) -> None:
        self._after_revert = assets.content_stamp(project, self.uuid)

    def undo_conflict(self, project: Project) -> str | None:
        return _changed_since(project, self.uuid, self._after_apply, "undo")

    def redo_conflict(self, project: Project) -> str | None:
        return _changed_since(project, self.uuid, self._after_revert, "redo")


def _changed_since(project: Project, uuid: str, stamp: Any, action: str) -> str | None:
    if stamp is _NOT_STAMPED or assets.content_stamp(project, uuid) == stamp:
        return None
    current = assets.find(project, uuid)
    what = f"'{current.name}'" if current is not None else translated("this asset")
    if action == "undo":
        pattern = translated(
            "Cannot undo: {what} has been changed since, in another window or program "
            "sharing {file}. Its newer version was kept; edit it directly instead."
        )
    else:
        pattern = translated(
            "Cannot redo: {what} has been changed since, in another window or program "
            "sharing {file}. Its newer version was kept; edit it directly instead."
        )
    return pattern.format(what=what, file=project.path.name)


def validate_values(project: Project, values: dict[str, Any]) -> None:
    """Reject values a form or the CLI should never have sent; message names the field."""
    for name in values:
        if name not in EDITABLE_FIELDS:
            message = translated("'{name}' is not an editable asset field").format(name=name)
            raise BadInputError(message, field=name)
    if "name" in values and not str(values["name"] or "").strip():
        raise BadInputError(translated("an asset needs a name"), field="name")
    if "category" in values and values["category"] not in categories.by_key(project):
        message = translated("there is no category '{key}'").format(key=values["category"])
        raise BadInputError(message, field="category")
    if "status" in values and values["status"] not in STATUSES:
        message = translated("status must be one of {states}, not '{value}'").format(
            states=", ".join(STATUSES), value=values["status"]
        )
        raise BadInputError(message, field="status")
    if "review" in values and values["review"] not in REVIEW_STATES:
        message = translated("review must be one of {states}").format(
            states=", ".join(REVIEW_STATES)
        )
        raise BadInputError(message, field="review")


@dataclass
class AddAsset(_AssetStamps, Command):
    asset: Asset
    name: ClassVar[str] = "add_asset"
    _created: str | None = field(default=None, repr=False)

    @property
    def uuid(self) -> str:  # type: ignore[override]  # read from the asset, not stored twice
        return self.asset.uuid

    @property
    def text(self) -> str:
        return translated("Add asset '{name}'").format(name=self.asset.name)

    def apply(self, project: Project) -> list[Change]:
        validate_values(
            project,
            {k: v for k, v in self.asset.editable_values().items() if k in ("name", "category")},
        )
        now = gpkg.utc_now()
        self._created = self._created or now
        asset = self.asset.with_changes(
            **_desk_provenance(project, self.asset, self._created),
            created_at=self._created,
            out_of_area=_outside(project, self.asset.x, self.asset.y),
            personal_data=self.asset.personal_data
            or holds_personal_data(project, self.asset.category),
        )
        assets.insert_asset(project, asset, now=now)
        _changed(project, (asset.uuid,), "added")
        self._stamp_applied(project)
        after = _snapshot(assets.get(project, asset.uuid))
        return _logged(asset.uuid, None, after, None, assets.point_blob(project, asset.uuid))

    def revert(self, project: Project) -> list[Change]:
        before = _snapshot(assets.get(project, self.asset.uuid))
        point = assets.point_blob(project, self.asset.uuid)
        assets.purge(project, self.asset.uuid)
        _changed(project, (self.asset.uuid,), "removed")
        self._stamp_reverted(project)
        return _logged(self.asset.uuid, before, None, point, None)


@dataclass
class EditAsset(_AssetStamps, Command):
    uuid: str
    values: dict[str, Any]
    name: ClassVar[str] = "edit_asset"
    _before: dict[str, Any] | None = field(default=None, repr=False)
    _applied: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return translated("Edit {fields}").format(fields=field_words(self.values, self._before))

    def apply(self, project: Project) -> list[Change]:
        validate_values(project, self.values)
        current = assets.get(project, self.uuid)
        now = gpkg.utc_now()
        values = _flag_follows_category(project, current, self.values)
        if "review" in values and values["review"] != current.review:
            values = {**values, "reviewed_by": project.author, "reviewed_at": now}
        self._before = {k: getattr(current, k) for k in values}
        self._applied = values
        assets.update(project, self.uuid, values, now=now)
        _changed(project, (self.uuid,), "changed")
        self._stamp_applied(project)
        point = assets.point_blob(project, self.uuid)
        return _logged(self.uuid, _jsonable(self._before), _jsonable(values), point, point)

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None and self._applied is not None
        assets.update(project, self.uuid, self._before, now=gpkg.utc_now())
        _changed(project, (self.uuid,), "changed")
        self._stamp_reverted(project)
        point = assets.point_blob(project, self.uuid)
        before, after = _jsonable(self._applied), _jsonable(self._before)
        return _logged(self.uuid, before, after, point, point)


def _desk_provenance(project: Project, asset: Asset, now: str) -> dict[str, Any]:
    """An asset made at this desk names its author; approved, it names who approved it."""
    made: dict[str, Any] = {}
    if asset.origin_kind == "desk" and not asset.origin_ref:
        made["origin_ref"] = project.author
    if asset.review != "pending" and not asset.reviewed_by:
        made.update(reviewed_by=project.author, reviewed_at=asset.reviewed_at or now)
    return made


def holds_personal_data(project: Project, category: str) -> bool:
    found = categories.by_key(project).get(category)
    return found is not None and found.personal_data


def _flag_follows_category(
    project: Project, current: Asset, values: dict[str, Any]
) -> dict[str, Any]:
    """An asset in a personal-data category is always flagged: moving it there flags it, and
    unticking the flag there does not stick. Moving it out leaves the flag for the user."""
    category = values.get("category", current.category)
    flagged = values.get("personal_data", current.personal_data)
    if flagged or not holds_personal_data(project, category):
        return values
    return {**values, "personal_data": True}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


@dataclass
class MoveAsset(_AssetStamps, Command):
    """Move an asset, or place an unplaced one; (None, None) makes it unplaced again."""

    uuid: str
    x: float | None
    y: float | None
    name: ClassVar[str] = "move_asset"
    _before: tuple[float | None, float | None] | None = field(default=None, repr=False)
    _label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        if self._before == (None, None):
            if self._label:
                return translated("Place '{name}'").format(name=self._label)
            return translated("Place asset")
        if self._label:
            return translated("Move '{name}'").format(name=self._label)
        return translated("Move asset")

    def apply(self, project: Project) -> list[Change]:
        current = assets.get(project, self.uuid)
        self._label = current.name
        self._before = (current.x, current.y)
        changes = self._set(project, self.x, self.y, _xy(*self._before))
        self._stamp_applied(project)
        return changes

    def revert(self, project: Project) -> list[Change]:
        assert self._before is not None
        changes = self._set(project, *self._before, _xy(self.x, self.y))
        self._stamp_reverted(project)
        return changes

    def _set(
        self, project: Project, x: float | None, y: float | None, before: dict[str, Any]
    ) -> list[Change]:
        point_before = assets.point_blob(project, self.uuid)
        self._move_to(project, x, y)
        point = assets.point_blob(project, self.uuid)
        return _logged(self.uuid, before, _xy(x, y), point_before, point)

    def _move_to(self, project: Project, x: float | None, y: float | None) -> None:
        now = gpkg.utc_now()
        assets.set_point(project, self.uuid, x, y, now=now)
        assets.set_out_of_area(project, [self.uuid], [_outside(project, x, y)])
        _changed(project, (self.uuid,), "changed")


def _xy(x: float | None, y: float | None) -> dict[str, float | None]:
    return {"x": x, "y": y}


@dataclass
class DeleteAsset(_AssetStamps, Command):
    """Soft delete: the row stays as a tombstone so undo and merging can see it."""

    uuid: str
    name: ClassVar[str] = "delete_asset"
    _label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        if self._label:
            return translated("Delete '{name}'").format(name=self._label)
        return translated("Delete asset")

    def apply(self, project: Project) -> list[Change]:
        current = assets.get(project, self.uuid)
        if current.deleted:
            raise BadInputError(translated("'{name}' is already deleted").format(name=current.name))
        self._label = current.name
        assets.update(project, self.uuid, {"deleted": True}, now=gpkg.utc_now())
        _changed(project, (self.uuid,), "removed")
        self._stamp_applied(project)
        point = assets.point_blob(project, self.uuid)
        return _logged(self.uuid, {"deleted": False}, {"deleted": True}, point, point)

    def revert(self, project: Project) -> list[Change]:
        assets.update(project, self.uuid, {"deleted": False}, now=gpkg.utc_now())
        _changed(project, (self.uuid,), "added")
        self._stamp_reverted(project)
        point = assets.point_blob(project, self.uuid)
        return _logged(self.uuid, {"deleted": True}, {"deleted": False}, point, point)
