"""A phone's pin reaches the open app through the change watcher, as any other writer's."""

from __future__ import annotations

from assetmap.core.commands.workshop import CreateWorkshop
from assetmap.core.workshop.server import WorkshopServer
from assetmap.core.workshop.service import WorkshopService
from assetmap.qt.change_watch import watch_changes
from support.workshop_http import Phone


def test_a_submission_from_a_phone_appears_in_the_apps_session(qtbot, session, demo_path):
    create = CreateWorkshop("Sale evening", "Sale Waterside", "2026-12-07", "Sam")
    session.push(create)
    watch_changes(session)
    service = WorkshopService(demo_path, create.workshop_id)
    server = WorkshopServer(service)
    server.start()
    try:
        with qtbot.waitSignal(session.assetsChanged):
            reply = Phone(server).submit(name="Sale repair café")
        uuid = reply.json()["uuid"]
        qtbot.waitUntil(lambda: uuid in set(session.points()["uuid"]))
        row = session.points().set_index("uuid").loc[uuid]
        assert (row["name"], row["review"]) == ("Sale repair café", "pending")
    finally:
        server.stop()
        service.close()
