"""The one table of symbol shapes: every symbol a category can have is in it."""

from __future__ import annotations

import re

from assetmap.core.export.html_symbols import symbol_svg
from assetmap.core.symbols import SHAPES, outline, shape, svg_path
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
