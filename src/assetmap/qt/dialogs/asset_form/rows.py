"""The asset form's rows: each field with an error line under it, so a refusal from the core
shows where the eye already is; the fields are kept by the names the core's errors use."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

ERROR_COLOUR = "#B00020"
WARNING_COLOUR = "#8A5300"
NOTE_COLOUR = "#555555"

# The contact fields: key, label (with its mnemonic), accessible name, placeholder.
CONTACT_FIELDS = (
    (
        "address",
        QT_TRANSLATE_NOOP("AssetForm", "&Address"),
        QT_TRANSLATE_NOOP("AssetForm", "Address"),
        QT_TRANSLATE_NOOP("AssetForm", "Street address"),
    ),
    (
        "postcode",
        QT_TRANSLATE_NOOP("AssetForm", "&Postcode"),
        QT_TRANSLATE_NOOP("AssetForm", "Postcode"),
        QT_TRANSLATE_NOOP("AssetForm", "e.g. M32 0TH"),
    ),
    (
        "contact",
        QT_TRANSLATE_NOOP("AssetForm", "Con&tact"),
        QT_TRANSLATE_NOOP("AssetForm", "Contact person"),
        QT_TRANSLATE_NOOP("AssetForm", "Who to ask for"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("AssetForm", "P&hone"),
        QT_TRANSLATE_NOOP("AssetForm", "Phone"),
        QT_TRANSLATE_NOOP("AssetForm", "e.g. 0161 912 2000"),
    ),
    (
        "website",
        QT_TRANSLATE_NOOP("AssetForm", "&Website"),
        QT_TRANSLATE_NOOP("AssetForm", "Website"),
        QT_TRANSLATE_NOOP("AssetForm", "e.g. www.example.org"),
    ),
)


def message_label(colour: str) -> QLabel:
    """A wrapped line of text in ``colour``, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    label.hide()
    return label


def show_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Exactly ``lines`` lines tall, so no line shows cut in half."""
    margin = edit.document().documentMargin()
    height = lines * edit.fontMetrics().lineSpacing() + 2 * margin + 2 * edit.frameWidth()
    edit.setFixedHeight(math.ceil(height) + 2)


class FieldRows:
    """The form's layout with an error line per field (and one for the whole form, key "")."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def add(
        self, key: str, label: str, widget: QWidget, accessible: str, buddy: QWidget | None = None
    ) -> QWidget:
        """A field with its error line underneath; returns the box holding both."""
        if accessible:
            widget.setAccessibleName(accessible)
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = message_label(ERROR_COLOUR)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(buddy or widget)
        self.form.addRow(caption, container)
        self.errors[key] = error
        self.inputs[key] = buddy or widget
        return container

    def add_general_error(self) -> QLabel:
        label = message_label(ERROR_COLOUR)
        self.errors[""] = label
        self.form.addRow(label)
        return label

    def container(self, key: str) -> QWidget:
        container = self.errors[key].parentWidget()
        assert container is not None  # add() put the error line in it
        return container

    def set_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.setAccessibleName(translate("AssetForm", "Problem: {text}").format(text=text))
        label.show()

    def hide_error(self, key: str) -> None:
        self.errors[key].hide()

    def clear(self) -> None:
        for label in self.errors.values():
            label.hide()

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""
