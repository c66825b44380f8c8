"""Which gap map an export shows, decided once for the printed and the HTML map.

The options' category and figure win; else what the app's map shows of the same
run (with its colours); else the coverage of the run's first category.
"""

from __future__ import annotations

from dataclasses import replace

from assetmap.core import categories
from assetmap.core.analysis import classify
from assetmap.core.analysis.engine import ALL_CHOSEN_LABEL, AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.core.errors import BadInputError
from assetmap.core.export.options import ExportOptions
from assetmap.core.i18n import translated
from assetmap.core.layers import ThematicStyle
from assetmap.core.project import Project

MEASURE_NAMES = (*classify.MEASURES, "gap", "bivariate")


def choose_theme(
    project: Project, options: ExportOptions, result: AnalysisResult, shown: ThematicStyle | None
) -> ThematicStyle:
    if result.run_id is None:
        raise BadInputError(
            translated("the analysis is not kept in the project"), field="--analysis"
        )
    if shown is not None and shown.run_id != result.run_id:
        shown = None
    wanted = options.analysis_category or (
        shown.category if shown is not None else result.params.categories[0]
    )
    category = resolve_category(project, result, wanted)
    shown_measure = None
    if shown is not None:
        shown_measure = {"bivariate": "bivariate", "gaps": "gap"}.get(shown.mode, shown.measure)
    measure = (options.measure or shown_measure or "coverage").strip().lower()
    _check_measure(measure, result)
    if shown is not None and shown_measure == measure:  # as the map shows it: same colours
        return replace(shown, category=category)
    base = ThematicStyle(area_set=result.params.area_set, run_id=result.run_id, category=category)
    if measure in ("gap", "bivariate"):
        return replace(base, mode="gaps" if measure == "gap" else "bivariate")
    figure = classify.MEASURES[measure]
    return replace(base, measure=measure, palette=figure.palette, reversed=figure.low_is_bad)


def measure_of(style: ThematicStyle) -> str:
    """The name an export option uses for a style's figure."""
    return {"bivariate": "bivariate", "gaps": "gap"}.get(style.mode, style.measure)


def _check_measure(measure: str, result: AnalysisResult) -> None:
    if measure not in MEASURE_NAMES:
        raise BadInputError(
            translated("cannot map '{measure}'; choose one of {names}").format(
                measure=measure, names=", ".join(MEASURE_NAMES)
            ),
            field="--measure",
        )
    if measure == "bivariate" and result.params.need_field is None:
        raise BadInputError(
            translated("the need-against-provision map needs a run with a need field"),
            field="--measure",
            hint=translated("run assetmap analyse with --need"),
        )
    if measure == "per_1000" and result.params.population_field is None:
        raise BadInputError(
            translated("assets per 1,000 people need a run with a population field"),
            field="--measure",
        )


def resolve_category(project: Project, result: AnalysisResult, wanted: str) -> str:
    """A category key of the run from a key, a label or "any"."""
    keys = list(dict.fromkeys(result.table["category"]))
    text = str(wanted).strip()
    if text in keys:
        return text
    if text.lower() in ("any", "all", ALL_CHOSEN_LABEL.lower()) and ALL_CHOSEN in keys:
        return ALL_CHOSEN
    found = categories.resolve(project, text)
    if found is not None and found.key in keys:
        return found.key
    labels = [str(result.for_category(k)["category_label"].iloc[0]) for k in keys]
    raise BadInputError(
        translated("the analysis has no category '{name}' (it has: {names})").format(
            name=text, names=", ".join(labels)
        ),
        field="--category",
    )
