"""View ▸ Present (F5): opens the presentation window for a projector over the main
window's session, with the workshop controller when there is one (the Workshop menu's), and
keeps each session's timer running across leaving and coming back."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from assetmap.qt.i18n import translate
from assetmap.qt.workshop.present import Controller, PresentationWindow

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow


class PresentMode(QObject):
    """The Present action and the one presentation window it opens."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.presentation: PresentationWindow | None = None
        self._started: dict[str | None, float] = {}
        self.action = QAction(translate("Present", "&Present"), window)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setToolTip(
            translate("Present", "Show the map full screen for a projector (Esc leaves)")
        )
        self.action.triggered.connect(self.open)
        window.view_menu.addAction(self.action)

    def controller(self) -> Controller | None:
        """The main window's workshop controller (the Workshop menu's), if it has one."""
        hook = getattr(self.window, "workshop", None)
        return getattr(hook, "controller", None)

    def open(self) -> None:
        if self.presentation is not None:
            self.presentation.raise_()
            self.presentation.activateWindow()
            return
        controller = self.controller()
        workshop = getattr(controller, "workshop", None) if controller is not None else None
        started = self._started.setdefault(getattr(workshop, "id", None), time.monotonic())
        window = PresentationWindow(
            self.window.session, controller, tiles=self.window.tiles, started=started
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self._on_closed)
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        self.presentation = window
        window.showFullScreen()
        window.activateWindow()

    def close(self) -> None:
        if self.presentation is not None:
            self.presentation.close()

    def _on_closed(self) -> None:
        self.presentation = None
        self.window.activateWindow()
