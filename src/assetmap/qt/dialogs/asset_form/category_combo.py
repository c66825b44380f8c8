"""The asset form's category picker: categories under their group names with their map
symbols, searchable by any part of a name. Its own module because it is a widget of its own,
reused nowhere else but tested through the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.i18n import translate

KEY_ROLE = Qt.ItemDataRole.UserRole


def category_icon(category: Category, size: int = 14, dpr: float = 2.0) -> QIcon:
    """The symbol the map draws for a category, so the list and the map agree."""
    return QIcon(QPixmap.fromImage(sprite(category.symbol, category.colour, size, dpr)))


class CategoryCombo(QComboBox):
    """Categories under their group names, each with its map symbol; typing filters the list
    by any part of a name ("food" finds "Food banks and pantries")."""

    def __init__(self, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_label = {c.label.casefold(): c for c in categories}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(18)
        self.setModel(self._grouped_model(categories))
        self.setCompleter(self._search_completer(categories))
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has its line edit
        edit.setPlaceholderText(translate("AssetForm", "Type to search, or pick from the list"))
        edit.editingFinished.connect(self._settle)
        self.setCurrentIndex(-1)

    def _grouped_model(self, categories: list[Category]) -> QStandardItemModel:
        model = QStandardItemModel(self)
        group = None
        for category in categories:
            if category.group != group:
                group = category.group
                model.appendRow(self._group_header(group))
            item = QStandardItem(category_icon(category), category.label)
            item.setData(category.key, KEY_ROLE)
            item.setToolTip(category.group)
            model.appendRow(item)
        return model

    @staticmethod
    def _group_header(group: str) -> QStandardItem:
        header = QStandardItem(group.upper())
        header.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, never chosen
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        header.setFont(font)
        header.setForeground(QColor("#5A5A5A"))
        return header

    def _search_completer(self, categories: list[Category]) -> QCompleter:
        model = QStandardItemModel(self)
        for category in categories:
            model.appendRow(QStandardItem(category_icon(category), category.label))
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # PySide6's stub has no indexing of a signal by its overload
        completer.activated[str].connect(self._choose_label)  # type: ignore[index]
        return completer

    def _choose_label(self, label: str) -> None:
        category = self._by_label.get(label.casefold())
        if category is not None:
            self.set_key(category.key)

    def _settle(self) -> None:
        """Show the full name of what a partial entry will save, or leave it for the error."""
        category = self.chosen()
        if category is not None and self.currentText() != category.label:
            self.set_key(category.key)

    def chosen(self) -> Category | None:
        """The category the text names: an exact name, or the only name containing it."""
        text = self.currentText().strip().casefold()
        if not text:
            return None
        if text in self._by_label:
            return self._by_label[text]
        matches = [c for label, c in self._by_label.items() if text in label]
        return matches[0] if len(matches) == 1 else None

    def key(self) -> str | None:
        category = self.chosen()
        return category.key if category else None

    def set_key(self, key: str | None) -> None:
        index = self.findData(key, KEY_ROLE) if key else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
