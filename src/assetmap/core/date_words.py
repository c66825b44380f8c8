"""Dates written out in words ("9 December 2026", "9 Rhagfyr 2026") in the language the app
is in: strftime's %B follows the computer's locale instead, and a Welsh page on an English
laptop would name its months in English."""

from __future__ import annotations

import datetime as _dt

from assetmap.core.i18n import translatable, translated

MONTHS = (
    translatable("January"),
    translatable("February"),
    translatable("March"),
    translatable("April"),
    translatable("May"),
    translatable("June"),
    translatable("July"),
    translatable("August"),
    translatable("September"),
    translatable("October"),
    translatable("November"),
    translatable("December"),
)


def date_words(text: str) -> str:
    """'2026-12-09' -> '9 December 2026' (the text itself when it is not a date)."""
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError:
        return text
    return day_in_words(day)


def day_in_words(day: _dt.date) -> str:
    return f"{day.day} {translated(MONTHS[day.month - 1])} {day.year}"
