"""Control characters in imported text: removed (tab and new line kept), and reported.

Nobody types them: they arrive from copy-paste out of old systems, terminal colour codes (ESC),
NUL padding, FileMaker's vertical tab for a line break. They are invisible in a table, garble a
terminal, and XLSX cannot hold most of them (XML 1.0 forbids them), so an import that kept them
made an export fail later. Every importer reads through core.io.readers, which cleans every
value and column name here, so what reaches a project is text every exporter can write.

Line breaks stay line breaks: CR and CRLF become a new line without a note (that is only how
Windows ends lines), and vertical tab, form feed and NEL (U+0085) become a new line with one.
The other C0 controls (U+0000 to U+001F but tab and new line), DEL and the C1 controls
(U+0080 to U+009F) are removed, and the report says how many values of which column, on which
rows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assetmap.core.i18n import translatable, translated

NUL_STAND_IN = "\U0010fffd"
"""Stands for a NUL that a reader would otherwise lose (GDAL ends text at a NUL): the last
private-use character, which no real text uses. Cleaning removes it and reports a NUL."""

_PATTERN = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # everything to clean, CR included
_ANY = re.compile(_PATTERN)
_REPORTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, LF and CR
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85]")
_REMOVED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BECOME_NEW_LINES = frozenset("\x0b\x0c\x85")
_NAMES = {
    "\x00": "NUL",
    "\x07": "bell",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "ESC",
    "\x7f": "DEL",
    "\x85": "NEL",
}
_ROWS_SHOWN = 5

# Which rows held them, by what the file is made of: one, then several.
_ROWS_LISTED = {
    "row": (translatable("row {rows}"), translatable("rows {rows}")),
    "line": (translatable("line {rows}"), translatable("lines {rows}")),
    "feature": (translatable("feature {rows}"), translatable("features {rows}")),
    "record": (translatable("record {rows}"), translatable("records {rows}")),
}
_C0 = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F}  # and DEL; not tab, LF, CR
_NOT_C0_BYTES = bytes(code for code in range(256) if code not in _C0)
_NOT_C0_OR_C1_BYTES = bytes(code for code in range(256) if code not in _C0 | {*range(0x80, 0xA0)})
_UTF8_C1 = re.compile(rb"\xc2[\x80-\x9f]")


@dataclass(frozen=True)
class TextScan:
    """What a whole file's text holds, found in one pass, so that columns are searched only
    for what is there: Windows files hold a CR on every line but rarely one inside a value, and
    a plain search for CR is four times faster than the full pattern."""

    controls: bool  # anything reported (all but tab, LF and CR)
    carriage_returns: bool

    @classmethod
    def of_bytes(cls, data: bytes | bytearray, encoding: str) -> TextScan:
        """Scan the bytes the text was decoded from: a regular expression over the text of a
        160 MB file took 2 s, deleting every other byte with translate takes 0.2 s."""
        if encoding == "latin-1":
            found = bool(data.translate(None, _NOT_C0_OR_C1_BYTES))
        elif encoding.startswith(("utf-8", "cp1252")):  # cp1252 has no C1: 80-9F are letters
            found = bool(data.translate(None, _NOT_C0_BYTES))
            found = found or (encoding != "cp1252" and _UTF8_C1.search(data) is not None)
        else:  # UTF-16: let each column be searched
            found = True
        return cls(found, b"\r" in data)


def clean(value: str, *, nul_stand_in: bool = False) -> str:
    """The value with line breaks made new lines and other control characters removed."""
    if nul_stand_in:
        value = value.replace(NUL_STAND_IN, "")
    return _REMOVED.sub("", _LINE_BREAK.sub("\n", value))


def clean_frame(
    frame: pd.DataFrame,
    row_numbers: np.ndarray,
    row_noun: str,
    *,
    nul_stand_in: bool = False,
    scan: TextScan | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Clean every column name and text value; notes say what changed, and where.

    ``scan`` is what the file's whole text holds, when the reader had it (CSV).
    """
    if scan is not None and not (scan.controls or scan.carriage_returns):
        return frame, []
    only_cr = scan is not None and not scan.controls
    names, notes = _clean_names([str(name) for name in frame.columns], nul_stand_in)
    if names != [str(name) for name in frame.columns]:
        frame = frame.set_axis(names, axis=1)
    copied = False
    for position, name in enumerate(names):
        values = frame.iloc[:, position]
        dirty = _dirty(values, nul_stand_in, only_cr)
        if not dirty.any():
            continue
        before = values[dirty]
        reported = before.map(lambda text: _is_reported(text, nul_stand_in)).to_numpy(bool)
        if reported.any():
            rows = row_numbers[dirty.to_numpy()][reported]
            notes.append(_note(name, _kinds(before[reported], nul_stand_in), rows, row_noun))
        if not copied:
            frame, copied = frame.copy(), True
        column = values.copy()
        column[dirty] = before.map(lambda text: clean(text, nul_stand_in=nul_stand_in))
        # pandas takes a Series here; pandas-stubs only a scalar
        frame.isetitem(position, column)  # type: ignore[arg-type]
    return frame, notes


def _clean_names(names: list[str], nul_stand_in: bool) -> tuple[list[str], list[str]]:
    cleaned = []
    notes = []
    for position, name in enumerate(names, start=1):
        kinds = _kinds([name], nul_stand_in)
        dirty = _ANY.search(name) is not None or (nul_stand_in and NUL_STAND_IN in name)
        new = clean(name, nul_stand_in=nul_stand_in).strip() if dirty else name
        if kinds:
            listed = ", ".join(_kind_names(kinds))
            notes.append(
                translated(
                    "control characters removed from the name of column {position} ({listed}): "
                    "it is '{new}'"
                ).format(position=position, listed=listed, new=new)
            )
        cleaned.append(new)
    return cleaned, notes


def _dirty(values: pd.Series, nul_stand_in: bool, only_cr: bool = False) -> pd.Series:
    """Which values hold something to clean; vectorised for text columns."""
    if pd.api.types.is_string_dtype(values) and not pd.api.types.is_object_dtype(values):
        if only_cr:
            return values.str.contains("\r", regex=False, na=False).astype(bool)
        dirty = values.str.contains(_PATTERN, regex=True, na=False)
        if nul_stand_in:
            dirty |= values.str.contains(NUL_STAND_IN, regex=False, na=False)
        return dirty.astype(bool)
    if not pd.api.types.is_object_dtype(values):
        return pd.Series(False, index=values.index)
    return values.map(
        lambda value: (
            isinstance(value, str)
            and (_ANY.search(value) is not None or (nul_stand_in and NUL_STAND_IN in value))
        )
    ).astype(bool)


def _is_reported(text: str, nul_stand_in: bool) -> bool:
    return _REPORTED.search(text) is not None or (nul_stand_in and NUL_STAND_IN in text)


def _kinds(values: Iterable[str], nul_stand_in: bool) -> Counter[str]:
    """How many of each reported control character; CR and CRLF are not worth a note."""
    counts: Counter[str] = Counter()
    for text in values:
        counts.update(_REPORTED.findall(text))
        if nul_stand_in:
            counts["\x00"] += text.count(NUL_STAND_IN)
    return +counts


def _kind_names(kinds: Counter[str]) -> list[str]:
    out = []
    for char, count in sorted(kinds.items()):
        name = _NAMES.get(char, f"U+{ord(char):04X}")
        if count > 1:
            name += f" ×{count:,}"
        if char in _BECOME_NEW_LINES:
            name += translated(" → new line")
        out.append(name)
    return out


def _note(name: str, kinds: Counter[str], rows: np.ndarray, row_noun: str) -> str:
    shown = ", ".join(str(int(row)) for row in rows[:_ROWS_SHOWN])
    if len(rows) > _ROWS_SHOWN:
        shown += translated(" and {n:,} more").format(n=len(rows) - _ROWS_SHOWN)
    kind_names = ", ".join(_kind_names(kinds))
    if len(rows) == 1:
        pattern = translated(
            "control characters removed from 1 value of '{name}' ({kinds}; {rows})"
        )
    else:
        pattern = translated(
            "control characters removed from {n:,} values of '{name}' ({kinds}; {rows})"
        )
    return pattern.format(
        n=len(rows), name=name, kinds=kind_names, rows=_rows_listed(row_noun, rows, shown)
    )


def _rows_listed(row_noun: str, rows: np.ndarray, shown: str) -> str:
    """'row 4' or 'rows 4, 9 and 2 more', in the noun of the file's kind."""
    words = _ROWS_LISTED.get(row_noun)
    if words is None:
        return f"{row_noun}s {shown}" if len(rows) > 1 else f"{row_noun} {shown}"
    return translated(words[1] if len(rows) > 1 else words[0]).format(rows=shown)
