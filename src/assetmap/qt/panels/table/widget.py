"""The attribute table dock: filters, a count, and the table, kept in step with the map."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.checked import MarkChecked
from assetmap.core.errors import AssetmapError
from assetmap.core.model import ORIGIN_KINDS, ORIGIN_WORDS, REVIEW_STATES, REVIEW_WORDS
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import translate
from assetmap.qt.panels.table.delegates import AssetDelegate
from assetmap.qt.panels.table.icons import ICON_SIZE, category_icon
from assetmap.qt.panels.table.model import UUID_ROLE, AssetTableModel
from assetmap.qt.panels.table.proxy import AssetTableProxy
from assetmap.qt.panels.table.view import AssetTableView
from assetmap.qt.review_actions import review_selection
from assetmap.qt.session import Session


class AttributeTable(QWidget):
    """The bottom dock: filters, a count, and the table, kept in step with the map."""

    zoomRequested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AssetTableModel(session, self)
        self.proxy = AssetTableProxy(self.model, self)
        self._applying = False  # putting the session's selection into the view
        self._pushing = False  # putting the view's selection into the session
        self._message: QMessageBox | None = None
        self._widths: dict[str, int] = {}  # what the user dragged columns to, by column
        self._build_filters()
        self._build_view()
        self._build_layout()
        self._connect()
        self._fill_categories()
        self._apply_widths()
        self._update_count()
        self._show_session_selection(scroll=True)

    # ---- building --------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.category_filter = QComboBox(self)
        self.category_filter.setAccessibleName(translate("AssetTable", "Show category"))
        self.category_filter.setToolTip(translate("AssetTable", "Show only assets of one category"))
        self.category_filter.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.category_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category_filter.setMinimumContentsLength(20)
        self.category_filter.setMaxVisibleItems(24)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("AssetTable", "Filter assets…"))
        self.search.setAccessibleName(translate("AssetTable", "Filter assets"))
        matches = translate("AssetTable", "Matches name, address, postcode and description")
        self.search.setAccessibleDescription(matches)
        self.search.setToolTip(matches)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(420)
        self.review_filter = _choice_filter(
            self,
            translate("AssetTable", "Show review state"),
            translate("AssetTable", "Any review state"),
            REVIEW_STATES,
            REVIEW_WORDS,
        )
        self.review_filter.setToolTip(
            translate("AssetTable", "Show only approved assets, those awaiting review, or rejected")
        )
        self.origin_filter = _choice_filter(
            self,
            translate("AssetTable", "Show origin"),
            translate("AssetTable", "Any origin"),
            ORIGIN_KINDS,
            ORIGIN_WORDS,
        )
        self.origin_filter.setToolTip(
            translate("AssetTable", "Show only imported assets, those added here, and so on")
        )
        self.only_selected = QCheckBox(translate("AssetTable", "Only selected"), self)
        self.only_selected.setToolTip(
            translate("AssetTable", "Show only the assets selected on the map")
        )
        self.only_unplaced = QCheckBox(translate("AssetTable", "Only unplaced"), self)
        self.only_unplaced.setToolTip(
            translate("AssetTable", "Show only assets that have no location on the map yet")
        )
        self.only_due = QCheckBox(translate("AssetTable", "Due for checking"), self)
        self.only_due.setToolTip(
            translate(
                "AssetTable",
                "Show only assets last checked longer ago than their category's review interval",
            )
        )
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(translate("AssetTable", "Assets shown"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widest = self.count_label.fontMetrics().horizontalAdvance(
            translate("AssetTable", "{shown:,} of {total:,} assets").format(
                shown=200_000, total=200_000
            )
        )
        self.count_label.setMinimumWidth(widest + 8)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)

    def _build_view(self) -> None:
        view = self.view = AssetTableView(self)
        view.setAccessibleName(translate("AssetTable", "Assets table"))
        view.show_assets(self.proxy, AssetDelegate(self.model, view))

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(10)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.review_filter)
        bar.addWidget(self.origin_filter)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.only_selected)
        bar.addWidget(self.only_unplaced)
        bar.addWidget(self.only_due)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.category_filter, self.review_filter)
        self.setTabOrder(self.review_filter, self.origin_filter)
        self.setTabOrder(self.origin_filter, self.search)
        self.setTabOrder(self.search, self.only_selected)
        self.setTabOrder(self.only_selected, self.only_unplaced)
        self.setTabOrder(self.only_unplaced, self.only_due)
        self.setTabOrder(self.only_due, self.view)

    def _connect(self) -> None:
        self.category_filter.currentIndexChanged.connect(self._on_category_chosen)
        self.review_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_review(self.review_filter.currentData())
        )
        self.origin_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_origin(self.origin_filter.currentData())
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.search.textChanged.connect(self._on_text_edited)
        self._search_timer.timeout.connect(self._apply_text)
        self.only_selected.toggled.connect(self._on_only_selected)
        self.only_unplaced.toggled.connect(self.proxy.set_only_unplaced)
        self.only_due.toggled.connect(
            lambda on: self.proxy.set_only_due(on, self.session.categories())
        )
        self.view.doubleClicked.connect(self._zoom_to)
        self.view.rowActivated.connect(self._zoom_to)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection)
        self.model.editRejected.connect(self._on_edit_rejected)
        self.session.selectionChanged.connect(self._on_session_selection)
        self.session.categoriesChanged.connect(self._fill_categories)
        self.session.categoriesChanged.connect(self._refilter_due)
        proxy = self.proxy
        for signal in (proxy.layoutAboutToBeChanged, proxy.modelAboutToBeReset):
            signal.connect(self._begin_restructure)
        for signal in (proxy.layoutChanged, proxy.modelReset):
            signal.connect(self._end_restructure)
        # Rows leaving the table (a filter, a deletion) are not the user deselecting them.
        proxy.rowsAboutToBeRemoved.connect(self._begin_restructure)
        proxy.rowsRemoved.connect(self._end_removal)
        # The proxy drops rows before the model does, so count on the model's signals.
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, proxy.filterChanged):
            signal.connect(self._update_count)
        self.model.modelReset.connect(self._apply_widths)
        self.view.horizontalHeader().sectionResized.connect(self._remember_width)

    def _apply_widths(self, *_: Any) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, self._widths.get(column.key, column.width))
        header.blockSignals(False)

    def _remember_width(self, section: int, _old: int, new: int) -> None:
        columns = self.model.columns
        if 0 <= section < len(columns) and new > 0:
            self._widths[columns[section].key] = new

    def _fill_categories(self) -> None:
        combo = self.category_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("AssetTable", "All categories"), None)
        for category in self.session.categories():
            combo.addItem(category_icon(category), category.label, category.key)
            combo.setItemData(combo.count() - 1, category.group, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        if combo.currentData() != self.proxy.category:
            self.proxy.set_category(combo.currentData())

    # ---- filters ---------------------------------------------------------------------
    def _on_category_chosen(self, _index: int) -> None:
        self.proxy.set_category(self.category_filter.currentData())

    def _on_text_edited(self, _text: str) -> None:
        # Small projects filter on every key; big ones wait for a pause in typing.
        self._search_timer.start(0 if self.model.total_count() < 20_000 else 250)

    def _apply_text(self) -> None:
        self.proxy.set_text(self.search.text())

    def _on_only_selected(self, on: bool) -> None:
        self.proxy.set_only_selected(on, self.session.selection)

    def _update_count(self, *_: Any) -> None:
        total = self.model.total_count()
        shown = self.proxy.rowCount()
        if self.proxy.filtering:
            text = (
                translate("AssetTable", "{shown:,} of {total:,} asset")
                if total == 1
                else translate("AssetTable", "{shown:,} of {total:,} assets")
            )
        else:
            text = (
                translate("AssetTable", "{total:,} asset")
                if total == 1
                else translate("AssetTable", "{total:,} assets")
            )
        self.count_label.setText(text.format(shown=shown, total=total))

    # ---- selection both ways ---------------------------------------------------------
    def _on_view_selection(self, *_: Any) -> None:
        if self._applying:
            return
        ranges = self.view.selectionModel().selection()
        # PySide6's stub lacks QItemSelection.__iter__ (it iterates over its ranges)
        proxy_rows = [np.arange(r.top(), r.bottom() + 1) for r in ranges]  # type: ignore[attr-defined]
        # Ranges may overlap; the uuids end up in a set, so repeats do no harm.
        rows = np.concatenate(proxy_rows) if proxy_rows else np.array([], dtype=np.int64)
        uuids = self.model.uuids_for_rows(self.proxy.to_source_rows(rows))
        self._pushing = True
        try:
            self.session.set_selection(uuids)
        finally:
            self._pushing = False

    def _on_session_selection(self) -> None:
        if self._pushing:
            return
        if self.proxy.only_selected:
            self.proxy.set_selected(self.session.selection)
        self._show_session_selection(scroll=True)

    def _show_session_selection(self, scroll: bool) -> None:
        rows = self.proxy.to_proxy_rows(self.model.rows_for_uuids(self.session.selection))
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for start, stop in _runs(rows):
            selection.select(self.proxy.index(start, 0), self.proxy.index(stop, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect  # ranges are whole rows
        model = self.view.selectionModel()
        self._applying = True
        try:
            model.select(selection, flags)
            if len(rows):
                first = self.proxy.index(int(rows[0]), max(self.view.currentIndex().column(), 0))
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.view.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._applying = False

    def _begin_restructure(self, *_: Any) -> None:
        self._applying = True

    def _end_removal(self, *_: Any) -> None:
        self._applying = False

    def _end_restructure(self, *_: Any) -> None:
        # Filtering or sorting must not change what is selected on the map: re-show it.
        self._show_session_selection(scroll=False)
        self._update_count()

    # ---- review ----------------------------------------------------------------------
    def review_actions(self) -> list[QAction]:
        """Approve, Reject, Back to review: on the selected assets, as one undo step each."""
        chosen = sorted(self.session.selection)
        words = {
            "approved": translate("AssetTable", "Approve"),
            "rejected": translate("AssetTable", "Reject"),
            "pending": translate("AssetTable", "Back to awaiting review"),
        }
        actions = []
        for state, verb in words.items():
            action = QAction(_with_count(verb, len(chosen)), self)
            action.setEnabled(bool(chosen))
            action.triggered.connect(lambda _c=False, s=state: self.set_review(s))
            actions.append(action)
        return actions

    def set_review(self, state: str) -> None:
        review_selection(self, self.session, state)

    def _refilter_due(self) -> None:
        """A category's review interval changed: which assets are due may have too."""
        if self.proxy.only_due:
            self.proxy.set_only_due(True, self.session.categories())

    def checked_action(self) -> QAction:
        """Mark as checked today, on the selected assets, as one undo step."""
        chosen = sorted(self.session.selection)
        text = translate("AssetTable", "Mark as checked today")
        action = QAction(_with_count(text, len(chosen)), self)
        action.setEnabled(bool(chosen))
        action.triggered.connect(self.mark_checked)
        return action

    def mark_checked(self) -> None:
        chosen = tuple(sorted(self.session.selection))
        if not chosen:
            return
        try:
            self.session.push(MarkChecked(chosen))
        except AssetmapError as error:
            show_error(self, translate("AssetTable", "Could not mark as checked"), error)

    def _show_menu(self, position: Any) -> None:
        self.menu = QMenu(self)
        self.menu.addActions(self.review_actions())
        self.menu.addSeparator()
        self.menu.addAction(self.checked_action())
        self.menu.popup(self.view.viewport().mapToGlobal(position))

    # ---- zoom and messages -----------------------------------------------------------
    def _zoom_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self.zoomRequested.emit(str(index.data(UUID_ROLE)))

    def _on_edit_rejected(self, field: str, message: str) -> None:
        # Shown once the editor has closed, so focus moving to the box cannot commit again.
        QTimer.singleShot(0, lambda: self._show_rejected(field, message))

    def _show_rejected(self, field: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("AssetTable", "{field} not changed").format(field=field),
            translate("AssetTable", "{field}: {message}.\n\nThe cell keeps its old value.").format(
                field=field, message=message[:1].upper() + message[1:]
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._message = box
        box.open()


def _with_count(verb: str, count: int) -> str:
    """ "Approve (12 selected)": the menu says how many assets it will change."""
    if count <= 1:
        return verb
    return translate("AssetTable", "{verb} ({count:,} selected)").format(verb=verb, count=count)


def _choice_filter(
    parent: QWidget, name: str, anything: str, values: tuple[str, ...], words: dict[str, str]
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.addItem(anything, None)
    for value in values:
        combo.addItem(words[value], value)
    return combo


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs: one selection range per run, not per row."""
    if not len(rows):
        return []
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.concatenate([[rows[0]], rows[breaks + 1]])
    stops = np.concatenate([rows[breaks], [rows[-1]]])
    return list(zip(starts.tolist(), stops.tolist(), strict=True))
