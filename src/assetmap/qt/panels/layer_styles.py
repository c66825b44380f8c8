"""The style dialogs of the layers panel: an area set's outline and fill, the basemap's
strength, and how asset dots are drawn. Each returns its changes; the panel applies them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.layers import AREA_FILLS, AreaStyle, BasemapStyle
from assetmap.qt.dialogs.category_manager import (
    SAFE_COLOURS,
    ColourPicker,
)
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

_LIGHT_FILLS = list(
    zip(
        AREA_FILLS,
        (
            QT_TRANSLATE_NOOP("LayerStyle", "Light grey-blue"),
            QT_TRANSLATE_NOOP("LayerStyle", "Light sand"),
            QT_TRANSLATE_NOOP("LayerStyle", "Light green"),
            QT_TRANSLATE_NOOP("LayerStyle", "Light mauve"),
        ),
        strict=True,
    )
)
_GREYS = [
    ("#8C959F", QT_TRANSLATE_NOOP("LayerStyle", "Mid grey")),
    ("#57606A", QT_TRANSLATE_NOOP("LayerStyle", "Dark grey")),
    ("#1F2328", QT_TRANSLATE_NOOP("LayerStyle", "Near black")),
]


def _named(colours: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The colours with their names in the app's language, as the swatches' tooltips."""
    return [(colour, translate("LayerStyle", name)) for colour, name in colours]


class _StyleDialog(QDialog):
    """A style dialog: its form above OK and Cancel."""

    buttons: QDialogButtonBox


class AreaStyleDialog(_StyleDialog):
    """Fill, outline, opacity and labels of one area set."""

    def __init__(self, name: str, style: AreaStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LayerStyle", "Style of “{name}”").format(name=name))
        self.style_before = style
        self.no_fill = QCheckBox(translate("LayerStyle", "&No fill (outlines only)"))
        self.no_fill.setChecked(not style.fill)
        self.fill = ColourPicker(
            style.fill or AREA_FILLS[0],
            _named(_LIGHT_FILLS) + SAFE_COLOURS,
            name=translate("LayerStyle", "Fill colour"),
        )
        self.fill.setEnabled(bool(style.fill))
        self.no_fill.toggled.connect(lambda off: self.fill.setEnabled(not off))
        self.outline = ColourPicker(
            style.outline,
            _named(_GREYS) + SAFE_COLOURS,
            name=translate("LayerStyle", "Outline colour"),
        )
        self.outline_width = QDoubleSpinBox()
        self.outline_width.setRange(0.0, 8.0)
        self.outline_width.setSingleStep(0.2)
        self.outline_width.setDecimals(1)
        self.outline_width.setSuffix(" px")
        self.outline_width.setValue(style.outline_width)
        self.outline_width.setAccessibleName(translate("LayerStyle", "Outline width"))
        self.opacity = _percent_box(style.opacity, translate("LayerStyle", "Opacity"))
        self.labels = QCheckBox(translate("LayerStyle", "Show area &labels"))
        self.labels.setChecked(style.labels)
        self.over_basemap = _percent_box(
            style.fill_over_basemap, translate("LayerStyle", "Fill opacity over the basemap")
        )
        over_note = QLabel(
            translate(
                "LayerStyle",
                "Over a basemap the fill is see-through, so streets and places show under the "
                "areas (0 % draws outlines only).",
            )
        )
        over_note.setWordWrap(True)
        over_note.setStyleSheet("color: #57606A;")
        form = QFormLayout()
        form.addRow(translate("LayerStyle", "Fill:"), self.no_fill)
        form.addRow("", self.fill)
        form.addRow(translate("LayerStyle", "Outline:"), self.outline)
        form.addRow(translate("LayerStyle", "Outline &width:"), self.outline_width)
        form.addRow(translate("LayerStyle", "&Opacity:"), self.opacity)
        form.addRow(translate("LayerStyle", "Fill over the &basemap:"), self.over_basemap)
        form.addRow("", over_note)
        form.addRow("", self.labels)
        _finish(self, form)

    def changes(self) -> dict[str, Any]:
        return {
            "fill": "" if self.no_fill.isChecked() else self.fill.colour(),
            "outline": self.outline.colour(),
            "outline_width": round(self.outline_width.value(), 2),
            "opacity": self.opacity.value() / 100,
            "labels": self.labels.isChecked(),
            "fill_over_basemap": self.over_basemap.value() / 100,
        }


class BasemapStyleDialog(_StyleDialog):
    """The vector basemap's names, and where it came from."""

    def __init__(self, style: BasemapStyle, about: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LayerStyle", "Style of the basemap"))
        self.setMinimumWidth(420)  # the source's file name and licence read on two lines
        self.labels = QCheckBox(translate("LayerStyle", "Show &place, street and water names"))
        self.labels.setChecked(style.labels)
        note = QLabel(about)
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606A;")
        form = QFormLayout()
        form.addRow("", self.labels)
        form.addRow("", note)
        _finish(self, form)

    def changes(self) -> dict[str, Any]:
        return {"labels": self.labels.isChecked()}


class AssetStyleDialog(_StyleDialog):
    """Opacity, names and symbol size of all assets."""

    def __init__(
        self, opacity: float, labels: bool, size: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LayerStyle", "Style of the assets"))
        self.opacity = _percent_box(opacity, translate("LayerStyle", "Opacity"))
        self.labels = QCheckBox(translate("LayerStyle", "Show asset &names when zoomed in"))
        self.labels.setChecked(labels)
        self.symbol_size = QDoubleSpinBox()
        self.symbol_size.setRange(4.0, 40.0)
        self.symbol_size.setDecimals(0)
        self.symbol_size.setSuffix(" px")
        self.symbol_size.setValue(size)
        self.symbol_size.setAccessibleName(translate("LayerStyle", "Symbol size"))
        form = QFormLayout()
        form.addRow(translate("LayerStyle", "&Opacity:"), self.opacity)
        form.addRow(translate("LayerStyle", "Symbol &size:"), self.symbol_size)
        form.addRow("", self.labels)
        _finish(self, form)

    def changes(self) -> dict[str, Any]:
        return {
            "asset_opacity": self.opacity.value() / 100,
            "asset_labels": self.labels.isChecked(),
            "size": float(self.symbol_size.value()),
        }


def _percent_box(value: float, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100)
    box.setSingleStep(10)
    box.setSuffix(" %")
    box.setValue(round(value * 100))
    box.setAccessibleName(name)
    return box


def _finish(dialog: _StyleDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    dialog.buttons = buttons
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
