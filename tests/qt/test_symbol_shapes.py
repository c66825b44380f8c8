"""One symbol, one outline: the map canvas, the print exports and the HTML export all draw
a category's symbol from the table in assetmap.core.symbols."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from assetmap.core.export.html_symbols import symbol_svg
from assetmap.core.symbols import SHAPES
from assetmap.qt.canvas.scene import AssetLayer, Scene
from assetmap.qt.canvas.view import View
from assetmap.qt.export.drawing import paint_map

SIZE = 40.0  # big enough that a star differs from a pentagon by many pixels
SIDE = 64


def blank() -> QImage:
    image = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    return image


def inked(image: QImage) -> np.ndarray:
    """Where the symbol is (fill or outline): the pixels that are not white."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(SIDE, SIDE, 4)[..., :3]
    return pixels.min(axis=2) < 200


def one_asset(symbol: str) -> tuple[Scene, View]:
    layer = AssetLayer(
        x=np.array([0.0]),
        y=np.array([0.0]),
        category_index=np.array([0]),
        names=np.array(["A"], dtype=object),
        categories=[(symbol, "#2E7D32", SIZE)],
        visible=np.array([True]),
        labels=False,
    )
    return Scene(assets=layer, background="#FFFFFF"), View(0.0, 0.0, 1.0, SIDE, SIDE)


def on_canvas(symbol: str) -> np.ndarray:
    scene, view = one_asset(symbol)
    image = blank()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    scene.assets.paint(painter, view, lambda: False, 1.0)
    painter.end()
    return inked(image)


def in_print(symbol: str) -> np.ndarray:
    scene, view = one_asset(symbol)
    image = blank()
    painter = QPainter(image)
    paint_map(painter, scene, view, symbol_scale=1.0, label_font=QFont())
    painter.end()
    return inked(image)


def in_html(symbol: str) -> np.ndarray:
    svg = symbol_svg(symbol, "#2E7D32", SIZE)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = blank()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    side = SIZE + 4  # symbol_svg pads 2 px each side
    renderer.render(painter, QRectF(QPointF(SIDE / 2 - side / 2, SIDE / 2 - side / 2),
                                    QPointF(SIDE / 2 + side / 2, SIDE / 2 + side / 2)))  # fmt: skip
    painter.end()
    return inked(image)


def overlap(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


@pytest.mark.parametrize("symbol", sorted(SHAPES))
def test_canvas_print_and_html_draw_the_same_outline(qtbot, symbol):
    canvas, printed, html = on_canvas(symbol), in_print(symbol), in_html(symbol)
    assert canvas.sum() > 200
    assert overlap(canvas, printed) > 0.95, "print differs from the map"
    assert overlap(canvas, html) > 0.95, "the HTML export differs from the map"


def test_different_symbols_do_not_look_alike(qtbot):
    """The check above would pass for any two blobs: it must tell a star from a pentagon."""
    assert overlap(on_canvas("star"), in_html("pentagon")) < 0.85
