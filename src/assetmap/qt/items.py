"""Qt's item and layout accessors, typed as present where our code made them.

PySide6 types ``QTableWidget.item``, ``QTreeWidget.topLevelItem``, ``QTreeWidgetItem.child``
and ``QWidget.layout`` as optional: they are None past the end or where nothing was set. A
table or tree whose rows are filled as they are added, or a box made with its layout, has
them; these helpers say so once (and fail loudly if not) instead of at every call.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"no item at row {row}, column {column}"
    return item


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item for item in items if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = [item.child(i) for i in range(item.childCount())]
    return [child for child in children if child is not None]


def box_layout(widget: QWidget) -> QBoxLayout:
    layout = widget.layout()
    assert isinstance(layout, QBoxLayout), f"{widget!r} has no box layout"
    return layout
