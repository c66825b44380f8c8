"""Importing figures per area (population, deprivation, ...) joined to an area set by its codes.

Many published tables hold several rows per area (one per year, sex or age band), so step 2
offers a row filter as soon as the chosen key repeats, and greys the rows it leaves out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.commands.base import Command
from assetmap.core.commands.imports import JoinIndicators
from assetmap.core.io import preview as pv
from assetmap.core.io.indicator_import import IndicatorOptions, prepare_indicators
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo, FieldMapper
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.dialogs.imports.workers import Prepare
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.items import cell

TABLE_FILES = QT_TRANSLATE_NOOP("ImportDialog", "Tables (*.csv *.tsv *.txt *.xlsx *.gz)")


class ImportIndicatorsDialog(ImportDialog):
    """Population, deprivation and other figures joined to an area set by area code."""

    kind = "indicators"
    noun = "area"
    title = QT_TRANSLATE_NOOP("ImportDialog", "Import indicators")
    file_types = f"{TABLE_FILES};;{ALL_FILES}"
    intro = QT_TRANSLATE_NOOP(
        "ImportDialog",
        "Choose a table of figures per area (population, deprivation, ...): CSV or XLSX with one "
        "column holding the area codes. The columns you choose are added to an area set.",
    )

    # ---- building
    def _build_mapping_page(self) -> QWidget:
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_key_form())
        layout.addWidget(self._build_filter_row())
        layout.addWidget(self._build_columns_box(), 1)
        splitter = self._with_preview(top)
        splitter.setSizes([360, 220])
        return splitter

    def _build_key_form(self) -> QGridLayout:
        grid = QGridLayout()
        self.set_combo = QComboBox()
        self.set_combo.setAccessibleName(
            translate("ImportDialog", "Area set to add the columns to")
        )
        for info in areas.list_sets(self.session.project):
            self.set_combo.addItem(info.name, info.name)
        self.set_combo.currentIndexChanged.connect(self._on_set_changed)
        label = QLabel(translate("ImportDialog", "&Area set:"))
        label.setBuddy(self.set_combo)
        self.key = FieldMapper([("key", translate("ImportDialog", "Area code column"))])
        self.key.changed.connect(self._on_key_changed)
        self.match_note = note_label()
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.set_combo, 0, 1)
        grid.addWidget(self.key, 1, 0, 1, 2)
        grid.addWidget(self.match_note, 1, 2)
        grid.setColumnStretch(2, 1)
        return grid

    def _build_filter_row(self) -> QWidget:
        self.filter_box = QWidget()
        row = QHBoxLayout(self.filter_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_check = QCheckBox()
        self.filter_check.setAccessibleName(translate("ImportDialog", "Use only some rows"))
        self.filter_field = ColumnCombo(translate("ImportDialog", "Column to filter rows by"))
        self.filter_value = QComboBox()
        self.filter_value.setAccessibleName(translate("ImportDialog", "Value of the rows to use"))
        self.filter_value.setMinimumContentsLength(10)
        row.addWidget(self.filter_check)
        row.addWidget(self.filter_field)
        row.addWidget(QLabel("="))
        row.addWidget(self.filter_value)
        row.addStretch(1)
        self.filter_check.toggled.connect(self._refresh)
        self.filter_field.currentIndexChanged.connect(self._fill_filter_values)
        self.filter_value.currentIndexChanged.connect(self._refresh)
        self.filter_box.hide()
        return self.filter_box

    def _build_columns_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(
                translate(
                    "ImportDialog", "Columns to join (double-click under 'Store as' to rename):"
                )
            )
        )
        buttons.addStretch(1)
        for text, name, how in (
            (
                translate("ImportDialog", "All"),
                translate("ImportDialog", "Select all columns"),
                "all",
            ),
            (
                translate("ImportDialog", "Numbers only"),
                translate("ImportDialog", "Select numbers only columns"),
                "numbers",
            ),
            (
                translate("ImportDialog", "None"),
                translate("ImportDialog", "Select none columns"),
                "none",
            ),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, how=how: self._select_columns(how))
            buttons.addWidget(button)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setAccessibleName(translate("ImportDialog", "Columns to join"))
        self.columns_table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "Column"),
                translate("ImportDialog", "Store as"),
                translate("ImportDialog", "Holds"),
            ]
        )
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.verticalHeader().setDefaultSectionSize(24)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.columns_table.itemChanged.connect(self._refresh)
        layout.addLayout(buttons)
        layout.addWidget(self.columns_table, 1)
        return box

    # ---- filling
    def _area_codes(self) -> set[str] | None:
        name = self.set_combo.currentData()
        return pv.area_codes(self.session.project, name) if name else None

    def _fill_mapping(self, result: pv.Preview) -> None:
        self.key.set_columns(result.columns, result.fields)
        self._on_key_changed()

    @Slot()
    def _on_set_changed(self) -> None:
        """Re-guess the key against the new set unless the user chose it."""
        if self.preview is None:
            return
        codes = self._area_codes() or set()
        self.preview.key_shares = pv.key_match_shares(self.preview.frame, codes)
        best = pv.best_key(self.preview.key_shares)
        if best and (self.key.is_guessed("key") or not self.key.mapping()):
            self.preview.fields = {"key": best}
            self.key.set_columns(self.preview.columns, self.preview.fields)
            self._on_key_changed()
        else:
            self._update_match_note()
            self._refresh()

    @Slot()
    def _on_key_changed(self) -> None:
        self._update_match_note()
        self._fill_filter()
        self._fill_columns()
        self._refresh()

    def _update_match_note(self) -> None:
        key = self.key.mapping().get("key")
        if self.preview is None or key is None:
            self.match_note.setText("")
            return
        share = self.preview.key_shares.get(key)
        if share is None:
            codes = self._area_codes() or set()
            share = pv.key_match_shares(self.preview.frame[[key]], codes).get(key, 0.0)
        self.match_note.setText(
            translate("ImportDialog", "{share} of its values are codes of the area set.").format(
                share=f"{share:.0%}"
            )
        )

    def _fill_filter(self) -> None:
        key = self.key.mapping().get("key")
        repeats = pv.rows_per_key(self.preview.frame, key) if self.preview and key else 0
        self.filter_box.setVisible(repeats > 1)
        if repeats <= 1 or self.preview is None or key is None:
            self.filter_check.setChecked(False)
            return
        suggestion = pv.suggest_row_filter(self.preview.frame, key)
        self.filter_check.setText(
            translate(
                "ImportDialog", "This file has {n} rows per area — use only rows where"
            ).format(n=repeats)
        )
        self.filter_field.blockSignals(True)
        self.filter_field.set_columns([c for c in self.preview.columns if c != key], False)
        self.filter_field.set_column(suggestion.field if suggestion else None)
        self.filter_field.blockSignals(False)
        self._fill_filter_values(suggestion.value if suggestion else None)
        self.filter_check.setChecked(suggestion is not None)

    @Slot()
    def _fill_filter_values(self, preferred: object = None) -> None:
        field = self.filter_field.column()
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        if self.preview is not None and field is not None:
            for value, _count in pv.distinct_values(self.preview.frame, field, 200):
                self.filter_value.addItem(value)
        if isinstance(preferred, str):
            self.filter_value.setCurrentText(preferred)
        self.filter_value.blockSignals(False)
        self._refresh()

    def _fill_columns(self) -> None:
        """Every column but the key; numbers ticked (text columns rarely belong on a map)."""
        self.columns_table.blockSignals(True)
        self.columns_table.setRowCount(0)
        key = self.key.mapping().get("key")
        if self.preview is not None:
            numeric = set(self.preview.numeric_columns)
            columns = [c for c in self.preview.columns if c != key]
            self.columns_table.setRowCount(len(columns))
            for row, column in enumerate(columns):
                self._add_column_row(row, column, column in numeric)
        self.columns_table.blockSignals(False)

    def _add_column_row(self, row: int, column: str, numeric: bool) -> None:
        source = QTableWidgetItem(column)
        source.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        source.setCheckState(Qt.CheckState.Checked if numeric else Qt.CheckState.Unchecked)
        target = QTableWidgetItem(column)
        target.setToolTip(
            translate("ImportDialog", "the column's name in the project; double-click to change it")
        )
        holds = QTableWidgetItem(_numbers_word() if numeric else translate("ImportDialog", "text"))
        holds.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.columns_table.setItem(row, 0, source)
        self.columns_table.setItem(row, 1, target)
        self.columns_table.setItem(row, 2, holds)

    def _select_columns(self, how: str) -> None:
        self.columns_table.blockSignals(True)
        for row in range(self.columns_table.rowCount()):
            numeric = cell(self.columns_table, row, 2).text() == _numbers_word()
            on = how == "all" or (how == "numbers" and numeric)
            cell(self.columns_table, row, 0).setCheckState(
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            )
        self.columns_table.blockSignals(False)
        self._refresh()

    # ---- public helpers (keyboard users and tests)
    def set_column_choice(self, column: str, checked: bool, store_as: str | None = None) -> None:
        for row in range(self.columns_table.rowCount()):
            if cell(self.columns_table, row, 0).text() == column:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                cell(self.columns_table, row, 0).setCheckState(state)
                if store_as is not None:
                    cell(self.columns_table, row, 1).setText(store_as)
                return
        raise KeyError(column)

    def chosen_columns(self) -> list[tuple[str, str]]:
        chosen = []
        for row in range(self.columns_table.rowCount()):
            source, target = cell(self.columns_table, row, 0), cell(self.columns_table, row, 1)
            if source.checkState() == Qt.CheckState.Checked:
                chosen.append((source.text(), target.text().strip()))
        return chosen

    def row_filter(self) -> str | None:
        field = self.filter_field.column()
        if not self.filter_check.isChecked() or field is None:
            return None
        return f"{field}={self.filter_value.currentText()}"

    # ---- the import
    def _mapping_problem(self) -> str | None:
        if self.set_combo.count() == 0:
            return translate(
                "ImportDialog",
                "This project has no area sets yet: import areas (boundaries) first.",
            )
        if "key" not in self.key.mapping():
            return translate("ImportDialog", "Choose the column that holds the area codes.")
        chosen = self.chosen_columns()
        if not chosen:
            return translate("ImportDialog", "Tick at least one column to join.")
        unnamed = [source for source, target in chosen if not target]
        if unnamed:
            return translate(
                "ImportDialog", "Give column '{column}' a name to store it as."
            ).format(column=unnamed[0])
        return None

    def _after_refresh(self) -> None:
        self._dim_filtered_rows()

    def _dim_filtered_rows(self) -> None:
        assert self.preview is not None
        where = self.row_filter()
        skipped: set[int] = set()
        if where:
            field, _, value = where.partition("=")
            c = self.preview.columns.index(field)
            skipped = {r for r, row in enumerate(self.preview.rows) if row[c].strip() != value}
        self.mapping_table.dim_rows(
            skipped,
            translate("ImportDialog", "not used: only rows where {filter} are").format(
                filter=where
            ),
        )

    def _highlights(self) -> dict[str, str]:
        used: dict[str, str] = {}
        key = self.key.mapping().get("key")
        if key:
            used[key] = translate("ImportDialog", "area code")
        filter_text = self.row_filter()
        if filter_text:
            field, _, value = filter_text.partition("=")
            used[field] = translate("ImportDialog", "only '{value}'").format(value=value)
        joined = translate("ImportDialog", "joined")
        for source, target in self.chosen_columns():
            used.setdefault(source, f"'{target}'" if target != source else joined)
        return used

    def _options(self) -> IndicatorOptions:
        assert self.preview is not None
        where = self.row_filter()
        return IndicatorOptions(
            area_set=str(self.set_combo.currentData()),
            key_field=str(self.key.mapping()["key"]),
            fields=[s if s == t else f"{s}:{t}" for s, t in self.chosen_columns()],
            where=[where] if where else None,
            layer=self.preview.layer,
        )

    def _label_column(self) -> tuple[str, str | None]:
        return translate("ImportDialog", "Area code"), self.key.mapping().get("key")

    def _choices(self) -> list[SummaryRow]:
        key = self.key.mapping().get("key")
        renamed = translate("ImportDialog", "{column} as '{name}'")
        columns = [
            s if s == t else renamed.format(column=s, name=t) for s, t in self.chosen_columns()
        ]
        none = translate("ImportDialog", "none")
        rows_used = (
            translate("ImportDialog", "only where {filter}").format(filter=self.row_filter())
            if self.row_filter()
            else translate("ImportDialog", "all")
        )
        return [
            (translate("ImportDialog", "Area set"), str(self.set_combo.currentText())),
            (translate("ImportDialog", "Area codes"), f"'{key}'" if key else none),
            (translate("ImportDialog", "Rows used"), rows_used),
            (translate("ImportDialog", "Columns to join"), listed(columns) or none),
        ]

    def _prepare(self) -> Prepare:
        return prepare_indicators

    def _command(self, prepared: Any) -> Command:
        return JoinIndicators(prepared)

    def _import_count_text(self) -> str:
        if self.prepared is None:
            return ""
        columns = len(self.prepared.values.columns)
        return translate("ImportDialog", "{columns} for {areas}").format(
            columns=counted(columns, "column"), areas=counted(self.prepared.matched, "area")
        )


def _numbers_word() -> str:  # noqa: N802 (reads as the constant it stands for)
    """What the Holds column says of a column of numbers (the selection buttons read it)."""
    return translate("ImportDialog", "numbers")
