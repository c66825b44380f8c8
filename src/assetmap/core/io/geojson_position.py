"""Which feature of a GeoJSON file GDAL choked on, when it refuses the whole file.

GDAL reports a broken GeoJSON by line and character, and most GeoJSON is one long line, so
the position alone does not tell a planner which feature to fix. Decoding the features one
at a time finds the first that is not valid JSON. Only used on the error path.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

# Reading a broken file twice is fine for a council's boundaries, not for a national dump.
_MAX_BYTES = 256 * 1024 * 1024
_FEATURES = re.compile(r'"features"\s*:\s*\[')
_SEPARATORS = " \t\r\n,"


def first_broken_feature(path: Path) -> int | None:
    """The 1-based number of the first feature that is not valid JSON, if one can be found."""
    text = _text(path)
    if text is None:
        return None
    match = _FEATURES.search(text)
    if match is None:
        return None
    decoder = json.JSONDecoder()
    position, number = match.end(), 0
    while True:
        while position < len(text) and text[position] in _SEPARATORS:
            position += 1
        if position >= len(text):
            return number + 1  # cut short after the last complete feature
        if text[position] == "]":
            return None
        number += 1
        try:
            _, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return number


def _text(path: Path) -> str | None:
    """The file's text; a cut-short .gz still gives what it holds (that may be the problem)."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            return None
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = zlib.decompressobj(wbits=47).decompress(data, _MAX_BYTES + 1)
    except (OSError, zlib.error):
        return None
    if len(data) > _MAX_BYTES:
        return None
    return data.decode("utf-8", errors="replace")
