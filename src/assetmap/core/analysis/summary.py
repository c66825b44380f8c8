"""A run in a few short sentences, for the command line's output and the panel's summary.

The method statement says everything; these say what a user must notice at once: how much
was analysed, which categories were left out for having no assets, and which were analysed
with none (every area a gap).
"""

from __future__ import annotations

from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.core.i18n import translated

SHOWN_NAMES = 5  # more than this are counted, not named: the method lists them all


def headline(result: AnalysisResult) -> str:
    table = result.table[result.table["category"] != ALL_CHOSEN]
    n_areas, n_kinds = table["area_code"].nunique(), len(result.params.categories)
    if n_kinds == 1:
        pattern = translated("analysed {areas:,} areas × {n} category; {gaps:,} area-category gaps")
    else:
        pattern = translated(
            "analysed {areas:,} areas × {n} categories; {gaps:,} area-category gaps"
        )
    return pattern.format(areas=n_areas, n=n_kinds, gaps=int(table["gap"].sum()))


def left_out(result: AnalysisResult, labels: dict[str, str]) -> str:
    """The sentence "Left out 21 categories with no assets to count: …", or "" if none."""
    names = [labels.get(k, k) for k in result.params.skipped]
    if not names:
        return ""
    more = len(names) - SHOWN_NAMES
    shown = ", ".join(names[:SHOWN_NAMES])
    if more > 0:
        shown += translated(" and {n} more").format(n=more)
    if len(names) == 1:
        pattern = translated("Left out {n} category with no assets to count: {names}")
    else:
        pattern = translated("Left out {n} categories with no assets to count: {names}")
    return pattern.format(n=len(names), names=shown)


def without_assets(result: AnalysisResult) -> list[str]:
    """The categories analysed with no asset counted: every area is a gap in them."""
    counted = set(result.counted["category"]) if result.counted is not None else set()
    return [k for k in result.params.categories if k not in counted]
