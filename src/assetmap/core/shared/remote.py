"""What a project file remembers of the shared map it was published to (am_remote,
migration 14): enough to find it again and to know where sync left off, never a password."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from assetmap.core import gpkg
from assetmap.core.project import Project

TABLE = "am_remote"


@dataclass(frozen=True)
class Remote:
    target: str  # the address with no password in it
    schema_name: str
    project_id: str
    published_at: str | None = None
    last_pushed_seq: int = 0
    last_pulled_feed_id: int = 0
    last_sync_at: str | None = None


def remotes(project: Project) -> list[Remote]:
    rows = project.conn.execute(
        f"SELECT target, schema_name, project_id, published_at, last_pushed_seq, "
        f"last_pulled_feed_id, last_sync_at FROM {TABLE} ORDER BY id"
    ).fetchall()
    return [Remote(*row) for row in rows]


def remember(conn: sqlite3.Connection, remote: Remote) -> None:
    """Record (or replace) the server and schema, in the caller's transaction."""
    conn.execute(
        f"INSERT INTO {TABLE} (target, schema_name, project_id, published_at, last_pushed_seq, "
        "last_pulled_feed_id, last_sync_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (target, schema_name) DO UPDATE SET project_id = excluded.project_id, "
        "published_at = excluded.published_at, last_pushed_seq = excluded.last_pushed_seq, "
        "last_pulled_feed_id = excluded.last_pulled_feed_id, last_sync_at = excluded.last_sync_at",
        (
            remote.target,
            remote.schema_name,
            remote.project_id,
            remote.published_at or gpkg.utc_now(),
            remote.last_pushed_seq,
            remote.last_pulled_feed_id,
            remote.last_sync_at,
        ),
    )
