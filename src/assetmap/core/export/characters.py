"""Characters a file cannot hold, and what an export writes instead.

A project written by an older assetmap or by another program may hold any text SQLite
stores: NUL, vertical tab, escape and other control characters among them. Every export
writes it, as exactly as its format allows:

- CSV holds every character as it is.
- XLSX (XML 1.0) cannot hold most control characters; OOXML's own escape (``_x001B_``)
  writes them, and Excel and LibreOffice read them back as the characters they were.
- GDAL (GeoPackage, GeoJSON) ends a string at NUL, so NUL is written as U+FFFD (�).
- What people read (the HTML map, PDF, SVG and PNG pages) shows the whitespace controls
  (vertical tab, form feed, the separators) as spaces and any other control character as
  U+FFFD, the replacement character every font draws: not nothing, not a box, not a file
  an SVG reader refuses.
Lone surrogates cannot be written in UTF-8 at all and become U+FFFD everywhere.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SPACES = re.compile("[\x0b\x0c\x1c-\x1f]")  # controls Python itself counts as whitespace
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f]")  # the others (tab, newline, return kept)
_SURROGATES = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OOXML_ESCAPE_LOOKALIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")


def encodable(text: str) -> str:
    """``text`` with lone surrogates (no UTF-8 for them) as U+FFFD."""
    return _SURROGATES.sub(REPLACEMENT, text)


def readable(text: str) -> str:
    """``text`` as people should see it on a page."""
    return _CONTROLS.sub(REPLACEMENT, _SPACES.sub(" ", encodable(text)))


def for_gdal(text: str) -> str:
    """``text`` for GDAL, whose strings end at NUL."""
    return encodable(text).replace("\x00", REPLACEMENT)


def for_xlsx(text: str) -> str:
    """``text`` for a worksheet cell, in OOXML's escapes where XML cannot hold a character
    (and with "_x" escaped where the text would otherwise read as an escape)."""
    text = _OOXML_ESCAPE_LOOKALIKE.sub(r"_x005F_\1", encodable(text))
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def for_xml_name(text: str) -> str:
    """``text`` where no escape applies (a sheet's name): control characters as spaces."""
    return _XML_ILLEGAL.sub(" ", encodable(text))


def has_nul(text: object) -> bool:
    return isinstance(text, str) and "\x00" in text
