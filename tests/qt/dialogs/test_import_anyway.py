"""A file whose coordinates do not fit its coordinate system: the import dialog explains, and
imports only when the user answers "Import anyway"."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from assetmap.core import areas
from assetmap.qt.dialogs.import_dialogs import ImportAreasDialog

WAIT_MS = 60_000


def when_question(act) -> None:
    """Run ``act(box)`` on the next question box, from inside its event loop (the import
    dialog is modal itself, so the first modal widget is not the one wanted)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        act(box)

    QTimer.singleShot(20, poll)


@pytest.fixture
def wards_labelled_bng(trafford, tmp_path):
    """Trafford's wards in longitude/latitude, saved saying they are British National Grid."""
    path = trafford / "boundaries" / "trafford_ward2023_generalised.geojson"
    collection = json.loads(path.read_text())
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    out = tmp_path / "wards.geojson"
    out.write_text(json.dumps(collection))
    return out


def checked_with_answer(qtbot, session, path, answer: str, seen: dict):
    """Open the file, name the set, press Check and answer the question when it comes."""
    dialog = ImportAreasDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    dialog.set_area_set_name("Wards")

    def respond(box: QMessageBox) -> None:
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["details"] = box.detailedText()
        box.grab().save(str(path.parent / "question.png"))
        button = next(b for b in box.buttons() if b.text() == answer)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_question(respond)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Check
    qtbot.waitUntil(lambda: "text" in seen and not dialog.busy, timeout=WAIT_MS)
    return dialog


def test_import_anyway_reruns_the_check_with_the_confirmation(
    qtbot, empty_session, wards_labelled_bng
):
    seen: dict = {}
    dialog = checked_with_answer(qtbot, empty_session, wards_labelled_bng, "Import anyway", seen)
    assert seen["title"] == "The locations look wrong"
    assert seen["text"].startswith("The locations in wards.geojson do not fit")
    assert seen["text"].endswith("They look like longitude/latitude (EPSG:4326).")
    assert "0.23 × 0.12 m patch" in seen["details"]
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert dialog.report.imported == 21
    assert any("imported anyway, as confirmed" in n for n in dialog.report.notes)
    assert areas.list_sets(empty_session.project) == []  # checked, not yet imported

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)
    assert areas.count(empty_session.project, "Wards") == 21


def test_dont_import_leaves_the_explanation_and_the_project_as_it_was(
    qtbot, empty_session, wards_labelled_bng
):
    seen: dict = {}
    dialog = checked_with_answer(qtbot, empty_session, wards_labelled_bng, "Don't import", seen)
    page = dialog.report_page
    assert page.problem_heading.text() == "wards.geojson cannot be imported as it is"
    assert "look like longitude/latitude (EPSG:4326)" in page.problem_text.text()
    assert dialog.prepared is None and not dialog.next_button.isEnabled()
    assert areas.list_sets(empty_session.project) == []
