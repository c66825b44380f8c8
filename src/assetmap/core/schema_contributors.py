"""Migrations 8 on: what the change feed and many contributors brought to the project file
(the feed's asset and geometry columns, provenance and review, workshop sessions and need
pins, which project and copy a file is, duplicates set aside, merges recorded, the shared
server a file syncs with).

Kept apart from ``schema`` (the single-desk format, migrations 1 to 7, and ``migrate``)
so that neither file holds the whole history; ``schema.MIGRATIONS`` lists them all.
"""

from __future__ import annotations

import sqlite3
import uuid

import numpy as np
import shapely

from assetmap.core import gpkg
from assetmap.core.tables import ASSETS_TABLE
from assetmap.core.taxonomy import REVIEW_MONTHS


def v8_change_feed(conn: sqlite3.Connection, srs_id: int) -> None:
    """The change log becomes a feed others can replay: each row names the asset it touched
    (indexed, so one asset's history and a watcher's reads stay quick), keeps the point
    before and after in their own columns, and says where the change came from.

    Rows written before this version get what can be recovered: the asset from the target,
    the point from logged x/y, and an origin from who wrote them (or the import's file).
    """
    gpkg.run_script(
        conn,
        """
        ALTER TABLE am_change_log ADD COLUMN uuid TEXT;
        ALTER TABLE am_change_log ADD COLUMN geom_before BLOB;
        ALTER TABLE am_change_log ADD COLUMN geom_after BLOB;
        ALTER TABLE am_change_log ADD COLUMN origin TEXT;
        UPDATE am_change_log SET uuid = substr(target, 7) WHERE target LIKE 'asset:%';
        UPDATE am_change_log
          SET uuid = coalesce(json_extract(after, '$.asset_uuid'),
                              json_extract(before, '$.asset_uuid'))
          WHERE target LIKE 'attachment:%' AND json_valid(coalesce(after, before));
        UPDATE am_change_log
          SET origin = json_object('kind', 'import', 'file', json_extract(after, '$.file'))
          WHERE target LIKE 'import:%' AND json_valid(after);
        UPDATE am_change_log SET origin = json_object('kind', 'desk', 'by', who)
          WHERE origin IS NULL;
        UPDATE am_change_log SET before = '{"columns": []}'
          WHERE command = 'join_indicators' AND before IS NULL;
        UPDATE am_change_log SET after = '{"columns": []}'
          WHERE command = 'join_indicators' AND after IS NULL;
        CREATE INDEX am_change_log_uuid ON am_change_log(uuid);
        """,
    )
    _points_from_logged_xy(conn, srs_id)


def _points_from_logged_xy(conn: sqlite3.Connection, srs_id: int) -> None:
    rows = conn.execute(
        "SELECT id, json_extract(before, '$.x'), json_extract(before, '$.y'), "
        "json_extract(after, '$.x'), json_extract(after, '$.y') FROM am_change_log "
        "WHERE uuid IS NOT NULL AND target LIKE 'asset:%' "
        "AND json_valid(coalesce(before, '{}')) AND json_valid(coalesce(after, '{}')) "
        "AND (json_extract(before, '$.x') IS NOT NULL OR json_extract(after, '$.x') IS NOT NULL)"
    ).fetchall()
    for row_id, bx, by, ax, ay in rows:
        before, after = gpkg.encode(
            np.array([_point_or_none(bx, by), _point_or_none(ax, ay)], dtype=object), srs_id
        )
        conn.execute(
            "UPDATE am_change_log SET geom_before = ?, geom_after = ? WHERE id = ?",
            (before, after, row_id),
        )


def _point_or_none(x: object, y: object) -> shapely.Geometry | None:
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return shapely.points(float(x), float(y))
    return None


_V9_COLUMNS = """
        origin_kind TEXT NOT NULL DEFAULT 'desk',
        origin_ref TEXT,
        origin_row INTEGER,
        origin_key TEXT,
        reviewed_by TEXT,
        reviewed_at TEXT"""


def v9_provenance(conn: sqlite3.Connection, srs_id: int) -> None:
    """Every asset says where it came from and who reviewed it, and 'verified' stops meaning
    two things: the review state is now 'approved' (reviewed into the map), and *verified*
    is left to verified_date (someone checked the asset still exists).

    The assets table is rebuilt rather than altered so that the review column's default
    becomes 'approved' (SQLite cannot change a default in place); its fids, the indexes
    and triggers other migrations put on it are kept. Imported assets learn their file
    from am_sources (the source row with the batch's size written just after it), else from
    the source text; everything else was made at a desk.
    """
    ddl = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (ASSETS_TABLE,)
    ).fetchone()[0]
    extras = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL",
            (ASSETS_TABLE,),
        )
    ]
    old_columns = [row[1] for row in conn.execute(f"PRAGMA table_info({ASSETS_TABLE})")]
    body = ddl[ddl.index("(") + 1 : ddl.rindex(")")]
    body = body.replace("DEFAULT 'verified'", "DEFAULT 'approved'")
    conn.execute(f"CREATE TABLE assets_v9 ({body},{_V9_COLUMNS})")
    listed = ", ".join(old_columns)
    conn.execute(f"INSERT INTO assets_v9 ({listed}) SELECT {listed} FROM {ASSETS_TABLE}")
    conn.execute(f"DROP TABLE {ASSETS_TABLE}")
    conn.execute(f"ALTER TABLE assets_v9 RENAME TO {ASSETS_TABLE}")
    for sql in extras:
        conn.execute(sql)
    gpkg.run_script(
        conn,
        f"""
        UPDATE {ASSETS_TABLE} SET review = 'approved' WHERE review = 'verified';
        UPDATE {ASSETS_TABLE} SET reviewed_at = created_at WHERE review != 'pending';
        UPDATE {ASSETS_TABLE} SET origin_kind = 'import', origin_ref = source
          WHERE import_batch IS NOT NULL;
        """,
    )
    _imported_file_names(conn)


def _imported_file_names(conn: sqlite3.Connection) -> None:
    """An import wrote its assets, then its am_sources row: the first 'assets' source row
    at or after the batch's creation time with the batch's row count names its file."""
    batches = conn.execute(
        f"SELECT import_batch, min(created_at), count(*) FROM {ASSETS_TABLE} "
        "WHERE import_batch IS NOT NULL GROUP BY import_batch"
    ).fetchall()
    for batch, created, rows in batches:
        found = conn.execute(
            "SELECT file_name FROM am_sources WHERE kind = 'assets' AND rows = ? "
            "AND imported_at >= ? ORDER BY imported_at LIMIT 1",
            (rows, created),
        ).fetchone()
        if found:
            conn.execute(
                f"UPDATE {ASSETS_TABLE} SET origin_ref = ? WHERE import_batch = ?",
                (found[0], batch),
            )


def v10_workshops(conn: sqlite3.Connection, srs_id: int) -> None:
    """Workshop sessions and what residents add in them (issue 11).

    An asset says whether it marks something that is there ('asset') or something missing
    ('need'), which workshop it came from and the contributor's chosen name. Which phone
    submitted a pin is kept apart (am_workshop_pins), as a hash of the phone's secret, so
    only that phone may change or withdraw it. A gap analysis may count the need pins in
    each area ("needs raised"), which its results table keeps.
    """
    gpkg.run_script(
        conn,
        f"""
        ALTER TABLE {ASSETS_TABLE} ADD COLUMN pin_kind TEXT NOT NULL DEFAULT 'asset';
        ALTER TABLE {ASSETS_TABLE} ADD COLUMN workshop_id TEXT;
        ALTER TABLE {ASSETS_TABLE} ADD COLUMN contributor TEXT;
        CREATE INDEX assets_workshop ON {ASSETS_TABLE}(workshop_id);
        CREATE TABLE am_workshops (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          place TEXT,
          date TEXT,
          facilitator TEXT,
          created_at TEXT NOT NULL,
          ended_at TEXT,
          auto_approve INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE am_workshop_pins (
          uuid TEXT PRIMARY KEY,
          workshop_id TEXT NOT NULL,
          device TEXT NOT NULL,
          submitted_at TEXT NOT NULL
        );
        CREATE INDEX am_workshop_pins_device ON am_workshop_pins(workshop_id, device);
        ALTER TABLE am_analysis_results ADD COLUMN needs_raised INTEGER;
        """,
    )


def v11_identity(conn: sqlite3.Connection, srs_id: int) -> None:
    """Which project this file is, and which copy of it (issue 12): merging copies needs an
    id every copy of a project shares and one that tells the copies apart. It is a table of
    its own, not am_settings, so that no user setting can clash with it or be merged into
    it. An existing file starts as the original: no label, nothing it was copied from.

    The project id is derived from the moment the project was made (its first migration's
    time, to the millisecond), which every copy of a file keeps: two copies made by hand
    before this migration still get the same project id when each is upgraded. The copy id
    is new in every file."""
    conn.execute("CREATE TABLE am_identity (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    made = conn.execute("SELECT applied_at FROM am_schema WHERE version = 1").fetchone()
    project_id = (
        uuid.uuid5(uuid.NAMESPACE_URL, f"assetmap:project:{made[0]}").hex
        if made is not None
        else uuid.uuid4().hex
    )
    conn.executemany(
        "INSERT INTO am_identity (key, value) VALUES (?, ?)",
        [
            ("project_id", project_id),
            ("copy_id", uuid.uuid4().hex),
            ("copy_label", ""),
            ("copied_from", ""),
            ("copied_at_seq", "0"),
        ],
    )


def v12_not_duplicates(conn: sqlite3.Connection, srs_id: int) -> None:
    """Pairs of assets a person said are not duplicates (issue 12), so finding duplicates
    again does not ask about them again. The pair is kept once, the smaller uuid first."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_not_duplicates (
          uuid_a TEXT NOT NULL,
          uuid_b TEXT NOT NULL,
          decided_by TEXT,
          decided_at TEXT,
          PRIMARY KEY (uuid_a, uuid_b),
          CHECK (uuid_a < uuid_b)
        );
        """,
    )


def v13_merges(conn: sqlite3.Connection, srs_id: int) -> None:
    """Which copies have been merged into this file, and where each merge left both change
    feeds (issue 12): the next merge of the same copy starts from there, so what it brought
    is not weighed again. One row per copy, replaced by each merge of it. ``other_mark`` is
    the time and target of the other copy's change at ``other_seq``: copies made by copying
    the file share one copy id, and the mark tells them apart."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_merges (
          copy_id TEXT PRIMARY KEY,
          other_seq INTEGER NOT NULL,
          this_seq INTEGER NOT NULL,
          other_mark TEXT NOT NULL,
          file_name TEXT,
          merged_at TEXT NOT NULL
        );
        """,
    )


def v14_remote(conn: sqlite3.Connection, srs_id: int) -> None:
    """The shared map on a PostGIS server this file was published to or syncs with (issue
    13). Only what finding it again needs: the address without its password (passwords live
    in the keyring or libpq's files, never here), the schema, the server's project id, and
    where sync left both feeds: the last local change pushed and the last server feed entry
    pulled. One row per server and schema."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_remote (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          target TEXT NOT NULL,
          schema_name TEXT NOT NULL,
          project_id TEXT NOT NULL,
          published_at TEXT,
          last_pushed_seq INTEGER NOT NULL DEFAULT 0,
          last_pulled_feed_id INTEGER NOT NULL DEFAULT 0,
          last_sync_at TEXT,
          UNIQUE (target, schema_name)
        );
        """,
    )


def v16_review_intervals(conn: sqlite3.Connection, srs_id: int) -> None:
    """Each category says how often its assets need checking (issue 16): food banks every
    6 months, schools every 2 years, the rest yearly, so the map can show which assets are
    due. Existing categories get those defaults; a category the user added gets a year."""
    conn.execute("ALTER TABLE am_categories ADD COLUMN review_months INTEGER NOT NULL DEFAULT 12")
    conn.executemany(
        "UPDATE am_categories SET review_months = ? WHERE key = ?",
        [(months, key) for key, months in REVIEW_MONTHS.items()],
    )
