"""The one helper every dialog and panel runs its work through: progress, Cancel, failure,
and a widget closed while its work runs."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assetmap.core.errors import BadInputError
from assetmap.core.progress import check_cancelled
from assetmap.qt.workers import BackgroundJob, run_once


class Panel(QWidget):
    """A widget laid out as the app's panels are: progress bar, Cancel, a status line."""

    def __init__(self) -> None:
        super().__init__()
        self.progress, self.cancel, self.status = QProgressBar(), QPushButton("Cancel"), QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.cancel, self.status):
            layout.addWidget(widget)
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.cancel, say=self.status.setText
        )
        self.outcomes: list[object] = []
        self.busy_seen: list[bool] = []
        self.job.busyChanged.connect(self.busy_seen.append)

    def start(self, work):  # noqa: ANN001, ANN201 - test helper
        return self.job.start(
            work,
            lambda result: self.outcomes.append(("done", result)),
            lambda error, details: self.outcomes.append(("failed", error)),
            lambda: self.outcomes.append(("cancelled", None)),
            message="Starting…",
        )


def make_panel(qtbot) -> Panel:  # noqa: ANN001
    panel = Panel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_work_reports_progress_then_its_result(qtbot):
    panel = make_panel(qtbot)
    halfway, go_on = threading.Event(), threading.Event()

    def work(progress, cancelled):  # noqa: ANN001, ANN202
        progress(0.5, "Half way")
        halfway.set()
        go_on.wait(10)
        return 42

    panel.start(work)
    assert panel.job.busy and panel.progress.isVisible() and panel.cancel.isVisible()
    qtbot.waitUntil(lambda: panel.progress.value() == 500)
    assert panel.status.text() == "Half way"
    go_on.set()
    qtbot.waitUntil(lambda: panel.outcomes == [("done", 42)])
    assert not panel.job.busy and not panel.progress.isVisible() and not panel.cancel.isVisible()
    assert panel.busy_seen == [True, False]


def test_cancel_button_stops_the_work_and_says_so(qtbot):
    panel = make_panel(qtbot)
    running = threading.Event()

    def work(progress, cancelled):  # noqa: ANN001, ANN202
        running.set()
        while True:
            check_cancelled(cancelled)
            progress(0.1, "Working")

    panel.start(work)
    assert running.wait(10)
    panel.cancel.click()
    assert panel.status.text() == "Cancelling…" and not panel.cancel.isEnabled()
    qtbot.waitUntil(lambda: panel.outcomes == [("cancelled", None)])
    assert panel.status.text() == "Cancelling…"  # progress after Cancel does not hide it
    assert not panel.job.busy


def test_failure_reaches_on_failed_with_the_error(qtbot):
    panel = make_panel(qtbot)

    def work(progress, cancelled):  # noqa: ANN001, ANN202
        raise BadInputError("row 3: no name", field="name")

    panel.start(work)
    qtbot.waitUntil(lambda: bool(panel.outcomes))
    ((kind, error),) = panel.outcomes
    assert kind == "failed" and isinstance(error, BadInputError) and "row 3" in str(error)
    assert not panel.job.busy


def test_starting_again_replaces_the_running_work(qtbot):
    """A new preview replaces the one still being read: only the new one's result counts."""
    panel = make_panel(qtbot)
    first_may_end = threading.Event()

    def first(progress, cancelled):  # noqa: ANN001, ANN202
        first_may_end.wait(10)
        return "old"

    old = panel.start(first)
    panel.start(lambda progress, cancelled: "new")
    assert old.is_cancelled
    qtbot.waitUntil(lambda: panel.outcomes == [("done", "new")])
    ended: list[bool] = []
    old.finished.connect(lambda: ended.append(True))
    first_may_end.set()
    qtbot.waitUntil(lambda: ended == [True])  # its result came before this, and was ignored
    assert panel.outcomes == [("done", "new")]


def test_closing_the_widget_while_its_work_runs_never_crashes(qtbot):
    crashes: list[BaseException] = []
    hook = threading.excepthook
    threading.excepthook = lambda args: crashes.append(args.exc_value)  # type: ignore[assignment]
    try:
        panel = Panel()
        reporting, workers = threading.Event(), []

        def work(progress, cancelled):  # noqa: ANN001, ANN202
            workers.append(threading.current_thread())
            while not cancelled():
                progress(0.5, "exporting")
                reporting.set()

        task = panel.start(work)
        ended: list[bool] = []
        task.finished.connect(lambda: ended.append(True))
        assert reporting.wait(10)
        shiboken6.delete(panel)  # the dialog closes mid-export; its job goes with it
        task.cancel()
        workers[0].join(10)
        qtbot.waitUntil(lambda: ended == [True])  # its reports reached nobody, quietly
        assert not workers[0].is_alive() and crashes == []
    finally:
        threading.excepthook = hook


def test_run_once_reports_then_goes(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[object] = []
    run_once(owner, lambda progress, cancelled: "online", seen.append)
    qtbot.waitUntil(lambda: seen == ["online"])
    qtbot.waitUntil(lambda: not owner.findChildren(BackgroundJob))
