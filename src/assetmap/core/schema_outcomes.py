"""Migration 15 (issue 16): locally agreed outcomes, their evaluations over time, and the seed
categories the taxonomy lacked; migration 18: an outcome for a share of the population.

Kept in its own module so that the outcomes' tables and the taxonomy additions are read in one
place; ``schema.MIGRATIONS`` lists it with the others.
"""

from __future__ import annotations

import json
import sqlite3

from assetmap.core import gpkg
from assetmap.core.taxonomy import Category, default_categories

# The concepts place-based plans name that earlier taxonomies lacked (issue 16).
SEED_KEYS_V15 = ("integrated_care", "self_care_prevention", "coordination_hubs")


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


def v18_population_share(conn: sqlite3.Connection, srs_id: int) -> None:
    """An outcome may apply to the most deprived areas home to a share of the people (issue
    16), beside a fifth of the areas by need; the outcomes already agreed keep theirs."""
    conn.execute("ALTER TABLE am_outcomes ADD COLUMN population_share REAL")


def add_missing_seed_categories(conn: sqlite3.Connection) -> None:
    """Add the new seed categories at the end of their groups, as a new project has them,
    never replacing or renaming one: a key already present, or a category already labelled
    the same, is left as it is. Later categories move down one place each, in their order."""
    for category in default_categories(in_english=True):  # its groups are named in English
        if category.key in SEED_KEYS_V15 and not _present(conn, category.key, category.label):
            _insert_in_group(conn, category)


def _present(conn: sqlite3.Connection, key: str, label: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM am_categories WHERE key = ? OR lower(label) = lower(?)", (key, label)
    ).fetchone()
    return row is not None


def _insert_in_group(conn: sqlite3.Connection, category: Category) -> None:
    row = conn.execute(
        "SELECT max(sort_order) FROM am_categories WHERE group_name = ?", (category.group,)
    ).fetchone()
    if row is None or row[0] is None:  # the user has no such group: at the very end
        row = conn.execute("SELECT coalesce(max(sort_order), -1) FROM am_categories").fetchone()
    order = int(row[0]) + 1
    conn.execute(
        "UPDATE am_categories SET sort_order = sort_order + 1 WHERE sort_order >= ?", (order,)
    )
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
