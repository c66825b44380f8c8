"""File ▸ Import ▸ Assets from OpenStreetMap: the mapping shown as an editable table, a check
with the report, then one import that Edit ▸ Undo takes out."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QTableWidgetItem

from assetmap.core import assets
from assetmap.core.project import Project
from assetmap.qt.dialogs.imports.osm_assets import ImportOsmAssetsDialog
from assetmap.qt.session import Session


@pytest.fixture
def rutland_session(qtbot, tmp_path, repo_root):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    s = Session(Project.open(path))
    yield s
    s.close()


def _check(qtbot, dialog) -> None:
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled() or "Nothing" in dialog.status.text(),
                    timeout=60_000)  # fmt: skip


def test_an_edited_mapping_imports_only_what_it_names_and_undo_takes_it_out(
    qtbot, rutland_session, sources
):
    dialog = ImportOsmAssetsDialog(rutland_session)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert ("amenity", "library") in rows and ("leisure", "park") in rows
    # Keep only libraries, and send them to a category of the user's own.
    for row in reversed(range(table.rowCount())):
        if table.item(row, 1).text() != "library":
            table.removeRow(row)
    table.setItem(0, 2, QTableWidgetItem("Reading rooms"))
    dialog.set_extract(sources / "osm" / "rutland-latest-20220720.osm.pbf")
    _check(qtbot, dialog)
    assert "'Reading rooms' → new category" in dialog.report_text.toPlainText()
    assert dialog.import_button.text() == "&Import again"  # the demo's libraries, by OSM id
    dialog.grab().save("/tmp/osm_assets_dialog.png")
    before = len(assets.frame(rutland_session.project))
    dialog.import_button.click()
    project = rutland_session.project
    libraries = assets.frame(project, where="category = 'reading_rooms'")
    assert len(libraries) == 4 and len(assets.frame(project)) == before
    rutland_session.undo()
    assert len(assets.frame(project, where="category = 'reading_rooms'")) == 0


def test_a_file_that_is_not_an_extract_says_why(qtbot, rutland_session, tmp_path):
    dialog = ImportOsmAssetsDialog(rutland_session)
    qtbot.addWidget(dialog)
    bad = tmp_path / "notes.osm"
    bad.write_text("not osm")
    dialog.set_extract(bad)
    _check(qtbot, dialog)
    assert "not an OpenStreetMap extract" in dialog.report_text.toPlainText()
    assert not dialog.import_button.isEnabled()


def _edit_category(qtbot, table, row: int):
    from PySide6.QtWidgets import QComboBox

    table.setCurrentCell(row, 2)
    table.editItem(table.item(row, 2))
    qtbot.waitUntil(lambda: (c := table.findChild(QComboBox)) is not None and c.hasFocus())
    return table.findChild(QComboBox)


def test_the_category_cell_offers_the_projects_categories_and_takes_a_new_name(
    qtbot, rutland_session
):
    """Editing a rule's category opens a list of the project's categories (no need to know
    their spelling); a name not in it can still be typed, for a new category."""
    from PySide6.QtCore import Qt

    dialog = ImportOsmAssetsDialog(rutland_session)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "library")
    combo = _edit_category(qtbot, table, row)
    assert combo.isEditable()
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Libraries" in labels and "Food banks and pantries" in labels
    assert combo.currentText() == "Libraries"
    combo.setCurrentIndex(labels.index("Food banks and pantries"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: table.item(row, 2).text() == "Food banks and pantries")
    combo = _edit_category(qtbot, table, row)
    combo.setEditText("Reading rooms")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 2).text() == "Reading rooms")
    assert any(r.category == "Reading rooms" for r in table.rules())
