"""How much of a file assetmap reads, and why each bound sits where it does.

Every importer reads through ``core.io.readers``, which checks these bounds before or while a
file is unpacked and parsed. A hostile or broken file (a 1 MB gzip holding 1 GiB of newlines,
a CSV with 200,000 columns, a workbook whose formatting claims 16,384 columns) is then refused
in seconds with a message naming the bound, instead of using all the memory there is.

Each bound sits far above the largest real file we know of. Measured on the national files
(../shared/data/national): the LSOA boundaries of England and Wales are a 7.5 MB .geojson.gz
that unpacks to 32 MB (4.3 times); Code-Point Open is a 14 MB zip of 129 CSVs, 162 MB unpacked,
1.7 million postcodes in 10 columns (at most 13 times); the IMD 2019 files are .csv.gz of 3 to
6 times, 6 to 20 columns. Trafford's widest file (mid-2024 population by single year of age)
has 100 columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

MiB = 1024 * 1024
GiB = 1024 * MiB

MAX_TABLE_BYTES = 512 * MiB
"""Text of a CSV (after unpacking a .gz) or all the unpacked parts of an XLSX workbook.

Tables are read whole into memory, at about 7.5 times their size (Code-Point Open's 162 MB as
one CSV takes 1.2 GB), so this keeps a read under about 4 GB. That is three times all of
Code-Point Open, the biggest table any assetmap workflow reads.
"""

MAX_UNPACKED_BYTES = 4 * GiB
"""What GDAL may unpack from a zip or gzip (a zipped shapefile, a .geojson.gz).

GDAL streams these, so memory grows with the features kept, not with the bytes unpacked; a
national full-resolution boundary set is about 1 GB. Plain (not compressed) vector files are not
bounded by size: a file's size on disk is what its owner chose.
"""

MAX_RATIO = 500
"""Unpacked size / packed size, judged once MIN_RATIO_BYTES have come out.

Deflate (zip, gzip) cannot exceed 1,032 to 1, which a run of one repeated byte reaches: that is
what a decompression bomb is. Real files are 3 to 30 times (the IMD CSVs 3 to 6, the LSOA
GeoJSON 4, Code-Point's CSVs up to 13, worksheet XML 12 to 28) and a CSV of nothing but empty
padding rows (",,,,,,") still stays under 350 times.
"""

MIN_RATIO_BYTES = 4 * MiB
"""Below this much unpacked output the ratio is not judged: a small file that compresses very
well (a template, an empty workbook) is harmless whatever its ratio."""

MAX_ROWS = 5_000_000
"""Rows of a table (lines of a CSV, blank ones included) or features of a vector file.

Three times Code-Point Open's 1.7 million postcodes, 25 times the 200,000 assets of the national
benchmark. A CSV's lines are counted as it is unpacked, so a flood of newlines stops here
without being parsed.
"""

MAX_COLUMNS = 1_000
"""Columns read from one file (when only some are asked for, those).

Each column becomes a custom field (assets) or an SQL column (areas, indicators), and SQLite
allows 2,000 columns in a table: half of it leaves an area set room for indicators. Published
statistical tables have tens to a few hundred columns (population by single year of age: 100).
"""

MAX_CELLS = 50_000_000
"""Rows times columns. XLSX and GeoJSON store empty cells for nothing, so rows and columns
bounded one by one could still ask for a table of 5 billion empty cells. Code-Point Open as one
table has 17 million cells.
"""

MAX_FIELD_CHARS = 131_072
"""Characters in one value or column name: the default limit of Python's csv module, four times
Excel's 32,767 characters per cell. A longer value is a whole file run into one cell (a missing
closing quote) or an attack, not an address or a description."""

SQLITE_MAX_COLUMNS = 2_000
"""SQLite's default SQLITE_MAX_COLUMN (the build Python ships): columns in one table. Joining
indicators adds columns to an area set's table and must stay within it."""


class LimitError(BadInputError):
    """A file goes past one of the bounds above; ``limit`` says which, for callers that add a
    hint of their own (join-indicators can read only some columns: ``--fields``)."""

    def __init__(
        self,
        message: str,
        *,
        limit: str,
        file: str | Path,
        hint: str | None,
        row: int | None = None,
        field: str | None = None,
        row_noun: str = "row",
    ) -> None:
        super().__init__(message, file=file, row=row, field=field, hint=hint, row_noun=row_noun)
        self.limit = limit


def too_big(
    path: str | Path,
    found: str,
    limit: str,
    most: str,
    hint: str | None = None,
    **where: Any,
) -> LimitError:
    """'<file>: <found>; assetmap <most> (<hint>)', e.g. 'wide.csv: has 200,003 columns;
    assetmap reads at most 1,000 columns (delete the columns you do not need...)'.

    ``limit`` is one of "bytes", "ratio", "rows", "columns", "cells", "field"; ``where`` may
    give the row, field and row_noun.
    """
    message = translated("{found}; assetmap {most}").format(found=found, most=most)
    return LimitError(message, limit=limit, file=path, hint=hint, **where)


def size_text(size: int) -> str:
    """Bytes as a user reads them: '512 MB', '4 GB', '1.3 GB'."""
    if size >= GiB:
        return f"{size / GiB:.1f} GB".replace(".0 GB", " GB")
    return f"{size / MiB:.0f} MB" if size >= MiB else translated("{n:,} bytes").format(n=size)
