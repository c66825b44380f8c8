"""The line a category dialog shows a refusal on, in the same red everywhere."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
)

from assetmap.qt.i18n import translate


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #CF222E; font-weight: bold;")
    label.setAccessibleName(translate("CategoryManager", "Problem"))
    label.hide()
    return label
