"""The "Ranked gaps" tab of the Find gaps panel: the areas with a gap, worst first, and Export.

The panel fills the model and reacts to clicks (zoom to the area) and to Export.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assetmap.qt.i18n import translate
from assetmap.qt.panels.ranked_gaps import RankedGapsModel

MUTED_STYLE = "color: #57606A;"


class RankedGapsPage(QWidget):
    """The caption saying how gaps are ranked, the table (``model``) and the Export button."""

    def __init__(self, model_parent: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.rank_caption = QLabel(
            translate("FindGaps", "Areas with a gap, the ones to look at first on top.")
        )
        self.rank_caption.setWordWrap(True)
        self.rank_caption.setStyleSheet(MUTED_STYLE)
        self.rank_caption.setAccessibleName(translate("FindGaps", "How the gaps are ranked"))
        layout.addWidget(self.rank_caption)
        self.model = RankedGapsModel(model_parent)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("FindGaps", "Ranked gaps"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            round(self.table.fontMetrics().height() * 1.5)
        )
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(260)
        layout.addWidget(self.table)
        self.export_button = QPushButton(translate("FindGaps", "Export results…"))
        self.export_button.setToolTip(
            translate("FindGaps", "A CSV of every area's figures, with the method beside it")
        )
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
