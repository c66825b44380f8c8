"""Publish a project to a PostGIS server: the first copy of the shared map.

Everything goes in one server transaction, written with COPY (the national project's
200,000 assets and 34,753 areas in seconds), while the project file is held in one write
transaction too: the data published and the local feed position recorded with it (in
am_remote, for sync) are the same snapshot, and the server commits before the file, so a
failure anywhere leaves neither side half-published. Publishing is refused when the schema
already holds a project (this one: "use sync"), and assets holding personal data stay on the
laptop unless asked for.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import math
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import shapely

from assetmap.core import changelog, copies, gpkg
from assetmap.core.attachments import sha256
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled, no_progress
from assetmap.core.project import Project
from assetmap.core.shared import remote, server_schema
from assetmap.core.shared.checks import check_can_publish
from assetmap.core.shared.connection import Target, connect, parse_target, redact, require_psycopg
from assetmap.core.shared.server_schema import ASSET_FIELDS, DEFAULT_SCHEMA
from assetmap.core.tables import ASSETS_TABLE, FOOTPRINTS_TABLE

CHUNK = 10_000  # rows read from the file, converted and sent between cancel checks


@dataclass(frozen=True)
class PublishResult:
    """What went to the server; ``target`` is the address without any password."""

    target: str
    schema: str
    project_id: str
    assets: int
    personal_left_out: int
    footprints: int
    categories: int
    area_sets: int
    areas: int
    attachments: int
    feed_id: int
    views: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class _Scope:
    """What is being published: the project, where to, which assets."""

    project: Project
    schema: str
    srid: int
    feed_id: int
    include_personal: bool

    @property
    def asset_filter(self) -> str:
        return "deleted = 0" + ("" if self.include_personal else " AND personal_data = 0")


def publish(
    project: Project,
    target: str | Target,
    *,
    schema: str = DEFAULT_SCHEMA,
    include_personal: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PublishResult:
    """Publish ``project`` into ``schema`` on the server at ``target``."""
    schema = server_schema.check_schema_name(schema)
    where = parse_target(target) if isinstance(target, str) else target
    report = progress or no_progress
    srid = _epsg_of(project)
    started = time.perf_counter()
    psycopg = require_psycopg()
    report(0.0, translated("Connecting to {address}").format(address=where.stored))
    with connect(where) as conn:
        try:
            with project.transaction() as local, conn.transaction():
                result = _publish_in(conn, local, project, where, schema, srid,
                                     include_personal, report, cancelled)  # fmt: skip
                _remember(local, where, schema, result.project_id, project)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise _no_rights(conn, schema, exc) from exc
        except psycopg.OperationalError as exc:
            lost = translated(
                "the connection to {address} was lost while publishing; nothing was changed: "
                "{error}"
            )
            raise BadInputError(
                lost.format(address=where.stored, error=redact(str(exc)).strip()),
                field="TARGET",
                hint=translated("publish again when the server can be reached"),
            ) from exc
        except psycopg.Error as exc:
            refused = translated("the server refused the publish; nothing was changed: {error}")
            raise BadInputError(
                refused.format(error=redact(str(exc))),
                field="TARGET",
            ) from exc
    report(1.0, translated("Published"))
    return _with_time(result, time.perf_counter() - started)


def _epsg_of(project: Project) -> int:
    code = project.crs.to_epsg()
    if code is None:
        message = translated("the project's CRS ({crs}) has no EPSG code, which PostGIS needs")
        raise BadInputError(message.format(crs=project.crs.name), file=project.path)
    return int(code)


def _publish_in(
    conn: Any,
    local: sqlite3.Connection,
    project: Project,
    where: Target,
    schema: str,
    srid: int,
    include_personal: bool,
    report: ProgressFn,
    cancelled: CancelledFn | None,
) -> PublishResult:
    who = copies.identity(project)
    check_can_publish(conn, schema, who.project_id, project.name)
    server_schema.migrate(conn, schema, srid)
    with conn.cursor() as cur:
        feed_id = _start_feed(cur, schema, project, who)
        _insert_project(cur, schema, project, who, srid, include_personal)
        scope = _Scope(project, schema, srid, feed_id, include_personal)
        counts = _copy_everything(cur, scope, report, cancelled)
        report(0.95, "Making a layer for each category")
        views = _make_views(cur, scope)
        _finish_feed(cur, schema, feed_id, counts)
    personal = _count(local, f"SELECT count(*) FROM {ASSETS_TABLE} WHERE deleted = 0 "
                      "AND personal_data = 1") if not include_personal else 0  # fmt: skip
    return PublishResult(
        target=where.stored, schema=schema, project_id=who.project_id,
        assets=counts["assets"], personal_left_out=personal, footprints=counts["footprints"],
        categories=counts["categories"], area_sets=counts["area_sets"], areas=counts["areas"],
        attachments=counts["attachments"], feed_id=feed_id, views=tuple(views), seconds=0.0,
    )  # fmt: skip


def _with_time(result: PublishResult, seconds: float) -> PublishResult:
    return dataclasses.replace(result, seconds=seconds)


def _remember(
    local: sqlite3.Connection, where: Target, schema: str, project_id: str, project: Project
) -> None:
    remote.remember(
        local,
        remote.Remote(
            target=where.stored,
            schema_name=schema,
            project_id=project_id,
            published_at=gpkg.utc_now(),
            last_pushed_seq=changelog.latest_seq(project),
        ),
    )


def _no_rights(conn: Any, schema: str, exc: Exception) -> BadInputError:
    from assetmap.core.shared.errors import NoRightsError

    role = conn.info.user
    message = translated("role '{role}' may not publish into schema '{schema}': {error}")
    return NoRightsError(
        message.format(role=role, schema=schema, error=redact(str(exc)).strip()),
        field="TARGET",
        hint=translated("it needs CREATE on the database (or on the schema); see docs/postgis.md"),
    )


def _count(conn: sqlite3.Connection, query: str) -> int:
    return int(conn.execute(query).fetchone()[0])


# ---- the project and feed rows -----------------------------------------------------------
def _sql() -> Any:
    return require_psycopg().sql


def _start_feed(cur: Any, schema: str, project: Project, who: copies.ProjectIdentity) -> int:
    sql = _sql()
    origin = changelog.Origin(kind="publish", by=project.author, file=project.path.name)
    cur.execute(
        sql.SQL(
            "INSERT INTO {}.am_feed (at, who, action, command, description, target, origin, "
            "project_id, copy_id, local_seq) VALUES (%s, %s, 'publish', 'publish', "
            "'Published the project', %s, %s, %s, %s, %s) RETURNING id"
        ).format(sql.Identifier(schema)),
        (gpkg.utc_now(), _drop_nul(project.author), f"project:{who.project_id}",
         _drop_nul(origin.to_json()),
         who.project_id, who.copy_id, changelog.latest_seq(project)),
    )  # fmt: skip
    return int(cur.fetchone()[0])


def _finish_feed(cur: Any, schema: str, feed_id: int, counts: dict[str, int]) -> None:
    sql = _sql()
    text = (
        f"Published the project: {counts['assets']} assets, {counts['areas']} areas in "
        f"{counts['area_sets']} area sets, {counts['attachments']} attachments"
    )
    cur.execute(
        sql.SQL("UPDATE {}.am_feed SET description = %s, after = %s WHERE id = %s").format(
            sql.Identifier(schema)
        ),
        (text, json.dumps(counts, sort_keys=True), feed_id),
    )


def _insert_project(
    cur: Any,
    schema: str,
    project: Project,
    who: copies.ProjectIdentity,
    srid: int,
    include_personal: bool,
) -> None:
    sql = _sql()
    cur.execute(
        sql.SQL(
            "INSERT INTO {}.am_project (project_id, name, crs, srid, schema_version, "
            "published_from_copy, published_local_seq, include_personal) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
        ).format(sql.Identifier(schema)),
        (who.project_id, _drop_nul(project.name), project.crs.to_string(), srid,
         server_schema.SERVER_VERSION, who.copy_id, changelog.latest_seq(project),
         int(include_personal)),
    )  # fmt: skip


# ---- the data, by COPY ---------------------------------------------------------------------
def _copy_everything(
    cur: Any, scope: _Scope, report: ProgressFn, cancelled: CancelledFn | None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    report(0.05, translated("Publishing categories"))
    counts["categories"] = _copy_categories(cur, scope)
    ticker = _Ticker(report, cancelled, _rows_to_send(scope))
    counts["assets"] = _copy_assets(cur, scope, ticker)
    counts["footprints"] = _copy_footprints(cur, scope, ticker)
    counts["area_sets"], counts["areas"] = _copy_area_sets(cur, scope, ticker)
    counts["attachments"] = _copy_attachments(cur, scope, ticker)
    return counts


class _Ticker:
    """Progress by rows sent, over everything a publish sends, and the cancel check between
    chunks of rows: one bar that moves through the assets, the areas and the photos."""

    def __init__(self, report: ProgressFn, cancelled: CancelledFn | None, total: int) -> None:
        self.report, self.cancelled, self.total, self.sent = report, cancelled, total, 0

    def advance(self, rows: int, message: str) -> None:
        self.sent += rows
        share = min(self.sent / self.total, 1.0) if self.total else 1.0
        self.report(0.05 + 0.9 * share, message)
        check_cancelled(self.cancelled)


def _rows_to_send(scope: _Scope) -> int:
    conn = scope.project.conn
    tables = [str(t) for (t,) in conn.execute("SELECT table_name FROM am_area_sets")]
    queries = [
        f"SELECT count(*) FROM {ASSETS_TABLE} WHERE {scope.asset_filter}",
        f"SELECT count(*) FROM {FOOTPRINTS_TABLE}",
        "SELECT count(*) FROM am_attachments WHERE deleted = 0",
        *(f'SELECT count(*) FROM "{t}"' for t in tables),
    ]
    return sum(_count(conn, q) for q in queries)


def _copy_rows(
    cur: Any,
    scope: _Scope,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    ticker: _Ticker | None,
    message: str = "",
) -> int:
    sql = _sql()
    statement = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
        sql.Identifier(scope.schema),
        sql.Identifier(table),
        sql.SQL(", ").join(sql.Identifier(c) for c in columns),
    )
    written = 0
    with _indexes_built_after(cur, scope.schema, table), cur.copy(statement) as copy:
        for row in _without_nul(rows):
            copy.write_row(row)
            written += 1
            if ticker is not None and written % CHUNK == 0:
                ticker.advance(CHUNK, message)
    if ticker is not None:
        ticker.advance(written % CHUNK, message)
    return written


def _without_nul(rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """Text without NUL characters, which PostgreSQL's text cannot hold and another program
    may have stored in the file: checked a chunk at a time, cleaned only where found."""
    pending = iter(rows)
    while chunk := list(itertools.islice(pending, CHUNK)):
        text = "".join(v for row in chunk for v in row if v.__class__ is str)
        if "\x00" in text:
            chunk = [tuple(_drop_nul(v) for v in row) for row in chunk]
        yield from chunk


def _drop_nul(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) else value


@contextlib.contextmanager
def _indexes_built_after(cur: Any, schema: str, table: str) -> Iterator[None]:
    """Drop the table's secondary indexes for the load and build them again after it: one
    GIST build over 200,000 points is several times faster than 200,000 insertions. The
    definitions come from the server, so the migrations stay the one place they are made."""
    cur.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i "
        "JOIN pg_class c ON c.relname = i.indexname "
        "JOIN pg_index x ON x.indexrelid = c.oid AND NOT x.indisprimary AND NOT x.indisunique "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname "
        "WHERE i.schemaname = %s AND i.tablename = %s",
        (schema, table),
    )
    indexes = cur.fetchall()
    sql = _sql()
    for name, _ in indexes:
        cur.execute(
            sql.SQL("DROP INDEX {}.{}").format(sql.Identifier(schema), sql.Identifier(name))
        )
    yield
    for _, definition in indexes:
        cur.execute(definition)


def _copy_categories(cur: Any, scope: _Scope) -> int:
    category_columns = ("key", "label", "group_name", "colour", "symbol", "personal_data",
                        "sort_order", "description", "synonyms")  # fmt: skip
    conn = scope.project.conn
    rows = conn.execute(f"SELECT {', '.join(category_columns)} FROM am_categories").fetchall()
    n = _copy_rows(cur, scope, "am_categories", (*category_columns, "feed_id"),
                   ((*r, scope.feed_id) for r in rows), None)  # fmt: skip
    field_columns = ("name", "label", "type", "source")
    fields = conn.execute(f"SELECT {', '.join(field_columns)} FROM am_field_defs").fetchall()
    _copy_rows(cur, scope, "am_field_defs", (*field_columns, "feed_id"),
               ((*r, scope.feed_id) for r in fields), None)  # fmt: skip
    return n


def _ewkb_hex(blobs: Sequence[bytes | None], srid: int) -> list[str | None]:
    """GeoPackage blobs as PostGIS reads them in COPY: hex EWKB carrying the SRID."""
    geoms = shapely.set_srid(gpkg.decode(blobs), srid)
    return list(shapely.to_wkb(geoms, hex=True, include_srid=True))


def _chunks_with_geometry(
    cursor: sqlite3.Cursor, srid: int, feed_id: int
) -> Iterator[tuple[Any, ...]]:
    """Rows whose last column is a GeoPackage blob, with the blob as hex EWKB and the
    feed id after it."""
    while chunk := cursor.fetchmany(CHUNK):
        geoms = _ewkb_hex([row[-1] for row in chunk], srid)
        for row, geom in zip(chunk, geoms, strict=True):
            yield (*row[:-1], geom, feed_id)


def _copy_assets(cur: Any, scope: _Scope, ticker: _Ticker) -> int:
    cursor = scope.project.conn.execute(
        f"SELECT {', '.join(ASSET_FIELDS)}, geom FROM {ASSETS_TABLE} "
        f"WHERE {scope.asset_filter} ORDER BY fid"
    )
    rows = _chunks_with_geometry(cursor, scope.srid, scope.feed_id)
    columns = (*ASSET_FIELDS, "geom", "feed_id")
    return _copy_rows(cur, scope, "assets", columns, rows, ticker, translated("Publishing assets"))


def _copy_footprints(cur: Any, scope: _Scope, ticker: _Ticker) -> int:
    cursor = scope.project.conn.execute(
        f"SELECT asset_uuid, geom FROM {FOOTPRINTS_TABLE} WHERE asset_uuid IN "
        f"(SELECT uuid FROM {ASSETS_TABLE} WHERE {scope.asset_filter})"
    )
    rows = _chunks_with_geometry(cursor, scope.srid, scope.feed_id)
    return _copy_rows(cur, scope, "asset_footprints", ("asset_uuid", "geom", "feed_id"), rows,
                      ticker, translated("Publishing site outlines"))  # fmt: skip


def _copy_area_sets(cur: Any, scope: _Scope, ticker: _Ticker) -> tuple[int, int]:
    conn = scope.project.conn
    set_columns = ("name", "table_name", "source", "code_field", "name_field", "created_at")
    sets = conn.execute(f"SELECT {', '.join(set_columns)} FROM am_area_sets").fetchall()
    _copy_rows(cur, scope, "am_area_sets", (*set_columns, "feed_id"),
               ((*s, scope.feed_id) for s in sets), None)  # fmt: skip
    indicator_columns = ("area_set", "column_name", "label", "numeric", "source")
    indicators = conn.execute(f"SELECT {', '.join(indicator_columns)} FROM am_indicators")
    _copy_rows(cur, scope, "am_indicators", indicator_columns, indicators.fetchall(), None)
    areas = sum(_copy_areas(cur, scope, str(s[0]), str(s[1]), ticker) for s in sets)
    return len(sets), areas


def _indicator_columns(conn: sqlite3.Connection, area_set: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM am_indicators WHERE area_set = ? ORDER BY rowid", (area_set,)
    )
    return [str(r[0]) for r in rows]


def _copy_areas(cur: Any, scope: _Scope, area_set: str, table: str, ticker: _Ticker) -> int:
    conn = scope.project.conn
    columns = _indicator_columns(conn, area_set)
    listed = "".join(f', "{c}"' for c in columns)
    cursor = conn.execute(f'SELECT code, name{listed}, geom FROM "{table}" ORDER BY fid')

    def rows() -> Iterator[tuple[Any, ...]]:
        for row in _chunks_with_geometry(cursor, scope.srid, scope.feed_id):
            values = dict(zip(columns, row[2:-2], strict=True))
            yield (area_set, row[0], row[1], _json_values(values), row[-2], scope.feed_id)

    message = translated("Publishing areas: {name}").format(name=area_set)
    return _copy_rows(cur, scope, "areas",
                      ("area_set", "code", "name", "indicators", "geom", "feed_id"),
                      rows(), ticker, message)  # fmt: skip


def _json_values(values: dict[str, Any]) -> str:
    """Indicator values as JSON; a missing number (NaN) is null, which JSON can hold."""
    clean = {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in values.items()}
    return json.dumps(clean, ensure_ascii=False)


def _copy_attachments(cur: Any, scope: _Scope, ticker: _Ticker) -> int:
    cursor = scope.project.conn.execute(
        "SELECT asset_uuid, file_name, mime_type, data, created_at, deleted FROM am_attachments "
        f"WHERE deleted = 0 AND asset_uuid IN (SELECT uuid FROM {ASSETS_TABLE} "
        f"WHERE {scope.asset_filter}) ORDER BY id"
    )
    rows = (
        (uuid, name, mime, sha256(bytes(data)), bytes(data), created, deleted, scope.feed_id)
        for uuid, name, mime, data, created, deleted in cursor
    )
    columns = ("asset_uuid", "file_name", "mime_type", "sha256", "data", "created_at",
               "deleted", "feed_id")  # fmt: skip
    return _copy_rows(
        cur,
        scope,
        "am_attachments",
        columns,
        rows,
        ticker,
        translated("Publishing photos and attachments"),
    )


def _make_views(cur: Any, scope: _Scope) -> list[str]:
    conn = scope.project.conn
    keys = [str(r[0]) for r in conn.execute("SELECT key FROM am_categories ORDER BY sort_order")]
    views = server_schema.create_category_views(cur, scope.schema, keys)
    for name, table in conn.execute("SELECT name, table_name FROM am_area_sets").fetchall():
        indicators = conn.execute(
            "SELECT column_name, numeric FROM am_indicators WHERE area_set = ? ORDER BY rowid",
            (name,),
        ).fetchall()
        views.append(server_schema.create_area_set_view(
            cur, scope.schema, str(name), str(table), [(str(c), bool(n)) for c, n in indicators]
        ))  # fmt: skip
    return views


def report_text(result: PublishResult) -> str:
    """What was published, and how to open it in QGIS (the CLI prints it, the dialog
    shows it)."""
    r = result
    lines = [
        translated("Published to {target}, schema {schema} in {seconds:.1f} s:").format(
            target=r.target, schema=r.schema, seconds=r.seconds
        ),
        translated(
            "  {assets} assets ({footprints} with a site outline), {categories} categories"
        ).format(assets=r.assets, footprints=r.footprints, categories=r.categories),
        translated(
            "  {area_sets} area sets with {areas} areas, {attachments} photos and attachments"
        ).format(area_sets=r.area_sets, areas=r.areas, attachments=r.attachments),
    ]
    if r.personal_left_out:
        left_out = translated(
            "  left out: {n} assets holding personal data (--include-personal-data publishes them)"
        )
        lines.append(left_out.format(n=r.personal_left_out))
    lines += [
        translated(
            "Open it in QGIS: Layer > Add Layer > Add PostGIS Layers, connect to the same "
            "database, and add the layers of schema '{schema}' (assets, areas, or one layer "
            "per category: assets_<category>)."
        ).format(schema=r.schema),
        translated("Keep this laptop and the server in step with: assetmap sync PROJECT"),
    ]
    return "\n".join(lines)
