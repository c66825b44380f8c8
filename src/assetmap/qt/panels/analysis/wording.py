"""What the Find gaps panel says about a run: its one-line title and its summary."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale

from assetmap.core.analysis import summary
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import category_in_sentence
from assetmap.qt.gap_wording import gap_definition
from assetmap.qt.i18n import current_language, translate

MUTED_STYLE = "color: #57606A;"


def summary_html(result: AnalysisResult, key: str, label_of: Callable[[str], str]) -> str:
    """How many areas have a gap in one category, and which categories were left out."""
    rows = result.for_category(key)
    gaps = int(rows["gap"].sum())
    label = label_of(key)
    text = translate(
        "FindGaps", "<b>{gaps:,} of {areas:,} areas</b> have a gap in {category}: {gap}."
    ).format(
        gaps=gaps,
        areas=len(rows),
        category=category_in_sentence(label),
        gap=gap_definition(result.params),
    )
    if key in summary.without_assets(result):
        text += translate(
            "FindGaps", " There are no assets of this kind to count, so every area is a gap."
        )
    labels = {k: label_of(k) for k in result.params.skipped}
    left_out = summary.left_out(result, labels)
    if left_out:
        text += f"<br><span style='{MUTED_STYLE}'>{html.escape(left_out)}.</span>"
    return text


def when(created_at: str) -> str:
    """A run's UTC time as the user's local time, briefly."""
    try:
        moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return created_at
    month = QLocale(current_language()).monthName(moment.month, QLocale.FormatType.ShortFormat)
    return f"{moment.day} {month} {moment:%Y %H:%M}"


def sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else text
