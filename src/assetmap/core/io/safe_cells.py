"""Spreadsheet-safe text: a cell starting with = + - @ would run as a formula in Excel
or LibreOffice (CSV injection), so such text gets a leading apostrophe. Numbers are left
alone, so a negative score stays a number."""

from __future__ import annotations

import math
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        number = float(value)
    except ValueError:
        return "'" + value
    return value if math.isfinite(number) else "'" + value
