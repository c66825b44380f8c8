"""Background work whose window is closed before it finishes."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import weakref

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from assetmap.qt.workers import BackgroundJob, Task

# Dialogs closed while their work is reporting progress, many times over, in a child process
# (a crash must fail this test, not end the test run).
CLOSE_WHILE_REPORTING = textwrap.dedent(
    """
    import sys, threading
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QObject
    from assetmap.qt.workers import Task

    app = QCoreApplication([])
    for _ in range(int(sys.argv[1])):
        dialog, reporting, workers = QObject(), threading.Event(), []

        def work(progress, cancelled):
            workers.append(threading.current_thread())
            while not cancelled():
                progress(0.5, "exporting")
                reporting.set()

        task = Task(work, dialog)
        task.start()
        reporting.wait(10)
        shiboken6.delete(dialog)  # the dialog closes mid-export; its Task goes with it
        task.cancel()
        workers[0].join(10)
        app.processEvents()
    print("survived")
    """
)


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


def test_closing_a_dialog_while_its_work_reports_progress_never_crashes(qtbot):
    """A worker thread that emits a signal while the GUI thread deletes the object (its
    dialog closed) crashes in Qt (a segfault in QObjectPrivate::isSignalConnected), unless
    no worker ever emits on an object the GUI thread may delete."""
    child = subprocess.run(
        [sys.executable, "-c", CLOSE_WHILE_REPORTING, "300"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (child.returncode, child.stdout.strip()) == (0, "survived"), child.stderr[-3000:]


def test_a_kept_task_is_let_go_once_it_has_finished(qtbot):
    """Work started from a dialog (or the network probe, once a minute) is held while it
    runs and freed after: holding it with a lambda on its own signal leaked every one."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    job = BackgroundJob(dialog)
    task = job.start(lambda progress, cancelled: 42, lambda result: None)
    gone = weakref.ref(task)
    qtbot.waitUntil(lambda: gone().result == 42, timeout=10_000)
    del task
    qtbot.waitUntil(lambda: (gc.collect() or True) and gone() is None, timeout=10_000)
