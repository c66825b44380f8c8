"""The docks' first sizes, worked out from what they show: the Layers dock as wide as its
longest layer name ("Jobcentre and employment support (12)" was cut to "Jobcentre and
employmen…" at 290 px), the right-hand docks as wide as their row of tabs, each at most a
third of the window, so the map keeps the middle on a 1366×768 laptop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow

LAYERS_MIN = 290
RIGHT_MIN = 330
TABLE_HEIGHT = 230
TAB_PADDING = 28  # a tab's margins around its title, in the styles Qt ships


def fit_docks(window: MainWindow) -> None:
    third = max(window.width() // 3, LAYERS_MIN)
    layers = min(max(layers_width(window), LAYERS_MIN), third)
    right = min(max(tabs_width(window), RIGHT_MIN), third)
    window.resizeDocks([window.dock_layers, window.dock_card], [layers, right], _H)
    window.resizeDocks([window.dock_table], [min(TABLE_HEIGHT, window.height() // 4)], _V)


def layers_width(window: MainWindow) -> int:
    """The Layers dock's width that shows every layer's whole name."""
    tree = window.layers_panel.tree
    tree.expandAll()
    scroll = tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return widest_row(tree) + 2 * tree.frameWidth() + scroll + 24


def widest_row(tree: QTreeView) -> int:
    """The widest row of the whole tree, scrolled out of view or not (Qt's own
    sizeHintForColumn measures only the rows on screen)."""
    model = tree.model()
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    widest = 0
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        hint = tree.itemDelegateForIndex(index).sizeHint(option, index).width()
        widest = max(widest, tree.visualRect(index).x() + tree.horizontalOffset() + hint)
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return widest


def tabs_width(window: MainWindow) -> int:
    """The width the right-hand docks' tabs take side by side, whole."""
    metrics = window.fontMetrics()
    titles = [d.windowTitle() for d in window.right_docks()]
    return sum(metrics.horizontalAdvance(t) + TAB_PADDING for t in titles) + 8


_H = Qt.Orientation.Horizontal
_V = Qt.Orientation.Vertical
