"""Read a sheet of an Excel workbook (.xlsx) as text, the way Excel shows each value, with the
row numbers Excel shows and any title above the table skipped.
"""

from __future__ import annotations

import array
import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import archives, limits
from assetmap.core.io.read_bounds import (
    check_cells,
    check_columns,
    check_rows,
    check_values,
    cleaned,
)
from assetmap.core.io.table import LayerInfo, Table, drop_blank_rows, unique_column_names
from assetmap.core.progress import CancelledFn, Steps, check_cancelled

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

_XLSX_CHUNK_ROWS = 5_000
_XLSX_TITLE_SCAN_ROWS = 10
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _open_workbook(path: Path) -> Workbook:
    """openpyxl is imported here only: it is slow to import and most inputs are not XLSX.

    A workbook is a zip: its declared sizes are checked first, as openpyxl reads its shared
    strings whole.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    archives.check_zip_directory(path, limits.MAX_TABLE_BYTES)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise BadInputError(
            translated("the file is not a readable Excel workbook ({error})").format(error=error),
            file=path,
        ) from None


def xlsx_layers(path: Path) -> list[LayerInfo]:
    book = _open_workbook(path)
    try:
        return [
            LayerInfo(sheet.title, None, max(sheet.max_row - 1, 0) if sheet.max_row else None)
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def read_xlsx(
    path: Path,
    sheet_name: str | None,
    wanted: frozenset[str] | None,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> Table:
    book = _open_workbook(path)
    try:
        sheet = _choose_sheet(book, sheet_name, path)
        cells = _sheet_cells(sheet, path, steps, cancelled)
        title = sheet.title
    except (zipfile.BadZipFile, OSError, ValueError, SyntaxError) as error:  # damaged XML
        raise BadInputError(
            translated("the file is not a readable Excel workbook ({error})").format(error=error),
            file=path,
        ) from None
    finally:
        book.close()
    header_index, notes = _xlsx_header_index(cells)
    if header_index is None:
        raise BadInputError(translated("sheet '{sheet}' is empty").format(sheet=title), file=path)
    frame, names, name_notes = _xlsx_frame(cells, header_index, wanted, path)
    first_row = header_index + 2
    frame, row_numbers = drop_blank_rows(frame, np.arange(len(frame)) + first_row)
    table = Table(frame, None, None, path, title, row_numbers, "row", None, notes + name_notes)
    table.file_columns = names
    return cleaned(table)


@dataclass
class _SheetCells:
    """A sheet's values and where they are (0-based row and column), nothing for empty cells.

    Kept this way rather than as rows: one value in column XFD would otherwise pad every row
    to 16,384 cells, and a sheet formatted to its last row to a million of them.
    """

    rows: np.ndarray
    columns: np.ndarray
    values: list[object]

    def in_row(self, row: int) -> dict[int, object]:
        return {int(self.columns[i]): self.values[i] for i in np.flatnonzero(self.rows == row)}


def _sheet_cells(
    sheet: ReadOnlyWorksheet, path: Path, steps: Steps, cancelled: CancelledFn | None
) -> _SheetCells:
    """Every value of the sheet, streamed from its XML.

    openpyxl's own row iterator pads each row to the sheet's stated width, or to its last
    cell when the size is reset; formatting alone puts cells in column XFD, so a formatted
    sheet cost minutes. Its XML parser (internal to openpyxl, the one iter_rows uses) gives
    the cells as they are; only those holding a value are kept.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    total = sheet.max_row or 0
    rows: array.array[int] = array.array("l")
    columns: array.array[int] = array.array("l")
    values: list[object] = []
    # openpyxl internals (see the docstring), which types-openpyxl leaves out of its stubs
    with sheet._get_source() as source:  # type: ignore[attr-defined]
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,  # type: ignore[attr-defined]  # openpyxl internal
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,  # type: ignore[attr-defined]  # openpyxl internal
            timedelta_formats=book._timedelta_formats,  # type: ignore[attr-defined]  # internal
        )
        for count, (number, row) in enumerate(parser.parse(), start=1):
            check_rows(path, number - 1)
            for cell in row:
                if cell["value"] is not None:
                    rows.append(number - 1)
                    columns.append(cell["column"] - 1)
                    values.append(cell["value"])
            if count % _XLSX_CHUNK_ROWS == 0:
                check_cancelled(cancelled)
                check_values(path, len(values))
                parser.row_dimensions.clear()  # row formatting, unused, one entry per row
                steps(
                    min(number / total, 0.99) if total else 0.5,
                    translated("Read {n:,} rows").format(n=number),
                )
    check_values(path, len(values))
    return _SheetCells(np.asarray(rows, dtype=np.int64), np.asarray(columns, np.int64), values)


def _xlsx_header_index(cells: _SheetCells) -> tuple[int | None, list[str]]:
    """The header is the first row with more than one value when a table follows a title.

    Council workbooks often put a one-cell title and a blank line above the table; taking the
    title for the header would name one column and leave the rest unnamed.
    """
    filled = np.fromiter((_filled(value) for value in cells.values), bool, len(cells.values))
    numbers, counts = np.unique(cells.rows[filled], return_counts=True)
    non_empty = list(zip(numbers.tolist(), counts.tolist(), strict=True))[:_XLSX_TITLE_SCAN_ROWS]
    if not non_empty:
        return None, []
    if max(count for _, count in non_empty) == 1:
        return non_empty[0][0], []
    header = next(index for index, count in non_empty if count > 1)
    titles = [str(index + 1) for index, _ in non_empty if index < header]
    if not titles:
        return header, []
    if len(titles) == 1:
        note = translated("skipped row {row} above the table: it looks like a title")
    else:
        note = translated("skipped rows {row} above the table: it looks like a title")
    return header, [note.format(row=", ".join(titles))]


def _xlsx_frame(
    cells: _SheetCells, header_index: int, wanted: frozenset[str] | None, path: Path
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Text columns named from the header; unnamed columns holding nothing are left out.

    Returns the frame, the names of all the sheet's columns, and notes.
    """
    header = {
        column: (_cell_text(value) or "").strip()
        for column, value in cells.in_row(header_index).items()
    }
    below = cells.rows > header_index
    height = int(cells.rows[below].max()) - header_index if below.any() else 0
    kept = sorted({c for c, name in header.items() if name} | set(cells.columns[below].tolist()))
    all_names, notes = unique_column_names([header.get(c, "") for c in kept])
    if wanted is None:
        check_columns(path, len(kept))
        chosen = list(range(len(kept)))
    else:
        chosen = [j for j, name in enumerate(all_names) if name in wanted]
        check_columns(path, len(chosen), asked=True)
    check_cells(path, height, len(chosen))
    body_rows = cells.rows[below] - header_index - 1
    body_values = [value for value, keep in zip(cells.values, below, strict=True) if keep]
    by_column = _positions_by_column(cells.columns[below])
    frame = pd.DataFrame(
        {
            all_names[j]: _xlsx_column(body_rows, body_values, by_column.get(kept[j]), height)
            for j in chosen
        },
        index=pd.RangeIndex(height),
    )
    return frame, all_names, notes


def _positions_by_column(columns: np.ndarray) -> dict[int, np.ndarray]:
    """Where each column's values are in the cell list, found with one sort."""
    if not len(columns):
        return {}
    order = np.argsort(columns, kind="stable")
    numbers, starts = np.unique(columns[order], return_index=True)
    ends = np.append(starts[1:], len(order))
    return {
        int(number): order[start:end]
        for number, start, end in zip(numbers, starts, ends, strict=True)
    }


def _xlsx_column(
    rows: np.ndarray, values: list[object], positions: np.ndarray | None, height: int
) -> pd.Series:
    texts = np.full(height, None, dtype=object)
    for i in [] if positions is None else positions:
        texts[rows[i]] = _cell_text(values[i])
    return pd.Series(texts, dtype=object).astype("str")


def _choose_sheet(book: Workbook, sheet_name: str | None, path: Path) -> ReadOnlyWorksheet:
    if sheet_name is None:
        return book.worksheets[0]
    if sheet_name not in book.sheetnames:
        raise BadInputError(
            translated("there is no sheet called '{sheet}'").format(sheet=sheet_name),
            file=path,
            hint=translated("sheets: {names}").format(names=", ".join(book.sheetnames)),
        )
    return book[sheet_name]


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _cell_text(value: object) -> str | None:
    """Write a typed Excel value the way Excel shows it, so all columns are text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    return _OOXML_ESCAPE.sub(_ooxml_char, text) if "_x" in text else text


def _ooxml_char(match: re.Match[str]) -> str:
    """Excel writes a character XML cannot hold (NUL, ESC...) as _xHHHH_, and a literal '_x'
    that looks like one as _x005F_x: read them as Excel shows them. Control characters
    decoded here are then cleaned like any other."""
    return chr(int(match.group(1), 16))
