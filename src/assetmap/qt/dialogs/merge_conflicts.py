"""The side-by-side conflict dialog of File ▸ Merge a copy…: one row per field both copies
changed differently, with what it was, what each copy has now, and the user's choice.

A merge of two busy copies can hold hundreds of conflicts, so the rows are a table model
(one QTableView, no widget per row); a choice is made for the selected rows at once, or for
all of them. The dialog returns the resolutions in the plan's terms:
{(uuid, field): "mine" | "theirs" | value}.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.merge.outlines import OUTLINE
from assetmap.core.merge.plan import Conflict
from assetmap.core.merge.report import shown
from assetmap.core.merge.values import DELETED, POSITION
from assetmap.core.model import REVIEW_WORDS, TEXT_FIELDS
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "EDITABLE",
    "ConflictModel",
    "ConflictsDialog",
    "field_label",
    "readable",
]

MINE, THEIRS, EDIT = "mine", "theirs", "edit"
Resolutions = dict[tuple[str, str], Any]
Index = QModelIndex | QPersistentModelIndex

# Field names as the asset form shows them (and a category's label, for category conflicts),
# in English: translated where shown (the core's TEXT_FIELDS stay English).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("MergeConflicts", "Name"),
    "category": QT_TRANSLATE_NOOP("MergeConflicts", "Category"),
    **TEXT_FIELDS,
    "audience": QT_TRANSLATE_NOOP("MergeConflicts", "Who is it for?"),
    "status": QT_TRANSLATE_NOOP("MergeConflicts", "Status"),
    "personal_data": QT_TRANSLATE_NOOP("MergeConflicts", "Personal data"),
    "custom": QT_TRANSLATE_NOOP("MergeConflicts", "Other fields"),
    "review": QT_TRANSLATE_NOOP("MergeConflicts", "Review"),
    POSITION: QT_TRANSLATE_NOOP("MergeConflicts", "Position on the map"),
    DELETED: QT_TRANSLATE_NOOP("MergeConflicts", "Deleted"),
    "label": QT_TRANSLATE_NOOP("MergeConflicts", "Category name"),
    "outline": QT_TRANSLATE_NOOP("MergeConflicts", "Outline"),
    "footprint": QT_TRANSLATE_NOOP("MergeConflicts", "Outline"),
}
# Fields a person can type a third value for; the rest are a choice of one side or the other.
EDITABLE = frozenset({"name", *TEXT_FIELDS, "label"} - {"verified_date"})
MULTI_LINE = frozenset({"description", "opening_hours"})
REQUIRED = frozenset({"name", "label"})
STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("MergeConflicts", "Active"),
    "closed": QT_TRANSLATE_NOOP("MergeConflicts", "Closed"),
    "proposed": QT_TRANSLATE_NOOP("MergeConflicts", "Proposed"),
}

UNRESOLVED = QColor("#FFF4D6")
CHOSEN = QColor("#DCF2E0")
HEADERS = (
    QT_TRANSLATE_NOOP("MergeConflicts", "Asset"),
    QT_TRANSLATE_NOOP("MergeConflicts", "Field"),
    QT_TRANSLATE_NOOP("MergeConflicts", "Before"),
    QT_TRANSLATE_NOOP("MergeConflicts", "In this copy"),
    "",
    QT_TRANSLATE_NOOP("MergeConflicts", "Choice"),
)
ASSET, FIELD, BEFORE, MINE_COLUMN, THEIRS_COLUMN, CHOICE = range(6)


def field_label(field: str) -> str:
    if field in FIELD_LABELS:
        return translate("MergeConflicts", FIELD_LABELS[field])
    return field.replace("_", " ").capitalize()


def readable(field: str, value: Any, category_label: Callable[[str], str] | None = None) -> str:
    """A value as a community worker reads it: a position in metres, nothing as "(empty)"."""
    if field == DELETED:
        return (
            translate("MergeConflicts", "deleted") if value else translate("MergeConflicts", "kept")
        )
    if field == OUTLINE:
        return shown(OUTLINE, value)
    if value is None or value == () or value == {} or value == "":
        return (
            translate("MergeConflicts", "(not on the map)")
            if field == POSITION
            else translate("MergeConflicts", "(empty)")
        )
    if field == POSITION:
        x, y = value
        return translate("MergeConflicts", "easting {x}, northing {y}").format(
            x=f"{x:,.0f}", y=f"{y:,.0f}"
        )
    if field == "category" and category_label is not None:
        return category_label(str(value))
    if field == "status":
        return translate("MergeConflicts", STATUS_WORDS.get(str(value), str(value)))
    if field == "review":
        return REVIEW_WORDS.get(str(value), str(value))
    if isinstance(value, bool):
        return translate("MergeConflicts", "yes") if value else translate("MergeConflicts", "no")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


class ConflictModel(QAbstractTableModel):
    """The conflicts, and the choice made for each (absent: not resolved yet)."""

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        other_name: str,
        chosen: Mapping[tuple[str, str], Any] | None = None,
        category_label: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self.conflicts = list(conflicts)
        self.other_name = other_name
        self.chosen: Resolutions = {
            c.key: chosen[c.key] for c in self.conflicts if chosen and c.key in chosen
        }
        self._label = category_label

    # ---- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == THEIRS_COLUMN:
            return translate("MergeConflicts", "In {name}").format(name=self.other_name)
        return translate("MergeConflicts", HEADERS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        conflict, column = self.conflicts[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(conflict, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(conflict, column)
        return None

    def _text(self, conflict: Conflict, column: int) -> str:
        if column == ASSET:
            return conflict.name
        if column == FIELD:
            return field_label(conflict.field)
        if column == CHOICE:
            return self.choice_words(conflict)
        value = (conflict.base, conflict.mine, conflict.theirs)[column - BEFORE]
        return readable(conflict.field, value, self._label)

    def _background(self, conflict: Conflict, column: int) -> QBrush | None:
        if conflict.key not in self.chosen:
            return QBrush(UNRESOLVED) if column == CHOICE else None
        return QBrush(CHOSEN) if column in (CHOICE, self._chosen_column(conflict)) else None

    def _chosen_column(self, conflict: Conflict) -> int | None:
        pick = self.chosen.get(conflict.key)
        return {MINE: MINE_COLUMN, THEIRS: THEIRS_COLUMN}.get(pick) if pick is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == CHOICE else base

    def choice_words(self, conflict: Conflict) -> str:
        if conflict.key not in self.chosen:
            return translate("MergeConflicts", "Choose…")
        pick = self.chosen[conflict.key]
        if pick == MINE:
            return translate("MergeConflicts", "Keep mine")
        if pick == THEIRS:
            return translate("MergeConflicts", "Keep theirs")
        return translate("MergeConflicts", "Edited: {value}").format(
            value=readable(conflict.field, pick, self._label)
        )

    # ---- choosing ------------------------------------------------------------------------
    def choose(self, rows: Sequence[int], pick: Any) -> None:
        for row in rows:
            self.chosen[self.conflicts[row].key] = pick
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), CHOICE))

    def unresolved(self) -> int:
        return sum(1 for c in self.conflicts if c.key not in self.chosen)


class ChoiceDelegate(QStyledItemDelegate):
    """The Choice cell as a drop-down while it is being changed (one editor at a time, so
    500 rows cost no more than 5): Keep mine, Keep theirs, and Edit… for text."""

    def __init__(self, dialog: ConflictsDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.addItem(translate("MergeConflicts", "Keep mine"), MINE)
        box.addItem(translate("MergeConflicts", "Keep theirs"), THEIRS)
        if self.dialog.model.conflicts[index.row()].field in EDITABLE:
            box.addItem(translate("MergeConflicts", "Edit…"), EDIT)
        box.activated.connect(lambda _i, b=box: self._chosen(b))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        pick = self.dialog.model.chosen.get(self.dialog.model.conflicts[index.row()].key)
        at = editor.findData(pick if pick in (MINE, THEIRS) else EDIT)
        editor.setCurrentIndex(max(at, 0) if pick is not None else -1)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        pick = editor.currentData()
        if pick in (MINE, THEIRS):
            self.dialog.model.choose([index.row()], pick)
            self.dialog.refresh()
        elif pick == EDIT:  # after the drop-down has closed, not inside it
            QTimer.singleShot(0, self.dialog.edit_current)

    def _chosen(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box)


class ConflictsDialog(QDialog):
    """Keep mine / Keep theirs / Edit… for the selected rows, or keep all of one side."""

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        other_name: str,
        chosen: Mapping[tuple[str, str], Any] | None = None,
        category_label: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("MergeConflicts", "Resolve conflicts with {name}").format(name=other_name)
        )
        self.resize(1280, 720)
        self.model = ConflictModel(conflicts, other_name, chosen, category_label)
        self.table = self._build_table()
        self.count = QLabel()
        self.mine_button = QPushButton(translate("MergeConflicts", "Keep &mine"))
        self.theirs_button = QPushButton(translate("MergeConflicts", "Keep &theirs"))
        self.edit_button = QPushButton(translate("MergeConflicts", "&Edit…"))
        self.all_mine_button = QPushButton(translate("MergeConflicts", "Keep all m&ine"))
        self.all_theirs_button = QPushButton(translate("MergeConflicts", "Keep all t&heirs"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._connect()
        self._lay_out(other_name)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        table.setItemDelegateForColumn(CHOICE, ChoiceDelegate(self))
        table.setWordWrap(False)
        table.setAlternatingRowColors(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in zip(range(len(HEADERS)), (220, 150, 210, 210, 210, 190), strict=True):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName(translate("MergeConflicts", "Conflicts"))
        return table

    def _connect(self) -> None:
        self.mine_button.clicked.connect(lambda: self.choose_selected(MINE))
        self.theirs_button.clicked.connect(lambda: self.choose_selected(THEIRS))
        self.edit_button.clicked.connect(self.edit_current)
        self.all_mine_button.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs_button.clicked.connect(lambda: self.choose_all(THEIRS))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        self.table.doubleClicked.connect(self._double_clicked)

    def _lay_out(self, other_name: str) -> None:
        intro = QLabel(
            translate(
                "MergeConflicts",
                "Both this copy and {name} changed these fields, each in its own way, "
                "since the copies were made. Choose which to keep for each row (select several "
                "rows to choose for them at once); double-click a value to keep it, or a choice "
                "to change it.",
            ).format(name=other_name)
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.mine_button, self.theirs_button, self.edit_button):
            row.addWidget(button)
        row.addSpacing(24)
        row.addWidget(self.all_mine_button)
        row.addWidget(self.all_theirs_button)
        row.addStretch(1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    # ---- choosing ------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def choose_selected(self, pick: str) -> None:
        self.model.choose(self.selected_rows(), pick)
        self.refresh()

    def choose_all(self, pick: str) -> None:
        self.model.choose(range(self.model.rowCount()), pick)
        self.refresh()

    def edit_current(self) -> None:
        """A third value for a text field, starting from this copy's (or the last typed)."""
        row = self.table.currentIndex().row()
        if row < 0 or self.model.conflicts[row].field not in EDITABLE:
            return
        conflict = self.model.conflicts[row]
        text = self._ask_value(conflict)
        if text is None:
            return
        if not text.strip() and conflict.field in REQUIRED:
            QMessageBox.information(
                self,
                translate("MergeConflicts", "Edit the merged value"),
                translate("MergeConflicts", "{field} cannot be empty.").format(
                    field=field_label(conflict.field)
                ),
            )
            return
        self.model.choose([row], text.strip() or None)
        self.refresh()

    def _ask_value(self, conflict: Conflict) -> str | None:
        current = self.model.chosen.get(conflict.key)
        typed = isinstance(current, str) and current not in (MINE, THEIRS)
        start = str(current) if typed else readable_text(conflict.mine)
        title = translate("MergeConflicts", "Edit the merged value")
        label = translate("MergeConflicts", "{field} of “{asset}”:").format(
            field=field_label(conflict.field), asset=conflict.name
        )
        if conflict.field in MULTI_LINE:  # as the asset form edits them: several lines
            text, ok = QInputDialog.getMultiLineText(self, title, label, start)
        else:
            text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, start)
        return text if ok else None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == MINE_COLUMN:
            self.model.choose([index.row()], MINE)
        elif index.column() == THEIRS_COLUMN:
            self.model.choose([index.row()], THEIRS)
        self.refresh()

    def refresh(self) -> None:
        rows = self.selected_rows()
        self.mine_button.setEnabled(bool(rows))
        self.theirs_button.setEnabled(bool(rows))
        current = self.table.currentIndex().row()
        editable = current >= 0 and self.model.conflicts[current].field in EDITABLE
        self.edit_button.setEnabled(editable)
        self.edit_button.setToolTip(
            translate("MergeConflicts", "Type the value to keep, starting from this copy's")
            if editable
            else translate(
                "MergeConflicts",
                "Only text can be edited; for this field keep one side or the other",
            )
        )
        left, total = self.model.unresolved(), self.model.rowCount()
        self.count.setText(
            translate("MergeConflicts", "All {total} resolved").format(total=total)
            if not left
            else translate("MergeConflicts", "{left} of {total} still to choose").format(
                left=left, total=total
            )
        )

    def resolutions(self) -> Resolutions:
        return dict(self.model.chosen)


def readable_text(value: Any) -> str:
    return "" if value is None else str(value)
