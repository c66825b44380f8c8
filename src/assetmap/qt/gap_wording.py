"""The analysis's own sentences (what a gap is, how gaps are ranked) in the app's language.

The core words them in English for the command line and the data files
(``core.analysis.wording``, ``engine.ranking_caption``); the panel and the exports made from
the app say the same in the app's language. The English here is the core's, word for word.
"""

from __future__ import annotations

from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.analysis.wording import distance_text
from assetmap.qt.i18n import translate


def gap_definition(params: AnalysisParams) -> str:
    """What a gap is, as the end of a sentence."""
    return translate(
        "GapWording",
        "no asset within {distance}, or less than {share} of the area within {distance} of one",
    ).format(distance=distance_text(params), share=f"{params.gap_coverage_threshold * 100:g} %")


def ranking_caption(params: AnalysisParams) -> str:
    """The order of ``ranked_gaps`` in one line."""
    if params.need_field is None:
        return translate(
            "GapWording", "Ranked: least provision first, then the farthest from an asset."
        )
    return translate("GapWording", "Ranked: high need with low provision first, then by need.")
