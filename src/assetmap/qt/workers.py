"""Running core work off the GUI thread, with progress and Cancel.

Core functions take ``progress(fraction, message)`` and ``cancelled()``
callbacks; a Task adapts them to Qt signals so the window stays responsive.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from assetmap.core.errors import Cancelled

log = logging.getLogger(__name__)

Work = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """One piece of background work. Connect to the signals, then ``start()``."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    was_cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        """Run on a new Python thread, not a reused QThreadPool thread: pyproj keeps its PROJ
        context per OS thread and frees it with the thread state PySide discards after each
        pooled job, so a second pooled job using pyproj crashes the process."""
        threading.Thread(target=self._execute, name="assetmap-task", daemon=True).start()

    def run_here(self) -> None:
        """Run synchronously (tests and scripts)."""
        _Runner(self).run()

    def _execute(self) -> None:
        try:
            self.result = self._work(self._report, self._cancel.is_set)
        except Cancelled:
            self._emit(self.was_cancelled)
        except BaseException as exc:  # reported to the GUI, never swallowed
            self.error = exc
            self._emit(self.failed, exc, traceback.format_exc())
        else:
            self._emit(self.succeeded, self.result)
        finally:
            self._emit(self.finished)

    def _report(self, fraction: float, message: str) -> None:
        self._emit(self.progressed, float(fraction), str(message))

    def _emit(self, signal: Any, *args: Any) -> None:
        """Emit, unless the Task went with the window that owned it while the work ran
        (closing a dialog mid-export): the result has nobody left to go to."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            log.info("a finished background task's owner was closed first")


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._execute()


class ProgressDialog(QProgressDialog):
    """A modal progress bar with Cancel bound to a Task."""

    def __init__(self, title: str, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(title, "Cancel", 0, 1000, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setAccessibleName(f"{title} progress")
        self.task = task
        task.progressed.connect(self._on_progress)
        task.finished.connect(self.close)
        self.canceled.connect(self._on_cancel)

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self.setValue(int(fraction * 1000))
        if message:
            self.setLabelText(message)

    @Slot()
    def _on_cancel(self) -> None:
        self.setLabelText("Cancelling…")
        self.task.cancel()


def run_in_background(
    parent: QWidget,
    title: str,
    work: Work,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Start ``work`` in the thread pool with a progress dialog; callbacks run on the GUI thread."""
    task = Task(work, parent)
    dialog = ProgressDialog(title, task, parent)
    task.succeeded.connect(on_success)
    if on_failure is not None:
        task.failed.connect(on_failure)
    if on_cancelled is not None:
        task.was_cancelled.connect(on_cancelled)
    task.finished.connect(dialog.deleteLater)
    task.finished.connect(task.deleteLater)
    dialog.show()
    task.start()
    return task
