"""The facilitator's bar of large category buttons: choose Asset or Need, tap a category,
then tap the map. Every control is at least TOUCH_PX high, for a finger on a touch screen
or a clicker across the room; the row scrolls sideways (by finger too) when the categories
do not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

TOUCH_PX = 56  # every control's least height (>= 48 px, the usual touch target)
BUTTON_W = 212
BUTTON_H = TOUCH_PX + 14
FONT_SCALE = 1.45
ICON_PX = 26
KINDS = (
    ("asset", QT_TRANSLATE_NOOP("Present", "Asset"), QT_TRANSLATE_NOOP("Present", "This is here")),
    (
        "need",
        QT_TRANSLATE_NOOP("Present", "Need"),
        QT_TRANSLATE_NOOP("Present", "This is missing here"),
    ),
)

BAR_STYLE = """
QFrame#workshopBar { background: #1F2328; }
QFrame#workshopBar QPushButton {
    background: #F6F8FA; color: #1F2328; border: 2px solid #D0D7DE; border-radius: 10px;
    padding: 4px 10px; text-align: left;
}
QFrame#workshopBar QPushButton, QFrame#workshopBar QLabel { font-size: 14pt; }
QFrame#workshopBar QPushButton#kindButton { font-weight: bold; }
QFrame#workshopBar QPushButton:checked { background: #FFF3C4; border: 4px solid #F5B400; }
QFrame#workshopBar QPushButton#kindButton:checked { background: #0B5CAD; color: white;
    border: 3px solid #FFFFFF; }
QFrame#workshopBar QPushButton:pressed { background: #E6EAEF; }
QFrame#workshopBar QLabel { color: #1F2328; background: transparent; }
QFrame#workshopBar QScrollArea, QFrame#workshopBar QScrollArea > QWidget > QWidget {
    background: transparent; border: none; }
QFrame#workshopBar QScrollBar:horizontal { height: 10px; background: #2D333B; border: none;
    border-radius: 5px; margin: 0; }
QFrame#workshopBar QScrollBar::handle:horizontal { background: #8C959F; border-radius: 5px;
    min-width: 60px; }
QFrame#workshopBar QScrollBar::add-line:horizontal,
QFrame#workshopBar QScrollBar::sub-line:horizontal { width: 0; border: none; }
QFrame#workshopBar QScrollBar::add-page:horizontal,
QFrame#workshopBar QScrollBar::sub-page:horizontal { background: none; }
"""


def symbol_icon(category: Category, size: int = ICON_PX, *, need: bool = False) -> QIcon:
    return QIcon(QPixmap.fromImage(sprite(category.symbol, category.colour, size, need=need)))


class CategoryButton(QPushButton):
    """A category's symbol and its name, wrapped onto two lines when long."""

    def __init__(self, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setCheckable(True)
        self.setObjectName(f"category_{category.key}")
        self.setAccessibleName(category.label)
        self.setToolTip(category.label)
        self.setFixedSize(BUTTON_W, BUTTON_H)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 8, 4)
        layout.setSpacing(8)
        self.icon_label = QLabel()
        self.icon_label.setFixedWidth(ICON_PX + 8)
        self.text_label = QLabel(category.label)
        self.text_label.setWordWrap(True)
        for label in (self.icon_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label, 1)
        self.show_kind("asset")

    def show_kind(self, kind: str) -> None:
        """Draw the symbol as the pin will be: solid for an asset, hollow for a need."""
        image = sprite(self.category.symbol, self.category.colour, ICON_PX, need=kind == "need")
        self.icon_label.setPixmap(QPixmap.fromImage(image))


class CategoryPalette(QWidget):
    """Asset / Need, then the category buttons. ``armed`` is the category a tap on the map
    will place (None: a tap does nothing but pan)."""

    armedChanged = Signal()

    def __init__(self, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * FONT_SCALE)
        self.setFont(font)
        self.kind = "asset"
        self.armed: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QPushButton] = {}
        for kind, kind_label, kind_tip in KINDS:
            label = translate("Present", kind_label)
            tip = translate("Present", kind_tip)
            button = QPushButton(label)
            button.setObjectName("kindButton")
            button.setAccessibleName(f"{label}: {tip.lower()}")
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setFixedSize(124, BUTTON_H)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(ICON_PX, ICON_PX))
            button.setIcon(_kind_icon(kind))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            button.clicked.connect(lambda _=False, k=kind: self.set_kind(k))
            layout.addWidget(button)
        self.kind_buttons["asset"].setChecked(True)
        self.buttons: dict[str, CategoryButton] = {}
        self.strip_scroll = QScrollArea()
        self.strip_scroll.setWidgetResizable(True)
        self.strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.strip_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        QScroller.grabGesture(
            self.strip_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        strip = QWidget()
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for category in categories:
            button = CategoryButton(category)
            button.clicked.connect(lambda _=False, k=category.key: self.arm(k))
            self.buttons[category.key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.strip_scroll.setWidget(strip)
        self.strip_scroll.setFixedHeight(BUTTON_H + 18)  # room for the sideways scroll bar
        layout.addWidget(self.strip_scroll, 1)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.kind_buttons[kind].setChecked(True)
        for button in self.buttons.values():
            button.show_kind(kind)
        self.armedChanged.emit()

    def arm(self, key: str | None) -> None:
        """Make ``key`` the category a tap on the map places; tapping it again disarms."""
        self.armed = None if key == self.armed else key
        for k, button in self.buttons.items():
            button.setChecked(k == self.armed)
        if self.armed is not None:
            self.strip_scroll.ensureWidgetVisible(self.buttons[self.armed])
        self.armedChanged.emit()

    def label(self, key: str) -> str:
        button = self.buttons.get(key)
        return button.category.label if button is not None else key


def _kind_icon(kind: str) -> QIcon:
    return QIcon(QPixmap.fromImage(sprite("circle", "#8C959F", ICON_PX, need=kind == "need")))
