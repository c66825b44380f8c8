"""The project file's schema and its numbered migrations.

A project records the schema version it was written with in am_schema (the
SQLite user_version belongs to the GeoPackage spec). Opening an older file
runs the missing migrations in one transaction after a backup; a newer file
is refused with a message, because silently writing it could lose data.

Every migration ever made is kept, as the file format's history (a project from any
earlier version must still open): those of the single-desk format (1 to 7) here, those the
change feed and many contributors brought (8 on) in ``schema_contributors``. New
migrations go at the end of that module, and into MIGRATIONS below.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely

from assetmap.core import gpkg
from assetmap.core.geometry import polygonal_multipolygons
from assetmap.core.io.fields import as_written, is_identifier_name, shown_label
from assetmap.core.schema_contributors import (
    v8_change_feed,
    v9_provenance,
    v10_workshops,
    v11_identity,
    v12_not_duplicates,
    v13_merges,
    v14_remote,
    v16_review_intervals,
)
from assetmap.core.schema_outcomes import v15_outcomes, v18_population_share
from assetmap.core.schema_scenarios import v17_scenarios
from assetmap.core.tables import ASSETS_TABLE as ASSETS_TABLE
from assetmap.core.tables import FOOTPRINTS_TABLE as FOOTPRINTS_TABLE
from assetmap.core.taxonomy import default_categories


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection, int], None]  # (conn, project srs_id)


def _v1_initial(conn: sqlite3.Connection, srs_id: int) -> None:
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_settings (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE am_categories (
          key TEXT PRIMARY KEY,
          label TEXT NOT NULL,
          group_name TEXT NOT NULL,
          colour TEXT NOT NULL,
          symbol TEXT NOT NULL,
          personal_data INTEGER NOT NULL DEFAULT 0,
          sort_order INTEGER NOT NULL DEFAULT 0,
          description TEXT
        );
        CREATE TABLE am_field_defs (
          name TEXT PRIMARY KEY,
          label TEXT NOT NULL,
          type TEXT NOT NULL DEFAULT 'text',
          source TEXT
        );
        CREATE TABLE am_change_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          who TEXT NOT NULL,
          action TEXT NOT NULL,
          command TEXT NOT NULL,
          description TEXT NOT NULL,
          target TEXT,
          before TEXT,
          after TEXT
        );
        CREATE TABLE am_attachments (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          asset_uuid TEXT NOT NULL,
          file_name TEXT NOT NULL,
          mime_type TEXT,
          data BLOB NOT NULL,
          created_at TEXT NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX am_attachments_asset ON am_attachments(asset_uuid);
        CREATE TABLE am_area_sets (
          name TEXT PRIMARY KEY,
          table_name TEXT NOT NULL UNIQUE,
          source TEXT,
          code_field TEXT,
          name_field TEXT,
          created_at TEXT NOT NULL
        );
        CREATE TABLE am_indicators (
          area_set TEXT NOT NULL,
          column_name TEXT NOT NULL,
          label TEXT NOT NULL,
          numeric INTEGER NOT NULL,
          source TEXT,
          PRIMARY KEY (area_set, column_name)
        );
        CREATE TABLE am_sources (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          file_name TEXT NOT NULL,
          kind TEXT NOT NULL,
          target TEXT,
          rows INTEGER,
          imported_at TEXT NOT NULL,
          attribution TEXT
        );
        CREATE TABLE am_postcodes (postcode TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL)
          WITHOUT ROWID;
        """,
    )
    gpkg.add_feature_table(
        conn,
        ASSETS_TABLE,
        "POINT",
        srs_id,
        """
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT, address TEXT, postcode TEXT, contact TEXT, phone TEXT,
        website TEXT, opening_hours TEXT, audience TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        verified_date TEXT, source TEXT,
        personal_data INTEGER NOT NULL DEFAULT 0,
        custom TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        import_batch TEXT,
        out_of_area INTEGER NOT NULL DEFAULT 0
        """,
        identifier="Assets",
        description="Community assets (deleted=1 rows are tombstones kept for merging and undo)",
    )
    conn.execute("CREATE INDEX assets_category ON assets(category)")
    conn.execute("CREATE INDEX assets_import_batch ON assets(import_batch)")
    gpkg.add_feature_table(
        conn,
        FOOTPRINTS_TABLE,
        "MULTIPOLYGON",
        srs_id,
        "asset_uuid TEXT NOT NULL UNIQUE",
        identifier="Asset sites",
        description="Site footprints of assets that are areas (hospitals, places of worship)",
    )
    # Registering one attributes table makes GDAL/QGIS list only registered tables,
    # and the categories are worth seeing there (join on key to style the assets).
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
        " VALUES ('am_categories', 'attributes', 'Asset categories', "
        "'Category key, label, group, colour and symbol', ?)",
        (gpkg.utc_now(),),
    )
    conn.executemany(
        "INSERT INTO am_categories VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (c.key, c.label, c.group, c.colour, c.symbol, int(c.personal_data), c.sort_order, "")
            for c in default_categories()
        ],
    )


def _v2_review_and_runs(conn: sqlite3.Connection, srs_id: int) -> None:
    """Workshop contributions await review; analysis runs are kept with their method.

    The category and import-batch indexes go: they tripled the cost of a 200,000-asset
    import, and their queries (merge, undo of an import) are rare and fast without them.
    """
    gpkg.run_script(
        conn,
        """
        DROP INDEX IF EXISTS assets_category;
        DROP INDEX IF EXISTS assets_import_batch;
        ALTER TABLE assets ADD COLUMN review TEXT NOT NULL DEFAULT 'verified';
        CREATE TABLE am_analysis_runs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at TEXT NOT NULL,
          area_set TEXT NOT NULL,
          parameters TEXT NOT NULL,
          method TEXT NOT NULL,
          results BLOB
        );
        """,
    )


def _v3_analysis_results(conn: sqlite3.Connection, srs_id: int) -> None:
    """Gap analysis results, one row per area and category, visible in QGIS as a table."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_analysis_results (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          run_id INTEGER NOT NULL,
          area_code TEXT NOT NULL,
          area_name TEXT,
          category TEXT NOT NULL,
          category_label TEXT,
          assets INTEGER NOT NULL,
          population REAL,
          per_1000 REAL,
          area_km2 REAL,
          density_km2 REAL,
          nearest_m REAL,
          coverage REAL,
          gap INTEGER NOT NULL,
          need REAL,
          need_tercile INTEGER,
          provision_tercile INTEGER,
          bivariate TEXT,
          priority INTEGER,
          note TEXT
        );
        CREATE INDEX am_analysis_results_run ON am_analysis_results(run_id, category);
        """,
    )
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
        " VALUES ('am_analysis_results', 'attributes', 'Gap analysis results', "
        "'One row per area and category per run; join to an area layer on area_code', ?)",
        (gpkg.utc_now(),),
    )


def _v4_analysis_assets(conn: sqlite3.Connection, srs_id: int) -> None:
    """The assets each run counted, where they were then: a run's coverage can be drawn
    exactly as it was measured even after assets move."""
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_analysis_assets (
          run_id INTEGER NOT NULL,
          uuid TEXT NOT NULL,
          category TEXT NOT NULL,
          x REAL NOT NULL,
          y REAL NOT NULL
        );
        CREATE INDEX am_analysis_assets_run ON am_analysis_assets(run_id);
        """,
    )


def _v5_basemap(conn: sqlite3.Connection, srs_id: int) -> None:
    """The offline basemap's record (one row per import) and the Find box's street index.

    The basemap's feature tables (basemap_roads, ...) are made by each import, not here, so
    QGIS lists them only in projects that have a basemap (see core/basemap/store.py).
    """
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_basemap (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          source_file TEXT NOT NULL,
          source_size INTEGER,
          extract_date TEXT,
          imported_at TEXT NOT NULL,
          bounds TEXT,
          bounds_lonlat TEXT,
          margin_m REAL,
          buildings INTEGER NOT NULL DEFAULT 0,
          layers TEXT NOT NULL,
          streets INTEGER NOT NULL DEFAULT 0,
          attribution TEXT NOT NULL,
          licence TEXT NOT NULL,
          source_id INTEGER,
          replaced_at TEXT
        );
        CREATE TABLE am_basemap_streets (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          place TEXT,
          class TEXT,
          segments INTEGER NOT NULL,
          x REAL NOT NULL,
          y REAL NOT NULL,
          minx REAL NOT NULL,
          miny REAL NOT NULL,
          maxx REAL NOT NULL,
          maxy REAL NOT NULL
        );
        """,
    )


def _v6_valid_geopackage(conn: sqlite3.Connection, srs_id: int) -> None:
    """What GDAL's validate_gpkg.py asks for, and categories that carry their own rules.

    Every registered attributes table needs an INTEGER primary key (Requirement 119), so
    am_categories gets one and its key becomes a unique column; categories gain the synonyms
    imports match against; assets already in a personal-data category are flagged, which
    imports did not do before (they leaked into exports); and site outlines that a repair had
    turned into geometry collections keep only their area (Requirement 32).
    """
    gpkg.run_script(
        conn,
        """
        CREATE TABLE am_categories_v6 (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          key TEXT NOT NULL UNIQUE,
          label TEXT NOT NULL,
          group_name TEXT NOT NULL,
          colour TEXT NOT NULL,
          symbol TEXT NOT NULL,
          personal_data INTEGER NOT NULL DEFAULT 0,
          sort_order INTEGER NOT NULL DEFAULT 0,
          description TEXT,
          synonyms TEXT
        );
        INSERT INTO am_categories_v6
          (key, label, group_name, colour, symbol, personal_data, sort_order, description)
          SELECT key, label, group_name, colour, symbol, personal_data, sort_order, description
          FROM am_categories ORDER BY sort_order, label;
        DROP TABLE am_categories;
        ALTER TABLE am_categories_v6 RENAME TO am_categories;
        UPDATE assets SET personal_data = 1 WHERE personal_data = 0
          AND category IN (SELECT key FROM am_categories WHERE personal_data = 1);
        """,
    )
    conn.executemany(
        "UPDATE am_categories SET synonyms = ? WHERE key = ? AND synonyms IS NULL",
        [(json.dumps(list(c.synonyms)), c.key) for c in default_categories() if c.synonyms],
    )
    _keep_only_site_areas(conn, srs_id)


def _keep_only_site_areas(conn: sqlite3.Connection, srs_id: int) -> None:
    rows = conn.execute(f"SELECT fid, geom FROM {FOOTPRINTS_TABLE}").fetchall()
    if not rows:
        return
    geoms = gpkg.decode([blob for _, blob in rows])
    fixed = polygonal_multipolygons(geoms)
    changed = np.flatnonzero(shapely.get_type_id(geoms) != 6)
    blobs = gpkg.encode(fixed[changed], srs_id)
    for i, blob in zip(changed, blobs, strict=True):
        fid = rows[i][0]
        if blob is None:
            conn.execute(f"DELETE FROM {FOOTPRINTS_TABLE} WHERE fid = ?", (fid,))
        else:
            conn.execute(f"UPDATE {FOOTPRINTS_TABLE} SET geom = ? WHERE fid = ?", (blob, fid))


def _v7_readable_fields(conn: sqlite3.Connection, srs_id: int) -> None:
    """Extra fields as people read them, in the file too (QGIS, exports): a label made from
    the column name where the import stored the raw name, and codes and identifiers typed
    and stored as the text the source wrote ("3005", not 3005.0). Map styling kept by older
    imports stays in the file (nothing is dropped); the app no longer shows it.
    """
    defs = conn.execute("SELECT name, label, type FROM am_field_defs").fetchall()
    codes: list[str] = []
    for name, label, kind in defs:
        new_label = shown_label(str(name), label)
        new_kind = "text" if is_identifier_name(str(name)) else kind
        if new_kind != kind:
            codes.append(str(name))
        if (new_label, new_kind) != (label, kind):
            conn.execute(
                "UPDATE am_field_defs SET label = ?, type = ? WHERE name = ?",
                (new_label, new_kind, name),
            )
    if codes:
        _codes_as_text(conn, codes)


def _codes_as_text(conn: sqlite3.Connection, names: list[str]) -> None:
    rows = conn.execute(f"SELECT fid, custom FROM {ASSETS_TABLE} WHERE custom IS NOT NULL")
    for fid, text in rows.fetchall():
        try:
            custom = json.loads(text)
        except ValueError:
            continue
        if not isinstance(custom, dict):
            continue
        changed = {
            n: as_written(custom[n])
            for n in names
            if isinstance(custom.get(n), (int, float)) and not isinstance(custom[n], bool)
        }
        if changed:
            custom.update(changed)
            conn.execute(
                f"UPDATE {ASSETS_TABLE} SET custom = ? WHERE fid = ?",
                (json.dumps(custom, ensure_ascii=False, sort_keys=True), fid),
            )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _v1_initial),
    Migration(2, "asset review state and analysis runs", _v2_review_and_runs),
    Migration(3, "gap analysis results table", _v3_analysis_results),
    Migration(4, "positions of the assets each analysis run counted", _v4_analysis_assets),
    Migration(5, "offline basemap record and street index", _v5_basemap),
    Migration(
        6, "valid GeoPackage, category synonyms, personal data by category", _v6_valid_geopackage
    ),
    Migration(7, "extra fields with human labels, codes stored as text", _v7_readable_fields),
    Migration(8, "change feed: asset, geometry and origin of every logged change", v8_change_feed),
    Migration(9, "where each asset came from; 'approved' apart from verified", v9_provenance),
    Migration(10, "workshop sessions, need pins and who contributed each pin", v10_workshops),
    Migration(11, "which project this file is, and which copy of it", v11_identity),
    Migration(12, "pairs of assets marked as not duplicates", v12_not_duplicates),
    Migration(13, "copies merged into this one, and where each merge left off", v13_merges),
    Migration(14, "the shared PostGIS map this file publishes to and syncs with", v14_remote),
    Migration(15, "agreed outcomes, their evaluations, new seed categories", v15_outcomes),
    Migration(16, "how often each category's assets are due for checking", v16_review_intervals),
    Migration(17, "what-if scenarios: proposed assets kept apart from the map", v17_scenarios),
    Migration(
        18,
        "outcomes for the most deprived areas home to a share of the people",
        v18_population_share,
    ),  # fmt: skip
)


# The highest, not the last: migrations written in parallel may be listed out of order.
CURRENT_VERSION = max(m.version for m in MIGRATIONS)


def create_version_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE am_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, "
        "app_version TEXT NOT NULL, description TEXT NOT NULL)"
    )


def version_of(conn: sqlite3.Connection) -> int | None:
    """The file's schema version, or None when it is not an assetmap project."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'am_schema'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT max(version) FROM am_schema").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    conn: sqlite3.Connection, srs_id: int, app_version: str, *, target: int = CURRENT_VERSION
) -> list[int]:
    """Apply the migrations the file lacks, up to ``target``; returns those applied.

    The caller owns the transaction, so a failed migration leaves the file as it was.
    """
    current = version_of(conn) or 0
    applied: list[int] = []
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if current < migration.version <= target:
            migration.apply(conn, srs_id)
            conn.execute(
                "INSERT INTO am_schema VALUES (?, ?, ?, ?)",
                (migration.version, gpkg.utc_now(), app_version, migration.description),
            )
            applied.append(migration.version)
    return applied
