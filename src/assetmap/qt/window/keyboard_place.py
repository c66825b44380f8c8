"""Everything the mouse does, from the keyboard: add an asset at a typed postcode or
coordinates, go there, edit the selected asset, and F6 / Shift+F6 to move between the map,
the Find box and the panels (issue 15 item 5).

The map itself takes the arrow keys, Enter and Escape (qt/canvas/focus.py and the tools);
this part holds the window-wide commands and the small dialog that asks where.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import BadInputError
from assetmap.core.typed_location import locate
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow

# Every string the user sees here, marked for translation and translated where shown.
TEXTS = {
    "add_at": QT_TRANSLATE_NOOP("Keyboard", "Add asset at a postcode or coordinates…"),
    "add_at_tip": QT_TRANSLATE_NOOP(
        "Keyboard", "type where the new asset is instead of clicking the map"
    ),
    "go_to": QT_TRANSLATE_NOOP("Keyboard", "Go to a postcode or coordinates…"),
    "go_to_tip": QT_TRANSLATE_NOOP("Keyboard", "centre the map on a typed postcode or coordinates"),
    "edit": QT_TRANSLATE_NOOP("Keyboard", "Edit asset…"),
    "edit_tip": QT_TRANSLATE_NOOP("Keyboard", "open the form of the selected asset"),
    "edit_none": QT_TRANSLATE_NOOP(
        "Keyboard", "Select one asset first (Find it with Ctrl+F, or press Enter on the map)"
    ),
    "next_panel": QT_TRANSLATE_NOOP("Keyboard", "Next panel"),
    "next_panel_tip": QT_TRANSLATE_NOOP(
        "Keyboard", "move the keyboard to the next of the map, the Find box and the panels"
    ),
    "previous_panel": QT_TRANSLATE_NOOP("Keyboard", "Previous panel"),
    "previous_panel_tip": QT_TRANSLATE_NOOP(
        "Keyboard", "move the keyboard back to the previous panel"
    ),
    "where": QT_TRANSLATE_NOOP("Keyboard", "&Where is it?"),
    "where_name": QT_TRANSLATE_NOOP("Keyboard", "Postcode or coordinates"),
    # core.typed_location.HINT, said here in full so that it can be translated.
    "where_help": QT_TRANSLATE_NOOP(
        "Keyboard",
        "Type a postcode such as M32 0TA, latitude and longitude such as 53.45, -2.31, "
        "or easting and northing such as 379500, 394200.",
    ),
    "problem": QT_TRANSLATE_NOOP("Keyboard", "Problem"),
    "add_title": QT_TRANSLATE_NOOP("Keyboard", "Add an asset at…"),
    "go_title": QT_TRANSLATE_NOOP("Keyboard", "Go to…"),
}


def text(key: str) -> str:
    """One of TEXTS in the app's language."""
    return translate("Keyboard", TEXTS[key])


class LocationDialog(QDialog):
    """Asks where, as text; stays open with the reason when the text is not a place."""

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.point: tuple[float, float] | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title.rstrip("…"))
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(text("where_name"))
        self.edit.setMinimumWidth(320)
        label = QLabel(text("where"), self)
        label.setBuddy(self.edit)
        help_text = QLabel(text("where_help"), self)
        help_text.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #CF222E")
        self.message.setAccessibleName(text("problem"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.edit, help_text, self.message, buttons):
            layout.addWidget(widget)
        self.edit.setFocus()

    def accept(self) -> None:
        try:
            self.point = locate(self.session.project, self.edit.text())
        except BadInputError as exc:
            self.message.setText(str(exc))
            self.edit.setFocus()
            self.edit.selectAll()
            return
        super().accept()


def ask_location(window: MainWindow, title: str) -> tuple[float, float] | None:
    dialog = LocationDialog(window.session, title, window)
    return dialog.point if dialog.exec() else None


class KeyboardCommands:
    """The window-wide keyboard commands; ``actions`` go in the menus (Tools, Edit, View)."""

    def __init__(self, window: MainWindow, make_action: Callable[..., QAction]) -> None:
        self.window = window
        a = make_action
        self.act_add_at = a(text("add_at"), self.add_at, "Ctrl+Shift+N", text("add_at_tip"))
        self.act_go_to = a(text("go_to"), self.go_to, "Ctrl+L", text("go_to_tip"))
        self.act_edit = a(text("edit"), self.edit_selected, "F2", text("edit_tip"))
        self.act_next_panel = a(
            text("next_panel"), lambda: self.cycle_focus(1), "F6", text("next_panel_tip")
        )
        self.act_previous_panel = a(
            text("previous_panel"),
            lambda: self.cycle_focus(-1),
            QKeySequence("Shift+F6"),
            text("previous_panel_tip"),
        )

    @property
    def tool_actions(self) -> list[QAction]:
        return [self.act_add_at, self.act_go_to]

    @property
    def panel_actions(self) -> list[QAction]:
        return [self.act_next_panel, self.act_previous_panel]

    def add_at(self) -> None:
        point = ask_location(self.window, text("add_title"))
        if point is not None:
            self.window.canvas.centre_on(*point)
            self.window.add_asset_at(*point)

    def go_to(self) -> None:
        point = ask_location(self.window, text("go_title"))
        if point is not None:
            self.window.canvas.centre_on(*point)
            self.window.canvas.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def edit_selected(self) -> None:
        uuid = self.window.selected_asset()
        if uuid is None:
            self.window.statusBar().showMessage(text("edit_none"), 5000)
            return
        self.window.edit_asset(uuid)

    # ---- moving between the map, the Find box and the panels -------------------------------
    def regions(self) -> list[QWidget]:
        """The map, the Find box, then each dock shown, left to right and top to bottom."""
        window = self.window
        docks = [d for d in window.findChildren(QDockWidget) if _on_screen(d)]
        map_area = window.canvas.geometry()

        def side(dock: QDockWidget) -> int:  # left, then right, then below the map
            if dock.y() >= map_area.bottom():
                return 2
            return 0 if dock.x() < map_area.x() else 1

        docks.sort(key=lambda d: (side(d), d.y(), d.x()))
        return [window.canvas, window.find_box, *docks]

    def cycle_focus(self, step: int) -> None:
        regions = self.regions()
        current = next((i for i, r in enumerate(regions) if _holds_focus(r)), -1)
        for offset in range(1, len(regions) + 1):
            region = regions[(current + step * offset) % len(regions)]
            target = _first_focusable(region)
            if target is not None:
                if isinstance(region, QDockWidget):
                    region.raise_()
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return


def _on_screen(dock: QDockWidget) -> bool:
    """Shown, and not a tab behind another (those are moved out of sight, still visible)."""
    widget = dock.widget()
    return dock.isVisible() and widget is not None and not widget.visibleRegion().isEmpty()


def _holds_focus(region: QWidget) -> bool:
    focused = region.focusProxy() or region
    widget = region.window().focusWidget() if region.window() else None
    return widget is not None and (widget is focused or region.isAncestorOf(widget))


def _first_focusable(region: QWidget) -> QWidget | None:
    """The region itself when it takes the keyboard, else its first control that does."""
    if _takes_tab(region):
        return region
    candidate = region.nextInFocusChain()
    while candidate is not None and candidate is not region:
        if region.isAncestorOf(candidate) and _takes_tab(candidate):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def _takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )
