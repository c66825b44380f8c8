"""Read every file the importers accept into one shape, so each importer is written once.

Tabular files (CSV, XLSX) come back as text only: guessing types here would turn postcodes,
codes and phone numbers with leading zeros into numbers and lose them. Vector files come back
with the types GDAL gives. Every row carries the number the user sees in their own software, so
a report can point at the right line.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
import string
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors
import pyproj
from shapely.errors import GEOSException

from assetmap.core.errors import BadInputError
from assetmap.core.io.damaged_geometry import GeometryIssues, read_feature_by_feature
from assetmap.core.io.geojson_position import first_broken_feature
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

try:
    import pyarrow  # noqa: F401

    _USE_ARROW = True
except ImportError:  # pragma: no cover - pyarrow is optional for pandas and pyogrio
    _USE_ARROW = False

_CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz")
_XLSX_SUFFIXES = (".xlsx",)
_VECTOR_SUFFIXES = (".geojson", ".geojson.gz", ".json", ".json.gz", ".gpkg", ".shp", ".zip")
SUPPORTED_SUFFIXES: tuple[str, ...] = _CSV_SUFFIXES + _XLSX_SUFFIXES + _VECTOR_SUFFIXES
_VECTOR_IN_ZIP = (".gpkg", ".geojson", ".json")

_CSV_CHUNK_ROWS = 100_000
_XLSX_CHUNK_ROWS = 5_000
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
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Table:
    """Read a whole file, or raise BadInputError saying what is wrong with it."""
    path = _checked_path(path)
    check_cancelled(cancelled)
    steps = Steps(progress)
    suffix = file_suffix(path)
    if suffix in _CSV_SUFFIXES:
        table = _read_csv(path, steps, cancelled)
    elif suffix in _XLSX_SUFFIXES:
        table = _read_xlsx(path, layer, steps, cancelled)
    elif suffix == ".zip" and _zip_shapefiles(path):
        table = _read_zipped_shapefile(path, layer, steps, cancelled)
    else:
        table = _read_vector(path, gdal_path(path), layer, steps, cancelled)
    steps(1.0, f"Read {len(table):,} {table.row_noun}s from {path.name}")
    return table


def unique_column_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Give blank and repeated column names a usable name, and say so in the report."""
    taken = {name for name in names if name}
    result: list[str] = []
    notes: list[str] = []
    for position, name in enumerate(names, start=1):
        if not name:
            new = _free_name(f"column_{position}", taken)
            notes.append(f"column {position} has no name; it is called '{new}'")
        elif name in result:
            new = _free_name(name, taken)
            notes.append(f"more than one column is called '{name}'; column {position} is '{new}'")
        else:
            new = name
        taken.add(new)
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


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(path: Path, steps: Steps, cancelled: CancelledFn | None) -> Table:
    text, encoding, notes = decode_text(_file_bytes(path))
    leading_blank, text = _strip_leading_blank_lines(text)
    if not _NOT_WHITESPACE.search(text):
        raise BadInputError("the file is empty", file=path)
    delimiter = _sniff_delimiter(text, file_suffix(path))
    if delimiter in _DELIMITER_NAMES:
        notes.append(f"columns are separated by {_DELIMITER_NAMES[delimiter]}")
    header, body, header_lines = _split_header(text, delimiter)
    if not any(header):
        raise BadInputError("the first line holds no column names", file=path)
    names, name_notes = unique_column_names(header)
    first_line = leading_blank + header_lines + 1
    frame = _parse_csv_body(body, names, delimiter, path, first_line, steps, cancelled)
    _check_header(header, frame.head(_HEADER_SAMPLE_ROWS), path)
    frame, row_numbers = _drop_blank_rows(frame, np.arange(len(frame)) + leading_blank + 2)
    return Table(frame, None, None, path, None, row_numbers, "row", encoding, notes + name_notes)


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if not file_suffix(path).endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise BadInputError(f"the file is not a complete gzip file ({error})", file=path) from None


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """Decode as UTF-8 (dropping any BOM) and fall back to the encodings Excel writes.

    cp1252 is tried before latin-1 because Excel on Windows saves "CSV" in it; latin-1 never
    fails, so it is the last resort rather than a guess.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        note = "read as UTF-16 (the file starts with a UTF-16 byte-order mark)"
        return data.decode("utf-16"), "utf-16", [note]
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


def _split_header(text: str, delimiter: str) -> tuple[list[str], str, int]:
    """Parse the header with the csv module so quoted names keep their commas and newlines.

    Only a head of the text is handed over: wrapping a whole big file in StringIO is slow.
    """
    head = text[:_HEADER_CHARS]
    buffer = io.StringIO(head, newline="")
    reader = csv.reader(buffer, delimiter=delimiter)
    header = next(reader, [])
    if buffer.tell() >= len(head) and len(head) < len(text):
        buffer = io.StringIO(text, newline="")
        reader = csv.reader(buffer, delimiter=delimiter)
        header = next(reader, [])
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
        return pd.DataFrame({name: pd.Series([], dtype="str") for name in names})
    total_lines = max(body.count("\n"), 1)
    chunks: list[pd.DataFrame] = []
    reader = pd.read_csv(
        io.BytesIO(body.encode("utf-8")),
        encoding="utf-8",
        sep=delimiter,
        header=None,
        names=names,
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
    return BadInputError(
        f"this line has {seen} values but the header names {expected} columns",
        file=path,
        row=first_line + line - 1,
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
    """openpyxl is imported here only: it is slow to import and most inputs are not XLSX."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

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
    path: Path, sheet_name: str | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    book = _open_workbook(path)
    try:
        sheet = _choose_sheet(book, sheet_name, path)
        rows = _sheet_rows(sheet, steps, cancelled)
        title = sheet.title
    finally:
        book.close()
    header_index, notes = _xlsx_header_index(rows)
    if header_index is None:
        raise BadInputError(f"sheet '{title}' is empty", file=path)
    frame, name_notes = _xlsx_frame(rows[header_index], rows[header_index + 1 :])
    first_row = header_index + 2
    frame, row_numbers = _drop_blank_rows(frame, np.arange(len(frame)) + first_row)
    return Table(frame, None, None, path, title, row_numbers, "row", None, notes + name_notes)


def _xlsx_header_index(rows: list[tuple[object, ...]]) -> tuple[int | None, list[str]]:
    """The header is the first row with more than one value when a table follows a title.

    Council workbooks often put a one-cell title and a blank line above the table; taking the
    title for the header would name one column and leave the rest unnamed.
    """
    non_empty: list[tuple[int, int]] = []
    for index, row in enumerate(rows):
        count = sum(_filled(value) for value in row)
        if count:
            non_empty.append((index, count))
        if len(non_empty) == _XLSX_TITLE_SCAN_ROWS:
            break
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
    header_row: tuple[object, ...], body: list[tuple[object, ...]]
) -> tuple[pd.DataFrame, list[str]]:
    """Text columns named from the header; unnamed columns holding nothing are left out.

    Read-only sheets pad every row to the sheet's width, which formatting alone can stretch.
    """
    width = max([len(header_row)] + [len(row) for row in body])
    header = [(_cell_text(value) or "").strip() for value in header_row]
    header += [""] * (width - len(header))
    padded = [row + (None,) * (width - len(row)) for row in body]
    raw = pd.DataFrame(padded, columns=range(width), dtype=object)  # object: no float rounding
    keep = [i for i in range(width) if header[i] or raw[i].notna().any()]
    names, notes = unique_column_names([header[i] for i in keep])
    frame = pd.DataFrame(
        {
            name: raw[i].map(_cell_text, na_action="ignore").astype("str")
            for name, i in zip(names, keep, strict=True)
        },
        index=raw.index,
    )
    return frame, notes


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


def _sheet_rows(
    sheet: ReadOnlyWorksheet, steps: Steps, cancelled: CancelledFn | None
) -> list[tuple[object, ...]]:
    """All rows from row 1, blank ones included, so list positions are Excel row numbers."""
    total = sheet.max_row or 0
    rows: list[tuple[object, ...]] = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(row)
        if len(rows) % _XLSX_CHUNK_ROWS == 0:
            check_cancelled(cancelled)
            steps(min(len(rows) / total, 0.99) if total else 0.5, f"Read {len(rows):,} rows")
    return rows


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
    return str(value)


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


def _read_zipped_shapefile(
    path: Path, layer: str | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    shapefiles = _zip_shapefiles(path)
    if layer is None and len(shapefiles) > 1:
        raise _choose_layer_error(path, list(shapefiles))
    name = layer if layer is not None else next(iter(shapefiles))
    if name not in shapefiles:
        raise _missing_layer_error(path, name, list(shapefiles))
    table = _read_vector(path, _vsizip(path, shapefiles[name]), None, steps, cancelled)
    table.layer = name
    return table


def _read_vector(
    path: Path, source: str, layer: str | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    """One pyogrio call: GDAL reads in C, so progress is only before and after."""
    if file_suffix(source) == ".gpkg":
        layer = _chosen_gpkg_layer(path, source, layer)
    steps(0.0, f"Reading {path.name}")
    issues = GeometryIssues()
    try:
        with warnings.catch_warnings(record=True) as gdal_warnings:
            warnings.simplefilter("always", RuntimeWarning)
            try:
                gdf = pyogrio.read_dataframe(source, layer=layer, use_arrow=_USE_ARROW)
            except GEOSException:  # one broken geometry fails the lot: read them one by one
                gdf, issues = read_feature_by_feature(source, layer, use_arrow=_USE_ARROW)
    except _GDAL_ERRORS as error:
        raise _gdal_error(path, source, error) from None
    check_cancelled(cancelled)
    table = _vector_table(gdf, path, layer)
    table.geometry_issues = issues
    # GDAL's warnings (a geometry it could not parse and left empty) go in the report, not stderr.
    said = dict.fromkeys(
        str(w.message)
        for w in gdal_warnings
        if w.category is RuntimeWarning
        and "pyogrio" in w.filename
        and not str(w.message).startswith(_REPORTED_PER_FEATURE)
    )
    table.notes += [f"GDAL: {message}" for message in list(said)[:5]]
    return table


def _vector_table(gdf: pd.DataFrame, path: Path, layer: str | None) -> Table:
    geometry_name = getattr(gdf, "_geometry_column_name", None)
    geometry = None
    crs = None
    notes: list[str] = []
    if geometry_name is not None and geometry_name in gdf.columns:
        geometry = gdf[geometry_name].array.to_numpy()
        crs = gdf.crs
        gdf = pd.DataFrame(gdf.drop(columns=geometry_name))
        notes += _geometry_notes(geometry, crs)
    names, name_notes = unique_column_names([str(name).strip() for name in gdf.columns])
    frame = gdf.set_axis(names, axis=1) if names != list(gdf.columns) else gdf
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
