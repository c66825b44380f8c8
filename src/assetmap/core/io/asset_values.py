"""A file's columns turned into asset field values: text as the source wrote it, postcodes in
standard form, an address or opening hours gathered from several columns, a status from the
words people use, a name for a row without one, and the extra columns kept as JSON."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from assetmap.core.i18n import translated
from assetmap.core.io.fields import (
    address_part_columns,
    custom_field_type,
    identifier_text,
    opening_day_columns,
)
from assetmap.core.io.postcodes import normalise_postcodes
from assetmap.core.io.readers import Table
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.io.values import text_objects
from assetmap.core.model import STATUSES

STATUS_WORDS = {
    "active": "active",
    "open": "active",
    "operational": "active",
    "yes": "active",
    "closed": "closed",
    "inactive": "closed",
    "ceased": "closed",
    "no": "closed",
    "proposed": "proposed",
    "planned": "proposed",
    "future": "proposed",
}


def address_parts(frame: pd.DataFrame, mapping: dict[str, str]) -> list[str]:
    if "address" in mapping:
        return []
    return address_part_columns(list(frame.columns), mapping.values())


def clean_text(values: pd.Series) -> pd.Series:
    """Numbers in a text field as the source wrote them: a telephone 1617486414.0 that a
    program stored as a number reads '1617486414', not '1617486414.0'."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        values = identifier_text(values)
    return text_objects(values)


def postcode_text(values: pd.Series) -> pd.Series:
    """Valid postcodes stored in standard form; anything else kept as the user typed it."""
    normal = normalise_postcodes(values).to_numpy(dtype=object)
    out = values.to_numpy(dtype=object).copy()
    valid = np.asarray(pd.notna(normal), dtype=bool)  # None where not a full postcode
    out[valid] = normal[valid]
    return pd.Series(out, dtype=object)


def address_values(frame: pd.DataFrame, mapping: dict[str, str], single: pd.Series) -> pd.Series:
    parts = address_parts(frame, mapping)
    if "address" in mapping or not parts:
        return single
    cleaned = [clean_text(frame[c]) for c in parts]
    joined = [", ".join(p for p in values if p) or None for values in zip(*cleaned, strict=True)]
    return pd.Series(joined, dtype=object)


def opening_hours_values(frame: pd.DataFrame, single: pd.Series) -> pd.Series:
    days = opening_day_columns(list(frame.columns))
    if not days or single.notna().any():
        return single
    cleaned = [(day[:3].title(), clean_text(frame[c])) for day, c in days]
    out = []
    for i in range(len(frame)):
        parts = [f"{day} {values.iloc[i]}" for day, values in cleaned if values.iloc[i]]
        out.append("; ".join(parts) or None)
    return pd.Series(out, dtype=object)


def status_values(
    values: pd.Series,
    column: str | None,
    report: ImportReport,
    row_numbers: np.ndarray,
    table: Table,
) -> pd.Series:
    if column is None:
        return pd.Series(["active"] * len(values), dtype=object)
    lowered = pd.Series(
        [None if v is None else STATUS_WORDS.get(v.lower()) for v in values], dtype=object
    )
    for i in np.flatnonzero(values.notna().to_numpy() & lowered.isna().to_numpy()):
        report.repaired.append(
            RowIssue(
                int(row_numbers[i]),
                column,
                translated("status '{value}' is not one of {statuses}; set to active").format(
                    value=values.iloc[i], statuses=", ".join(STATUSES)
                ),
                table.row_noun,
            )
        )
    return pd.Series(["active" if v is None else v for v in lowered], dtype=object)


def fill_missing_names(
    rows: pd.DataFrame, report: ImportReport, row_numbers: np.ndarray, noun: str, column: str
) -> None:
    for i in np.flatnonzero(rows["name"].isna().to_numpy()):
        fallback = str(
            rows.at[i, "address"]
            or rows.at[i, "postcode"]
            or f"Unnamed asset ({noun} {row_numbers[i]})"
        )
        rows.at[i, "name"] = fallback
        report.repaired.append(
            RowIssue(
                int(row_numbers[i]),
                column,
                translated("has no name; named '{name}'").format(name=fallback),
                noun,
            )
        )


def custom_json(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """Extra source columns, kept per asset as JSON so nothing from the file is lost; codes
    and identifiers as text (URN 106167, never 106,167.0)."""
    if not columns:
        return pd.Series([None] * len(frame), dtype=object)
    kept = frame[columns].reset_index(drop=True)
    for column in columns:
        values = kept[column]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if numeric and custom_field_type(column, values) == "text":
            kept[column] = identifier_text(values)
    lines = kept.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
    out = []
    for line in lines.splitlines():
        record = {k: v for k, v in json.loads(line).items() if v is not None and v != ""}
        out.append(json.dumps(record, ensure_ascii=False, sort_keys=True) if record else None)
    return pd.Series(out, dtype=object)
