"""The one table of symbol shapes: every symbol a category can have is in it."""

from __future__ import annotations

import re

from assetmap.core.export.html_symbols import symbol_svg
from assetmap.core.symbols import (
    SHAPES,
    need_mark,
    need_pad,
    outline,
    shape,
    svg_need_mark,
    svg_path,
)
from assetmap.core.taxonomy import SYMBOLS


def test_every_category_symbol_has_a_shape():
    assert set(SYMBOLS) <= set(SHAPES)


def test_an_unknown_symbol_is_drawn_as_a_circle():
    assert shape("no such symbol").circle and outline("no such symbol", 10) is None


def test_the_svg_path_walks_the_table_outline():
    points = outline("star", 20)
    assert points is not None and len(points) == 10
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", svg_path("star", 20, 12, 12))]
    assert list(zip(numbers[::2], numbers[1::2], strict=True)) == [
        (round(12 + x, 2), round(12 + y, 2)) for x, y in points
    ]


def test_the_html_symbol_is_the_table_path():
    assert f'd="{svg_path("hexagon", 14, 9, 9)}"' in symbol_svg("hexagon", "#336699", 14)


def test_the_need_mark_sits_inside_the_symbol():
    bar, (dx, dy), r = need_mark(20, 10, 10)
    assert all(0 < x < 20 and 0 < y < 20 for x, y in bar)
    assert dy - r > 0 and dy + r < 20 and dx == 10


def test_the_html_need_symbol_is_hollow_with_the_mark():
    svg = symbol_svg("square", "#336699", 14, need=True)
    centre = (14 + 2 * (need_pad(14) + 1.0)) / 2
    assert 'fill="#FFFFFF"' in svg and svg_need_mark(14, centre, centre) in svg
    assert 'stroke="#336699"' in svg
    # A colour that is not plain hex never reaches the markup.
    assert "javascript" not in symbol_svg("square", "javascript:x", 14, need=True)
