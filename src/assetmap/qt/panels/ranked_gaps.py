"""The Find gaps panel's ranked table: the gaps as a planner reads them, the need-and-
provision class beside each, formatted like the CSV, with units in the headers. While a
what-if is shown, the areas the proposals change are in bold, saying how (``changes``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from assetmap.core.analysis import classify, results_csv
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import need_heading
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

ModelIndex = QModelIndex | QPersistentModelIndex
MUTED = "#57606A"
CLASS_TIP = QT_TRANSLATE_NOOP(
    "RankedGaps",
    "Need and provision, each split into thirds (high, medium, low) across the areas; "
    "the colour is the area's on the need-against-provision map",
)
# no need or provision figure: ranked after the classed areas
NOT_CLASSED = QT_TRANSLATE_NOOP("RankedGaps", "No figure")
# The class in few words, "High / low": need first, provision second.
_NEED_THIRDS = {
    1: QT_TRANSLATE_NOOP("RankedGaps", "Low"),
    2: QT_TRANSLATE_NOOP("RankedGaps", "Medium"),
    3: QT_TRANSLATE_NOOP("RankedGaps", "High"),
}
_PROVISION_THIRDS = {
    1: QT_TRANSLATE_NOOP("RankedGaps", "low"),
    2: QT_TRANSLATE_NOOP("RankedGaps", "medium"),
    3: QT_TRANSLATE_NOOP("RankedGaps", "high"),
}
DISPLAY, ALIGN, TIP, DECORATION, FOREGROUND, FONT = (
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )
)
FEWER_GAPS = "#1A7F37"  # the what-if figures' green
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RankedGapsModel(QAbstractTableModel):
    """The ranked gaps as a planner reads them: formatted like the CSV, units in headers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._tips: list[str] = []
        self._cells: list[list[dict[int, Any]]] = []  # per cell, role -> value
        self._codes: list[str] = []

    def set_rows(
        self,
        result: AnalysisResult,
        ranked: pd.DataFrame,
        need_label: str | None,
        changes: Mapping[str, bool] | None = None,
    ) -> None:
        """``result`` holds one category's rows; ``ranked`` is some of them, in order.
        ``changes``: a what-if is shown, and these areas (code: a gap with the proposals or
        not) are not as they are today; the rows that are no longer gaps have no rank."""
        self.beginResetModel()
        shown = results_csv.display_frame(result, need_label).loc[ranked.index]
        names = results_csv.headers(result, need_label)
        within = translate("RankedGaps", "Within {distance:,.0f} m (%)")
        columns = [
            (translate("RankedGaps", "Area"), "area_name"),
            (translate("RankedGaps", "Need / provision"), "bivariate"),
            (need_heading(result, need_label), "need"),
            (within.format(distance=result.params.distance_m), "coverage"),
            (translate("RankedGaps", "Per 1,000 people"), "per_1000"),
            (translate("RankedGaps", "Nearest asset (m)"), "nearest_m"),
            (translate("RankedGaps", "Assets"), "assets"),
            (translate("RankedGaps", "Needs raised"), "needs_raised"),
            (translate("RankedGaps", "Area code"), "area_code"),
            (translate("RankedGaps", "Note"), "note"),
        ]
        columns = [(h, k) for h, k in columns if names[k] in shown.columns]
        self._headers = [translate("RankedGaps", "Rank")] + [h for h, _k in columns]
        self._tips = [translate("RankedGaps", "1 = look here first")] + [
            translate("RankedGaps", CLASS_TIP) if k == "bivariate" else names[k]
            for _h, k in columns
        ]
        thirds = list(zip(ranked["need_tercile"], ranked["provision_tercile"], strict=True))
        self._codes = [str(c) for c in ranked["area_code"]]
        self._cells = [
            [_text_cell(rank)]
            + [
                _class_cell(int(n), int(p))
                if k == "bivariate"
                else _text_cell(_cell(row[names[k]]))
                for _h, k in columns
            ]
            for rank, (_i, row), (n, p) in zip(
                _ranks(ranked["gap"]), shown.iterrows(), thirds, strict=True
            )
        ]
        if changes is not None:
            self._add_changes(changes)
        self.endResetModel()

    def _add_changes(self, changes: Mapping[str, bool]) -> None:
        """The rows the proposals change in bold, saying how in the rank cell and the tip
        (no extra column: the dock is narrow)."""
        for code, cells in zip(self._codes, self._cells, strict=True):
            gap_after = changes.get(code)
            if gap_after is None:
                continue
            tip = (
                translate("RankedGaps", "A gap with the proposals, not today")
                if gap_after
                else translate("RankedGaps", "No longer a gap with the proposals")
            )
            rank = cells[0]
            if gap_after:
                rank[DISPLAY] = translate("RankedGaps", "{rank} (new)").format(rank=rank[DISPLAY])
            else:
                rank[DISPLAY] = translate("RankedGaps", "Closed")
                rank[FOREGROUND] = QColor(FEWER_GAPS)
            for cell in cells:
                cell[FONT] = _bold()
                cell.setdefault(TIP, tip)
            rank[TIP] = tip

    def code(self, row: int) -> str | None:
        return self._codes[row] if 0 <= row < len(self._codes) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = 0) -> Any:
        """Looked up, not worked out: sizing the columns asks every cell for every role."""
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()].get(role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        return None


def _ranks(gap: pd.Series) -> list[str]:
    """1, 2, 3 … for the gaps; a dash for an area listed that is not a gap (one a what-if's
    proposals close, kept in the list so the change can be seen; ``_add_changes`` says so)."""
    out, rank = [], 0
    for is_gap in gap.to_numpy(dtype=bool):
        rank += int(is_gap)
        out.append(str(rank) if is_gap else "—")
    return out


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _text_cell(text: str) -> dict[int, Any]:
    roles: dict[int, Any] = {DISPLAY: text}
    if _numeric(text):
        roles[ALIGN] = RIGHT
    return roles


def _class_cell(need_tercile: int, provision_tercile: int) -> dict[int, Any]:
    """The class as "High / low" under the header "Need / provision" (the words in less
    width), with the area's colour on the need-against-provision map and the words as a tip."""
    words = classify.need_provision_words(need_tercile, provision_tercile)
    if not words:
        return {
            DISPLAY: translate("RankedGaps", NOT_CLASSED),
            TIP: translate("RankedGaps", "No need or provision figure"),
            FOREGROUND: QColor(MUTED),
        }
    short = translate("RankedGaps", "{need} / {provision}").format(
        need=translate("RankedGaps", _NEED_THIRDS[need_tercile]),
        provision=translate("RankedGaps", _PROVISION_THIRDS[provision_tercile]),
    )
    colour = QColor(classify.bivariate_colour(need_tercile, provision_tercile))
    return {DISPLAY: short, TIP: words, DECORATION: colour}


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _numeric(text: str) -> bool:
    return text.replace(",", "").replace(".", "", 1).lstrip("-").isdigit()
