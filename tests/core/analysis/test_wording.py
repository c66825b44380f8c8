"""The words the panel, the map, the report and the exports share say the same thing."""

from __future__ import annotations

from dataclasses import replace

from assetmap.core.analysis import wording
from assetmap.core.analysis.params import AnalysisParams


def params(**changes: object) -> AnalysisParams:
    base = AnalysisParams(area_set="Neighbourhoods", categories=("food_banks",))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_gap_is_defined_with_the_run_s_distance_and_threshold():
    chosen = params(distance_m=1200.0, gap_coverage_threshold=0.3)
    assert wording.gap_definition(chosen) == (
        "no asset within 1,200 m, or less than 30 % of the area within 1,200 m of one"
    )
    assert wording.gap_caption(chosen) == "Gap: " + wording.gap_definition(chosen)


def test_category_labels_read_inside_a_sentence():
    assert wording.category_in_sentence("Food banks") == "food banks"
    assert wording.category_in_sentence("GP surgeries") == "GP surgeries"


def test_need_words():
    assert wording.need_provision_words(3, 1) == "High need, low provision"
