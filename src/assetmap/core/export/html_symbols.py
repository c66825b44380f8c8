"""Category symbols as inline SVG, drawn from the shape table the map canvas and the print
exports use (``assetmap.core.symbols``), filled in the category colour with a dark outline,
for markers, the legend and the layer list.

Only fixed templates and numbers go into the markup; a colour that is not a plain hex colour
is replaced, so no user text can reach it.
"""

from __future__ import annotations

import re

from assetmap.core.symbols import OUTLINE_COLOUR, stroke_width, svg_path

OUTLINE = OUTLINE_COLOUR
FALLBACK_COLOUR = "#7F7F7F"
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def safe_colour(colour: object, fallback: str = FALLBACK_COLOUR) -> str:
    """``colour`` if it is a plain "#RRGGBB" colour, else ``fallback``."""
    text = str(colour or "").strip()
    return text if _HEX.fullmatch(text) else fallback


def symbol_svg(symbol: str, colour: str, size: float) -> str:
    """An SVG element ``size`` pixels square holding the symbol."""
    pad = 2.0
    side = size + 2 * pad
    c = side / 2
    stroke = stroke_width(size)
    fill = safe_colour(colour)
    shape = f'<path d="{svg_path(symbol, size, c, c)}"/>'
    return (
        f'<svg width="{side:g}" height="{side:g}" '
        f'viewBox="0 0 {side:g} {side:g}" aria-hidden="true">'
        f'<g fill="{fill}" stroke="{OUTLINE}" stroke-width="{stroke:.2f}" '
        f'stroke-linejoin="round">{shape}</g></svg>'
    )
