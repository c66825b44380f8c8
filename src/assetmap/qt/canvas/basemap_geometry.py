"""The basemap's geometry, prepared once per basemap: each road, waterway and polygon class
as tiled, simplified paths (PolygonSet), and the named lines and places its labels use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from PySide6.QtGui import QPolygonF

from assetmap.qt.canvas.basemap_style import (
    ATTRIBUTION,
    BASEMAP_FULL_DETAIL,
    BUILDING,
    BUILDINGS_MAX_SCALE,
    BUILDINGS_PER_TILE,
    DEFAULT_GREEN,
    DEFAULT_RAILWAY,
    DEFAULT_ROAD,
    DEFAULT_WATERWAY,
    GREEN,
    GREEN_MAX_SCALE,
    PLACES,
    RAILWAYS,
    RIVER_LABEL_MAX_SCALE,
    ROAD_ORDER,
    ROADS,
    SMALL_GREEN_MAX_SCALE,
    STREET_LABEL_SCALE,
    WATER,
    WATER_MAX_SCALE,
    WATERWAYS,
    LineStyle,
)
from assetmap.qt.canvas.polygons import (
    FEATURES_PER_TILE,
    PolygonSet,
    polygon_from_array,
)
from assetmap.qt.canvas.view import View

Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Polylines:
    """The parts of a tile's lines of one class, with their bounds: a tile reaches beyond
    the view, and most of its parts need not be stroked at all."""

    parts: list[QPolygonF]
    bounds: np.ndarray  # (n, 4) minx, miny, maxx, maxy

    def within(self, bounds: tuple[float, float, float, float]) -> list[QPolygonF]:
        minx, miny, maxx, maxy = bounds
        b = self.bounds
        meets = (b[:, 2] >= minx) & (b[:, 0] <= maxx) & (b[:, 3] >= miny) & (b[:, 1] <= maxy)
        if meets.all():
            return self.parts
        return [self.parts[i] for i in np.flatnonzero(meets).tolist()]


class LineSet(PolygonSet):
    """Lines in the same tiles as a ``PolygonSet``, simplified per level, but cached as one
    polyline per part rather than a merged path: Qt strokes a few hundred short polylines
    with a wide antialiased pen eight times faster than one path holding them all (whose
    outline becomes a single huge polygon to fill)."""

    # Lines cache Polylines per class where polygons cache one QPainterPath
    def tile_paths(  # type: ignore[override]
        self, tile: int, level: int, classes: np.ndarray, classes_version: int
    ) -> dict[int, Polylines]:
        key = (tile, level, classes_version)
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached  # type: ignore[return-value]  # this set caches only Polylines
        members = self.tile_members[tile]
        geoms = self.geometries[members]
        tolerance = (2.0**level) * 0.5
        if tolerance > self.full_detail_tolerance:
            geoms = shapely.simplify(geoms, tolerance, preserve_topology=False)
        parts, owner = shapely.get_parts(geoms, return_index=True)
        part_class = np.asarray(classes)[members][owner]
        out: dict[int, Polylines] = {}
        for cls in np.unique(part_class).tolist():
            out[int(cls)] = _polylines(parts[part_class == cls])
        with self._lock:
            self._cache[key] = out  # type: ignore[assignment]  # as above
        return out


def _polylines(parts: np.ndarray) -> Polylines:
    """Ways joined where they meet end to end (OSM splits a street at every junction and
    bus stop): fewer, longer polylines stroke faster, and their joins are round."""
    parts = parts[~shapely.is_empty(parts)]
    if len(parts) > 1:
        parts = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(parts)))
    coords, which = shapely.get_coordinates(parts, return_index=True)
    ends = np.cumsum(np.bincount(which, minlength=len(parts)))
    starts = ends - np.diff(ends, prepend=0)
    keep = np.flatnonzero(ends - starts >= 2).tolist()
    lines = [polygon_from_array(coords[starts[i] : ends[i]]) for i in keep]
    return Polylines(lines, shapely.bounds(parts)[keep] if keep else np.zeros((0, 4)))


@dataclass
class PolygonLayer:
    polygons: PolygonSet
    classes: np.ndarray
    colours: list[str]
    max_scale: np.ndarray  # per class
    version: int


@dataclass
class LineLayer:
    lines: LineSet
    style: LineStyle
    zeros: np.ndarray


@dataclass
class NamedLines:
    """Named lines a label may be set along: the longest part of each, with its bounds."""

    names: np.ndarray
    geometries: np.ndarray
    bounds: np.ndarray
    max_scale: np.ndarray
    rank: np.ndarray  # lower is more important

    @classmethod
    def build(cls, frame: pd.DataFrame, max_scales: dict[str, float], rank: dict[str, int]):
        if not len(frame):
            return cls.empty()
        names = frame["name"].to_numpy(dtype=object)
        scale = frame["class"].map(max_scales).to_numpy(dtype=float)
        keep = np.array([isinstance(n, str) and bool(n) for n in names]) & ~np.isnan(scale)
        frame = frame[keep]
        geoms = shapely.line_merge(frame.geometry.to_numpy(dtype=object))
        parts, owner = shapely.get_parts(geoms, return_index=True)
        order = np.lexsort((-shapely.length(parts), owner))
        owners, first = np.unique(owner[order], return_index=True)
        longest = np.array([shapely.LineString()] * len(geoms), dtype=object)
        longest[owners] = parts[order[first]]
        return cls(
            names=frame["name"].to_numpy(dtype=object),
            geometries=longest,
            bounds=shapely.bounds(longest),
            max_scale=scale[keep],
            rank=frame["class"].map(rank).fillna(99).to_numpy(dtype=int),
        )

    @classmethod
    def empty(cls) -> NamedLines:
        return cls(np.array([], dtype=object), np.array([], dtype=object), np.zeros((0, 4)),
                   np.zeros(0), np.zeros(0, dtype=int))  # fmt: skip

    def visible(self, view: View) -> np.ndarray:
        if not len(self.names):
            return np.zeros(0, dtype=int)
        minx, miny, maxx, maxy = view.bounds()
        b = self.bounds
        meets = (b[:, 2] >= minx) & (b[:, 0] <= maxx) & (b[:, 3] >= miny) & (b[:, 1] <= maxy)
        return np.flatnonzero(meets & (view.scale <= self.max_scale))


class BasemapGeometry:
    """One basemap made ready to draw: built once, shared by every render (thread-safe:
    the tile caches lock, everything else is read-only)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame], attribution: str = ATTRIBUTION) -> None:
        self.attribution = attribution or ATTRIBUTION
        get = lambda table: frames.get(table, _EMPTY)  # noqa: E731
        self.green = _polygon_layer(get("basemap_green"), GREEN, DEFAULT_GREEN, _green_scale)
        self.water = _polygon_layer(get("basemap_water"), {}, WATER, lambda c: WATER_MAX_SCALE)
        self.buildings = _polygon_layer(
            get("basemap_buildings"), {}, BUILDING, lambda c: BUILDINGS_MAX_SCALE,
            features_per_tile=BUILDINGS_PER_TILE,
        )  # fmt: skip
        self.waterways = _line_layers(get("basemap_waterways"), WATERWAYS, DEFAULT_WATERWAY)
        self.railways = _line_layers(get("basemap_railways"), RAILWAYS, DEFAULT_RAILWAY)
        roads = get("basemap_roads")
        self.roads = _line_layers(roads, ROADS, DEFAULT_ROAD, order=ROAD_ORDER)
        self.streets = NamedLines.build(
            roads, STREET_LABEL_SCALE, {c: i for i, c in enumerate(reversed(ROAD_ORDER))}
        )
        self.rivers = NamedLines.build(
            get("basemap_waterways"), {"river": RIVER_LABEL_MAX_SCALE,
                                       "canal": RIVER_LABEL_MAX_SCALE}, {"river": 0, "canal": 1}
        )  # fmt: skip
        self._places(get("basemap_places"))
        self._water_names(get("basemap_water"))
        self.bounds = _total_bounds(frames)

    @property
    def is_empty(self) -> bool:
        return self.bounds is None

    def _places(self, frame: pd.DataFrame) -> None:
        keep = frame["class"].isin(list(PLACES)).to_numpy() if len(frame) else np.zeros(0, bool)
        frame = frame[keep]
        geoms = frame.geometry.to_numpy(dtype=object)
        order_of = {c: i for i, c in enumerate(PLACES)}
        rank = frame["class"].map(order_of).to_numpy(dtype=float)
        population = pd.to_numeric(frame["population"], errors="coerce").fillna(0).to_numpy()
        order = np.lexsort((-population, rank)) if len(frame) else np.zeros(0, dtype=int)
        self.place_x = shapely.get_x(geoms)[order] if len(geoms) else np.zeros(0)
        self.place_y = shapely.get_y(geoms)[order] if len(geoms) else np.zeros(0)
        self.place_names = frame["name"].to_numpy(dtype=object)[order]
        self.place_classes = frame["class"].to_numpy(dtype=object)[order]

    def _water_names(self, frame: pd.DataFrame) -> None:
        named = frame[frame["name"].notna()] if len(frame) else frame
        geoms = named.geometry.to_numpy(dtype=object)
        area = shapely.area(geoms) if len(geoms) else np.zeros(0)
        order = np.argsort(-area)
        self.water_names = named["name"].to_numpy(dtype=object)[order]
        spots = shapely.point_on_surface(geoms[order]) if len(geoms) else geoms
        self.water_xy = shapely.get_coordinates(spots) if len(geoms) else np.zeros((0, 2))
        self.water_bounds = shapely.bounds(geoms[order]) if len(geoms) else np.zeros((0, 4))


_EMPTY = pd.DataFrame({"class": [], "name": [], "geometry": []})


def _green_scale(cls: str) -> float:
    return SMALL_GREEN_MAX_SCALE if cls in ("farmland", "grass", "allotments") else GREEN_MAX_SCALE


_versions = iter(range(1, 1 << 62))


def _polygon_layer(
    frame: pd.DataFrame,
    colours: dict[str, str],
    default: str,
    scale: Callable[[str], float],
    features_per_tile: int = FEATURES_PER_TILE,
) -> PolygonLayer | None:
    if not len(frame):
        return None
    names = list(dict.fromkeys(frame["class"].astype(str)))
    index = {c: i for i, c in enumerate(names)}
    return PolygonLayer(
        polygons=PolygonSet(
            frame.geometry.to_numpy(dtype=object),
            features_per_tile,
            BASEMAP_FULL_DETAIL,
            preserve_topology=False,  # 3x faster, and a lost sliver of wood is not missed
        ),
        classes=frame["class"].astype(str).map(index).to_numpy(dtype=int),
        colours=[colours.get(c, default) for c in names],
        max_scale=np.array([scale(c) for c in names]),
        version=next(_versions),
    )


def _line_layers(
    frame: pd.DataFrame,
    styles: dict[str, LineStyle],
    default: LineStyle,
    order: tuple[str, ...] | None = None,
) -> list[LineLayer]:
    """One set of lines per class, bottom first (``order``, then classes not in it)."""
    if not len(frame):
        return []
    classes = frame["class"].astype(str).to_numpy()
    present = list(dict.fromkeys(classes))
    ranked = [c for c in (order or ()) if c in present] + [
        c for c in present if c not in (order or ())
    ]
    out = []
    for cls in ranked:
        geoms = frame.geometry.to_numpy(dtype=object)[classes == cls]
        out.append(LineLayer(LineSet(geoms, full_detail_tolerance=BASEMAP_FULL_DETAIL),
                             styles.get(cls, default),
                             np.zeros(len(geoms), dtype=int)))  # fmt: skip
    return out


def _total_bounds(frames: Mapping[str, pd.DataFrame]) -> tuple[float, float, float, float] | None:
    boxes = []
    for frame in frames.values():
        geoms = frame.geometry.to_numpy(dtype=object) if len(frame) else np.array([], object)
        if len(geoms):
            b = shapely.total_bounds(geoms)
            if np.isfinite(b).all():
                boxes.append(b)
    if not boxes:
        return None
    arr = np.array(boxes)
    return (float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()),
            float(arr[:, 3].max()))  # fmt: skip
