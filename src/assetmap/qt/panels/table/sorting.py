"""Sorting a whole column at once: one numpy or Python sort, never a comparison called from Qt."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


def sort_permutation(values: np.ndarray, kind: str, descending: bool) -> np.ndarray:
    """Positions that put ``values`` in order; empty values always go last.

    Text compares without case, numbers as numbers, dates as dates (day first, as written
    in the UK); equal keys stay in the order the assets were added.
    """
    n = len(values)
    if kind in ("number", "date", "bool", "placed"):
        keys = _numeric_keys(values, kind)
        blank = np.isnan(keys)
        filled = np.flatnonzero(~blank)
        ranked = filled[np.argsort(-keys[filled] if descending else keys[filled], kind="stable")]
        return np.concatenate([ranked, np.flatnonzero(blank)]).astype(np.int64)
    raw = values.tolist()
    try:
        text = list(map(str.casefold, raw))  # the usual case: no empty cells
    except TypeError:
        text = list(map(_sort_text, raw))
    has_text = np.fromiter(map(len, text), dtype=np.int64, count=n) > 0
    order = sorted(np.flatnonzero(has_text).tolist(), key=text.__getitem__, reverse=descending)
    return np.concatenate([np.array(order, dtype=np.int64), np.flatnonzero(~has_text)])


def _sort_text(value: Any) -> str:
    if isinstance(value, str):
        return value.casefold()
    return "" if value is None else str(value).casefold()


def _numeric_keys(values: np.ndarray, kind: str) -> np.ndarray:
    series = pd.Series(values, dtype=object)
    if kind == "bool" or kind == "placed":
        return series.fillna(0).astype(float).to_numpy()
    if kind == "number":
        return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    dates = pd.to_datetime(series, errors="coerce", format="mixed", dayfirst=True)
    stamps = dates.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
    stamps[dates.isna().to_numpy()] = np.nan
    return stamps
