"""The app's sentences about gaps say in English exactly what the core (and so the command
line and the data files) says, so a planner reads the same words in the panel, the report
and the CSV."""

from __future__ import annotations

import pytest

from assetmap.core.analysis import engine, wording
from assetmap.core.analysis.params import AnalysisParams
from assetmap.qt import gap_wording, i18n


@pytest.mark.parametrize(
    "params",
    [
        AnalysisParams("Neighbourhoods", ("gp_primary_care",), 800.0, "population", "imd_score"),
        AnalysisParams("Wards", ("food_banks",), 1250.0, gap_coverage_threshold=0.4),
    ],
)
def test_in_english_the_app_says_what_the_core_says(qapp, params):
    i18n.remove_translators()
    assert gap_wording.gap_definition(params) == wording.gap_definition(params)
    assert gap_wording.ranking_caption(params) == engine.ranking_caption(params)
