"""Many points as small discs, stamped into a pixel buffer with numpy.

QPainter.drawPoints with a round, antialiased 4-pixel pen takes over a second
for 200,000 points; stamping a precomputed disc into an ARGB buffer takes a few
tens of milliseconds. Used for overview scales, where symbols would only
overlap into a blur anyway.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtGui import QColor, QImage


@lru_cache(maxsize=16)
def disc_offsets(radius: float) -> tuple[np.ndarray, np.ndarray]:
    r = int(np.ceil(radius))
    dx, dy = np.meshgrid(np.arange(-r, r + 1), np.arange(-r, r + 1))
    inside = dx**2 + dy**2 <= radius**2 + 0.5
    return dx[inside].astype(np.intp), dy[inside].astype(np.intp)


def argb(colour: str | QColor, alpha: int = 255) -> np.uint32:
    """Premultiplied 0xAARRGGBB, as Format_ARGB32_Premultiplied stores it."""
    c = QColor(colour)
    a = alpha / 255.0
    return np.uint32(
        (alpha << 24)
        | (round(c.red() * a) << 16)
        | (round(c.green() * a) << 8)
        | round(c.blue() * a)
    )


class DotLayer:
    """A transparent image of dots; keep the object alive while its image is drawn."""

    def __init__(self, width: int, height: int, dpr: float) -> None:
        self.dpr = dpr
        self.buffer = np.zeros((max(1, round(height * dpr)), max(1, round(width * dpr))), np.uint32)

    def add(
        self, sx: np.ndarray, sy: np.ndarray, colours: np.ndarray | np.uint32, radius_px: float
    ) -> None:
        """Stamp a disc per point; ``colours`` is one value or one per point.

        Points sharing a pixel need one stamp (at overview scales that is most of them);
        of those, the last one given wins the pixel.
        """
        h, w = self.buffer.shape
        radius = radius_px * self.dpr
        pad = int(np.ceil(radius))
        px = np.rint(sx * self.dpr).astype(np.intp) + pad
        py = np.rint(sy * self.dpr).astype(np.intp) + pad
        width, height = w + 2 * pad, h + 2 * pad
        near = (px >= 0) & (px < width) & (py >= 0) & (py < height)
        owner = np.full(width * height, -1, dtype=np.intp)
        owner[py[near] * width + px[near]] = np.flatnonzero(near)
        cells = np.flatnonzero(owner >= 0)
        values = np.broadcast_to(np.asarray(colours, dtype=np.uint32), sx.shape)[owner[cells]]
        cy, cx = np.divmod(cells, width)
        for ox, oy in zip(*disc_offsets(radius), strict=True):
            x = cx + ox - pad
            y = cy + oy - pad
            ok = (x >= 0) & (x < w) & (y >= 0) & (y < h)
            self.buffer[y[ok], x[ok]] = values[ok]

    def image(self) -> QImage:
        h, w = self.buffer.shape
        image = QImage(self.buffer.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self.dpr)
        return image
