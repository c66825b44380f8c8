"""Joining indicators (population, deprivation, ...) onto an area set by a key column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core import areas
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import joined, translated
from assetmap.core.io import limits
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.io.readers import Table, read_table
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.io.values import text_objects
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

# A column is numeric when at least this share of its filled cells are numbers; the
# rest are reported and left empty rather than turning the whole column into text.
NUMERIC_SHARE = 0.9
_MAX_REPORTED_BAD_CELLS = 200
_LISTED_FIELDS = 30


@dataclass
class IndicatorOptions:
    area_set: str
    key_field: str
    fields: list[str] | None = None  # "source" or "source:new_name"
    where: list[str] | None = None  # "field=value" row filters
    layer: str | None = None


@dataclass
class PreparedIndicators:
    area_set: str
    values: pd.DataFrame  # index: area code; columns: SQL-safe names
    labels: dict[str, str]
    numeric: dict[str, bool]
    report: ImportReport
    source_file: str
    matched: int


def prepare_indicators(
    project: Project,
    path: str | Path,
    options: IndicatorOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedIndicators:
    steps = Steps(progress)
    info = areas.get_set(project, options.area_set)
    table = _read(path, options, steps.sub(0, 0.6), cancelled)
    check_cancelled(cancelled)
    report = ImportReport(file=table.path.name, kind="indicators", notes=list(table.notes))
    frame, rows = _filtered(table, options, report)
    keys = _keys(table, frame, rows, options.key_field)
    codes = set(areas.frame(project, info.name)["code"].astype(str))
    matched = keys.isin(codes).to_numpy()
    _report_matching(table, keys, matched, codes, options.key_field, report)
    fields = _chosen_fields(table, options)
    existing = areas.table_columns(project, info.table)
    _check_room(table, info.name, len(existing), len(fields))
    taken = set(existing) | set(areas.RESERVED_COLUMNS)
    values: dict[str, pd.Series] = {}
    labels: dict[str, str] = {}
    numeric: dict[str, bool] = {}
    for source, wanted in fields:
        column = areas.column_name(wanted, taken)
        if column != areas.column_name(wanted, set()):
            report.notes.append(
                translated("'{source}' stored as '{column}' (the name was taken)").format(
                    source=source, column=column
                )
            )
        series, is_number = _typed(frame[source], rows, source, table, report)
        values[column] = pd.Series(series[matched], index=keys[matched].to_numpy())
        labels[column] = source if wanted == source else wanted
        numeric[column] = is_number
    report.imported = int(matched.sum())
    steps(1.0, translated("Ready to join"))
    return PreparedIndicators(
        info.name,
        pd.DataFrame(values),
        labels,
        numeric,
        report,
        table.path.name,
        int(matched.sum()),
    )


def _read(
    path: str | Path, options: IndicatorOptions, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    """Only the columns the options name are read when --fields is given: a Census table of
    thousands of columns then gives the few the user wants."""
    try:
        return read_table(
            path,
            layer=options.layer,
            columns=_wanted_columns(options),
            progress=steps,
            cancelled=cancelled,
        )
    except limits.LimitError as error:
        if error.limit != "columns" or options.fields:
            raise
        raise limits.LimitError(
            error.message,
            limit=error.limit,
            file=path,
            hint=translated("{hint}, or name the columns to join with --fields").format(
                hint=error.hint
            ),
        ) from None


def _wanted_columns(options: IndicatorOptions) -> set[str] | None:
    """Every name the options could mean. A field spec may hold a colon of its own, so both
    the whole spec and its part before the last colon are asked for (see _split_field)."""
    if not options.fields:
        return None
    wanted = {options.key_field}
    wanted |= {condition.partition("=")[0].strip() for condition in options.where or []}
    for spec in options.fields:
        text = spec.strip()
        wanted |= {text, text.rpartition(":")[0].strip()}
    return wanted - {""}


def _check_room(table: Table, area_set: str, existing: int, adding: int) -> None:
    """SQLite holds at most SQLITE_MAX_COLUMNS columns in a table: say so before trying."""
    if existing + adding <= limits.SQLITE_MAX_COLUMNS:
        return
    room = max(limits.SQLITE_MAX_COLUMNS - existing, 0)
    raise limits.LimitError(
        translated(
            "joining {n:,} columns would give area set '{area_set}' {total:,} columns, and a "
            "table holds at most {most:,}: there is room for {room:,} more"
        ).format(
            n=adding,
            area_set=area_set,
            total=existing + adding,
            most=limits.SQLITE_MAX_COLUMNS,
            room=room,
        ),
        limit="columns",
        file=table.path,
        hint=translated("name fewer columns with --fields, or import the areas again as a new set"),
    )


def _filtered(
    table: Table, options: IndicatorOptions, report: ImportReport
) -> tuple[pd.DataFrame, np.ndarray]:
    frame, rows = table.frame, table.row_numbers
    keep = np.ones(len(frame), dtype=bool)
    for condition in options.where or []:
        field, sep, value = condition.partition("=")
        field, value = field.strip(), value.strip()
        if not sep or field not in frame.columns:
            raise BadInputError(
                translated(
                    "'{condition}' is not FIELD=VALUE with a field of the file (fields: {fields})"
                ).format(condition=condition, fields=_field_list(table)),
                file=table.path,
                field="--where",
            )
        keep &= (frame[field].astype(str).str.strip() == value).to_numpy()
    if options.where:
        report.notes.append(
            translated("{kept} of {n} rows kept by {conditions}").format(
                kept=int(keep.sum()), n=len(frame), conditions=joined(list(options.where))
            )
        )
    return frame[keep].reset_index(drop=True), rows[keep]


def _keys(table: Table, frame: pd.DataFrame, rows: np.ndarray, key_field: str) -> pd.Series:
    if key_field not in frame.columns:
        raise BadInputError(
            translated("has no field '{column}' (fields: {fields})").format(
                column=key_field, fields=_field_list(table)
            ),
            file=table.path,
            field="--key-field",
        )
    keys = text_objects(frame[key_field]).fillna("")
    duplicated = keys.duplicated(keep=False) & (keys != "")
    if duplicated.any():
        first = keys[duplicated].iloc[0]
        at = rows[(keys == first).to_numpy()][:5]
        raise BadInputError(
            translated("key {key} appears on {n} rows ({rows}); each area needs one row").format(
                key=first, n=len(at), rows=", ".join(map(str, at))
            ),
            file=table.path,
            row=int(at[0]),
            field=key_field,
            hint=translated("choose rows with --where, e.g. --where sex=Persons"),
        )
    return keys.reset_index(drop=True)


def _report_matching(
    table: Table,
    keys: pd.Series,
    matched: np.ndarray,
    codes: set[str],
    key_field: str,
    report: ImportReport,
) -> None:
    if not matched.any():
        sample_file = ", ".join(keys[keys != ""].head(3))
        sample_areas = ", ".join(sorted(codes)[:3])
        raise BadInputError(
            translated(
                "none of the {n} keys match the area set's codes (file has {file_keys}; areas "
                "have {area_codes})"
            ).format(n=len(keys), file_keys=sample_file, area_codes=sample_areas),
            file=table.path,
            field=key_field,
            hint=translated("check --key-field and --set"),
        )
    unmatched = int((~matched).sum())
    if unmatched:
        report.notes.append(
            translated("{n} rows match no area of the set and were not used").format(n=unmatched)
        )
    missing = len(codes - set(keys[matched]))
    if missing:
        report.notes.append(
            translated("{n} areas have no row in the file; their values are empty").format(
                n=missing
            )
        )


def _chosen_fields(table: Table, options: IndicatorOptions) -> list[tuple[str, str]]:
    columns = [str(c) for c in table.frame.columns]
    if not options.fields:
        return [(c, c) for c in columns if c != options.key_field]
    out = []
    for spec in options.fields:
        source, target = _split_field(spec, columns)

        if source not in columns:
            raise BadInputError(
                translated("has no field '{column}' (fields: {fields})").format(
                    column=source, fields=_field_list(table)
                ),
                file=table.path,
                field="--fields",
            )
        out.append((source, target))
    return out


def _field_list(table: Table) -> str:
    """The file's columns for a message, also those not read; a long list is cut short."""
    names = table.file_columns
    listed = ", ".join(names[:_LISTED_FIELDS])
    more = len(names) - _LISTED_FIELDS
    if more <= 0:
        return listed
    return translated("{listed} and {n:,} more").format(listed=listed, n=more)


def _typed(
    values: pd.Series, rows: np.ndarray, field: str, table: Table, report: ImportReport
) -> tuple[np.ndarray, bool]:
    """Numbers when the column is (nearly all) numbers; the odd bad cell is reported."""
    if pd.api.types.is_numeric_dtype(values):
        return values.to_numpy(dtype=float), True
    numbers, bad = parse_numbers(values)
    filled = int((~np.isnan(numbers)).sum() + bad.sum())
    if filled and (filled - bad.sum()) / filled >= NUMERIC_SHARE:
        for i in np.flatnonzero(bad)[:_MAX_REPORTED_BAD_CELLS]:
            report.repaired.append(
                RowIssue(
                    int(rows[i]),
                    field,
                    translated("'{value}' is not a number; left empty").format(
                        value=values.iloc[i]
                    ),
                )
            )
        return numbers, True
    return text_objects(values).to_numpy(dtype=object), False


def _split_field(spec: str, columns: list[str]) -> tuple[str, str]:
    """'source' or 'source:new name'. Field names may hold colons themselves ("Total
    population: mid 2015"), so a spec that is a whole field name is taken as one, and
    otherwise the last colon separates the new name."""
    text = spec.strip()
    if text in columns:
        return text, text
    source, sep, target = text.rpartition(":")
    if not sep:
        return text, text
    return source.strip(), target.strip() or source.strip()
