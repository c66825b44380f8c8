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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from shapely.geometry.base import BaseGeometry

from assetmap.qt.canvas.basemap_geometry import (
    BasemapGeometry,
    Cancelled,
    LineLayer,
    NamedLines,
    PolygonLayer,
    Polylines,
)
from assetmap.qt.canvas.basemap_style import (
    ATTRIBUTION,
    BUILDING_EDGE,
    BUILDING_EDGES_BELOW,
    BUILDINGS_MAX_SCALE,
    DEFAULT_GREEN,
    GREEN,
    HALO,
    LAND,
    MAJOR_PLACES,
    PLACES,
    PRINT_LINE_SCALE,
    ROADS,
    SAME_NAME_GAP_PX,
    STREET_CANDIDATES,
    STREET_COLOUR,
    STREET_SIZE,
    WATER,
    WATER_LABEL_COLOUR,
    WATER_LABEL_MAX_SCALE,
    LineStyle,
)
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.view import View

if TYPE_CHECKING:  # the scene imports this module
    from assetmap.qt.canvas.scene import Labels

__all__ = [
    "ATTRIBUTION",
    "DEFAULT_GREEN",
    "GREEN",
    "LAND",
    "PLACES",
    "PRINT_LINE_SCALE",
    "ROADS",
    "WATER",
    "BasemapGeometry",
    "BasemapLayer",
    "Cancelled",
    "empty_path",
]


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
