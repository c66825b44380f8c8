"""What the gap report says in numbers: a summary per category and the ranked gaps.

Plain data (header, rows, which columns are numbers), written from the same run the map
shows and formatted as the results CSV formats them, so the PDF, the HTML report, the
CSV and the analysis panel give the same figures.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assetmap.core.analysis import results_csv
from assetmap.core.analysis.engine import ALL_CHOSEN_LABEL, AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.core.export.characters import readable
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate


@dataclass
class TableData:
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]  # per column: right-aligned figures
    keys: list[str] = dataclasses.field(default_factory=list)  # area code per row, if any

    def __post_init__(self) -> None:
        """Words as a page shows them (an area name may hold control characters)."""
        self.header = [readable(h) for h in self.header]
        self.rows = [[readable(c) for c in row] for row in self.rows]


@dataclass
class CategoryGaps:
    key: str
    label: str
    areas: int
    gaps: int
    people: float | None  # people living in areas with a gap (None: no population)
    population: float | None
    ranked: TableData

    @property
    def share_of_areas(self) -> float:
        return 100.0 * self.gaps / self.areas if self.areas else 0.0

    @property
    def share_of_people(self) -> float | None:
        if self.people is None or not self.population:
            return None
        return 100.0 * self.people / self.population


def category_keys(result: AnalysisResult) -> list[str]:
    """The run's categories in the order chosen, "any of them" last."""
    keys = list(dict.fromkeys(result.table["category"]))
    return [k for k in keys if k != ALL_CHOSEN] + ([ALL_CHOSEN] if ALL_CHOSEN in keys else [])


def category_label(result: AnalysisResult, key: str) -> str:
    rows = result.for_category(key)
    if len(rows):
        return readable(str(rows["category_label"].iloc[0]))
    return ALL_CHOSEN_LABEL if key == ALL_CHOSEN else readable(key)


def gaps_by_category(
    result: AnalysisResult, top: int, need_label: str | None = None
) -> list[CategoryGaps]:
    out = []
    has_population = result.params.population_field is not None
    for key in category_keys(result):
        rows = result.for_category(key)
        gap = rows["gap"].astype(bool).to_numpy()
        people = population = None
        if has_population:
            pop = pd.to_numeric(rows["population"], errors="coerce").to_numpy(dtype=float)
            known = ~np.isnan(pop)
            population = float(pop[known].sum()) if known.any() else None
            people = float(pop[known & gap].sum()) if known.any() else None
        out.append(
            CategoryGaps(
                key=key,
                label=category_label(result, key),
                areas=len(rows),
                gaps=int(gap.sum()),
                people=people,
                population=population,
                ranked=ranked_table(result, key, top, need_label),
            )
        )
    return out


def summary_table(groups: list[CategoryGaps], result: AnalysisResult) -> TableData:
    has_population = result.params.population_field is not None
    header = [
        translate("Report", "Category"),
        translate("Report", "Areas"),
        translate("Report", "Areas with a gap"),
        translate("Report", "Share of areas (%)"),
    ]
    if has_population:
        header += [
            translate("Report", "People in areas with a gap"),
            translate("Report", "Share of people (%)"),
        ]
    rows = []
    for g in groups:
        row = [g.label, f"{g.areas:,}", f"{g.gaps:,}", f"{g.share_of_areas:.1f}"]
        if has_population:
            share = g.share_of_people
            row += [
                "" if g.people is None else f"{g.people:,.0f}",
                "" if share is None else f"{share:.1f}",
            ]
        rows.append(row)
    return TableData(header, rows, [False] + [True] * (len(header) - 1))


# Columns of the ranked table, in order, as results_csv names them (those present are kept).
_RANKED = (
    ("area_name", False),
    ("area_code", False),
    ("bivariate", False),  # the need-and-provision class the order follows
    ("population", True),
    ("assets", True),
    ("needs_raised", True),  # only when the run counted workshop need pins
    ("nearest_m", True),
    ("coverage", True),
    ("per_1000", True),
    ("need", True),
)
_THOUSANDS = ("population", "nearest_m")
# The ranked table's headings, shorter than the CSV's (the need heading is the indicator's).
_HEADINGS = {
    "area_name": QT_TRANSLATE_NOOP("Report", "Area"),
    "area_code": QT_TRANSLATE_NOOP("Report", "Code"),
    "bivariate": QT_TRANSLATE_NOOP("Report", "Need and provision"),
    "population": QT_TRANSLATE_NOOP("Report", "Population"),
    "assets": QT_TRANSLATE_NOOP("Report", "Assets"),
    "needs_raised": QT_TRANSLATE_NOOP("Report", "Needs raised"),
    "nearest_m": QT_TRANSLATE_NOOP("Report", "Nearest asset (m)"),
    "coverage": QT_TRANSLATE_NOOP("Report", "Area within {distance} m of an asset (%)"),
    "per_1000": QT_TRANSLATE_NOOP("Report", "Assets per 1,000 people"),
    "need": QT_TRANSLATE_NOOP("Report", "Need ({indicator})"),
}
# The need-and-provision class in words, as core.analysis.classify words it in English:
# "High need, low provision" (the thirds first, as they come before the noun in English).
_CLASS = QT_TRANSLATE_NOOP("Report", "{need} need, {provision} provision")
_NEED_THIRDS = {
    1: QT_TRANSLATE_NOOP("Report", "Low"),
    2: QT_TRANSLATE_NOOP("Report", "Medium"),
    3: QT_TRANSLATE_NOOP("Report", "High"),
}
_PROVISION_THIRDS = {
    1: QT_TRANSLATE_NOOP("Report", "low"),
    2: QT_TRANSLATE_NOOP("Report", "medium"),
    3: QT_TRANSLATE_NOOP("Report", "high"),
}


def ranked_table(
    result: AnalysisResult, key: str, top: int, need_label: str | None = None
) -> TableData:
    """The first ``top`` areas of ``ranked_gaps``: high need and low provision first."""
    ranked = result.ranked_gaps(key).head(top)
    shown = results_csv.display_frame(dataclasses.replace(result, table=ranked), need_label)
    names = results_csv.headers(result, need_label)
    header, columns, numeric = ["#"], [], [True]
    for column, is_number in _RANKED:
        if names[column] in shown.columns:
            header.append(_heading(result, column, need_label))
            columns.append(column)
            numeric.append(is_number)
    rows = []
    thirds = list(zip(ranked["need_tercile"], ranked["provision_tercile"], strict=True))
    for i, ((_, row), (need, provision)) in enumerate(
        zip(shown.iterrows(), thirds, strict=True), start=1
    ):
        cells = [str(i)]
        for column in columns:
            value = row[names[column]]
            text = (
                ""
                if value is None or (isinstance(value, float) and np.isnan(value))
                else str(value)
            )
            if column == "bivariate" and text:
                text = _class_words(int(need), int(provision))
            if column in _THOUSANDS and text:
                text = f"{float(text):,.0f}"
            cells.append(text)
        rows.append(cells)
    return TableData(header, rows, numeric, [str(c) for c in ranked["area_code"]])


def _heading(result: AnalysisResult, column: str, need_label: str | None) -> str:
    """A column's heading in the app's language (the need column names the indicator)."""
    return translate("Report", _HEADINGS[column]).format(
        distance=f"{result.params.distance_m:g}",
        indicator=need_label or result.params.need_field or "",
    )


def _class_words(need: int, provision: int) -> str:
    """ "High need, low provision" in the app's language."""
    if need not in _NEED_THIRDS or provision not in _PROVISION_THIRDS:
        return ""
    return translate("Report", _CLASS).format(
        need=translate("Report", _NEED_THIRDS[need]),
        provision=translate("Report", _PROVISION_THIRDS[provision]),
    )
