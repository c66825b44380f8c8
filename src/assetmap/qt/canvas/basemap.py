"""The offline vector basemap on the map: OpenStreetMap roads, water, green space,
buildings and place names, drawn under the data in muted greys, blues and greens.

Geometry is prepared once per basemap (``BasemapGeometry``): each road class, each
waterway class and each polygon table is a ``PolygonSet`` — the same tiles of merged
paths, simplified per zoom level and built lazily where the view looks, that draw 35,000
neighbourhoods in well under a frame budget. What is drawn depends on the scale: at a
county view, main roads as thin grey lines, water and woods; closer in, roads become white
with a grey casing and grow with the zoom to their real width, then minor roads, paths
(thin, dashed) and buildings appear.

Labels go through the map's greedy ``Labels``, so they never collide with each other or
with asset and area labels: towns claim their space before area labels, villages and
street names (set along straight stretches of their street) take what is left.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from shapely.geometry.base import BaseGeometry

from assetmap.qt.canvas.polygons import (
    FEATURES_PER_TILE,
    PolygonSet,
    polygon_from_array,
)
from assetmap.qt.canvas.view import View

if TYPE_CHECKING:  # the scene imports this module
    from assetmap.qt.canvas.scene import Labels

Cancelled = Callable[[], bool]

LAND = "#F4F3EF"  # the ground under the basemap: white roads read on it
ATTRIBUTION = "© OpenStreetMap contributors"
PRINT_LINE_SCALE = 0.8  # pixel widths look heavier on paper


# ---- styles -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LineStyle:
    """One class of line. Far out it is a thin ``colour`` line ``width`` px wide; at or below
    ``cased_below`` m/px a ``fill`` inside a ``casing``, as wide as ``metres`` on the ground
    but never under ``min_px`` nor over ``max_px``. Drawn when the scale is <= ``max_scale``."""

    colour: str
    width: float
    max_scale: float
    fill: str = ""
    casing: str = ""
    cased_below: float = 0.0
    metres: float = 0.0
    min_px: float = 0.0
    max_px: float = 24.0
    dash: tuple[float, ...] = ()

    def cased(self, scale: float) -> bool:
        return bool(self.fill) and scale <= self.cased_below

    def fill_px(self, scale: float) -> float:
        return min(max(self.metres / scale, self.min_px), self.max_px)

    def casing_px(self, scale: float) -> float:
        fill = self.fill_px(scale)
        return fill + min(max(fill * 0.25, 1.4), 3.0)


ROADS: dict[str, LineStyle] = {
    "motorway": LineStyle("#CDB98F", 1.7, 5000, "#F2DFB4", "#BFA677", 12.0, 22, 3.2),
    "trunk": LineStyle("#D2C29F", 1.5, 1200, "#F5E7C6", "#C5B08A", 12.0, 20, 3.0),
    "primary": LineStyle("#BFC4CA", 1.3, 400, "#FFFFFF", "#B3B9C0", 12.0, 17, 2.8),
    "secondary": LineStyle("#C6CBD0", 1.1, 150, "#FFFFFF", "#B9BFC6", 10.0, 15, 2.4),
    "tertiary": LineStyle("#CDD1D5", 1.0, 45, "#FFFFFF", "#BFC5CB", 7.0, 13, 2.0),
    "minor": LineStyle("#D4D7DB", 0.8, 12, "#FFFFFF", "#C8CDD2", 3.5, 10, 1.6),
    "path": LineStyle("#A4ABB3", 0.9, 3.0, dash=(3.0, 2.5)),
}
ROAD_ORDER = ("path", "minor", "tertiary", "secondary", "primary", "trunk", "motorway")
DEFAULT_ROAD = ROADS["minor"]

WATERWAYS: dict[str, LineStyle] = {
    "river": LineStyle("#A9C6DE", 1.3, 600, metres=12),
    "canal": LineStyle("#A9C6DE", 1.2, 150, metres=10),
    "stream": LineStyle("#B5CFE3", 0.8, 20),
    "drain": LineStyle("#BCD3E5", 0.7, 6),
}
DEFAULT_WATERWAY = WATERWAYS["stream"]

RAIL = LineStyle("#ABB1B8", 1.1, 600, fill="#FFFFFF", casing="#9EA5AD", cased_below=8.0,
                 min_px=1.2, max_px=2.0, dash=(4.0, 4.0))  # fmt: skip
RAILWAYS: dict[str, LineStyle] = {
    "rail": RAIL,
    "light_rail": LineStyle("#B3B9C0", 1.0, 150),
    "tram": LineStyle("#B9BEC5", 0.9, 40),
    "subway": LineStyle("#BFC4CA", 0.9, 20, dash=(3.0, 3.0)),
    "disused": LineStyle("#C9CDD2", 0.8, 8, dash=(2.0, 3.0)),
}
DEFAULT_RAILWAY = LineStyle("#B3B9C0", 1.0, 60)

WATER = "#C8DCEB"
GREEN: dict[str, str] = {
    "park": "#DDEBD3",
    "recreation": "#E2EDD9",
    "grass": "#E6EFDF",
    "cemetery": "#DFE7D9",
    "allotments": "#E4ECD9",
    "wood": "#D5E4CB",
    "scrub": "#DEE8D4",
    "farmland": "#EFF1E6",
}
DEFAULT_GREEN = "#E3EEDC"
BUILDING = "#E6E4E0"
BUILDING_EDGE = "#D6D2CC"
# Scales (m/px) at or below which each polygon layer is drawn.
WATER_MAX_SCALE = 20_000.0
GREEN_MAX_SCALE = 600.0
SMALL_GREEN_MAX_SCALE = 60.0  # farmland and grass fields: only when a town fills the view
BUILDINGS_MAX_SCALE = 4.0
BUILDING_EDGES_BELOW = 1.5
# Qt fills one path of many small rings in time that grows faster than the rings (6,452
# buildings of Newport: 237 ms in paths of 250, 17 ms in paths of 25), holding the GIL.
BUILDINGS_PER_TILE = 30
# OpenStreetMap is mapped to about a metre: simplifying it for views closer than ~4 m/px
# (half-pixel tolerances under a metre) costs a first render more than it saves drawing.
BASEMAP_FULL_DETAIL = 1.0


@dataclass(frozen=True)
class PlaceStyle:
    max_scale: float
    size: float  # times the map's label font
    weight: QFont.Weight
    colour: str
    upper: bool = False


PLACES: dict[str, PlaceStyle] = {
    "city": PlaceStyle(2500, 1.55, QFont.Weight.Bold, "#2F3740"),
    "town": PlaceStyle(500, 1.32, QFont.Weight.DemiBold, "#343C45"),
    "suburb": PlaceStyle(30, 0.95, QFont.Weight.DemiBold, "#66707B", upper=True),
    "village": PlaceStyle(80, 1.08, QFont.Weight.Medium, "#454E58"),
    "neighbourhood": PlaceStyle(8, 0.9, QFont.Weight.Medium, "#6A747E", upper=True),
    "hamlet": PlaceStyle(18, 0.92, QFont.Weight.Normal, "#59626C"),
}
MAJOR_PLACES = ("city", "town")
STREET_LABEL_SCALE = {"motorway": 10.0, "trunk": 10.0, "primary": 8.0, "secondary": 7.0,
                      "tertiary": 5.0, "minor": 3.2}  # fmt: skip
STREET_COLOUR = "#56606A"
STREET_SIZE = 0.88
WATER_LABEL_COLOUR = "#4A7099"
WATER_LABEL_MAX_SCALE = 120.0
RIVER_LABEL_MAX_SCALE = 12.0
HALO = QColor(255, 255, 255, 225)
SAME_NAME_GAP_PX = 320.0  # a street's name again only this far from where it already is
STREET_CANDIDATES = 500


# ---- prepared geometry ---------------------------------------------------------------------------
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


# ---- the layer in a scene -----------------------------------------------------------------
@dataclass
class BasemapLayer:
    """What a render draws of the basemap (a snapshot: the geometry is shared, read-only)."""

    geometry: BasemapGeometry
    labels: bool = True
    land: str = LAND
    line_scale: float = 1.0  # print: thinner lines
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def attribution(self) -> str:
        return self.geometry.attribution

    # ---- drawing --------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, view: View, cancelled: Cancelled, *, vector: bool = False
    ) -> None:
        """Draw under everything else. ``vector``: paths in the painter's own coordinates
        with real pen widths (PDF/SVG), instead of cosmetic pens under a world transform."""
        g = self.geometry
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw = _Drawer(painter, view, vector, self.line_scale)
        scale = view.scale
        for layer in (g.green, g.water):
            if layer is not None and not cancelled():
                draw.polygons(layer, cancelled)
        for line in g.waterways:
            if scale <= line.style.max_scale and not cancelled():
                draw.lines(line, line.style.colour, self._width(line.style, scale), cancelled,
                           dash=line.style.dash)  # fmt: skip
        if g.buildings is not None and scale <= BUILDINGS_MAX_SCALE and not cancelled():
            edge = BUILDING_EDGE if scale <= BUILDING_EDGES_BELOW else ""
            draw.polygons(g.buildings, cancelled, outline=edge)
        self._paint_lines(draw, g.railways, scale, cancelled)
        self._paint_lines(draw, g.roads, scale, cancelled)
        painter.restore()
        self.stats = draw.stats

    def prepare(self, view: View, cancelled: Cancelled) -> None:
        """Build the tiles a render of ``view`` would draw (see ``Scene.prepare``)."""
        g = self.geometry
        bounds, level, scale = view.bounds(margin_px=16), view.level, view.scale
        polygons = [layer for layer in (g.green, g.water) if layer is not None]
        if g.buildings is not None and scale <= BUILDINGS_MAX_SCALE:
            polygons.append(g.buildings)
        sets = [
            (layer.polygons, layer.classes, layer.version)
            for layer in polygons
            if (scale <= layer.max_scale).any()
        ]
        sets += [
            (line.lines, line.zeros, 0)
            for line in (*g.waterways, *g.railways, *g.roads)
            if scale <= line.style.max_scale
        ]
        for polygon_set, classes, version in sets:
            for tile in polygon_set.visible_tiles(bounds):
                if cancelled():
                    return
                polygon_set.tile_paths(tile, level, classes, version)

    def _width(self, style: LineStyle, scale: float) -> float:
        width = max(style.width, style.metres / scale) if style.metres else style.width
        return min(width, style.max_px) * self.line_scale

    def _paint_lines(
        self, draw: _Drawer, layers: list[LineLayer], scale: float, cancelled: Cancelled
    ) -> None:
        """Thin lines first, then every casing, then every fill, bottom class first: main
        roads run over side roads without their casings cutting across."""
        shown = [line for line in layers if scale <= line.style.max_scale]
        cased = [line for line in shown if line.style.cased(scale)]
        for line in shown:
            if line not in cased and not cancelled():
                # A cased style's dashes are for its fill (railway sleepers), not its line.
                dash = () if line.style.fill else line.style.dash
                draw.lines(line, line.style.colour, self._width(line.style, scale), cancelled,
                           dash=dash)  # fmt: skip
        for line in cased:
            if not cancelled():
                width = line.style.casing_px(scale) * self.line_scale
                draw.lines(line, line.style.casing, width, cancelled)
        for line in cased:
            if not cancelled():
                width = line.style.fill_px(scale) * self.line_scale
                draw.lines(line, line.style.fill, width, cancelled, dash=line.style.dash)

    # ---- labels ---------------------------------------------------------------------------
    def paint_labels(self, labels: Labels, view: View, *, major: bool) -> None:
        """``major``: city and town names (placed before area labels); else the rest."""
        if not self.labels:
            return
        if major:
            self._place_names(labels, view, MAJOR_PLACES)
            return
        self._place_names(labels, view, tuple(c for c in PLACES if c not in MAJOR_PLACES))
        self._water_labels(labels, view)
        italic = _font(labels, STREET_SIZE * 0.98, QFont.Weight.Normal, italic=True)
        self._along(labels, view, self.geometry.rivers, italic, WATER_LABEL_COLOUR)
        font = _font(labels, STREET_SIZE, QFont.Weight.Normal)
        self._along(labels, view, self.geometry.streets, font, STREET_COLOUR)

    def _place_names(self, labels: Labels, view: View, classes: tuple[str, ...]) -> None:
        g = self.geometry
        if not len(g.place_names):
            return
        minx, miny, maxx, maxy = view.bounds(margin_px=-8)
        inside = (g.place_x >= minx) & (g.place_x <= maxx) & (g.place_y >= miny) & (
            g.place_y <= maxy)  # fmt: skip
        for cls in classes:
            style = PLACES[cls]
            if view.scale > style.max_scale:
                continue
            rows = np.flatnonzero(inside & (g.place_classes == cls))
            if not len(rows):
                continue
            font = _font(labels, style.size, style.weight, upper=style.upper)
            writer = labels.sibling(font)
            colour = QColor(style.colour)
            for i in rows[:300]:
                text, at = str(g.place_names[i]), view.to_screen(g.place_x[i], g.place_y[i])
                if _fits(writer, text, at, view):
                    writer.place(text, at, centred=True, colour=colour, halo=HALO)

    def _water_labels(self, labels: Labels, view: View) -> None:
        g = self.geometry
        if not len(g.water_names) or view.scale > WATER_LABEL_MAX_SCALE:
            return
        minx, miny, maxx, maxy = view.bounds()
        b = g.water_bounds
        wide = (b[:, 2] - b[:, 0]) / view.scale
        x, y = g.water_xy[:, 0], g.water_xy[:, 1]
        rows = np.flatnonzero((x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy) & (wide > 60))
        if not len(rows):
            return
        writer = labels.sibling(_font(labels, 1.0, QFont.Weight.Normal, italic=True))
        colour = QColor(WATER_LABEL_COLOUR)
        for i in rows[:60]:
            text = str(g.water_names[i])
            at = view.to_screen(x[i], y[i])
            if writer.width(text) + 12 < wide[i] and _fits(writer, text, at, view):
                writer.place(text, at, centred=True, colour=colour, halo=HALO)

    def _along(
        self, labels: Labels, view: View, lines: NamedLines, font: QFont, colour: str
    ) -> None:
        """Each name along the straightest stretch near the middle of its line in view."""
        rows = lines.visible(view)
        if not len(rows):
            return
        writer = labels.sibling(font)
        rows = rows[np.lexsort((-shapely.length(lines.geometries[rows]), lines.rank[rows]))]
        rows = rows[:STREET_CANDIDATES]
        minx, miny, maxx, maxy = view.bounds(margin_px=-12)
        clipped = shapely.clip_by_rect(lines.geometries[rows], minx, miny, maxx, maxy)
        clipped = shapely.line_merge(clipped)
        lengths = shapely.length(clipped)
        texts = [str(n) for n in lines.names[rows]]
        widths = np.array([writer.width(t) for t in texts])
        need = (widths + 14.0) * view.scale
        placed: dict[str, list[QPointF]] = {}
        pen = QColor(colour)
        for k in np.flatnonzero(lengths >= need):
            geometry = _longest_part(clipped[k])
            length = shapely.length(geometry)
            if length < need[k]:
                continue
            text = texts[k]
            half = widths[k] / 2 * view.scale
            for where in (0.5, 0.3, 0.7):
                middle = min(max(length * where, half), length - half)
                a = shapely.line_interpolate_point(geometry, middle - half)
                b = shapely.line_interpolate_point(geometry, middle + half)
                chord = math.hypot(b.x - a.x, b.y - a.y)
                if chord < 2 * half * 0.94:
                    continue  # too curved here: try elsewhere along the line
                sa, sb = view.to_screen(a.x, a.y), view.to_screen(b.x, b.y)
                centre = (sa + sb) / 2
                if any(_distance(centre, p) < SAME_NAME_GAP_PX for p in placed.get(text, ())):
                    break
                angle = math.degrees(math.atan2(sb.y() - sa.y(), sb.x() - sa.x()))
                if writer.place_along(text, centre, angle, colour=pen, halo=HALO):
                    placed.setdefault(text, []).append(centre)
                    break


def _fits(writer: Labels, text: str, centre: QPointF, view: View) -> bool:
    """A centred label wholly inside the map (a name cut by the edge reads as another)."""
    metrics = writer.metrics
    half_w = writer.width(text) / 2 + 3
    half_h = metrics.height() / 2 + 1
    return (
        half_w <= centre.x() <= view.width - half_w and half_h <= centre.y() <= view.height - half_h
    )


def _longest_part(geometry: BaseGeometry) -> shapely.LineString:
    if isinstance(geometry, shapely.LineString):
        return geometry
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, shapely.LineString)]
    if not parts:
        return shapely.LineString()
    return max(parts, key=lambda p: p.length)


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def _font(
    labels: Labels, size: float, weight: QFont.Weight, *, italic: bool = False, upper: bool = False
) -> QFont:
    base: QFont = labels.font
    font = QFont(base)
    points = base.pointSizeF() if base.pointSizeF() > 0 else 8.5
    font.setPointSizeF(points * size)
    font.setWeight(weight)
    font.setItalic(italic)
    if upper:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
    return font


class _Drawer:
    """Strokes and fills tile paths, on screen (world transform, cosmetic pens, cached
    tiles) or for print (paths mapped into the page, widths in page units)."""

    def __init__(self, painter: QPainter, view: View, vector: bool, line_scale: float) -> None:
        self.painter = painter
        self.view = view
        self.vector = vector
        self.level = view.level
        self.bounds = view.bounds(margin_px=16)
        self.transform: QTransform = view.transform()
        self.stats = {"tiles": 0}
        if not vector:
            painter.setTransform(self.transform, combine=True)

    def _pen(self, colour: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
        pen = QPen(QColor(colour))
        pen.setWidthF(width)
        pen.setCosmetic(not self.vector)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap if not dash else Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dash:
            pen.setDashPattern([d / max(width, 0.1) for d in dash])
        return pen

    def _paths(
        self, polygons: PolygonSet, classes: np.ndarray, version: int, cancelled: Cancelled
    ) -> Iterator[tuple[int, Any]]:
        """Per class: a QPainterPath for polygons, a list of QPolygonF for a LineSet."""
        for tile in polygons.visible_tiles(self.bounds):
            if cancelled():
                return
            self.stats["tiles"] += 1
            for cls, drawn in polygons.tile_paths(tile, self.level, classes, version).items():
                path: QPainterPath | Polylines | list[QPolygonF] = drawn
                if isinstance(path, Polylines):
                    path = path.within(self.bounds)
                    if self.vector:  # into the page's coordinates
                        path = [self.transform.map(p) for p in path]
                elif isinstance(path, QPainterPath) and self.vector:
                    path = self.transform.map(path)
                yield cls, path

    def polygons(self, layer: PolygonLayer, cancelled: Cancelled, outline: str = "") -> None:
        p = self.painter
        shown = self.view.scale <= layer.max_scale
        if not shown.any():
            return
        p.setPen(self._pen(outline, 0.6) if outline else Qt.PenStyle.NoPen)
        brushes = [QColor(c) for c in layer.colours]
        for cls, path in self._paths(layer.polygons, layer.classes, layer.version, cancelled):
            if shown[cls]:
                p.setBrush(brushes[cls])
                p.drawPath(path)

    def lines(
        self,
        layer: LineLayer,
        colour: str,
        width: float,
        cancelled: Cancelled,
        dash: tuple[float, ...] = (),
    ) -> None:
        p = self.painter
        p.setPen(self._pen(colour, width, dash))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for _cls, polylines in self._paths(layer.lines, layer.zeros, 0, cancelled):
            for polyline in polylines:
                p.drawPolyline(polyline)


def empty_path() -> QPainterPath:
    return QPainterPath()
