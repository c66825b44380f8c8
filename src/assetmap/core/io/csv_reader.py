"""Read a CSV (or TSV, or gzipped either) as text: decode it, guess its delimiter, check
that its first line names the columns, and parse it in chunks that report progress.
"""

from __future__ import annotations

import csv
import io
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io import archives, control_chars, limits
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.io.read_bounds import check_cells, check_columns, cleaned
from assetmap.core.io.table import (
    Table,
    drop_blank_rows,
    file_suffix,
    rows_read,
    unique_column_names,
)
from assetmap.core.progress import CancelledFn, Steps, check_cancelled

_CSV_CHUNK_ROWS = 100_000
_SNIFF_CHARS = 32_768
_HEADER_CHARS = 65_536
_HEADER_SAMPLE_ROWS = 50
_SHAPE_TABLE = str.maketrans(
    string.digits + string.ascii_uppercase + string.ascii_lowercase, "9" * 10 + "A" * 26 + "a" * 26
)
_NOT_WHITESPACE = re.compile(r"\S")
_DELIMITERS = ",;\t|"
_DELIMITER_NAMES = {
    ";": translatable("columns are separated by semicolons"),
    "\t": translatable("columns are separated by tabs"),
    "|": translatable("columns are separated by pipes (|)"),
}
_PANDAS_FIELD_COUNT = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+")


def read_csv(
    path: Path, wanted: frozenset[str] | None, steps: Steps, cancelled: CancelledFn | None
) -> Table:
    gzipped = file_suffix(path).endswith(".gz")
    data = archives.read_table_bytes(path, gzipped=gzipped, cancelled=cancelled)
    text, encoding, notes = decode_text(data)
    scan = control_chars.TextScan.of_bytes(data, encoding)
    del data
    leading_blank, text = _strip_leading_blank_lines(text)
    if not _NOT_WHITESPACE.search(text):
        raise BadInputError(translated("the file is empty"), file=path)
    delimiter = _sniff_delimiter(text, file_suffix(path))
    if delimiter in _DELIMITER_NAMES:
        notes.append(translated(_DELIMITER_NAMES[delimiter]))
    header, body, header_lines = _split_header(text, delimiter, path)
    del text
    if not any(header):
        raise BadInputError(translated("the first line holds no column names"), file=path)
    positions = _wanted_positions(header, wanted, path)
    # A file within the column bound is parsed whole, as pandas checks each line's values
    # against the header only for the columns it parses; a wider one only for the columns
    # asked for, its lines checked by the csv module first.
    parsed = positions if len(header) > limits.MAX_COLUMNS else list(range(len(header)))
    check_cells(path, body.count("\n") + 1, len(parsed))
    all_names, name_notes = unique_column_names(header)
    first_line = leading_blank + header_lines + 1
    if len(parsed) < len(header):
        _check_value_counts(body, delimiter, len(header), path, first_line, cancelled)
    frame = _parse_csv_body(body, all_names, parsed, delimiter, path, first_line, steps, cancelled)
    del body
    if parsed:  # none of the columns asked for: the caller says which are missing
        _check_header([header[i] for i in parsed], frame.head(_HEADER_SAMPLE_ROWS), path)
    frame, row_numbers = drop_blank_rows(frame, np.arange(len(frame)) + leading_blank + 2)
    if len(positions) < len(frame.columns):
        frame = frame[[all_names[i] for i in positions]]
    table = Table(frame, None, None, path, None, row_numbers, "row", encoding, notes + name_notes)
    table.file_columns = all_names
    return cleaned(table, scan=scan)


def _wanted_positions(header: list[str], wanted: frozenset[str] | None, path: Path) -> list[int]:
    """The columns to read: all, or those asked for; either way at most MAX_COLUMNS."""
    if wanted is None:
        check_columns(path, len(header))
        return list(range(len(header)))
    positions = [i for i, name in enumerate(header) if name in wanted]
    check_columns(path, len(positions), asked=True)
    return positions


def decode_text(data: bytes | bytearray) -> tuple[str, str, list[str]]:
    """Decode as UTF-8 (dropping any BOM) and fall back to the encodings Excel writes.

    cp1252 is tried before latin-1 because Excel on Windows saves "CSV" in it; latin-1 never
    fails, so it is the last resort rather than a guess.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        note = translated("read as UTF-16 (the file starts with a UTF-16 byte-order mark)")
        return data.decode("utf-16"), "utf-16", [note]
    unmarked = _utf16_without_mark(data)
    if unmarked is not None:
        try:
            text = data.decode(unmarked)
        except UnicodeDecodeError:
            pass
        else:
            note = translated("read as UTF-16 ({order}, without a byte-order mark)").format(
                order=unmarked[-2:].upper()
            )
            return text, unmarked, [note]
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode("utf-8-sig"), encoding, []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    why = translated("the file is not valid UTF-8 (first bad byte on line {line})").format(
        line=line
    )
    try:
        note = translated("read as Windows-1252 (cp1252) because {why}").format(why=why)
        return data.decode("cp1252"), "cp1252", [note]
    except UnicodeDecodeError:
        note = translated(
            "read as Latin-1 (ISO-8859-1) because {why} nor valid Windows-1252"
        ).format(why=why)
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
            raise BadInputError(
                translated("the first line cannot be read ({error})").format(error=error), file=path
            ) from None
        raise limits.too_big(
            path,
            translated(
                "has a first line (the column names) with a name of more than {n:,} characters"
            ).format(n=limits.MAX_FIELD_CHARS),
            "field",
            translated("reads at most {n:,} characters in one value").format(
                n=limits.MAX_FIELD_CHARS
            ),
            hint=translated(
                "a quote that is never closed makes the rest of the file one name ({error})"
            ).format(error=error),
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
            translated("the first line holds values, not column names"),
            file=path,
            hint=translated("add a first line naming each column, e.g. name,postcode,category"),
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
            steps(min(done / total_lines, 0.99), rows_read(done, "row", path.name))
    except pd.errors.ParserError as error:
        raise _field_count_error(error, path, first_line) from None
    finally:
        reader.close()
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


def _field_count_error(error: pd.errors.ParserError, path: Path, first_line: int) -> BadInputError:
    match = _PANDAS_FIELD_COUNT.search(str(error))
    if match is None:
        return _not_csv(error, path)
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
        raise _not_csv(error, path) from None


def _too_many_values(path: Path, line: int, seen: int, expected: int) -> BadInputError:
    return BadInputError(
        translated("this line has {seen} values but the header names {expected} columns").format(
            seen=seen, expected=expected
        ),
        file=path,
        row=line,
        row_noun="line",
        hint=translated("a value holding the delimiter must be in double quotes"),
    )


def _not_csv(error: Exception, path: Path) -> BadInputError:
    message = translated("the file cannot be read as CSV ({error})").format(error=error)
    return BadInputError(message, file=path)
