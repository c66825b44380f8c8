"""What the map shows while it has the keyboard: a focus ring round it and a cross-hair at
its centre, the point the keyboard acts on (add, place, identify), and how far the arrow keys
move the map under it.

The cross-hair stands still and the map moves: arrow keys pan in small steps fine enough to put
an asset on the right building once zoomed in, Shift+arrow in large steps to cross the map.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from assetmap.qt.canvas.view import View

FOCUS_COLOUR = QColor("#0969DA")
FINE_STEP_FRACTION = 1 / 20  # of the map's width or height
LARGE_STEP_FRACTION = 1 / 4
MIN_STEP_PX = 4.0
CROSS_ARM_PX = 12.0
CROSS_GAP_PX = 3.0


def pan_steps(width: int, height: int, large: bool) -> tuple[float, float]:
    """Pixels one arrow key moves the map across and up or down."""
    fraction = LARGE_STEP_FRACTION if large else FINE_STEP_FRACTION
    return max(width * fraction, MIN_STEP_PX), max(height * fraction, MIN_STEP_PX)


def cross_hair_centre(view: View) -> QPointF:
    return QPointF(view.width / 2, view.height / 2)


def paint_focus(painter: QPainter, view: View) -> None:
    """The ring along the map's edges and the centre cross-hair, each with a white halo so
    they show on dark and light maps alike."""
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = QRectF(1.5, 1.5, view.width - 3.0, view.height - 3.0)
    painter.setPen(QPen(FOCUS_COLOUR, 3.0))
    painter.drawRect(ring)
    centre = cross_hair_centre(view)
    for colour, width in ((QColor(255, 255, 255, 230), 4.0), (FOCUS_COLOUR, 2.0)):
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            near = QPointF(centre.x() + dx * CROSS_GAP_PX, centre.y() + dy * CROSS_GAP_PX)
            far = QPointF(centre.x() + dx * CROSS_ARM_PX, centre.y() + dy * CROSS_ARM_PX)
            painter.drawLine(near, far)
    painter.restore()
