"""Counts of what an import reads ("12 rows", "1 feature") in the app's language.

English needs a singular and a plural, so each is a literal of its own; Welsh keeps the noun
singular after a number and translates both alike. The nouns are the readers' (core's
``row_noun``: row, line, feature, record) and the dialogs' own; any other stays English.
"""

from __future__ import annotations

from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

_COUNTS = {
    "row": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} row"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} rows"),
    ),
    "line": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} line"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} lines"),
    ),
    "feature": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} feature"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} features"),
    ),
    "record": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} record"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} records"),
    ),
    "area": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} area"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} areas"),
    ),
    "asset": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} asset"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} assets"),
    ),
    "column": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} column"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} columns"),
    ),
    "value": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} value"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} values"),
    ),
    "different value": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} different value"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} different values"),
    ),
    "other name": (
        QT_TRANSLATE_NOOP("ImportDialog", "{n} other name"),
        QT_TRANSLATE_NOOP("ImportDialog", "{n} other names"),
    ),
}
_TITLES = {
    "row": QT_TRANSLATE_NOOP("ImportDialog", "Row"),
    "line": QT_TRANSLATE_NOOP("ImportDialog", "Line"),
    "feature": QT_TRANSLATE_NOOP("ImportDialog", "Feature"),
    "record": QT_TRANSLATE_NOOP("ImportDialog", "Record"),
}


def counted(n: int, noun: str) -> str:
    """``n`` (with thousands separators) and the noun, singular or plural as English needs."""
    patterns = _COUNTS.get(noun)
    if patterns is None:
        return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
    return translate("ImportDialog", patterns[0] if n == 1 else patterns[1]).format(n=f"{n:,}")


def row_title(noun: str) -> str:
    """The heading for a column of row numbers ("Row", "Line", "Feature")."""
    title = _TITLES.get(noun)
    return translate("ImportDialog", title) if title else noun.title()
