"""Basemap ▸ Import OSM extract…: the Stretford extract read in a worker with a progress
bar, the map then has streets, Edit ▸ Undo takes them away again, and Cancel during the
import leaves the project as it was."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from assetmap.core.basemap import store as basemap_store
from assetmap.qt.dialogs.basemap_import import BasemapImportDialog
from support.qt import open_window, when_modal

STRETFORD = "sample_data/sources/osm/trafford_stretford_kingsway-20240322.osm"


@pytest.fixture
def extract(repo_root):
    return repo_root / STRETFORD


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def button(dialog, which) -> object:
    return dialog.buttons.button(which)


def basemap_rows(window) -> list[str]:
    model = window.layers_panel.model
    root = next(model.item(i) for i in range(model.rowCount()) if model.item(i).text() == "Basemap")
    return [root.child(i).text() for i in range(root.rowCount())]


def map_digest(window) -> str:
    """The map's pixels, without the keyboard focus ring (where the keyboard is after a
    dialog closes is not what this test is about)."""
    window.canvas.clearFocus()
    assert window.canvas.wait_for_render()
    image = window.canvas.grab_map()
    return hashlib.sha1(bytes(image.constBits())).hexdigest()


def test_import_from_the_menu_with_progress_then_undo(qtbot, window, extract):
    session = window.session
    assert basemap_store.info(session.project) is None
    plain = map_digest(window)
    seen: dict[str, object] = {"progress": []}

    def run(dialog) -> None:
        assert isinstance(dialog, BasemapImportDialog)
        assert not dialog.import_button.isEnabled()  # no file chosen yet
        qtbot.keyClicks(dialog.path_edit, str(extract))
        assert dialog.import_button.isEnabled()
        dialog.progress.valueChanged.connect(seen["progress"].append)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        seen["bar shown"] = dialog.progress.isVisible()
        seen["inputs locked"] = not dialog.path_edit.isEnabled()

        def finished() -> bool:
            return dialog.task is None and dialog.report is not None

        def close_when_done() -> None:
            if not finished():
                QTimer.singleShot(50, close_when_done)
                return
            seen["status"] = dialog.status.text()
            close = button(dialog, QDialogButtonBox.StandardButton.Close)
            seen["close"] = close is not None
            qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

        close_when_done()

    when_modal(run)
    window.basemap_menu.act_import.trigger()
    assert seen["bar shown"] and seen["inputs locked"]
    assert seen["progress"] and max(seen["progress"]) == 1000
    assert seen["close"]
    assert "features" in str(seen["status"]) or "streets" in str(seen["status"])

    info = basemap_store.info(session.project)
    assert info is not None and info.source_file.endswith(".osm")
    assert window.builder.has_basemap()
    qtbot.waitUntil(lambda: window.builder.basemap_geometry() is not None, timeout=10_000)
    assert session.layers.basemap.visible
    assert "OpenStreetMap contributors" in window._attribution_text()
    qtbot.waitUntil(lambda: map_digest(window) != plain, timeout=10_000)
    assert "Streets and places (OpenStreetMap)" in basemap_rows(window)

    # Edit ▸ Undo: the basemap is gone, from the project and the map.
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert basemap_store.info(session.project) is None
    assert not window.builder.has_basemap()
    qtbot.waitUntil(lambda: map_digest(window) == plain, timeout=10_000)
    assert "Streets and places (OpenStreetMap)" not in basemap_rows(window)
    # And Redo brings it back.
    window.act_redo.trigger()
    assert basemap_store.info(session.project) is not None
    qtbot.waitUntil(lambda: map_digest(window) != plain, timeout=10_000)


def test_cancel_during_the_import_leaves_the_project_unchanged(qtbot, session, extract):
    history = (session.stack.can_undo, session.stack.undo_text)
    dialog = BasemapImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_path(extract)
    cancel = button(dialog, QDialogButtonBox.StandardButton.Cancel)
    clicked = []

    def cancel_on_first_progress(fraction: float, _message: str) -> None:
        if not clicked:
            clicked.append(fraction)
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    task = dialog.start()
    task.progressed.connect(cancel_on_first_progress)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert clicked
    assert dialog.status.text() == "Cancelled; nothing was changed."
    assert dialog.report is None and dialog.isVisible()
    assert dialog.import_button.isEnabled()  # the user may try again
    assert basemap_store.info(session.project) is None
    session.project.invalidate()
    assert basemap_store.current_id(session.project) is None
    assert (session.stack.can_undo, session.stack.undo_text) == history
    # A second Cancel closes the dialog.
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_typed_extract_is_checked_on_tab_and_enter_does_not_import(qtbot, session, extract):
    """Issue 9 item 14: Enter in the path started the import before the margin was seen."""
    from PySide6.QtWidgets import QApplication

    dialog = BasemapImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.path_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.path_edit)
    missing = extract.with_name("no_such_extract.osm.pbf")
    qtbot.keyClicks(dialog.path_edit, str(missing))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.path_edit
    assert "There is no file at" in dialog.status.text()
    assert "no_such_extract.osm.pbf" in dialog.status.text()

    dialog.path_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.path_edit)
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(extract))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.task is None and dialog.report is None  # Enter did not start the import
    assert basemap_store.info(session.project) is None
    assert "press Import when ready" in dialog.status.text()
    assert dialog.import_button.isEnabled() and dialog.isVisible()
