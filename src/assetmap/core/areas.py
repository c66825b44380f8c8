"""Area sets (LSOAs, wards, ...): one GeoPackage polygon layer per set.

Each layer has ``code`` and ``name`` columns, the source file's other
attributes, and indicator columns joined later; am_area_sets and
am_indicators describe them for the app.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import shapely

if TYPE_CHECKING:  # geopandas costs ~0.1 s to import; only frames need it
    import geopandas as gpd

from assetmap.core import gpkg
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io.fields import shown_label
from assetmap.core.project import Project

RESERVED_COLUMNS = frozenset({"fid", "geom", "code", "name"})


@dataclass(frozen=True)
class AreaSetInfo:
    name: str
    table: str
    source: str | None
    code_field: str | None
    name_field: str | None
    created_at: str


@dataclass(frozen=True)
class Indicator:
    column: str
    label: str
    numeric: bool
    source: str | None


def list_sets(project: Project) -> list[AreaSetInfo]:
    rows = project.conn.execute(
        "SELECT name, table_name, source, code_field, name_field, created_at "
        "FROM am_area_sets ORDER BY created_at, name"
    ).fetchall()
    return [AreaSetInfo(*r) for r in rows]


def get_set(project: Project, name: str) -> AreaSetInfo:
    for info in list_sets(project):
        if info.name == name:
            return info
    names = ", ".join(repr(i.name) for i in list_sets(project)) or translated("none yet")
    message = translated("the project has no area set named '{name}' (area sets: {names})")
    raise BadInputError(message.format(name=name, names=names), field="--set")


def frame(project: Project, name: str) -> gpd.GeoDataFrame:
    """An area set as a GeoDataFrame in the project CRS, cached until the next change."""

    def build() -> gpd.GeoDataFrame:
        info = get_set(project, name)
        cursor = project.conn.execute(f'SELECT * FROM "{info.table}" ORDER BY fid')
        columns = [d[0] for d in cursor.description]
        data = pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
        geometry = gpkg.decode(data.pop("geom").tolist()) if len(data) else np.array([], object)
        import geopandas as gpd

        return gpd.GeoDataFrame(data, geometry=np.asarray(geometry, dtype=object), crs=project.crs)

    return project.cached(f"areas:{name}", build).copy()


def count(project: Project, name: str) -> int:
    info = get_set(project, name)
    return int(project.conn.execute(f'SELECT count(*) FROM "{info.table}"').fetchone()[0])


def indicators(project: Project, name: str) -> list[Indicator]:
    rows = project.conn.execute(
        "SELECT column_name, label, numeric, source FROM am_indicators WHERE area_set = ? "
        "ORDER BY rowid",
        (name,),
    ).fetchall()
    # An import that kept the raw column as the label ("imd_score") is shown readably
    # ("IMD score"), as extra fields are; a label the user gave is kept as written.
    return [Indicator(r[0], shown_label(r[0], r[1]), bool(r[2]), r[3]) for r in rows]


def table_columns(project: Project, table: str) -> list[str]:
    return [r[1] for r in project.conn.execute(f'PRAGMA table_info("{table}")')]


def column_name(label: str, taken: set[str]) -> str:
    """A safe, readable SQL column name for a source field, unique in ``taken``."""
    base = re.sub(r"[^0-9a-z]+", "_", str(label).strip().lower()).strip("_") or "field"
    if base[0].isdigit():
        base = f"f_{base}"
    if base in RESERVED_COLUMNS:
        base = f"{base}_src"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def sql_type(values: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_integer_dtype(values):
        return "INTEGER"
    if pd.api.types.is_float_dtype(values):
        return "REAL"
    return "TEXT"


def unique_table_name(project: Project, name: str) -> str:
    base = "areas_" + (re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_") or "set")
    existing = {
        r[0] for r in project.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    candidate, n = base, 2
    while candidate in existing:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


# ---- writing (inside a project transaction) ------------------------------------------
def create(
    project: Project,
    info: AreaSetInfo,
    codes: Sequence[str],
    names: Sequence[str | None],
    extra: pd.DataFrame,
    polygons: np.ndarray,
) -> None:
    """Create the layer for a new set; ``extra`` columns are already SQL-safe names."""
    project.invalidate()
    extra_sql = "".join(f', "{c}" {sql_type(extra[c])}' for c in extra.columns)
    gpkg.add_feature_table(
        project.conn,
        info.table,
        "MULTIPOLYGON",
        project.srs_id,
        f"code TEXT NOT NULL, name TEXT{extra_sql}",
        identifier=info.name,
        description=f"Area set '{info.name}' imported from {info.source}",
    )
    project.conn.execute(f'CREATE UNIQUE INDEX "{info.table}_code" ON "{info.table}"(code)')
    project.conn.execute(
        "INSERT INTO am_area_sets VALUES (?, ?, ?, ?, ?, ?)",
        (info.name, info.table, info.source, info.code_field, info.name_field, info.created_at),
    )
    blobs = gpkg.encode(polygons, project.srs_id)
    extra_values = extra.astype(object).where(extra.notna(), None)
    columns = ["code", "name", *extra.columns, "geom"]
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    rows = zip(
        codes, names, *(extra_values[c].tolist() for c in extra.columns), blobs, strict=False
    )
    project.conn.executemany(f'INSERT INTO "{info.table}" ({quoted}) VALUES ({marks})', rows)
    gpkg.expand_extent(project.conn, info.table, polygons)


def drop(project: Project, name: str) -> None:
    info = get_set(project, name)
    project.invalidate()
    gpkg.drop_feature_table(project.conn, info.table)
    project.conn.execute("DELETE FROM am_area_sets WHERE name = ?", (name,))
    project.conn.execute("DELETE FROM am_indicators WHERE area_set = ?", (name,))


def add_indicator_columns(
    project: Project,
    name: str,
    values: pd.DataFrame,
    labels: dict[str, str],
    numeric: dict[str, bool],
    source: str,
) -> None:
    """Add columns to an area set; ``values`` is indexed by area code."""
    info = get_set(project, name)
    project.invalidate()
    for column in values.columns:
        kind = "REAL" if numeric[column] else "TEXT"
        project.conn.execute(f'ALTER TABLE "{info.table}" ADD COLUMN "{column}" {kind}')
        project.conn.execute(
            "INSERT INTO am_indicators VALUES (?, ?, ?, ?, ?)",
            (name, column, labels[column], int(numeric[column]), source),
        )
    assignments = ", ".join(f'"{c}" = ?' for c in values.columns)
    cleaned = values.astype(object).where(values.notna(), None)
    rows = (
        (*row, code)
        for code, row in zip(
            cleaned.index, cleaned.itertuples(index=False, name=None), strict=False
        )
    )
    project.conn.executemany(f'UPDATE "{info.table}" SET {assignments} WHERE code = ?', rows)
    gpkg.touch(project.conn, info.table)


def drop_indicator_columns(project: Project, name: str, columns: Sequence[str]) -> None:
    info = get_set(project, name)
    project.invalidate()
    for column in columns:
        project.conn.execute(f'ALTER TABLE "{info.table}" DROP COLUMN "{column}"')
        project.conn.execute(
            "DELETE FROM am_indicators WHERE area_set = ? AND column_name = ?", (name, column)
        )
    gpkg.touch(project.conn, info.table)


def all_polygons(project: Project) -> np.ndarray:
    """Every area polygon of every set (for the out-of-area check), geometry only."""

    def build() -> np.ndarray:
        parts = []
        for info in list_sets(project):
            blobs = [r[0] for r in project.conn.execute(f'SELECT geom FROM "{info.table}"')]
            parts.append(np.asarray(gpkg.decode(blobs), dtype=object))
        polygons = np.concatenate(parts) if parts else np.array([], dtype=object)
        present: np.ndarray = polygons[~shapely.is_missing(polygons)]
        return present

    return project.cached("areas:all_polygons", build)


def outside_all(project: Project, points: np.ndarray) -> np.ndarray:
    """True for each point that lies in no area of any set (None points count as inside)."""
    return points_outside(area_tree(project), points)


def area_tree(project: Project) -> shapely.STRtree:
    """A spatial index over every area polygon, cached until the next change."""
    return project.cached("areas:strtree", lambda: shapely.STRtree(all_polygons(project)))


def points_outside(tree: shapely.STRtree, points: np.ndarray) -> np.ndarray:
    """Pure and GIL-free in its heavy part, so importers can run it beside other work."""
    points = np.asarray(points, dtype=object)
    result = np.zeros(len(points), dtype=bool)
    if len(tree.geometries) == 0:
        return result
    present = np.flatnonzero(~shapely.is_missing(points))
    if not len(present):
        return result
    hits = tree.query(points[present], predicate="intersects")
    inside = np.zeros(len(present), dtype=bool)
    inside[hits[0]] = True
    result[present] = ~inside
    return result
