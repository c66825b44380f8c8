"""Qt test fixtures: a private copy of the demo project and a Session on it."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtWebEngine (tests/qt/test_html_in_browser.py): Chromium refuses to run as root, as CI
# containers do, unless its sandbox is off; read when the first web page is created.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


@pytest.fixture(autouse=True)
def private_settings_and_home(tmp_path, monkeypatch):
    """QSettings, logs and the demo copy in a temporary folder: tests never read or change
    the user's own."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("ASSETMAP_HOME", str(tmp_path / "home"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    QSettings().clear()
    yield
    QSettings().clear()


# A message box nobody answers would hold a test (and CI) until its time limit: one still open
# this long was not expected by the test, so it is closed and the test fails with its words.
UNANSWERED_DIALOG_S = 30.0


@pytest.fixture(autouse=True)
def no_unanswered_message_box(qtbot):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: dict[int, float] = {}
    closed: list[str] = []

    def check() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            seen.clear()
            return
        first = seen.setdefault(id(box), time.monotonic())
        if time.monotonic() - first > UNANSWERED_DIALOG_S:
            closed.append(f"{box.windowTitle()}: {box.text()}\n{box.detailedText()}")
            box.reject()

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not closed, "a message box was left unanswered: " + "; ".join(closed)


@pytest.fixture
def demo_path(tmp_path, repo_root):
    """A writable copy of sample_data/trafford.gpkg (tests never touch the original)."""
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    return path


@pytest.fixture
def session(qtbot, demo_path):
    from assetmap.core.project import Project
    from assetmap.qt.session import Session

    s = Session(Project.open(demo_path))
    yield s
    s.close()


@pytest.fixture
def empty_session(qtbot, tmp_path):
    from assetmap.core.project import Project
    from assetmap.qt.session import Session

    s = Session(Project.create(tmp_path / "empty.gpkg", name="Empty"))
    yield s
    s.close()


@pytest.fixture
def welsh(qapp, monkeypatch):
    """The app in Welsh for one test (its translators removed after)."""
    from assetmap.qt import i18n  # not at import: the environment above comes first

    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    assert i18n.install_translators("cy") == "cy"
    yield
    i18n.remove_translators()
