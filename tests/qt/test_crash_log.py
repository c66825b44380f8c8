"""A hard crash (a segfault, no Python traceback) is recorded by faulthandler and offered,
once, when the app next starts."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from assetmap.qt import crash_log
from assetmap.qt.app import offer_crash_report
from assetmap.qt.dialogs.crash_report import HEADING, CrashReportDialog
from assetmap.qt.paths import log_dir
from support.qt import when_modal

# The real start-up (run_app), on the demo, in a child process that then either crashes in
# native code once the window is up or quits normally.
CHILD = textwrap.dedent(
    """
    import faulthandler, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from assetmap.qt.app import make_app, run_app

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
    app = make_app([])

    def crash_while_drawing_the_map():
        faulthandler._sigsegv()  # what a null pointer in Qt or GDAL does

    ending = crash_while_drawing_the_map if sys.argv[2] == "crash" else app.quit
    QTimer.singleShot(0, ending)  # runs once the window is up
    sys.exit(run_app(Path(sys.argv[1])))
    """
)


def run_the_app(tmp_path, project, ending: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(project), ending, str(tmp_path / "child-ini")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONFAULTHANDLER": ""},
    )


class FolderOpener(QObject):
    """Stands in for the file manager: Qt hands it the folder the dialog opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def folder_opener():
    opener = FolderOpener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


def test_a_segfault_is_offered_on_the_next_start_with_its_report(
    qtbot, tmp_path, demo_path, folder_opener
):
    child = run_the_app(tmp_path, demo_path, "crash")
    assert child.returncode == -signal.SIGSEGV, child.stderr
    assert "Fatal Python error" not in child.stderr  # it went to the crash file instead

    report = crash_log.previous_crash()
    assert report is not None and report.folder == log_dir()
    assert report.path.name.startswith("crash-") and report.path.read_text() == report.text
    header = re.match(r"assetmap \S+, started \S+, pid (\d+), Python ", report.text)
    assert header is not None and report.path.stem.endswith(f"-{header[1]}")
    assert "Fatal Python error: Segmentation fault" in report.text
    assert "crash_while_drawing_the_map" in report.text  # the Python stack at the crash
    assert "window shown" in report.text  # and the crashed run's last log lines
    assert not list(log_dir().glob("running-*.log"))

    seen = {}

    def answer(dialog) -> None:
        assert isinstance(dialog, CrashReportDialog)
        seen["heading"] = dialog.heading.text()
        assert dialog.details.isHidden()
        dialog.details_button.click()
        seen["details"] = dialog.details.toPlainText()
        dialog.copy_button.click()
        dialog.folder_button.click()
        dialog.grab().save("/tmp/crash_report.png")
        dialog.close_button.click()

    when_modal(answer)
    offer_crash_report(report)
    assert HEADING in seen["heading"]
    assert seen["details"] == report.text
    assert QGuiApplication.clipboard().text() == report.text
    assert [url.toLocalFile() for url in folder_opener.opened] == [str(log_dir())]
    assert QApplication.activeModalWidget() is None

    # Offered once: the next start says nothing, and the report is kept.
    assert crash_log.previous_crash() is None
    assert report.path.exists()


def test_a_clean_exit_leaves_nothing_to_offer(qtbot, tmp_path, demo_path):
    child = run_the_app(tmp_path, demo_path, "quit")
    assert child.returncode == 0, child.stderr
    [running] = log_dir().glob("running-*.log")
    assert crash_log.CLEAN_EXIT in running.read_text()
    assert crash_log.previous_crash() is None
    assert not list(log_dir().glob("running-*.log")) and not list(log_dir().glob("crash-*"))


def write_run(name: str, text: str, mtime: float | None = None):
    path = log_dir() / name
    path.write_text(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


HEADER = "assetmap 0.1.0, started 2026-01-01T10:00:00+00:00, pid 4242\n"
SEGFAULT = (
    "Fatal Python error: Segmentation fault\n\nCurrent thread 0x01 (most recent call first):\n"
)


def test_only_the_newest_few_reports_are_kept(qtbot):
    for i in range(8):
        write_run(f"running-{1000 + i}.log", HEADER + SEGFAULT, mtime=1_700_000_000 + i * 60)
    report = crash_log.previous_crash()
    assert report is not None and report.path.name.endswith("-1007.log")
    kept = sorted(p.name for p in log_dir().glob("crash-*.log"))
    assert len(kept) == crash_log.REPORTS_KEPT and kept[-1] == report.path.name


def test_a_running_copy_and_a_killed_run_are_not_crashes(qtbot):
    running = write_run("running-5000.log", HEADER + SEGFAULT)
    with running.open("a") as handle:
        crash_log._lock(handle)  # another copy of the app, still running
        killed = write_run("running-5001.log", HEADER)  # killed: no report, nothing to say
        assert crash_log.previous_crash() is None
        assert running.exists() and not killed.exists()
    assert crash_log.previous_crash() is not None  # once that copy has gone


@pytest.mark.parametrize(
    ("text", "crashed"),
    [
        (HEADER, False),
        (HEADER + SEGFAULT, True),
        (HEADER + "clean exit 2026-01-01T11:00:00+00:00\n", False),
        # Windows reports exceptions a library went on to handle: survived, not a crash.
        (
            HEADER + "Windows fatal exception: access violation\n\n"
            "clean exit 2026-01-01T11:00:00+00:00\n",
            False,
        ),  # fmt: skip
        # A crash while Qt's objects were torn down, after the clean-exit line.
        (HEADER + "clean exit 2026-01-01T11:00:00+00:00\n" + SEGFAULT, True),
    ],
)
def test_what_counts_as_a_crash(text, crashed):
    assert crash_log.crashed(text) is crashed


def test_without_a_writable_logs_folder_the_app_runs_on(qtbot, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("a file where the data folder should be")
    monkeypatch.setenv("ASSETMAP_HOME", str(not_a_folder))
    assert crash_log.start() is None
    assert crash_log.previous_crash() is None
