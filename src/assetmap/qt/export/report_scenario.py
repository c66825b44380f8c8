"""The gap report's what-if page: a saved scenario's proposals and its comparison with today
(gap areas, people in gaps, coverage, outcomes met), its question run now with and without
them, as the CLI's ``assetmap scenarios`` reports it."""

from __future__ import annotations

from dataclasses import dataclass

import shapely

from assetmap.core import areas, categories
from assetmap.core.errors import BadInputError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.core.scenarios import store
from assetmap.core.scenarios.evaluate import compare_saved
from assetmap.core.scenarios.model import Scenario
from assetmap.core.scenarios.table import comparison_rows
from assetmap.qt.export.page import MUTED
from assetmap.qt.export.report_blocks import Block, Heading, TableRows, Text
from assetmap.qt.export.tables import TableData
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

INTRO = QT_TRANSLATE_NOOP(
    "Report",
    "Proposed assets, not in the asset list: the same question asked of today's data with "
    "and without them ({areas}, within {distance} m).",
)
PROPOSALS_HEADER = [QT_TRANSLATE_NOOP("Report", "Proposed asset"),
                    QT_TRANSLATE_NOOP("Report", "Kind"),
                    QT_TRANSLATE_NOOP("Report", "In area"),
                    QT_TRANSLATE_NOOP("Report", "Easting, northing")]  # fmt: skip
COMPARISON_HEADER = [QT_TRANSLATE_NOOP("Report", "Figure"), QT_TRANSLATE_NOOP("Report", "Of"),
                     QT_TRANSLATE_NOOP("Report", "Today"),
                     QT_TRANSLATE_NOOP("Report", "With the proposals"),
                     QT_TRANSLATE_NOOP("Report", "Change")]  # fmt: skip

# The figures' names as core.scenarios.table writes them, marked here to be translated.
MEASURES = {
    "gap areas": QT_TRANSLATE_NOOP("Report", "gap areas"),
    "people in gaps": QT_TRANSLATE_NOOP("Report", "people in gaps"),
    "mean coverage": QT_TRANSLATE_NOOP("Report", "mean coverage"),
    "areas meeting": QT_TRANSLATE_NOOP("Report", "areas meeting"),
    "people meeting": QT_TRANSLATE_NOOP("Report", "people meeting"),
}


@dataclass(frozen=True)
class ScenarioPage:
    scenario: Scenario
    proposals: TableData
    comparison: TableData


def scenario_page(
    project: Project,
    name: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ScenarioPage:
    scenario = store.by_name(project, name)
    if scenario is None:
        raise BadInputError(
            translate("WhatIf", "there is no scenario '{name}'").format(name=name),
            field="--scenario",
        )
    found = compare_saved(project, scenario.params, scenario.proposals, progress, cancelled)
    rows = [
        [_measure(r.measure), r.of, r.today, r.after, r.change]
        for r in comparison_rows(found.comparison)
    ]
    comparison = TableData(
        [translate("Report", h) for h in COMPARISON_HEADER], rows, [False, False, True, True, True]
    )
    return ScenarioPage(scenario, _proposals_table(project, scenario), comparison)


def _measure(name: str) -> str:
    """A figure's name in the app's language (core writes it in English)."""
    return translate("Report", MEASURES[name]) if name in MEASURES else name


def _proposals_table(project: Project, scenario: Scenario) -> TableData:
    labels = {c.key: c.label for c in categories.all_categories(project)}
    frame = areas.frame(project, scenario.params.area_set)
    rows = []
    for p in scenario.proposals:
        inside = frame[shapely.contains_xy(frame.geometry.to_numpy(), p.x, p.y)]
        place = "" if not len(inside) else str(inside["name"].iloc[0] or inside["code"].iloc[0])
        rows.append([p.label, labels.get(p.category, p.category), place, f"{p.x:,.0f}, {p.y:,.0f}"])
    header = [translate("Report", h) for h in PROPOSALS_HEADER]
    return TableData(header, rows, [False, False, False, True])


def scenario_words(page: ScenarioPage) -> tuple[str, str]:
    """The page's title and introduction."""
    params = page.scenario.params
    title = translate("Report", "What if: {name}").format(name=page.scenario.name)
    intro = translate("Report", INTRO).format(
        areas=params.area_set, distance=f"{params.distance_m:g}"
    )
    return title, intro


def scenario_blocks(page: ScenarioPage) -> list[Block]:
    title, intro = scenario_words(page)
    return [
        Heading(title),
        Text(intro, MUTED.name()),
        TableRows(page.proposals, 0, len(page.proposals.rows), title),
        TableRows(page.comparison, 0, len(page.comparison.rows), title),
    ]
