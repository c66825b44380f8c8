"""File ▸ New project for a place…: search, choose, save, and the window opens the project."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assetmap.core import areas
from assetmap.core.places import AREA_SET
from support.qt import open_window


def shown_names(dialog) -> list[str]:
    items = [dialog.list.item(r) for r in range(dialog.list.count())]
    return [i.data(Qt.ItemDataRole.UserRole).name for i in items if not i.isHidden()]


def test_the_menu_makes_and_opens_a_project_for_a_place(qtbot, session, tmp_path):
    window = open_window(qtbot, session)
    assert window.act_new_place in window.menuBar().actions()[0].menu().actions()
    window.act_new_place.trigger()
    dialog = window.files.place_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.search, "rutl")
    assert shown_names(dialog) == ["Rutland"]
    assert "23 neighbourhoods with population" in dialog.note.text()
    target = tmp_path / "rutland_assets.gpkg"
    dialog.file_edit.setText(str(target))
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.project.path == target, timeout=20_000)
    project = window.session.project
    assert areas.count(project, AREA_SET) == 23
    assert project.name == "Rutland community assets"
    assert "Rutland: 23 neighbourhoods" in window.statusBar().currentMessage()


def test_a_welsh_place_is_explained_before_it_is_made(qtbot, tmp_path):
    from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog

    dialog = NewPlaceProjectDialog()
    qtbot.addWidget(dialog)
    dialog.select("Newport")
    assert dialog.place.name == "Newport"
    assert "English Indices of Deprivation 2019 cover England only" in dialog.note.text()
    dialog.file_edit.setText(str(tmp_path / "newport.gpkg"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.make_project()
    assert dialog.made.areas == 95 and dialog.made.notes


def test_the_search_box_shows_the_closest_when_nothing_matches(qtbot):
    from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog

    dialog = NewPlaceProjectDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "St Helens")
    assert shown_names(dialog) == ["St. Helens"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Lester")
    assert shown_names(dialog) == []
    assert "Closest: Leicester" in dialog.note.text()
    assert not dialog.create_button.isEnabled()


def test_an_existing_file_is_not_replaced_without_asking(qtbot, tmp_path):
    from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog

    mine = tmp_path / "mine.gpkg"
    mine.write_bytes(b"my work")
    dialog = NewPlaceProjectDialog()
    qtbot.addWidget(dialog)
    dialog.select("Rutland")
    dialog.file_edit.setText(str(mine))
    dialog.make_project()
    qtbot.waitUntil(lambda: not dialog.job.busy, timeout=20_000)
    assert "already exists" in dialog.status.text()
    assert mine.read_bytes() == b"my work"
    assert dialog.result() == 0 and dialog.made is None


def test_the_dialog_works_from_the_keyboard_alone(qtbot, tmp_path):
    from assetmap.qt import file_dialogs
    from assetmap.qt.dialogs.new_place_project import NewPlaceProjectDialog

    file_dialogs.remember_folder(file_dialogs.PROJECTS, tmp_path / "any.gpkg")
    dialog = NewPlaceProjectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "newport")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.list and not dialog.job.busy
    assert dialog.place.name == "Newport"
    assert dialog.file_edit.text() == str(tmp_path / "newport_assets.gpkg")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert (tmp_path / "newport_assets.gpkg").is_file()
