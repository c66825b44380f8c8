"""Running core work off the GUI thread, with progress and Cancel.

Core functions take ``progress(fraction, message)`` and ``cancelled()`` callbacks; a Task
adapts them to Qt signals so the window stays responsive. Dialogs and panels run their work
through a ``BackgroundJob``, which owns the Task's lifetime, the busy state, the progress bar
and the Cancel button, so each of them only says what to do with the outcome.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QProgressBar

from assetmap.core.errors import Cancelled
from assetmap.qt.i18n import translate

log = logging.getLogger(__name__)

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


Done = Callable[[Any], None]
Failed = Callable[[BaseException, str], None]
Say = Callable[[str], None]


class BackgroundJob(QObject):
    """Runs one piece of work at a time for a widget, and everything around it.

    ``start(work, on_done, on_failed, on_cancelled)`` runs ``work(progress, cancelled)`` on a
    worker thread; exactly one of the callbacks then runs on the GUI thread, after the job has
    stopped being busy (so a callback may start the next step). Starting again while busy
    cancels the running work and ignores whatever it still reports. The job is the widget's
    child: when the widget goes (a dialog closed mid-export), the callbacks go with it and the
    work runs to its end reporting to nobody (the Task is held until then).

    Give it the widget's progress bar, Cancel button and status line (``say``) and it shows,
    hides and fills them; ``busyChanged`` tells the widget to enable or disable the rest."""

    busyChanged = Signal(bool)

    def __init__(
        self,
        parent: QObject,
        *,
        progress: QProgressBar | None = None,
        cancel_button: QAbstractButton | None = None,
        say: Say | None = None,
    ) -> None:
        super().__init__(parent)
        self._progress, self._cancel_button, self._say = progress, cancel_button, say
        self._task: Task | None = None
        self._callbacks: tuple[Done, Failed | None, Callable[[], None] | None] | None = None
        if progress is not None:
            progress.setRange(0, 1000)
            progress.hide()
        if cancel_button is not None:
            cancel_button.clicked.connect(self._cancel_clicked)
            cancel_button.hide()

    @property
    def task(self) -> Task | None:
        """The running Task (tests wait for its ``finished``), None when idle."""
        return self._task

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def cancelling(self) -> bool:
        return self._task is not None and self._task.is_cancelled

    def start(
        self,
        work: Work,
        on_done: Done,
        on_failed: Failed | None = None,
        on_cancelled: Callable[[], None] | None = None,
        *,
        message: str = "",
    ) -> Task:
        """Run ``work``; ``on_failed`` defaults to logging the traceback."""
        if self._task is not None:
            self._task.cancel()  # superseded: what it still reports is ignored
        task = Task(work)  # no parent: deleting the widget must not delete it under its thread
        keep_until_finished(task)
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        task.was_cancelled.connect(self._on_cancelled)
        self._task, self._callbacks = task, (on_done, on_failed, on_cancelled)
        self._show_busy(True)
        if message and self._say is not None:
            self._say(message)
        task.start()
        return task

    @Slot()
    def _cancel_clicked(self) -> None:
        self.cancel()

    def cancel(self, message: str | None = None) -> None:
        """Ask the work to stop; it reports ``on_cancelled`` when it has. ``message`` (""
        for none) replaces the status words "Cancelling…"."""
        if message is None:
            message = translate("Workers", "Cancelling…")
        if self._task is None or self._task.is_cancelled:
            return
        self._task.cancel()
        if self._cancel_button is not None:
            self._cancel_button.setEnabled(False)
        if self._say is not None and message:
            self._say(message)

    def _is_current(self) -> bool:
        return self._task is not None and self.sender() is self._task

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if not self._is_current() or self.cancelling:
            return
        if self._progress is not None:
            self._progress.setValue(round(fraction * 1000))
        if message and self._say is not None:
            self._say(message)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        if self._is_current():
            on_done, _, _ = self._end()
            on_done(result)

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        if self._is_current():
            _, on_failed, _ = self._end()
            if on_failed is None:
                log.error("background work failed:\n%s", details)
            else:
                on_failed(error, details)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._is_current():
            _, _, on_cancelled = self._end()
            if on_cancelled is not None:
                on_cancelled()

    def _end(self) -> tuple[Done, Failed | None, Callable[[], None] | None]:
        assert self._callbacks is not None
        callbacks, self._task, self._callbacks = self._callbacks, None, None
        self._show_busy(False)
        return callbacks

    def _show_busy(self, busy: bool) -> None:
        if self._progress is not None:
            if busy:
                self._progress.setValue(0)
            self._progress.setVisible(busy)
        if self._cancel_button is not None:
            self._cancel_button.setVisible(busy)
            self._cancel_button.setEnabled(busy)
        self.busyChanged.emit(busy)


def run_once(parent: QObject, work: Work, on_done: Done, on_failed: Failed | None = None) -> Task:
    """Work with no progress to show (a network probe, a geometry merge for the map): a job
    of its own that goes once the work has reported."""
    job = BackgroundJob(parent)
    task = job.start(work, on_done, on_failed)
    job.busyChanged.connect(job.deleteLater)  # from now on it only says "no longer busy"
    return task
