"""The whole evening with the real parts together: the Workshop menu's controller, Start
sharing, F5, a phone's pin over HTTP, approval in the queue, the projector showing it and
counting it, the facilitator's own tap on the projector, the summary, then Stop."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import numpy as np
from PySide6.QtCore import Qt

from assetmap.core import assets
from assetmap.core.workshop.contributions import contributions
from support.qt import open_window

STRETFORD = (379_480.0, 396_110.0)
SALE = (377_200.0, 391_800.0)


def post(url: str, device: str, payload: dict) -> str:
    request = urllib.request.Request(
        url + "api/pins",
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "X-Assetmap-Device": device},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201
        return str(json.loads(response.read())["uuid"])


def projected(present, uuid: str) -> bool:
    points = present.session.points()
    rows = np.flatnonzero(points["uuid"].to_numpy() == uuid)
    return bool(len(rows)) and bool(
        present.builder.scene(present.canvas.view).assets.visible[rows[0]]
    )


def test_a_phone_pin_approved_in_the_queue_reaches_the_projector(qtbot, session):
    main = open_window(qtbot, session)
    controller = main.workshop.controller
    controller.new_session("Stretford evening", "Stretford Library", "2026-12-09", "Ann")
    url = controller.start_sharing()
    main.present.open()
    present = main.present.presentation
    qtbot.waitUntil(lambda: present.isVisible())
    assert present.join.isVisible() and present.join.address.text() == url  # the QR for the room

    uuid = post(url, "phone-one-0123456789", {
        "kind": "need", "category": "mental_health", "name": "Somewhere to talk after 5pm",
        "note": "Nothing open in the evening", "contributor": "Dev",
        "position": {"x": STRETFORD[0], "y": STRETFORD[1]},
    })  # fmt: skip
    panel = main.workshop.panel
    qtbot.waitUntil(lambda: [c.uuid for c in controller.pending()] == [uuid], timeout=10_000)
    assert not projected(present, uuid)  # pending: on the facilitator's screen only
    qtbot.waitUntil(lambda: panel.queue.card(uuid) is not None)
    qtbot.mouseClick(panel.queue.card(uuid).approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: projected(present, uuid))
    qtbot.waitUntil(lambda: "0 assets · 1 need" in present.tally.totals.text())
    assert assets.get(session.project, uuid).review == "approved"

    # The facilitator's own pin, tapped on the projector: approved at once, in the session.
    present.category_bar.kind_buttons["asset"].click()
    qtbot.mouseClick(present.category_bar.buttons["food_banks"], Qt.MouseButton.LeftButton)
    point = present.canvas.view.to_screen(*SALE).toPoint()
    qtbot.mouseClick(present.canvas, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: "1 asset · 1 need" in present.tally.totals.text())
    workshop_id = controller.workshop.id
    pins = contributions(session.project, workshop_id)
    assert {(p.kind, p.review, p.contributor) for p in pins} == {
        ("need", "approved", "Dev"),
        ("asset", "approved", "Ann"),
    }

    session.undo()  # the facilitator's pin
    session.undo()  # the approval: back in the queue, off the projector
    qtbot.waitUntil(lambda: [c.uuid for c in controller.pending()] == [uuid])
    qtbot.waitUntil(lambda: not projected(present, uuid))

    controller.stop_sharing()
    assert not present.join.isVisible()
    try:
        urllib.request.urlopen(url + "api/config", timeout=2)
        refused = False
    except (urllib.error.URLError, ConnectionError):
        refused = True
    assert refused
    qtbot.keyClick(present.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main.present.presentation is None)
