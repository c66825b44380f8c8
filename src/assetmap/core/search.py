"""The Find box: asset names, area names and codes, and postcodes, in one search."""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely

from assetmap.core import areas, gpkg, postcode_store
from assetmap.core.io.postcodes import normalise_postcode
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


@dataclass(frozen=True)
class Hit:
    kind: str  # "asset", "area", "postcode"
    label: str
    detail: str
    x: float | None
    y: float | None
    bounds: tuple[float, float, float, float] | None = None  # for areas: zoom to the whole area
    key: str | None = None  # asset uuid or "set:code" of an area


def find(project: Project, text: str, limit: int = 20) -> list[Hit]:
    """Best matches first: exact postcodes, then names starting with the text, then the rest."""
    query = text.strip()
    if len(query) < 2:
        return []
    hits = (
        _postcode(project, query) + _assets(project, query, limit) + _areas(project, query, limit)
    )
    return sorted(hits, key=lambda h: _rank(h, query))[:limit]


def _rank(hit: Hit, query: str) -> tuple[int, int, str]:
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
    kinds = {"postcode": 0, "area": 1, "asset": 2}
    return closeness, kinds.get(hit.kind, 3), label


def _postcode(project: Project, query: str) -> list[Hit]:
    normal = normalise_postcode(query)
    if normal is None:
        return []
    index = postcode_store.load(project)
    if index is None or normal not in index.frame.index:
        return []
    row = index.frame.loc[normal]
    return [Hit("postcode", normal, "Postcode", float(row["x"]), float(row["y"]))]


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
        detail = (
            "Asset"
            + (f", {postcode}" if postcode else "")
            + ("" if x is not None else ", unplaced")
        )
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
            centre = shapely.point_on_surface(row.geometry)
            hits.append(
                Hit(
                    "area",
                    str(row.name or row.code),
                    f"{info.name}, {row.code}",
                    centre.x,
                    centre.y,
                    bounds=tuple(row.geometry.bounds),
                    key=f"{info.name}:{row.code}",
                )
            )
    return hits
