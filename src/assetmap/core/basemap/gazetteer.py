"""The offline gazetteer: place and street names from the basemap, for the Find box.

Streets are indexed once, at import, into ``am_basemap_streets``: OSM cuts a street into many
ways (at every junction, bridge or change of speed limit), so ways of the same name that lie
within ``JOIN_DISTANCE_M`` of each other are merged into one entry with the bounds of them all,
while a "High Street" in each of two villages stays two entries, each told apart by the
nearest place's name. A search is then one SQL LIKE over a table of a few thousand rows (tens
of thousands for a city), with nothing to rebuild after edits.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from assetmap.core import gpkg
from assetmap.core.basemap import classify, store

JOIN_DISTANCE_M = 100.0
_QUERY_CHUNK = 50_000
# Half the width of the view the Find box zooms to for each kind of place, in metres.
PLACE_VIEW_HALF_M = {
    "city": 6000.0,
    "town": 2500.0,
    "suburb": 1200.0,
    "village": 1000.0,
    "neighbourhood": 600.0,
    "hamlet": 400.0,
    "locality": 400.0,
    "isolated_dwelling": 200.0,
}
_SETTLEMENTS = ("city", "town", "suburb", "village", "hamlet")  # what people say a street is "in"
_ROAD_RANK = {c: i for i, c in enumerate(store.CLASSES["basemap_roads"])}


@dataclass(frozen=True)
class PlaceMatch:
    name: str
    place_class: str
    population: int | None
    x: float
    y: float
    bounds: tuple[float, float, float, float]


@dataclass(frozen=True)
class StreetMatch:
    name: str
    place: str | None
    road_class: str | None
    segments: int
    x: float
    y: float
    bounds: tuple[float, float, float, float]


# ---- building the street index (at import) --------------------------------------------------
def build_streets(
    roads: pd.DataFrame, road_geoms: np.ndarray, places: pd.DataFrame, place_geoms: np.ndarray
) -> pd.DataFrame:
    """One row per street: same-name road pieces within JOIN_DISTANCE_M of each other joined.

    Geometries are in the project CRS (metres).
    """
    columns = ["name", "place", "class", "segments", "x", "y", "minx", "miny", "maxx", "maxy"]
    names = roads["name"].to_numpy(dtype=object)
    named = np.flatnonzero(
        np.array([isinstance(n, str) and bool(n) for n in names], dtype=bool)
        & ~shapely.is_empty(road_geoms)
    )
    if not len(named):
        return pd.DataFrame(columns=columns)
    geoms = road_geoms[named]
    keys = pd.Series([str(n).casefold() for n in names[named]])
    codes, _ = pd.factorize(keys)
    labels = _components(geoms, codes)
    bounds = shapely.bounds(geoms)
    lengths = shapely.length(geoms)
    frame = pd.DataFrame(
        {
            "street": labels,
            "name": names[named],
            "class": roads["class"].to_numpy(dtype=object)[named],
            "length": lengths,
            "minx": bounds[:, 0],
            "miny": bounds[:, 1],
            "maxx": bounds[:, 2],
            "maxy": bounds[:, 3],
        }
    )
    frame["rank"] = frame["class"].map(_ROAD_RANK).fillna(len(_ROAD_RANK))
    grouped = frame.groupby("street", sort=True)
    out = grouped.agg(
        segments=("name", "size"),
        minx=("minx", "min"),
        miny=("miny", "min"),
        maxx=("maxx", "max"),
        maxy=("maxy", "max"),
        rank=("rank", "min"),
    )
    # The most used spelling, and a point on the street's longest piece to put a pin on.
    spellings = frame.groupby(["street", "name"], sort=True).size().reset_index(name="n")
    spellings = spellings.sort_values(["street", "n"], ascending=[True, False], kind="stable")
    out["name"] = spellings.drop_duplicates("street").set_index("street")["name"]
    longest = frame.loc[grouped["length"].idxmax().to_numpy()]
    points = shapely.line_interpolate_point(geoms[longest.index.to_numpy()], 0.5, normalized=True)
    out["x"] = shapely.get_x(points)
    out["y"] = shapely.get_y(points)
    ranks = store.CLASSES["basemap_roads"]
    out["class"] = [ranks[int(r)] if int(r) < len(ranks) else None for r in out["rank"]]
    out["place"] = _nearest_place(points, places, place_geoms)
    out["segments"] = out["segments"].astype(int)
    return out.reset_index(drop=True)[columns].sort_values("name", kind="stable")


def _components(geoms: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Connected groups of same-name pieces no further apart than JOIN_DISTANCE_M."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(geoms)
    tree = shapely.STRtree(geoms)
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    for start in range(0, n, _QUERY_CHUNK):  # chunks keep the pair arrays small in a city
        chunk = np.arange(start, min(start + _QUERY_CHUNK, n))
        i, j = tree.query(geoms[chunk], predicate="dwithin", distance=JOIN_DISTANCE_M)
        i = chunk[i]
        same = (codes[i] == codes[j]) & (i < j)
        left.append(i[same])
        right.append(j[same])
    rows = np.concatenate(left) if left else np.array([], dtype=int)
    cols = np.concatenate(right) if right else np.array([], dtype=int)
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels)


def _nearest_place(
    points: np.ndarray, places: pd.DataFrame, place_geoms: np.ndarray
) -> list[str | None]:
    if not len(places):
        return [None] * len(points)
    settled = np.flatnonzero(places["class"].isin(_SETTLEMENTS).to_numpy())
    if not len(settled):
        return [None] * len(points)
    tree = shapely.STRtree(place_geoms[settled])
    street_idx, place_idx = tree.query_nearest(points, all_matches=False)
    names = places["name"].to_numpy(dtype=object)[settled]
    out: list[str | None] = [None] * len(points)
    for s, p in zip(street_idx, place_idx, strict=True):
        out[int(s)] = names[int(p)]
    return out


# ---- searching --------------------------------------------------------------------------------
def _like(text: str) -> tuple[str, str, str]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped, f"{escaped}%", f"%{escaped}%"


_PLACE_RANK_SQL = (
    "CASE class "
    + " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(classify.PLACE_ORDER))
    + f" ELSE {len(classify.PLACE_ORDER)} END"
)


def find_places(conn: sqlite3.Connection, query: str, limit: int) -> list[PlaceMatch]:
    if not _has_table(conn, "basemap_places"):
        return []
    exact, prefix, anywhere = _like(query)
    rows = conn.execute(
        "SELECT name, class, population, geom FROM basemap_places "
        "WHERE name LIKE ? ESCAPE '\\' AND geom IS NOT NULL "
        "ORDER BY CASE WHEN name LIKE ? ESCAPE '\\' THEN 0 "
        "WHEN name LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, "
        f"{_PLACE_RANK_SQL}, name LIMIT ?",
        (anywhere, exact, prefix, limit),
    ).fetchall()
    out = []
    for name, cls, population, blob in rows:
        x, y = gpkg.point_xy(blob)
        half = PLACE_VIEW_HALF_M.get(cls, 500.0)
        out.append(
            PlaceMatch(
                name,
                cls,
                int(population) if population is not None else None,
                x,
                y,
                (x - half, y - half, x + half, y + half),
            )
        )
    return out


def find_streets(conn: sqlite3.Connection, query: str, limit: int) -> list[StreetMatch]:
    exact, prefix, anywhere = _like(query)
    rows = conn.execute(
        "SELECT name, place, class, segments, x, y, minx, miny, maxx, maxy "
        f"FROM {store.STREETS_TABLE} WHERE name LIKE ? ESCAPE '\\' "
        "ORDER BY CASE WHEN name LIKE ? ESCAPE '\\' THEN 0 "
        "WHEN name LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, name, place LIMIT ?",
        (anywhere, exact, prefix, limit),
    ).fetchall()
    return [
        StreetMatch(name, place, cls, int(segments), x, y, (minx, miny, maxx, maxy))
        for name, place, cls, segments, x, y, minx, miny, maxx, maxy in rows
    ]


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        is not None
    )
