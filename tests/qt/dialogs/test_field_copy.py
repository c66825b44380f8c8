"""File ▸ Save a copy for the field… on the Trafford demo, and the title bar of the copy."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from assetmap.core import copies
from assetmap.core.commands import EditAsset
from assetmap.core.project import Project
from assetmap.qt.dialogs.field_copy import FieldCopyDialog
from assetmap.qt.session import Session
from support.qt import open_window

DEMO_NAME = "Trafford community assets (demo)"


def test_the_dialog_saves_a_field_copy_without_personal_data(qtbot, session, tmp_path):
    project = session.project
    first = project.conn.execute("SELECT uuid FROM assets ORDER BY name LIMIT 1").fetchone()[0]
    session.push(EditAsset(first, {"personal_data": True}))
    dialog = FieldCopyDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.label.text().startswith("Field copy, ")
    assert "(1 in this project)" in dialog.leave_out_personal.text()
    assert dialog.leave_out_personal.isChecked()  # personal data stays home unless asked
    out = tmp_path / "jo"
    dialog.label.setText("Field copy for Jo, 7 December 2026")
    dialog.target.setText(str(out))  # ".gpkg" is added
    dialog.leave_out_attachments.setChecked(True)
    dialog.grab().save(str(tmp_path / "field_copy_dialog.png"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    report = dialog.report
    assert report.path == tmp_path / "jo.gpkg" and report.assets == 500
    assert "without 1 personal-data asset and 0 photos and attachments" in dialog.message.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).isVisible()
    dialog.grab().save(str(tmp_path / "field_copy_done.png"))
    with sqlite3.connect(report.path) as conn:
        assert conn.execute("SELECT count(*) FROM assets WHERE uuid = ?", (first,)).fetchone() == (
            0,
        )
    assert report.identity.project_id == copies.identity(project).project_id


def test_a_copy_that_cannot_be_written_says_so_and_leaves_nothing(qtbot, session, tmp_path):
    dialog = FieldCopyDialog(session.project)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "missing" / "jo.gpkg"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.busy and "does not exist" in dialog.message.text())
    assert dialog.report is None and dialog.start_button.isEnabled()
    assert not (tmp_path / "missing").exists()


def test_the_title_bar_names_the_copy(qtbot, session, tmp_path):
    window = open_window(qtbot, session)
    assert window.windowTitle() == f"{DEMO_NAME} — assetmap"  # the original: no label
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Save a copy for the &field…" in actions
    out = tmp_path / "jo.gpkg"
    copies.save_copy(session.project, out, label="Field copy for Jo, 7 December 2026")
    window.switch_to(Project.open(out))
    assert window.windowTitle() == (f"{DEMO_NAME} — Field copy for Jo, 7 December 2026 — assetmap")
    window.grab().save(str(tmp_path / "field_copy_window.png"))


def test_save_a_copy_keeps_the_label_with_a_new_copy_id(qtbot, tmp_path, demo_path, monkeypatch):
    labelled = tmp_path / "jo.gpkg"
    with Project.open(demo_path) as project:
        copies.save_copy(project, labelled, label="Field copy for Jo")
    session = Session(Project.open(labelled))
    try:
        window = open_window(qtbot, session)
        again = tmp_path / "again.gpkg"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(again), ""))
        window.save_copy()
        source = copies.identity(window.session.project)
        with Project.open(again) as copy:
            who = copies.identity(copy)
        assert (who.project_id, who.copy_label) == (source.project_id, "Field copy for Jo")
        assert who.copy_id != source.copy_id and who.copied_from == source.copy_id
    finally:
        window.session.close()
