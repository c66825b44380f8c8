"""What a cell shows and what an edit to it means: store values to text, text to store values.

Kept apart from the model so the model is only about reading and keeping up with the store;
these are plain functions of a column and a value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QColor

from assetmap.core.errors import BadInputError
from assetmap.core.model import ORIGIN_WORDS, REVIEW_WORDS
from assetmap.core.taxonomy import Category
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.panels.table.columns import Column

WARN = QColor("#9A4A00")  # dark orange: readable on white and on the alternate row colour


STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("AssetTable", "Active"),
    "closed": QT_TRANSLATE_NOOP("AssetTable", "Closed"),
    "proposed": QT_TRANSLATE_NOOP("AssetTable", "Proposed"),
}


def status_text(value: str) -> str:
    """An asset's status in the app's language; one the app does not know, as stored."""
    word = STATUS_WORDS.get(value)
    return translate("AssetTable", word) if word else value.capitalize()


def display_text(column: Column, value: Any, categories: Mapping[str, Category]) -> str:
    kind = column.kind
    if kind == "placed":
        return translate("AssetTable", "Yes") if value else translate("AssetTable", "Not placed")
    if kind == "bool":
        return translate("AssetTable", "Yes") if value else translate("AssetTable", "No")
    if value is None or value == "":
        return ""
    if kind == "category":
        category = categories.get(value)
        return category.label if category else str(value)
    if kind == "review":
        return REVIEW_WORDS.get(str(value), status_text(str(value)))
    if kind == "origin":
        return ORIGIN_WORDS.get(str(value), str(value))
    if kind == "status":
        return status_text(str(value))
    if kind == "number":
        return number_text(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return number_text(value)  # a code a program stored as 1617486414.0
    return str(value)


def edit_text(column: Column, value: Any, categories: Mapping[str, Category]) -> str:
    """Combo-box columns edit the stored key, which the delegate looks up; others the text."""
    if column.kind in ("category", "status", "review"):
        return "" if value is None else str(value)
    return display_text(column, value, categories)


def tooltip_text(column: Column, value: Any, categories: Mapping[str, Category]) -> str | None:
    if column.kind == "placed" and not value:
        return translate(
            "AssetTable", "Not on the map yet: use 'Place on map' to give it a location"
        )
    if column.kind == "category":
        category = categories.get(value)
        if category is None:
            return translate("AssetTable", "Unknown category '{key}'").format(key=value)
        return f"{category.label} ({category.group})"
    return display_text(column, value, categories) or None


def foreground(column: Column, value: Any) -> QColor | None:
    """Orange for what needs the user's attention: unplaced assets, ones outside every area."""
    if column.kind == "placed" and not value:
        return WARN
    if column.key == "out_of_area" and value:
        return WARN
    return None


def parse_custom(text: str | None) -> dict[str, Any]:
    """The stored ``custom`` JSON as a dict; unreadable JSON shows as empty, never as an error."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"value": value}


def parse_custom_value(column: Column, value: Any) -> Any:
    """What the user typed into an extra field: a number column keeps numbers, or refuses."""
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if column.kind != "number":
        return text
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise _not_a_number(column, text) from None
    if not math.isfinite(number):
        raise _not_a_number(column, text)
    return int(number) if number.is_integer() and "." not in text else number


def _not_a_number(column: Column, text: str) -> BadInputError:
    message = translate("AssetTable", "'{text}' is not a number").format(text=text)
    return BadInputError(message, field=column.heading)


def number_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}" if isinstance(value, float) else str(value)
