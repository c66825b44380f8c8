"""The Find box: asset names, area names and codes, postcodes, and (from the offline basemap)
place and street names, in one search.

Ranking: how well the label matches comes first (exact, then starts with, then a word starts
with, then anywhere); among equally good matches, postcodes, then places (a town before a
village), then areas, then assets, then streets. So "Oakham" shows the town before "Oakham
Library" and before an asset named just "Oakham"; streets, which are only for finding your
way, come after assets that match as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from shapely.geometry.base import BaseGeometry

from assetmap.core import areas, gpkg, postcode_store
from assetmap.core.basemap import classify, gazetteer
from assetmap.core.i18n import translated
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


@dataclass(frozen=True)
class Hit:
    kind: str  # "asset", "area", "postcode", "place", "street"
    label: str
    detail: str
    x: float | None
    y: float | None
    # zoom to: a whole area or street; a view sized to a place (a town wider than a hamlet)
    bounds: tuple[float, float, float, float] | None = None
    key: str | None = None  # asset uuid, "set:code" of an area, "place:Name", "street:Name"


def find(project: Project, text: str, limit: int = 20) -> list[Hit]:
    """Best matches first: exact postcodes, then names starting with the text, then the rest."""
    query = text.strip()
    if len(query) < 2:
        return []
    hits = (
        _postcode(project, query)
        + _places(project, query, limit)
        + _assets(project, query, limit)
        + _areas(project, query, limit)
        + _streets(project, query, limit)
    )
    return sorted(hits, key=lambda h: _rank(h, query))[:limit]


_KIND_ORDER = {"postcode": 0, "place": 1, "area": 2, "asset": 3, "street": 4}
_PLACE_ORDER = {c: i for i, c in enumerate(classify.PLACE_ORDER)}
STREET_VIEW_MIN_M = 300.0  # a short close is shown with its surroundings


def _rank(hit: Hit, query: str) -> tuple[int, int, int, str]:
    label = hit.label.lower()
    q = query.lower()
    if hit.kind == "postcode" or label == q:
        closeness = 0
    elif label.startswith(q):
        closeness = 1
    elif re.search(rf"\b{re.escape(q)}", label):
        closeness = 2
    else:
        closeness = 3
    size = 0
    if hit.kind == "place":
        size = _PLACE_ORDER.get(hit.detail.split(",")[0].lower().replace(" ", "_"), 0)
    return closeness, _KIND_ORDER.get(hit.kind, 5), size, label


def _postcode(project: Project, query: str) -> list[Hit]:
    normal = normalise_postcode(query)
    if normal is None:
        return []
    index = postcode_store.load(project)
    if index is None or normal not in index.frame.index:
        return []
    row = index.frame.loc[normal]
    # postcodes are unique in the index, so loc gives one row
    return [Hit("postcode", normal, translated("Postcode"), float(row["x"]), float(row["y"]))]  # type: ignore[arg-type]


def _assets(project: Project, query: str, limit: int) -> list[Hit]:
    like = f"%{query.replace('%', '').replace('_', '')}%"
    rows = project.conn.execute(
        f"SELECT uuid, name, postcode, geom FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 AND (name LIKE ? OR postcode LIKE ? OR address LIKE ?) "
        "ORDER BY name LIMIT ?",
        (like, like, like, limit * 3),
    ).fetchall()
    hits = []

    for uuid, name, postcode, blob in rows:
        point = gpkg.decode([blob])[0] if blob is not None else None
        x, y = (point.x, point.y) if point is not None and not point.is_empty else (None, None)
        words = [translated("Asset")] + ([postcode] if postcode else [])
        detail = ", ".join(words + ([] if x is not None else [translated("unplaced")]))
        hits.append(Hit("asset", name, detail, x, y, key=uuid))
    return hits


def _areas(project: Project, query: str, limit: int) -> list[Hit]:
    q = query.lower()
    hits: list[Hit] = []
    for info in areas.list_sets(project):
        frame = areas.frame(project, info.name)
        names = frame["name"].fillna("").astype(str).str.lower()
        codes = frame["code"].astype(str).str.lower()
        match = names.str.contains(q, regex=False) | codes.str.startswith(q)
        for row in frame[match.to_numpy()].head(limit).itertuples():
            geometry = cast(BaseGeometry, row.geometry)  # itertuples cannot type a row's fields
            centre = geometry.point_on_surface()
            hits.append(
                Hit(
                    "area",
                    str(row.name or row.code),
                    f"{info.name}, {row.code}",
                    centre.x,
                    centre.y,
                    bounds=geometry.bounds,
                    key=f"{info.name}:{row.code}",
                )
            )
    return hits


def _places(project: Project, query: str, limit: int) -> list[Hit]:
    hits = []
    for match in gazetteer.find_places(project.conn, query, limit):
        detail = match.place_class.replace("_", " ").capitalize()
        if match.population:
            detail += ", " + translated("population {n:,}").format(n=match.population)
        hits.append(
            Hit(
                "place",
                match.name,
                detail,
                match.x,
                match.y,
                bounds=match.bounds,
                key=f"place:{match.name}",
            )
        )
    return hits


def _streets(project: Project, query: str, limit: int) -> list[Hit]:
    hits = []
    for match in gazetteer.find_streets(project.conn, query, limit):
        detail = translated("Street") + (f", {match.place}" if match.place else "")
        hits.append(
            Hit(
                "street",
                match.name,
                detail,
                match.x,
                match.y,
                bounds=_at_least(match.bounds, STREET_VIEW_MIN_M),
                key=f"street:{match.name}",
            )
        )
    return hits


def _at_least(
    bounds: tuple[float, float, float, float], size: float
) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = bounds
    grow_x = max(0.0, size - (maxx - minx)) / 2
    grow_y = max(0.0, size - (maxy - miny)) / 2
    return minx - grow_x, miny - grow_y, maxx + grow_x, maxy + grow_y
