"""Outcomes and what-ifs are worded in the language the app is in (the Welsh needs the lead's
filled catalogue); English stays as it was."""

from __future__ import annotations

import pytest

from assetmap.core import i18n
from assetmap.core.errors import BadInputError
from assetmap.core.outcomes.model import need_band_words, population_share_words
from assetmap.core.scenarios.model import Proposal


def test_outcome_words_in_welsh() -> None:
    assert need_band_words(1) == "the fifth of areas most in need"
    with i18n.using_language("cy"):
        assert need_band_words(1) == "y bumed ran o ardaloedd sydd â'r angen mwyaf"
        assert population_share_words(0.2) == (
            "yr ardaloedd mwyaf difreintiedig lle mae 20 % o'r bobl yn byw"
        )


def test_a_proposal_without_a_category_is_refused_in_welsh() -> None:
    with i18n.using_language("cy"), pytest.raises(BadInputError) as caught:
        Proposal(label="Hwb", category="", x=383000.0, y=392000.0)
    assert caught.value.message == "mae angen categori ar gynnig"
