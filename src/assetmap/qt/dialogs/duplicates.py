"""Tools ▸ Find duplicates…: review likely duplicate assets one pair at a time.

The finder runs off the GUI thread (its own connection to the file); each pair is shown
side by side with the fields both fill differently highlighted and a choice for each.
Merge and Not a duplicate are commands on the window's stack, so Edit ▸ Undo takes them
back; Skip only moves on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import assets, custom_fields, duplicates
from assetmap.core.commands import MarkNotDuplicate, MergeAssets
from assetmap.core.duplicates import DuplicatePair
from assetmap.core.model import TEXT_FIELDS, Asset
from assetmap.core.project import Project
from assetmap.qt.errors import attempt, show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

# English, marked for translation where shown (the core's TEXT_FIELDS stay English).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Duplicates", "Name"),
    "category": QT_TRANSLATE_NOOP("Duplicates", "Category"),
    **TEXT_FIELDS,
    "audience": QT_TRANSLATE_NOOP("Duplicates", "Who it's for"),
    "status": QT_TRANSLATE_NOOP("Duplicates", "Status"),
    "personal_data": QT_TRANSLATE_NOOP("Duplicates", "Personal data"),
}
DIFFERS = QColor("#fff2cc")
KEEP, OTHER = "keep", "other"

ShowPair = Callable[[set[str]], None]


class DuplicatesDialog(QDialog):
    """``show_pair`` zooms the map to the two assets of the selected pair."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        show_pair: ShowPair | None = None,
        *,
        imported: frozenset[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.show_pair = session, show_pair
        self.imported = imported
        self.pairs: list[DuplicatePair] = []
        self.keep_first = True
        self.setWindowTitle(
            translate("Duplicates", "Find duplicates")
            if imported is None
            else translate("Duplicates", "Likely duplicates among imported assets")
        )
        self.resize(1000, 600)
        self._build()
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.cancel_button, say=self.status.setText
        )
        self.job.busyChanged.connect(lambda busy: self.find_button.setEnabled(not busy))
        self.start_finding()

    # ---- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.within = QDoubleSpinBox(decimals=0, minimum=0, maximum=5000, suffix=" m")
        self.within.setValue(duplicates.WITHIN_M)
        self.threshold = QSpinBox(minimum=50, maximum=100, suffix=" %")
        self.threshold.setValue(duplicates.NAME_THRESHOLD)
        self.find_button = QPushButton(translate("Duplicates", "Find again"))
        self.find_button.clicked.connect(self.start_finding)
        rules = QHBoxLayout()
        for widget in (
            QLabel(translate("Duplicates", "The same identifier; the same name within")),
            self.within,
            QLabel(translate("Duplicates", "; the same postcode and names at least")),
            self.threshold,
            QLabel(translate("Duplicates", "alike (token-set similarity)")),
        ):
            rules.addWidget(widget)
        rules.addStretch()
        rules.addWidget(self.find_button)

        self.pair_list = QListWidget()
        self.pair_list.setWordWrap(True)
        self.pair_list.currentRowChanged.connect(self._show_current)
        self.heading = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Duplicates", "Field"),
                translate("Duplicates", "Kept"),
                translate("Duplicates", "Merged into it"),
                translate("Duplicates", "Use"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.swap_button = QPushButton(translate("Duplicates", "Keep the other one"))
        self.swap_button.clicked.connect(self._swap)
        self.merge_button = QPushButton(translate("Duplicates", "&Merge"))
        self.merge_button.clicked.connect(self.merge)
        self.not_button = QPushButton(translate("Duplicates", "&Not a duplicate"))
        self.not_button.clicked.connect(self.not_duplicate)
        self.skip_button = QPushButton(translate("Duplicates", "&Skip"))
        self.skip_button.clicked.connect(self.skip)
        close = QPushButton(translate("Duplicates", "Close"))
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for button in (self.swap_button, self.merge_button, self.not_button, self.skip_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(close)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.heading)
        side.addWidget(self.table)
        side.addLayout(actions)
        split = QSplitter()
        split.addWidget(self.pair_list)
        split.addWidget(right)
        split.setSizes([330, 670])

        self.progress = QProgressBar()
        self.cancel_button = QPushButton(translate("Duplicates", "Cancel"))
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(rules)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self._enable_actions(False)

    # ---- finding -----------------------------------------------------------------------
    def start_finding(self) -> None:
        path, within, threshold, imported = (
            self.session.project.path,
            self.within.value(),
            self.threshold.value(),
            self.imported,
        )

        def work(progress: Any, cancelled: Any) -> list[DuplicatePair]:
            with Project.open(path) as project:  # the worker's own connection
                pairs = duplicates.find_duplicates(
                    project,
                    within_m=within,
                    name_threshold=threshold,
                    progress=progress,
                    cancelled=cancelled,
                )
            if imported is None:
                return pairs
            # after an import, the pairs it made: one asset brought in, one already here
            return [p for p in pairs if (p.uuid_a in imported) != (p.uuid_b in imported)]

        self.job.start(
            work,
            self._found,
            self._failed,
            message=translate("Duplicates", "Looking for duplicates…"),
        )

    def _found(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = list(pairs)
        self.pair_list.clear()
        for pair in self.pairs:
            item = QListWidgetItem(f"{pair.name_a}  ⇄  {pair.name_b}\n{_apart(pair)}")
            item.setToolTip(pair.rule_words)
            self.pair_list.addItem(item)
        self._say_count()
        self.pair_list.setCurrentRow(0 if self.pairs else -1)
        if not self.pairs:
            self._show_current(-1)

    def _failed(self, error: BaseException, details: str) -> None:
        self.status.setText(translate("Duplicates", "Finding duplicates failed."))
        show_error(self, translate("Duplicates", "Could not look for duplicates"), error, details)

    def _say_count(self) -> None:
        n = len(self.pairs)
        self.status.setText(
            (
                translate("Duplicates", "{n} likely duplicate pair to review")
                if n == 1
                else translate("Duplicates", "{n} likely duplicate pairs to review")
            ).format(n=n)
            if n
            else translate("Duplicates", "No likely duplicates: nothing to review.")
        )

    # ---- one pair --------------------------------------------------------------------
    @property
    def current(self) -> DuplicatePair | None:
        row = self.pair_list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _keep_other(self) -> tuple[str, str]:
        pair = self.current
        assert pair is not None
        return (pair.uuid_a, pair.uuid_b) if self.keep_first else (pair.uuid_b, pair.uuid_a)

    def _show_current(self, _row: int = 0) -> None:
        pair = self.current
        self._enable_actions(pair is not None)
        self.table.setRowCount(0)
        if pair is None:
            self.heading.setText("")
            return
        keep_uuid, other_uuid = self._keep_other()
        keep, other = (
            assets.get(self.session.project, keep_uuid),
            assets.get(self.session.project, other_uuid),
        )
        self.heading.setText(f"<b>{_apart(pair)}</b>: {pair.rule_words}")
        self._fill_table(keep, other)
        if self.show_pair is not None:
            self.show_pair({keep_uuid, other_uuid})

    def _fill_table(self, keep: Asset, other: Asset) -> None:
        differing = set(duplicates.differing_fields(keep, other))
        rows = [
            (f, translate("Duplicates", label), getattr(keep, f), getattr(other, f))
            for f, label in FIELD_LABELS.items()
        ]
        defs = custom_fields.by_name(self.session.project)
        for key in dict.fromkeys([*keep.custom, *other.custom]):
            label = custom_fields.label_of(defs, key)
            rows.append((key, label, keep.custom.get(key), other.custom.get(key)))
        rows = [r for r in rows if not (duplicates.is_empty(r[2]) and duplicates.is_empty(r[3]))]
        self.table.setRowCount(len(rows))
        for n, (name, label, mine, theirs) in enumerate(rows):
            cells = [label, self._text(name, mine), self._text(name, theirs)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, name)
                if name in differing:
                    item.setBackground(QBrush(DIFFERS))
                self.table.setItem(n, column, item)
            if name in differing:
                choice = QComboBox()
                choice.addItem(translate("Duplicates", "Kept one's"), KEEP)
                choice.addItem(translate("Duplicates", "Other's"), OTHER)
                choice.setProperty("field", name)
                self.table.setCellWidget(n, 3, choice)
            else:
                use = _whose(mine, theirs)
                self.table.setItem(n, 3, QTableWidgetItem(use))

    def _text(self, name: str, value: object) -> str:
        if duplicates.is_empty(value):
            return ""
        if name == "category":
            found = self.session.category(str(value))
            return found.label if found is not None else str(value)
        if isinstance(value, tuple):
            return "; ".join(value)
        if isinstance(value, bool):
            return translate("Duplicates", "yes") if value else translate("Duplicates", "no")
        return str(value)

    def choices(self) -> dict[str, str]:
        """Field -> "keep" or "other", for every field both fill differently."""
        found: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, 3)
            if isinstance(widget, QComboBox):
                found[str(widget.property("field"))] = str(widget.currentData())
        return found

    def _swap(self) -> None:
        self.keep_first = not self.keep_first
        self._show_current()

    def _enable_actions(self, enabled: bool) -> None:
        for button in (self.swap_button, self.merge_button, self.not_button, self.skip_button):
            button.setEnabled(enabled)

    # ---- decisions -------------------------------------------------------------------
    def merge(self) -> None:
        keep, other = self._keep_other()
        if self._push(MergeAssets(keep, other, self.choices())):
            self._drop_current(gone=other)

    def not_duplicate(self) -> None:
        pair = self.current
        if pair is not None and self._push(MarkNotDuplicate(pair.uuid_a, pair.uuid_b)):
            self._drop_current()

    def skip(self) -> None:
        row = self.pair_list.currentRow()
        self.pair_list.setCurrentRow(min(row + 1, len(self.pairs) - 1))

    def _push(self, command: MergeAssets | MarkNotDuplicate) -> bool:
        return attempt(self, lambda: self.session.push(command))

    def _drop_current(self, gone: str | None = None) -> None:
        """The decided pair leaves the list, and with a merge every other pair of the asset
        that is no more."""
        row = self.pair_list.currentRow()
        decided = self.pairs[row]
        keep = [p for p in self.pairs if p is not decided and gone not in (p.uuid_a, p.uuid_b)]
        self.keep_first = True
        self.pairs = []
        self.pair_list.blockSignals(True)
        self.pair_list.clear()
        self.pair_list.blockSignals(False)
        self._found(keep)
        self.pair_list.setCurrentRow(min(row, len(keep) - 1))


def _whose(mine: object, theirs: object) -> str:
    if mine == theirs:
        return translate("Duplicates", "both agree")
    return (
        translate("Duplicates", "other's")
        if duplicates.is_empty(mine)
        else translate("Duplicates", "kept one's")
    )


def _apart(pair: DuplicatePair) -> str:
    if pair.distance_m is None:
        return translate("Duplicates", "one is not on the map")
    return translate("Duplicates", "{distance} m apart").format(distance=f"{pair.distance_m:.0f}")
