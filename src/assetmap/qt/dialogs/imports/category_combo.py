"""A category picker that shows each category's map symbol, so the choice matches the map."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import draw_symbol


@lru_cache(maxsize=256)
def category_icon(symbol: str, colour: str, size: int = 18) -> QIcon:
    """The category's map symbol, so the picker shows what the map will draw."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_symbol(painter, QPointF(size / 2, size / 2), symbol, colour, size * 0.78)
    painter.end()
    return QIcon(pixmap)


class CategoryCombo(QComboBox):
    """Categories with their map symbols; an optional first item stands for a rule, not a key."""

    def __init__(
        self, cats: Sequence[Category], accessible_name: str, rule: str | None = None
    ) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setMaxVisibleItems(20)
        if rule is not None:
            self.addItem(rule, None)
        for category in cats:
            icon = category_icon(category.symbol, category.colour)
            self.addItem(icon, category.label, category.key)
            self.setItemData(self.count() - 1, category.group, Qt.ItemDataRole.ToolTipRole)

    def key(self) -> str | None:
        return self.currentData()

    def set_key(self, key: str | None) -> None:
        index = self.findData(key) if key is not None else 0
        self.setCurrentIndex(max(index, 0))
