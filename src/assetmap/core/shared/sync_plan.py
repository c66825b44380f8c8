"""What a sync would do, worked out from both feeds without writing anything.

The pull is a merge plan: the server's rows of the assets anyone touched since the last
sync are read into an in-memory copy of the project (``sync_server.snapshot``), this
laptop's feed since its last push is "mine", the server's feed since the last pull
(other laptops only) is "theirs", and the merge's planning code weighs every field, the
point, the outline, deletion and categories by ``values.decide``. The push is then what
the server lacks of the result: for every asset, outline, category and photo this laptop
changed, the value it will hold here after the pull (its own, or a conflict's chosen value)
wherever the server holds another. So after a sync both sides hold the same values.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import shapely

from assetmap.core import categories, gpkg
from assetmap.core.assets import COLUMNS
from assetmap.core.changelog import FOOTPRINT_PREFIX
from assetmap.core.commands.categories import described
from assetmap.core.copies import ProjectIdentity
from assetmap.core.feed import FeedChange
from assetmap.core.merge import base
from assetmap.core.merge import category_plan as cats
from assetmap.core.merge.outlines import shape_key, stored_outlines
from assetmap.core.merge.plan import (
    MergePlan,
    canonical_rows,
    categories_after,
    plan_assets,
    stored_rows,
)
from assetmap.core.merge.values import DELETED, MERGED_FIELDS, POSITION
from assetmap.core.model import audience_to_text, custom_to_text
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category

SYNC_KIND = "sync"  # the origin kind of the command that applies a sync's pulled changes
ATTACHMENT_PREFIX = "attachment:"
Resolutions = Mapping[tuple[str, str], Any]


@dataclass(frozen=True)
class AssetPush:
    """One asset's values going up: every column for an asset new on the server
    (``before`` None), else the fields that differ, with the server's values before."""

    uuid: str
    name: str
    values: dict[str, Any] = field(repr=False)  # stored form, as the file holds them
    before: dict[str, Any] | None = field(repr=False)
    point: bytes | None = field(repr=False)  # GeoPackage blob after
    point_before: bytes | None = field(repr=False)
    moves: bool = False

    @property
    def is_new(self) -> bool:
        return self.before is None


@dataclass(frozen=True)
class OutlinePush:
    uuid: str
    before: bytes | None = field(repr=False)
    after: bytes | None = field(repr=False)


@dataclass(frozen=True)
class CategoryPush:
    key: str
    before: Category | None
    after: Category


@dataclass(frozen=True)
class PhotoPush:
    asset_uuid: str
    file_name: str
    mime_type: str | None
    sha256: str
    created_at: str
    deleted: bool
    data: bytes | None = field(repr=False)  # None: only the deleted flag changes


@dataclass
class PushPlan:
    assets: list[AssetPush] = field(default_factory=list)
    outlines: list[OutlinePush] = field(default_factory=list)
    categories: list[CategoryPush] = field(default_factory=list)
    photos: list[PhotoPush] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.assets or self.outlines or self.categories or self.photos)

    @property
    def count(self) -> int:
        return len(self.assets) + len(self.outlines) + len(self.categories) + len(self.photos)


def without_columns(push: PushPlan, columns: set[str]) -> tuple[PushPlan, list[str]]:
    """The push without changes to ``columns`` of assets already on the server (a role may
    update some columns only: an editor may not approve), and the names of the assets whose
    changes to them stay here. New assets go whole: inserting is not updating."""
    if not columns:
        return push, []
    kept: list[AssetPush] = []
    held: list[str] = []
    for asset in push.assets:
        dropped = set(asset.values) & columns
        if asset.is_new or not dropped:
            kept.append(asset)
            continue
        held.append(asset.name)
        values = {k: v for k, v in asset.values.items() if k not in columns}
        if values or asset.moves:
            kept.append(replace(asset, values=values))
    return replace(push, assets=kept), held


def local_feed(conn: sqlite3.Connection, since: int) -> list[FeedChange]:
    """This laptop's own changes after ``since``. What a sync brought down (its command's
    "do" rows) came from the server and does not go back; undoing a sync is a change made
    here, and goes up, and so is redoing it afterwards (it puts back on the server what the
    undo took away there)."""
    return [
        c
        for c in base.feed_since(conn, since)
        if not (c.action == "do" and c.origin.kind == SYNC_KIND)
    ]


def touched(feed: Iterable[FeedChange]) -> set[str]:
    return {c.uuid for c in feed if c.uuid is not None}


def purged(conn: sqlite3.Connection, feed: Iterable[FeedChange]) -> set[str]:
    """Assets whose row went from this file since the last push (an addition undone, or a
    sync that brought them undone): on the server they become deletions, and they are not
    brought back here."""
    gone = {c.uuid for c in feed if c.is_asset and c.uuid and c.kind == "removed"
            and c.fields_after is None}  # fmt: skip
    return gone - set(stored_rows(conn, gone))


# ---- the pull ------------------------------------------------------------------------
def plan_pull(
    project: Project,
    server: sqlite3.Connection,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    *,
    where: str,
    shared: ProjectIdentity,
    divergence: base.Divergence,
    this_latest: int,
    other_latest: int,
    prefer: str | None,
) -> MergePlan:
    """The merge plan that brings the server's changes here (``server``: the snapshot)."""
    from assetmap.core.copies import identity

    plan = MergePlan(project.path, Path(where), shared, divergence, this_latest, other_latest,
                     "", prefer)  # fmt: skip
    categories_plan = cats.plan_categories(project.conn, server, feeds, theirs_ahead=False)
    # A category comes down when someone added or changed it since the last pull; one
    # removed here stays removed (removals do not travel; assets coming down that need it
    # bring it back, in plan_removals).
    changed_there = {cats.key_of(c.target or "") for c in feeds[1]}
    categories_plan.changes = [
        c for c in categories_plan.changes if c.mine is not None or c.key in changed_there
    ]
    plan.conflicts += [_category_conflict(c) for c in categories_plan.conflicts]
    plan_assets(plan, project.conn, server, identity(project), feeds,
                 touched(feeds[0]) | touched(feeds[1]))  # fmt: skip
    gone = purged(project.conn, feeds[0])
    plan.added = [a for a in plan.added if a.uuid not in gone]
    used = categories_after(plan, project.conn)
    cats.plan_removals(categories_plan, project.conn, server, feeds, used)
    plan.categories, plan.categories_kept = categories_plan.changes, categories_plan.kept
    plan.categories_in_conflict = categories_plan.in_conflict
    return plan


def _category_conflict(c: cats.CategoryConflict) -> Any:
    from assetmap.core.merge.plan import Conflict

    return Conflict(cats.target(c.key), c.label, c.field, c.base, c.mine, c.theirs)


def all_chosen(plan: MergePlan, resolutions: Resolutions | None) -> dict[tuple[str, str], Any]:
    """The resolutions, with every conflict left open kept as "mine": what a dry run shows
    going up while it lists the open conflicts."""
    chosen: dict[tuple[str, str], Any] = {c.key: "mine" for c in plan.unresolved(resolutions)}
    chosen.update(resolutions or {})
    return chosen


# ---- the push ------------------------------------------------------------------------
def plan_push(
    project: Project,
    server: sqlite3.Connection,
    pull: MergePlan,
    mine_feed: list[FeedChange],
    chosen: Resolutions,
    *,
    include_personal: bool,
) -> PushPlan:
    """What the server lacks of this laptop's result, for everything changed here."""
    mine = sorted(touched(mine_feed))
    here = stored_rows(project.conn, mine)
    gone = stored_rows(server, purged(project.conn, mine_feed))
    if not include_personal:
        mine = [u for u in mine if u in here and not here[u]["personal_data"]]
    else:
        mine = [u for u in mine if u in here]
    there = stored_rows(server, mine)
    push = PushPlan()
    push.categories = _category_pushes(project, server, pull, mine_feed, chosen)
    writes = {(u.uuid, u.field): u.theirs for u in pull.resolved_updates(chosen)}
    current = canonical_rows(project.conn, [u for u in mine if u in there])
    theirs = canonical_rows(server, [u for u in mine if u in there])
    for uuid in mine:
        if uuid not in there:
            push.assets.append(_new_asset(here[uuid]))
            push.outlines += _new_outline(project.conn, uuid)
            push.photos += stored_photos(project.conn, uuid, {}, set(), new=True)
            continue
        found = _changed_asset(here[uuid], there[uuid], current[uuid], theirs[uuid], writes,
                               project.srs_id)  # fmt: skip
        if found is not None:
            push.assets.append(found)
    push.assets += [_deletion(row) for row in gone.values() if not row["deleted"]]
    shared = [u for u in mine if u in there]
    push.outlines += _outline_pushes(project.conn, server, pull, shared, mine_feed, chosen)
    edited = {c.target for c in mine_feed if c.target}
    for uuid in shared:
        push.photos += stored_photos(project.conn, uuid, _server_photos(server, uuid), edited)
    return push


def without_nul(value: Any) -> Any:
    """Text as PostgreSQL can hold it (no NUL characters, which another program may have
    stored in the file); compared that way too, so such a value is not sent at every sync."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, tuple):
        return tuple(without_nul(v) for v in value)
    return value


def _new_asset(row: dict[str, Any]) -> AssetPush:
    values = {c: without_nul(row[c]) for c in COLUMNS}
    return AssetPush(str(row["uuid"]), str(row["name"]), values, None, row["geom"], None,
                     moves=True)  # fmt: skip


def _deletion(there: dict[str, Any]) -> AssetPush:
    values = {DELETED: 1, "updated_at": gpkg.utc_now()}
    before = {k: there[k] for k in values}
    return AssetPush(str(there["uuid"]), str(there["name"]), values, before, there["geom"],
                     there["geom"])  # fmt: skip


def _changed_asset(
    here: dict[str, Any],
    there: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    writes: dict[tuple[str, str], Any],
    srs_id: int,
) -> AssetPush | None:
    """The fields whose value here after the pull differs from the server's."""
    uuid = str(here["uuid"])
    values: dict[str, Any] = {}
    moves, point = False, here["geom"]
    for name in (*MERGED_FIELDS, DELETED, POSITION):
        final = writes.get((uuid, name), mine[name])
        if without_nul(final) == without_nul(theirs[name]):
            continue
        if name == POSITION:
            moves = True
            point = here["geom"] if final == mine[POSITION] else _point_blob(final, srs_id)
        else:
            chosen = here[name] if final == mine[name] else _stored(name, final)
            values[name] = without_nul(chosen)
    if not values and not moves:
        return None
    values["updated_at"] = here["updated_at"]
    before = {k: there[k] for k in values}
    return AssetPush(uuid, str(here["name"]), values, before, point, there["geom"], moves)


def _stored(name: str, value: Any) -> Any:
    """A field's value in the plan's form (``values.canonical``) as the file stores it."""
    if name == "audience":
        return audience_to_text(value)
    if name == "custom":
        return custom_to_text(value)
    if name in ("personal_data", "deleted"):
        return int(bool(value))
    return value


def _point_blob(xy: Any, srs_id: int) -> bytes | None:
    if xy is None:
        return None
    return gpkg.encode([shapely.points(float(xy[0]), float(xy[1]))], srs_id)[0]


def _new_outline(conn: sqlite3.Connection, uuid: str) -> list[OutlinePush]:
    found = stored_outlines(conn, [uuid]).get(uuid)
    return [] if found is None else [OutlinePush(uuid, None, found)]


def _outline_pushes(
    conn: sqlite3.Connection,
    server: sqlite3.Connection,
    pull: MergePlan,
    uuids: list[str],
    mine_feed: list[FeedChange],
    chosen: Resolutions,
) -> list[OutlinePush]:
    edited = {c.uuid for c in mine_feed if (c.target or "").startswith(FOOTPRINT_PREFIX)}
    resolved = {o.uuid: o.theirs for o in pull.resolved_outlines(chosen)}
    wanted = [u for u in uuids if u in edited or u in resolved]
    mine, theirs = stored_outlines(conn, wanted), stored_outlines(server, wanted)
    out = []
    for uuid in wanted:
        final = resolved.get(uuid, mine.get(uuid))
        if shape_key(final) != shape_key(theirs.get(uuid)):
            out.append(OutlinePush(uuid, theirs.get(uuid), final))
    return out


def _category_pushes(
    project: Project,
    server: sqlite3.Connection,
    pull: MergePlan,
    mine_feed: list[FeedChange],
    chosen: Resolutions,
) -> list[CategoryPush]:
    """Categories added or changed here (removals stay local: assets elsewhere may use
    them), as they will be here after the pull."""
    keys = {cats.key_of(c.target or "") for c in mine_feed} - {None}
    keys |= {c.uuid[len(cats.CATEGORY_PREFIX) :] for c in pull.conflicts if c.is_category}
    here = {c.key: c for c in categories.read_all(project.conn)}
    there = {c.key: c for c in categories.read_all(server)}
    resolved = {c.key: c.theirs for c in pull.resolved_categories(chosen)}
    out = []
    for key in sorted(k for k in keys if k is not None):
        final = resolved.get(key, here.get(key))
        if final is None:
            continue
        before = there.get(key)
        if before is None or described(before) != described(final):
            out.append(CategoryPush(key, before, final))
    return out


def _server_photos(server: sqlite3.Connection, uuid: str) -> dict[tuple[str, str], bool]:
    """(sha256, file name) -> removed, of the server's photos of one asset."""
    rows = server.execute(
        "SELECT sha256, file_name, deleted FROM am_attachments WHERE asset_uuid = ?", (uuid,)
    )
    return {(str(s), str(n)): bool(d) for s, n, d in rows}


def stored_photos(
    conn: sqlite3.Connection,
    uuid: str,
    there: dict[tuple[str, str], bool],
    edited: set[str],
    *,
    new: bool = False,
) -> list[PhotoPush]:
    """Photos added here that the server lacks, and removals (or restorations) made here."""
    rows = conn.execute(
        "SELECT id, file_name, mime_type, data, created_at, deleted FROM am_attachments "
        "WHERE asset_uuid = ? ORDER BY id",
        (uuid,),
    )
    out = []
    for photo_id, name, mime, data, created, deleted in rows:
        digest = hashlib.sha256(bytes(data)).hexdigest()
        key = (digest, str(name))
        if key not in there:
            if not deleted or not new:
                out.append(PhotoPush(uuid, name, mime, digest, created, bool(deleted),
                                     bytes(data)))  # fmt: skip
        elif there[key] != bool(deleted) and f"{ATTACHMENT_PREFIX}{photo_id}" in edited:
            out.append(PhotoPush(uuid, name, mime, digest, created, bool(deleted), None))
    return out
