"""Numbers typed the way council and ONS spreadsheets type them.

The readers keep every CSV/XLSX cell as text so that codes with leading zeros survive; the
importers call these functions only on the columns that are meant to hold numbers. A cell that
is not blank and not a number is reported back (the mask), never silently turned into NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Cells that mean "no value" rather than "a bad value". Compared case-insensitively after
#: stripping spaces. ".." is ONS's suppression marker; the bracketed ones are the shorthand of
#: the current ONS/GSS style guide (c = confidential, x = not available, z = not applicable,
#: low = rounds to zero).
BLANK_TOKENS: frozenset[str] = frozenset(
    {"", "-", "na", "n/a", "null", "..", "[c]", "[x]", "[z]", "[low]"}
)

_UNICODE_MINUS = "\u2212"
_INTEGER_PART = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_MANTISSA = rf"(?:{_INTEGER_PART}(?:\.\d*)?|\.\d+)"
#: Sign, optional pound sign, digits (commas only in groups of three), exponent, optional "%".
NUMBER_PATTERN = rf"[+-]?\s*£?\s*{_MANTISSA}(?:[eE][+-]?\d+)?\s*%?"
_DECORATION = r"[,£%+\s]"


def parse_numbers(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return float64 values (NaN for blank) and a mask of non-blank cells that are not numbers.

    Percentages keep the number written ("12%" -> 12.0): whether a column holds shares or
    points is the user's call, not the parser's.
    """
    if _is_plain_numeric(values):
        numbers = values.to_numpy(dtype="float64", na_value=np.nan, copy=True)
        return numbers, np.zeros(len(values), dtype=bool)
    clean = _arrow_cast(values)
    if clean is not None:
        return clean, np.zeros(len(values), dtype=bool)
    text = _as_text(values)
    # Fast path: most cells are plain numbers that pandas parses in C; only the rest
    # ("29,199", "£12", "12%", "n/a") go through the pattern.
    quick = pd.to_numeric(text, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    numbers = np.where(np.isfinite(quick), quick, np.nan)
    rest = np.flatnonzero(np.isnan(numbers) & text.notna().to_numpy())
    if len(rest):
        numbers[rest] = _parse_decorated(text.iloc[rest])
    blank = np.zeros(len(text), dtype=bool)
    blank[text.isna().to_numpy()] = True
    if len(rest):
        blank[rest] = text.iloc[rest].str.lower().isin(BLANK_TOKENS).to_numpy()
    bad = ~blank & np.isnan(numbers)
    numbers[blank] = np.nan
    return numbers, bad


def _arrow_cast(values: pd.Series) -> np.ndarray | None:
    """A column of plain numbers as text (eastings in a CSV) cast in one C call, or None."""
    if not isinstance(values.dtype, pd.StringDtype) or values.dtype.storage != "pyarrow":
        return None
    try:
        import pyarrow as pa

        cast = pa.array(values).cast(pa.float64())
    except Exception:  # any cell that is not a plain number: take the careful path
        return None
    numbers: np.ndarray = cast.to_numpy(zero_copy_only=False)
    # "inf" and "nan" cast fine but are not numbers a spreadsheet means: let the careful
    # path report them.
    written = ~np.asarray(pa.array(values).is_null())
    if not np.isfinite(numbers[written]).all():
        return None
    return numbers


def _parse_decorated(text: pd.Series) -> np.ndarray:

    matched = text.str.fullmatch(NUMBER_PATTERN).fillna(False).to_numpy(dtype=bool)
    plain = text.where(matched).str.replace(_DECORATION, "", regex=True)
    parsed = pd.to_numeric(plain, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(parsed), parsed, np.nan)


def looks_numeric(values: pd.Series, *, min_share: float = 1.0) -> bool:
    """Tell whether a text column is really a number column (used to offer numeric fields).

    A column with no non-blank cells is not called numeric: there is nothing to go on.
    """
    numbers, bad = parse_numbers(values)
    filled = int((~np.isnan(numbers)).sum() + bad.sum())
    if filled == 0:
        return False
    return (filled - int(bad.sum())) / filled >= min_share


def _is_plain_numeric(values: pd.Series) -> bool:
    """Typed numbers (not booleans, which are answers rather than quantities) need no parsing."""
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _as_text(values: pd.Series) -> pd.Series:
    """Mixed object columns (numbers among text, as XLSX gives) become comparable text."""
    missing = values.isna()
    text = values.astype("str").where(~missing)
    return text.str.strip().str.replace(_UNICODE_MINUS, "-", regex=False)
