"""What merging another copy would do, worked out without writing anything (the dry run).

Assets are matched by uuid. For every asset either side changed since the copies diverged,
each field (and the point, as one "position" field) is weighed three ways with
``values.decide``: changed on one side only, it takes that side's value; changed on both to
different values, it is a conflict, which stops a real run until it is resolved. Assets only
the other copy has are added, with their photos and outline; deletions travel as tombstones.
An asset the other copy lacks because it was saved without personal data is not a deletion.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assetmap.core.assets import COLUMNS
from assetmap.core.copies import LEFT_OUT_ATTACHMENTS, LEFT_OUT_PERSONAL, ProjectIdentity
from assetmap.core.errors import BadInputError, UnrelatedProjectError
from assetmap.core.feed import FeedChange
from assetmap.core.i18n import translated
from assetmap.core.merge import base
from assetmap.core.merge import category_plan as cats
from assetmap.core.merge.area_sets import IndicatorCopy, SetCopy
from assetmap.core.merge.area_sets import plan as plan_area_sets
from assetmap.core.merge.category_plan import CategoryChange
from assetmap.core.merge.outlines import OUTLINE, OutlineChange, plan_outlines
from assetmap.core.merge.values import (
    CONFLICT,
    DELETED,
    MERGED_FIELDS,
    MINE,
    POSITION,
    SAME,
    THEIRS,
    canonical,
    decide,
    position,
)
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE, FOOTPRINTS_TABLE
from assetmap.core.taxonomy import Category

__all__ = [
    "PREFERENCES",
    "CategoryChange",
    "Conflict",
    "FieldUpdate",
    "MergePlan",
    "NewAsset",
    "OutlineChange",
    "Photo",
    "plan_merge",
]

PREFERENCES = ("mine", "theirs")
_CHUNK = 500
Histories = dict[str, dict[str, list[Any]]]


@dataclass(frozen=True)
class FieldUpdate:
    """One field of one asset taking the other copy's value (or a chosen one)."""

    uuid: str
    name: str
    field: str
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Conflict:
    """A field both copies changed, to different values, since they diverged."""

    uuid: str
    name: str
    field: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def key(self) -> tuple[str, str]:
        return (self.uuid, self.field)

    @property
    def is_category(self) -> bool:
        """A field of a category (uuid ``category:<key>``), not of an asset."""
        return self.uuid.startswith(cats.CATEGORY_PREFIX)


@dataclass(frozen=True)
class Photo:
    asset_uuid: str
    file_name: str
    mime_type: str
    created_at: str
    deleted: bool
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class PhotoRemoval:
    attachment_id: int
    asset_uuid: str
    file_name: str


@dataclass(frozen=True)
class NewAsset:
    """An asset only the other copy has, as stored there (``row``: every column)."""

    uuid: str
    name: str
    row: dict[str, Any] = field(repr=False)
    geom: bytes | None = field(repr=False)
    footprint: bytes | None = field(repr=False)
    photos: tuple[Photo, ...] = ()


@dataclass
class MergePlan:
    this_path: Path
    other_path: Path
    other: ProjectIdentity
    divergence: base.Divergence
    this_latest: int
    other_latest: int
    other_mark: str
    prefer: str | None = None
    added: list[NewAsset] = field(default_factory=list)
    updates: list[FieldUpdate] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    photos_added: list[Photo] = field(default_factory=list)
    photos_removed: list[PhotoRemoval] = field(default_factory=list)
    categories: list[CategoryChange] = field(default_factory=list)
    outlines: list[OutlineChange] = field(default_factory=list)
    categories_kept: list[str] = field(default_factory=list)
    categories_in_conflict: dict[str, Category] = field(default_factory=dict, repr=False)
    area_sets: list[SetCopy] = field(default_factory=list)
    indicators: list[IndicatorCopy] = field(default_factory=list)

    @property
    def updated(self) -> list[FieldUpdate]:
        return [u for u in self.updates if not (u.field == DELETED and u.theirs)]

    @property
    def deleted(self) -> list[FieldUpdate]:
        return [u for u in self.updates if u.field == DELETED and u.theirs]

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.updates
            or self.conflicts
            or self.photos_added
            or self.photos_removed
            or self.categories
            or self.outlines
            or self.area_sets
            or self.indicators
        )

    def choice(self, conflict: Conflict, resolutions: Mapping[tuple[str, str], Any]) -> Any:
        """ "mine", "theirs", a value, or None when nothing resolves it."""
        if conflict.key in resolutions:
            return resolutions[conflict.key]
        return self.prefer

    def unresolved(
        self, resolutions: Mapping[tuple[str, str], Any] | None = None
    ) -> list[Conflict]:
        chosen = resolutions or {}
        return [c for c in self.conflicts if self.choice(c, chosen) is None]

    def resolved_updates(
        self, resolutions: Mapping[tuple[str, str], Any] | None = None
    ) -> list[FieldUpdate]:
        """Every field the run writes: the updates, then each conflict as resolved."""
        out = list(self.updates)
        for conflict, value in self._resolved(resolutions):
            if not conflict.is_category and conflict.field != OUTLINE:
                out.append(
                    FieldUpdate(conflict.uuid, conflict.name, conflict.field, conflict.mine, value)
                )
        return out

    def resolved_outlines(
        self, resolutions: Mapping[tuple[str, str], Any] | None = None
    ) -> list[OutlineChange]:
        """Every outline the run replaces: the planned ones, then each outline conflict
        resolved for the other copy's outline."""
        out = list(self.outlines)
        for conflict, value in self._resolved(resolutions):
            if conflict.field == OUTLINE:
                out.append(OutlineChange(conflict.uuid, conflict.name, conflict.mine, value))
        return out

    def resolved_categories(
        self, resolutions: Mapping[tuple[str, str], Any] | None = None
    ) -> list[CategoryChange]:
        """Every category the run writes: the planned ones, with each category conflict
        as resolved."""
        out = {c.key: c for c in self.categories}
        for conflict, value in self._resolved(resolutions):
            if not conflict.is_category:
                continue
            key = conflict.uuid[len(cats.CATEGORY_PREFIX) :]
            mine = self.categories_in_conflict[key]
            planned = out.get(key)
            theirs = planned.theirs if planned is not None and planned.theirs else mine
            out[key] = CategoryChange(key, mine, cats.with_values(theirs, {conflict.field: value}))
        return list(out.values())

    def _resolved(
        self, resolutions: Mapping[tuple[str, str], Any] | None
    ) -> Iterable[tuple[Conflict, Any]]:
        """Each conflict whose resolution changes this copy, with the value it takes."""
        chosen = resolutions or {}
        for conflict in self.conflicts:
            pick = self.choice(conflict, chosen)
            if pick is None:
                raise BadInputError(_unresolved_text(self, [conflict]), file=self.other_path)
            value = {"mine": conflict.mine, "theirs": conflict.theirs}.get(pick, pick)
            if value != conflict.mine:
                yield conflict, value

    def check_resolved(self, resolutions: Mapping[tuple[str, str], Any] | None = None) -> None:
        left = self.unresolved(resolutions)
        if left:
            raise BadInputError(_unresolved_text(self, left), file=self.other_path)

    def report_lines(self, resolutions: Mapping[tuple[str, str], Any] | None = None) -> list[str]:
        from assetmap.core.merge.report import report_lines

        return report_lines(self, resolutions or {})


def _unresolved_text(plan: MergePlan, left: list[Conflict]) -> str:
    named = "; ".join(f"'{c.name}' {c.field}" for c in left[:3])
    if len(left) > 3:
        named = translated("{named} and {n} more").format(named=named, n=len(left) - 3)
    if len(left) == 1:
        pattern = translated(
            "{n} conflict to resolve ({named}): both copies changed the same field "
            "differently; nothing was changed. Choose with --prefer mine or --prefer theirs"
        )
    else:
        pattern = translated(
            "{n} conflicts to resolve ({named}): both copies changed the same field "
            "differently; nothing was changed. Choose with --prefer mine or --prefer theirs"
        )
    return pattern.format(n=len(left), named=named)


def plan_merge(this: Project, other_path: str | Path, *, prefer: str | None = None) -> MergePlan:
    """What merging ``other_path`` into ``this`` would do; reads both, writes neither."""
    other_path = Path(other_path)
    if prefer is not None and prefer not in PREFERENCES:
        message = translated("--prefer must be mine or theirs, not '{value}'").format(value=prefer)
        raise BadInputError(message, field="--prefer")
    if other_path.resolve() == this.path.resolve():
        itself = translated("is the project itself; choose another copy")
        raise BadInputError(itself, file=other_path)
    with base.open_other(other_path) as other:
        return _plan(this, other, other_path, prefer)


def _plan(
    this: Project, other: sqlite3.Connection, other_path: Path, prefer: str | None
) -> MergePlan:
    from assetmap.core.copies import identity

    mine_id, theirs_id = identity(this), base.identity_of(other, other_path)
    if mine_id.project_id != theirs_id.project_id:
        different = translated(
            "is a different project (project id {theirs}) from {file} (project id {mine}): "
            "only copies of one project can be merged; nothing was changed"
        )
        raise UnrelatedProjectError(
            different.format(
                theirs=theirs_id.project_id, file=this.path.name, mine=mine_id.project_id
            ),
            file=other_path,
        )
    split = base.divergence(this.conn, mine_id, other, theirs_id)
    plan = MergePlan(
        this.path,
        other_path,
        theirs_id,
        split,
        base.latest_seq(this.conn),
        base.latest_seq(other),
        base.feed_mark(other, base.latest_seq(other)),
        prefer,
    )
    mine_feed = base.feed_since(this.conn, split.this_seq)
    theirs_feed = base.feed_since(other, split.other_seq)
    touched = _touched(mine_feed) | _touched(theirs_feed)
    if split.theirs_ahead:  # what they had changed before merging this copy may differ too
        parted = base.first_divergence(this.conn, mine_id, other, theirs_id)
        touched |= _touched(base.feed_since(other, parted.other_seq))
    feeds = (mine_feed, theirs_feed)
    categories = cats.plan_categories(this.conn, other, feeds, theirs_ahead=split.theirs_ahead)
    plan.conflicts += [
        Conflict(cats.target(c.key), c.label, c.field, c.base, c.mine, c.theirs)
        for c in categories.conflicts
    ]
    plan.area_sets, plan.indicators = plan_area_sets(this.conn, other)
    plan_assets(plan, this.conn, other, mine_id, feeds, touched)
    cats.plan_removals(categories, this.conn, other, feeds, categories_after(plan, this.conn))
    plan.categories, plan.categories_kept = categories.changes, categories.kept
    plan.categories_in_conflict = categories.in_conflict
    return plan


def categories_after(plan: MergePlan, this: sqlite3.Connection) -> set[str]:
    """The categories assets will use after the merge (both values of a conflict: either
    may be chosen)."""
    used = cats.used_categories(this)
    for update in plan.updates:
        if update.field == "category":
            used[update.uuid] = update.theirs
    keys = set(used.values()) | {a.row["category"] for a in plan.added}
    keys |= {c.theirs for c in plan.conflicts if c.field == "category" and not c.is_category}
    return {k for k in keys if k}


# ---- assets -----------------------------------------------------------------------
def plan_assets(
    plan: MergePlan,
    this: sqlite3.Connection,
    other: sqlite3.Connection,
    mine_id: ProjectIdentity,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    touched: set[str],
) -> None:
    mine_hist, theirs_hist = _histories(feeds[0]), _histories(feeds[1])
    here = _uuids(this)
    skip_personal = LEFT_OUT_PERSONAL in mine_id.left_out
    for uuid in sorted(_uuids(other) - here):
        found = _new_asset(other, uuid, with_photos=LEFT_OUT_ATTACHMENTS not in mine_id.left_out)
        if not (skip_personal and found.row["personal_data"]):
            plan.added.append(found)
    both = sorted(touched & here)
    mine_rows, theirs_rows = canonical_rows(this, both), canonical_rows(other, both)
    for uuid in both:
        theirs = theirs_rows.get(uuid)
        if theirs is None:  # left out of the other copy, or never there: not a deletion
            continue
        mine = mine_rows[uuid]
        _weigh_asset(plan, uuid, mine, theirs, mine_hist.get(uuid, {}), theirs_hist.get(uuid, {}))
    shared = [u for u in both if u in theirs_rows]
    if LEFT_OUT_ATTACHMENTS not in mine_id.left_out:
        _plan_photos(plan, this, other, shared)
    _plan_outlines(plan, this, other, feeds, {u: str(mine_rows[u]["name"] or u) for u in shared})


def _plan_outlines(
    plan: MergePlan,
    this: sqlite3.Connection,
    other: sqlite3.Connection,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    names: dict[str, str],
) -> None:
    ahead = plan.divergence.theirs_ahead
    plan.outlines, conflicts = plan_outlines(this, other, feeds, names, theirs_ahead=ahead)
    plan.conflicts += [
        Conflict(c.uuid, names[c.uuid], OUTLINE, c.base, c.mine, c.theirs) for c in conflicts
    ]


def _weigh_asset(
    plan: MergePlan,
    uuid: str,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    mine_hist: dict[str, list[Any]],
    theirs_hist: dict[str, list[Any]],
) -> None:
    name = str(mine.get("name") or theirs.get("name") or uuid)
    taken: list[FieldUpdate] = []
    kept_mine = False
    for name_of_field in (*MERGED_FIELDS, POSITION):
        a, b = mine[name_of_field], theirs[name_of_field]
        ha, hb = mine_hist.get(name_of_field, []), theirs_hist.get(name_of_field, [])
        verdict = decide(a, b, ha, hb, theirs_ahead=plan.divergence.theirs_ahead)
        if verdict == THEIRS:
            taken.append(FieldUpdate(uuid, name, name_of_field, a, b))
        elif verdict == MINE:
            kept_mine = kept_mine or bool(ha)  # edited here since the copies diverged
        elif verdict == CONFLICT:
            plan.conflicts.append(Conflict(uuid, name, name_of_field, (ha or hb)[0], a, b))
    gone = _weigh_deletion(plan, uuid, name, mine, theirs, mine_hist, theirs_hist)
    if gone == THEIRS and (kept_mine or any(c.uuid == uuid for c in plan.conflicts)):
        plan.conflicts.append(Conflict(uuid, name, DELETED, False, mine[DELETED], True))
    elif gone == MINE and mine[DELETED] and taken:
        plan.conflicts.append(Conflict(uuid, name, DELETED, False, True, False))
    elif gone == THEIRS:
        taken.append(FieldUpdate(uuid, name, DELETED, mine[DELETED], theirs[DELETED]))
    plan.updates += taken


def _weigh_deletion(
    plan: MergePlan,
    uuid: str,
    name: str,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    mine_hist: dict[str, list[Any]],
    theirs_hist: dict[str, list[Any]],
) -> str:
    verdict = decide(
        mine[DELETED],
        theirs[DELETED],
        mine_hist.get(DELETED, []),
        theirs_hist.get(DELETED, []),
        theirs_ahead=plan.divergence.theirs_ahead,
    )
    if verdict == CONFLICT:  # not expected for a yes/no field; reported if it ever is
        plan.conflicts.append(Conflict(uuid, name, DELETED, False, mine[DELETED], theirs[DELETED]))
    if verdict == THEIRS and not theirs[DELETED]:
        plan.updates.append(FieldUpdate(uuid, name, DELETED, True, False))
        return SAME
    return verdict


def _histories(feed: list[FeedChange]) -> Histories:
    """uuid -> field -> the value where the copies diverged and each value since."""
    out: Histories = {}
    for change in feed:
        if not change.is_asset or change.uuid is None:
            continue
        before, after = change.fields_before, change.fields_after
        if before is None and after is None:  # a left-out asset's row: says nothing
            continue
        fields = out.setdefault(change.uuid, {})
        if before is None:
            for key, value in after.items():
                fields.setdefault(key, []).append(canonical(key, value))
            fields.setdefault(POSITION, []).append(position(change.geometry_after))
            continue
        if after is None:
            continue
        for key in {*before, *after}:
            history = fields.get(key)
            if history is None:
                history = fields[key] = [canonical(key, before[key])] if key in before else []
            if key in after:
                history.append(canonical(key, after[key]))
        was, now = position(change.geometry_before), position(change.geometry_after)
        if was != now:
            fields.setdefault(POSITION, [was]).append(now)
    return out


def _touched(feed: list[FeedChange]) -> set[str]:
    return {c.uuid for c in feed if c.uuid is not None}


def _uuids(conn: sqlite3.Connection) -> set[str]:
    return {u for (u,) in conn.execute(f"SELECT uuid FROM {ASSETS_TABLE}")}


def canonical_rows(conn: sqlite3.Connection, uuids: list[str]) -> dict[str, dict[str, Any]]:
    """uuid -> every field in one form (see ``values.canonical``), the point as position."""
    out: dict[str, dict[str, Any]] = {}
    for uuid, row in stored_rows(conn, uuids).items():
        values = {k: canonical(k, row[k]) for k in (*MERGED_FIELDS, DELETED)}
        values[POSITION] = position(row["geom"])
        out[uuid] = values
    return out


def stored_rows(conn: sqlite3.Connection, uuids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = list(uuids)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT {', '.join(COLUMNS)}, geom FROM {ASSETS_TABLE} WHERE uuid IN ({marks})",
            chunk,
        )
        for row in rows:
            values = dict(zip((*COLUMNS, "geom"), row, strict=True))
            out[values["uuid"]] = values
    return out


def _new_asset(other: sqlite3.Connection, uuid: str, *, with_photos: bool) -> NewAsset:
    row = stored_rows(other, [uuid])[uuid]
    geom = row.pop("geom")
    outline = other.execute(
        f"SELECT geom FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,)
    ).fetchone()
    photos = tuple(stored_photos(other, [uuid]).get(uuid, [])) if with_photos else ()
    return NewAsset(uuid, str(row["name"]), row, geom, outline[0] if outline else None, photos)


# ---- photos -------------------------------------------------------------------------
def stored_photos(conn: sqlite3.Connection, uuids: list[str]) -> dict[str, list[Photo]]:
    out: dict[str, list[Photo]] = {}
    for start in range(0, len(uuids), _CHUNK):
        chunk = uuids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            "SELECT asset_uuid, file_name, mime_type, created_at, deleted, data, id "
            f"FROM am_attachments WHERE asset_uuid IN ({marks}) ORDER BY id",
            chunk,
        )
        for uuid, name, mime, created, deleted, data, _id in rows:
            out.setdefault(uuid, []).append(
                Photo(uuid, name, mime, created, bool(deleted), bytes(data))
            )
    return out


def _plan_photos(
    plan: MergePlan, this: sqlite3.Connection, other: sqlite3.Connection, uuids: list[str]
) -> None:
    """Photos are matched by their bytes: one the other copy added is added here (unless
    removed here already); one removed there is removed here."""
    theirs = stored_photos(other, uuids)
    for uuid, photos in theirs.items():
        mine = _mine_photos(this, uuid)
        for photo in photos:
            digest = hashlib.sha256(photo.data).hexdigest()
            here = mine.get(digest)
            if here is None and not photo.deleted:
                plan.photos_added.append(photo)
            elif here is not None and photo.deleted and not here[1]:
                plan.photos_removed.append(PhotoRemoval(here[0], uuid, photo.file_name))


def _mine_photos(this: sqlite3.Connection, uuid: str) -> dict[str, tuple[int, bool]]:
    """sha256 -> (id, removed) of this copy's photos of one asset."""
    rows = this.execute(
        "SELECT id, deleted, data FROM am_attachments WHERE asset_uuid = ?", (uuid,)
    )
    return {hashlib.sha256(bytes(d)).hexdigest(): (int(i), bool(x)) for i, x, d in rows}
