"""The layer tree: its rows' kinds and keys, the view that turns keys and drops into
requests, and the helpers that make and tick its rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFont,
    QKeyEvent,
    QStandardItem,
)
from PySide6.QtWidgets import (
    QTreeView,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

AREAS, AREA, ASSETS, GROUP, CATEGORY = "areas", "area", "assets", "group", "category"
BASEMAP, BASEMAP_VECTOR, BASEMAP_TILES = "basemap", "basemap_vector", "basemap_tiles"
Layer = tuple[str, str]  # (kind, key)


class LayerTree(QTreeView):
    """Return opens the style, Ctrl+Up/Down reorder, and dropping an area set reorders it."""

    styleRequested = Signal()
    moveRequested = Signal(int)  # +1 = up (drawn higher), -1 = down
    areaDropped = Signal(str, str, bool)  # dragged set, set dropped on, above it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.styleRequested.emit()
        elif ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(1 if event.key() == Qt.Key.Key_Up else -1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """Reorder through the layer model, never by moving rows of the item model."""
        source = self.currentIndex()
        target = self.indexAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source.data(KIND_ROLE) != AREA or not target.isValid():
            return
        if target.data(KIND_ROLE) == AREAS:
            target = target.model().index(0, 0, target)
        if target.data(KIND_ROLE) != AREA:
            return
        above = self.visualRect(target).center().y() > event.position().y()
        self.areaDropped.emit(str(source.data(KEY_ROLE)), str(target.data(KEY_ROLE)), above)


def layer_item(text: str, kind: str, key: str, *, bold: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(kind, KIND_ROLE)
    item.setData(key, KEY_ROLE)
    item.setEditable(False)
    item.setCheckable(True)
    item.setDragEnabled(False)
    item.setDropEnabled(False)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


def hint_item(text: str) -> QStandardItem:
    """A grey line in an empty group, saying why it is empty."""
    item = layer_item(text, "hint", "")
    item.setCheckable(False)
    item.setSelectable(False)
    item.setForeground(QColor("#57606A"))
    font = QFont(item.font())
    font.setItalic(True)
    item.setFont(font)
    return item


def set_check(item: QStandardItem, on: bool) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    if item.checkState() != state:
        item.setCheckState(state)


def combined_check(item: QStandardItem) -> Qt.CheckState:
    """A parent's tick: all children shown, none, or some (partly ticked)."""
    children = (item.child(r) for r in range(item.rowCount()))
    states = {child.checkState() for child in children if child.isCheckable()}
    if not states:
        return Qt.CheckState.Checked
    if states == {Qt.CheckState.Checked}:
        return Qt.CheckState.Checked
    if states == {Qt.CheckState.Unchecked}:
        return Qt.CheckState.Unchecked
    return Qt.CheckState.PartiallyChecked


def describe_item(item: QStandardItem, state: str) -> None:
    item.setData(f"{item.text()}, {state}", Qt.ItemDataRole.AccessibleTextRole)
