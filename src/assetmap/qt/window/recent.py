"""The projects opened lately, kept in the app's settings for File ▸ Open Recent and for
opening the last project on the next start."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from assetmap.qt.i18n import translate

MAX_RECENT = 8


def remember_project(path: Path) -> None:
    """Put ``path`` first in the recent list and remember it as the one to reopen."""
    settings = QSettings()
    resolved = str(path.resolve())
    items = [resolved] + [p for p in _recent_strings() if p != resolved]
    settings.setValue("recent", items[:MAX_RECENT])
    settings.setValue("last_project", resolved)
    settings.setValue("paths/projects", str(path.resolve().parent))


def _recent_strings() -> list[str]:
    value = QSettings().value("recent", [])
    if isinstance(value, str):  # QSettings gives one item back as a plain string
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def recent_projects() -> list[Path]:
    """The recent projects that still exist, newest first."""
    return [Path(p) for p in _recent_strings() if Path(p).exists()]


def last_project() -> Path | None:
    value = QSettings().value("last_project")
    return Path(str(value)) if value and Path(str(value)).exists() else None


class RecentMenu(QMenu):
    """File ▸ Open Recent, read afresh each time it opens (another window may have added
    one)."""

    def __init__(self, title: str, open_path: Callable[[Path], object], parent: QMenu) -> None:
        super().__init__(title, parent)
        self._open_path = open_path
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        for path in recent_projects():
            action = self.addAction(path.name, partial(self._open_path, path))
            action.setToolTip(str(path))
        if self.isEmpty():
            placeholder = self.addAction(translate("Recent", "No recent projects"))
            placeholder.setStatusTip(translate("Recent", "the projects you open are listed here"))
            placeholder.setEnabled(False)
