"""The asset import's Category step: one category for every row, or one per value of a column.

From a column, every value is listed with the category the importer matches it to, which the
user may change; values chosen by hand that no category goes by yet can be remembered as other
names of their categories, so the next import matches them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.category_match import same_name
from assetmap.core.commands.categories import MAX_SYNONYM_LENGTH
from assetmap.core.io import preview as pv
from assetmap.core.io.asset_import import UNKNOWN_NEW, UNKNOWN_UNCATEGORISED
from assetmap.core.io.values import text_objects
from assetmap.core.project import Project
from assetmap.core.taxonomy import UNCATEGORISED, Category
from assetmap.qt.dialogs.imports.category_combo import CategoryCombo
from assetmap.qt.dialogs.imports.category_values import CategoryValuesTable, ValueRow
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo
from assetmap.qt.dialogs.imports.style import HINT_STYLE, note_label
from assetmap.qt.i18n import translate

MANY_VALUES = 500  # more different values than a column of categories usually has
# Names a council list gives the column holding each row's kind of asset, besides "category".
CATEGORY_LIKE_NAMES = frozenset(
    {"type", "kind", "asset type", "service type", "facility type", "site type", "place type",
     "organisation type", "provider type", "sector", "service", "services"}
)  # fmt: skip

__all__ = ["CategoryStep", "counted"]


def _norm_name(column: str) -> str:
    return " ".join(column.replace("_", " ").replace("-", " ").lower().split())


class CategoryStep(QWidget):
    """The category choices; ``changed`` after any change of what rows get, ``modeChanged``
    when the choice between one category and a column may change how much room it needs."""

    changed = Signal()
    modeChanged = Signal()  # noqa: N815 - Qt's naming for signals

    def __init__(
        self,
        project: Project,
        cats: Sequence[Category],
        preview: Callable[[], pv.Preview | None],
    ) -> None:
        super().__init__()
        self._project = project
        self.cats = cats
        self._preview = preview
        layout = QVBoxLayout(self)
        self.category_fixed = QRadioButton(
            translate("ImportDialog", "&One category for every asset:")
        )
        self.category_from_column = QRadioButton(
            translate("ImportDialog", "Category &from a column:")
        )
        group = QButtonGroup(self)
        group.addButton(self.category_fixed)
        group.addButton(self.category_from_column)
        self.category_fixed.setChecked(True)
        self.category_combo = CategoryCombo(
            cats, translate("ImportDialog", "Category of every asset")
        )
        self.category_combo.set_key(UNCATEGORISED)
        self.category_column = ColumnCombo(
            translate("ImportDialog", "Column holding each asset's category")
        )
        choices = QHBoxLayout()
        for widget, stretch in (
            (self.category_fixed, 0),
            (self.category_combo, 1),
            (self.category_from_column, 0),
            (self.category_column, 1),
        ):
            choices.addWidget(widget, stretch)
        choices.insertSpacing(2, 16)
        self.values_summary = note_label()
        self.values_summary.setAccessibleName(translate("ImportDialog", "What the values match"))
        self.values_table = CategoryValuesTable(cats)
        self.remember_check = QCheckBox()
        self.remember_check.setAccessibleName(
            translate("ImportDialog", "Remember my choices as other names")
        )
        self.personal_note = QLabel()
        self.personal_note.setWordWrap(True)
        self.personal_note.setStyleSheet(HINT_STYLE)
        self.personal_note.setAccessibleName(translate("ImportDialog", "Personal data"))
        self.personal_note.hide()
        self.unknown_row = QWidget()
        unknown_layout = self._build_unknown_row()
        self.unknown_row.setLayout(unknown_layout)
        unknown_layout.setContentsMargins(0, 0, 0, 0)
        self.column_hint = note_label(
            translate(
                "ImportDialog",
                "To give each asset the category its file names, choose “Category from a "
                "column”: every value of that column is listed with the category it matches, "
                "to change if you like.",
            )
        )
        self.category_note = note_label()
        self.category_note.setAccessibleName(translate("ImportDialog", "About the category"))
        layout.addLayout(choices)
        layout.addWidget(self.category_note)
        layout.addWidget(self.values_summary)
        layout.addWidget(self.values_table, 1)
        layout.addWidget(self.unknown_row)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.column_hint)
        layout.addWidget(self.personal_note)
        layout.addStretch(0)
        for widget in (self.category_fixed, self.category_from_column, self.unknown_new):
            widget.toggled.connect(self._on_category_changed)
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self.category_column.currentIndexChanged.connect(self.fill_values)
        self.values_table.changed.connect(self._on_values_changed)
        self._on_category_changed()

    def _build_unknown_row(self) -> QHBoxLayout:
        """What happens to values that match no category: new categories, or Uncategorised."""
        self.unknown_new = QRadioButton(translate("ImportDialog", "make a &new category for each"))
        self.unknown_uncategorised = QRadioButton(
            translate("ImportDialog", "put them under &Uncategorised")
        )
        unknown_group = QButtonGroup(self)
        unknown_group.addButton(self.unknown_new)
        unknown_group.addButton(self.unknown_uncategorised)
        self.unknown_new.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ImportDialog", "Values that match no category:")))
        row.addWidget(self.unknown_new)
        row.addWidget(self.unknown_uncategorised)
        row.addStretch(1)
        return row

    # ---- filling from the preview
    def fill(self, result: pv.Preview) -> None:
        """The file's category column (or a column that names categories) chosen, if any."""
        column = result.category_column or self._column_naming_categories(result)
        self.category_column.blockSignals(True)
        self.category_column.set_columns(result.columns)
        self.category_column.set_column(column)
        self.category_column.blockSignals(False)
        self.category_from_column.setChecked(column is not None)
        self.category_fixed.setChecked(column is None)
        self.fill_values()

    def _column_naming_categories(self, result: pv.Preview) -> str | None:
        """A 'Type' or 'Kind' column whose values mostly name the project's categories.

        Council lists call the category many things; offering the column saves every row
        from arriving Uncategorised, and the Category step shows each value's match to check.
        Only when most rows match: a generic 'Type' column (of building, of record) is not it.
        """
        matcher = categories.matcher(self._project)
        frame = result.frame
        for column in result.columns:
            if _norm_name(column) not in CATEGORY_LIKE_NAMES:
                continue
            counts = pv.distinct_values(frame, column, MANY_VALUES)
            total = sum(n for _value, n in counts)
            matched = sum(n for value, n in counts if matcher.match(value).key is not None)
            if total and matched >= 0.5 * len(frame):
                return column
        return None

    @Slot()
    def fill_values(self) -> None:
        """Every distinct value (blank cells too), preselected by the importer's own matching."""
        column = self.category_column.column()
        preview = self._preview()
        counts: list[tuple[str, int]] = []
        if preview is not None and column is not None:
            frame = preview.frame
            counts = pv.distinct_values(frame, column, len(frame) + 1)
            blank = int(text_objects(frame[column]).isna().sum())
            if blank:
                counts.append(("", blank))
        busy = len(counts) > MANY_VALUES  # a second or two: say so
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.values_table.fill(counts, categories.matcher(self._project))
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        self.changed.emit()

    # ---- what the user chose
    def listing(self) -> bool:
        """From a column: every value listed in the table."""
        return self.category_from_column.isChecked()

    def unknown_rule(self) -> str:
        return UNKNOWN_NEW if self.unknown_new.isChecked() else UNKNOWN_UNCATEGORISED

    def category_map(self) -> dict[str, str]:
        return self.values_table.category_map()

    def names_to_remember(self) -> dict[str, list[str]]:
        """Category key -> values chosen by hand that no category goes by yet."""
        out: dict[str, list[str]] = {}
        if not self.category_from_column.isChecked():
            return out
        for entry in self.values_table.chosen_by_hand():
            if self._rememberable(entry):
                out.setdefault(str(entry.chosen), []).append(entry.value)
        return out

    def _rememberable(self, entry: ValueRow) -> bool:
        if len(entry.value) > MAX_SYNONYM_LENGTH:
            return False
        project = self._project
        category = categories.by_key(project).get(str(entry.chosen))
        if category is None or categories.name_owner(project, entry.value, besides=category.key):
            return False
        return not any(same_name(entry.value, n) for n in (category.label, *category.synonyms))

    def problem(self) -> str | None:
        if self.category_from_column.isChecked() and self.category_column.column() is None:
            return translate("ImportDialog", "Choose the column that holds each asset's category.")
        return None

    def personal_rows(self) -> tuple[int, list[str]]:
        """How many rows go to a category holding personal data, and those categories' labels."""
        personal = {c.key: c for c in self.cats if c.personal_data}
        if self.category_from_column.isChecked():
            rows = self.values_table.rows_in(set(personal))
            labels = sorted(
                {
                    personal[e.chosen].label
                    for e in self.values_table.value_rows
                    if e.chosen in personal
                }
            )
            return rows, labels
        key = self.category_combo.key()
        preview = self._preview()
        rows = preview.row_count if preview is not None and key in personal else 0
        return rows, [personal[key].label] if key in personal else []

    # ---- reacting
    @Slot()
    def _on_category_changed(self) -> None:
        from_column = self.category_from_column.isChecked()
        self.category_combo.setEnabled(not from_column)
        self.category_column.setEnabled(from_column)
        for widget in (self.values_summary, self.values_table, self.unknown_row):
            widget.setVisible(from_column)
        self.column_hint.setVisible(not from_column)
        self.modeChanged.emit()
        self.values_table.set_rule(self.unknown_new.isChecked())
        self._on_values_changed()

    @Slot()
    def _on_values_changed(self) -> None:
        self._update_values_summary()
        self._update_remember_check()
        self.changed.emit()

    def _update_values_summary(self) -> None:
        table = self.values_table
        column = self.category_column.column()
        if not self.category_from_column.isChecked() or column is None or not table.value_rows:
            self.values_summary.setText("")
            return
        values = table.value_rows
        unmatched = len(table.unmatched())
        by_hand = sum(1 for e in values if e.by_hand)
        if self.unknown_new.isChecked():
            where = translate("ImportDialog", "new categories")
        else:
            where = translate("ImportDialog", "Uncategorised")
        parts = [
            translate("ImportDialog", "{n} go to a category").format(
                n=f"{len(values) - unmatched:,}"
            )
        ]
        if unmatched:
            parts.append(
                translate("ImportDialog", "{n} match none (marked; they go to {where})").format(
                    n=f"{unmatched:,}", where=where
                )
            )
        if by_hand:
            parts.append(translate("ImportDialog", "{n} chosen by you").format(n=f"{by_hand:,}"))
        text = translate(
            "ImportDialog", "{values} in '{column}': {parts}. Click a category to change it."
        ).format(
            values=counted(len(values), "different value"), column=column, parts=", ".join(parts)
        )
        if len(values) > MANY_VALUES:
            text += " " + translate(
                "ImportDialog", "That is a lot for a category: is it the right column?"
            )
        self.values_summary.setText(text)

    def _update_remember_check(self) -> None:
        remembered = self.names_to_remember()
        n = sum(len(v) for v in remembered.values())
        self.remember_check.setVisible(bool(n))
        if n:
            self.remember_check.setText(
                translate(
                    "ImportDialog",
                    "&Remember {values} you chose as other names of their categories, so the "
                    "next import matches them",
                ).format(values=counted(n, "value"))
            )

    def show_personal_note(self, text: str) -> None:
        """Why the rows are flagged as personal data, or hidden when none are."""
        if text:
            self.personal_note.setText(text)
        self.personal_note.setVisible(bool(text))

    def update_category_note(self) -> None:
        """Uncategorised is a choice too, but rarely the one meant: say what it means."""
        everything_uncategorised = (
            self.category_fixed.isChecked() and self.category_combo.key() == UNCATEGORISED
        )
        preview = self._preview()
        rows = preview.row_count if preview is not None else 0
        self.category_note.setText(
            translate(
                "ImportDialog",
                "All {assets} would be Uncategorised: choose the category they belong to, or "
                "take it from a column.",
            ).format(assets=counted(rows, "asset"))
            if everything_uncategorised
            else ""
        )
        self.category_note.setVisible(everything_uncategorised)
