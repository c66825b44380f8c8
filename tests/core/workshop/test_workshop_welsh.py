"""A phone is answered in the language the app is in (the Welsh needs the lead's filled
catalogue); English stays as it was."""

from __future__ import annotations

import pytest

from assetmap.core import i18n
from assetmap.core.workshop.sessions import date_words
from assetmap.core.workshop.submission import SubmissionError, parse_submission

EXTENT = (380000.0, 390000.0, 385000.0, 395000.0)


def _too_long_name() -> dict[str, object]:
    return {"kind": "asset", "category": "libraries", "name": "x" * 500, "x": 382000, "y": 392000}


def test_a_phone_is_told_in_welsh() -> None:
    with i18n.using_language("cy"), pytest.raises(SubmissionError) as caught:
        parse_submission(
            _too_long_name(), categories={"libraries"}, extent=EXTENT, crs="EPSG:27700"
        )
    assert caught.value.message.startswith("Mae'r enw'n rhy hir: dim mwy na ")


def test_a_phone_is_told_in_english_by_default() -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_submission(
            _too_long_name(), categories={"libraries"}, extent=EXTENT, crs="EPSG:27700"
        )
    assert caught.value.message.startswith("The name is too long: at most ")


def test_session_dates_in_welsh() -> None:
    assert date_words("2026-12-09") == "9 December 2026"
    with i18n.using_language("cy"):
        assert date_words("2026-12-09") == "9 Rhagfyr 2026"
