"""What one render draws: immutable snapshots of the layers, painted onto a QImage.

Snapshots are taken on the GUI thread and painted on a worker thread, so the
model can change while a render runs; the next render picks the change up.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from assetmap.core.symbols import PENDING_RING, PENDING_RING_GAP
from assetmap.qt.canvas.dots import DotLayer, argb
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.canvas.view import View

if TYPE_CHECKING:
    from assetmap.qt.canvas.basemap import BasemapLayer
    from assetmap.qt.canvas.tiles import RasterTileLayer

Cancelled = Callable[[], bool]

# Above this many visible assets the map draws small dots, not symbols: symbols would
# overlap into a blur anyway, and dots draw 200,000 points in one call per category.
SYMBOL_LIMIT = 4000
ASSET_LABEL_LIMIT = 250
DOT_RADIUS = 1.6  # logical pixels
DENSE_DOTS = 30_000  # more visible assets than this: small dots, no rims
OVERVIEW_SCALE = 150.0  # m per pixel: coarser than this, area outlines skip antialiasing
ASSET_LABEL_MAX_SCALE = 6.0  # m per pixel: street level
AREA_LABEL_MIN_PX = 70.0


LABEL_CELL_PX = 64.0  # placed label boxes are looked up in a grid of this size
LABEL_IMAGES_KEPT = 4000
LABEL_PAD_PX = 2
WIDTHS_KEPT = 50_000
_widths: dict[tuple[str, str], float] = {}  # (font key, text) -> advance


class Labels:
    """Greedy label placement: a label is drawn only where it overlaps no earlier one.

    On screen each label (its text over a white halo) is drawn from an image made once
    and kept across renders: the halo is the text drawn four times, and a town's few
    hundred names would otherwise cost more than the streets under them.
    """

    def __init__(self, painter: QPainter, font: QFont) -> None:
        self.painter = painter
        self.font = font
        self.metrics = QFontMetricsF(font)
        self._font_key = font.key()
        self.taken: list[QRectF] = []
        self.texts: list[str] = []  # the words of each box in ``taken``, in the same order
        self._cells: dict[tuple[int, int], list[QRectF]] = {}

    def sibling(self, font: QFont) -> Labels:
        """Labels in another font that share this one's placed rectangles (no overlaps
        between them either)."""
        other = type(self)(self.painter, font)
        other.taken = self.taken
        other.texts = self.texts
        other._cells = self._cells
        return other

    def width(self, text: str) -> float:
        """The text's advance in this font, measured once per font and text: a town's few
        hundred street names are measured on every render otherwise."""
        key = (self._font_key, text)
        width = _widths.get(key)
        if width is None:
            if len(_widths) > WIDTHS_KEPT:
                _widths.clear()
            width = _widths[key] = self.metrics.horizontalAdvance(text)
        return width

    # ---- where labels are --------------------------------------------------------------------
    def _claim(self, rect: QRectF, text: str) -> bool:
        """Take ``rect`` for a label if no earlier label's box meets it."""
        cells = _cells_of(rect)
        for cell in cells:
            for other in self._cells.get(cell, ()):
                if rect.intersects(other):
                    return False
        for cell in cells:
            self._cells.setdefault(cell, []).append(rect)
        self.taken.append(rect)
        self.texts.append(text)
        return True

    # ---- drawing ---------------------------------------------------------------------------
    def _draw(self, text: str, baseline: QPointF, colour: QColor, halo: QColor) -> None:
        device = self.painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        image = label_image(text, self.font, colour, halo, dpr)
        top_left = baseline - QPointF(LABEL_PAD_PX, LABEL_PAD_PX + self.metrics.ascent())
        self.painter.drawImage(top_left, image)

    def _rotated(self, text: str, centre: QPointF, angle: float) -> tuple[QRectF, float, float]:
        """The box a label set at ``angle`` degrees takes (axis-aligned, padded), and the
        text's width and height; upside-down text is turned the right way up."""
        width = self.width(text)
        height = self.metrics.height()
        radians = math.radians(angle)
        c, s = abs(math.cos(radians)), abs(math.sin(radians))
        w, h = width + 6, height + 2
        box_w, box_h = w * c + h * s, w * s + h * c
        rect = QRectF(centre.x() - box_w / 2, centre.y() - box_h / 2, box_w, box_h)
        return rect, width, height

    def place_along(
        self, text: str, centre: QPointF, angle: float, *, colour: QColor, halo: QColor
    ) -> bool:
        """A label centred on ``centre`` and turned ``angle`` degrees (a street's name along
        it); placed only where its box overlaps no earlier label."""
        angle = _upright(angle)
        rect, width, height = self._rotated(text, centre, angle)
        if not self._claim(rect, text):
            return False
        p = self.painter
        p.save()
        p.translate(centre)
        p.rotate(angle)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self._draw(text, QPointF(-width / 2, -height / 2 + self.metrics.ascent()), colour, halo)
        p.restore()
        return True

    def place(
        self, text: str, anchor: QPointF, *, centred: bool, colour: QColor, halo: QColor
    ) -> bool:
        width = self.width(text)
        height = self.metrics.height()
        if centred:
            rect = QRectF(anchor.x() - width / 2, anchor.y() - height / 2, width, height)
        else:
            rect = QRectF(anchor.x() + 7, anchor.y() - height / 2, width, height)
        padded = rect.adjusted(-3, -1, 3, 1)
        if not self._claim(padded, text):
            return False
        self._draw(text, QPointF(rect.left(), rect.top() + self.metrics.ascent()), colour, halo)
        return True


def _cells_of(rect: QRectF) -> list[tuple[int, int]]:
    x0, x1 = int(rect.left() // LABEL_CELL_PX), int(rect.right() // LABEL_CELL_PX)
    y0, y1 = int(rect.top() // LABEL_CELL_PX), int(rect.bottom() // LABEL_CELL_PX)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


_label_images: OrderedDict[tuple, QImage] = OrderedDict()
_label_images_lock = threading.Lock()


def label_image(text: str, font: QFont, colour: QColor, halo: QColor, dpr: float) -> QImage:
    """``text`` over a soft halo (legible over fills and lines), transparent around it,
    with ``LABEL_PAD_PX`` to spare; made once per text, font, colours and pixel ratio."""
    key = (text, font.key(), colour.rgba(), halo.rgba(), round(dpr, 3))
    with _label_images_lock:
        image = _label_images.get(key)
        if image is not None:
            _label_images.move_to_end(key)
            return image
    metrics = QFontMetricsF(font)
    pad = LABEL_PAD_PX
    width = metrics.horizontalAdvance(text) + 2 * pad
    height = metrics.height() + 2 * pad
    image = QImage(
        max(1, math.ceil(width * dpr)),
        max(1, math.ceil(height * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    baseline = QPointF(pad, pad + metrics.ascent())
    painter.setPen(QPen(halo, 3))
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        painter.drawText(baseline + QPointF(dx, dy), text)
    painter.setPen(colour)
    painter.drawText(baseline, text)
    painter.end()
    with _label_images_lock:
        _label_images[key] = image
        while len(_label_images) > LABEL_IMAGES_KEPT:
            _label_images.popitem(last=False)
    return image


@dataclass
class AreaLayer:
    name: str
    polygons: PolygonSet
    classes: np.ndarray  # fill class per feature
    class_colours: list[str]
    classes_version: int
    outline: str
    outline_width: float
    opacity: float
    labels: list[str] | None
    label_points: np.ndarray | None  # (n, 2)

    def paint(self, painter: QPainter, view: View, cancelled: Cancelled) -> None:
        painter.save()
        painter.setOpacity(self.opacity)
        # Antialiasing triples the cost of a national overview, where outlines are a pixel
        # apart anyway; closer in, it is cheap and makes boundaries smooth.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, bool(view.scale < OVERVIEW_SCALE))
        painter.setTransform(view.transform(), combine=True)
        pen = QPen(QColor(self.outline))
        pen.setCosmetic(True)
        pen.setWidthF(self.outline_width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen if self.outline_width > 0 else Qt.PenStyle.NoPen)
        brushes = [QColor(c) if c else None for c in self.class_colours]
        level = view.level
        for tile in self.polygons.visible_tiles(view.bounds()):
            if cancelled():
                break
            paths = self.polygons.tile_paths(tile, level, self.classes, self.classes_version)
            for cls, path in paths.items():
                brush = brushes[cls] if cls < len(brushes) else None
                painter.setBrush(brush if brush is not None else Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
        painter.restore()

    def prepare(self, view: View, cancelled: Cancelled) -> None:
        """Build (and cache) the tiles ``view`` would draw, drawing nothing."""
        for tile in self.polygons.visible_tiles(view.bounds()):
            if cancelled():
                return
            self.polygons.tile_paths(tile, view.level, self.classes, self.classes_version)

    def paint_labels(self, labels: Labels, view: View) -> None:
        if not self.labels or self.label_points is None:
            return
        rows = self.polygons.visible(view.bounds())
        b = self.polygons.bounds[rows]
        wide = (b[:, 2] - b[:, 0]) / view.scale >= AREA_LABEL_MIN_PX
        for i in rows[wide][:400]:
            text = self.labels[i]
            if not text:
                continue
            x, y = self.label_points[i]
            labels.place(
                text,
                view.to_screen(x, y),
                centred=True,
                colour=QColor("#3B4450"),
                halo=QColor(255, 255, 255, 220),
            )


def paint_pending_rings(
    painter: QPainter, sx: np.ndarray, sy: np.ndarray, sizes: np.ndarray
) -> None:
    """A dashed ring around each asset awaiting review: it stands out from approved ones
    whatever its category's colour, and reads as "not settled yet"."""
    if not len(sx):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(PENDING_RING), 2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for x, y, size in zip(sx, sy, sizes, strict=True):
        radius = float(size) / 2 + PENDING_RING_GAP
        painter.drawEllipse(QPointF(float(x), float(y)), radius, radius)
    painter.restore()


# A small yellow dot with a dark rim at the symbol's upper right: "due for checking". Okabe-Ito
# yellow is the one colour of that palette no category group uses, and the rim keeps it
# visible over a light basemap.
DUE_BADGE = "#F0E442"
DUE_BADGE_RIM = "#1F2328"
DUE_BADGE_RADIUS = 3.5


def paint_due_badges(painter: QPainter, sx: np.ndarray, sy: np.ndarray, sizes: np.ndarray) -> None:
    """A badge on each asset due for checking (its last check is older than its category's
    review interval), where it does not hide the symbol's shape."""
    if not len(sx):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(DUE_BADGE_RIM), 1.2))
    painter.setBrush(QColor(DUE_BADGE))
    for x, y, size in zip(sx, sy, sizes, strict=True):
        offset = float(size) / 2
        centre = QPointF(float(x) + offset, float(y) - offset)
        painter.drawEllipse(centre, DUE_BADGE_RADIUS, DUE_BADGE_RADIUS)
    painter.restore()


@dataclass
class AssetLayer:
    x: np.ndarray
    y: np.ndarray
    category_index: np.ndarray  # position in ``categories``
    names: np.ndarray
    categories: list[tuple[str, str, float]]  # (symbol, colour, size) per category
    visible: np.ndarray  # bool per point
    opacity: float = 1.0
    labels: bool = True
    pending: np.ndarray | None = None  # bool per point: awaiting review, drawn apart
    need: np.ndarray | None = None  # bool per point: a need pin, drawn hollow with a "!"
    due: np.ndarray | None = None  # bool per point: due for checking, badged (symbols only)

    def paint(self, painter: QPainter, view: View, cancelled: Cancelled, dpr: float) -> None:
        rows = self._visible_rows(view)
        if not len(rows):
            return
        painter.save()
        painter.setOpacity(self.opacity)
        sx = (self.x[rows] - view.cx) / view.scale + view.width / 2
        sy = view.height / 2 - (self.y[rows] - view.cy) / view.scale
        cats = self.category_index[rows]
        needs = self.needs_among(rows)
        plain = ~needs
        dots = len(rows) > SYMBOL_LIMIT
        if dots:
            self._paint_dots(painter, view, sx[plain], sy[plain], cats[plain], dpr)
        else:
            self._paint_symbols(painter, sx[plain], sy[plain], cats[plain], dpr, cancelled)
        # Needs on top, always as their own symbol: they are few, and the point of them.
        self._paint_symbols(painter, sx[needs], sy[needs], cats[needs], dpr, cancelled, need=True)
        if self.pending is not None:
            waiting = self.pending[rows]
            sizes = np.array([size for _s, _c, size in self.categories])[cats]
            paint_pending_rings(painter, sx[waiting], sy[waiting], sizes[waiting])
        if self.due is not None and not dots:
            # Badges on a carpet of dots would be a second carpet: only once symbols show.
            due = self.due[rows] & plain
            sizes = np.array([size for _s, _c, size in self.categories])[cats]
            paint_due_badges(painter, sx[due], sy[due], sizes[due])
        painter.restore()

    def needs_among(self, rows: np.ndarray) -> np.ndarray:
        """Which of ``rows`` are need pins (bool per row)."""
        if self.need is None:
            return np.zeros(len(rows), dtype=bool)
        return np.asarray(self.need[rows], dtype=bool)

    def _visible_rows(self, view: View) -> np.ndarray:
        minx, miny, maxx, maxy = view.bounds(margin_px=12)
        inside = (self.x >= minx) & (self.x <= maxx) & (self.y >= miny) & (self.y <= maxy)
        return np.flatnonzero(inside & self.visible)

    def _paint_dots(
        self,
        painter: QPainter,
        view: View,
        sx: np.ndarray,
        sy: np.ndarray,
        cats: np.ndarray,
        dpr: float,
    ) -> None:
        dots = DotLayer(view.width, view.height, dpr)
        # A dark rim lets light colours read; when dots crowd into a carpet the rims would
        # turn it black, so dense overviews get smaller dots without them.
        dense = len(sx) > DENSE_DOTS
        radius = DOT_RADIUS * (0.6 if dense else 1.0)
        if not dense:
            dots.add(sx, sy, argb("#1F2328"), radius + 1)
        # One pass in a fixed shuffled order, so no category paints over all the others.
        palette = np.array([argb(colour) for _symbol, colour, _size in self.categories], np.uint32)
        order = _shuffled(len(sx))
        dots.add(sx[order], sy[order], palette[cats[order]], radius)
        painter.drawImage(QPointF(0, 0), dots.image())

    def _paint_symbols(
        self,
        painter: QPainter,
        sx: np.ndarray,
        sy: np.ndarray,
        cats: np.ndarray,
        dpr: float,
        cancelled: Cancelled,
        *,
        need: bool = False,
    ) -> None:
        if not len(sx):
            return
        sprites = [
            sprite(symbol, colour, size, dpr, need=need) for symbol, colour, size in self.categories
        ]
        for i in range(len(sx)):
            if i % 500 == 0 and cancelled():
                return
            image = sprites[cats[i]]
            half = image.width() / image.devicePixelRatio() / 2
            painter.drawImage(QPointF(sx[i] - half, sy[i] - half), image)

    def paint_labels(self, labels: Labels, view: View) -> None:
        if not self.labels or view.scale > ASSET_LABEL_MAX_SCALE:
            return
        rows = self._visible_rows(view)
        if len(rows) > ASSET_LABEL_LIMIT:
            return
        for i in rows:
            anchor = view.to_screen(self.x[i], self.y[i])
            labels.place(
                str(self.names[i]),
                anchor,
                centred=False,
                colour=QColor("#1F2328"),
                halo=QColor(255, 255, 255, 230),
            )


def _upright(angle: float) -> float:
    """An angle in (-90, 90]: text along a line reads left to right, never upside down."""
    angle = (angle + 180.0) % 360.0 - 180.0
    if angle > 90.0:
        angle -= 180.0
    elif angle <= -90.0:
        angle += 180.0
    return angle


def _shuffled(n: int) -> np.ndarray:
    return np.random.default_rng(7).permutation(n)


@dataclass
class Scene:
    """Everything to draw, bottom to top, plus the background colour.

    Bottom to top: raster tiles, the vector basemap, the area sets, the assets, then the
    labels (assets', towns', areas', then the basemap's other names). ``attributions`` are
    what the basemap and tiles shown owe their sources (the canvas and exports print them).
    """

    areas: list[AreaLayer] = field(default_factory=list)
    assets: AssetLayer | None = None
    background: str = "#FAFBFC"
    basemap: BasemapLayer | None = None
    tiles: RasterTileLayer | None = None
    attributions: list[str] = field(default_factory=list)
    # The label boxes the last render placed (tests check they never overlap).
    placed_labels: list[QRectF] = field(default_factory=list, repr=False, compare=False)
    placed_texts: list[str] = field(default_factory=list, repr=False, compare=False)

    def render(self, view: View, dpr: float, cancelled: Cancelled = lambda: False) -> QImage:
        image = QImage(
            max(1, round(view.width * dpr)),
            max(1, round(view.height * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(dpr)
        image.fill(QColor(self.background))
        painter = QPainter(image)
        try:
            self.paint(painter, view, dpr, cancelled)
        finally:
            painter.end()
        return image

    def prepare(self, view: View, cancelled: Cancelled) -> None:
        """Build the simplified tiles a render of ``view`` would need, drawing nothing: the
        canvas calls it for the next zoom levels in and out while it is idle, so the first
        render after a zoom finds them ready instead of spending 0.1–1 s building them."""
        if self.basemap is not None:
            self.basemap.prepare(view, cancelled)
        for layer in self.areas:
            if cancelled():
                return
            layer.prepare(view, cancelled)

    def paint(self, painter: QPainter, view: View, dpr: float, cancelled: Cancelled) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if self.tiles is not None and not cancelled():
            self.tiles.paint(painter, view, cancelled)
        if self.basemap is not None and not cancelled():
            self.basemap.paint(painter, view, cancelled)
        for layer in self.areas:
            if cancelled():
                return
            layer.paint(painter, view, cancelled)
        if self.assets is not None and not cancelled():
            self.assets.paint(painter, view, cancelled, dpr)
        if cancelled():
            return
        font = QFont()
        font.setPointSizeF(8.5)
        labels = self.paint_labels(Labels(painter, font), view)
        self.placed_labels, self.placed_texts = labels.taken, labels.texts

    def paint_labels(self, labels: Labels, view: View) -> Labels:
        """Assets' names first, then towns, areas, and the basemap's other names, each only
        where no earlier label is."""
        if self.assets is not None:
            self.assets.paint_labels(labels, view)
        if self.basemap is not None:
            self.basemap.paint_labels(labels, view, major=True)
        for layer in reversed(self.areas):
            layer.paint_labels(labels, view)
        if self.basemap is not None:
            self.basemap.paint_labels(labels, view, major=False)
        return labels
