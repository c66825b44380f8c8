"""The offline basemap inside the project: seven GeoPackage feature tables and a record.

The tables are written like the area layers (plain SQLite, registered in gpkg_contents and
gpkg_geometry_columns so QGIS and GDAL list them), in the project CRS. They exist only while
the project has a basemap; an import creates all seven (``basemap_buildings`` is empty when
buildings were not asked for) and a re-import replaces them in one transaction.

| table | geometry | columns |
|---|---|---|
| basemap_roads | MULTILINESTRING | class, name, ref, osm_id |
| basemap_railways | MULTILINESTRING | class, name, osm_id |
| basemap_waterways | MULTILINESTRING | class, name, osm_id |
| basemap_water | MULTIPOLYGON | class, name, osm_id |
| basemap_green | MULTIPOLYGON | class, name, osm_id |
| basemap_buildings | MULTIPOLYGON | class ('building'), name, osm_id |
| basemap_places | POINT | class, name, population (INTEGER or NULL), osm_id |

``CLASSES`` lists the values of ``class`` per table. ``am_basemap`` (schema migration 5) keeps
one row per import (the current one has ``replaced_at`` NULL) with the source file, the
extract's date, the bounds, the counts per layer and the attribution; ``am_basemap_streets``
is the Find box's street index, built at import. Views learn of a new or undone basemap from
``project.events.settings_changed`` with ``key="basemap"``.

Read API (Qt-free): ``has_basemap``, ``info``, ``layers``, ``layer``, ``attribution``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

from assetmap.core import gpkg
from assetmap.core.basemap import classify
from assetmap.core.project import Project

if TYPE_CHECKING:
    import geopandas as gpd

ATTRIBUTION = "© OpenStreetMap contributors"
LICENCE = "Open Database Licence (ODbL) 1.0"
# The line recorded in am_sources, so `assetmap info`, About and every export list it.
SOURCE_ATTRIBUTION = f"Basemap and OpenStreetMap data {ATTRIBUTION}, {LICENCE}"
SOURCE_KIND = "basemap"
STREETS_TABLE = "am_basemap_streets"
RECORD_TABLE = "am_basemap"
EVENT_KEY = "basemap"


@dataclass(frozen=True)
class LayerSpec:
    table: str
    geometry_type: str  # as registered in gpkg_geometry_columns
    columns: tuple[tuple[str, str], ...]  # (name, SQL type) after fid and geom
    title: str


_COMMON_TAIL = (("osm_id", "TEXT"),)
LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec(
        "basemap_roads",
        "MULTILINESTRING",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), ("ref", "TEXT"), *_COMMON_TAIL),
        "Basemap: roads and paths",
    ),
    LayerSpec(
        "basemap_railways",
        "MULTILINESTRING",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), *_COMMON_TAIL),
        "Basemap: railways and tramways",
    ),
    LayerSpec(
        "basemap_waterways",
        "MULTILINESTRING",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), *_COMMON_TAIL),
        "Basemap: rivers, streams, canals and drains",
    ),
    LayerSpec(
        "basemap_water",
        "MULTIPOLYGON",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), *_COMMON_TAIL),
        "Basemap: lakes, reservoirs, rivers and wetland",
    ),
    LayerSpec(
        "basemap_green",
        "MULTIPOLYGON",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), *_COMMON_TAIL),
        "Basemap: parks, woods, grass, cemeteries and farmland",
    ),
    LayerSpec(
        "basemap_buildings",
        "MULTIPOLYGON",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), *_COMMON_TAIL),
        "Basemap: buildings",
    ),
    LayerSpec(
        "basemap_places",
        "POINT",
        (("class", "TEXT NOT NULL"), ("name", "TEXT"), ("population", "INTEGER"), *_COMMON_TAIL),
        "Basemap: place names",
    ),
)
LAYER_BY_TABLE = {spec.table: spec for spec in LAYERS}
TABLES = tuple(spec.table for spec in LAYERS)
# Bottom to top, the order a map draws them in.
DRAW_ORDER = (
    "basemap_green",
    "basemap_water",
    "basemap_waterways",
    "basemap_buildings",
    "basemap_railways",
    "basemap_roads",
    "basemap_places",
)
CLASSES: dict[str, tuple[str, ...]] = {
    "basemap_roads": (
        "motorway",
        "trunk",
        "primary",
        "secondary",
        "tertiary",
        "minor",
        "path",
    ),
    "basemap_railways": tuple(dict.fromkeys(classify.RAILWAY_CLASSES.values())),
    "basemap_waterways": tuple(dict.fromkeys(classify.WATERWAY_CLASSES.values())),
    "basemap_water": classify.WATER_CLASSES,
    "basemap_green": classify.GREEN_CLASSES,
    "basemap_buildings": ("building",),
    "basemap_places": classify.PLACE_ORDER,
}


@dataclass(frozen=True)
class BasemapInfo:
    id: int
    source_file: str
    source_size: int | None
    extract_date: str | None
    imported_at: str
    bounds: tuple[float, float, float, float] | None  # project CRS; None = the whole file
    bounds_lonlat: tuple[float, float, float, float] | None
    margin_m: float | None
    buildings: bool
    layers: dict[str, int]  # table -> features
    attribution: str
    licence: str
    streets: int = 0

    @property
    def features(self) -> int:
        return sum(self.layers.values())


# ---- reading -------------------------------------------------------------------------------
def has_basemap(project: Project) -> bool:
    return current_id(project) is not None


def current_id(project: Project) -> int | None:
    row = project.conn.execute(
        f"SELECT id FROM {RECORD_TABLE} WHERE replaced_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return int(row[0]) if row else None


def info(project: Project) -> BasemapInfo | None:
    """The current basemap's record, or None when the project has none."""
    row = project.conn.execute(
        "SELECT id, source_file, source_size, extract_date, imported_at, bounds, bounds_lonlat, "
        "margin_m, buildings, layers, attribution, licence, streets "
        f"FROM {RECORD_TABLE} WHERE replaced_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    bounds = json.loads(row[5]) if row[5] else None
    lonlat = json.loads(row[6]) if row[6] else None
    return BasemapInfo(
        id=int(row[0]),
        source_file=row[1],
        source_size=row[2],
        extract_date=row[3],
        imported_at=row[4],
        bounds=tuple(bounds) if bounds else None,
        bounds_lonlat=tuple(lonlat) if lonlat else None,
        margin_m=row[7],
        buildings=bool(row[8]),
        layers={str(k): int(v) for k, v in json.loads(row[9]).items()},
        attribution=row[10],
        licence=row[11],
        streets=int(row[12] or 0),
    )


def attribution(project: Project) -> str | None:
    """What the canvas prints over a drawn basemap ("© OpenStreetMap contributors")."""
    current = info(project)
    return current.attribution if current else None


def layer(
    project: Project,
    table: str,
    bounds: Sequence[float] | None = None,
) -> gpd.GeoDataFrame:
    """One basemap layer in the project CRS (empty when there is no basemap).

    ``bounds`` (minx, miny, maxx, maxy, project CRS) keeps only features whose envelope meets
    the box; the whole layer is cached until the next committed change.
    """
    import geopandas as gpd

    if table not in LAYER_BY_TABLE:
        raise KeyError(f"{table} is not a basemap layer (layers: {', '.join(TABLES)})")

    def build() -> gpd.GeoDataFrame:
        spec = LAYER_BY_TABLE[table]
        names = [c for c, _ in spec.columns]
        if not has_basemap(project) or not _table_exists(project.conn, table):
            frame = pd.DataFrame({c: pd.Series(dtype=object) for c in ["fid", *names]})
            return gpd.GeoDataFrame(frame, geometry=np.array([], dtype=object), crs=project.crs)
        quoted = ", ".join(f'"{c}"' for c in names)
        cursor = project.conn.execute(f'SELECT fid, {quoted}, geom FROM "{table}" ORDER BY fid')
        data = pd.DataFrame.from_records(cursor.fetchall(), columns=["fid", *names, "geom"])
        geometry = gpkg.decode(data.pop("geom").tolist()) if len(data) else np.array([], object)
        return gpd.GeoDataFrame(data, geometry=np.asarray(geometry, dtype=object), crs=project.crs)

    frame = project.cached(f"basemap:{table}", build)
    if bounds is not None and len(frame):
        minx, miny, maxx, maxy = (float(b) for b in bounds)
        box = frame.geometry.bounds.to_numpy()
        near = (box[:, 0] <= maxx) & (box[:, 2] >= minx) & (box[:, 1] <= maxy) & (box[:, 3] >= miny)
        return frame[near].copy()
    return frame.copy()


def layers(project: Project, bounds: Sequence[float] | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Every basemap layer, keyed by table name, in DRAW_ORDER (empty dict: no basemap)."""
    if not has_basemap(project):
        return {}
    return {table: layer(project, table, bounds) for table in DRAW_ORDER}


def _table_exists(conn: sqlite3.Connection, table: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        is not None
    )


# ---- writing (inside a project transaction) ---------------------------------------------
def create_tables(conn: sqlite3.Connection, srs_id: int) -> None:
    for spec in LAYERS:
        _add_feature_table(conn, spec, srs_id)


def _add_feature_table(conn: sqlite3.Connection, spec: LayerSpec, srs_id: int) -> None:
    """As gpkg.add_feature_table, which does not offer line types: same three statements."""
    columns = ", ".join(f'"{name}" {kind}' for name, kind in spec.columns)
    conn.execute(
        f'CREATE TABLE "{spec.table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
        f"geom {spec.geometry_type}, {columns})"
    )
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
        "last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)",
        (
            spec.table,
            spec.title,
            f"{spec.title} from OpenStreetMap ({ATTRIBUTION}, {LICENCE})",
            gpkg.utc_now(),
            srs_id,
        ),
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
        (spec.table, spec.geometry_type, srs_id),
    )


def drop_tables(conn: sqlite3.Connection) -> None:
    for table in TABLES:
        gpkg.drop_feature_table(conn, table)
    conn.execute(f"DELETE FROM {STREETS_TABLE}")


def write_layer(
    conn: sqlite3.Connection, table: str, frame: pd.DataFrame, geometries: np.ndarray, srs_id: int
) -> None:
    spec = LAYER_BY_TABLE[table]
    names = [c for c, _ in spec.columns]
    values = frame.reindex(columns=names).astype(object)
    values = values.where(values.notna(), None)
    blobs = gpkg.encode(geometries, srs_id)
    quoted = ", ".join(f'"{c}"' for c in [*names, "geom"])
    marks = ", ".join("?" for _ in range(len(names) + 1))
    rows = zip(*(values[c].tolist() for c in names), blobs, strict=True)
    conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
    gpkg.expand_extent(conn, table, geometries)


def write_streets(conn: sqlite3.Connection, streets: pd.DataFrame) -> None:
    columns = ["name", "place", "class", "segments", "x", "y", "minx", "miny", "maxx", "maxy"]
    values = streets.reindex(columns=columns).astype(object)
    values = values.where(values.notna(), None)
    conn.executemany(
        f"INSERT INTO {STREETS_TABLE} ({', '.join(columns)}) VALUES ({', '.join('?' * 10)})",
        values.itertuples(index=False, name=None),
    )


def insert_record(conn: sqlite3.Connection, record: dict[str, Any]) -> int:
    cursor = conn.execute(
        f"INSERT INTO {RECORD_TABLE} (source_file, source_size, extract_date, imported_at, "
        "bounds, bounds_lonlat, margin_m, buildings, layers, streets, attribution, licence, "
        "source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record["source_file"],
            record.get("source_size"),
            record.get("extract_date"),
            record["imported_at"],
            json.dumps(record["bounds"]) if record.get("bounds") else None,
            json.dumps(record["bounds_lonlat"]) if record.get("bounds_lonlat") else None,
            record.get("margin_m"),
            int(bool(record.get("buildings"))),
            json.dumps(record["layers"]),
            int(record.get("streets", 0)),
            ATTRIBUTION,
            LICENCE,
            record.get("source_id"),
        ),
    )
    return int(cursor.lastrowid or 0)


# ---- what undo needs: the basemap as it was ------------------------------------------------
@dataclass
class _TableCopy:
    table: str
    create_sql: str
    contents: tuple[Any, ...]
    geometry_columns: tuple[Any, ...]
    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass
class Snapshot:
    """The whole current basemap, held in memory by an import command so undo can put it back."""

    record_id: int | None = None
    source_row: tuple[Any, ...] | None = None
    tables: list[_TableCopy] = field(default_factory=list)
    streets: list[tuple[Any, ...]] = field(default_factory=list)


def snapshot(project: Project) -> Snapshot:
    conn = project.conn
    record_id = current_id(project)
    if record_id is None:
        return Snapshot()
    source_id = conn.execute(
        f"SELECT source_id FROM {RECORD_TABLE} WHERE id = ?", (record_id,)
    ).fetchone()[0]
    source_row = None
    if source_id is not None:
        source_row = conn.execute("SELECT * FROM am_sources WHERE id = ?", (source_id,)).fetchone()
    copies = []
    for table in TABLES:
        if not _table_exists(conn, table):
            continue
        create_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]
        contents = conn.execute(
            "SELECT * FROM gpkg_contents WHERE table_name = ?", (table,)
        ).fetchone()
        geometry_columns = conn.execute(
            "SELECT * FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        copies.append(
            _TableCopy(table, create_sql, contents, geometry_columns, columns, cursor.fetchall())
        )
    streets = conn.execute(f"SELECT * FROM {STREETS_TABLE}").fetchall()
    return Snapshot(record_id, source_row, copies, streets)


def restore(project: Project, saved: Snapshot) -> None:
    """Put back a snapshot's basemap (the current one must have been removed first)."""
    conn = project.conn
    for copy in saved.tables:
        conn.execute(copy.create_sql)
        conn.execute(
            f"INSERT INTO gpkg_contents VALUES ({', '.join('?' * len(copy.contents))})",
            copy.contents,
        )
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES "
            f"({', '.join('?' * len(copy.geometry_columns))})",
            copy.geometry_columns,
        )
        quoted = ", ".join(f'"{c}"' for c in copy.columns)
        marks = ", ".join("?" for _ in copy.columns)
        conn.executemany(f'INSERT INTO "{copy.table}" ({quoted}) VALUES ({marks})', copy.rows)
    if saved.streets:
        marks = ", ".join("?" for _ in saved.streets[0])
        conn.executemany(f"INSERT INTO {STREETS_TABLE} VALUES ({marks})", saved.streets)
    if saved.source_row is not None:
        marks = ", ".join("?" for _ in saved.source_row)
        conn.execute(f"INSERT INTO am_sources VALUES ({marks})", saved.source_row)
    if saved.record_id is not None:
        conn.execute(
            f"UPDATE {RECORD_TABLE} SET replaced_at = NULL WHERE id = ?", (saved.record_id,)
        )


def retire_current(project: Project, when: str) -> None:
    """Remove the current basemap: its tables, street index and source row; mark it replaced."""
    conn = project.conn
    record_id = current_id(project)
    drop_tables(conn)
    if record_id is None:
        return
    source_id = conn.execute(
        f"SELECT source_id FROM {RECORD_TABLE} WHERE id = ?", (record_id,)
    ).fetchone()[0]
    if source_id is not None:
        conn.execute("DELETE FROM am_sources WHERE id = ?", (source_id,))
    conn.execute(f"UPDATE {RECORD_TABLE} SET replaced_at = ? WHERE id = ?", (when, record_id))


def forget_record(conn: sqlite3.Connection, record_id: int) -> None:
    conn.execute(f"DELETE FROM {RECORD_TABLE} WHERE id = ?", (record_id,))


def counts(conn: sqlite3.Connection, tables: Iterable[str] = TABLES) -> dict[str, int]:
    return {
        t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
        for t in tables
        if _table_exists(conn, t)
    }


def multilines(geometries: np.ndarray) -> np.ndarray:
    """Line layers are registered as MULTILINESTRING: single lines become one-part multis."""
    out = np.asarray(geometries, dtype=object).copy()
    single = np.flatnonzero(shapely.get_type_id(out) == 1)
    if len(single):
        out[single] = shapely.multilinestrings(out[single], indices=np.arange(len(single)))
    return out
