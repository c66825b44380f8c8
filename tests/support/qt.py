"""Helpers shared by the Qt tests: the main window as a user first sees it, and a way to
answer a modal dialog from inside its own event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def open_window(qtbot, session) -> QWidget:  # -> MainWindow
    """The main window on ``session``, shown at 1400×900, zoomed to everything, drawn."""
    from assetmap.qt.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.zoom_to_all()
    assert window.canvas.wait_for_render()
    return window


def when_modal(act: Callable[[QWidget], None]) -> None:
    """Run ``act(dialog)`` on the next modal dialog, from inside its event loop."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(20, poll)
