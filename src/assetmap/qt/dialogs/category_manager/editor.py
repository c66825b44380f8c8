"""The dialog to add a category or change some of its fields (name, group, colour, symbol,
how often its assets are due for checking)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands.categories import MAX_REVIEW_MONTHS
from assetmap.core.errors import BadInputError
from assetmap.core.taxonomy import Category, group_colour, group_names
from assetmap.qt.dialogs.category_manager.error_label import error_label
from assetmap.qt.dialogs.category_manager.pickers import ColourPicker, SymbolCombo, symbol_icon
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session

FIELDS = ("label", "group", "colour", "symbol", "review_months")
Submit = Callable[[dict[str, Any]], None]


class CategoryDialog(QDialog):
    """Add a category, or change some of its fields; the edit happens on OK, in ``submit``.

    Pushing inside OK lets a refused value (BadInputError) be shown in the dialog,
    with the user's input still there to fix.
    """

    def __init__(
        self,
        session: Session,
        submit: Submit,
        category: Category | None = None,
        fields: Sequence[str] = FIELDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.submit = submit
        self.category = category
        self.fields = tuple(fields)
        self._colour_chosen = category is not None
        start = category or categories.new_category(session.project, "New category", "Other")
        self.setWindowTitle(_dialog_title(category, self.fields))
        self.label_edit = QLineEdit(start.label if category else "")
        self.label_edit.setAccessibleName(translate("CategoryDialog", "Name"))
        self.label_edit.setPlaceholderText(translate("CategoryDialog", "For example: Youth clubs"))
        self.group_combo = _group_combo(session, start.group)
        self.colour_picker = ColourPicker(start.colour)
        self.symbol_combo = SymbolCombo(start.symbol, start.colour)
        self.review_spin = _review_spin(start.review_months)
        self.preview = QLabel()
        self.preview.setAccessibleName(translate("CategoryDialog", "Preview"))
        self.preview_text = QLabel()
        self.error = error_label()
        self._build_layout()
        self._connect()
        self._update_preview()

    def _build_layout(self) -> None:
        form = QFormLayout()
        rows = {
            "label": (translate("CategoryDialog", "&Name:"), self.label_edit),
            "group": (translate("CategoryDialog", "&Group:"), self.group_combo),
            "colour": (translate("CategoryDialog", "Colour:"), self.colour_picker),
            "symbol": (translate("CategoryDialog", "&Symbol:"), self.symbol_combo),
            "review_months": (translate("CategoryDialog", "Check &every:"), self.review_spin),
        }
        for name in FIELDS:
            widget = rows[name][1]
            if name in self.fields:
                form.addRow(rows[name][0], widget)
            else:
                widget.hide()
        preview = QHBoxLayout()
        preview.addWidget(self.preview)
        preview.addWidget(self.preview_text, 1)
        form.addRow(translate("CategoryDialog", "On the map:"), preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("CategoryDialog", "Add")
            if self.category is None
            else translate("CategoryDialog", "OK")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.label_edit.textChanged.connect(self._update_preview)
        self.group_combo.currentTextChanged.connect(self._on_group_changed)
        self.colour_picker.colourChanged.connect(self._on_colour_changed)
        self.symbol_combo.currentIndexChanged.connect(self._update_preview)
        first = {
            "label": self.label_edit,
            "group": self.group_combo,
            "colour": self.colour_picker,
            "symbol": self.symbol_combo,
            "review_months": self.review_spin,
        }
        first[self.fields[0]].setFocus()

    def _on_group_changed(self, group: str) -> None:
        """A new category takes its group's colour and next free shape until the user picks."""
        if self.category is None and not self._colour_chosen and group_colour(group) is not None:
            fresh = categories.new_category(self.session.project, "x", group)
            self.colour_picker.blockSignals(True)
            self.colour_picker.set_colour(fresh.colour)
            self.colour_picker.blockSignals(False)
            self.symbol_combo.set_colour(fresh.colour)
            self.symbol_combo.set_symbol(fresh.symbol)
        self._update_preview()

    def _on_colour_changed(self, colour: str) -> None:
        self._colour_chosen = True
        self.symbol_combo.set_colour(colour)
        self._update_preview()

    def _update_preview(self) -> None:
        icon = symbol_icon(self.symbol_combo.symbol(), self.colour_picker.colour(), 14)
        text = self.label_edit.text().strip() or translate("CategoryDialog", "New category")
        pixmap = icon.pixmap(QSize(18, 18))
        self.preview.setPixmap(pixmap)
        self.preview_text.setText(text)

    def values(self) -> dict[str, Any]:
        """The shown fields' values."""
        everything = {
            "label": self.label_edit.text().strip(),
            "group": self.group_combo.currentText().strip() or "Other",
            "colour": self.colour_picker.colour(),
            "symbol": self.symbol_combo.symbol(),
            "review_months": self.review_spin.value(),
        }
        return {k: v for k, v in everything.items() if k in self.fields}

    def changes(self) -> dict[str, Any]:
        """Only what differs from the category being edited (everything when adding)."""
        if self.category is None:
            return self.values()
        return {k: v for k, v in self.values().items() if getattr(self.category, k) != v}

    def accept(self) -> None:
        try:
            self.submit(self.changes())
        except BadInputError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def _review_spin(months: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, MAX_REVIEW_MONTHS)
    spin.setSuffix(translate("CategoryDialog", " months"))
    spin.setValue(months)
    spin.setAccessibleName(translate("CategoryDialog", "Check every, in months"))
    spin.setToolTip(
        translate(
            "CategoryDialog",
            "How long after an asset was last checked it is due for checking again: food banks "
            "change within months, schools rarely",
        )
    )
    return spin


def _group_combo(session: Session, current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(translate("CategoryDialog", "Group"))
    groups = list(dict.fromkeys([*group_names(), *(c.group for c in session.categories())]))
    combo.addItems(groups)
    combo.setCurrentText(current)
    return combo


def _dialog_title(category: Category | None, fields: tuple[str, ...]) -> str:
    if category is None:
        return translate("CategoryDialog", "Add a category")
    label = category.label
    if fields == ("colour",):
        return translate("CategoryDialog", "Colour of “{category}”").format(category=label)
    if fields == ("symbol",):
        return translate("CategoryDialog", "Symbol of “{category}”").format(category=label)
    if fields == ("group",):
        return translate("CategoryDialog", "Group of “{category}”").format(category=label)
    if fields == ("review_months",):
        return translate("CategoryDialog", "How often to check “{category}”").format(category=label)
    return translate("CategoryDialog", "Edit “{category}”").format(category=label)
