"""Reading and writing asset rows. Only commands and importers call the writers.

Assets live in the GeoPackage layer ``assets`` (points in the project CRS);
polygon sites keep their outline in ``asset_footprints``. Deleted assets stay
as tombstones (deleted = 1) so undo and merging can find them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

if TYPE_CHECKING:  # geopandas costs ~0.1 s to import; only frames need it
    import geopandas as gpd

from assetmap.core import gpkg
from assetmap.core.geometry import polygonal_multipolygons
from assetmap.core.i18n import translated
from assetmap.core.model import (
    Asset,
    audience_to_text,
    custom_from_text,
    custom_to_text,
    split_audience,
)
from assetmap.core.project import Project
from assetmap.core.review_due import LAST_CHECKED_SQL
from assetmap.core.schema import ASSETS_TABLE, FOOTPRINTS_TABLE

# Columns of the assets table in insert order (fid and geom are handled apart).
COLUMNS = (
    "uuid",
    "name",
    "category",
    "description",
    "address",
    "postcode",
    "contact",
    "phone",
    "website",
    "opening_hours",
    "audience",
    "status",
    "verified_date",
    "source",
    "personal_data",
    "custom",
    "created_at",
    "updated_at",
    "deleted",
    "import_batch",
    "out_of_area",
    "review",
    "origin_kind",
    "origin_ref",
    "origin_row",
    "origin_key",
    "reviewed_by",
    "reviewed_at",
    "pin_kind",
    "workshop_id",
    "contributor",
)
# Written by the commands that own them (imports, review, workshops), never by an
# attribute edit.
PROVENANCE = (
    "origin_kind",
    "origin_ref",
    "origin_row",
    "origin_key",
    "reviewed_by",
    "reviewed_at",
    "workshop_id",
    "contributor",
)
_SELECT = ", ".join(COLUMNS)


# ---- reading -------------------------------------------------------------------
def get(project: Project, uuid: str) -> Asset:
    row = project.conn.execute(
        f"SELECT {_SELECT}, geom FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,)
    ).fetchone()
    if row is None:
        raise KeyError(f"no asset with id {uuid}")
    return _row_to_asset(row)


def find(project: Project, uuid: str) -> Asset | None:
    try:
        return get(project, uuid)
    except KeyError:
        return None


def _row_to_asset(row: Sequence[Any]) -> Asset:
    values = dict(zip(COLUMNS, row[:-1], strict=False))
    blob = row[-1]
    x = y = None
    if blob is not None:
        point = gpkg.decode([blob])[0]
        if point is not None and not point.is_empty:
            x, y = point.x, point.y
    return Asset(
        uuid=values["uuid"],
        name=values["name"],
        category=values["category"],
        description=values["description"],
        address=values["address"],
        postcode=values["postcode"],
        contact=values["contact"],
        phone=values["phone"],
        website=values["website"],
        opening_hours=values["opening_hours"],
        audience=split_audience(values["audience"]),
        status=values["status"],
        verified_date=values["verified_date"],
        source=values["source"],
        personal_data=bool(values["personal_data"]),
        custom=custom_from_text(values["custom"]),
        x=x,
        y=y,
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        deleted=bool(values["deleted"]),
        review=values["review"],
        out_of_area=bool(values["out_of_area"]),
        origin_kind=values["origin_kind"],
        origin_ref=values["origin_ref"],
        origin_row=values["origin_row"],
        origin_key=values["origin_key"],
        reviewed_by=values["reviewed_by"],
        reviewed_at=values["reviewed_at"],
        pin_kind=values["pin_kind"],
        workshop_id=values["workshop_id"],
        contributor=values["contributor"],
    )


def frame(
    project: Project,
    *,
    include_deleted: bool = False,
    columns: Sequence[str] = COLUMNS,
    where: str = "",
    params: Sequence[Any] = (),
) -> gpd.GeoDataFrame:
    """Assets as a GeoDataFrame in the project CRS (unplaced assets have no geometry)."""
    clauses = [] if include_deleted else ["deleted = 0"]
    if where:
        clauses.append(f"({where})")
    sql = f"SELECT fid, {', '.join(columns)}, geom FROM {ASSETS_TABLE}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY fid"
    rows = project.conn.execute(sql, tuple(params)).fetchall()
    data = pd.DataFrame.from_records(rows, columns=["fid", *columns, "geom"])
    geometry = gpkg.decode(data.pop("geom").tolist()) if len(data) else np.array([], object)
    import geopandas as gpd

    return gpd.GeoDataFrame(data, geometry=geometry, crs=project.crs)


def counts(project: Project, columns: Sequence[str]) -> pd.DataFrame:
    """How many live assets have each combination of ``columns``' values (column "n"):
    enough to choose which assets to read in full."""
    names = ", ".join(columns)
    sql = f"SELECT {names}, COUNT(*) FROM {ASSETS_TABLE} WHERE deleted = 0 GROUP BY {names}"
    return pd.DataFrame.from_records(project.conn.execute(sql).fetchall(), columns=[*columns, "n"])


_POINT_COLUMNS = [
    "uuid",
    "name",
    "category",
    "status",
    "review",
    "personal_data",
    "out_of_area",
    "pin_kind",
]


def points_xy(project: Project, uuids: Sequence[str] | None = None) -> pd.DataFrame:
    """Placed, live assets with x, y and what the map needs: the canvas and analysis hot path.

    ``uuids`` limits the read to some assets (for refreshing after a single edit).
    """
    sql = (
        f"SELECT {', '.join(_POINT_COLUMNS)}, {LAST_CHECKED_SQL}, geom FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 AND geom IS NOT NULL"
    )
    params: tuple[str, ...] = ()
    if uuids is not None:
        params = tuple(uuids)
        sql += f" AND uuid IN ({', '.join('?' for _ in params)})"
    rows = project.conn.execute(sql + " ORDER BY fid", params).fetchall()
    data = pd.DataFrame.from_records(rows, columns=[*_POINT_COLUMNS, "last_checked", "geom"])
    x, y = decode_points(data.pop("geom").tolist())
    data["x"] = x
    data["y"] = y
    placed: pd.DataFrame = data[np.isfinite(data["x"].to_numpy())]
    return placed.reset_index(drop=True)


def decode_points(blobs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Fast path for the blobs assetmap writes (29 bytes, little-endian, no envelope)."""
    if not blobs:
        return np.array([], float), np.array([], float)
    if all(len(b) == 29 and b[3] == 1 and b[8] == 1 for b in blobs):
        raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(-1, 29)
        xy = raw[:, 13:29].copy().view("<f8")
        return xy[:, 0].copy(), xy[:, 1].copy()
    geoms = gpkg.decode(blobs)
    return shapely.get_x(geoms), shapely.get_y(geoms)


# What an edit can change; updated_at moves on every write (an undo too) and out_of_area
# follows the area sets, so neither says whether someone else edited the asset.
_STAMP_COLUMNS = [c for c in COLUMNS if c not in ("updated_at", "out_of_area")]


def content_stamp(project: Project, uuid: str) -> tuple[Any, ...] | None:
    """The asset's content as stored, or None when it does not exist (for undo's check that
    nobody else has changed it since)."""
    row = project.conn.execute(
        f"SELECT {', '.join(_STAMP_COLUMNS)}, geom FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,)
    ).fetchone()
    return None if row is None else tuple(row)


def changed_since(
    project: Project, stamps: dict[str, Any], action: str, what_was_done: str
) -> str | None:
    """Why an undo or redo of a command over many assets must not run: one of them was
    changed since (``stamps``: uuid -> ``content_stamp`` after the command), in another
    window or program sharing the file. None when none was."""
    changed = [u for u, s in stamps.items() if content_stamp(project, u) != s]
    if not changed:
        return None
    found = find(project, changed[0])
    what = f"'{found.name}'" if found is not None else translated("an asset")
    return _changed_pattern(action, len(changed) > 1).format(
        done=what_was_done, what=what, file=project.path.name
    )


def _changed_pattern(action: str, others: bool) -> str:
    if action == "undo" and others:
        return translated(
            "Cannot undo {done}: {what} and others changed since, in another window or "
            "program sharing {file}. Nothing was changed."
        )
    if action == "undo":
        return translated(
            "Cannot undo {done}: {what} changed since, in another window or program sharing "
            "{file}. Nothing was changed."
        )
    if others:
        return translated(
            "Cannot redo {done}: {what} and others changed since, in another window or "
            "program sharing {file}. Nothing was changed."
        )
    return translated(
        "Cannot redo {done}: {what} changed since, in another window or program sharing "
        "{file}. Nothing was changed."
    )


def point_blob(project: Project, uuid: str) -> bytes | None:
    """The asset's point as stored (a GeoPackage blob), None when unplaced or absent: the
    change feed logs it before and after each edit."""
    row = project.conn.execute(
        f"SELECT geom FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,)
    ).fetchone()
    return None if row is None else row[0]


def point_blobs(project: Project, uuids: Sequence[str]) -> dict[str, bytes | None]:
    """uuid -> stored point, for many assets (read in chunks: SQLite bounds parameters)."""
    found: dict[str, bytes | None] = {}
    for start in range(0, len(uuids), 500):
        chunk = tuple(uuids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        rows = project.conn.execute(
            f"SELECT uuid, geom FROM {ASSETS_TABLE} WHERE uuid IN ({marks})", chunk
        )
        found.update(rows.fetchall())
    return found


def count(project: Project, where: str = "deleted = 0") -> int:
    return int(
        project.conn.execute(f"SELECT count(*) FROM {ASSETS_TABLE} WHERE {where}").fetchone()[0]
    )


def footprint(project: Project, uuid: str) -> shapely.Geometry | None:
    row = project.conn.execute(
        f"SELECT geom FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,)
    ).fetchone()
    return gpkg.decode([row[0]])[0] if row else None


# ---- writing (inside a project transaction) ------------------------------------------
def insert_frame(project: Project, rows: pd.DataFrame, points: np.ndarray) -> dict[str, Any]:
    """Insert many assets at once. ``rows`` holds COLUMNS as stored values.

    Returns each column written (the others hold nothing) with its one value when every row
    shares it, else None: the change feed logs the rows without comparing them again.
    """
    blobs = gpkg.encode(points, project.srs_id)
    # Columns that hold nothing take the table's defaults; columns with one value for
    # every row (source, timestamps, batch) are written into the statement once, which
    # halves the cost of binding 200,000 rows.
    present = [c for c in COLUMNS if c in rows.columns and _holds_values(rows[c])]
    constant = {c: rows[c].iloc[0] for c in present if len(rows) > 1 and _is_constant(rows[c])}
    varying = [c for c in present if c not in constant]
    # pandas-stubs lacks na_value=None, which pandas accepts
    values = [rows[c].to_numpy(dtype=object, na_value=None).tolist() for c in varying]  # type: ignore[call-overload]
    names = [*varying, *constant, "geom"]
    slots = ["?"] * len(varying) + [_sql_literal(v) for v in constant.values()] + ["?"]
    _insert_many(
        project.conn, f"INSERT INTO {ASSETS_TABLE} ({', '.join(names)})", slots, [*values, blobs]
    )
    gpkg.expand_extent(project.conn, ASSETS_TABLE, points)
    return {c: constant.get(c) for c in present}


def _insert_many(
    conn: sqlite3.Connection, insert: str, slots: list[str], columns: list[list[Any]]
) -> None:
    """``insert`` + VALUES for every row of ``columns``, in row order, many rows per
    statement: running one statement per row costs a third of the time of 200,000 inserts.
    """
    width = len(columns)
    n = len(columns[0]) if columns else 0
    one = f"({', '.join(slots)})"
    # Within SQLite's limits on ? per statement and on statement length (values every row
    # shares are written into each row's text).
    per = min(_ROWS_PER_INSERT, _variable_limit(conn) // width, _SQL_BYTES // len(one))
    per = max(1, per)
    # One flat list of parameters, row by row; each statement takes a slice of it.
    flat: list[Any] = [None] * (n * width)
    for j, column in enumerate(columns):
        flat[j::width] = column
    whole = n // per * per
    if whole:
        step = per * width
        conn.executemany(
            f"{insert} VALUES {', '.join([one] * per)}",
            (flat[start : start + step] for start in range(0, whole * width, step)),
        )
    if whole < n:
        rest = n - whole
        conn.execute(f"{insert} VALUES {', '.join([one] * rest)}", flat[whole * width :])


_ROWS_PER_INSERT = 250
_SQL_BYTES = 500_000  # SQLite refuses statements over 1,000,000 bytes by default


def _variable_limit(conn: sqlite3.Connection) -> int:
    """How many ? one statement may hold (999 in SQLite before 3.32; Python 3.11 can ask)."""
    getlimit = getattr(conn, "getlimit", None)
    return int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)) if getlimit else 999


def insert_footprints(project: Project, uuids: Sequence[str], polygons: np.ndarray) -> None:
    """Sites keep only their area: a repaired outline's stray lines cannot be stored."""
    areas = polygonal_multipolygons(polygons)
    blobs = gpkg.encode(areas, project.srs_id)
    project.conn.executemany(
        f"INSERT INTO {FOOTPRINTS_TABLE} (asset_uuid, geom) VALUES (?, ?)",
        ((u, b) for u, b in zip(uuids, blobs, strict=True) if b is not None),
    )
    gpkg.expand_extent(project.conn, FOOTPRINTS_TABLE, areas)


def footprint_blob(project: Project, uuid: str) -> bytes | None:
    """The site outline of one asset as stored (None: a plain point)."""
    site = project.conn.execute(
        f"SELECT geom FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,)
    ).fetchone()
    return site[0] if site else None


def set_footprint_blob(project: Project, uuid: str, blob: bytes | None) -> None:
    """Put a stored outline back as it was (undo, or another copy's outline in a merge)."""
    project.conn.execute(f"DELETE FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,))
    if blob is not None:
        project.conn.execute(
            f"INSERT INTO {FOOTPRINTS_TABLE} (asset_uuid, geom) VALUES (?, ?)", (uuid, blob)
        )
        gpkg.expand_extent(project.conn, FOOTPRINTS_TABLE, gpkg.decode([blob]))


def insert_asset(project: Project, asset: Asset, *, now: str) -> None:
    rows = pd.DataFrame([asset_to_row(asset, now=now)])
    x, y = asset.x, asset.y
    point = shapely.points(x, y) if x is not None and y is not None else None
    insert_frame(project, rows, np.array([point], dtype=object))


def asset_to_row(asset: Asset, *, now: str) -> dict[str, Any]:
    return {
        "uuid": asset.uuid,
        "name": asset.name,
        "category": asset.category,
        "description": asset.description,
        "address": asset.address,
        "postcode": asset.postcode,
        "contact": asset.contact,
        "phone": asset.phone,
        "website": asset.website,
        "opening_hours": asset.opening_hours,
        "audience": audience_to_text(asset.audience),
        "status": asset.status,
        "verified_date": asset.verified_date,
        "source": asset.source,
        "personal_data": int(asset.personal_data),
        "custom": custom_to_text(asset.custom),
        "created_at": asset.created_at or now,
        "updated_at": now,
        "deleted": int(asset.deleted),
        "import_batch": None,
        "out_of_area": int(asset.out_of_area),
        "review": asset.review,
        "pin_kind": asset.pin_kind,
        **{name: getattr(asset, name) for name in PROVENANCE},
    }


def update(project: Project, uuid: str, values: dict[str, Any], *, now: str) -> None:
    """Write attribute values given in Asset terms (tuples, dicts, bools)."""
    stored = {name: _to_stored(name, value) for name, value in values.items()}
    stored["updated_at"] = now
    assignments = ", ".join(f"{name} = ?" for name in stored)
    cursor = project.conn.execute(
        f"UPDATE {ASSETS_TABLE} SET {assignments} WHERE uuid = ?", (*stored.values(), uuid)
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no asset with id {uuid}")
    gpkg.touch(project.conn, ASSETS_TABLE)


def _to_stored(name: str, value: Any) -> Any:
    if name not in COLUMNS or name in ("uuid", "created_at", "updated_at"):
        raise ValueError(f"{name} cannot be edited")
    if name == "audience":
        return audience_to_text(value)
    if name == "custom":
        return custom_to_text(value)
    if name in ("personal_data", "deleted", "out_of_area"):
        return int(bool(value))
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def set_point(project: Project, uuid: str, x: float | None, y: float | None, *, now: str) -> None:
    point = shapely.points(x, y) if x is not None and y is not None else None
    blob = gpkg.encode(np.array([point], dtype=object), project.srs_id)[0]
    cursor = project.conn.execute(
        f"UPDATE {ASSETS_TABLE} SET geom = ?, updated_at = ? WHERE uuid = ?", (blob, now, uuid)
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no asset with id {uuid}")
    gpkg.expand_extent(project.conn, ASSETS_TABLE, np.array([point], dtype=object))


def set_out_of_area(project: Project, uuids: Iterable[str], outside: Iterable[bool]) -> None:
    project.conn.executemany(
        f"UPDATE {ASSETS_TABLE} SET out_of_area = ? WHERE uuid = ?",
        ((int(o), u) for u, o in zip(uuids, outside, strict=False)),
    )


def delete_batch(project: Project, batch: str) -> int:
    """Remove rows an import added (its undo): they were never edited, so no tombstones."""
    project.conn.execute(
        f"DELETE FROM {FOOTPRINTS_TABLE} WHERE asset_uuid IN "
        f"(SELECT uuid FROM {ASSETS_TABLE} WHERE import_batch = ?)",
        (batch,),
    )
    cursor = project.conn.execute(f"DELETE FROM {ASSETS_TABLE} WHERE import_batch = ?", (batch,))
    gpkg.touch(project.conn, ASSETS_TABLE)
    return cursor.rowcount


def purge(project: Project, uuid: str) -> None:
    """Remove an asset completely (the undo of adding it)."""
    project.conn.execute(f"DELETE FROM {FOOTPRINTS_TABLE} WHERE asset_uuid = ?", (uuid,))
    project.conn.execute(f"DELETE FROM {ASSETS_TABLE} WHERE uuid = ?", (uuid,))
    gpkg.touch(project.conn, ASSETS_TABLE)


def _holds_values(values: pd.Series) -> bool:
    """Whether any row has a value. Text columns are plain object lists, where a scan
    for None by identity is ten times quicker than pandas' isna."""
    if not len(values):
        return False
    first = values.iloc[0]
    if first is not None and not pd.isna(first):
        return True
    if values.dtype == object and values.tolist().count(None) == len(values):
        return False
    return bool(values.notna().any())


def _is_constant(values: pd.Series) -> bool:
    first = values.iloc[0]
    if first is None or pd.isna(first):
        return False
    if values.dtype == object:
        items = values.tolist()
        try:
            # A value shared by every row is usually the one object repeated: list.count
            # compares by identity first; a sample settles most varying columns at once.
            if items[-1] != first or items[len(items) // 2] != first:
                return False
            return items.count(first) == len(items)
        except TypeError:  # pd.NA has no truth value: compare as pandas does
            pass
    return bool((values == first).all())


def _sql_literal(value: Any) -> str:
    """A value written into SQL text: numbers as they are, text quoted with '' escaping."""
    if isinstance(value, (bool, np.bool_)):
        return str(int(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)) and np.isfinite(value):
        return repr(float(value))
    text = str(value)
    if "\x00" in text:
        raise ValueError("text with a NUL character cannot be stored")
    return "'" + text.replace("'", "''") + "'"
