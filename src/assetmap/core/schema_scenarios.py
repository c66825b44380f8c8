"""Migration 17 (issue 16 item 4): what-if scenarios, kept in their own module like the
outcomes' migration; ``schema.MIGRATIONS`` lists it with the others."""

from __future__ import annotations

import sqlite3

from assetmap.core import gpkg


def v17_scenarios(conn: sqlite3.Connection, srs_id: int) -> None:
    """Named what-ifs: the Find gaps question (params, JSON) and the proposed assets (JSON).
    Proposals live only here, never in the assets table, so no map, table, count or export
    of assets can mistake one for a real asset."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_scenarios (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL UNIQUE,
          created TEXT NOT NULL,
          params TEXT NOT NULL,
          proposals TEXT NOT NULL DEFAULT '[]'
        );
        """,
    )
