"""Category symbols: one shape per category, drawn the same on the map, legend and exports."""

from __future__ import annotations

import math
import threading
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF


def symbol_path(symbol: str, size: float) -> QPainterPath:
    """The outline of a symbol centred on (0, 0), ``size`` pixels across."""
    r = size / 2
    path = QPainterPath()
    if symbol == "circle":
        path.addEllipse(QPointF(0, 0), r, r)
    elif symbol == "square":
        s = r * 0.88
        path.addRect(QRectF(-s, -s, 2 * s, 2 * s))
    elif symbol in ("triangle", "triangle_down"):
        sign = 1 if symbol == "triangle" else -1
        path.addPolygon(_regular(3, r * 1.12, -90 * sign, dy=r * 0.18 * sign))
    elif symbol == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
    elif symbol == "pentagon":
        path.addPolygon(_regular(5, r, -90))
    elif symbol == "hexagon":
        path.addPolygon(_regular(6, r, 0))
    elif symbol == "star":
        path.addPolygon(_star(5, r * 1.1, r * 0.48))
    elif symbol == "cross":
        path.addPolygon(_cross(r, r * 0.34, rotate=True))
    elif symbol == "plus":
        path.addPolygon(_cross(r, r * 0.34, rotate=False))
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    path.closeSubpath()
    return path


def _regular(n: int, r: float, start_deg: float, dy: float = 0.0) -> QPolygonF:
    return QPolygonF(
        [
            QPointF(
                r * math.cos(math.radians(start_deg + i * 360 / n)),
                r * math.sin(math.radians(start_deg + i * 360 / n)) + dy,
            )
            for i in range(n)
        ]
    )


def _star(points: int, outer: float, inner: float) -> QPolygonF:
    out = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 180 / points)
        out.append(QPointF(r * math.cos(a), r * math.sin(a)))
    return QPolygonF(out)


def _cross(r: float, w: float, rotate: bool) -> QPolygonF:
    pts = [
        (-w, -r),
        (w, -r),
        (w, -w),
        (r, -w),
        (r, w),
        (w, w),
        (w, r),
        (-w, r),
        (-w, w),
        (-r, w),
        (-r, -w),
        (-w, -w),
    ]
    if rotate:
        c = s = math.sqrt(0.5)
        pts = [(x * c - y * s, x * s + y * c) for x, y in pts]
    return QPolygonF([QPointF(x, y) for x, y in pts])


def draw_symbol(painter: QPainter, centre: QPointF, symbol: str, colour: str, size: float) -> None:
    """Fill in the category colour with a dark outline, so light colours read on light maps."""
    painter.save()
    painter.translate(centre)
    painter.setPen(QPen(QColor("#1F2328"), max(1.0, size / 10)))
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
