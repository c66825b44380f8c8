"""A category picker that shows each category's map symbol, so the choice matches the map."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.i18n import translate


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


KEY_ROLE = Qt.ItemDataRole.UserRole
RULE_ROLE = Qt.ItemDataRole.UserRole + 1  # what the first item stands for ("New category “x”")


class CategoryDelegate(QStyledItemDelegate):
    """Edits a table cell's category with a CategoryCombo that opens at once.

    The cell keeps the category key in KEY_ROLE (None for the rule) and the rule's words in
    RULE_ROLE; one editor exists at a time, so a table of thousands of values stays light.
    """

    def __init__(self, cats: Sequence[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cats = list(cats)
        self.editor: CategoryCombo | None = None

    def createEditor(  # noqa: N802 - Qt's name
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        value = index.sibling(index.row(), 0).data()
        name = translate("ImportDialog", "Category for '{value}'").format(value=value)
        combo = CategoryCombo(self.cats, name, rule=index.data(RULE_ROLE))
        combo.setParent(parent)
        combo.activated.connect(lambda _row: self._chosen(combo))
        self.editor = combo
        QTimer.singleShot(0, lambda: combo.showPopup() if combo.isVisible() else None)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, CategoryCombo)
        editor.set_key(index.data(KEY_ROLE))

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, CategoryCombo)
        model.setData(index, editor.key(), KEY_ROLE)

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def _chosen(self, combo: CategoryCombo) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.SubmitModelCache)


class CategoryNameDelegate(QStyledItemDelegate):
    """Edits a cell holding a category's name as text: an editable list of the project's
    categories (with their symbols) to pick from, where a new name can still be typed (the
    import matches names to categories, and makes a category for a name it does not know)."""

    def __init__(self, cats: Sequence[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cats = list(cats)

    def createEditor(  # noqa: N802 - Qt's name
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(20)
        combo.setAccessibleName(translate("ImportDialog", "Category"))
        for category in self.cats:
            combo.addItem(category_icon(category.symbol, category.colour), category.label)
        view = combo.view()  # the list as wide as its longest name, not the cell
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "")
        by_key = {c.key: c.label for c in self.cats}
        editor.setCurrentText(by_key.get(text, text))

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText().strip())
