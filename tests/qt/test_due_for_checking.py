"""Keeping the map true, in the app (issue 16 item 2): the due badge on the map, the
table's "Due for checking" filter, the status-bar count, Mark as checked today, and the
category manager's review interval, on the Trafford demo."""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from assetmap.core.commands.checked import MarkChecked
from assetmap.core.review_due import add_months, due_in_points
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.scene import DUE_BADGE
from assetmap.qt.dialogs.category_manager import CategoryManager
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.panels.attribute_table import AttributeTable
from support.qt import open_window

TODAY = date.today()


def everything_checked_today_but(session, uuids: list[str], months_ago: int) -> None:
    points = session.points()
    session.push(MarkChecked(tuple(points["uuid"]), TODAY.isoformat()))
    session.push(MarkChecked(tuple(uuids), add_months(TODAY, -months_ago).isoformat()))


def lonely_asset(session, category: str) -> tuple[str, float, float]:
    points = session.points()
    xy = points[["x", "y"]].to_numpy()
    rows = np.flatnonzero(points["category"].to_numpy() == category)
    row = next(r for r in rows if np.sort(np.hypot(*(xy - xy[r]).T))[1] > 60)
    return str(points["uuid"].iloc[row]), float(xy[row, 0]), float(xy[row, 1])


def badge_pixels(qtbot, session, x: float, y: float, name: str) -> int:
    canvas = MapCanvas(SceneBuilder(session.model).scene)
    qtbot.addWidget(canvas)
    canvas.resize(300, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.centre_on(x, y, scale=2.0)
    canvas.render_now()
    image = canvas.grab_map().convertToFormat(QImage.Format.Format_RGB32)
    image.save(f"/tmp/checked_{name}.png")
    point = canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    cx, cy = round(point.x() * dpr), round(point.y() * dpr)
    side = round(30 * dpr)
    amber = QColor(DUE_BADGE)
    found = 0
    for px in range(cx - side, cx + side):
        for py in range(cy - side, cy + side):
            c = QColor(image.pixel(px, py))
            near = abs(c.red() - amber.red()) + abs(c.green() - amber.green())
            if near + abs(c.blue() - amber.blue()) < 40:
                found += 1
    return found


def test_a_due_food_bank_wears_a_badge_and_a_checked_one_does_not(qtbot, session):
    uuid, x, y = lonely_asset(session, "food_banks")
    everything_checked_today_but(session, [uuid], months_ago=7)
    assert badge_pixels(qtbot, session, x, y, "due") > 4
    session.push(MarkChecked((uuid,)))
    assert badge_pixels(qtbot, session, x, y, "checked") == 0


def test_the_table_filters_to_assets_due_for_checking(qtbot, session):
    points = session.points()
    food = points[points["category"] == "food_banks"]["uuid"].tolist()[:4]
    school = points[points["category"] == "schools"]["uuid"].tolist()[:2]
    everything_checked_today_but(session, food + school, months_ago=8)
    table = AttributeTable(session)
    qtbot.addWidget(table)
    table.show()
    qtbot.mouseClick(table.only_due, Qt.MouseButton.LeftButton)
    # Food banks are due after 6 months, schools after 24: 4 rows, not 6.
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 4)
    table.grab().save("/tmp/checked_table.png")
    session.set_selection(food[:2])
    table.checked_action().trigger()
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 2)
    session.undo()
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 4)


def test_status_bar_counts_due_assets_and_mark_checked_today_clears_them(qtbot, session):
    points = session.points()
    food = points[points["category"] == "food_banks"]["uuid"].tolist()[:3]
    everything_checked_today_but(session, food, months_ago=9)
    window = open_window(qtbot, session)
    assert window.checking.due_label.text() == "3 due for checking"
    session.set_selection(food)
    assert window.checking.act_mark.isEnabled()
    window.checking.act_mark.trigger()
    qtbot.waitUntil(lambda: window.checking.due_label.text() == "Nothing due for checking")
    window.grab().save("/tmp/checked_window.png")
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.checking.due_label.text() == "3 due for checking")


def test_the_category_manager_edits_the_review_interval(qtbot, session):
    manager = CategoryManager(session)
    qtbot.addWidget(manager)
    manager.show()
    assert manager.select_category("libraries")
    qtbot.mouseClick(manager.buttons["review"], Qt.MouseButton.LeftButton)
    dialog = manager.active_dialog
    assert dialog is not None and dialog.review_spin.isVisible()
    assert dialog.review_spin.value() == 12
    dialog.review_spin.selectAll()
    qtbot.keyClicks(dialog.review_spin, "3")
    dialog.grab().save("/tmp/checked_interval.png")
    qtbot.keyClick(dialog.review_spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.category("libraries").review_months == 3)
    points = session.points()
    libraries = points[points["category"] == "libraries"]["uuid"].tolist()
    everything_checked_today_but(session, libraries, months_ago=4)
    due = due_in_points(session.points(), session.categories(), TODAY)
    assert due.sum() == len(libraries) > 0
