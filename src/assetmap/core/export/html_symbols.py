"""Category symbols as inline SVG, drawn from the shape table the map canvas and the print
exports use (``assetmap.core.symbols``), filled in the category colour with a dark outline,
for markers, the legend and the layer list.

Only fixed templates and numbers go into the markup; a colour that is not a plain hex colour
is replaced, so no user text can reach it.
"""

from __future__ import annotations

import re

from assetmap.core.symbols import (
    NEED_FILL,
    NEED_MARK_COLOUR,
    OUTLINE_COLOUR,
    PENDING_RING,
    PENDING_RING_GAP,
    need_band_width,
    need_outline_size,
    need_pad,
    stroke_width,
    svg_need_mark,
    svg_path,
)

OUTLINE = OUTLINE_COLOUR
FALLBACK_COLOUR = "#7F7F7F"
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def safe_colour(colour: object, fallback: str = FALLBACK_COLOUR) -> str:
    """``colour`` if it is a plain "#RRGGBB" colour, else ``fallback``."""
    text = str(colour or "").strip()
    return text if _HEX.fullmatch(text) else fallback


RING_WIDTH = 2.0
# The ring's pixel extent beyond the symbol's edge, so a ringed marker knows its size.
RING_PAD = PENDING_RING_GAP + RING_WIDTH / 2 + 1


def symbol_svg(
    symbol: str, colour: str, size: float, *, pending: bool = False, need: bool = False
) -> str:
    """An SVG element ``size`` pixels square holding the symbol (``size + 2 * RING_PAD``
    with the map's dashed ring round it, for an asset awaiting review). ``need``: a need
    pin's symbol, hollow with an exclamation mark, as the map draws it."""
    pad = RING_PAD if pending else (need_pad(size) + 1.0 if need else 2.0)
    side = size + 2 * pad
    c = side / 2
    stroke = stroke_width(size)
    fill = safe_colour(colour)
    shape = (
        _need_shape(symbol, fill, size, c)
        if need
        else f'<path d="{svg_path(symbol, size, c, c)}"/>'
    )
    if pending:  # Qt's dash line: dashes four pen widths long, gaps two
        dash = f"{4 * RING_WIDTH:g} {2 * RING_WIDTH:g}"
        shape += (
            f'<circle class="am-ring" cx="{c:g}" cy="{c:g}" r="{size / 2 + PENDING_RING_GAP:g}" '
            f'fill="none" stroke="{PENDING_RING}" stroke-width="{RING_WIDTH:g}" '
            f'stroke-dasharray="{dash}"/>'
        )
    return (
        f'<svg width="{side:g}" height="{side:g}" '
        f'viewBox="0 0 {side:g} {side:g}" aria-hidden="true">'
        f'<g fill="{fill}" stroke="{OUTLINE}" stroke-width="{stroke:.2f}" '
        f'stroke-linejoin="round">{shape}</g></svg>'
    )


def _need_shape(symbol: str, fill: str, size: float, c: float) -> str:
    """The hollow shape (white inside, a band of the category colour outside the symbol's
    outline, between dark edges) and its exclamation mark."""
    d = svg_path(symbol, need_outline_size(size), c, c)
    band = need_band_width(size)
    edge = stroke_width(size)
    return (
        f'<path class="am-need" d="{d}" fill="{NEED_FILL}" stroke-width="{band + 2 * edge:.2f}"/>'
        f'<path d="{d}" fill="none" stroke="{fill}" stroke-width="{band:.2f}"/>'
        f'<path d="{svg_need_mark(size, c, c)}" fill="{NEED_MARK_COLOUR}" stroke="none"/>'
    )
