"""A what-if's comparison with today as rows (the CLI, its CSV and the report share them),
in the language the core is in; the CSV keeps its field names (HEADERS) as they are."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from assetmap.core import output
from assetmap.core.i18n import translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.scenarios.evaluate import Comparison, GroupChange, OutcomeChange

HEADERS = ("scenario", "measure", "of", "today", "with_proposals", "change")


@dataclass(frozen=True)
class Row:
    measure: str  # "gap areas", "people in gaps", "mean coverage", "areas meeting", ...
    of: str  # the group's or the outcome's name
    today: str
    after: str
    change: str


def comparison_rows(comparison: Comparison) -> list[Row]:
    rows: list[Row] = []
    for group in comparison.groups:
        rows += _group_rows(group)
    for outcome in comparison.outcomes:
        rows += _outcome_rows(outcome)
    return rows


def _group_rows(g: GroupChange) -> list[Row]:
    rows = [
        Row(translated("gap areas"), g.label, f"{g.gaps_before:,}", f"{g.gaps_after:,}",
            _signed(g.gaps_after - g.gaps_before)),
    ]  # fmt: skip
    if g.people_before is not None and g.people_after is not None:
        rows.append(
            Row(translated("people in gaps"), g.label, f"{g.people_before:,.0f}",
                f"{g.people_after:,.0f}", _signed(g.people_after - g.people_before))
        )  # fmt: skip
    before, after = 100 * g.coverage_before, 100 * g.coverage_after
    rows.append(
        Row(translated("mean coverage"), g.label, f"{before:.1f} %", f"{after:.1f} %",
            _signed_points(after - before))
    )  # fmt: skip
    return rows


def _outcome_rows(o: OutcomeChange) -> list[Row]:
    title = o.outcome.title
    if o.met_before is None or o.met_after is None:
        problem = translated("could not be evaluated: {problem}").format(problem=o.problem)
        return [Row(translated("areas meeting"), title, "", "", problem)]
    rows = [
        Row(translated("areas meeting"), title, _of(o.met_before, o.areas),
            _of(o.met_after, o.areas), _signed(o.met_after - o.met_before)),
    ]  # fmt: skip
    if o.people is not None and o.people_before is not None and o.people_after is not None:
        rows.append(
            Row(translated("people meeting"), title, f"{o.people_before:,.0f}",
                f"{o.people_after:,.0f}", _signed(o.people_after - o.people_before))
        )  # fmt: skip
    return rows


def _of(part: int, whole: int) -> str:
    return translated("{part} of {whole}").format(part=f"{part:,}", whole=f"{whole:,}")


def _signed(value: float, digits: int = 0) -> str:
    """+3, −1,200, no change: the change as people read it."""
    if round(value, digits) == 0:
        return translated("no change")
    sign = "+" if value > 0 else "\u2212"
    return f"{sign}{abs(value):,.{digits}f}"


def _signed_points(value: float) -> str:
    """+2.5 points of coverage (percentage points), or no change."""
    if round(value, 1) == 0:
        return translated("no change")
    return translated("{change} points").format(change=_signed(value, 1))


def write_csv(named: list[tuple[str, Comparison]], path: Path, field: str = "--csv") -> Path:
    """One row per scenario and figure, spreadsheet-safe, written whole or not at all."""
    output.check_target(path, field)
    with output.replacing(path, field) as tmp, tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for name, comparison in named:
            for row in comparison_rows(comparison):
                values = (name, row.measure, row.of, row.today, row.after, row.change)
                writer.writerow(neutralise(v) for v in values)
    return path
