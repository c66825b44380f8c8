"""The join address as a QR code a phone's camera reads across a room.

segno makes the code (pure Python, no image library); it is drawn here as square modules
on a white field with the four-module quiet zone readers need, each module a whole number
of pixels so the edges stay sharp on a projector.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

QUIET_ZONE = 4  # modules of white around the code: the standard's minimum
DARK = QColor("#111111")


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules, row by row (True: dark), without the quiet zone."""
    code = segno.make_qr(text, error="m")
    return [[bool(m) for m in row] for row in code.matrix]


def qr_image(text: str, size_px: int) -> QImage:
    """A square image at most ``size_px`` wide (never smaller than one pixel per module)."""
    matrix = qr_matrix(text)
    modules = len(matrix) + 2 * QUIET_ZONE
    cell = max(1, size_px // modules)
    side = cell * modules
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    x, y = (c + QUIET_ZONE) * cell, (r + QUIET_ZONE) * cell
                    painter.fillRect(QRect(x, y, cell, cell), DARK)
    finally:
        painter.end()
    return image
