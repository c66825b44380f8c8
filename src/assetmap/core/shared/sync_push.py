"""Writing a sync's push to the shared map, inside the caller's server transaction.

Every row written gets an ``am_feed`` row of its own (the laptop's copy id and feed
position, who, and the values before and after), numbered before the rows are written so
each data row carries the id of the feed row that wrote it, as publish does. Rows are sent
with ``executemany`` grouped by the fields they change: a laptop back from days offline
sends thousands of edits in a handful of statements.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from assetmap.core.assets import COLUMNS
from assetmap.core.changelog import ASSET_PREFIX, FOOTPRINT_PREFIX
from assetmap.core.commands.categories import described
from assetmap.core.merge import category_plan as cats
from assetmap.core.shared.connection import require_psycopg
from assetmap.core.shared.server_schema import create_category_views
from assetmap.core.shared.sync_plan import (
    ATTACHMENT_PREFIX,
    AssetPush,
    CategoryPush,
    OutlinePush,
    PhotoPush,
    PushPlan,
    without_nul,
)
from assetmap.core.shared.sync_server import CATEGORY_COLUMNS, to_ewkb


@dataclass(frozen=True)
class Stamp:
    """What every feed row of one push has in common."""

    at: str
    who: str
    description: str
    origin: str
    project_id: str
    copy_id: str
    local_seq: int


_FEED_COLUMNS = ("id", "at", "who", "action", "command", "description", "target", "uuid",
                 "geom_before", "geom_after", "before", "after", "origin", "project_id",
                 "copy_id", "local_seq")  # fmt: skip


def _sql() -> Any:
    return require_psycopg().sql


def _table(schema: str, name: str) -> Any:
    sql = _sql()
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def write_push(cur: Any, schema: str, srid: int, push: PushPlan, stamp: Stamp) -> int:
    """Write everything ``push`` holds; returns the number of feed rows written."""
    ids = iter(_reserve_ids(cur, schema, push.count))
    feed: list[tuple[Any, ...]] = []
    _write_categories(cur, schema, push.categories, stamp, ids, feed)
    _write_assets(cur, schema, srid, push.assets, stamp, ids, feed)
    _write_outlines(cur, schema, srid, push.outlines, stamp, ids, feed)
    _write_photos(cur, schema, push.photos, stamp, ids, feed)
    _write_feed(cur, schema, feed)
    return len(feed)


def _reserve_ids(cur: Any, schema: str, n: int) -> list[int]:
    """Feed ids in order; under the schema's lock no other writer takes any between."""
    if n == 0:
        return []
    cur.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        (f'"{schema}".am_feed', n),
    )
    return sorted(int(r[0]) for r in cur.fetchall())


def _feed_row(
    feed_id: int,
    stamp: Stamp,
    target: str,
    uuid: str | None,
    geoms: tuple[str | None, str | None],
    before: Any,
    after: Any,
) -> tuple[Any, ...]:
    return (feed_id, stamp.at, stamp.who, "do", "sync", stamp.description, target, uuid,
            geoms[0], geoms[1], _json(before), _json(after), stamp.origin, stamp.project_id,
            stamp.copy_id, stamp.local_seq)  # fmt: skip


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _write_feed(cur: Any, schema: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    sql = _sql()
    marks = ", ".join(
        "%s::geometry" if c in ("geom_before", "geom_after") else "%s" for c in _FEED_COLUMNS
    )
    cur.executemany(
        sql.SQL("INSERT INTO {} ({}) VALUES (" + marks + ")").format(
            _table(schema, "am_feed"),
            sql.SQL(", ").join(sql.Identifier(c) for c in _FEED_COLUMNS),
        ),
        rows,
    )


# ---- categories ------------------------------------------------------------------
def _write_categories(
    cur: Any,
    schema: str,
    pushes: list[CategoryPush],
    stamp: Stamp,
    ids: Any,
    feed: list[tuple[Any, ...]],
) -> None:
    if not pushes:
        return
    sql = _sql()
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in (*CATEGORY_COLUMNS, "feed_id"))
    updates = sql.SQL(", ").join(
        sql.SQL("{0} = excluded.{0}").format(sql.Identifier(c))
        for c in (*CATEGORY_COLUMNS[1:], "feed_id")
    )
    marks = sql.SQL(", ").join([sql.Placeholder()] * (len(CATEGORY_COLUMNS) + 1))
    statement = sql.SQL(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (key) DO UPDATE SET {}"
    ).format(_table(schema, "am_categories"), columns, marks, updates)
    rows = []
    for push in pushes:
        feed_id = next(ids)
        rows.append((*_category_values(push), feed_id))
        before = None if push.before is None else described(push.before)
        feed.append(_feed_row(feed_id, stamp, cats.target(push.key), None, (None, None),
                              before, described(push.after)))  # fmt: skip
    cur.executemany(statement, rows)
    new = [p.key for p in pushes if p.before is None]
    if new:
        _make_views(cur, schema, new)


def _category_values(push: CategoryPush) -> tuple[Any, ...]:
    from assetmap.core.categories import synonyms_to_text

    c = push.after
    values = (c.key, c.label, c.group, c.colour, c.symbol, int(c.personal_data), c.sort_order,
              c.description, synonyms_to_text(c.synonyms))  # fmt: skip
    return tuple(without_nul(v) for v in values)


def _make_views(cur: Any, schema: str, keys: list[str]) -> None:
    """A layer for each new category, when this role may create views; an editor without
    CREATE on the schema still syncs, and the layer comes with the next publisher's sync."""
    psycopg = require_psycopg()
    cur.execute("SAVEPOINT assetmap_views")
    try:
        create_category_views(cur, schema, keys)
    except psycopg.errors.InsufficientPrivilege:
        cur.execute("ROLLBACK TO SAVEPOINT assetmap_views")
    cur.execute("RELEASE SAVEPOINT assetmap_views")


# ---- assets ----------------------------------------------------------------------
def _write_assets(
    cur: Any,
    schema: str,
    srid: int,
    pushes: list[AssetPush],
    stamp: Stamp,
    ids: Any,
    feed: list[tuple[Any, ...]],
) -> None:
    points = to_ewkb([p.point for p in pushes], srid)
    befores = to_ewkb([p.point_before for p in pushes], srid)
    new_rows: list[tuple[Any, ...]] = []
    changed: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for push, point, before in zip(pushes, points, befores, strict=True):
        feed_id = next(ids)
        logged = {k: v for k, v in push.values.items() if k not in ("uuid", "updated_at")}
        was = None if push.before is None else {k: push.before[k] for k in logged}
        feed.append(_feed_row(feed_id, stamp, f"{ASSET_PREFIX}{push.uuid}", push.uuid,
                              (before, point), was, logged))  # fmt: skip
        if push.is_new:
            new_rows.append((*(push.values[c] for c in COLUMNS), point, feed_id))
            continue
        names = tuple(sorted(push.values)) + (("geom",) if push.moves else ())
        values = [push.values[n] for n in names if n != "geom"]
        changed[names].append((*values, *([point] if push.moves else []), feed_id, push.uuid))
    _insert_assets(cur, schema, new_rows)
    for names, rows in changed.items():
        _update_assets(cur, schema, names, rows)


def _insert_assets(cur: Any, schema: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    sql = _sql()
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in (*COLUMNS, "geom", "feed_id"))
    marks = ", ".join(["%s"] * len(COLUMNS) + ["%s::geometry", "%s"])
    cur.executemany(
        sql.SQL("INSERT INTO {} ({}) VALUES (" + marks + ")").format(
            _table(schema, "assets"), columns
        ),
        rows,
    )


def _update_assets(
    cur: Any, schema: str, names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    sql = _sql()
    sets = [
        sql.SQL("{} = %s::geometry" if n == "geom" else "{} = %s").format(sql.Identifier(n))
        for n in names
    ]
    sets.append(sql.SQL("feed_id = %s"))
    cur.executemany(
        sql.SQL("UPDATE {} SET {} WHERE uuid = %s").format(
            _table(schema, "assets"), sql.SQL(", ").join(sets)
        ),
        rows,
    )


# ---- outlines and photos -----------------------------------------------------------
def _write_outlines(
    cur: Any,
    schema: str,
    srid: int,
    pushes: list[OutlinePush],
    stamp: Stamp,
    ids: Any,
    feed: list[tuple[Any, ...]],
) -> None:
    if not pushes:
        return
    sql = _sql()
    afters = to_ewkb([p.after for p in pushes], srid)
    befores = to_ewkb([p.before for p in pushes], srid)
    kept, gone = [], []
    for push, after, before in zip(pushes, afters, befores, strict=True):
        feed_id = next(ids)
        feed.append(_feed_row(feed_id, stamp, f"{FOOTPRINT_PREFIX}{push.uuid}", push.uuid,
                              (before, after), None, None))  # fmt: skip
        if after is None:
            gone.append((feed_id, push.uuid))
        else:
            kept.append((push.uuid, after, feed_id))
    table = _table(schema, "asset_footprints")
    if gone:
        cur.executemany(  # editors never delete rows: an outline removed is emptied
            sql.SQL("UPDATE {} SET geom = NULL, feed_id = %s WHERE asset_uuid = %s").format(table),
            gone,
        )
    if kept:
        cur.executemany(
            sql.SQL(
                "INSERT INTO {} (asset_uuid, geom, feed_id) VALUES (%s, ST_Multi(%s::geometry), "
                "%s) ON CONFLICT (asset_uuid) DO UPDATE SET geom = excluded.geom, "
                "feed_id = excluded.feed_id"
            ).format(table),
            kept,
        )


def _write_photos(
    cur: Any,
    schema: str,
    pushes: list[PhotoPush],
    stamp: Stamp,
    ids: Any,
    feed: list[tuple[Any, ...]],
) -> None:
    if not pushes:
        return
    sql = _sql()
    table = _table(schema, "am_attachments")
    added, flagged = [], []
    for push in pushes:
        feed_id = next(ids)
        target = f"{ATTACHMENT_PREFIX}{push.sha256}"
        summary = {"file_name": push.file_name, "deleted": push.deleted}
        was = None if push.data is not None else {**summary, "deleted": not push.deleted}
        feed.append(_feed_row(feed_id, stamp, target, push.asset_uuid, (None, None), was,
                              summary))  # fmt: skip
        if push.data is not None:
            added.append((push.asset_uuid, without_nul(push.file_name), push.mime_type, push.sha256,
                          push.data, push.created_at, int(push.deleted), feed_id))  # fmt: skip
        else:
            flagged.append((int(push.deleted), feed_id, push.asset_uuid, push.sha256,
                            push.file_name))  # fmt: skip
    if added:
        cur.executemany(
            sql.SQL(
                "INSERT INTO {} (asset_uuid, file_name, mime_type, sha256, data, created_at, "
                "deleted, feed_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (asset_uuid, sha256, file_name) DO UPDATE SET "
                "deleted = excluded.deleted, feed_id = excluded.feed_id"
            ).format(table),
            added,
        )
    if flagged:
        cur.executemany(
            sql.SQL(
                "UPDATE {} SET deleted = %s, feed_id = %s "
                "WHERE asset_uuid = %s AND sha256 = %s AND file_name = %s"
            ).format(table),
            flagged,
        )


def record_client(
    cur: Any, schema: str, copy_id: str, project_id: str, pushed: tuple[int, str], pulled: int
) -> None:
    """Where this laptop's push reached (its feed position and that change's mark)."""
    sql = _sql()
    cur.execute(
        sql.SQL(
            "INSERT INTO {} (copy_id, project_id, pushed_seq, pushed_mark, pulled_feed_id) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (copy_id) DO UPDATE SET "
            "pushed_seq = excluded.pushed_seq, pushed_mark = excluded.pushed_mark, "
            "pulled_feed_id = excluded.pulled_feed_id, synced_at = now(), "
            "synced_by = current_user"
        ).format(_table(schema, "am_clients")),
        (copy_id, project_id, pushed[0], pushed[1], pulled),
    )
