"""Category symbols as small icons, drawn by the map's own code so the table and map match."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import draw_symbol

ICON_SIZE = 12


@lru_cache(maxsize=256)
def symbol_icon(symbol: str, colour: str, size: int = ICON_SIZE) -> QIcon:
    """The category's map symbol as a small icon, so the table and the map match."""
    app = QGuiApplication.instance()
    dpr = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pixmap = QPixmap(round((size + 2) * dpr), round((size + 2) * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_symbol(painter, QPointF((size + 2) / 2, (size + 2) / 2), symbol, colour, size)
    painter.end()
    return QIcon(pixmap)


def category_icon(category: Category | None) -> QIcon:
    """A grey circle for a key the taxonomy no longer has, rather than no icon at all."""
    if category is None:
        return symbol_icon("circle", "#7F7F7F")
    return symbol_icon(category.symbol, category.colour)
