"""Polls the open project for changes other connections committed (a worker, another
window, another program), so the app shows them within a second without a reload.

The work is ``core.watch.ChangeWatcher``; this only runs it on a timer on the GUI thread,
where the project's events turn into the Session's signals, and stops it when the session
closes. A worker that commits can call ``catch_up(session)`` to be seen at once.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer

from assetmap.core.watch import ChangeWatcher
from assetmap.qt.session import Session

log = logging.getLogger(__name__)

INTERVAL_MS = 250


class ChangeWatch(QObject):
    """A child of the session: it lives and dies with it."""

    def __init__(self, session: Session, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(session)
        self.session = session
        self.watcher = ChangeWatcher(session.project)
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        session.closing.connect(self.stop)
        self.timer.start()

    def poll(self) -> None:
        if not self.session.is_open:
            self.stop()
            return
        try:
            self.watcher.notice()
        except sqlite3.Error as exc:
            # A file that is briefly unreadable (being copied, on a sleeping network drive)
            # is tried again on the next tick; say so once, not four times a second.
            if not self._failing:
                log.warning("cannot read changes from %s: %s", self.session.project.path, exc)
            self._failing = True
        else:
            self._failing = False

    def stop(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.watcher.close()


def watch_changes(session: Session) -> ChangeWatch:
    """Start watching the session's project (once; a second call returns the first)."""
    found = session.findChild(ChangeWatch)
    return found if found is not None else ChangeWatch(session)


def catch_up(session: Session) -> None:
    """A worker committed through its own connection: show its changes now, through the
    feed when the session is watched (only what changed), else by re-reading everything."""
    found = session.findChild(ChangeWatch)
    if found is not None and found.timer.isActive():
        found.poll()
    else:
        session.after_background_commit()
