"""Migration 15 (issue 16): locally agreed outcomes, their evaluations over time, and the seed
categories the taxonomy lacked.

Kept in its own module so that the outcomes' tables and the taxonomy additions are read in one
place; ``schema.MIGRATIONS`` lists it with the others.
"""

from __future__ import annotations

import json
import sqlite3

from assetmap.core import gpkg
from assetmap.core.taxonomy import default_categories

# The concepts place-based plans name that earlier taxonomies lacked (issue 16).
SEED_KEYS_V15 = ("integrated_care", "self_care_prevention", "community_hubs")


def v15_outcomes(conn: sqlite3.Connection, srs_id: int) -> None:
    """Outcomes people agreed ("every neighbourhood within 800 m of a food bank"), each
    evaluation of one against an analysis run (so progress can be shown across runs), and
    the new seed categories. Evaluations name their outcome by uuid, so undoing the
    removal of an outcome brings its history back with it."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_outcomes (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          uuid TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          target TEXT NOT NULL,
          area_set TEXT NOT NULL,
          distance_m REAL NOT NULL DEFAULT 800,
          threshold REAL NOT NULL DEFAULT 0.5,
          need_band INTEGER,
          population_field TEXT,
          need_field TEXT,
          target_date TEXT,
          created_at TEXT NOT NULL
        );
        CREATE TABLE am_outcome_evaluations (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          outcome_uuid TEXT NOT NULL,
          run_id INTEGER NOT NULL,
          run_at TEXT NOT NULL,
          areas INTEGER NOT NULL,
          areas_meeting INTEGER NOT NULL,
          people REAL,
          people_meeting REAL,
          UNIQUE (outcome_uuid, run_id)
        );
        """,
    )
    add_missing_seed_categories(conn)


def add_missing_seed_categories(conn: sqlite3.Connection) -> None:
    """Add the new seed categories after the user's own, never replacing or renaming one:
    a key already present, or a category already labelled the same, is left as it is."""
    rows = conn.execute("SELECT key, lower(label), sort_order FROM am_categories").fetchall()
    keys = {r[0] for r in rows}
    labels = {r[1] for r in rows}
    order = max((int(r[2]) for r in rows), default=-1) + 1
    for category in default_categories():
        if category.key not in SEED_KEYS_V15 or category.key in keys:
            continue
        if category.label.lower() in labels:
            continue
        conn.execute(
            "INSERT INTO am_categories (key, label, group_name, colour, symbol, personal_data, "
            "sort_order, description, synonyms) VALUES (?, ?, ?, ?, ?, 0, ?, '', ?)",
            (
                category.key,
                category.label,
                category.group,
                category.colour,
                category.symbol,
                order,
                json.dumps(list(category.synonyms)),
            ),
        )
        order += 1
