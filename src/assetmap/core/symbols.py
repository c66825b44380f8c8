"""The shapes of category symbols, once, for every place that draws them: the map canvas and
its legend, the print exports (which draw through the canvas's painter code) and the HTML
export (SVG markers). A *need* pin ("this is missing here", from a workshop) is its
category's shape drawn hollow, with an exclamation mark inside, so it reads apart from an
asset without colour (colour-blind readers, greyscale prints, a washed-out projector).

Each shape is a polygon around (0, 0) for a symbol 2 units across
(radius 1, y pointing down as on screen and in SVG), or a circle; a drawer scales it by half
the symbol's size in pixels. Kept here, free of Qt, so the browser draws the very outline the
map does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assetmap.core.i18n import translatable

Point = tuple[float, float]

#: The outline drawn round every symbol, so light colours read on light maps.
OUTLINE_COLOUR = "#1F2328"
#: The dashed ring round an asset awaiting review: it stands out whatever the category's
#: colour. It lies PENDING_RING_GAP pixels outside the symbol's radius, 2 pixels wide.
PENDING_RING = "#B3261E"
PENDING_RING_GAP = 4.0
#: How the legends (the map window's, the print exports', the HTML export's) name the two
#: marks that are not a category, drawn on a neutral grey sample.
PENDING_LABEL = translatable("Awaiting review (dashed ring)")
NEED_LABEL = translatable("Need: something missing here (hollow, with !)")
LEGEND_SAMPLE = "#8C959F"
#: A need pin: white inside, a band of the category colour between two dark edges, and a
#: dark exclamation mark in the middle.
NEED_FILL = "#FFFFFF"
NEED_MARK_COLOUR = OUTLINE_COLOUR
#: The exclamation mark in the 2-unit symbol box: a tapering bar (polygon) and a dot
#: (centre x, centre y, radius).
NEED_MARK_BAR: tuple[Point, ...] = ((-0.15, -0.62), (0.15, -0.62), (0.09, 0.14), (-0.09, 0.14))
NEED_MARK_DOT: tuple[float, float, float] = (0.0, 0.42, 0.14)


@dataclass(frozen=True)
class Shape:
    """A circle of radius 1, or the polygon ``points`` (radius about 1)."""

    circle: bool = False
    points: tuple[Point, ...] = ()


def _regular(n: int, r: float, start_deg: float, dy: float = 0.0) -> tuple[Point, ...]:
    return tuple(
        (
            r * math.cos(math.radians(start_deg + i * 360 / n)),
            r * math.sin(math.radians(start_deg + i * 360 / n)) + dy,
        )
        for i in range(n)
    )


def _star(points: int, outer: float, inner: float) -> tuple[Point, ...]:
    out = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 180 / points)
        out.append((r * math.cos(a), r * math.sin(a)))
    return tuple(out)


def _cross(w: float, rotate: bool) -> tuple[Point, ...]:
    pts = [(-w, -1.0), (w, -1.0), (w, -w), (1.0, -w), (1.0, w), (w, w), (w, 1.0), (-w, 1.0),
           (-w, w), (-1.0, w), (-1.0, -w), (-w, -w)]  # fmt: skip
    if rotate:
        c = s = math.sqrt(0.5)
        pts = [(x * c - y * s, x * s + y * c) for x, y in pts]
    return tuple(pts)


CIRCLE = Shape(circle=True)

#: Symbol name -> shape. The names are the ones categories store (taxonomy.SYMBOLS).
SHAPES: dict[str, Shape] = {
    "circle": CIRCLE,
    "square": Shape(points=((-0.88, -0.88), (0.88, -0.88), (0.88, 0.88), (-0.88, 0.88))),
    "triangle": Shape(points=_regular(3, 1.12, -90, dy=0.18)),
    "triangle_down": Shape(points=_regular(3, 1.12, 90, dy=-0.18)),
    "diamond": Shape(points=((0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0))),
    "pentagon": Shape(points=_regular(5, 1.0, -90)),
    "hexagon": Shape(points=_regular(6, 1.0, 0)),
    "star": Shape(points=_star(5, 1.1, 0.48)),
    "cross": Shape(points=_cross(0.34, rotate=True)),
    "plus": Shape(points=_cross(0.34, rotate=False)),
}


def shape(symbol: str) -> Shape:
    """The symbol's shape; a name not in the table (an old or hand-edited project) is a
    circle, as it always was."""
    return SHAPES.get(symbol, CIRCLE)


def outline(symbol: str, size: float) -> tuple[Point, ...] | None:
    """The symbol's polygon around (0, 0), ``size`` pixels across; None for a circle."""
    found = shape(symbol)
    if found.circle:
        return None
    r = size / 2
    return tuple((x * r, y * r) for x, y in found.points)


def stroke_width(size: float) -> float:
    """The outline's width for a symbol ``size`` pixels across."""
    return max(1.0, size / 10)


def need_band_width(size: float) -> float:
    """The width of a need pin's band of category colour, for a symbol ``size`` pixels
    across: thick enough to carry the colour when the inside is white."""
    return max(2.5, size / 5)


def need_outline_size(size: float) -> float:
    """The size of the outline a need pin's band is drawn along: the band lies outside the
    symbol's own outline, so the white inside keeps the whole symbol's size and the mark
    stays readable on a small printed map."""
    return size + need_band_width(size)


def need_pad(size: float) -> float:
    """How far a need pin's drawing reaches beyond the symbol's radius (the band and its
    dark edge), so sprites and markers leave room for it."""
    return need_band_width(size) + stroke_width(size) + 0.5


def need_mark(
    size: float, cx: float = 0.0, cy: float = 0.0
) -> tuple[tuple[Point, ...], Point, float]:
    """The exclamation mark of a need pin ``size`` pixels across centred on (cx, cy): the
    bar's polygon, the dot's centre and its radius."""
    r = size / 2
    bar = tuple((cx + x * r, cy + y * r) for x, y in NEED_MARK_BAR)
    dx, dy, dr = NEED_MARK_DOT
    return bar, (cx + dx * r, cy + dy * r), dr * r


def svg_need_mark(size: float, cx: float = 0.0, cy: float = 0.0) -> str:
    """A need pin's exclamation mark as an SVG path ``d`` attribute."""
    bar, (dx, dy), dr = need_mark(size, cx, cy)
    moves = " L".join(f"{x:.2f},{y:.2f}" for x, y in bar)
    return (
        f"M{moves} Z M{dx - dr:.2f},{dy:.2f} A{dr:.2f},{dr:.2f} 0 1,0 {dx + dr:.2f},{dy:.2f} "
        f"A{dr:.2f},{dr:.2f} 0 1,0 {dx - dr:.2f},{dy:.2f} Z"
    )


def svg_path(symbol: str, size: float, cx: float = 0.0, cy: float = 0.0) -> str:
    """The symbol's outline as an SVG path ``d`` attribute, centred on (cx, cy)."""
    points = outline(symbol, size)
    if points is None:
        r = size / 2
        return (
            f"M{cx - r:.2f},{cy:.2f} A{r:.2f},{r:.2f} 0 1,0 {cx + r:.2f},{cy:.2f} "
            f"A{r:.2f},{r:.2f} 0 1,0 {cx - r:.2f},{cy:.2f} Z"
        )
    moves = " L".join(f"{cx + x:.2f},{cy + y:.2f}" for x, y in points)
    return f"M{moves} Z"
