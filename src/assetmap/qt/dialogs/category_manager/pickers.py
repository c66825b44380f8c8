"""The colour and symbol pickers the category dialogs and the layers panel share.

Both offer the colour-blind-safe Okabe-Ito colours before anything else, and name every
colour in words, so nobody has to tell swatches apart by hue alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.taxonomy import GROUP_COLOURS, SYMBOLS
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

# Okabe & Ito (2008): the eight colours that stay apart for the common colour-vision deficiencies.
# The names are marked here and translated (context "Colours") where shown: in colour_name and
# on the swatches, so names a caller adds in that context are translated too.
OKABE_ITO: dict[str, str] = {
    "#0072B2": QT_TRANSLATE_NOOP("Colours", "Blue"),
    "#56B4E9": QT_TRANSLATE_NOOP("Colours", "Sky blue"),
    "#009E73": QT_TRANSLATE_NOOP("Colours", "Bluish green"),
    "#E69F00": QT_TRANSLATE_NOOP("Colours", "Orange"),
    "#D55E00": QT_TRANSLATE_NOOP("Colours", "Vermillion"),
    "#CC79A7": QT_TRANSLATE_NOOP("Colours", "Reddish purple"),
    "#F0E442": QT_TRANSLATE_NOOP("Colours", "Yellow"),
    "#000000": QT_TRANSLATE_NOOP("Colours", "Black"),
}
_OTHER_NAMES = {"#7F7F7F": QT_TRANSLATE_NOOP("Colours", "Grey")}
_SYMBOL_NAMES = {
    "circle": QT_TRANSLATE_NOOP("Symbols", "Circle"),
    "square": QT_TRANSLATE_NOOP("Symbols", "Square"),
    "triangle": QT_TRANSLATE_NOOP("Symbols", "Triangle"),
    "diamond": QT_TRANSLATE_NOOP("Symbols", "Diamond"),
    "pentagon": QT_TRANSLATE_NOOP("Symbols", "Pentagon"),
    "hexagon": QT_TRANSLATE_NOOP("Symbols", "Hexagon"),
    "star": QT_TRANSLATE_NOOP("Symbols", "Star"),
    "triangle_down": QT_TRANSLATE_NOOP("Symbols", "Triangle (pointing down)"),
    "cross": QT_TRANSLATE_NOOP("Symbols", "Cross"),
    "plus": QT_TRANSLATE_NOOP("Symbols", "Plus"),
}


def _safe_colours() -> list[tuple[str, str]]:
    """The group colours first (what a new category in a group gets), then the rest of the 8."""
    names = {**OKABE_ITO, **_OTHER_NAMES}
    ordered = list(dict.fromkeys([*GROUP_COLOURS.values(), *OKABE_ITO]))
    return [(hex_, names.get(hex_, hex_)) for hex_ in ordered]


SAFE_COLOURS: list[tuple[str, str]] = _safe_colours()


def colour_name(colour: str, extra: dict[str, str] | None = None, *, with_hex: bool = True) -> str:
    """Words for a colour, so nobody has to tell swatches apart by hue alone."""
    hex_ = colour.upper()
    named = {**OKABE_ITO, **_OTHER_NAMES, **(extra or {})}
    if hex_ not in named:
        return hex_
    name = translate("Colours", named[hex_])
    return f"{name} {hex_}" if with_hex else name


def symbol_name(symbol: str) -> str:
    name = _SYMBOL_NAMES.get(symbol)
    return translate("Symbols", name) if name else symbol.capitalize()


def symbol_icon(symbol: str, colour: str, size: int = 16) -> QIcon:
    """The map's own symbol drawing, so icons in lists match the map exactly."""
    ratio = 2.0
    side = size + 4
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_symbol(painter, QPointF(side / 2, side / 2), symbol, colour, size)
    painter.end()
    return QIcon(pixmap)


def swatch_icon(fill: str, outline: str = "#57606A", size: int = 16, inset: int = 1) -> QIcon:
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(outline))
    painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
    painter.drawRect(inset, inset, size - 2 * inset, size - 2 * inset)
    painter.end()
    return QIcon(pixmap)


# ---- pickers ------------------------------------------------------------------------------
class ColourPicker(QWidget):
    """Safe preset swatches first, the full colour dialog second."""

    colourChanged = Signal(str)

    def __init__(
        self,
        colour: str,
        presets: Sequence[tuple[str, str]] = SAFE_COLOURS,
        parent: QWidget | None = None,
        *,
        name: str | None = None,
    ) -> None:
        super().__init__(parent)
        name = name or translate("Colours", "Colour")
        self._colour = colour.upper()
        self._names = {hex_.upper(): label for hex_, label in presets}
        self._buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(4)
        for i, (hex_, label) in enumerate(presets):
            button = self._swatch_button(hex_, label)
            grid.addWidget(button, i // 9, i % 9)
        self.other = QPushButton(translate("Colours", "Other colour…"))
        self.other.setAccessibleName(translate("Colours", "{name}: other colour").format(name=name))
        self.other.clicked.connect(self._open_colour_dialog)
        self.label = QLabel()
        self.label.setAccessibleName(translate("Colours", "{name} chosen").format(name=name))
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(row)
        self.setAccessibleName(name)
        self.colour_dialog: QColorDialog | None = None
        self._show_current()

    def _swatch_button(self, hex_: str, label: str) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setIcon(swatch_icon(hex_, "#57606A", 18))
        button.setIconSize(QSize(18, 18))
        button.setFixedSize(28, 28)
        shown = translate("Colours", label)
        named = f"{shown} ({hex_})"
        button.setToolTip(named)
        button.setAccessibleName(named)
        button.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 4px; }"
            "QToolButton:checked { border: 2px solid #1F2328; background: #D0D7DE; }"
            "QToolButton:focus { border: 2px dashed #0969DA; }"
        )
        button.clicked.connect(lambda _checked=False, c=hex_: self.set_colour(c))
        self._group.addButton(button)
        self._buttons[hex_.upper()] = button
        return button

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        colour = QColor(colour).name().upper()
        changed = colour != self._colour
        self._colour = colour
        self._show_current()
        if changed:
            self.colourChanged.emit(colour)

    def _show_current(self) -> None:
        button = self._buttons.get(self._colour)
        if button is not None:
            button.setChecked(True)
        else:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
        self.label.setText(colour_name(self._colour, self._names))

    def _open_colour_dialog(self) -> None:
        dialog = QColorDialog(QColor(self._colour), self)
        dialog.setWindowTitle(translate("Colours", "Choose a colour"))
        dialog.colorSelected.connect(lambda c: self.set_colour(c.name()))
        self.colour_dialog = dialog
        dialog.open()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt override
        super().setEnabled(enabled)
        self.label.setText(colour_name(self._colour, self._names) if enabled else "")


class SymbolCombo(QComboBox):
    """The symbols as icons drawn in the category's colour, with their names for screen readers."""

    def __init__(self, symbol: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Symbols", "Symbol"))
        self.setIconSize(QSize(20, 20))
        for name in SYMBOLS:
            self.addItem(symbol_name(name), name)
        self.set_colour(colour)
        self.set_symbol(symbol)

    def symbol(self) -> str:
        return str(self.currentData())

    def set_symbol(self, symbol: str) -> None:
        index = self.findData(symbol)
        self.setCurrentIndex(max(index, 0))

    def set_colour(self, colour: str) -> None:
        for row, name in enumerate(SYMBOLS):
            self.setItemIcon(row, symbol_icon(name, colour, 16))
