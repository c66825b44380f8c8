"""Things drawn over the map on the GUI thread: the selection, the identified area,
and the active tool's feedback."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from shapely.geometry.base import BaseGeometry

from assetmap.qt.canvas.polygons import path_of
from assetmap.qt.canvas.view import View
from assetmap.qt.session import Session

HIGHLIGHT = QColor("#0969DA")
MAX_RINGS = 3000  # beyond this, selected assets are marked with dots


class SelectionOverlay:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.area: BaseGeometry | None = None

    def paint(self, painter: QPainter, view: View) -> None:
        if self.area is not None:
            self._paint_area(painter, view)
        selected = self.session.selection
        if not selected:
            return
        points = self.session.points()
        rows = points[points["uuid"].isin(selected)]
        if not len(rows):
            return
        minx, miny, maxx, maxy = view.bounds(margin_px=20)
        x, y = rows["x"].to_numpy(), rows["y"].to_numpy()
        inside = (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)
        x, y = x[inside], y[inside]
        sx = (x - view.cx) / view.scale + view.width / 2
        sy = view.height / 2 - (y - view.cy) / view.scale
        painter.save()
        if len(sx) > MAX_RINGS:
            pen = QPen(HIGHLIGHT, 5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            for px, py in zip(sx, sy, strict=True):
                painter.drawPoint(QPointF(px, py))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            halo = QPen(QColor(255, 255, 255, 230), 5)
            ring = QPen(HIGHLIGHT, 2.5)
            for px, py in zip(sx, sy, strict=True):
                centre = QPointF(px, py)
                painter.setPen(halo)
                painter.drawEllipse(centre, 10, 10)
                painter.setPen(ring)
                painter.drawEllipse(centre, 10, 10)
        painter.restore()

    def _paint_area(self, painter: QPainter, view: View) -> None:
        painter.save()
        painter.setTransform(view.transform(), combine=True)
        pen = QPen(HIGHLIGHT, 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor(9, 105, 218, 30))
        painter.drawPath(path_of(self.area))
        painter.restore()


class ToolOverlay:
    """Lets the active tool draw its feedback (rubber band, ghost) over the map."""

    def __init__(self, canvas: object) -> None:
        self.canvas = canvas

    def paint(self, painter: QPainter, view: View) -> None:
        tool = getattr(self.canvas, "tool", None)
        if tool is not None:
            tool.paint(painter, view)


def screen_positions(view: View, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (x - view.cx) / view.scale + view.width / 2, view.height / 2 - (y - view.cy) / view.scale
