"""The gap report's outcomes page: each agreed outcome as last evaluated, with the change
since the run before, so a board paper shows progress beside the gaps."""

from __future__ import annotations

from assetmap.core import categories
from assetmap.core.gpkg import local_time
from assetmap.core.outcomes.current import OutcomeStatus, kept_statuses
from assetmap.core.outcomes.table import change_words
from assetmap.core.project import Project
from assetmap.qt.export.page import MUTED
from assetmap.qt.export.report_blocks import Block, Heading, TableRows, Text
from assetmap.qt.export.tables import TableData

HEADING = "Agreed outcomes"
INTRO = (
    "Each outcome as last evaluated against the gap analysis (Analysis ▸ Outcomes, or "
    "assetmap outcomes): an area meets it when the analysis finds no gap there in its "
    "category at its distance and coverage threshold."
)
NOT_YET = "not evaluated yet"
HEADER = ["Outcome", "Areas meeting it", "People meeting it", "Since the run before", "Evaluated",
          "Target date"]  # fmt: skip


def outcomes_table(project: Project) -> TableData | None:
    """None when the project has no outcomes: the report then has no such page."""
    statuses = kept_statuses(project)
    if not statuses:
        return None
    labels = {c.key: c.label for c in categories.all_categories(project)}
    rows = [_row(s, labels) for s in statuses]
    return TableData(HEADER, rows, [False, True, True, True, False, False])


def _row(status: OutcomeStatus, labels: dict[str, str]) -> list[str]:
    o, now = status.outcome, status.now
    what = f"{o.title} ({labels.get(o.target, o.target)}, {o.distance_m:g} m, {o.threshold:.0%})"
    if now is None:
        return [what, NOT_YET, "", "", "", o.target_date or ""]
    people = ""
    if now.people is not None and now.people_meeting is not None:
        people = f"{now.people_meeting:,.0f} of {now.people:,.0f}"
    stamp = local_time(now.run_at)
    when = stamp.strftime("%d %b %Y") if stamp else now.run_at[:10]
    areas = f"{now.areas_meeting:,} of {now.areas:,}"
    return [what, areas, people, change_words(status), when, o.target_date or ""]


def outcome_blocks(table: TableData) -> list[Block]:
    return [
        Heading(HEADING),
        Text(INTRO, MUTED.name()),
        TableRows(table, 0, len(table.rows), HEADING),
    ]
