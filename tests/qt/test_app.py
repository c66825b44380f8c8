"""Which project the app opens, New project, Save a Copy and About."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assetmap.core import areas, assets
from assetmap.core.project import Project
from assetmap.qt.app import choose_project, open_first_project
from assetmap.qt.main_window import MainWindow, last_project, remember_project
from assetmap.qt.paths import shipped_demo, user_demo


def test_first_run_opens_a_private_copy_of_the_demo(qtbot, repo_root):
    chosen = choose_project(None)
    assert chosen == user_demo() and chosen.exists()
    assert chosen != shipped_demo()
    # A checkout finds its own sample_data/; `pip install .` finds <prefix>/share/assetmap.
    shipped = shipped_demo()
    assert shipped.read_bytes() == (repo_root / "sample_data" / "trafford.gpkg").read_bytes()
    project = open_first_project(None)
    assert project.name == "Trafford community assets (demo)"
    project.close()


def test_later_runs_open_the_last_project(qtbot, demo_path):
    remember_project(demo_path)
    assert last_project() == demo_path.resolve()
    assert choose_project(None) == demo_path.resolve()


def test_a_missing_last_project_falls_back_to_the_demo(qtbot, tmp_path):
    gone = tmp_path / "gone.gpkg"
    Project.create(gone).close()
    remember_project(gone)
    gone.unlink()
    assert choose_project(None) == user_demo()


@pytest.fixture
def window(qtbot, session):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    return w


def test_new_project_wizard_creates_the_file_and_imports_the_first_areas(
    qtbot, window, tmp_path, trafford
):
    target = tmp_path / "stretford.gpkg"
    boundaries = trafford / "boundaries" / "trafford_ward2023_generalised.geojson"
    seen = {}

    def fill_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        qtbot.keyClicks(wizard.name_edit, "Stretford assets")
        wizard.file_edit.setText(str(target))
        wizard.next()
        wizard.areas_edit.setText(str(boundaries))
        wizard._guess_crs()
        seen["crs"] = wizard.crs_label.text()
        wizard.set_name_edit.setText("Wards")
        QTimer.singleShot(50, drive_import)
        wizard.accept()

    def drive_import() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "next_button"):
            QTimer.singleShot(50, drive_import)
            return
        try:
            ready = lambda: dialog.preview is not None and not dialog.busy  # noqa: E731
            qtbot.waitUntil(ready, timeout=60_000)
            dialog.next_button.click()  # to the mapping step (the set name is filled in)
            dialog.next_button.click()  # check: the dry run
            qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
            dialog.next_button.click()  # import
            qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=60_000)
        finally:
            dialog.accept()  # never leave a modal dialog open: the test would hang

    QTimer.singleShot(50, fill_wizard)
    window.new_project()
    assert "British National Grid" in seen["crs"]
    assert target.exists()
    project = window.session.project
    assert (project.name, project.path) == ("Stretford assets", target)
    assert [i.name for i in areas.list_sets(project)] == ["Wards"]
    assert areas.count(project, "Wards") == 21
    assert window.windowTitle().startswith("Stretford assets")
    assert last_project() == target.resolve()


def test_save_a_copy_writes_a_complete_project(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    copy = tmp_path / "copy.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.save_copy()
    with Project.open(copy) as reopened:
        assert len(assets.frame(reopened)) == 501
    assert window.session.project.path != copy  # still working on the original
    assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_about_shows_the_version_and_the_projects_attributions(qtbot, window):
    from assetmap import __version__
    from assetmap.qt.dialogs.about import AboutDialog

    about = AboutDialog(window.session, window)
    qtbot.addWidget(about)
    text = about.text.toPlainText()
    assert f"assetmap {__version__}" in text
    assert "Open Government Licence v3.0" in text
    assert "Royal Mail copyright" in text  # Code-Point Open, used to place the directory


def test_the_app_has_its_icon(qtbot):
    from assetmap.qt.app import make_app
    from assetmap.qt.paths import app_icon

    assert app_icon() is not None
    assert not make_app().windowIcon().isNull()


def test_asking_for_the_shipped_demo_opens_the_private_copy(qtbot, repo_root):
    shipped = repo_root / "sample_data" / "trafford.gpkg"
    before = shipped.read_bytes()
    assert choose_project(shipped) == user_demo()
    project = open_first_project(shipped)
    assert project.path == user_demo()
    project.close()
    assert shipped.read_bytes() == before


def test_the_demo_menu_opens_a_private_copy_of_the_offline_rutland_demo(qtbot, session, repo_root):
    from assetmap.qt.paths import data_dir

    shipped = repo_root / "sample_data" / "rutland.gpkg"
    before = shipped.read_bytes()
    window = MainWindow(session)
    qtbot.addWidget(window)
    (rutland,) = [a for a in window.demo_menu.actions() if "Rutland" in a.text()]
    assert rutland.isEnabled()
    rutland.trigger()
    assert window.session.project.path == data_dir() / "demo" / "rutland.gpkg"
    assert window.session.project.name == "Rutland community assets (demo, offline)"
    assert window.builder.has_basemap()
    assert "© OpenStreetMap contributors" in window._attribution_text()
    # The queued zoom to the new project: the whole of Rutland in view.
    rutland_extent = window.session.full_extent()
    qtbot.waitUntil(lambda: window.canvas.view == window.canvas.view.fitted(rutland_extent))
    window.close()
    assert not window.session.is_open
    assert shipped.read_bytes() == before
