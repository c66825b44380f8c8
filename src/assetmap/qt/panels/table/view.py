"""The table view: whole-row selection, sortable movable columns, Enter to zoom to a row."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView

from assetmap.qt.panels.table.icons import ICON_SIZE
from assetmap.qt.panels.table.proxy import AssetTableProxy


class AssetTableView(QTableView):
    """Enter on a row (when not editing) asks to zoom to it, like double-click does."""

    rowActivated = Signal(QModelIndex)

    def show_assets(self, proxy: AssetTableProxy, delegate: QStyledItemDelegate) -> None:
        """Show the proxy's rows, edited through ``delegate``, the way the dock shows them."""
        self.setModel(proxy)
        self.setItemDelegate(delegate)
        self._set_behaviour()
        self._set_up_headers(proxy)

    def _set_behaviour(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))

    def _set_up_headers(self, proxy: AssetTableProxy) -> None:
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorClearable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        # Qt's headers ask isColumnSelected() for each section they paint, which walks every
        # selected row: with 200,000 rows selected that is half a minute per repaint. The
        # headers never show the selection, so they get a selection model of their own.
        for side in (header, rows):
            side.setSelectionModel(QItemSelectionModel(proxy, side))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid():
                self.rowActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
