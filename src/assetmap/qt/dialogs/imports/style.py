"""How the import dialogs look: one set of colours and notes, so the three steps read alike."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

HIGHLIGHT = QColor("#FFF1B8")
DIMMED = QColor("#8C959F")
NOTE_STYLE = "color: #57606A;"
GUESSED_STYLE = "color: #1A7F37; font-style: italic;"
ERROR_STYLE = (
    "QLabel { background: #FFEBE9; color: #82071E; border: 1px solid #FF8182;"
    " border-radius: 4px; padding: 6px; }"
)
HINT_STYLE = (
    "QLabel { background: #DDF4FF; color: #0A3069; border: 1px solid #54AEFF;"
    " border-radius: 4px; padding: 6px; }"
)


def note_label(text: str = "") -> QLabel:
    """Grey, wrapped text: explanations that should not compete with the choices they explain."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label
