"""The core's words in the user's language (Welsh or English), through stdlib gettext.

The core must never import Qt, so the text it writes for people (the gap analysis's method
statement and summary, fixed error texts) cannot use Qt's catalogue: it has a gettext
catalogue of its own, ``assetmap/translations/core/<lang>/LC_MESSAGES/assetmap-core.mo``,
package data found beside this package from a source tree, a wheel or a frozen app.

The front end chooses the language once: the desktop app when it installs its Qt
translators (``assetmap.qt.i18n``), the command line from ``--lang`` or ASSETMAP_LANG. Text
made later follows it, and text stored earlier stays as it was written (a run keeps the
method statement of the language it was made in: it is the record of how its figures were
made). English is the source language, so a string without a translation stays English.

Strings are marked ``translated("text")`` with a literal argument, so the extractor finds
them (packaging/update_core_translations.py); patterns keep NAMED placeholders and are
formatted after translation: ``translated("Left out {n} categories").format(n=3)``. Not
called ``_`` (the core's throwaway name) nor ``tr`` (pyside6-lupdate would copy every such
string into the Qt catalogue).
"""

from __future__ import annotations

import gettext
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

DOMAIN = "assetmap-core"
ENGLISH = "en"
WELSH = "cy"
LANGUAGES = (ENGLISH, WELSH)
ENVIRONMENT = "ASSETMAP_LANG"

_language = ENGLISH
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def translated(text: str) -> str:
    """``text`` in the chosen language; the English itself when it has no translation."""
    return _catalogue.gettext(text) if text else text


def translatable(text: str) -> str:
    """Marks a constant for translation where it is defined; ``translated`` it where it is used."""
    return text


def language() -> str:
    """The language the core's words are in now: "en" or "cy"."""
    return _language


def supported(code: str | None) -> str | None:
    """``code`` as one of LANGUAGES ("cy_GB", "cy-GB" and "CY" are Welsh), or None."""
    if not code:
        return None
    short = code.strip().lower().replace("-", "_").split("_")[0]
    return short if short in LANGUAGES else None


def set_language(code: str | None) -> str:
    """Use ``code``'s catalogue from now on (English when it is unknown or missing); returns
    the language used."""
    global _language, _catalogue
    chosen = supported(code) or ENGLISH
    catalogue = _load(chosen)
    _catalogue = catalogue or gettext.NullTranslations()
    _language = chosen if catalogue is not None else ENGLISH
    return _language


def language_from_environment() -> str:
    """ASSETMAP_LANG (set by ``assetmap --lang``), else English: the command line writes
    English unless asked."""
    return supported(os.environ.get(ENVIRONMENT)) or ENGLISH


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """The core's words in ``code`` inside the block, then back to the language before."""
    before = _language
    try:
        yield set_language(code)
    finally:
        set_language(before)


def catalogues_dir() -> Path:
    """``assetmap/translations/core``, wherever the package is installed."""
    return Path(__file__).resolve().parent.parent / "translations" / "core"


def catalogue_path(code: str) -> Path:
    return catalogues_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _load(code: str) -> gettext.NullTranslations | None:
    """The language's catalogue (English needs none), or None when it is missing."""
    if code == ENGLISH:
        return gettext.NullTranslations()
    path = catalogue_path(code)
    try:
        with path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except OSError:
        log.warning("no %s catalogue for the core at %s: its messages stay in English", code, path)
        return None


def joined(items: list[str], *, alternatives: bool = False) -> str:
    """Names as a sentence lists them: "A, B and C" ("A, B neu C" with ``alternatives``);
    in Welsh "a" becomes "ac" before a vowel, as it is written."""
    if len(items) <= 1:
        return "".join(items)
    word = translated("or") if alternatives else translated("and")
    last = items[-1]
    if _language == WELSH and word == "a" and last[:1].lower() in set("aeiouwyâêîôûŵŷ"):
        word = "ac"
    return ", ".join(items[:-1]) + f" {word} {last}"


__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "WELSH",
    "catalogue_path",
    "catalogues_dir",
    "joined",
    "language",
    "language_from_environment",
    "set_language",
    "supported",
    "translated",
    "translatable",
    "using_language",
]
