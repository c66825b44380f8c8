"""Category symbols as inline SVG: the same shapes as the map canvas (qt/canvas/symbols.py),
filled in the category colour with a dark outline, for markers, the legend and the layer list.

Only fixed templates and numbers go into the markup; a colour that is not a plain hex colour
is replaced, so no user text can reach it.
"""

from __future__ import annotations

import math
import re

OUTLINE = "#1F2328"
FALLBACK_COLOUR = "#7F7F7F"
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def safe_colour(colour: object, fallback: str = FALLBACK_COLOUR) -> str:
    """``colour`` if it is a plain "#RRGGBB" colour, else ``fallback``."""
    text = str(colour or "").strip()
    return text if _HEX.fullmatch(text) else fallback


def _regular(n: int, r: float, start_deg: float, dy: float = 0.0) -> list[tuple[float, float]]:
    return [
        (
            r * math.cos(math.radians(start_deg + i * 360 / n)),
            r * math.sin(math.radians(start_deg + i * 360 / n)) + dy,
        )
        for i in range(n)
    ]


def _star(points: int, outer: float, inner: float) -> list[tuple[float, float]]:
    out = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 180 / points)
        out.append((r * math.cos(a), r * math.sin(a)))
    return out


def _cross(r: float, w: float, rotate: bool) -> list[tuple[float, float]]:
    pts = [(-w, -r), (w, -r), (w, -w), (r, -w), (r, w), (w, w), (w, r), (-w, r), (-w, w),
           (-r, w), (-r, -w), (-w, -w)]  # fmt: skip
    if rotate:
        c = s = math.sqrt(0.5)
        pts = [(x * c - y * s, x * s + y * c) for x, y in pts]
    return pts


def _outline(symbol: str, r: float) -> list[tuple[float, float]] | None:
    """The symbol's polygon around (0, 0); None for a circle."""
    if symbol == "square":
        s = r * 0.88
        return [(-s, -s), (s, -s), (s, s), (-s, s)]
    if symbol in ("triangle", "triangle_down"):
        sign = 1 if symbol == "triangle" else -1
        return _regular(3, r * 1.12, -90 * sign, dy=r * 0.18 * sign)
    if symbol == "diamond":
        return [(0, -r), (r, 0), (0, r), (-r, 0)]
    if symbol == "pentagon":
        return _regular(5, r, -90)
    if symbol == "hexagon":
        return _regular(6, r, 0)
    if symbol == "star":
        return _star(5, r * 1.1, r * 0.48)
    if symbol == "cross":
        return _cross(r, r * 0.34, rotate=True)
    if symbol == "plus":
        return _cross(r, r * 0.34, rotate=False)
    return None


def symbol_svg(symbol: str, colour: str, size: float) -> str:
    """An SVG element ``size`` pixels square holding the symbol."""
    pad = 2.0
    side = size + 2 * pad
    c = side / 2
    r = size / 2
    stroke = max(1.0, size / 10)
    fill = safe_colour(colour)
    points = _outline(symbol, r)
    if points is None:
        shape = f'<circle cx="{c:.2f}" cy="{c:.2f}" r="{r:.2f}"/>'
    else:
        coords = " ".join(f"{c + x:.2f},{c + y:.2f}" for x, y in points)
        shape = f'<polygon points="{coords}"/>'
    return (
        f'<svg width="{side:g}" height="{side:g}" '
        f'viewBox="0 0 {side:g} {side:g}" aria-hidden="true">'
        f'<g fill="{fill}" stroke="{OUTLINE}" stroke-width="{stroke:.2f}" '
        f'stroke-linejoin="round">{shape}</g></svg>'
    )
