"""A workshop as the facilitator runs it: a session, Start sharing, a phone's real HTTP
submission to the real server on 127.0.0.1, the queue, the decisions, undo."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from assetmap.core import assets
from assetmap.core.symbols import PENDING_RING, PENDING_RING_GAP
from assetmap.core.workshop.tally import tally
from support.qt import open_window, when_modal

# An empty spot in Stretford, inside the demo's areas.
X, Y = 377_950.0, 395_200.0
CATEGORY = "food_banks"


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


@pytest.fixture
def hook(window):
    return window.workshop


def start_session(hook, name="Stretford food and wellbeing"):
    hook.controller.new_session(name, "Stretford Library", "2026-12-09", "Ann")
    return hook.controller.workshop


def share(qtbot, hook) -> str:
    panel = hook.panel
    panel.interface_combo.setCurrentIndex(0)  # this computer only
    qtbot.mouseClick(panel.share_button, _left())
    assert hook.controller.sharing
    return hook.controller.url


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def secret(phone: str) -> str:
    """A phone's secret as the page makes one (random, 16 to 128 URL-safe characters)."""
    return f"{phone}-0123456789abcdef"


def submit(url: str, device: str, *, name: str, x: float = X, y: float = Y, **extra) -> dict:
    payload = {
        "kind": extra.pop("kind", "asset"),
        "category": extra.pop("category", CATEGORY),
        "name": name,
        "note": extra.pop("note", ""),
        "contributor": extra.pop("contributor", None),
        "position": {"x": x, "y": y},
    }
    request = urllib.request.Request(
        url + "api/pins",
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "X-Assetmap-Device": device},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{error.code}: {error.read().decode()}") from error


def in_queue(qtbot, hook, uuid: str) -> None:
    qtbot.waitUntil(lambda: hook.panel.queue.card(uuid) is not None, timeout=5000)


def pixel(window, x: float, y: float, dx: float = 0.0) -> QColor:
    image = window.canvas.grab_map()
    point = window.canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round((point.x() + dx) * dpr), round(point.y() * dpr)))


def close_to(colour: QColor, expected: str, tolerance: int = 30) -> bool:
    target = QColor(expected)
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def ring_drawn(window, x: float, y: float) -> bool:
    """The dashed "waiting for review" ring around a pin, anywhere on its circle."""
    size = window.session.layers.category_style(CATEGORY).size
    radius = size / 2 + PENDING_RING_GAP
    image = window.canvas.grab_map()
    centre = window.canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    for k in range(72):
        import math

        a = math.radians(k * 5)
        px = (centre.x() + radius * math.cos(a)) * dpr
        py = (centre.y() + radius * math.sin(a)) * dpr
        if close_to(QColor(image.pixel(round(px), round(py))), PENDING_RING, 40):
            return True
    return False


def test_a_phone_submits_the_facilitator_approves_it_is_everywhere_then_undo(qtbot, window, hook):
    workshop = start_session(hook)
    url = share(qtbot, hook)
    assert (
        url.startswith("http://127.0.0.1:") and f"/w/{hook.controller._tokens[workshop.id]}/" in url
    )
    assert not hook.panel.qr.isHidden() and hook.panel.qr.pixmap().width() >= 120
    large = hook.panel.show_large_code()  # for a room with no Presentation mode on
    assert large.findChildren(QLabel)[0].pixmap().width() >= 500
    large.close()

    phone = secret("phone-one")
    note = "In the church hall"
    uuid = submit(url, phone, name="Tuesday lunch club", note=note, contributor="Bea")["uuid"]
    in_queue(qtbot, hook, uuid)  # through the change watcher: no reload
    card = hook.panel.queue.card(uuid)
    assert card.new and not card.badge.isHidden()
    assert "1 new" in hook.panel.new_badge.text() and "Workshop (1)" in hook.dock.windowTitle()
    stored = assets.get(window.session.project, uuid)
    assert (stored.review, stored.workshop_id, stored.contributor) == (
        "pending",
        workshop.id,
        "Bea",
    )

    window.canvas.centre_on(X, Y, scale=2.0)
    assert window.canvas.wait_for_render()
    assert ring_drawn(window, X, Y)  # on the projector already, marked as waiting

    qtbot.mouseClick(card.approve, _left())
    stored = assets.get(window.session.project, uuid)
    assert stored.review == "approved"
    assert (stored.workshop_id, stored.contributor) == (workshop.id, "Bea")
    assert hook.controller.pending() == [] and hook.panel.queue.card(uuid) is None
    counts = tally(window.session.project, workshop.id)
    assert counts.total(kind="asset", review="approved") == 1
    assert window.canvas.wait_for_render()
    colour = window.session.category(CATEGORY).colour
    assert close_to(pixel(window, X, Y), colour)
    assert not ring_drawn(window, X, Y)
    assert window.session.stack.undo_text.startswith("Approve")

    window.act_undo.trigger()
    assert assets.get(window.session.project, uuid).review == "pending"
    assert tally(window.session.project, workshop.id).total(review="approved") == 0
    in_queue(qtbot, hook, uuid)
    assert window.canvas.wait_for_render()
    assert ring_drawn(window, X, Y)


def test_reject_keeps_it_off_the_map_and_in_the_store(qtbot, window, hook):
    start_session(hook)
    url = share(qtbot, hook)
    uuid = submit(url, secret("phone-two"), name="Nothing to see")["uuid"]
    in_queue(qtbot, hook, uuid)
    qtbot.mouseClick(hook.panel.queue.card(uuid).reject, _left())
    assert assets.get(window.session.project, uuid).review == "rejected"
    assert hook.panel.queue.card(uuid) is None
    window.act_undo.trigger()
    in_queue(qtbot, hook, uuid)


def test_edit_then_approve_is_one_undoable_step(qtbot, window, hook):
    start_session(hook)
    url = share(qtbot, hook)
    uuid = submit(url, secret("phone-three"), name="lunch clu")["uuid"]
    in_queue(qtbot, hook, uuid)

    def fix_and_save(form) -> None:
        form.name_edit.setText("Lunch club")
        form.accept()

    when_modal(fix_and_save)
    form = hook.panel.edit_then_approve(uuid)
    form.setModal(True)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    stored = assets.get(window.session.project, uuid)
    assert (stored.name, stored.review) == ("Lunch club", "approved")
    window.act_undo.trigger()  # both, in one step
    stored = assets.get(window.session.project, uuid)
    assert (stored.name, stored.review) == ("lunch clu", "pending")


def test_approve_all_from_one_participant_leaves_the_others_waiting(qtbot, window, hook):
    start_session(hook)
    url = share(qtbot, hook)
    mine = [submit(url, secret("phone-a"), name=f"Mine {i}", x=X + 40 * i, contributor="Cy")["uuid"]
            for i in range(3)]  # fmt: skip
    other = submit(url, secret("phone-b"), name="Someone else's", x=X - 80)["uuid"]
    for uuid in (*mine, other):
        in_queue(qtbot, hook, uuid)
    button = hook.panel.queue.card(mine[0]).all_from
    assert not button.isHidden() and "All 3 from Cy" in button.text()
    qtbot.mouseClick(button, _left())
    project = window.session.project
    assert {assets.get(project, u).review for u in mine} == {"approved"}
    assert assets.get(project, other).review == "pending"
    assert [c.uuid for c in hook.controller.pending()] == [other]
    window.act_undo.trigger()
    assert {assets.get(project, u).review for u in mine} == {"pending"}


def test_approve_automatically(qtbot, window, hook):
    workshop = start_session(hook)
    url = share(qtbot, hook)
    hook.panel.auto_check.click()
    assert hook.controller.workshop.auto_approve
    uuid = submit(url, secret("phone-c"), name="Straight on the map")["uuid"]
    qtbot.waitUntil(lambda: uuid in set(window.session.points()["uuid"]), timeout=5000)
    assert assets.get(window.session.project, uuid).review == "approved"
    assert hook.controller.pending() == []
    window.act_undo.trigger()  # the switch itself is undoable
    assert not hook.controller.workshop.auto_approve
    assert hook.controller.workshop.id == workshop.id


def test_stop_sharing_closes_the_port(qtbot, window, hook):
    start_session(hook)
    url = share(qtbot, hook)
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
    hook.act_stop.trigger()
    assert not hook.controller.sharing and hook.controller.url is None
    assert hook.panel.qr.isHidden() and hook.panel.share_button.text() == "Start sharing"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)


def test_a_new_session_gets_a_new_token_and_the_old_address_stops(qtbot, window, hook):
    start_session(hook, "Morning")
    first = share(qtbot, hook)
    hook.controller.stop_sharing()
    again = share(qtbot, hook)
    assert again == first  # the same session keeps its address (the QR on the wall)
    start_session(hook, "Afternoon")
    assert not hook.controller.sharing  # a new session is not shared until asked
    second = share(qtbot, hook)
    token = lambda u: u.rstrip("/").rsplit("/", 1)[-1]  # noqa: E731
    assert token(second) != token(first)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(first.replace(first.split("/w/")[0], second.split("/w/")[0]))
    assert refused.value.code == 403


def test_sharing_stops_when_the_project_closes(qtbot, window, hook):
    start_session(hook)
    url = share(qtbot, hook)
    window.session.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)


def test_opening_another_project_stops_sharing_and_follows_the_new_one(
    qtbot, window, hook, tmp_path, repo_root
):
    import shutil

    from assetmap.core.project import Project

    start_session(hook)
    url = share(qtbot, hook)
    other = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", other)
    window.switch_to(Project.open(other))
    qtbot.waitUntil(lambda: hook.controller.session is window.session, timeout=5000)
    assert hook.controller.workshop is None and not hook.controller.sharing
    assert hook.panel.session_title.text() == "No workshop session yet"
    assert not hook.act_start.isEnabled() and not hook.act_export.isEnabled()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)
