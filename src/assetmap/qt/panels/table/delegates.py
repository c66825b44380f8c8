"""Cell editors: combo boxes where a column holds one of a fixed set of values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from assetmap.core.model import REVIEW_STATES, STATUSES
from assetmap.qt.i18n import translate
from assetmap.qt.panels.table.cells import status_text
from assetmap.qt.panels.table.icons import ICON_SIZE, category_icon
from assetmap.qt.panels.table.model import KIND_ROLE, AssetTableModel, ModelIndex


def _choices() -> dict[str, str]:
    return {
        "category": translate("AssetTable", "Choose category"),
        "status": translate("AssetTable", "Choose status"),
        "review": translate("AssetTable", "Choose review"),
    }


class AssetDelegate(QStyledItemDelegate):
    """Combo boxes for category, status and review (with the map symbol for categories);
    line edits for text. Values go back through ``setData``, i.e. through a command."""

    def __init__(self, model: AssetTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        kind = index.data(KIND_ROLE)
        if kind not in ("category", "status", "review"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setFrame(False)
        combo.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        if kind == "category":
            for category in self._model.categories():
                combo.addItem(category_icon(category), category.label, category.key)
        else:
            for value in STATUSES if kind == "status" else REVIEW_STATES:
                combo.addItem(status_text(value), value)
        combo.setAccessibleName(_choices()[kind])
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
