"""Save dialogs start where the user keeps files: the folder last used for that kind of file,
else Documents; never the app's own data folder, where the demo's private copy lives."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from assetmap.qt import file_dialogs
from assetmap.qt.paths import data_dir, private_copy, shipped_demo
from support.qt import when_modal


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "user"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(file_dialogs, "OPTIONS", QFileDialog.Option.DontUseNativeDialog)
    return home / "Documents"


def test_start_folder_is_the_last_one_used_else_documents_never_the_apps_own(documents, tmp_path):
    assert file_dialogs.start_folder(file_dialogs.ANALYSIS) == documents
    file_dialogs.remember_folder(file_dialogs.ANALYSIS, data_dir() / "demo" / "gaps.csv")
    assert QSettings().value(file_dialogs.ANALYSIS) is None  # not remembered
    QSettings().setValue(file_dialogs.ANALYSIS, str(data_dir() / "demo"))  # an older setting
    assert file_dialogs.start_folder(file_dialogs.ANALYSIS) == documents
    QSettings().setValue(file_dialogs.ANALYSIS, str(tmp_path / "gone"))  # since deleted
    assert file_dialogs.start_folder(file_dialogs.ANALYSIS) == documents
    file_dialogs.remember_folder(file_dialogs.ANALYSIS, tmp_path / "gaps.csv")
    assert file_dialogs.start_folder(file_dialogs.ANALYSIS) == tmp_path
    assert file_dialogs.start_folder(file_dialogs.EXPORTS) == documents  # each kind its own


def test_save_a_copy_of_the_demo_starts_in_documents(qtbot, documents, tmp_path):
    from assetmap.core.project import Project
    from assetmap.qt.main_window import MainWindow
    from assetmap.qt.session import Session

    session = Session(Project.open(private_copy(shipped_demo())))
    window = MainWindow(session)
    qtbot.addWidget(window)
    seen: list[tuple[str, str]] = []

    def read_and_cancel(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, QFileDialog)
        seen.append((box.directory().absolutePath(), box.selectedFiles()[0]))
        box.reject()

    when_modal(read_and_cancel)
    window.save_copy()
    assert seen and seen[0][0] == str(documents)
    assert Path(seen[0][1]).name == "trafford copy.gpkg"
    session.close()
