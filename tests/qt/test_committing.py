"""A long write runs on a worker, but the undo history and its events stay on the GUI thread,
where the views that listen to them live."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from assetmap.core import assets
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.committing import WRITE_IN_GUI_THREAD, push_prepared
from assetmap.qt.workers import BackgroundJob


def test_a_long_write_is_committed_on_a_worker_and_recorded_on_the_gui_thread(qtbot, session):
    owner = QWidget()
    qtbot.addWidget(owner)
    job = BackgroundJob(owner)
    history_threads: list[threading.Thread] = []
    session.stack.changed.connect(lambda **_: history_threads.append(threading.current_thread()))
    asset = Asset(
        uuid=new_uuid(), name="Written by a worker", category="libraries", x=378_000.0, y=392_000.0
    )
    done: list[object] = []
    failed: list[str] = []

    push_prepared(
        job,
        session,
        AddAsset(asset),
        WRITE_IN_GUI_THREAD + 1,
        done.append,
        lambda _error, details: failed.append(details),
    )
    qtbot.waitUntil(lambda: bool(done or failed), timeout=60_000)

    assert not failed, failed
    assert history_threads == [threading.main_thread()]
    assert session.stack.undo_text == "Add asset 'Written by a worker'"
    assert asset.uuid in set(session.points()["uuid"])

    session.undo()
    assert assets.find(session.project, asset.uuid) is None
    assert asset.uuid not in set(session.points()["uuid"])
