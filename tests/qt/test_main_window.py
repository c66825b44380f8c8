"""The main window used as a user would: tools on the map, forms, undo, table, find."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from assetmap.core import assets
from support.qt import open_window, when_modal

CIRCLE_COLOUR = "#0969DA"  # the selection ring


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def pixel(window, x: float, y: float) -> QColor:
    image = window.canvas.grab_map()
    point = window.canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def close_to(colour: QColor, expected: str, tolerance: int = 14) -> bool:
    target = QColor(expected)
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def click_map(qtbot, window, x: float, y: float, button=Qt.MouseButton.LeftButton) -> None:
    point = window.canvas.view.to_screen(x, y).toPoint()
    qtbot.mouseClick(window.canvas, button, pos=point)


def test_opens_the_demo_with_every_panel(window):
    assert window.windowTitle().startswith("Trafford community assets (demo)")
    assert window.table.model.total_count() == 501
    assert "of 501 assets in view" in window.readout.count_label.text()
    assert window.readout.scale_label.text().startswith("Scale 1:")
    assert window.dock_unplaced.windowTitle() == "Not on the map (1)"


def test_add_asset_by_clicking_the_map_then_undo_and_redo(qtbot, window):
    session = window.session
    window.tool_actions["add"].trigger()
    assert window.tool.name == "add"
    # An empty spot in Stretford, in view, away from other assets.
    view = window.canvas.view
    x, y = view.to_world(view.width * 0.08, view.height * 0.5)
    filled = {}

    def fill(form) -> None:
        qtbot.keyClicks(form.name_edit, "Tuesday lunch club")
        form.category_combo.set_key("community_centres")
        filled["ok"] = True
        form.ok_button.click()

    when_modal(fill)
    click_map(qtbot, window, x, y)
    assert filled
    (uuid,) = session.selection
    added = assets.get(session.project, uuid)
    assert added.name == "Tuesday lunch club" and added.category == "community_centres"
    assert added.x == pytest.approx(x, abs=view.scale) and added.y == pytest.approx(
        y, abs=view.scale
    )
    assert window.canvas.wait_for_render()
    colour = session.category("community_centres").colour
    assert close_to(pixel(window, added.x, added.y), colour)

    window.act_undo.trigger()
    assert assets.find(session.project, uuid) is None
    assert window.canvas.wait_for_render()
    assert not close_to(pixel(window, added.x, added.y), colour)
    window.act_redo.trigger()
    assert assets.get(session.project, uuid).name == "Tuesday lunch club"


def test_move_an_asset_by_dragging_it(qtbot, window):
    session = window.session
    library = session.points().query("category == 'libraries'").iloc[0]
    window.canvas.centre_on(library.x, library.y, scale=2.0)
    assert window.canvas.wait_for_render()
    window.tool_actions["move"].trigger()
    start = window.canvas.view.to_screen(library.x, library.y).toPoint()
    end = start + QPoint(60, 40)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, pos=start + QPoint(30, 20))
    qtbot.mouseMove(window.canvas, pos=end)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=end)
    moved = assets.get(session.project, library.uuid)
    ex, ey = window.canvas.view.to_world(end.x(), end.y())
    assert (moved.x, moved.y) == pytest.approx((ex, ey), abs=2 * window.canvas.view.scale)
    window.act_undo.trigger()
    back = assets.get(session.project, library.uuid)
    assert (back.x, back.y) == pytest.approx((library.x, library.y))


def test_select_by_click_and_delete_with_confirmation(qtbot, window):
    session = window.session
    school = session.points().query("category == 'schools'").iloc[5]
    window.canvas.centre_on(school.x, school.y, scale=2.0)
    assert window.canvas.wait_for_render()
    click_map(qtbot, window, school.x, school.y)
    assert session.selection == {school.uuid}
    assert window.card.isVisible()
    # The selection ring is drawn around it.
    ring = window.canvas.view.to_screen(school.x + 10 * 2.0, school.y)
    image = window.canvas.grab_map()
    assert close_to(QColor(image.pixel(round(ring.x()), round(ring.y()))), CIRCLE_COLOUR, 40)

    when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    window.act_delete.trigger()
    assert not assets.get(session.project, school.uuid).deleted
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.act_delete.trigger()
    assert assets.get(session.project, school.uuid).deleted
    assert window.table.model.total_count() == 500
    window.act_undo.trigger()
    assert not assets.get(session.project, school.uuid).deleted


def test_rubber_band_selection_reaches_the_table(qtbot, window):
    session = window.session
    points = session.points()
    centre = points.query("category == 'libraries'").iloc[0]
    window.canvas.centre_on(centre.x, centre.y, scale=4.0)
    assert window.canvas.wait_for_render()
    view = window.canvas.view
    a, b = (
        QPoint(view.width // 2 - 150, view.height // 2 - 100),
        QPoint(view.width // 2 + 150, view.height // 2 + 100),
    )
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(window.canvas, pos=(a + b) / 2)
    qtbot.mouseMove(window.canvas, pos=b)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=b)
    minx, maxy = view.to_world(a.x(), a.y())
    maxx, miny = view.to_world(b.x(), b.y())
    inside = points[
        (points.x >= minx) & (points.x <= maxx) & (points.y >= miny) & (points.y <= maxy)
    ]
    assert len(inside) > 1
    assert session.selection == set(inside.uuid)
    selected_rows = window.table.view.selectionModel().selectedRows()
    assert len(selected_rows) == len(inside)


def test_table_selection_shows_on_the_map(qtbot, window):
    session = window.session
    table = window.table
    index = table.category_filter.findText("Libraries")
    table.category_filter.setCurrentIndex(index)
    assert table.model.rowCount() == 13
    table.view.setFocus()
    table.view.selectAll()
    libraries = set(session.points().query("category == 'libraries'").uuid)
    assert session.selection == libraries
    window.zoom_to_selection()
    assert window.canvas.wait_for_render()
    one = session.points().query("category == 'libraries'").iloc[0]
    ring = window.canvas.view.to_screen(one.x + 10 * window.canvas.view.scale, one.y)
    image = window.canvas.grab_map()
    assert close_to(QColor(image.pixel(round(ring.x()), round(ring.y()))), CIRCLE_COLOUR, 40)


def test_clicking_an_empty_spot_identifies_the_neighbourhood(qtbot, window):
    import numpy as np
    import shapely

    from assetmap.core import areas

    wards = areas.frame(window.session.project, "Wards (2023)")
    bucklow = wards[wards["name"] == "Bucklow-St Martins"].geometry.iloc[0]
    points = window.session.points()
    tree = shapely.STRtree(shapely.points(points.x, points.y))
    minx, miny, maxx, maxy = bucklow.bounds
    grid = shapely.points(*np.meshgrid(np.linspace(minx, maxx, 25), np.linspace(miny, maxy, 25)))
    spot = next(
        p for p in grid.ravel() if bucklow.contains(p) and not len(tree.query(p.buffer(300)))
    )
    window.canvas.centre_on(spot.x, spot.y)
    assert window.canvas.wait_for_render()
    click_map(qtbot, window, spot.x, spot.y)
    assert window.session.selection == frozenset()
    labels = [w.text() for w in window.card.findChildren(type(window.readout.count_label))]
    assert any("Bucklow-St Martins" in text for text in labels)
    assert window.selection_overlay.area is not None and window.selection_overlay.area.equals(
        bucklow
    )


def test_place_an_unplaced_asset(qtbot, window):
    session = window.session
    unplaced = window.unplaced
    assert unplaced.list.count() == 1
    unplaced.list.setCurrentRow(0)
    uuid = unplaced.list.currentItem().data(Qt.ItemDataRole.UserRole)
    unplaced.place_button.click()
    assert window.tool.name == "place"
    view = window.canvas.view
    x, y = view.to_world(view.width * 0.5, view.height * 0.5)
    click_map(qtbot, window, x, y)
    placed = assets.get(session.project, uuid)
    assert placed.placed and placed.x == pytest.approx(x, abs=view.scale)
    assert window.tool.name == "select"
    assert unplaced.list.count() == 0
    assert window.dock_unplaced.windowTitle() == "Not on the map"


def test_find_box_jumps_to_a_postcode_and_to_an_asset(qtbot, window):
    from assetmap.core import postcode_store

    index = postcode_store.load(window.session.project)
    px, py = index.frame.loc["M16 0PQ", ["x", "y"]]
    window.act_find.trigger()
    assert window.find_box.hasFocus()
    qtbot.keyClicks(window.find_box, "m16 0pq")
    window.find_box._completer.popup().hide()
    qtbot.keyClick(window.find_box, Qt.Key.Key_Return)
    assert (window.canvas.view.cx, window.canvas.view.cy) == pytest.approx((px, py))
    window.find_box.clear()
    qtbot.keyClicks(window.find_box, "Sale Library")
    window.find_box._completer.popup().hide()
    qtbot.keyClick(window.find_box, Qt.Key.Key_Return)
    library = window.session.points().query("name == 'Sale Library'").iloc[0]
    assert window.session.selection == {library.uuid}


def test_tool_shortcuts_and_keyboard_navigation(qtbot, window):
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.tool.name == "add"
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.tool.name == "pan"
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.tool.name == "select"
    scale = window.canvas.view.scale
    qtbot.keyClick(window.canvas, Qt.Key.Key_Minus)
    assert window.canvas.view.scale == scale * 2
    qtbot.keyClick(window.canvas, Qt.Key.Key_Home)
    assert window.canvas.view.scale == pytest.approx(scale)


def test_switching_to_an_empty_project_and_back(qtbot, window, tmp_path, demo_path):
    from assetmap.core.project import Project

    Project.create(tmp_path / "empty.gpkg", name="Empty").close()
    assert window.open_path(tmp_path / "empty.gpkg")
    assert window.windowTitle().startswith("Empty")
    assert window.table.model.total_count() == 0
    assert window.unplaced.list.count() == 0
    window.canvas.render_now()
    assert window.open_path(demo_path)
    assert window.table.model.total_count() == 501


def test_a_damaged_project_gets_a_message_not_a_traceback(qtbot, window, tmp_path):
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000)
    seen = {}

    def read_and_close(box) -> None:
        seen["text"] = box.text()
        box.accept()

    when_modal(read_and_close)
    assert not window.open_path(broken)
    assert "damaged" in seen["text"]
    assert window.table.model.total_count() == 501  # still on the demo


def test_unexpected_errors_show_a_dialog_and_are_logged(qtbot, window):
    from assetmap.qt.errors import install_exception_hook, log_path, setup_logging

    setup_logging()
    install_exception_hook()
    seen = {}

    def read_and_close(box) -> None:
        seen["text"] = box.text() + box.informativeText()
        box.accept()

    when_modal(read_and_close)
    try:
        raise RuntimeError("the canvas fell over")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert "the canvas fell over" in seen["text"] and str(log_path()) in seen["text"]
    assert "RuntimeError: the canvas fell over" in log_path().read_text()
    sys.excepthook = sys.__excepthook__
