"""The shared map's tables on the server, in a PostgreSQL schema of their own, versioned.

The tables mirror the project file (core.schema, core.schema_contributors) so that a value
travels between a laptop and the server unchanged: the same column names, text where the
file has text (dates, JSON), integers where it has integer flags. What differs is what a
server needs: the asset's uuid is the key (fids are per laptop), geometry is PostGIS
geometry in the project's CRS with GIST indexes (so QGIS lists and draws the layers), and
``am_feed`` numbers every change on the server, so sync can ask for "everything after N".
Each data row keeps ``feed_id``: the feed entry that last wrote it (no foreign key: checking
one per row made publishing the national project's 200,000 assets half as fast again).

Migrations run in order inside the caller's transaction and are recorded in
``am_schema_version``; a server schema newer than this assetmap knows is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.shared.connection import require_psycopg

if TYPE_CHECKING:
    import psycopg

DEFAULT_SCHEMA = "assetmap"
MAX_IDENTIFIER = 63  # PostgreSQL's NAMEDATALEN - 1

# Columns of the project's assets table apart from fid and geom, with their server types.
ASSET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("uuid", "text PRIMARY KEY"),
    ("name", "text NOT NULL"),
    ("category", "text NOT NULL"),
    ("description", "text"),
    ("address", "text"),
    ("postcode", "text"),
    ("contact", "text"),
    ("phone", "text"),
    ("website", "text"),
    ("opening_hours", "text"),
    ("audience", "text"),
    ("status", "text NOT NULL DEFAULT 'active'"),
    ("verified_date", "text"),
    ("source", "text"),
    ("personal_data", "integer NOT NULL DEFAULT 0"),
    ("custom", "text"),
    ("created_at", "text NOT NULL"),
    ("updated_at", "text NOT NULL"),
    ("deleted", "integer NOT NULL DEFAULT 0"),
    ("import_batch", "text"),
    ("out_of_area", "integer NOT NULL DEFAULT 0"),
    ("review", "text NOT NULL DEFAULT 'approved'"),
    ("origin_kind", "text NOT NULL DEFAULT 'desk'"),
    ("origin_ref", "text"),
    ("origin_row", "integer"),
    ("origin_key", "text"),
    ("reviewed_by", "text"),
    ("reviewed_at", "text"),
    ("pin_kind", "text NOT NULL DEFAULT 'asset'"),
    ("workshop_id", "text"),
    ("contributor", "text"),
)
ASSET_FIELDS = tuple(name for name, _ in ASSET_COLUMNS)

# The change feed's columns, as core.changelog writes them to am_change_log.
FEED_COLUMNS = (
    "at", "who", "action", "command", "description", "target", "uuid",
    "geom_before", "geom_after", "before", "after", "origin",
)  # fmt: skip


@dataclass(frozen=True)
class ServerMigration:
    version: int
    description: str
    apply: Callable[[Any, Any, int], None]  # (cursor, schema Identifier, srid)


def _v1_shared_map(cur: Any, schema: Any, srid: int) -> None:
    """The first shared map: project, categories, fields, assets and their sites, area sets
    with their areas and indicators, attachments and the change feed."""
    sql = require_psycopg().sql
    asset_columns = sql.SQL(",\n  ").join(
        sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(kind)) for name, kind in ASSET_COLUMNS
    )
    script = """
CREATE TABLE {s}.am_project (
  project_id text PRIMARY KEY,
  name text NOT NULL,
  crs text NOT NULL,
  srid integer NOT NULL,
  schema_version integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT current_user,
  published_from_copy text NOT NULL,
  published_local_seq bigint NOT NULL
);
CREATE TABLE {s}.am_feed (
  id bigserial PRIMARY KEY,
  at text NOT NULL,
  who text NOT NULL,
  action text NOT NULL,
  command text NOT NULL,
  description text NOT NULL,
  target text,
  uuid text,
  geom_before geometry(Geometry, {srid}),
  geom_after geometry(Geometry, {srid}),
  before text,
  after text,
  origin text,
  project_id text NOT NULL,
  copy_id text NOT NULL,
  local_seq bigint,
  received_at timestamptz NOT NULL DEFAULT now(),
  received_by text NOT NULL DEFAULT current_user
);
CREATE INDEX am_feed_uuid ON {s}.am_feed (uuid);
CREATE INDEX am_feed_copy ON {s}.am_feed (copy_id, local_seq);
CREATE TABLE {s}.am_categories (
  key text PRIMARY KEY,
  label text NOT NULL,
  group_name text NOT NULL,
  colour text NOT NULL,
  symbol text NOT NULL,
  personal_data integer NOT NULL DEFAULT 0,
  sort_order integer NOT NULL DEFAULT 0,
  description text,
  synonyms text,
  feed_id bigint NOT NULL
);
CREATE TABLE {s}.am_field_defs (
  name text PRIMARY KEY,
  label text NOT NULL,
  type text NOT NULL DEFAULT 'text',
  source text,
  feed_id bigint NOT NULL
);
CREATE TABLE {s}.assets (
  {asset_columns},
  geom geometry(Point, {srid}),
  feed_id bigint NOT NULL
);
CREATE INDEX assets_geom ON {s}.assets USING gist (geom);
CREATE INDEX assets_category ON {s}.assets (category);
CREATE INDEX assets_feed ON {s}.assets (feed_id);
CREATE TABLE {s}.asset_footprints (
  asset_uuid text PRIMARY KEY REFERENCES {s}.assets (uuid) ON DELETE CASCADE,
  geom geometry(MultiPolygon, {srid}),
  feed_id bigint NOT NULL
);
CREATE INDEX asset_footprints_geom ON {s}.asset_footprints USING gist (geom);
CREATE TABLE {s}.am_area_sets (
  name text PRIMARY KEY,
  table_name text NOT NULL UNIQUE,
  source text,
  code_field text,
  name_field text,
  created_at text NOT NULL,
  feed_id bigint NOT NULL
);
CREATE TABLE {s}.am_indicators (
  area_set text NOT NULL REFERENCES {s}.am_area_sets (name) ON UPDATE CASCADE ON DELETE CASCADE,
  column_name text NOT NULL,
  label text NOT NULL,
  "numeric" integer NOT NULL,
  source text,
  PRIMARY KEY (area_set, column_name)
);
CREATE TABLE {s}.areas (
  area_set text NOT NULL REFERENCES {s}.am_area_sets (name) ON UPDATE CASCADE ON DELETE CASCADE,
  code text NOT NULL,
  name text,
  indicators jsonb NOT NULL DEFAULT '{{}}',
  geom geometry(MultiPolygon, {srid}),
  feed_id bigint NOT NULL,
  PRIMARY KEY (area_set, code)
);
CREATE INDEX areas_geom ON {s}.areas USING gist (geom);
CREATE TABLE {s}.am_attachments (
  id bigserial PRIMARY KEY,
  asset_uuid text NOT NULL REFERENCES {s}.assets (uuid) ON DELETE CASCADE,
  file_name text NOT NULL,
  mime_type text,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_at text NOT NULL,
  deleted integer NOT NULL DEFAULT 0,
  feed_id bigint NOT NULL,
  UNIQUE (asset_uuid, sha256, file_name)
);
CREATE INDEX am_attachments_asset ON {s}.am_attachments (asset_uuid);
"""
    cur.execute(
        sql.SQL(script).format(s=schema, srid=sql.Literal(srid), asset_columns=asset_columns)
    )


def _v2_sync_clients(cur: Any, schema: Any, srid: int) -> None:
    """Sync's bookkeeping: which laptop (copy) pushed up to which change of its own feed,
    recognised by that change's time and target (``core.merge.base.feed_mark``), so a file
    copied by hand is told apart from the laptop it was copied from, and a sync whose
    server half committed but whose laptop half did not is recognised when run again.
    Whether personal-data assets are shared is the publisher's choice, kept with the
    project (NULL: published before this was recorded)."""
    sql = require_psycopg().sql
    cur.execute(
        sql.SQL(
            """
CREATE TABLE {s}.am_clients (
  copy_id text PRIMARY KEY,
  project_id text NOT NULL,
  pushed_seq bigint NOT NULL,
  pushed_mark text NOT NULL,
  pulled_feed_id bigint NOT NULL,
  synced_at timestamptz NOT NULL DEFAULT now(),
  synced_by text NOT NULL DEFAULT current_user
);
ALTER TABLE {s}.am_project ADD COLUMN include_personal integer;
CREATE INDEX am_feed_target ON {s}.am_feed (target);
"""
        ).format(s=schema)
    )


# The tables the migrations make, which a schema assetmap did not make must not hold already.
TABLE_NAMES = (
    "am_schema_version", "am_project", "am_feed", "am_categories", "am_field_defs", "assets",
    "asset_footprints", "am_area_sets", "am_indicators", "areas", "am_attachments",
    "am_clients",
)  # fmt: skip

SERVER_MIGRATIONS: tuple[ServerMigration, ...] = (
    ServerMigration(1, "shared map: project, assets, areas, attachments, feed", _v1_shared_map),
    ServerMigration(2, "sync: the laptops that pushed, personal data shared or not",
                    _v2_sync_clients),
)  # fmt: skip
SERVER_VERSION = max(m.version for m in SERVER_MIGRATIONS)


def check_schema_name(name: str) -> str:
    """A PostgreSQL schema name people can type in QGIS: letters, digits, underscores."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) or len(name) > MAX_IDENTIFIER:
        hint = translated(
            "use letters, digits and underscores, starting with a letter, at most {n} characters"
        )
        raise BadInputError(
            translated("'{name}' cannot be a schema name").format(name=name),
            field="--schema",
            hint=hint.format(n=MAX_IDENTIFIER),
        )
    if name.lower().startswith("pg_") or name.lower() == "information_schema":
        reserved = translated("'{name}' is reserved by PostgreSQL").format(name=name)
        raise BadInputError(reserved, field="--schema")
    return name


def schema_exists(conn: psycopg.Connection[Any], schema: str) -> bool:
    row = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
    return row is not None


def installed_version(conn: psycopg.Connection[Any], schema: str) -> int:
    """The schema's recorded version; 0 when it holds no shared map yet."""
    found = conn.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'am_schema_version'",
        (schema,),
    ).fetchone()
    if found is None:
        return 0
    sql = require_psycopg().sql
    row = conn.execute(
        sql.SQL("SELECT max(version) FROM {}.am_schema_version").format(sql.Identifier(schema))
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: psycopg.Connection[Any], schema: str, srid: int) -> list[int]:
    """Create the schema if needed and apply the migrations it lacks, in the caller's
    transaction; returns the versions applied."""
    sql = require_psycopg().sql
    ident = sql.Identifier(schema)
    current = installed_version(conn, schema)
    if current > SERVER_VERSION:
        newer = translated(
            "schema '{schema}' was made by a newer assetmap (server version {version}, this "
            "one knows {known})"
        )
        raise BadInputError(
            newer.format(schema=schema, version=current, known=SERVER_VERSION),
            field="--schema",
            hint=translated("update assetmap on this computer"),
        )
    conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(ident))
    conn.execute(
        sql.SQL(
            "CREATE TABLE IF NOT EXISTS {}.am_schema_version (version integer PRIMARY KEY, "
            "applied_at timestamptz NOT NULL DEFAULT now(), description text NOT NULL)"
        ).format(ident)
    )
    applied = []
    with conn.cursor() as cur:
        for migration in sorted(SERVER_MIGRATIONS, key=lambda m: m.version):
            if migration.version > current:
                migration.apply(cur, ident, srid)
                cur.execute(
                    sql.SQL(
                        "INSERT INTO {}.am_schema_version (version, description) VALUES (%s, %s)"
                    ).format(ident),
                    (migration.version, migration.description),
                )
                applied.append(migration.version)
    return applied


def lock_schema(conn: psycopg.Connection[Any], schema: str) -> None:
    """Serialise everything that writes the shared map in ``schema`` (publish now, sync
    next) until the caller's transaction ends: two laptops publishing at once get one
    publish and one "already published", not a clash of half-made tables."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"assetmap:{schema}",))


def view_name(prefix: str, key: str) -> str:
    """A layer name QGIS shows: ``assets_<key>``, cut to PostgreSQL's identifier length."""
    return f"{prefix}_{key}"[:MAX_IDENTIFIER]


def create_category_views(cur: Any, schema: str, keys: Iterable[str]) -> list[str]:
    """One view per category (its live assets), which QGIS opens as a layer of its own."""
    sql = require_psycopg().sql
    names = []
    for key in keys:
        name = view_name("assets", key)
        cur.execute(
            sql.SQL(
                "CREATE OR REPLACE VIEW {s}.{v} AS SELECT * FROM {s}.assets "
                "WHERE category = {k} AND deleted = 0"
            ).format(s=sql.Identifier(schema), v=sql.Identifier(name), k=sql.Literal(key))
        )
        names.append(name)
    return names


def create_area_set_view(
    cur: Any, schema: str, area_set: str, table_name: str, indicators: list[tuple[str, bool]]
) -> str:
    """One view per area set with its indicators as columns, ready for a QGIS choropleth."""
    sql = require_psycopg().sql
    columns = [
        sql.SQL("(indicators ->> {c})::{t} AS {n}").format(
            c=sql.Literal(column),
            t=sql.SQL("double precision" if numeric else "text"),
            n=sql.Identifier(column),
        )
        for column, numeric in indicators
    ]
    select = sql.SQL(", ").join([sql.SQL("code, name"), *columns, sql.SQL("geom")])
    cur.execute(
        sql.SQL(
            "CREATE OR REPLACE VIEW {s}.{v} AS SELECT {cols} FROM {s}.areas WHERE area_set = {a}"
        ).format(
            s=sql.Identifier(schema),
            v=sql.Identifier(table_name[:MAX_IDENTIFIER]),
            cols=select,
            a=sql.Literal(area_set),
        )
    )
    return table_name[:MAX_IDENTIFIER]
