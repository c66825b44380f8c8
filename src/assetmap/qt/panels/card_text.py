"""How the asset card writes values in words: dates, review state, numbers with thousands
separators, and codes exactly as the source wrote them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QDate, Qt

from assetmap.core.custom_fields import FieldDef
from assetmap.core.io.fields import human_label
from assetmap.core.model import REVIEW_WORDS, Asset
from assetmap.qt.i18n import translate


def review_text(asset: Asset) -> str:
    """'Approved by AB on 7 Dec 2026': reviewed, which is not the same as verified."""
    words = REVIEW_WORDS.get(asset.review, asset.review)
    if asset.review == "pending" or not (asset.reviewed_by or asset.reviewed_at):
        return words
    by = ""
    if asset.reviewed_by:
        by = translate("AssetCard", " by {name}").format(name=asset.reviewed_by)
    on = ""
    if asset.reviewed_at:
        on = translate("AssetCard", " on {date}").format(date=friendly_date(asset.reviewed_at))
    return f"{words}{by}{on}"


def friendly_date(text: str | None) -> str:
    date = QDate.fromString((text or "")[:10], Qt.DateFormat.ISODate)
    return date.toString("d MMMM yyyy") if date.isValid() else (text or "")


def friendly_label(name: str) -> str:
    """'imd_score' reads as 'IMD score' for people who never saw the spreadsheet."""
    return human_label(name)


def format_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer():
            return f"{number:,.0f}"
        return f"{number:,.3f}".rstrip("0").rstrip(".")
    return str(value)


def plain_text(value: Any) -> str:
    """A code as the source wrote it: URN 106167, never 106,167; 1617486414.0 is 1617486414."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def custom_value_text(value: Any, definition: FieldDef | None) -> str:
    """Quantities with thousands separators; codes, identifiers and text as written."""
    if definition is not None and definition.numeric:
        return format_value(value)
    return plain_text(value)
