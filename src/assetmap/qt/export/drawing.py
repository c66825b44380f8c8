"""The map on paper: the canvas's scene drawn as vector paths, a scale bar, a north arrow.

The canvas draws for speed (sprites, dots stamped into a pixel buffer); here everything
is a path or text, so PDF and SVG stay sharp at any zoom and the same code draws PNGs.
Coordinates are logical pixels of 1/96 inch, relative to the map frame's top left.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from assetmap.core.export.characters import readable
from assetmap.qt.canvas.basemap import PRINT_LINE_SCALE
from assetmap.qt.canvas.dots import DotLayer, argb
from assetmap.qt.canvas.polygons import FULL_DETAIL_TOLERANCE, polygon_from_array
from assetmap.qt.canvas.scene import (
    DENSE_DOTS,
    SYMBOL_LIMIT,
    AreaLayer,
    AssetLayer,
    Labels,
    Scene,
    _shuffled,
    paint_pending_rings,
)
from assetmap.qt.canvas.symbols import draw_need, draw_symbol
from assetmap.qt.canvas.view import View
from assetmap.qt.i18n import translate
from assetmap.qt.map_scene import HATCH_COLOUR, HatchLayer

Cancelled = Callable[[], bool]

INK = QColor("#1F2328")
MUTED = QColor("#57606A")
DOT_RADIUS = 1.25  # logical px: a dot about 0.66 mm across
TINY_AREA_PX = 3.0  # typical area smaller than this on paper: outlines would bury the fills
HATCH_SPACING = 4.0
LINE_SCALE = 0.8  # screen pixel widths look heavier on paper
SIMPLIFY_PX = 0.3  # simplify to a third of a logical pixel (under 0.1 mm on paper)


def paint_map(
    painter: QPainter,
    scene: Scene,
    view: View,
    *,
    symbol_scale: float,
    label_font: QFont,
    cancelled: Cancelled = lambda: False,
) -> None:
    """Draw ``scene`` for ``view`` with (0, 0) at the frame's top left; clip beforehand."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, view.width, view.height), QColor(scene.background))
    if scene.tiles is not None and not cancelled():
        scene.tiles.paint(painter, view, cancelled)
    if scene.basemap is not None and not cancelled():
        # Paths in page units with real pen widths, a little thinner than on screen.
        basemap = replace(scene.basemap, line_scale=PRINT_LINE_SCALE)
        basemap.paint(painter, view, cancelled, vector=True)
    for layer in scene.areas:
        if cancelled():
            break
        if isinstance(layer, HatchLayer):
            _paint_hatch(painter, layer, view)
        else:
            _paint_areas(painter, layer, view)
    if scene.assets is not None and not cancelled():
        _paint_assets(painter, scene.assets, view, symbol_scale, cancelled)
    # The canvas's order: assets' names, towns, areas', then the basemap's other names.
    scene.paint_labels(PrintLabels(painter, label_font), view)
    painter.restore()


# ---- areas -------------------------------------------------------------------------------------
def _typical_px(layer: AreaLayer, view: View) -> float:
    rows = layer.polygons.visible(view.bounds())
    if not len(rows):
        return math.inf
    b = layer.polygons.bounds[rows]
    sizes = np.sqrt(np.maximum(b[:, 2] - b[:, 0], 0) * np.maximum(b[:, 3] - b[:, 1], 0))
    return float(np.median(sizes)) / view.scale


def _class_paths(layer: AreaLayer, view: View) -> dict[int, QPainterPath]:
    """One path per fill class over every area in view, in frame coordinates.

    Built in one vectorised pass (rings and coordinates straight from shapely, moved to
    the page with numpy): for 35,000 areas that is five times quicker than the canvas's
    per-geometry tiles, which are made for panning, not for drawing everything once.
    """
    polygons = layer.polygons
    rows = polygons.visible(view.bounds())
    if not len(rows):
        return {}
    geoms = polygons.geometries[rows]
    tolerance = view.scale * SIMPLIFY_PX
    if tolerance > FULL_DETAIL_TOLERANCE:
        geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
    parts, owner = geoms, np.arange(len(geoms))
    for _ in range(3):  # multipolygons, and collections of them, down to polygons
        multi = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
        if not multi.any():
            break
        parts, index = shapely.get_parts(parts, return_index=True)
        owner = owner[index]
    polygon = shapely.get_type_id(parts) == 3
    parts, owner = parts[polygon], owner[polygon]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    xy = np.empty_like(coords)
    xy[:, 0] = (coords[:, 0] - view.cx) / view.scale + view.width / 2
    xy[:, 1] = view.height / 2 - (coords[:, 1] - view.cy) / view.scale
    ends = np.cumsum(np.bincount(ring_of, minlength=len(rings)))
    starts = ends - np.diff(ends, prepend=0)
    ring_class = np.asarray(layer.classes)[rows][owner[ring_part]]
    out: dict[int, QPainterPath] = {}
    for cls in np.unique(ring_class).tolist():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for i in np.flatnonzero(ring_class == cls).tolist():
            if ends[i] - starts[i] >= 3:
                path.addPolygon(polygon_from_array(xy[starts[i] : ends[i]]))
                path.closeSubpath()
        out[int(cls)] = path
    return out


def _paint_areas(painter: QPainter, layer: AreaLayer, view: View) -> None:
    paths = _class_paths(layer, view)
    if not paths:
        return
    tiny = _typical_px(layer, view) < TINY_AREA_PX
    raster = isinstance(painter.device(), QImage)
    width = layer.outline_width * LINE_SCALE if layer.outline else 0.0
    painter.save()
    painter.setOpacity(layer.opacity)
    if raster and tiny:
        # Areas a pixel or two across: antialiased edges would leave every one ringed by
        # background, and cost seconds; the canvas draws its overview the same way.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for cls, path in sorted(paths.items()):
        fill = layer.class_colours[cls] if cls < len(layer.class_colours) else ""
        painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        if width > 0 and not (tiny and fill):
            pen = QPen(QColor(layer.outline), min(width, 0.3) if tiny else width)
        elif fill and layer.opacity >= 1.0 and not raster:
            # No outline: a hairline in the fill's own colour closes the pale seams PDF
            # viewers draw between neighbouring areas (a PNG is drawn without the seams).
            pen = QPen(QColor(fill), 0.3)
        else:
            pen = QPen(Qt.PenStyle.NoPen)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path)
    painter.restore()


def _paint_hatch(painter: QPainter, layer: HatchLayer, view: View) -> None:
    """Diagonal lines over areas with no data, drawn as lines (pattern brushes vary by
    viewer)."""
    path = _class_paths(layer, view).get(0)
    if path is None or path.isEmpty():
        return
    box = path.boundingRect().intersected(QRectF(0, 0, view.width, view.height))
    if box.isEmpty():
        return
    painter.save()
    painter.setOpacity(layer.opacity)
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(QColor(HATCH_COLOUR), 0.6))
    lines = []
    span = box.width() + box.height()
    start = box.left() - box.height()
    steps = int(span / HATCH_SPACING) + 2
    for i in range(steps):
        x = start + i * HATCH_SPACING
        lines.append(QLineF(x, box.bottom(), x + box.height(), box.top()))
    painter.drawLines(lines)
    painter.restore()


# ---- assets ------------------------------------------------------------------------------------
def _paint_assets(
    painter: QPainter, layer: AssetLayer, view: View, symbol_scale: float, cancelled: Cancelled
) -> None:
    rows = layer._visible_rows(view)
    if not len(rows):
        return
    sx = (layer.x[rows] - view.cx) / view.scale + view.width / 2
    sy = view.height / 2 - (layer.y[rows] - view.cy) / view.scale
    cats = layer.category_index[rows]
    needs = layer.needs_among(rows)
    plain = ~needs
    painter.save()
    painter.setOpacity(layer.opacity)
    if len(rows) > SYMBOL_LIMIT:
        _paint_dots(painter, layer, sx[plain], sy[plain], cats[plain])
    else:
        _paint_symbols(painter, layer, sx[plain], sy[plain], cats[plain], symbol_scale, cancelled)
    # Need pins on top with their own symbol, as on the map.
    _paint_symbols(
        painter, layer, sx[needs], sy[needs], cats[needs], symbol_scale, cancelled, need=True
    )
    if layer.pending is not None:  # awaiting review: the map's dashed ring, on paper too
        waiting = layer.pending[rows]
        sizes = np.array([size for _s, _c, size in layer.categories])[cats] * symbol_scale
        paint_pending_rings(painter, sx[waiting], sy[waiting], sizes[waiting])
    painter.restore()


def _paint_symbols(
    painter: QPainter,
    layer: AssetLayer,
    sx: np.ndarray,
    sy: np.ndarray,
    cats: np.ndarray,
    symbol_scale: float,
    cancelled: Cancelled,
    *,
    need: bool = False,
) -> None:
    draw = draw_need if need else draw_symbol
    for i in range(len(sx)):
        if i % 500 == 0 and cancelled():
            break
        symbol, colour, size = layer.categories[cats[i]]
        draw(painter, QPointF(sx[i], sy[i]), symbol, colour, size * symbol_scale)


def _paint_dots(
    painter: QPainter, layer: AssetLayer, sx: np.ndarray, sy: np.ndarray, cats: np.ndarray
) -> None:
    """Many assets as small round dots: a round-capped point is a circle in every viewer and
    costs a few bytes, where a symbol path costs a hundred."""
    dense = len(sx) > DENSE_DOTS
    radius = DOT_RADIUS * (0.65 if dense else 1.0)
    order = _shuffled(len(sx))
    device = painter.device()
    if isinstance(device, QImage):  # PNG: stamp the dots, as the canvas does (20× quicker)
        _stamp_dots(painter, layer, sx[order], sy[order], cats[order], radius, dense, device)
        return
    xy = np.column_stack([sx[order], sy[order]])
    cats = cats[order]
    if not dense:
        painter.setPen(_round_pen(INK, 2 * radius + 1.2))
        painter.drawPoints(polygon_from_array(xy))
    # Several rounds through the categories, so no category sits on top of all the others.
    rounds = np.array_split(np.arange(len(xy)), 8)
    for part in rounds:
        for index, (_symbol, colour, _size) in enumerate(layer.categories):
            mine = part[cats[part] == index]
            if len(mine):
                painter.setPen(_round_pen(QColor(colour), 2 * radius))
                painter.drawPoints(polygon_from_array(xy[mine]))


def _stamp_dots(
    painter: QPainter,
    layer: AssetLayer,
    sx: np.ndarray,
    sy: np.ndarray,
    cats: np.ndarray,
    radius: float,
    dense: bool,
    image: QImage,
) -> None:
    ratio = image.devicePixelRatio() * painter.transform().m11()
    bounds = painter.clipBoundingRect()
    width = bounds.width() if not bounds.isEmpty() else image.width() / ratio
    height = bounds.height() if not bounds.isEmpty() else image.height() / ratio
    dots = DotLayer(math.ceil(width), math.ceil(height), ratio)
    if not dense:
        dots.add(sx, sy, argb("#1F2328"), radius + 0.6)
    palette = np.array([argb(colour) for _symbol, colour, _size in layer.categories], np.uint32)
    dots.add(sx, sy, palette[cats], radius)
    painter.drawImage(QPointF(0, 0), dots.image())


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class PrintLabels(Labels):
    """The canvas's label placement, written once as text over a halo drawn as an outline
    (the canvas draws the text five times, which would repeat every word in a PDF), control
    characters in names shown as their symbols (an SVG cannot hold them)."""

    def width(self, text: str) -> float:
        return super().width(readable(text))

    def _draw(self, text: str, baseline: QPointF, colour: QColor, halo: QColor) -> None:
        text = readable(text)
        outline = QPainterPath()
        outline.addText(baseline, self.font, text)
        p = self.painter
        pen = QPen(QColor(255, 255, 255, 230), 2.4)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.strokePath(outline, pen)
        p.setFont(self.font)
        p.setPen(colour)
        p.drawText(baseline, text)


# ---- furniture ---------------------------------------------------------------------------------
def paint_north_arrow(painter: QPainter, top_right: QPointF, size: float, font: QFont) -> None:
    """A plain arrow with N above it; grid north, which is true north to within a few
    degrees in any national or UTM grid."""
    metrics = QFontMetricsF(font)
    w = size * 0.42
    cx = top_right.x() - w - 4
    top = top_right.y() + metrics.height() + 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    backing = QRectF(cx - w - 4, top_right.y() - 1, 2 * w + 8, size + metrics.height() + 6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 210))
    painter.drawRoundedRect(backing, 3, 3)
    tip, base_y, notch_y = QPointF(cx, top), top + size, top + size * 0.72
    left = QPolygonF([tip, QPointF(cx - w, base_y), QPointF(cx, notch_y)])
    right = QPolygonF([tip, QPointF(cx + w, base_y), QPointF(cx, notch_y)])
    painter.setPen(QPen(INK, 0.8))
    painter.setBrush(INK)
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    painter.setFont(font)
    painter.setPen(INK)
    text_w = metrics.horizontalAdvance("N")
    painter.drawText(QPointF(cx - text_w / 2, top_right.y() + metrics.ascent()), "N")
    painter.restore()


def scale_ratio(view: View) -> int:
    """The paper scale 1:N of a view drawn at 96 logical pixels per inch, to two figures."""
    ratio = view.scale * 96 / 0.0254
    if ratio < 1:
        return 1
    step = 10 ** max(int(math.floor(math.log10(ratio))) - 1, 0)
    return int(round(ratio / step) * step)


def paint_scale_bar(
    painter: QPainter, bottom_left: QPointF, view: View, max_px: float, font: QFont, note: str
) -> None:
    """A metric bar of round length in four alternating parts, its numbers, and 1:N."""
    length, label, px = view.nice_scale_bar(max_px)
    metrics = QFontMetricsF(font)
    line = metrics.height()
    bar_h = 4.0
    parts = 4 if _round_parts(length, 4) else 2
    x0 = bottom_left.x() + 6
    ratio_text = translate("Report", "Scale 1:{ratio:,}{note}").format(
        ratio=scale_ratio(view), note=note
    )
    width = max(
        px + metrics.horizontalAdvance(label) / 2 + 10, metrics.horizontalAdvance(ratio_text)
    )
    height = line * 2 + bar_h + 8
    top = bottom_left.y() - height
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 215))
    painter.drawRoundedRect(QRectF(bottom_left.x(), top, width + 12, height), 3, 3)
    bar_top = top + line + 2
    painter.setPen(QPen(INK, 0.6))
    for i in range(parts):
        painter.setBrush(INK if i % 2 == 0 else QColor("white"))
        painter.drawRect(QRectF(x0 + i * px / parts, bar_top, px / parts, bar_h))
    painter.setFont(font)
    painter.setPen(INK)
    baseline = bar_top - 2 - metrics.descent()
    for i, text in ((0, "0"), (parts // 2, _plain(length / 2, length)), (parts, label)):
        x = x0 + i * px / parts
        painter.drawText(QPointF(x - metrics.horizontalAdvance(text) / 2, baseline), text)
    painter.setPen(MUTED)
    painter.drawText(QPointF(x0, bar_top + bar_h + 2 + metrics.ascent()), ratio_text)
    painter.restore()


def _round_parts(length: float, parts: int) -> bool:
    quarter = length / parts
    return abs(quarter - round(quarter)) < 1e-9 and length / 2 == round(length / 2)


def _plain(value: float, total: float) -> str:
    """The middle number, in the unit of the end label (km from 1 km up)."""
    if total >= 1000:
        return f"{value / 1000:g}"
    return f"{value:g}"


def fill_backing(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawRect(rect)
    painter.restore()
