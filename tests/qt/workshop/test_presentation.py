"""Presentation mode on the Trafford demo, as a facilitator uses it: F5 and Esc, the
category bar, approved pins only, the tally, the join card and live gap shading.

The workshop controller is wspanel's (qt.workshop.controller); here a stand-in with the
same interface (WORKSHOP_SPEC section 4) drives the real core commands."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QImage

from assetmap.core import areas, assets
from assetmap.core.commands.review import SetReview
from assetmap.core.commands.workshop import AddContribution, CreateWorkshop, EndWorkshop
from assetmap.core.workshop.sessions import Workshop, get_workshop
from assetmap.core.workshop.submission import Submission
from assetmap.qt.workshop.present import ENDED, NO_SESSION, PresentationWindow
from support.qt import open_window

STRETFORD = (379_480.0, 396_110.0)


class StandInController(QObject):
    """The WorkshopController's interface over the real commands (no server)."""

    workshop_changed = Signal()
    sharing_changed = Signal()
    queue_changed = Signal()

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.workshop: Workshop | None = None
        self.url: str | None = None

    def start(self, name: str = "Stretford residents") -> str:
        create = CreateWorkshop(name, "Stretford Library", "2026-03-14", "Amira")
        self.session.push(create)
        self.workshop = get_workshop(self.session.project, create.workshop_id)
        self.workshop_changed.emit()
        return create.workshop_id

    def share(self, url: str) -> None:
        self.url = url
        self.sharing_changed.emit()

    def qr_image(self, size_px: int) -> QImage | None:
        image = QImage(size_px, size_px, QImage.Format.Format_RGB32)
        image.fill(QColor("#000000"))
        return image

    def add_pin(self, kind: str, category: str, x: float, y: float, name: str = "") -> None:
        assert self.workshop is not None
        label = self.session.category(category).label
        pin = Submission(kind, category, name or label, "", self.workshop.facilitator, x, y)
        self.session.push(AddContribution(self.workshop.id, pin, None, review="approved"))


@pytest.fixture
def controller(session):
    return StandInController(session)


@pytest.fixture
def present(qtbot, session, controller):
    window = PresentationWindow(session, controller)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.zoom_to_all()
    assert window.canvas.wait_for_render()
    return window


def tap(qtbot, window: PresentationWindow, x: float, y: float) -> None:
    point = window.canvas.view.to_screen(x, y).toPoint()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=point)


def around(window: PresentationWindow, x: float, y: float, reach: int = 8) -> list[QColor]:
    """The map's pixels within ``reach`` of (x, y), as drawn now."""
    window.canvas.wait_for_render()
    image = window.canvas.grab_map()
    point = window.canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    cx, cy = round(point.x() * dpr), round(point.y() * dpr)
    return [
        QColor(image.pixel(cx + dx, cy + dy))
        for dx in range(-reach, reach + 1)
        for dy in range(-reach, reach + 1)
    ]


def test_f5_opens_full_screen_and_esc_leaves(qtbot, session):
    main = open_window(qtbot, session)
    assert main.present.action.shortcut().toString() == "F5"
    main.activateWindow()
    qtbot.keyClick(main.canvas, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: main.present.presentation is not None)
    shown = main.present.presentation
    qtbot.waitUntil(shown.isFullScreen)
    assert shown.canvas is not main.canvas and shown.session is session
    qtbot.keyClick(shown.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main.present.presentation is None)


def test_touch_sized_controls(present):
    buttons = [*present.category_bar.buttons.values(), *present.category_bar.kind_buttons.values()]
    buttons += [present.gap_button, present.leave_button]
    assert min(b.height() for b in buttons) >= 48
    assert "individual_skills" not in present.category_bar.buttons  # personal data: not projected


def test_pending_pins_are_not_projected(qtbot, present, controller, session):
    workshop = controller.start()
    pin = Submission("asset", "community_groups", "Lunch club", "", "Jo", *STRETFORD)
    add = AddContribution(workshop, pin, "a" * 64, review="pending")
    session.push(add)
    layer = present.builder.scene(present.canvas.view).assets
    row = int(np.flatnonzero(session.points()["uuid"].to_numpy() == add.uuid)[0])
    assert not layer.visible[row]
    session.push(SetReview((add.uuid,), "approved"))
    layer = present.builder.scene(present.canvas.view).assets
    assert layer.visible[row]


def test_tap_a_category_then_the_map_adds_an_approved_pin(qtbot, present, controller, session):
    workshop = controller.start()
    present.category_bar.kind_buttons["need"].click()
    qtbot.mouseClick(present.category_bar.buttons["food_banks"], Qt.MouseButton.LeftButton)
    assert present.category_bar.armed == "food_banks"
    before = set(session.points()["uuid"])
    tap(qtbot, present, *STRETFORD)
    new = set(session.points()["uuid"]) - before
    assert len(new) == 1
    asset = assets.get(session.project, new.pop())
    assert (asset.pin_kind, asset.review, asset.workshop_id) == ("need", "approved", workshop)
    assert asset.category == "food_banks"
    qtbot.waitUntil(
        lambda: [(t.category, t.needs) for t in present.tally.lines] == [("food_banks", 1)]
    )
    assert "0 assets · 1 need" in present.tally.totals.text()
    # An asset pin beside it, then the two drawn apart: the need is hollow (white middle).
    present.category_bar.kind_buttons["asset"].click()
    east = (STRETFORD[0] + 40 * present.canvas.view.scale, STRETFORD[1])
    tap(qtbot, present, *east)
    qtbot.waitUntil(lambda: "1 asset · 1 need" in present.tally.totals.text())
    need, asset = around(present, *STRETFORD), around(present, *east)
    colour = QColor(session.category("food_banks").colour)

    def coloured(c: QColor) -> bool:
        return abs(c.hue() - colour.hue()) < 12 and c.saturation() > 120

    assert sum(c.lightness() > 245 for c in need) > 20  # hollow: white inside
    assert sum(c.lightness() < 60 for c in need) > 8  # the exclamation mark
    assert not any(c.lightness() > 245 for c in asset)  # solid
    assert sum(map(coloured, need)) > 20 and sum(map(coloured, asset)) > 80


def test_a_tap_without_a_session_says_one_must_be_started(qtbot, present, session):
    present.category_bar.arm("food_banks")
    before = len(session.points())
    tap(qtbot, present, *STRETFORD)
    assert len(session.points()) == before
    assert present.message.isVisible() and present.message.text() == NO_SESSION


def test_a_tap_in_an_ended_session_adds_nothing(qtbot, present, controller, session):
    workshop = controller.start()
    session.push(EndWorkshop(workshop))
    controller.workshop = get_workshop(session.project, workshop)
    present.category_bar.arm("food_banks")
    before = len(session.points())
    tap(qtbot, present, *STRETFORD)
    assert len(session.points()) == before and present.message.text() == ENDED


def test_the_join_card_shows_while_sharing(qtbot, present, controller):
    assert not present.join.isVisible()
    controller.share("http://192.168.1.20:8765/w/abc/")
    assert present.join.isVisible()
    assert present.join.address.text() == "http://192.168.1.20:8765/w/abc/"
    assert present.join.qr.pixmap().width() == present.join.QR_PX
    assert present.join.geometry().top() > present.tally.geometry().bottom()


def test_gap_shading_follows_approvals(qtbot, present, controller, session):
    workshop = controller.start()
    present.shade_gaps("food_banks")
    qtbot.waitUntil(lambda: present.gaps.runs >= 1, timeout=30_000)
    shade = present.builder.gaps
    assert shade is not None and shade.category == "food_banks" and (shade.classes == 1).any()
    assert present.gap_key.isVisible() and "food banks" in present.gap_key.text()
    # The smallest area with a gap: a food bank in its middle fills it.
    frame = areas.frame(session.project, shade.area_set)
    gaps = np.flatnonzero(shade.classes == 1)
    target = int(gaps[np.argmin(frame.geometry.area.to_numpy()[gaps])])
    spot = shapely.point_on_surface(frame.geometry.iloc[target])
    pin = Submission("asset", "food_banks", "Pantry", "", "Jo", spot.x, spot.y)
    add = AddContribution(workshop, pin, "b" * 64, review="pending")
    session.push(add)
    qtbot.waitUntil(lambda: present.gaps.runs >= 2 and not present.gaps.busy, timeout=30_000)
    assert present.builder.gaps.classes[target] == 1  # pending: not counted yet
    session.push(SetReview((add.uuid,), "approved"))
    qtbot.waitUntil(lambda: present.gaps.runs >= 3 and not present.gaps.busy, timeout=30_000)
    assert present.builder.gaps.classes[target] == 0
    present.shade_gaps(None)
    assert present.builder.gaps is None and not present.gap_key.isVisible()


def test_leave_button_closes(qtbot, present):
    with qtbot.waitSignal(present.closed):
        qtbot.mouseClick(present.leave_button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
