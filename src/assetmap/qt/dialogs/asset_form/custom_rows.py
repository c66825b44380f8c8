"""The asset form's "More fields": the extra columns imports brought, and fields the user adds.

Values keep their stored type (a code '007' stays text, 160.0 stays a number) unless the user
changes their text, so opening and saving an asset never rewrites what it did not touch.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from assetmap.core import custom_fields
from assetmap.qt.i18n import translate
from assetmap.qt.items import cell
from assetmap.qt.session import Session

KEY_ROLE = Qt.ItemDataRole.UserRole


def field_defs(session: Session) -> list[tuple[str, str]]:
    """(name, type) of the project's custom fields, in the order importers added them;
    codes and identifiers are text, so '007' stays '007'."""
    return [(d.name, d.type) for d in custom_fields.all_defs(session.project)]


def custom_text(value: Any) -> str:
    """A stored extra value as the user reads and edits it (160.0 shows as 160)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class CustomRows:
    """The fold-out toggle (``custom_toggle``), the table of fields (``custom_table``) and its
    Add field button, for one asset whose extra values before editing were ``before``."""

    def __init__(self, session: Session, before: dict[str, Any], parent: QWidget) -> None:
        self._field_defs = custom_fields.by_name(session.project)
        self._field_types = {name: d.type for name, d in self._field_defs.items()}
        self._before = before
        # Map styling an older import kept (marker-color): not shown, kept as it was.
        self.hidden = {k: v for k, v in before.items() if custom_fields.is_hidden(k)}
        self.custom_toggle = QToolButton()
        self.custom_toggle.setCheckable(True)
        self.custom_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.custom_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.custom_toggle.setAutoRaise(True)
        self.custom_toggle.toggled.connect(self.set_shown)
        self.custom_table = QTableWidget(0, 2)
        self.custom_table.setHorizontalHeaderLabels(
            [translate("AssetForm", "Field"), translate("AssetForm", "Value")]
        )
        self.custom_table.setAccessibleName(translate("AssetForm", "Other fields"))
        self.custom_table.verticalHeader().hide()
        self.custom_table.verticalHeader().setDefaultSectionSize(
            parent.fontMetrics().lineSpacing() + 10
        )
        self.custom_table.setTabKeyNavigation(False)
        self.custom_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.custom_table.horizontalHeader().setStretchLastSection(True)
        self.custom_table.setEditTriggers(
            QTableWidget.EditTrigger.AllEditTriggers & ~QTableWidget.EditTrigger.CurrentChanged
        )
        self.custom_table.setMinimumHeight(170)
        self.add_field_button = QPushButton(translate("AssetForm", "Add field"))
        self.add_field_button.setAccessibleName(translate("AssetForm", "Add a field"))
        self.add_field_button.clicked.connect(self.add_row)

    def load(self, custom: dict[str, Any]) -> None:
        """The project's fields in the source's order, then any this asset alone has."""
        keys = [name for name in self._field_types if name in custom]
        keys += [n for n in custom if n not in self._field_types and not custom_fields.is_hidden(n)]
        keys += [name for name in self._field_types if name not in custom]
        for key in keys:
            self._append_row(key, custom.get(key), key_editable=False)
        self.update_toggle()

    def _append_row(self, key: str, value: Any, *, key_editable: bool) -> int:
        """Existing fields show their label and keep their name (the stored key) behind it."""
        row = self.custom_table.rowCount()
        self.custom_table.insertRow(row)
        label = custom_fields.label_of(self._field_defs, key) if key else key
        key_item = QTableWidgetItem(label)
        if not key_editable:
            key_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            key_item.setData(KEY_ROLE, key)
            if label != key:
                key_item.setToolTip(
                    translate("AssetForm", "From the column '{column}'").format(column=key)
                )
        self.custom_table.setItem(row, 0, key_item)
        self.custom_table.setItem(row, 1, QTableWidgetItem(custom_text(value)))
        return row

    def set_shown(self, shown: bool) -> None:
        self.custom_table.setVisible(shown)
        self.add_field_button.setVisible(shown)
        self.custom_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def update_toggle(self) -> None:
        filled = sum(1 for value in self.values().values() if value is not None)
        text = translate("AssetForm", "&More fields")
        if filled:
            text = translate("AssetForm", "&More fields ({n} filled in)").format(n=filled)
        self.custom_toggle.setText(text)
        self.set_shown(self.custom_toggle.isChecked())

    def add_row(self) -> None:
        """A new key the project has not used yet; the user types its name first."""
        self.custom_toggle.setChecked(True)
        row = self._append_row("", None, key_editable=True)
        self.custom_table.setCurrentCell(row, 0)
        self.custom_table.setFocus()
        self.custom_table.editItem(cell(self.custom_table, row, 0))

    def values(self, drop_empty: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for row in range(self.custom_table.rowCount()):
            key, value_item = self.key(row), self.custom_table.item(row, 1)
            text = value_item.text().strip() if value_item else ""
            if not key or (drop_empty and not text):
                continue
            out[key] = self._value(key, text) if text else None
        return out

    def key(self, row: int) -> str:
        """The stored name of the row's field (a new row's is what the user typed)."""
        item = self.custom_table.item(row, 0)
        if item is None:
            return ""
        key = item.data(KEY_ROLE)
        return str(key) if key else item.text().strip()

    def names(self) -> list[str]:
        return [self.key(row) for row in range(self.custom_table.rowCount())]

    def _value(self, key: str, text: str) -> Any:
        """Keep the original value (and its number type) unless the user changed its text."""
        before = self._before.get(key)
        if before is not None and custom_text(before) == text:
            return before
        kind = self._field_types.get(key, "text")
        try:
            if kind == "integer":
                return int(text)
            if kind == "number":
                number = float(text)
                return number if math.isfinite(number) else text
        except ValueError:
            return text
        return text
