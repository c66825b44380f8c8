"""Fonts for text that ends up in PDFs and SVGs."""

from __future__ import annotations

from PySide6.QtGui import QFont


def without_ligatures(font: QFont) -> QFont:
    """'Trafford' must stay f, f in a PDF's text layer, or searching and copying it fail."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font
