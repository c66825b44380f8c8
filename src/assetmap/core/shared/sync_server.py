"""What sync reads from the shared map: the project's settings, the laptop's bookkeeping
row, everyone else's feed since a point, and the current rows of the assets in play.

The server's rows are turned into the project file's own forms (GeoPackage blobs, the
feed as ``FeedChange`` objects, the rows in an in-memory SQLite "copy" with the project's
table layout), so the merge's planning code weighs a sync exactly as it weighs a merge:
one set of rules for both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shapely

from assetmap.core import gpkg
from assetmap.core.assets import COLUMNS
from assetmap.core.feed import FeedChange
from assetmap.core.shared.connection import require_psycopg
from assetmap.core.tables import ASSETS_TABLE, FOOTPRINTS_TABLE

CATEGORY_COLUMNS = ("key", "label", "group_name", "colour", "symbol", "personal_data",
                    "sort_order", "description", "synonyms")  # fmt: skip
_FEED_SELECT = (
    "id, at, who, action, command, description, target, uuid, ST_AsBinary(geom_before), "
    "ST_AsBinary(geom_after), before, after, origin"
)


@dataclass(frozen=True)
class SharedProject:
    project_id: str
    srid: int
    include_personal: bool


@dataclass(frozen=True)
class ClientRow:
    """Where a laptop's last push reached in its own feed (see server migration 2)."""

    pushed_seq: int
    pushed_mark: str
    pulled_feed_id: int


def _sql() -> Any:
    return require_psycopg().sql


def _table(schema: str, name: str) -> Any:
    sql = _sql()
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def shared_project(conn: Any, schema: str) -> SharedProject | None:
    """The published project's id, SRID and personal-data choice; None: not published
    there. A project published before the choice was recorded shares personal data
    exactly when some is on the server."""
    sql = _sql()
    row = conn.execute(  # read through jsonb: a server before migration 2 lacks the column
        sql.SQL(
            "SELECT project_id, srid, (to_jsonb(p) ->> 'include_personal')::integer FROM {} p"
        ).format(_table(schema, "am_project"))
    ).fetchone()
    if row is None:
        return None
    include = row[2]
    if include is None:
        found = conn.execute(
            sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE personal_data = 1)").format(
                _table(schema, "assets")
            )
        ).fetchone()
        include = bool(found[0])
    return SharedProject(str(row[0]), int(row[1]), bool(include))


def can_write(conn: Any, schema: str) -> bool:
    """Whether this role may change the shared map (an editor), not only read it."""
    assets, feed = f'"{schema}".assets', f'"{schema}".am_feed'
    row = conn.execute(  # editors may update only some columns: any column counts
        "SELECT has_table_privilege(%s, 'INSERT') AND has_any_column_privilege(%s, 'UPDATE') "
        "AND has_table_privilege(%s, 'INSERT')",
        (assets, assets, feed),
    ).fetchone()
    return bool(row[0])


def unwritable_columns(conn: Any, schema: str, columns: Iterable[str]) -> set[str]:
    """The assets' columns this role may not update (an editor: the review columns)."""
    table = f'"{schema}".assets'
    wanted = list(columns)
    if not wanted:
        return set()
    row = conn.execute(
        "SELECT " + ", ".join(["has_column_privilege(%s, %s, 'UPDATE')"] * len(wanted)),
        [v for name in wanted for v in (table, name)],
    ).fetchone()
    return {name for name, ok in zip(wanted, row, strict=True) if not ok}


def client_row(conn: Any, schema: str, copy_id: str) -> ClientRow | None:
    sql = _sql()
    row = conn.execute(
        sql.SQL("SELECT pushed_seq, pushed_mark, pulled_feed_id FROM {} WHERE copy_id = %s").format(
            _table(schema, "am_clients")
        ),
        (copy_id,),
    ).fetchone()
    return None if row is None else ClientRow(int(row[0]), str(row[1]), int(row[2]))


def latest_feed_id(conn: Any, schema: str) -> int:
    sql = _sql()
    row = conn.execute(
        sql.SQL("SELECT coalesce(max(id), 0) FROM {}").format(_table(schema, "am_feed"))
    ).fetchone()
    return int(row[0])


def feed_since(conn: Any, schema: str, after: int, not_copy: str, srs_id: int) -> list[FeedChange]:
    """Everyone else's changes on the server after feed id ``after``, oldest first, as
    the project file's feed would hold them (points and outlines as GeoPackage blobs)."""
    sql = _sql()
    rows = conn.execute(
        sql.SQL(f"SELECT {_FEED_SELECT} FROM {{}} WHERE id > %s AND copy_id <> %s "
                "AND action <> 'publish' ORDER BY id").format(_table(schema, "am_feed")),
        (after, not_copy),
    ).fetchall()  # fmt: skip
    before = to_blobs([r[8] for r in rows], srs_id)
    after_geoms = to_blobs([r[9] for r in rows], srs_id)
    return [
        FeedChange(
            seq=int(r[0]),
            at=r[1],
            who=r[2],
            action=r[3],
            command=r[4],
            description=r[5],
            target=r[6],
            uuid=r[7],
            geometry_before=before[i],
            geometry_after=after_geoms[i],
            _before=r[10],
            _after=r[11],
            _origin=r[12],
        )  # fmt: skip
        for i, r in enumerate(rows)
    ]


def to_blobs(wkbs: Sequence[bytes | None], srs_id: int) -> list[bytes | None]:
    """Server geometry (WKB) as the project file stores it."""
    if not wkbs:
        return []
    shapes = shapely.from_wkb([None if w is None else bytes(w) for w in wkbs])
    return gpkg.encode(shapes, srs_id)


def to_ewkb(blobs: Sequence[bytes | None], srid: int) -> list[str | None]:
    """GeoPackage blobs as hex EWKB carrying the SRID, as PostGIS takes them."""
    if not blobs:
        return []
    shapes = shapely.set_srid(gpkg.decode(list(blobs)), srid)
    return list(shapely.to_wkb(shapes, hex=True, include_srid=True))


# ---- the server's rows as a copy of the project ------------------------------------------
def snapshot(conn: Any, schema: str, uuids: Iterable[str], srs_id: int) -> sqlite3.Connection:
    """An in-memory SQLite database laid out as a project file, holding the server's
    categories and its rows of ``uuids`` (assets, outlines, photos): the "other copy" the
    merge's planning code reads."""
    wanted = sorted(set(uuids))
    mem = sqlite3.connect(":memory:")
    _make_tables(mem)
    _copy_categories(conn, schema, mem)
    _copy_assets(conn, schema, mem, wanted, srs_id)
    _copy_outlines(conn, schema, mem, wanted, srs_id)
    _copy_photos(conn, schema, mem, wanted)
    return mem


def _make_tables(mem: sqlite3.Connection) -> None:
    columns = ", ".join(COLUMNS)
    mem.executescript(
        f"""
CREATE TABLE {ASSETS_TABLE} (fid INTEGER PRIMARY KEY, {columns}, geom BLOB, feed_id INTEGER);
CREATE UNIQUE INDEX assets_uuid ON {ASSETS_TABLE} (uuid);
CREATE TABLE {FOOTPRINTS_TABLE} (asset_uuid TEXT PRIMARY KEY, geom BLOB);
CREATE TABLE am_attachments (id INTEGER PRIMARY KEY, asset_uuid TEXT, file_name TEXT,
  mime_type TEXT, data BLOB, created_at TEXT, deleted INTEGER, sha256 TEXT);
CREATE TABLE am_categories ({", ".join(CATEGORY_COLUMNS)});
"""
    )


def _copy_categories(conn: Any, schema: str, mem: sqlite3.Connection) -> None:
    sql = _sql()
    rows = conn.execute(
        sql.SQL("SELECT {} FROM {}").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in CATEGORY_COLUMNS),
            _table(schema, "am_categories"),
        )
    ).fetchall()
    marks = ", ".join("?" for _ in CATEGORY_COLUMNS)
    mem.executemany(f"INSERT INTO am_categories VALUES ({marks})", rows)


def _copy_assets(
    conn: Any, schema: str, mem: sqlite3.Connection, uuids: list[str], srs_id: int
) -> None:
    sql = _sql()
    rows = conn.execute(
        sql.SQL("SELECT {}, ST_AsBinary(geom), feed_id FROM {} WHERE uuid = ANY(%s)").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in COLUMNS), _table(schema, "assets")
        ),
        (uuids,),
    ).fetchall()
    blobs = to_blobs([r[len(COLUMNS)] for r in rows], srs_id)
    marks = ", ".join("?" for _ in range(len(COLUMNS) + 2))
    mem.executemany(
        f"INSERT INTO {ASSETS_TABLE} ({', '.join(COLUMNS)}, geom, feed_id) VALUES ({marks})",
        [(*r[: len(COLUMNS)], blobs[i], r[-1]) for i, r in enumerate(rows)],
    )


def _copy_outlines(
    conn: Any, schema: str, mem: sqlite3.Connection, uuids: list[str], srs_id: int
) -> None:
    sql = _sql()
    rows = conn.execute(
        sql.SQL("SELECT asset_uuid, ST_AsBinary(geom) FROM {} WHERE asset_uuid = ANY(%s)").format(
            _table(schema, "asset_footprints")
        ),
        (uuids,),
    ).fetchall()
    blobs = to_blobs([r[1] for r in rows], srs_id)
    mem.executemany(
        f"INSERT INTO {FOOTPRINTS_TABLE} VALUES (?, ?)",
        [(r[0], blobs[i]) for i, r in enumerate(rows)],
    )


def _copy_photos(conn: Any, schema: str, mem: sqlite3.Connection, uuids: list[str]) -> None:
    sql = _sql()
    rows = conn.execute(
        sql.SQL(
            "SELECT id, asset_uuid, file_name, mime_type, data, created_at, deleted, sha256 "
            "FROM {} WHERE asset_uuid = ANY(%s) ORDER BY id"
        ).format(_table(schema, "am_attachments")),
        (uuids,),
    ).fetchall()
    mem.executemany(
        "INSERT INTO am_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(*r[:4], bytes(r[4]), *r[5:]) for r in rows],
    )
