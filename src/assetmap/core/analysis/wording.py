"""The words the analysis panel, the map, the gap report and the exports share: the need
indicator's name, the "Need (…)" heading and the sentence that says what a gap is. Kept once,
so a figure reads the same wherever it is shown (the brief: the same numbers, and the same
words for them, in the GUI, the CLI and the exports)."""

from __future__ import annotations

from assetmap.core import areas
from assetmap.core.analysis.classify import THIRDS, need_provision_words
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import AssetmapError
from assetmap.core.i18n import translated
from assetmap.core.project import Project

__all__ = [
    "THIRDS",
    "category_in_sentence",
    "distance_text",
    "gap_caption",
    "gap_definition",
    "need_heading",
    "need_label",
    "need_provision_words",
]


def need_label(project: Project, result: AnalysisResult | None) -> str | None:
    """The need indicator as the user named it on import ("IMD 2025 score"), else its
    column; None when the run set no need."""
    params = result.params if result is not None else None
    column = params.need_field if params is not None else None
    if params is None or column is None:
        return None
    try:
        indicators = areas.indicators(project, params.area_set)
    except AssetmapError:
        return column
    return next((i.label for i in indicators if column in (i.column, i.label)), column)


def need_heading(result: AnalysisResult, label: str | None = None) -> str:
    """The heading over need figures: "Need (IMD 2025 score)"."""
    return translated("Need ({label})").format(
        label=label or result.params.need_field or translated("need")
    )


def distance_text(params: AnalysisParams) -> str:
    return f"{params.distance_m:,.0f} m"


def gap_definition(params: AnalysisParams) -> str:
    """What a gap is, as the end of a sentence: "no asset within 800 m, or less than 25 % of
    the area within 800 m of one"."""
    d = distance_text(params)
    share = f"{params.gap_coverage_threshold * 100:g} %"
    return translated(
        "no asset within {distance}, or less than {share} of the area within {distance} of one"
    ).format(distance=d, share=share)


def gap_caption(params: AnalysisParams) -> str:
    """The gap map's caption and legend title."""
    return translated("Gap: {definition}").format(definition=gap_definition(params))


def category_in_sentence(label: str) -> str:
    """A category's label inside a sentence: "Food banks" -> "food banks", "GP surgeries"
    stays as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
