"""Starting the desktop app: which project to open, crash handling, the window."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from assetmap.qt.crash_log import CrashReport

log = logging.getLogger("assetmap")
# How long after the window shows the coverage code starts compiling in the background:
# start-up and the first drawing of the map come first.
WARM_AFTER_MS = 3000


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)  # a widget application: the window needs one
    app.setApplicationName("assetmap")
    app.setOrganizationName("assetmap")
    app.setApplicationDisplayName("assetmap")
    app.setDesktopFileName("io.github.assetmap.assetmap")
    from assetmap.qt.paths import app_icon

    icon = app_icon()
    if icon is not None:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))

    return app


def choose_project(requested: Path | None) -> Path | None:
    """The file asked for; else the last project; else the user's copy of the demo."""
    from assetmap.qt.main_window import last_project
    from assetmap.qt.paths import user_demo

    if requested is not None:
        return private_copy_if_demo(requested)
    return last_project() or user_demo()


def private_copy_if_demo(path: Path) -> Path:
    """The shipped demo is never opened itself (opening may upgrade it); its copy is."""
    from assetmap.qt.paths import is_sample_project, private_copy

    return private_copy(path) if path.is_file() and is_sample_project(path) else path


def open_first_project(requested: Path | None):  # -> Project | None
    from assetmap.core.errors import AssetmapError
    from assetmap.core.project import Project
    from assetmap.qt.paths import user_demo

    path = choose_project(requested)
    if path is None:
        return None
    try:
        return Project.open(path)
    except AssetmapError as exc:
        from assetmap.qt.i18n import translate

        QMessageBox.warning(None, translate("App", "Could not open the project"), str(exc))
        if requested is not None or path == user_demo():
            fallback = user_demo()
            if fallback is not None and fallback != path:
                return Project.open(fallback)
        return None


def run_app(requested: Path | None = None) -> int:
    started = time.perf_counter()
    app = make_app()
    from assetmap.qt import crash_log
    from assetmap.qt.i18n import install_translators, translate

    log.info("interface language: %s", install_translators())  # before any window is built
    from assetmap.qt.errors import install_exception_hook, setup_logging

    crashed = crash_log.previous_crash()  # before this run's log lines follow the last run's
    setup_logging()
    install_exception_hook()
    crash_file = crash_log.start()
    if crash_file is not None:
        log.info("a crash would be reported in %s", crash_file)
    from assetmap.core.project import Project
    from assetmap.qt.main_window import MainWindow, remember_project
    from assetmap.qt.paths import data_dir
    from assetmap.qt.session import Session
    from assetmap.qt.window.welcome import shows_on_start

    first_run = shows_on_start(requested)
    project = open_first_project(requested)
    if project is None:
        name = translate("App", "Untitled")  # the project's name, in the title bar
        project = Project.create(data_dir() / "untitled.gpkg", name=name, overwrite=True)
    if requested is not None:
        remember_project(project.path)
    window = MainWindow(Session(project))
    if first_run:  # the demo is open beneath it (BRIEF §5); see qt/window/welcome.py
        window.welcome.show()
    window.show()
    log.info("window shown %.2f s after start", time.perf_counter() - started)
    QSettings().sync()
    if crashed is not None:
        QTimer.singleShot(0, lambda: offer_crash_report(crashed, window))
    QTimer.singleShot(WARM_AFTER_MS, _warm_the_coverage_code)
    return app.exec()


def _warm_the_coverage_code() -> None:
    """The first analysis on a computer compiles its coverage code (about 10 s): do it now,
    in the background, while the user looks around (core/analysis/warm.py)."""
    from assetmap.core.analysis import warm

    try:
        if warm.start_if_needed() is not None:
            log.info("compiling the coverage code in the background (first run here)")
    except OSError as exc:  # the first analysis compiles it instead
        log.warning("could not start compiling the coverage code: %s", exc)


def offer_crash_report(report: CrashReport, parent: QWidget | None = None) -> None:
    """The last run crashed: say so once, over the window, with its report."""
    from assetmap.qt.dialogs.crash_report import CrashReportDialog

    log.warning("the last run crashed; its report is %s", report.path)
    CrashReportDialog(report, parent).exec()
