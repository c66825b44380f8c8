"""Bounds and cleaning common to every format (core.io.limits, core.io.control_chars), so a
hostile or broken file is refused the same way whatever it is, naming its row and column.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core.i18n import translatable, translated
from assetmap.core.io import control_chars, limits
from assetmap.core.io.table import Table, unique_column_names

_COLUMNS_HINT = translatable("delete the columns you do not need and save a copy")


def check_columns(path: Path, count: int, *, asked: bool = False) -> None:
    if count > limits.MAX_COLUMNS:
        if asked:
            found = translated("has {n:,} of the columns asked for").format(n=count)
        else:
            found = translated("has {n:,} columns").format(n=count)
        most = translated("reads at most {n:,} columns").format(n=limits.MAX_COLUMNS)
        raise limits.too_big(path, found, "columns", most, hint=translated(_COLUMNS_HINT))


def check_rows(path: Path, count: int) -> None:
    if count > limits.MAX_ROWS:
        raise limits.too_big(
            path,
            translated("has more than {n:,} rows").format(n=limits.MAX_ROWS),
            "rows",
            translated("reads at most {n:,} rows").format(n=limits.MAX_ROWS),
            hint=translated("split it into smaller files"),
        )


def check_cells(path: Path, rows: int, columns: int) -> None:
    if rows * columns > limits.MAX_CELLS:
        raise limits.too_big(
            path,
            translated("has {rows:,} rows of {columns:,} columns ({cells:,} cells)").format(
                rows=rows, columns=columns, cells=rows * columns
            ),
            "cells",
            translated("reads at most {n:,} cells").format(n=limits.MAX_CELLS),
            hint=translated("keep only the rows and columns you need; {more}").format(
                more=translated(_COLUMNS_HINT)
            ),
        )


def check_values(path: Path, count: int) -> None:
    """A workbook stores only the cells that hold something: count those as they come."""
    if count > limits.MAX_CELLS:
        raise limits.too_big(
            path,
            translated("has more than {n:,} values").format(n=limits.MAX_CELLS),
            "cells",
            translated("reads at most {n:,} cells").format(n=limits.MAX_CELLS),
            hint=translated("split it into smaller files"),
        )


def chosen_columns(table: Table, wanted: frozenset[str] | None) -> Table:
    """Vector files are read whole (GDAL's own column choice is slower than reading all)."""
    if wanted is None:
        return table
    table.file_columns = [str(name) for name in table.frame.columns]
    table.frame = table.frame[[name for name in table.file_columns if name in wanted]]
    return table


def cleaned(
    table: Table, nul_stand_in: bool = False, scan: control_chars.TextScan | None = None
) -> Table:
    """Control characters out of every value and name, said in the notes; names stay unique."""
    frame, notes = control_chars.clean_frame(
        table.frame, table.row_numbers, table.row_noun, nul_stand_in=nul_stand_in, scan=scan
    )
    names = [str(name) for name in frame.columns]
    if len(set(names)) < len(names):
        names, more = unique_column_names(names)
        frame = frame.set_axis(names, axis=1)
        notes += more
    if names != [str(name) for name in table.frame.columns]:
        renamed = dict(zip(table.frame.columns, names, strict=True))
        table.file_columns = [renamed.get(name, name) for name in table.file_columns]
    table.frame = frame
    table.notes += notes
    return table


def check_field_lengths(table: Table) -> None:
    """Refuse a value or name past MAX_FIELD_CHARS, naming its row and column."""
    most = limits.MAX_FIELD_CHARS
    for name in table.frame.columns:
        if len(str(name)) > most:
            raise limits.too_big(
                table.path,
                translated("has a column name of {n:,} characters").format(n=len(str(name))),
                "field",
                translated("reads at most {n:,} characters in one value").format(n=most),
                hint=translated("the first line should name the columns; is a quote never closed?"),
            )
    for position, name in enumerate(table.frame.columns):
        values = table.frame.iloc[:, position]
        if not pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values):
            continue
        lengths = values.str.len().fillna(0).to_numpy()
        if len(lengths) and lengths.max() > most:
            at = int(np.argmax(lengths))
            raise limits.too_big(
                table.path,
                translated("has a value of {n:,} characters").format(n=int(lengths[at])),
                "field",
                translated("reads at most {n:,} characters in one value").format(n=most),
                hint=translated(
                    "a quote that is never closed runs the rest of the file into one value"
                ),
                row=int(table.row_numbers[at]),
                field=str(name),
                row_noun=table.row_noun,
            )
