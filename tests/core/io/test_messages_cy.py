"""The readers' and importers' messages in Welsh when the core's language is Welsh.

These need the Welsh of corea's strings in the shared catalogue (filled by the lead from
/work/wt/cy/corea.jsonl); English output is checked by the tests beside each module.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assetmap.core import i18n
from assetmap.core.errors import BadInputError
from assetmap.core.io import read_bounds, table
from assetmap.core.io.control_chars import clean_frame
from assetmap.core.io.crs_guess import WGS84, describe
from assetmap.core.io.openreferral.reading import read_directory
from assetmap.core.io.openreferral.records import service_records

HSDS_JSON = Path(__file__).parents[3] / "sample_data/sources/open_referral/hsds3_examples_json"


@pytest.fixture
def welsh():
    with i18n.using_language("cy"):
        yield


def test_a_file_too_wide_is_refused_in_welsh(welsh):
    with pytest.raises(BadInputError) as caught:
        read_bounds.check_columns(Path("wide.csv"), 200_000)
    assert str(caught.value).startswith(
        "wide.csv: mae ganddi 200,000 colofn; mae assetmap yn darllen 1,000 colofn ar y mwyaf"
    )


def test_a_missing_file_is_named_in_welsh(welsh, tmp_path):
    with pytest.raises(BadInputError) as caught:
        table.checked_path(tmp_path / "assets.csv")
    assert "assets.csv: nid yw'r ffeil yn bodoli" in str(caught.value)


def test_control_characters_are_reported_in_welsh(welsh):
    import pandas as pd

    frame = pd.DataFrame({"enw": ["a\x00b", "c\x00d"]}, dtype=object)
    _, notes = clean_frame(frame, np.array([2, 3]), "row")
    assert notes == ["tynnwyd nodau rheoli o 2 gwerth yn 'enw' (NUL ×2; rhesi 2, 3)"]


def test_impossible_coordinates_in_a_service_directory_are_named_in_welsh(welsh):
    bad = service_records(read_directory(HSDS_JSON)).bad_coordinates
    assert bad, "the HSDS examples hold a latitude of 100"
    assert "nid yw lledred 100" in bad[0].message
    assert bad[0].message.endswith("; anwybyddwyd y cyfesurynnau")


def test_a_guessed_coordinate_system_is_described_in_welsh(welsh):
    assert describe(WGS84) == "hydred/lledred"


def test_english_comes_back_after_welsh():
    with i18n.using_language("cy"):
        pass
    assert describe(WGS84) == "longitude/latitude"
