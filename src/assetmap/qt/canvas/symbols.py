"""Category symbols: one shape per category, drawn the same on the map, legend and exports."""

from __future__ import annotations

import math
import threading
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from assetmap.core.symbols import (
    NEED_FILL,
    NEED_MARK_COLOUR,
    OUTLINE_COLOUR,
    need_band_width,
    need_mark,
    need_outline_size,
    need_pad,
    outline,
    stroke_width,
)


def symbol_path(symbol: str, size: float) -> QPainterPath:
    """The outline of a symbol centred on (0, 0), ``size`` pixels across (the shape comes
    from ``assetmap.core.symbols``, which the HTML export draws from too)."""
    path = QPainterPath()
    points = outline(symbol, size)
    if points is None:
        path.addEllipse(QPointF(0, 0), size / 2, size / 2)
    else:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def draw_symbol(painter: QPainter, centre: QPointF, symbol: str, colour: str, size: float) -> None:
    """Fill in the category colour with a dark outline, so light colours read on light maps."""
    painter.save()
    painter.translate(centre)
    painter.setPen(QPen(QColor(OUTLINE_COLOUR), stroke_width(size)))
    painter.setBrush(QColor(colour))
    painter.drawPath(symbol_path(symbol, size))
    painter.restore()


def draw_need(painter: QPainter, centre: QPointF, symbol: str, colour: str, size: float) -> None:
    """A need pin ("this is missing here"): the category's shape hollow, a band of its
    colour between dark edges, with a dark exclamation mark inside (see core.symbols)."""
    painter.save()
    painter.translate(centre)
    path = symbol_path(symbol, need_outline_size(size))
    band = need_band_width(size)
    edge = stroke_width(size)
    dark = QPen(QColor(OUTLINE_COLOUR), band + 2 * edge)
    dark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(dark)
    painter.setBrush(QColor(NEED_FILL))
    painter.drawPath(path)
    coloured = QPen(QColor(colour), band)
    coloured.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(coloured)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    bar, dot, radius = need_mark(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(NEED_MARK_COLOUR))
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in bar]))
    painter.drawEllipse(QPointF(*dot), radius, radius)
    painter.restore()


_sprite_lock = threading.Lock()


@lru_cache(maxsize=512)
def _sprite(symbol: str, colour: str, size: float, dpr: float, need: bool) -> QImage:
    pad = need_pad(size) + 1.0 if need else 2.0
    side = math.ceil((size + 2 * pad) * dpr)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw = draw_need if need else draw_symbol
    draw(painter, QPointF(side / dpr / 2, side / dpr / 2), symbol, colour, size)
    painter.end()
    return image


def sprite(
    symbol: str, colour: str, size: float, dpr: float = 1.0, *, need: bool = False
) -> QImage:
    """A pre-rendered symbol image (a need pin's with ``need``); drawing images is much
    faster than drawing paths."""
    with _sprite_lock:
        return _sprite(symbol, colour, round(size, 1), round(dpr, 2), need)
