"""Running core work off the GUI thread, with progress and Cancel.

Core functions take ``progress(fraction, message)`` and ``cancelled()``
callbacks; a Task adapts them to Qt signals so the window stays responsive.
"""

from __future__ import annotations

import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from assetmap.core.errors import Cancelled

Work = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


class _Letter(QEvent):
    """One report from a worker thread: ``target`` (weakly) is to emit ``name(*args)``."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, target: weakref.ref[QObject], name: str, args: tuple[Any, ...]) -> None:
        super().__init__(self.TYPE)
        self.target, self.name, self.args = target, name, args


class _Mailbox(QObject):
    """Carries what worker threads report to the GUI thread, where the object they report
    to emits its own signal, if it still exists.

    Why not emit from the worker: a thread emitting a signal while the GUI thread deletes
    the emitter crashes Qt (QObjectPrivate::isSignalConnected on freed memory), and a Task
    goes whenever the dialog that owns it closes. Why an event and not a queued signal to
    this long-lived object: a queued emit takes Qt's per-object connection lock while the
    worker holds Python's GIL, and the GUI thread, deleting a widget, holds such a lock while
    it waits for the GIL (PySide asks Python whether the widget overrides disconnectNotify):
    the app froze like that. Posting an event takes neither."""

    def event(self, event: QEvent) -> bool:
        if event.type() != _Letter.TYPE:
            return super().event(event)
        letter = cast(_Letter, event)  # the only events of this type are letters
        target = letter.target()
        if target is not None and shiboken6.isValid(target):
            getattr(target, letter.name).emit(*letter.args)
        return True


_mailbox: _Mailbox | None = None
_mailbox_lock = threading.Lock()


def _the_mailbox() -> _Mailbox:
    global _mailbox
    with _mailbox_lock:
        if _mailbox is None:
            box = _Mailbox()
            app = QCoreApplication.instance()
            if app is not None and box.thread() is not app.thread():
                box.moveToThread(app.thread())  # made on a worker thread: hand it over
            _mailbox = box
        return _mailbox


Send = Callable[..., None]


def sender_for(target: QObject) -> Send:
    """``send(signal_name, *args)``, for any thread to call: ``target`` emits that signal
    on the GUI thread, if it still exists by then. Holds no reference to ``target``."""
    ref, box = weakref.ref(target), _the_mailbox()

    def send(name: str, *args: Any) -> None:
        QCoreApplication.postEvent(box, _Letter(ref, name, args))

    return send


@dataclass
class _Outcome:
    result: Any = None
    error: BaseException | None = None


class Task(QObject):
    """One piece of background work. Connect to the signals, then ``start()``.

    Keep a reference to the Task (or give it a parent) while you want its signals: the
    worker thread holds none, so a Task dropped or deleted mid-work (its dialog closed)
    simply reports to nobody while the work runs to its end."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    was_cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._outcome = _Outcome()
        self._send = sender_for(self)

    @property
    def result(self) -> Any:
        return self._outcome.result

    @property
    def error(self) -> BaseException | None:
        return self._outcome.error

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        """Run on a new Python thread, not a reused QThreadPool thread: pyproj keeps its PROJ
        context per OS thread and frees it with the thread state PySide discards after each
        pooled job, so a second pooled job using pyproj crashes the process."""
        threading.Thread(
            target=_execute,
            args=(self._work, self._cancel, self._outcome, self._send),
            name="assetmap-task",
            daemon=True,
        ).start()

    def run_here(self) -> None:
        """Run synchronously (tests and scripts): the signals are emitted as it goes."""
        _execute(self._work, self._cancel, self._outcome, self._emit_now)

    def _emit_now(self, name: str, *args: Any) -> None:
        getattr(self, name).emit(*args)


def _execute(work: Work, cancel: threading.Event, outcome: _Outcome, send: Send) -> None:
    """The worker thread's whole life: it reports through ``send`` and never touches the
    Task itself, which the GUI thread may delete at any moment."""

    def report(fraction: float, message: str) -> None:
        send("progressed", float(fraction), str(message))

    try:
        outcome.result = work(report, cancel.is_set)
    except Cancelled:
        send("was_cancelled")
    except BaseException as exc:  # reported to the GUI, never swallowed
        outcome.error = exc
        send("failed", exc, traceback.format_exc())
    else:
        send("succeeded", outcome.result)
    finally:
        send("finished")


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


class _TaskKeeper(QObject):
    """Holds running Tasks until they finish, even when their dialog is closed and dropped."""

    def __init__(self) -> None:
        super().__init__()
        self._tasks: set[Task] = set()

    def keep(self, task: Task) -> None:
        self._tasks.add(task)
        task.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        self._tasks.discard(self.sender())


_keeper: _TaskKeeper | None = None


def keep_until_finished(task: Task) -> None:
    """A Task dropped while its thread runs would be destroyed under it: hold it here until
    it has finished. The keeper lets go through a slot: a lambda connected to the task's own
    signal would hold the task for ever."""
    global _keeper
    if _keeper is None:
        _keeper = _TaskKeeper()
    _keeper.keep(task)
