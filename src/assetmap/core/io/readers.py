"""Read every file the importers accept into one shape, so each importer is written once.

Tabular files (CSV, XLSX) come back as text only: guessing types here would turn postcodes,
codes and phone numbers with leading zeros into numbers and lose them. Vector files come back
with the types GDAL gives. Every row carries the number the user sees in their own software, so
a report can point at the right line.

Reading is bounded (core.io.limits: bytes unpacked, ratio, rows, columns, cells, characters per
value), so a hostile or broken file is refused in seconds, and every value and column name is
cleaned of control characters (core.io.control_chars), with a note, before any importer sees it.
"""

from __future__ import annotations

import array
import csv
import datetime as dt
import io
import re
import string
import warnings
import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import pyogrio.errors
import pyproj

from assetmap.core.errors import BadInputError
from assetmap.core.io import archives, control_chars, limits
from assetmap.core.io.damaged_geometry import GeometryIssues, decode
from assetmap.core.io.geojson_position import first_broken_feature
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

_CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz")
_XLSX_SUFFIXES = (".xlsx",)
_VECTOR_SUFFIXES = (".geojson", ".geojson.gz", ".json", ".json.gz", ".gpkg", ".shp", ".zip")
SUPPORTED_SUFFIXES: tuple[str, ...] = _CSV_SUFFIXES + _XLSX_SUFFIXES + _VECTOR_SUFFIXES
_VECTOR_IN_ZIP = (".gpkg", ".geojson", ".json")
_JSON_SOURCES = (".geojson", ".json", ".geojson.gz", ".json.gz")

_CSV_CHUNK_ROWS = 100_000
_XLSX_CHUNK_ROWS = 5_000
_VECTOR_BATCH_ROWS = 65_536
_XLSX_TITLE_SCAN_ROWS = 10
_SNIFF_CHARS = 32_768
_HEADER_CHARS = 65_536
_HEADER_SAMPLE_ROWS = 50
_SHAPE_TABLE = str.maketrans(
    string.digits + string.ascii_uppercase + string.ascii_lowercase, "9" * 10 + "A" * 26 + "a" * 26
)
_NOT_WHITESPACE = re.compile(r"\S")
_DELIMITERS = ",;\t|"
_DELIMITER_NAMES = {";": "semicolons", "\t": "tabs", "|": "pipes (|)"}
_GDAL_ADVICE = re.compile(r";?\s*It might help to specify the correct driver.*$", re.DOTALL)
_PANDAS_FIELD_COUNT = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+")
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_JSON_NUL = re.compile(rb"(?<!\\)((?:\\\\)*)\\u0000")  # a \u0000 whose backslash is not escaped
_JSON_NUL_STAND_IN = rb"\1\\udbff\\udffd"  # control_chars.NUL_STAND_IN, as JSON writes it
_COLUMNS_HINT = "delete the columns you do not need and save a copy"
_REPORTED_PER_FEATURE = ("Non closed ring detected",)  # GDAL warnings the report says per row
_GDAL_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FieldError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
)


@dataclass(frozen=True)
class LayerInfo:
    """One layer, sheet or (for CSV) the whole file, as offered to the user to choose from."""

    name: str
    geometry_type: str | None
    feature_count: int | None


@dataclass
class Table:
    """A file's rows, attributes and (for vector files) geometries, ready for an importer.

    CSV row numbers follow records, not physical lines: a quoted value that spans lines is one
    row, as it is when the file is opened in a spreadsheet. `layer` is the sheet, GeoPackage
    layer or zipped shapefile read, and None for single-layer files read without naming one
    (asking GDAL for a GeoJSON's layer name would parse the whole file a second time).
    `file_columns` names every column of the file, also those not read when only some were
    asked for.
    """

    frame: pd.DataFrame
    geometry: np.ndarray | None
    crs: pyproj.CRS | None
    path: Path
    layer: str | None
    row_numbers: np.ndarray
    row_noun: str
    encoding: str | None
    notes: list[str] = field(default_factory=list)
    geometry_issues: GeometryIssues = field(default_factory=GeometryIssues)
    file_columns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.file_columns:
            self.file_columns = [str(name) for name in self.frame.columns]

    def __len__(self) -> int:
        return len(self.frame)


def file_suffix(path: str | Path) -> str:
    """The suffix that decides the format, including '.gz' where it wraps another one."""
    name = Path(path).name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return "".join(Path(name).suffixes[-2:]) if name.endswith(".gz") else Path(name).suffix


def is_vector(path: str | Path) -> bool:
    """Vector files carry their own geometry; tables need coordinates or postcodes."""
    return file_suffix(path) in _VECTOR_SUFFIXES


def gdal_path(path: str | Path) -> str:
    """A path GDAL can open without unpacking archives to disk.

    For a zip holding several shapefiles this is the folder holding them, which GDAL opens as
    one dataset with a layer per shapefile.
    """
    path = Path(path)
    suffix = file_suffix(path)
    if suffix.endswith(".gz"):
        return f"/vsigzip/{path.as_posix()}"
    if suffix != ".zip":
        return str(path)
    shapefiles = _zip_shapefiles(path)
    if len(shapefiles) == 1:
        return _vsizip(path, next(iter(shapefiles.values())))
    if shapefiles:
        folder = PurePosixPath(next(iter(shapefiles.values()))).parent
        return _vsizip(path, "" if str(folder) == "." else str(folder))
    return _vsizip(path, _zip_vector_member(path))


def list_layers(path: str | Path) -> list[LayerInfo]:
    """What the user can choose from: layers, sheets, or the CSV itself."""
    path = _checked_path(path)
    suffix = file_suffix(path)
    if suffix in _CSV_SUFFIXES:
        return [LayerInfo(_single_layer_name(path), None, None)]
    if suffix in _XLSX_SUFFIXES:
        return _xlsx_layers(path)
    _check_archive(path, None)
    shapefiles = _zip_shapefiles(path) if suffix == ".zip" else {}
    if shapefiles:
        return [
            _vector_layer_info(path, _vsizip(path, member), None, name)
            for name, member in shapefiles.items()
        ]
    source = gdal_path(path)
    return [
        _vector_layer_info(path, source, name, name) for name in _gdal_layer_names(path, source)
    ]


def read_table(
    path: str | Path,
    *,
    layer: str | None = None,
    columns: Collection[str] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Table:
    """Read a whole file, or raise BadInputError saying what is wrong with it.

    ``columns``, when given, are the only columns wanted: the others of a CSV or workbook are
    skipped unread and do not count against MAX_COLUMNS (a Census table of 2,500 columns can
    give the three a user joins). Names the file lacks are left for the caller to report.
    Every value and column name comes back without control characters (core.io.control_chars).
    """
    path = _checked_path(path)
    check_cancelled(cancelled)
    steps = Steps(progress)
    suffix = file_suffix(path)
    wanted = None if columns is None else frozenset(columns)
    if suffix in _CSV_SUFFIXES:
        table = _read_csv(path, wanted, steps, cancelled)
    elif suffix in _XLSX_SUFFIXES:
        table = _read_xlsx(path, layer, wanted, steps, cancelled)
    else:
        unpacked = _check_archive(path, cancelled)
        if suffix == ".zip" and _zip_shapefiles(path):
            table = _read_zipped_shapefile(path, layer, steps, cancelled)
        else:
            table = _read_vector(path, gdal_path(path), layer, unpacked, steps, cancelled)
        table = _chosen_columns(table, wanted)
    _check_field_lengths(table)
    steps(1.0, f"Read {len(table):,} {table.row_noun}s from {path.name}")
    return table


def unique_column_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Give blank and repeated column names a usable name, and say so in the report."""
    taken = {name for name in names if name}
    result: list[str] = []
    used: set[str] = set()
    notes: list[str] = []
    for position, name in enumerate(names, start=1):
        if not name:
            new = _free_name(f"column_{position}", taken)
            notes.append(f"column {position} has no name; it is called '{new}'")
        elif name in used:
            new = _free_name(name, taken)
            notes.append(f"more than one column is called '{name}'; column {position} is '{new}'")
        else:
            new = name
        taken.add(new)
        used.add(new)
        result.append(new)
    return result, notes


def _free_name(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


# --- checks common to every format -------------------------------------------------------


def _checked_path(path: str | Path) -> Path:
    """Fail early, naming the file, for the mistakes a user makes when picking one."""
    path = Path(path)
    if not path.exists():
        raise BadInputError("the file does not exist", file=path, hint=f"looked in {path.parent}")
    if path.is_dir():
        raise BadInputError("this is a folder, not a file", file=path)
    suffix = file_suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise BadInputError(
            f"assetmap cannot read '{suffix or 'extension-less'}' files",
            file=path,
            hint="it reads " + ", ".join(SUPPORTED_SUFFIXES),
        )
    if path.stat().st_size == 0:
        raise BadInputError("the file is empty", file=path)
    return path


# --- bounds and cleaning common to every format -----------------------------------------


def _check_columns(path: Path, count: int, *, asked: bool = False) -> None:
    if count > limits.MAX_COLUMNS:
        found = f"has {count:,} of the columns asked for" if asked else f"has {count:,} columns"
        most = f"reads at most {limits.MAX_COLUMNS:,} columns"
        raise limits.too_big(path, found, "columns", most, hint=_COLUMNS_HINT)


def _check_rows(path: Path, count: int) -> None:
    if count > limits.MAX_ROWS:
        raise limits.too_big(
            path,
            f"has more than {limits.MAX_ROWS:,} rows",
            "rows",
            f"reads at most {limits.MAX_ROWS:,} rows",
            hint="split it into smaller files",
        )


def _check_cells(path: Path, rows: int, columns: int) -> None:
    if rows * columns > limits.MAX_CELLS:
        raise limits.too_big(
            path,
            f"has {rows:,} rows of {columns:,} columns ({rows * columns:,} cells)",
            "cells",
            f"reads at most {limits.MAX_CELLS:,} cells",
            hint=f"keep only the rows and columns you need; {_COLUMNS_HINT}",
        )


def _check_values(path: Path, count: int) -> None:
    """A workbook stores only the cells that hold something: count those as they come."""
    if count > limits.MAX_CELLS:
        raise limits.too_big(
            path,
            f"has more than {limits.MAX_CELLS:,} values",
            "cells",
            f"reads at most {limits.MAX_CELLS:,} cells",
            hint="split it into smaller files",
        )


def _chosen_columns(table: Table, wanted: frozenset[str] | None) -> Table:
    """Vector files are read whole (GDAL's own column choice is slower than reading all)."""
    if wanted is None:
        return table
    table.file_columns = [str(name) for name in table.frame.columns]
    table.frame = table.frame[[name for name in table.file_columns if name in wanted]]
    return table


def _cleaned(
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


def _check_field_lengths(table: Table) -> None:
    """Refuse a value or name past MAX_FIELD_CHARS, naming its row and column."""
    most = limits.MAX_FIELD_CHARS
    for name in table.frame.columns:
        if len(str(name)) > most:
            raise limits.too_big(
                table.path,
                f"has a column name of {len(str(name)):,} characters",
                "field",
                f"reads at most {most:,} characters in one value",
                hint="the first line should name the columns; is a quote never closed?",
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
                f"has a value of {int(lengths[at]):,} characters",
                "field",
                f"reads at most {most:,} characters in one value",
                hint="a quote that is never closed runs the rest of the file into one value",
                row=int(table.row_numbers[at]),
                field=str(name),
                row_noun=table.row_noun,
            )


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(
    path: Path, wanted: frozenset[str] | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    gzipped = file_suffix(path).endswith(".gz")
    data = archives.read_table_bytes(path, gzipped=gzipped, cancelled=cancelled)
    text, encoding, notes = decode_text(data)
    scan = control_chars.TextScan.of_bytes(data, encoding)
    del data
    leading_blank, text = _strip_leading_blank_lines(text)
    if not _NOT_WHITESPACE.search(text):
        raise BadInputError("the file is empty", file=path)
    delimiter = _sniff_delimiter(text, file_suffix(path))
    if delimiter in _DELIMITER_NAMES:
        notes.append(f"columns are separated by {_DELIMITER_NAMES[delimiter]}")
    header, body, header_lines = _split_header(text, delimiter, path)
    del text
    if not any(header):
        raise BadInputError("the first line holds no column names", file=path)
    positions = _wanted_positions(header, wanted, path)
    # A file within the column bound is parsed whole, as pandas checks each line's values
    # against the header only for the columns it parses; a wider one only for the columns
    # asked for, its lines checked by the csv module first.
    parsed = positions if len(header) > limits.MAX_COLUMNS else list(range(len(header)))
    _check_cells(path, body.count("\n") + 1, len(parsed))
    all_names, name_notes = unique_column_names(header)
    first_line = leading_blank + header_lines + 1
    if len(parsed) < len(header):
        _check_value_counts(body, delimiter, len(header), path, first_line, cancelled)
    frame = _parse_csv_body(body, all_names, parsed, delimiter, path, first_line, steps, cancelled)
    del body
    if parsed:  # none of the columns asked for: the caller says which are missing
        _check_header([header[i] for i in parsed], frame.head(_HEADER_SAMPLE_ROWS), path)
    frame, row_numbers = _drop_blank_rows(frame, np.arange(len(frame)) + leading_blank + 2)
    if len(positions) < len(frame.columns):
        frame = frame[[all_names[i] for i in positions]]
    table = Table(frame, None, None, path, None, row_numbers, "row", encoding, notes + name_notes)
    table.file_columns = all_names
    return _cleaned(table, scan=scan)


def _wanted_positions(header: list[str], wanted: frozenset[str] | None, path: Path) -> list[int]:
    """The columns to read: all, or those asked for; either way at most MAX_COLUMNS."""
    if wanted is None:
        _check_columns(path, len(header))
        return list(range(len(header)))
    positions = [i for i, name in enumerate(header) if name in wanted]
    _check_columns(path, len(positions), asked=True)
    return positions


def decode_text(data: bytes | bytearray) -> tuple[str, str, list[str]]:
    """Decode as UTF-8 (dropping any BOM) and fall back to the encodings Excel writes.

    cp1252 is tried before latin-1 because Excel on Windows saves "CSV" in it; latin-1 never
    fails, so it is the last resort rather than a guess.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        note = "read as UTF-16 (the file starts with a UTF-16 byte-order mark)"
        return data.decode("utf-16"), "utf-16", [note]
    unmarked = _utf16_without_mark(data)
    if unmarked is not None:
        try:
            text = data.decode(unmarked)
        except UnicodeDecodeError:
            pass
        else:
            note = f"read as UTF-16 ({unmarked[-2:].upper()}, without a byte-order mark)"
            return text, unmarked, [note]
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode("utf-8-sig"), encoding, []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    why = f"the file is not valid UTF-8 (first bad byte on line {line})"
    try:
        return data.decode("cp1252"), "cp1252", [f"read as Windows-1252 (cp1252) because {why}"]
    except UnicodeDecodeError:
        note = f"read as Latin-1 (ISO-8859-1) because {why} nor valid Windows-1252"
        return data.decode("latin-1"), "latin-1", [note]


def _utf16_without_mark(data: bytes | bytearray) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text saved without a BOM.

    Text of Latin letters in UTF-16 has a NUL in every other byte; read as UTF-8 it would
    be letters between NULs, which cleaning would hide for ASCII and garble for the rest.
    """
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.6 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _strip_leading_blank_lines(text: str) -> tuple[int, str]:
    """Blank lines above the header still count, as they do in a spreadsheet."""
    match = _LEADING_BLANK_LINES.match(text)
    if match is None:
        return 0, text
    return match.group().count("\n"), text[match.end() :]


def _sniff_delimiter(text: str, suffix: str) -> str:
    """Guess the delimiter from a sample; a wrong guess is caught by the header check."""
    if suffix.startswith(".tsv"):
        return "\t"
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rfind("\n")]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","
    first_line = sample.split("\n", 1)[0]
    return delimiter if delimiter in first_line else ","


def _split_header(text: str, delimiter: str, path: Path) -> tuple[list[str], str, int]:
    """Parse the header with the csv module so quoted names keep their commas and newlines.

    Only a head of the text is handed over: wrapping a whole big file in StringIO is slow.
    """
    head = text[:_HEADER_CHARS]
    try:
        buffer = io.StringIO(head, newline="")
        reader = csv.reader(buffer, delimiter=delimiter)
        header = next(reader, [])
        if buffer.tell() >= len(head) and len(head) < len(text):
            buffer = io.StringIO(text, newline="")
            reader = csv.reader(buffer, delimiter=delimiter)
            header = next(reader, [])
    except csv.Error as error:
        if "field limit" not in str(error):
            raise BadInputError(f"the first line cannot be read ({error})", file=path) from None
        raise limits.too_big(
            path,
            "has a first line (the column names) with a name of more than "
            f"{limits.MAX_FIELD_CHARS:,} characters",
            "field",
            f"reads at most {limits.MAX_FIELD_CHARS:,} characters in one value",
            hint=f"a quote that is never closed makes the rest of the file one name ({error})",
        ) from None
    return [name.strip() for name in header], text[buffer.tell() :], reader.line_num


def _check_header(header: list[str], sample: pd.DataFrame, path: Path) -> None:
    """Refuse a file whose first line is data: it would lose that row and mislabel every column.

    Names that are numbers prove nothing (years and ages make good column names). Among the
    others, a name with digits shaped like the values below it ("WA1 1AA" over postcodes,
    "E92000001" over codes) votes "data"; a name repeated as a value (a placeholder) abstains.
    """
    named = [(name, column) for name, column in zip(header, sample.columns, strict=True) if name]
    _, not_numbers = parse_numbers(pd.Series([name for name, _ in named], dtype="str"))
    words = [pair for pair, is_word in zip(named, not_numbers, strict=True) if is_word]
    votes = [_header_vote(name, sample[column]) for name, column in words]
    data_votes, name_votes = votes.count("data"), votes.count("name")
    if not words or data_votes > name_votes:
        raise BadInputError(
            "the first line holds values, not column names",
            file=path,
            hint="add a first line naming each column, e.g. name,postcode,category",
        )


def _header_vote(name: str, values: pd.Series) -> str:
    present = values.dropna()
    if present.empty or (present == name).any():
        return "abstain"
    shape = name.translate(_SHAPE_TABLE)
    shapes = {value.translate(_SHAPE_TABLE) for value in present}
    return "data" if "9" in shape and shape in shapes else "name"


def _parse_csv_body(
    body: str,
    names: list[str],
    positions: list[int],
    delimiter: str,
    path: Path,
    first_line: int,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> pd.DataFrame:
    """Parse in chunks so a big file reports progress and can be cancelled.

    pandas gets UTF-8 bytes whatever the file's encoding: its C parser works on bytes, and a
    StringIO would be copied and re-encoded chunk by chunk.
    """
    if not _NOT_WHITESPACE.search(body):
        return pd.DataFrame({names[i]: pd.Series([], dtype="str") for i in positions})
    total_lines = max(body.count("\n"), 1)
    chunks: list[pd.DataFrame] = []
    reader = pd.read_csv(
        io.BytesIO(body.encode("utf-8")),
        encoding="utf-8",
        sep=delimiter,
        header=None,
        names=names,
        usecols=positions if len(positions) < len(names) else None,
        index_col=False,
        dtype="str",
        keep_default_na=False,
        na_values=[""],
        skip_blank_lines=False,
        chunksize=_CSV_CHUNK_ROWS,
        engine="c",
    )
    try:
        for chunk in reader:
            check_cancelled(cancelled)
            chunks.append(chunk)
            done = sum(len(c) for c in chunks)
            steps(min(done / total_lines, 0.99), f"Read {done:,} rows of {path.name}")
    except pd.errors.ParserError as error:
        raise _field_count_error(error, path, first_line) from None
    finally:
        reader.close()
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


def _field_count_error(error: pd.errors.ParserError, path: Path, first_line: int) -> BadInputError:
    match = _PANDAS_FIELD_COUNT.search(str(error))
    if match is None:
        return BadInputError(f"the file cannot be read as CSV ({error})", file=path)
    expected, line, seen = (int(group) for group in match.groups())
    return _too_many_values(path, first_line + line - 1, seen, expected)


def _check_value_counts(
    body: str,
    delimiter: str,
    expected: int,
    path: Path,
    first_line: int,
    cancelled: CancelledFn | None,
) -> None:
    """Refuse a line with more values than the header names, as pandas does for the columns
    it parses: a value holding an unquoted delimiter would shift the columns asked for."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader):
            if len(record) > expected:
                raise _too_many_values(
                    path, first_line + reader.line_num - 1, len(record), expected
                )
            if number % _CSV_CHUNK_ROWS == 0:
                check_cancelled(cancelled)
    except csv.Error as error:
        raise BadInputError(f"the file cannot be read as CSV ({error})", file=path) from None


def _too_many_values(path: Path, line: int, seen: int, expected: int) -> BadInputError:
    return BadInputError(
        f"this line has {seen} values but the header names {expected} columns",
        file=path,
        row=line,
        row_noun="line",
        hint="a value holding the delimiter must be in double quotes",
    )


def _drop_blank_rows(
    frame: pd.DataFrame, row_numbers: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Blank records are spreadsheet padding, not data; the survivors keep their numbers."""
    keep = ~frame.isna().all(axis=1).to_numpy()
    if keep.all():
        return frame, row_numbers
    return frame[keep].reset_index(drop=True), row_numbers[keep]


# --- XLSX ------------------------------------------------------------------------------------


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
            f"the file is not a readable Excel workbook ({error})", file=path
        ) from None


def _xlsx_layers(path: Path) -> list[LayerInfo]:
    book = _open_workbook(path)
    try:
        return [
            LayerInfo(sheet.title, None, max(sheet.max_row - 1, 0) if sheet.max_row else None)
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def _read_xlsx(
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
            f"the file is not a readable Excel workbook ({error})", file=path
        ) from None
    finally:
        book.close()
    header_index, notes = _xlsx_header_index(cells)
    if header_index is None:
        raise BadInputError(f"sheet '{title}' is empty", file=path)
    frame, names, name_notes = _xlsx_frame(cells, header_index, wanted, path)
    first_row = header_index + 2
    frame, row_numbers = _drop_blank_rows(frame, np.arange(len(frame)) + first_row)
    table = Table(frame, None, None, path, title, row_numbers, "row", None, notes + name_notes)
    table.file_columns = names
    return _cleaned(table)


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
            _check_rows(path, number - 1)
            for cell in row:
                if cell["value"] is not None:
                    rows.append(number - 1)
                    columns.append(cell["column"] - 1)
                    values.append(cell["value"])
            if count % _XLSX_CHUNK_ROWS == 0:
                check_cancelled(cancelled)
                _check_values(path, len(values))
                parser.row_dimensions.clear()  # row formatting, unused, one entry per row
                steps(min(number / total, 0.99) if total else 0.5, f"Read {number:,} rows")
    _check_values(path, len(values))
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
    label = f"row {titles[0]}" if len(titles) == 1 else f"rows {', '.join(titles)}"
    return header, [f"skipped {label} above the table: it looks like a title"]


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
        _check_columns(path, len(kept))
        chosen = list(range(len(kept)))
    else:
        chosen = [j for j, name in enumerate(all_names) if name in wanted]
        _check_columns(path, len(chosen), asked=True)
    _check_cells(path, height, len(chosen))
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
            f"there is no sheet called '{sheet_name}'",
            file=path,
            hint="sheets: " + ", ".join(book.sheetnames),
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


# --- vector files ------------------------------------------------------------------------------


def _vsizip(path: Path, member: str) -> str:
    base = f"/vsizip/{path.resolve().as_posix()}"
    return f"{base}/{member}" if member else base


def _zip_members(path: Path) -> list[str]:
    """File names in a zip, without the folders and macOS '._' files zip tools add."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise BadInputError(
            f"the file is not a readable zip archive ({error})", file=path
        ) from None
    return [
        name
        for name in names
        if not name.endswith("/")
        and not name.startswith("__MACOSX/")
        and not PurePosixPath(name).name.startswith("._")
    ]


def _zip_shapefiles(path: Path) -> dict[str, str]:
    """Layer name -> member path for each shapefile in a zip, in archive order."""
    members = [name for name in _zip_members(path) if name.lower().endswith(".shp")]
    stems = [PurePosixPath(name).stem for name in members]
    unique = len(set(stems)) == len(stems)
    return {
        (stem if unique else name[:-4]): name for stem, name in zip(stems, members, strict=True)
    }


def _zip_vector_member(path: Path) -> str:
    for name in _zip_members(path):
        if name.lower().endswith(_VECTOR_IN_ZIP):
            return name
    raise BadInputError(
        "the zip holds no shapefile (.shp) or other file assetmap can read",
        file=path,
        hint="a zipped shapefile needs its .shp, .shx, .dbf and .prj files",
    )


def _check_archive(path: Path, cancelled: CancelledFn | None) -> archives.Unpacked | None:
    """Unpack a zip or gzip once within the bounds before GDAL opens it (core.io.archives)."""
    suffix = file_suffix(path)
    if suffix == ".zip":
        return archives.check_zip(path, cancelled=cancelled)
    if suffix.endswith(".gz"):
        return archives.check_gzip(path, cancelled=cancelled)
    return None


def _read_zipped_shapefile(
    path: Path, layer: str | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    shapefiles = _zip_shapefiles(path)
    if layer is None and len(shapefiles) > 1:
        raise _choose_layer_error(path, list(shapefiles))
    name = layer if layer is not None else next(iter(shapefiles))
    if name not in shapefiles:
        raise _missing_layer_error(path, name, list(shapefiles))
    table = _read_vector(path, _vsizip(path, shapefiles[name]), None, None, steps, cancelled)
    table.layer = name
    return table


def _read_vector(
    path: Path,
    source: str,
    layer: str | None,
    unpacked: archives.Unpacked | None,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> Table:
    """Read through GDAL's Arrow stream, checking the file's width before any feature.

    GDAL's cost grows with the square of a GeoJSON's properties (100,000 took 8 minutes
    to read, 1.5 s to open), so the width is checked on opening; rows are counted batch by
    batch, which is also where a cancel is noticed.
    """
    if file_suffix(source) == ".gpkg":
        layer = _chosen_gpkg_layer(path, source, layer)
    steps(0.0, f"Reading {path.name}")
    patched, nul_notes = _json_with_nul_stand_ins(path, source, unpacked)
    try:
        with warnings.catch_warnings(record=True) as gdal_warnings:
            warnings.simplefilter("always", RuntimeWarning)
            with pyogrio.open_arrow(
                source if patched is None else patched,
                layer=layer,
                use_pyarrow=True,
                batch_size=_VECTOR_BATCH_ROWS,
            ) as (meta, reader):
                _check_columns(path, len(meta["fields"]))
                arrow = _arrow_batches(path, reader, len(meta["fields"]), steps, cancelled)
    except (*_GDAL_ERRORS, pa.ArrowInvalid, pa.ArrowIOError) as error:  # damaged mid-stream
        raise _gdal_error(path, source, error) from None
    geometry_name = meta["geometry_name"] or "wkb_geometry"
    geometry, issues = None, GeometryIssues()
    if geometry_name in arrow.column_names:
        # One by one where GEOS refuses a geometry: the others are kept (damaged_geometry).
        with warnings.catch_warnings():  # NaN coordinates: numpy's "invalid value" warning
            warnings.simplefilter("ignore", RuntimeWarning)
            geometry, issues = decode(_wkb_values(arrow.column(geometry_name)))
        arrow = arrow.drop_columns([geometry_name])
    try:
        frame = arrow.to_pandas(self_destruct=True)
    except UnicodeDecodeError:
        raise BadInputError(
            "its text is not in UTF-8 and does not say which encoding it uses",
            file=path,
            hint="for a shapefile, add a .cpg file naming the encoding (e.g. UTF-8 or 1252)",
        ) from None
    crs = pyproj.CRS.from_user_input(meta["crs"]) if meta["crs"] else None
    table = _vector_table(frame, geometry, crs, path, layer)
    table.geometry_issues = issues
    table.notes += nul_notes + _gdal_warning_notes(gdal_warnings)
    return _cleaned(table, nul_stand_in=patched is not None)


def _gdal_warning_notes(gdal_warnings: list[warnings.WarningMessage]) -> list[str]:
    """GDAL's warnings (a geometry it could not parse and left empty) go in the report, not
    stderr."""
    said = dict.fromkeys(
        str(w.message)
        for w in gdal_warnings
        if w.category is RuntimeWarning
        and "pyogrio" in w.filename
        and not str(w.message).startswith(_REPORTED_PER_FEATURE)
    )
    return [f"GDAL: {message}" for message in list(said)[:5]]


def _json_with_nul_stand_ins(
    path: Path, source: str, unpacked: archives.Unpacked | None
) -> tuple[bytes | None, list[str]]:
    """A GeoJSON holding \\u0000, with a stand-in for each NUL; None for any other file.

    GDAL ends a text at a NUL, silently losing the rest of the value (and of a property's
    name). The stand-in survives GDAL; cleaning then removes it and reports it as the NUL it
    was. Only files that hold a NUL pay for the copy in memory, and only up to
    MAX_TABLE_BYTES; a bigger one is read as it is, with a note.
    """
    if not source.lower().endswith(_JSON_SOURCES):
        return None, []
    if unpacked is None:
        found = {"": path.stat().st_size} if archives.json_has_nul(path) else {}
    else:
        found = unpacked.nul_escapes
    member = next((m for m in found if m == "" or source.endswith(f"/{m}")), None)
    if member is None:
        return None, []
    if found[member] > limits.MAX_TABLE_BYTES:
        lost = "text after a NUL character (\\u0000) is lost: the file is too big to keep it"
        return None, [lost]
    if unpacked is None:
        data = path.read_bytes()
    elif member == "":
        data = archives.read_gzip(path)
    else:
        data = archives.read_member(path, member)
    return _JSON_NUL.sub(_JSON_NUL_STAND_IN, data), []


def _arrow_batches(
    path: Path,
    reader: pa.RecordBatchReader,
    width: int,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> pa.Table:
    batches = []
    rows = 0
    for batch in reader:
        check_cancelled(cancelled)
        rows += batch.num_rows
        _check_rows(path, rows)
        _check_cells(path, rows, width)
        batches.append(batch)
        steps(0.5, f"Read {rows:,} features of {path.name}")
    return pa.Table.from_batches(batches, schema=reader.schema)


def _wkb_values(column: pa.ChunkedArray) -> np.ndarray:
    """GDAL's WKB as bytes (None where missing), from tagged or plain binary."""
    if isinstance(column.type, pa.ExtensionType):
        storage = [chunk.storage for chunk in column.chunks]
        column = pa.chunked_array(storage, column.type.storage_type)
    values: np.ndarray = column.to_numpy(zero_copy_only=False)
    return values


def _vector_table(
    frame: pd.DataFrame,
    geometry: np.ndarray | None,
    crs: pyproj.CRS | None,
    path: Path,
    layer: str | None,
) -> Table:
    notes = _geometry_notes(geometry, crs) if geometry is not None else []
    names, name_notes = unique_column_names([str(name).strip() for name in frame.columns])
    frame = frame.set_axis(names, axis=1) if names != list(frame.columns) else frame
    frame = frame.reset_index(drop=True)
    row_numbers = np.arange(1, len(frame) + 1)
    return Table(
        frame, geometry, crs, path, layer, row_numbers, "feature", None, notes + name_notes
    )


def _geometry_notes(geometry: np.ndarray, crs: pyproj.CRS | None) -> list[str]:
    notes = []
    if crs is None:
        notes.append("the file does not say which coordinate reference system it uses")
    missing = int(pd.isna(geometry).sum())
    if missing:
        notes.append(f"{missing:,} features have no geometry")
    return notes


def _single_layer_name(path: Path) -> str:
    """A CSV's one pseudo-layer is named after the file."""
    return path.name[: -len(file_suffix(path))] or path.name


def _gdal_layer_names(path: Path, source: str) -> list[str]:
    try:
        return [str(name) for name in pyogrio.list_layers(source)[:, 0]]
    except _GDAL_ERRORS as error:
        raise _gdal_error(path, source, error) from None


def _chosen_gpkg_layer(path: Path, source: str, layer: str | None) -> str:
    names = _gdal_layer_names(path, source)
    if layer is None:
        if len(names) == 1:
            return names[0]
        raise _choose_layer_error(path, names)
    if layer not in names:
        raise _missing_layer_error(path, layer, names)
    return layer


def _vector_layer_info(path: Path, source: str, layer: str | None, name: str) -> LayerInfo:
    try:
        info = pyogrio.read_info(source, layer=layer)
    except _GDAL_ERRORS as error:
        raise _gdal_error(path, source, error) from None
    count = int(info["features"])
    return LayerInfo(name, info["geometry_type"], count if count >= 0 else None)


def _choose_layer_error(path: Path, names: list[str]) -> BadInputError:
    return BadInputError(
        f"the file has {len(names)} layers; choose one",
        file=path,
        hint="layers: " + ", ".join(names),
    )


def _missing_layer_error(path: Path, layer: str, names: list[str]) -> BadInputError:
    return BadInputError(
        f"there is no layer called '{layer}'", file=path, hint="layers: " + ", ".join(names)
    )


def _gdal_error(path: Path, source: str, error: Exception) -> BadInputError:
    """GDAL's reason, without its driver advice and with the file's name instead of a /vsi path."""
    reason = _GDAL_ADVICE.sub("", str(error)).strip()
    reason = reason.replace(f"'{source}'", "it").replace(source, path.name).rstrip(".")
    geojson = file_suffix(path) in (".geojson", ".geojson.gz", ".json", ".json.gz")
    return BadInputError(
        f"GDAL cannot read it: {reason}",
        file=path,
        row=first_broken_feature(path) if geojson else None,
        row_noun="feature",
        hint="check that the file is complete and in the format its name says",
    )
