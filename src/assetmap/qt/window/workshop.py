"""The main window's Workshop menu and dock, in one place the window composes.

The window calls ``install_workshop(window)`` once. The hook keeps one
``WorkshopController`` per open project: when the window opens another project (the old
session says it is closing, after the window already holds the new one), sharing stops
and the menu and dock are pointed at the new project.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu

from assetmap.core.errors import AssetmapError
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workshop.controller import WorkshopController
from assetmap.qt.workshop.dialogs import NewSessionDialog
from assetmap.qt.workshop.panel import WorkshopPanel

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow


# What each Workshop menu command does (its status tip).
TIPS = {
    "new": QT_TRANSLATE_NOOP(
        "Workshop", "start a workshop session: its pins are kept apart from verified data"
    ),
    "start": QT_TRANSLATE_NOOP("Workshop", "let phones on the room's network drop pins on the map"),
    "stop": QT_TRANSLATE_NOOP(
        "Workshop", "phones can no longer reach the map; the session stays open"
    ),
    "end": QT_TRANSLATE_NOOP(
        "Workshop", "close the session: no more pins, its contributions are kept"
    ),
    "export": QT_TRANSLATE_NOOP("Workshop", "the session's contributions and tally, as a file"),
    "panel": QT_TRANSLATE_NOOP(
        "Workshop", "the session, the phones' address and the pins waiting for review"
    ),
}


class WorkshopHook(QObject):
    """Builds the menu and the dock, and rebinds them when the window's project changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller: WorkshopController | None = None
        self.panel: WorkshopPanel | None = None
        self.dock = QDockWidget(translate("Workshop", "Workshop"), window)
        self.dock.setObjectName("dock_workshop")
        self.dock.setAccessibleName(translate("Workshop", "Workshop panel"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.dock_analysis, self.dock)
        window.dock_card.raise_()
        self.dock.toggleViewAction().setStatusTip(
            translate("Workshop", "show or hide the Workshop panel")
        )
        window.view_menu.addAction(self.dock.toggleViewAction())
        self.menu = self._build_menu()
        self._bind(window.session)

    # ---- menu -----------------------------------------------------------------------------
    def _build_menu(self) -> QMenu:
        menu = QMenu(translate("Workshop", "&Workshop"), self.window)
        a = self._action
        self.act_new = a(
            menu,
            translate("Workshop", "&New session…"),
            self.new_session,
            translate("Workshop", TIPS["new"]),
        )
        self.act_start = a(
            menu,
            translate("Workshop", "&Start sharing"),
            self.start_sharing,
            translate("Workshop", TIPS["start"]),
        )
        self.act_stop = a(
            menu,
            translate("Workshop", "S&top sharing"),
            self.stop_sharing,
            translate("Workshop", TIPS["stop"]),
        )
        self.act_end = a(
            menu,
            translate("Workshop", "&End session"),
            self.end_session,
            translate("Workshop", TIPS["end"]),
        )
        menu.addSeparator()
        self.act_export = a(
            menu,
            translate("Workshop", "E&xport session summary…"),
            self.export_summary,
            translate("Workshop", TIPS["export"]),
        )
        menu.addSeparator()
        a(
            menu,
            translate("Workshop", "Show the &Workshop panel"),
            self.show_panel,
            translate("Workshop", TIPS["panel"]),
        )
        bar = self.window.menuBar()
        help_menu = next(
            (a for a in bar.actions() if a.text() == translate("MainWindow", "&Help")), None
        )
        if help_menu is not None:
            bar.insertMenu(help_menu, menu)
        else:
            bar.addMenu(menu)
        return menu

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        c = self.controller
        live = c is not None and c.workshop is not None and not c.workshop.ended
        sharing = c is not None and c.sharing
        self.act_start.setEnabled(live and not sharing)
        self.act_stop.setEnabled(sharing)
        self.act_end.setEnabled(live)
        self.act_export.setEnabled(c is not None and c.workshop is not None)

    # ---- binding to the window's project --------------------------------------------------
    def _bind(self, session: Session) -> None:
        old_controller, old_panel = self.controller, self.panel
        self.controller = WorkshopController(session, self)
        self.panel = WorkshopPanel(self.controller)
        self.panel.newSessionRequested.connect(self.new_session)
        self.panel.exportRequested.connect(self.export_summary)
        self.panel.pendingCountChanged.connect(self._show_count)
        self.dock.setWidget(self.panel)
        self.controller.workshop_changed.connect(self._update_actions)
        self.controller.sharing_changed.connect(self._update_actions)
        session.closing.connect(self._on_closing)
        self._update_actions()
        self._show_count(len(self.controller.pending()), 0)
        for old in (old_controller, old_panel):
            if old is not None:
                old.deleteLater()

    def _on_closing(self) -> None:
        if self.controller is not None:
            self.controller.stop_sharing()
        QTimer.singleShot(0, self._follow_window)

    def _follow_window(self) -> None:
        session = self.window.session
        moved = self.controller is not None and session is not self.controller.session
        if moved and session.is_open:
            self._bind(session)

    def _show_count(self, waiting: int, new: int) -> None:
        """The dock's tab says how many wait, and how many are new: seen from any tab."""
        title = translate("Workshop", "Workshop")
        if waiting:
            title += f" ({waiting})"
        if new:
            title += translate("Workshop", " · {new} new").format(new=new)
        self.dock.setWindowTitle(title)

    # ---- what the menu does ---------------------------------------------------------------
    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def new_session(self) -> None:
        assert self.controller is not None
        dialog = NewSessionDialog(self.window.session.project.author, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.controller.new_session(**dialog.values())
        except AssetmapError as error:
            show_error(self.window, translate("Workshop", "The session was not started"), error)
            return
        self.show_panel()

    def start_sharing(self) -> None:
        self.show_panel()
        if self.panel is not None and self.controller is not None and not self.controller.sharing:
            self.panel.share_button.click()

    def stop_sharing(self) -> None:
        if self.controller is not None:
            self.controller.stop_sharing()

    def end_session(self) -> None:
        if self.panel is not None:
            self.panel.end_button.click()

    def export_summary(self, path: Path | None = None) -> None:
        self.show_panel()
        if self.panel is not None:
            self.panel.export_summary(path)


def install_workshop(window: MainWindow) -> WorkshopHook:
    return WorkshopHook(window)
