"""Numbers written the way council and ONS spreadsheets write them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from assetmap.core.io.numbers import BLANK_TOKENS, looks_numeric, parse_numbers
from assetmap.core.io.readers import read_table

RANK = "Index of Multiple Deprivation (IMD) Rank"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29,199", 29199.0),
        ("1,296,000", 1296000.0),
        ("  42 ", 42.0),
        ("+3", 3.0),
        ("\u22124.5", -4.5),
        ("£1,200", 1200.0),
        ("-£5", -5.0),
        ("12%", 12.0),
        ("1.5e3", 1500.0),
        (".5", 0.5),
    ],
)
def test_spreadsheet_numbers_parse(text: str, expected: float) -> None:
    numbers, bad = parse_numbers(pd.Series([text]))
    assert numbers[0] == expected
    assert not bad[0]


@pytest.mark.parametrize("text", ["1,2,3", "12abc", "abc", "12,34", "£", "1e999", "#N/A"])
def test_things_that_are_not_numbers_are_flagged(text: str) -> None:
    numbers, bad = parse_numbers(pd.Series([text]))
    assert np.isnan(numbers[0])
    assert bad[0]


@pytest.mark.parametrize("text", ["", "  ", "-", "NA", "N/A", "n/a", "null", "NULL", "..", "[c]"])
def test_blank_markers_are_blank_not_bad(text: str) -> None:
    numbers, bad = parse_numbers(pd.Series([text, "7"]))
    assert np.isnan(numbers[0])
    assert not bad[0]
    assert numbers[1] == 7.0


def test_blank_markers_are_a_module_constant() -> None:
    assert {"", "-", "na", "n/a", "null", ".."} <= BLANK_TOKENS


def test_missing_cells_and_typed_numbers() -> None:
    numbers, bad = parse_numbers(pd.Series(["5", None, np.nan, 2.5, 3], dtype=object))
    np.testing.assert_array_equal(numbers, [5.0, np.nan, np.nan, 2.5, 3.0])
    assert not bad.any()
    ints, bad_ints = parse_numbers(pd.Series([1, 2, 3]))
    assert ints.dtype == np.float64
    np.testing.assert_array_equal(ints, [1.0, 2.0, 3.0])
    assert not bad_ints.any()


def test_parsing_does_not_change_the_callers_data() -> None:
    typed = pd.Series([1.0, 2.0])
    numbers, _ = parse_numbers(typed)
    numbers[0] = 99.0
    assert typed[0] == 1.0


def test_imd_ranks_with_thousands_separators(sources: Path) -> None:
    imd = read_table(
        sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
    ).frame
    ranks, bad = parse_numbers(imd[RANK])
    first = imd.index[imd["LSOA code (2011)"] == "E01000001"][0]
    assert ranks[first] == 29199.0
    assert not bad.any()
    # ranks of England's 32,844 LSOAs: whole numbers from 1 to 32,844 (the file has a few ties)
    assert ranks.min() == 1.0
    assert ranks.max() == 32844.0
    assert np.array_equal(ranks, np.round(ranks))


def test_looks_numeric_on_real_columns(land_assets_csv: Path) -> None:
    assets = read_table(land_assets_csv).frame
    assert looks_numeric(assets["GeoX"])
    assert looks_numeric(assets["BuildingSize"])
    assert not looks_numeric(assets["PostCode"])
    assert not looks_numeric(assets["AssetCode"])


def test_looks_numeric_share_and_empty_columns() -> None:
    mostly = pd.Series(["1", "2", "3", "x"])
    assert not looks_numeric(mostly)
    assert looks_numeric(mostly, min_share=0.75)
    assert not looks_numeric(mostly, min_share=0.8)
    assert not looks_numeric(pd.Series(["", None, ".."], dtype=object))
