"""Need pins ("this is missing here") are drawn apart from assets everywhere a pin is drawn:
the category's shape hollow with an exclamation mark, the same on the map, on paper and in
the HTML export, and told apart without colour."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from assetmap.core.export.html_symbols import symbol_svg
from assetmap.core.symbols import need_pad
from assetmap.qt.canvas.scene import AssetLayer, Scene
from assetmap.qt.canvas.view import View
from assetmap.qt.export.drawing import paint_map

SIZE = 40.0
SIDE = 80
GREEN = "#2E7D32"


def layer(need: bool, symbol: str = "square") -> AssetLayer:
    return AssetLayer(
        x=np.array([0.0]),
        y=np.array([0.0]),
        category_index=np.array([0]),
        names=np.array(["A"], dtype=object),
        categories=[(symbol, GREEN, SIZE)],
        visible=np.array([True]),
        labels=False,
        need=np.array([need]),
    )


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(SIDE, SIDE, 4)[..., 2::-1].copy()


def on_canvas(need: bool, symbol: str = "square") -> np.ndarray:
    scene = Scene(assets=layer(need, symbol), background="#EDE8DF")
    image = scene.render(View(0.0, 0.0, 1.0, SIDE, SIDE), 1.0)
    return pixels(image)


def in_print(need: bool, symbol: str = "square") -> np.ndarray:
    image = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32)
    image.fill(QColor("#EDE8DF"))
    painter = QPainter(image)
    scene = Scene(assets=layer(need, symbol), background="#EDE8DF")
    paint_map(painter, scene, View(0.0, 0.0, 1.0, SIDE, SIDE), symbol_scale=1.0, label_font=QFont())
    painter.end()
    return pixels(image)


def in_html(need: bool, symbol: str = "square") -> np.ndarray:
    svg = symbol_svg(symbol, GREEN, SIZE, need=need)
    side = SIZE + 2 * (need_pad(SIZE) + 1.0 if need else 2.0)
    image = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32)
    image.fill(QColor("#EDE8DF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    top = SIDE / 2 - side / 2
    QSvgRenderer(QByteArray(svg.encode())).render(
        painter, QRectF(QPointF(top, top), QPointF(top + side, top + side))
    )
    painter.end()
    return pixels(image)


def grey(rgb: np.ndarray) -> np.ndarray:
    return rgb @ np.array([0.299, 0.587, 0.114])


def white_inside(rgb: np.ndarray) -> float:
    """The share of the symbol's middle (a box half its size) that is near white."""
    c, r = SIDE // 2, int(SIZE / 4)
    middle = grey(rgb[c - r : c + r, c - r : c + r])
    return float((middle > 235).mean())


def test_a_need_is_hollow_with_a_dark_mark_and_an_asset_is_solid(qtbot):
    asset, need = on_canvas(False), on_canvas(True)
    assert white_inside(asset) == 0.0
    assert white_inside(need) > 0.4
    centre_bar = need[SIDE // 2 - 6, SIDE // 2]  # on the exclamation mark's bar
    assert grey(centre_bar) < 80
    # The band of category colour is still there, so the category reads too.
    green = np.array(QColor(GREEN).getRgb()[:3])
    assert (np.abs(need.astype(int) - green).sum(axis=2) < 30).sum() > 150


def test_need_and_asset_differ_in_greyscale(qtbot):
    """Colour-blind readers and greyscale prints: the difference is not in the hue."""
    asset, need = grey(on_canvas(False)), grey(on_canvas(True))
    assert np.abs(asset - need).mean() > 20


@pytest.mark.parametrize("symbol", ["circle", "square", "triangle", "star"])
def test_map_print_and_html_draw_the_same_need(qtbot, symbol):
    canvas, printed, html = (f(True, symbol) for f in (on_canvas, in_print, in_html))
    inked = [grey(p) < 200 for p in (canvas, printed, html)]

    def overlap(a: np.ndarray, b: np.ndarray) -> float:
        return float((a & b).sum() / (a | b).sum())

    assert inked[0].sum() > 200
    assert overlap(inked[0], inked[1]) > 0.9, "print differs from the map"
    assert overlap(inked[0], inked[2]) > 0.85, "the HTML export differs from the map"


def test_needs_are_drawn_over_assets(qtbot):
    """A need dropped on top of an asset stays visible: needs are painted last."""
    both = AssetLayer(
        x=np.array([0.0, 0.0]),
        y=np.array([0.0, 0.0]),
        category_index=np.array([0, 0]),
        names=np.array(["need", "asset"], dtype=object),
        categories=[("square", GREEN, SIZE)],
        visible=np.array([True, True]),
        labels=False,
        need=np.array([True, False]),
    )
    image = Scene(assets=both, background="#EDE8DF").render(View(0.0, 0.0, 1.0, SIDE, SIDE), 1.0)
    assert white_inside(pixels(image)) > 0.4
