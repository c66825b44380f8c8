"""The Sync button on the status bar and File ▸ Share ▸ Sync, against the throwaway PostGIS
server: two laptops with the Trafford demo, one edits and syncs, the other's window brings
the edit in (one Undo step), says when it last synced and what waits to go up, and a
conflict is shown in the merge's conflict dialog and settled there."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assetmap.core.commands import EditAsset
from assetmap.core.project import Project
from assetmap.core.shared.sync import sync
from assetmap.qt.dialogs.merge_conflicts import ConflictsDialog
from assetmap.qt.session import Session
from support.pg_server import PgServer
from support.qt import open_window
from support.sync_laptops import edit, field_of, laptops, live_uuids

WAIT_MS = 60_000


def window_on(qtbot, path):
    session = Session(Project.open(path))
    window = open_window(qtbot, session)
    return window, session


def test_the_button_shows_only_for_a_shared_map(qtbot, session):
    window = open_window(qtbot, session)
    assert not window.sharing.button.isVisible()
    assert not window.sharing.act_sync.isEnabled()


def test_sync_brings_another_laptops_edit_in_one_undo_step(qtbot, pg_db: PgServer, demo_copy):
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="Renamed on laptop A")
    with Project.open(a) as project:
        sync(project)
    window, session = window_on(qtbot, b)
    try:
        sharing = window.sharing
        assert sharing.button.isVisible()
        assert "never synced" in sharing.button.text()
        session.push(EditAsset(live_uuids(b, 1, offset=5)[0], {"phone": "0161 555 0101"}))
        qtbot.waitUntil(lambda: "1 to send" in sharing.button.text(), timeout=WAIT_MS)
        qtbot.mouseClick(sharing.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sharing.last_result is not None, timeout=WAIT_MS)
        assert "1 change brought here" in window.statusBar().currentMessage()
        assert "synced " in sharing.button.text() and "to send" not in sharing.button.text()
        assert session.stack.undo_text.startswith("Sync with assetmap")
        assert field_of(b, one, "name") == "Renamed on laptop A"
        window.grab().save("/tmp/shots/sync_window.png")
        session.undo()
        assert field_of(b, one, "name") != "Renamed on laptop A"
    finally:
        window.close()
        session.close()


def test_a_conflict_is_settled_in_the_conflict_dialog_then_synced(
    qtbot, pg_db: PgServer, demo_copy
):
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, phone="0161 000 1111")
    with Project.open(a) as project:
        sync(project)
    edit(b, one, phone="0161 000 2222")
    window, session = window_on(qtbot, b)
    try:
        sharing = window.sharing
        sharing.act_sync.trigger()
        qtbot.waitUntil(lambda: sharing.conflicts_dialog is not None, timeout=WAIT_MS)
        dialog: ConflictsDialog = sharing.conflicts_dialog
        assert [(c.field, c.mine, c.theirs) for c in dialog.model.conflicts] == [
            ("phone", "0161 000 2222", "0161 000 1111")
        ]
        assert field_of(b, one, "phone") == "0161 000 2222"  # nothing changed yet
        qtbot.mouseClick(dialog.all_theirs_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: sharing.last_result is not None, timeout=WAIT_MS)
        assert field_of(b, one, "phone") == "0161 000 1111"
        assert "1 conflict resolved" in window.statusBar().currentMessage()
    finally:
        window.close()
        session.close()
