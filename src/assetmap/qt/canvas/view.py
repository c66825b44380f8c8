"""Where the map is looking: centre, scale and size, and the world<->screen maths.

Screen y grows downwards, projected y grows northwards, hence the flips.
Scale is map units (metres) per logical screen pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

MIN_SCALE = 0.05  # 5 cm per pixel: closer than any asset needs
MAX_SCALE = 20_000.0  # 20 km per pixel: more than the whole of Great Britain on a laptop screen


@dataclass(frozen=True)
class View:
    cx: float
    cy: float
    scale: float
    width: int
    height: int

    # ---- conversions ---------------------------------------------------------------
    def to_screen(self, x: float, y: float) -> QPointF:
        return QPointF(
            (x - self.cx) / self.scale + self.width / 2,
            self.height / 2 - (y - self.cy) / self.scale,
        )

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        return (
            self.cx + (sx - self.width / 2) * self.scale,
            self.cy - (sy - self.height / 2) * self.scale,
        )

    def transform(self) -> QTransform:
        """World -> logical screen pixels, for painting geometry in world coordinates."""
        s = 1.0 / self.scale
        return QTransform(s, 0, 0, -s, self.width / 2 - self.cx * s, self.height / 2 + self.cy * s)

    def bounds(self, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        half_w = (self.width / 2 + margin_px) * self.scale
        half_h = (self.height / 2 + margin_px) * self.scale
        return (self.cx - half_w, self.cy - half_h, self.cx + half_w, self.cy + half_h)

    def screen_rect_of(self, bounds: tuple[float, float, float, float]) -> QRectF:
        a = self.to_screen(bounds[0], bounds[3])
        b = self.to_screen(bounds[2], bounds[1])
        return QRectF(a, b).normalized()

    # ---- moves ---------------------------------------------------------------------
    def panned(self, dx_px: float, dy_px: float) -> View:
        """The view after dragging the map by (dx, dy) pixels."""
        return replace(self, cx=self.cx - dx_px * self.scale, cy=self.cy + dy_px * self.scale)

    def zoomed(self, factor: float, anchor: QPointF | None = None) -> View:
        """Zoom in by ``factor`` (>1 zooms in) keeping the world point under ``anchor`` fixed."""
        scale = min(max(self.scale / factor, MIN_SCALE), MAX_SCALE)
        if anchor is None:
            return replace(self, scale=scale)
        wx, wy = self.to_world(anchor.x(), anchor.y())
        cx = wx - (anchor.x() - self.width / 2) * scale
        cy = wy + (anchor.y() - self.height / 2) * scale
        return replace(self, cx=cx, cy=cy, scale=scale)

    def resized(self, width: int, height: int) -> View:
        return replace(self, width=max(width, 1), height=max(height, 1))

    def fitted(self, bounds: tuple[float, float, float, float], margin: float = 0.05) -> View:
        minx, miny, maxx, maxy = bounds
        w = max(maxx - minx, 1.0) * (1 + 2 * margin)
        h = max(maxy - miny, 1.0) * (1 + 2 * margin)
        scale = max(w / max(self.width, 1), h / max(self.height, 1))
        scale = float(min(max(scale, MIN_SCALE * 20), MAX_SCALE))
        return replace(self, cx=float(minx + maxx) / 2, cy=float(miny + maxy) / 2, scale=scale)

    # ---- relations between views (for drawing a cached image during pan/zoom) --------
    def image_transform(self, rendered: View) -> QTransform:
        """Maps pixels of an image rendered for ``rendered`` onto this view's pixels."""
        k = rendered.scale / self.scale
        origin = self.to_screen(*rendered.to_world(0, 0))
        return QTransform(k, 0, 0, k, origin.x(), origin.y())

    @property
    def level(self) -> int:
        """Scale bucket (powers of two) used to cache simplified geometry."""
        return math.floor(math.log2(self.scale))

    def nice_scale_bar(self, max_px: float = 120.0) -> tuple[float, str, float]:
        """A scale bar length in metres with a round number, its label and width in pixels."""
        metres = self.scale * max_px
        magnitude = 10 ** math.floor(math.log10(metres))
        for step in (5, 2, 1):
            if step * magnitude <= metres:
                length = step * magnitude
                break
        else:
            length = magnitude
        label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
        return length, label, length / self.scale
