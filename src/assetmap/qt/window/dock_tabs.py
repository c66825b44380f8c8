"""Tabbed docks keep their whole titles: five docks share the right-hand side ("Asset",
"Not on the map", "History", "Find gaps", "Workshop (3) · 1 new"), and Qt's default
shortens each tab to a letter and dots ("A…", "H…") once they no longer fit. Whole
titles with scroll arrows read better than guesses."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar


def keep_dock_tabs_readable(window: QMainWindow) -> None:
    """Now and whenever docks are tabbed together again (Qt makes their tab bars lazily)."""
    window.tabifiedDockWidgetActivated.connect(lambda _dock: _readable(window))
    for dock in window.findChildren(QDockWidget):
        dock.dockLocationChanged.connect(
            lambda _area: QTimer.singleShot(0, lambda: _readable(window))
        )
    QTimer.singleShot(0, lambda: _readable(window))


def _readable(window: QMainWindow) -> None:
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window:  # the docks' bars, not a tab widget's inside a panel
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
