"""Which assets are due for checking: an asset map is only useful while it is true.

Each category has a review interval in months (``Category.review_months``); an asset is due
when it was last checked (its "Verified on" date, else the day it was added) longer ago
than that. Dates are compared as ISO text (YYYY-MM-DD sorts as it reads), so a whole
points frame is judged in one vectorised pass, at 200,000 assets too.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from assetmap.core.taxonomy import DEFAULT_REVIEW_MONTHS, Category

# The SQL for "last checked": created_at is a UTC timestamp, verified_date a day.
LAST_CHECKED_SQL = "substr(coalesce(nullif(verified_date, ''), created_at), 1, 10)"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier, when negative), kept inside short months:
    31 August plus 6 months is 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def cutoffs(categories: Iterable[Category], today: date) -> dict[str, str]:
    """Category key -> the ISO day before which an asset of it is due."""
    return {c.key: add_months(today, -c.review_months).isoformat() for c in categories}


def due_mask(
    category: np.ndarray | pd.Series,
    last_checked: np.ndarray | pd.Series,
    categories: Iterable[Category],
    today: date,
) -> np.ndarray:
    """True for each asset due for checking. An asset never checked and with no date added
    is due; one of an unknown category gets the default interval."""
    limits = cutoffs(categories, today)
    fallback = add_months(today, -DEFAULT_REVIEW_MONTHS).isoformat()
    keys = pd.Series(np.asarray(category, dtype=object))
    limit = keys.map(limits).fillna(fallback).to_numpy(dtype=object)
    checked = pd.Series(np.asarray(last_checked, dtype=object)).fillna("").astype(str)
    checked_days = checked.str.slice(0, 10).to_numpy(dtype=object)
    return np.asarray((checked_days == "") | (checked_days < limit), dtype=bool)


def due_since(last_checked: str | None, months: int) -> str:
    """The ISO day an asset fell due ("" when it was never checked nor dated)."""
    day = parse_day(last_checked)
    return "" if day is None else add_months(day, months).isoformat()


def parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def due_in_points(points: pd.DataFrame, categories: Iterable[Category], today: date) -> np.ndarray:
    """``due_mask`` over a points frame (``assets.points_xy``: category, last_checked)."""
    if not len(points) or "last_checked" not in points:
        return np.zeros(len(points), dtype=bool)
    return due_mask(points["category"], points["last_checked"], categories, today)
