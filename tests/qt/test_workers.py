"""Background work whose window is closed before it finishes."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject

from assetmap.qt.workers import Task


def test_work_outliving_its_owner_ends_quietly(qtbot, monkeypatch):
    """Closing a dialog mid-export deletes its Task: the worker thread must not then die
    with "Signal source has been deleted" (an unhandled exception in a thread)."""
    crashes: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashes.append(args.exc_value))
    release, workers = threading.Event(), []

    def work(progress, cancelled):
        workers.append(threading.current_thread())
        release.wait(5)
        progress(0.5, "half way")
        return 42

    owner = QObject()
    task = Task(work, owner)
    task.start()
    shiboken6.delete(owner)  # the dialog closes; the Task goes with it
    release.set()
    qtbot.waitUntil(lambda: len(workers) == 1)
    workers[0].join(10)  # its last emits (succeeded, finished) are done when it has ended
    assert not workers[0].is_alive()
    assert crashes == []


def test_results_reach_a_live_owner(qtbot):
    task = Task(lambda progress, cancelled: 7)
    seen: list[object] = []
    task.succeeded.connect(seen.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen == [7]
