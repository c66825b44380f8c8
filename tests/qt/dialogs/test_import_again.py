"""Importing an updated file again through the dialog: the key shown, confirmed, and reported."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from assetmap.core import assets
from assetmap.qt.dialogs.import_dialogs import ImportAssetsDialog

WAIT_MS = 60_000


def _updated_libraries(trafford, folder, name=None):
    """Next year's list: a library gone, one new, an address changed."""
    source = trafford / "assets" / "trafford_libraries.geojson"
    data = json.loads(source.read_text(encoding="utf-8"))
    features = data["features"]
    features[2]["properties"]["Address"] = "1 New Street, Sale"
    extra = json.loads(json.dumps(features[0]))
    extra["properties"].update({"Name": "Partington Library Pop-up", "Postcode": "M31 4BX"})
    data["features"] = [f for i, f in enumerate(features) if i != 5] + [extra]
    path = folder / (name or source.name)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _opened(qtbot, session, path):
    dialog = ImportAssetsDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 720)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    return dialog


def _next(qtbot, dialog):
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def test_an_updated_file_is_matched_by_the_proposed_key_and_the_report_says_so(
    qtbot, session, trafford, tmp_path
):
    path = _updated_libraries(trafford, tmp_path)
    before = len(assets.frame(session.project))
    dialog = _opened(qtbot, session, path)
    _next(qtbot, dialog)  # Columns
    assert dialog.match_combo.currentText() == "Name + postcode (proposed)"
    assert "13 assets came from a file named trafford_libraries.geojson" in (
        dialog.match_note.text()
    )
    dialog.grab().save("/tmp/import_again_columns.png")
    index = dialog.category_combo.findData("libraries")
    dialog.category_combo.setCurrentIndex(index)
    while dialog.step < dialog.last_mapping_step:
        _next(qtbot, dialog)
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    report = dialog.report
    assert (report.added, report.updated, report.unchanged, len(report.missing)) == (1, 1, 11, 1)
    page = dialog.report_page
    assert page.heading.text() == "Ready to import trafford_libraries.geojson again"
    assert "1 added, 1 updated, 11 unchanged, 1 no longer in the file (kept)" in (
        page.explanation.text()
    )
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count()) if page.tabs.isTabVisible(i)]
    assert "No longer in the file (1)" in tabs and "Updated (1)" in tabs
    assert "Matched again by: name + postcode" in page.summary_text()
    assert dialog.next_button.text().replace("&", "") == "Import again"
    dialog.grab().save("/tmp/import_again_report.png")
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)
    assert len(assets.frame(session.project)) == before + 1
    session.undo()
    assert len(assets.frame(session.project)) == before


def test_an_identifier_column_is_proposed_and_can_be_changed(qtbot, session, trafford):
    path = trafford / "assets" / "trafford_schools_and_colleges.geojson"
    dialog = _opened(qtbot, session, path)
    _next(qtbot, dialog)
    # The first identifier-like column whose values differ in every row.
    assert dialog.match_combo.currentText() == "Identifier column 'establishment_number' (proposed)"
    assert dialog._options().id_field == "establishment_number"
    chosen = dialog.match_combo.findText("Identifier column 'unique_reference_number'")
    dialog.match_combo.setCurrentIndex(chosen)
    assert dialog._options().id_field == "unique_reference_number"
    dialog.match_combo.setCurrentIndex(dialog.match_combo.findText("Name + postcode"))
    options = dialog._options()
    assert options.id_field is None and options.match_key == ("name", "postcode")


def test_an_updated_file_with_a_new_name_is_matched_to_the_file_it_replaces(
    qtbot, session, trafford, tmp_path
):
    path = _updated_libraries(trafford, tmp_path, "libraries_2027.geojson")
    before = len(assets.frame(session.project))
    dialog = _opened(qtbot, session, path)
    _next(qtbot, dialog)  # Columns
    columns = dialog.columns
    assert columns.replaces_combo.isVisible()
    assert "Importing libraries_2027.geojson again later" in dialog.match_note.text()
    choice = columns.replaces_combo.findText("trafford_libraries.geojson")
    assert choice > 0
    columns.replaces_combo.setCurrentIndex(choice)
    assert "13 assets came from a file named trafford_libraries.geojson" in (
        dialog.match_note.text()
    )
    dialog.grab().save("/tmp/import_replaces_columns.png")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("libraries"))
    while dialog.step < dialog.last_mapping_step:
        _next(qtbot, dialog)
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    report = dialog.report
    assert (report.added, report.updated, report.unchanged, len(report.missing)) == (1, 1, 11, 1)
    _next(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)
    assert len(assets.frame(session.project)) == before + 1
