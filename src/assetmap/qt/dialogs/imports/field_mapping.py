"""Step 2's basic choice: which source column feeds which target field.

The combos start from the guesses the CLI would make (core.io.preview) and say so, so the user
can tell a guess they have checked from one they have not looked at.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from assetmap.qt.dialogs.imports.style import GUESSED_STYLE
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

NONE_TEXT = QT_TRANSLATE_NOOP("ImportDialog", "— none —")
GUESSED_TEXT = QT_TRANSLATE_NOOP("ImportDialog", "guessed")


class ColumnCombo(QComboBox):
    """A source column, or none."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.set_columns([])

    def set_columns(self, columns: Sequence[str], allow_none: bool = True) -> None:
        self.blockSignals(True)
        self.clear()
        if allow_none:
            self.addItem(translate("ImportDialog", NONE_TEXT), None)
        for column in columns:
            self.addItem(column, column)
        self.blockSignals(False)

    def column(self) -> str | None:
        return self.currentData()

    def set_column(self, column: str | None) -> None:
        index = self.findData(column) if column is not None else 0
        self.setCurrentIndex(max(index, 0))


class FieldMapper(QWidget):
    """Target field -> source column combos, each marked when it is still the guess."""

    changed = Signal()

    def __init__(
        self, targets: Sequence[tuple[str, str]], columns: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combos: dict[str, ColumnCombo] = {}
        self.marks: dict[str, QLabel] = {}
        self.guesses: dict[str, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        per_column = -(-len(targets) // columns)
        for i, (key, label) in enumerate(targets):
            row, group = i % per_column, i // per_column
            self._add_row(grid, row, group * 4, key, label)
        for group in range(columns):
            grid.setColumnStretch(group * 4 + 1, 1)
            if group:
                grid.setColumnMinimumWidth(group * 4 - 1, 16)

    def _add_row(self, grid: QGridLayout, row: int, col: int, key: str, label: str) -> None:
        combo = ColumnCombo(translate("ImportDialog", "Column for {field}").format(field=label))
        text = QLabel(label + ":")
        text.setBuddy(combo)
        mark = QLabel("")
        mark.setStyleSheet(GUESSED_STYLE)
        mark.setMinimumWidth(52)
        combo.currentIndexChanged.connect(self._on_change)
        grid.addWidget(text, row, col)
        grid.addWidget(combo, row, col + 1)
        grid.addWidget(mark, row, col + 2)
        self.combos[key], self.marks[key] = combo, mark

    def set_columns(self, columns: Sequence[str], guesses: dict[str, str]) -> None:
        self.guesses = dict(guesses)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.set_columns(columns)
            combo.set_column(guesses.get(key))
            combo.blockSignals(False)
        self._refresh_marks()

    def mapping(self) -> dict[str, str]:
        return {k: column for k, c in self.combos.items() if (column := c.column()) is not None}

    def set_column(self, key: str, column: str | None) -> None:
        self.combos[key].set_column(column)

    def is_guessed(self, key: str) -> bool:
        guess = self.guesses.get(key)
        return guess is not None and self.combos[key].column() == guess

    def _refresh_marks(self) -> None:
        for key, mark in self.marks.items():
            guessed = self.is_guessed(key)
            mark.setText(translate("ImportDialog", GUESSED_TEXT) if guessed else "")
            description = translate("ImportDialog", "guessed from the file") if guessed else ""
            self.combos[key].setAccessibleDescription(description)

    @Slot()
    def _on_change(self) -> None:
        self._refresh_marks()
        self.changed.emit()
