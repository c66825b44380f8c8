"""The Category tab's table: every distinct value of the category column, its rows, and the
category those rows will get.

The suggestion is the importer's own (core.category_match through ``categories.matcher``), so
what the table shows is what an import without changes would do; a value changed by hand is
sent to the importer as a category map. Values that match no category are marked, so the user
sees at a glance which ones will make new categories or go to Uncategorised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from assetmap.core.category_match import CategoryMatcher, Match
from assetmap.core.io.asset_import import NEW_CATEGORY
from assetmap.core.taxonomy import UNCATEGORISED, Category
from assetmap.qt.dialogs.imports.category_combo import (
    KEY_ROLE,
    RULE_ROLE,
    CategoryDelegate,
    category_icon,
)
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.items import cell

VALUE, ROWS, CATEGORY, WHY = range(4)
HEADINGS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Value in the file"),
    QT_TRANSLATE_NOOP("ImportDialog", "Rows"),
    QT_TRANSLATE_NOOP("ImportDialog", "Category"),
    QT_TRANSLATE_NOOP("ImportDialog", "How it was matched"),
)
UNMATCHED_BACKGROUND = QColor("#FFF4D6")
UNMATCHED_TEXT = QColor("#7D4E00")
CHOSEN_TEXT = QColor("#0A3069")
BLANK = QT_TRANSLATE_NOOP("ImportDialog", "(blank)")
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class ValueRow:
    """One value of the file, what the importer would do with it, and what the table says."""

    value: str  # "" for blank cells
    rows: int
    suggested: str | None  # key the importer would choose itself; None: the rule decides
    why: str  # the importer's reason, in words
    chosen: str | None  # key now in the table; None: the rule decides

    @property
    def by_hand(self) -> bool:
        return self.chosen != self.suggested


class CategoryValuesTable(QTableWidget):
    """Value, rows, category (an editable combo, opened by a click) and why, commonest first."""

    changed = Signal()

    def __init__(self, cats: Sequence[Category]) -> None:
        super().__init__(0, len(HEADINGS))
        self.cats = {c.key: c for c in cats}
        self.value_rows: list[ValueRow] = []
        self.rule_new = True
        self._filling = False
        self.setAccessibleName(translate("ImportDialog", "Category of each value"))
        self.setHorizontalHeaderLabels([translate("ImportDialog", h) for h in HEADINGS])
        heading = self.horizontalHeaderItem(CATEGORY)
        assert heading is not None  # set by setHorizontalHeaderLabels just above
        heading.setToolTip(
            translate(
                "ImportDialog", "Click a category to choose another; what you choose is imported"
            )
        )
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.delegate = CategoryDelegate(cats, self)
        self.setItemDelegateForColumn(CATEGORY, self.delegate)
        header = self.horizontalHeader()
        for column, mode in (
            (VALUE, QHeaderView.ResizeMode.Stretch),
            (ROWS, QHeaderView.ResizeMode.ResizeToContents),
            (CATEGORY, QHeaderView.ResizeMode.Stretch),
            (WHY, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(column, mode)
        self.clicked.connect(self._edit_category)
        self.itemChanged.connect(self._on_item_changed)

    # ---- filling
    def fill(self, counts: Sequence[tuple[str, int]], matcher: CategoryMatcher) -> None:
        """``counts``: (value, rows) with "" for blank cells; sorted here, commonest first."""
        ordered = sorted(counts, key=lambda vc: (-vc[1], vc[0].lower()))
        self.value_rows = [self._suggest(value, rows, matcher) for value, rows in ordered]
        self._filling = True
        self.setUpdatesEnabled(False)
        try:
            self.setRowCount(0)
            self.setRowCount(len(self.value_rows))
            for row, entry in enumerate(self.value_rows):
                self._set_row(row, entry)
        finally:
            self.setUpdatesEnabled(True)
            self._filling = False
        self.changed.emit()

    def _suggest(self, value: str, rows: int, matcher: CategoryMatcher) -> ValueRow:
        if not value:
            blank = translate("ImportDialog", "blank cells")
            return ValueRow(value, rows, UNCATEGORISED, blank, UNCATEGORISED)
        found = matcher.match(value)
        return ValueRow(value, rows, found.key, self._reason(found), found.key)

    def _reason(self, found: Match) -> str:
        if found.ambiguous:
            labels = [self.cats[k].label for k in found.candidates if k in self.cats]
            return translate("ImportDialog", "no guess: could be {categories}").format(
                categories=translate("ImportDialog", " or ").join(labels)
            )
        return found.how

    def _set_row(self, row: int, entry: ValueRow) -> None:
        value = QTableWidgetItem(entry.value or translate("ImportDialog", BLANK))
        value.setFlags(_READ_ONLY)
        if not entry.value:
            value.setFont(_italic(value.font()))
        count = QTableWidgetItem(f"{entry.rows:,}")
        count.setFlags(_READ_ONLY)
        count.setTextAlignment(_RIGHT)
        category = QTableWidgetItem()
        category.setFlags(_EDITABLE)
        why = QTableWidgetItem()
        why.setFlags(_READ_ONLY)
        self.setItem(row, VALUE, value)
        self.setItem(row, ROWS, count)
        self.setItem(row, CATEGORY, category)
        self.setItem(row, WHY, why)
        self._show_choice(row)

    def _show_choice(self, row: int) -> None:
        """The category cell and the reason, from the row's current choice."""
        entry = self.value_rows[row]
        category, why = cell(self, row, CATEGORY), cell(self, row, WHY)
        was_filling, self._filling = self._filling, True
        try:
            category.setData(KEY_ROLE, entry.chosen)
            category.setData(RULE_ROLE, self.rule_text(entry.value))
            chosen = self.cats.get(entry.chosen) if entry.chosen else None
            if chosen is not None:
                category.setText(chosen.label)
                category.setIcon(category_icon(chosen.symbol, chosen.colour))
                category.setFont(_italic(category.font(), False))
                category.setBackground(QBrush())
                category.setForeground(QBrush())
            else:
                category.setText(self.rule_text(entry.value))
                category.setIcon(category_icon("circle", "#FFFFFF"))
                category.setFont(_italic(category.font()))
                category.setBackground(UNMATCHED_BACKGROUND)
                category.setForeground(UNMATCHED_TEXT)
            category.setToolTip(translate("ImportDialog", "Click to choose another category"))
            why.setText(translate("ImportDialog", "chosen by you") if entry.by_hand else entry.why)
            why.setForeground(CHOSEN_TEXT if entry.by_hand else QBrush())
        finally:
            self._filling = was_filling

    def rule_text(self, value: str) -> str:
        if self.rule_new and value:
            return translate("ImportDialog", "New category “{value}”").format(value=value)
        return translate("ImportDialog", "Uncategorised")

    def set_rule(self, new: bool) -> None:
        """Values that match nothing: new categories, or Uncategorised."""
        self.rule_new = new
        for row in range(self.rowCount()):
            self._show_choice(row)
        self.changed.emit()

    # ---- choices
    @Slot(QModelIndex)
    def _edit_category(self, index: QModelIndex) -> None:
        if index.column() == CATEGORY and self.state() != QAbstractItemView.State.EditingState:
            self.edit(index)

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != CATEGORY:
            return
        entry = self.value_rows[item.row()]
        key = item.data(KEY_ROLE)
        entry.chosen = str(key) if key else None
        self._show_choice(item.row())
        self.changed.emit()

    def choose(self, value: str, key: str | None) -> None:
        """Set a value's category as the combo would (None: the rule)."""
        row = next(i for i, e in enumerate(self.value_rows) if e.value == value)
        cell(self, row, CATEGORY).setData(KEY_ROLE, key)

    def suggest(self, value: str, key: str, why: str) -> None:
        """A suggestion from elsewhere than the matcher (an Open Referral directory's default
        term mapping), shown as the importer's own choice: the importer makes it too."""
        row = next(i for i, e in enumerate(self.value_rows) if e.value == value)
        entry = self.value_rows[row]
        entry.suggested = entry.chosen = key
        entry.why = why
        self._filling = True
        try:
            self._set_row(row, entry)
        finally:
            self._filling = False
        self.changed.emit()

    def category_map(self) -> dict[str, str]:
        """What differs from the importer's own choice: value -> key, or the rule's key."""
        out = {}
        for entry in self.value_rows:
            if entry.by_hand:
                rule = NEW_CATEGORY if self.rule_new and entry.value else UNCATEGORISED
                out[entry.value] = entry.chosen or rule
        return out

    def chosen_by_hand(self) -> list[ValueRow]:
        """Values the user sent to a real category (not to the rule, not to Uncategorised)."""
        return [
            e
            for e in self.value_rows
            if e.by_hand and e.value and e.chosen not in (None, UNCATEGORISED)
        ]

    def unmatched(self) -> list[ValueRow]:
        return [e for e in self.value_rows if e.chosen is None]

    def rows_in(self, keys: set[str]) -> int:
        return sum(e.rows for e in self.value_rows if e.chosen in keys)


def _italic(font: QFont, italic: bool = True) -> QFont:
    font.setItalic(italic)
    return font
