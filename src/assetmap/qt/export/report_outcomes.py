"""The gap report's outcomes page: each agreed outcome as last evaluated, with the change
since the run before, so a board paper shows progress beside the gaps."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale

from assetmap.core import categories
from assetmap.core.gpkg import local_time
from assetmap.core.outcomes.current import OutcomeStatus, kept_statuses
from assetmap.core.outcomes.model import Outcome, percent
from assetmap.core.outcomes.table import change_words
from assetmap.core.project import Project
from assetmap.qt.export.page import MUTED
from assetmap.qt.export.report_blocks import Block, Heading, TableRows, Text
from assetmap.qt.export.tables import TableData
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, current_language, translate

HEADING = QT_TRANSLATE_NOOP("Report", "Agreed outcomes")
INTRO = QT_TRANSLATE_NOOP(
    "Report",
    "Each outcome as last evaluated against the gap analysis (Analysis ▸ Outcomes, or "
    "assetmap outcomes): an area meets it when the analysis finds no gap there in its "
    "category at its distance and coverage threshold.",
)
NOT_YET = QT_TRANSLATE_NOOP("Report", "not evaluated yet")
HEADER = [QT_TRANSLATE_NOOP("Report", "Outcome"), QT_TRANSLATE_NOOP("Report", "Areas meeting it"),
          QT_TRANSLATE_NOOP("Report", "People meeting it"),
          QT_TRANSLATE_NOOP("Report", "Since the run before"),
          QT_TRANSLATE_NOOP("Report", "Evaluated"),
          QT_TRANSLATE_NOOP("Report", "Target date")]  # fmt: skip


# Which areas an outcome is for, when not every area.
BANDS = {
    1: QT_TRANSLATE_NOOP("Report", "the fifth of areas most in need"),
    2: QT_TRANSLATE_NOOP("Report", "the fifth of areas second most in need"),
    3: QT_TRANSLATE_NOOP("Report", "the fifth of areas middle in need"),
    4: QT_TRANSLATE_NOOP("Report", "the fifth of areas second least in need"),
    5: QT_TRANSLATE_NOOP("Report", "the fifth of areas least in need"),
}
SHARE = QT_TRANSLATE_NOOP("Report", "the most deprived areas home to {share} of the people")


def outcomes_table(project: Project) -> TableData | None:
    """None when the project has no outcomes: the report then has no such page."""
    statuses = kept_statuses(project)
    if not statuses:
        return None
    labels = {c.key: c.label for c in categories.all_categories(project)}
    rows = [_row(s, labels) for s in statuses]
    return TableData(
        [translate("Report", h) for h in HEADER], rows, [False, True, True, True, False, False]
    )


def _row(status: OutcomeStatus, labels: dict[str, str]) -> list[str]:
    o, now = status.outcome, status.now
    what = (f"{o.title} ({labels.get(o.target, o.target)}, {o.distance_m:g} m, "
            f"{o.threshold:.0%}{_for_words(o)})")  # fmt: skip
    if now is None:
        return [what, translate("Report", NOT_YET), "", "", "", o.target_date or ""]
    people = ""
    if now.people is not None and now.people_meeting is not None:
        people = translate("Report", "{meeting:,.0f} of {total:,.0f}").format(
            meeting=now.people_meeting, total=now.people
        )
    stamp = local_time(now.run_at)
    when = _short_date(stamp) if stamp else now.run_at[:10]
    areas = translate("Report", "{meeting:,} of {total:,}").format(
        meeting=now.areas_meeting, total=now.areas
    )
    return [what, areas, people, change_words(status), when, o.target_date or ""]


def _short_date(moment: datetime) -> str:
    """ "05 Mar 2026", the month in the app's language ("05 Maw 2026")."""
    month = QLocale(current_language()).monthName(moment.month, QLocale.FormatType.ShortFormat)
    return f"{moment:%d} {month} {moment:%Y}"


def outcome_blocks(table: TableData) -> list[Block]:
    return [
        Heading(translate("Report", HEADING)),
        Text(translate("Report", INTRO), MUTED.name()),
        TableRows(table, 0, len(table.rows), translate("Report", HEADING)),
    ]


def _for_words(outcome: Outcome) -> str:
    if outcome.population_share is not None:
        return ", " + translate("Report", SHARE).format(share=percent(outcome.population_share))
    if outcome.need_band in BANDS:
        return ", " + translate("Report", BANDS[outcome.need_band])
    return ""
