"""The pieces the asset card is built from: labels, headings, detail rows, a web link,
the category's map symbol and a photo at a readable size.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.i18n import translate

MUTED = "color: #555555;"


def symbol_pixmap(category: Category | None, size: int = 18) -> QPixmap:
    """The map's own symbol for the category, so the card and the map agree."""
    if category is None:
        return QPixmap()
    return QPixmap.fromImage(sprite(category.symbol, category.colour, size, 2.0))


def text_label(text: str, *, style: str = "", selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading_label(text: str, scale: float = 1.35) -> QLabel:
    label = text_label(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def subheading_label(text: str) -> QLabel:
    label = text_label(text, selectable=False)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def detail_form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(4)
    return form


def add_detail(form: QFormLayout, caption: str, value: QLabel | str) -> QLabel:
    field = value if isinstance(value, QLabel) else text_label(value)
    field.setAccessibleName(f"{caption}: {field.text()}")
    name = text_label(caption, style=MUTED, selectable=False)
    form.addRow(name, field)
    return field


def website_link(text: str) -> QLabel:
    """A clickable link; text without a scheme is taken as a web address."""
    url = text if "://" in text or text.startswith("mailto:") else f"https://{text}"
    label = QLabel(f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>')
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setToolTip(url)
    return label


def scaled_pixmap(data: bytes, size: int) -> QPixmap:
    """Shrunk to fit ``size`` pixels; small photos are not blown up into a blur."""
    image = QImage.fromData(data)
    if image.isNull():
        return QPixmap()
    if image.width() > size or image.height() > size:
        image = image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return QPixmap.fromImage(image)


class PhotoViewer(QDialog):
    """A photo at a readable size; Escape or Close returns to the card."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(translate("AssetCard", "Photo {title}").format(title=title))
        self.image.setPixmap(scaled_pixmap(data, 720))
        close = QPushButton(translate("AssetCard", "Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
