"""While a what-if is shown, Find gaps' ranked table and chart show its result, not today's,
under a line that says so (``WhatIfBanner``), so nobody takes them for today's map.

The areas whose gap status the proposals change stay in the table, marked: an area the
proposals close would otherwise just vanish from a list of gaps, and the planner would
have to remember which it was.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.scenarios.evaluate import WhatIfResult
from assetmap.core.scenarios.model import PROPOSAL_PREFIX
from assetmap.qt.i18n import translate
from assetmap.qt.panels.gap_chart import GapChart
from assetmap.qt.panels.ranked_gaps import RankedGapsModel

VIOLET = "#8250DF"  # the proposals' colour on the map and on "Add a proposed asset"


class WhatIfBanner(QFrame):
    """The line "What if: 2 proposed assets — not today's map." and a way back to today."""

    def __init__(self, back_to_today: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfBanner")
        self.setStyleSheet(
            f"#whatIfBanner {{ background: #F3EEFC; border: 1px solid {VIOLET};"
            " border-radius: 4px; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setStyleSheet(f"color: {VIOLET};")
        row.addWidget(self.label, 1)
        self.today_button = QPushButton(translate("WhatIf", "Back to today"))
        self.today_button.clicked.connect(back_to_today)
        row.addWidget(self.today_button)
        self.hide()

    def show_for(self, proposals: int | None, closed: int = 0) -> None:
        """Shown with the number of proposals counted and of the areas they close in the
        category shown; hidden for None (today)."""
        if proposals is None:
            self.hide()
            return
        text = (
            translate("WhatIf", "What if: 1 proposed asset — not today's map.")
            if proposals == 1
            else translate("WhatIf", "What if: {n} proposed assets — not today's map.").format(
                n=proposals
            )
        )
        more = ""
        if closed == 1:
            more = translate(
                "WhatIf", "1 area no longer has a gap: at the end of the list, marked Closed."
            )
        elif closed > 1:
            more = translate(
                "WhatIf", "{n} areas no longer have a gap: at the end of the list, marked Closed."
            ).format(n=closed)
        self.label.setText(f"<b>{html.escape(text)}</b> {html.escape(more)}".strip())
        self.setAccessibleName(f"{text} {more}".strip())
        self.show()


@dataclass(frozen=True)
class Showing:
    """What the table and chart show for one category key."""

    result: AnalysisResult  # today's run, or the what-if's result
    one: AnalysisResult  # ``result`` narrowed to the key's rows
    ranked: pd.DataFrame  # rows of ``one`` in the order listed
    changes: dict[str, bool] | None  # a what-if: area code -> a gap with the proposals
    proposals: int | None  # a what-if: how many proposals it counts


def showing(result: AnalysisResult, shown: WhatIfResult | None, key: str) -> Showing:
    """The what-if when one is shown for the same areas and it has this key; else today."""
    if shown is None or not _applies(shown, result, key):
        one = dataclasses.replace(result, table=result.for_category(key))
        return Showing(result, one, result.ranked_gaps(key), None, None)
    scenario = shown.scenario
    one = dataclasses.replace(scenario, table=scenario.for_category(key))
    changes = {a.code: a.gap_after for a in shown.comparison.changed_areas if a.group == key}
    ranked = pd.concat([scenario.ranked_gaps(key), _closed(shown, one, changes, key)])
    return Showing(scenario, one, ranked, changes, _proposals_counted(shown))


def _applies(shown: WhatIfResult, result: AnalysisResult, key: str) -> bool:
    scenario = shown.scenario
    if scenario is shown.today or scenario.params.area_set != result.params.area_set:
        return False
    return bool((scenario.table["category"] == key).any())


def _closed(
    shown: WhatIfResult, one: AnalysisResult, changes: dict[str, bool], key: str
) -> pd.DataFrame:
    """The rows of the areas the proposals close, in the order they were ranked today."""
    closed = {code for code, gap in changes.items() if not gap}
    if not closed:
        return one.table.iloc[0:0]
    today = [str(c) for c in shown.today.ranked_gaps(key)["area_code"] if str(c) in closed]
    where = pd.Series(one.table.index, index=one.table["area_code"].astype(str))
    return one.table.loc[where.loc[today].to_numpy()]


def _proposals_counted(shown: WhatIfResult) -> int:
    counted = shown.scenario.counted
    if counted is None:
        return 0
    return int(counted["uuid"].astype(str).str.startswith(PROPOSAL_PREFIX).sum())


class WhatIfResults:
    """Fills the ranked table and the chart from today's run or the what-if shown."""

    def __init__(
        self, banner: WhatIfBanner, model: RankedGapsModel, chart: GapChart, export: QPushButton
    ) -> None:
        self.banner, self.model, self.chart, self.export = banner, model, chart, export
        self._export_tip = export.toolTip()

    def show(
        self, result: AnalysisResult, shown: WhatIfResult | None, key: str, need: str | None
    ) -> Showing:
        view = showing(result, shown, key)
        self.model.set_rows(view.one, view.ranked, need, view.changes)
        self.chart.set_result(view.result, key, view.ranked)
        closed = sum(not gap for gap in (view.changes or {}).values())
        self.banner.show_for(view.proposals, closed)
        self._enable_export(view.changes is None)
        return view

    def _enable_export(self, today: bool) -> None:
        """Export writes today's run; a what-if is kept as a scenario, for the report."""
        self.export.setEnabled(today)
        self.export.setToolTip(
            self._export_tip
            if today
            else translate(
                "WhatIf",
                "Go back to today to export the results. A what-if is saved as a scenario "
                "and compared with today in the report.",
            )
        )
