"""Category symbols: one shape per category, drawn the same on the map, legend and exports."""

from __future__ import annotations

import math
import threading
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from assetmap.core.symbols import OUTLINE_COLOUR, outline, stroke_width


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


_sprite_lock = threading.Lock()


@lru_cache(maxsize=512)
def _sprite(symbol: str, colour: str, size: float, dpr: float) -> QImage:
    pad = 2.0
    side = math.ceil((size + 2 * pad) * dpr)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_symbol(painter, QPointF(side / dpr / 2, side / dpr / 2), symbol, colour, size)
    painter.end()
    return image


def sprite(symbol: str, colour: str, size: float, dpr: float = 1.0) -> QImage:
    """A pre-rendered symbol image; drawing images is much faster than drawing paths."""
    with _sprite_lock:
        return _sprite(symbol, colour, round(size, 1), round(dpr, 2))
