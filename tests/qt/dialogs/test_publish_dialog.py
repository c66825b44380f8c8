"""File ▸ Share ▸ Publish to a database… on the Trafford demo, against the throwaway
PostgreSQL + PostGIS server: the map arrives on the server, the typed password is used but
never written to the project file, and a refused publish says why in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assetmap.qt.dialogs.publish import PublishDialog
from support.pg_server import PASSWORD, PgServer
from support.qt import open_window


def open_dialog(qtbot, session) -> PublishDialog:
    window = open_window(qtbot, session)
    menu = window.sharing.menu
    assert [a.text() for a in menu.actions()] == [
        "&Publish to a database…",
        "&Sync with the shared map",
    ]
    window.sharing.act_publish.trigger()
    dialog = window.sharing.publish_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def publish_now(qtbot, dialog: PublishDialog) -> None:
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.busy, timeout=60_000)


def test_publish_puts_the_demo_on_the_server_and_keeps_no_password(qtbot, session, pg_db: PgServer):
    dialog = open_dialog(qtbot, session)
    assert not dialog.publish_button.isEnabled()  # nothing to publish to yet
    qtbot.keyClicks(dialog.address, pg_db.tcp_url(password=None))
    qtbot.keyClicks(dialog.password, PASSWORD)
    assert dialog.publish_button.isEnabled()
    publish_now(qtbot, dialog)
    assert "Published to" in dialog.message.text(), dialog.message.text()
    assert "File ▸ Share ▸ Sync" in dialog.message.text()
    live = session.project.conn.execute(
        "SELECT count(*) FROM assets WHERE deleted = 0 AND personal_data = 0"
    ).fetchone()[0]
    assert pg_db.psql("SELECT count(*) FROM assetmap.assets") == str(live)
    stored = session.project.conn.execute("SELECT target FROM am_remote").fetchall()
    assert stored == [(pg_db.tcp_url(password=None),)]
    dialog.grab().save("/tmp/shots/publish_done.png")
    session.project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PASSWORD.encode() not in session.project.path.read_bytes()


def test_a_refused_publish_says_why_and_changes_nothing(qtbot, session, pg_db: PgServer):
    dialog = open_dialog(qtbot, session)
    qtbot.keyClicks(dialog.address, pg_db.tcp_url(password=None))
    qtbot.keyClicks(dialog.password, "not the password")
    publish_now(qtbot, dialog)
    said = dialog.message.text()
    assert "cannot connect to" in said and "not the password" not in said
    assert dialog.publish_button.isVisible()  # can be tried again
    assert session.project.conn.execute("SELECT count(*) FROM am_remote").fetchone()[0] == 0


def test_a_bad_address_is_refused_before_anything_starts(qtbot, session):
    dialog = open_dialog(qtbot, session)
    qtbot.keyClicks(dialog.address, "trafford-db")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert not dialog.job.busy
    assert "not a database address" in dialog.message.text()
