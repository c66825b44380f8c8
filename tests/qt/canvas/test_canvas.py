"""The map draws what the model says, where it says, off the GUI thread."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtGui import QColor

from assetmap.core import areas
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.scene import AreaLayer, Scene
from assetmap.qt.map_scene import SceneBuilder

LSOA = "Neighbourhoods (LSOA 2021)"


def make_canvas(qtbot, session, size=(900, 700)):
    builder = SceneBuilder(session.model)
    canvas = MapCanvas(builder.scene)
    qtbot.addWidget(canvas)
    canvas.resize(*size)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def colour_at(image, point) -> QColor:
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def near(a: QColor, b: str, tolerance: int = 12) -> bool:
    b = QColor(b)
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_asset_symbol_is_drawn_in_its_category_colour(qtbot, session):
    canvas = make_canvas(qtbot, session)
    libraries = session.points().query("category == 'libraries'")
    x, y = libraries["x"].iloc[0], libraries["y"].iloc[0]
    canvas.centre_on(x, y, scale=2.0)
    assert canvas.wait_for_render()
    colour = colour_at(canvas.grab_map(), canvas.view.to_screen(x, y))
    assert near(colour, session.category("libraries").colour)


def test_area_fill_at_an_interior_point(qtbot, session):
    canvas = make_canvas(qtbot, session)
    frame = areas.frame(session.project, LSOA)
    points = session.points()
    tree = shapely.STRtree(shapely.points(points["x"], points["y"]))
    # An interior point of an LSOA with no asset within 60 m, so nothing is drawn over it.
    for geometry in frame.geometry:
        spot = shapely.point_on_surface(geometry)
        if not len(tree.query(spot.buffer(60))):
            break
    canvas.centre_on(spot.x, spot.y, scale=4.0)
    assert canvas.wait_for_render()
    colour = colour_at(canvas.grab_map(), canvas.view.to_screen(spot.x, spot.y))
    assert near(colour, session.layers.area_style(LSOA).fill, tolerance=3)
    session.layers.set_area_style(LSOA, fill="#E69F00")
    canvas.refresh()
    assert canvas.wait_for_render()
    assert near(colour_at(canvas.grab_map(), canvas.view.to_screen(spot.x, spot.y)), "#E69F00", 3)


def test_hidden_category_is_not_drawn(qtbot, session):
    canvas = make_canvas(qtbot, session)
    schools = session.points().query("category == 'schools'")
    x, y = schools["x"].iloc[3], schools["y"].iloc[3]
    canvas.centre_on(x, y, scale=2.0)
    assert canvas.wait_for_render()
    assert near(
        colour_at(canvas.grab_map(), canvas.view.to_screen(x, y)),
        session.category("schools").colour,
    )
    session.layers.set_categories_visible(["schools"], False)
    canvas.refresh()
    assert canvas.wait_for_render()
    assert not near(
        colour_at(canvas.grab_map(), canvas.view.to_screen(x, y)),
        session.category("schools").colour,
    )


def test_pan_shows_the_cached_image_moved_at_once(qtbot, session):
    canvas = make_canvas(qtbot, session)
    canvas.zoom_to(session.full_extent())
    assert canvas.wait_for_render()
    before = canvas.grab_map()
    canvas._timer.stop()
    canvas.pan_by(40, 25)  # no render has run for the new view yet
    canvas._timer.stop()
    after = canvas.grab_map()
    # The pixel that was at (300, 300) is now at (340, 325), straight away.
    assert before.pixel(300, 300) == after.pixel(340, 325)


def test_wheel_and_keys_move_the_view(qtbot, session):
    from PySide6.QtCore import Qt

    canvas = make_canvas(qtbot, session)
    start = canvas.view
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.scale == start.scale / 2
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.view.cx > start.cx


def test_empty_project_and_null_geometries_draw_without_error(qtbot, empty_session):
    canvas = make_canvas(qtbot, empty_session)
    canvas.render_now()
    image = canvas.grab_map()
    assert QColor(image.pixel(10, 10)) == canvas.background
    polygons = PolygonSet(
        np.array([None, shapely.box(0, 0, 100, 100), shapely.Polygon()], dtype=object)
    )
    layer = AreaLayer(
        "x", polygons, np.zeros(3, dtype=int), ["#E69F00"], 0, "#000000", 1.0, 1.0, None, None
    )
    from assetmap.qt.canvas.view import View

    picture = Scene(areas=[layer]).render(View(50, 50, 0.5, 400, 400), 1.0)
    assert near(QColor(picture.pixel(200, 200)), "#E69F00", 3)


def test_a_render_that_fails_is_logged_and_the_map_draws_again(qtbot, session, caplog):
    """A layer that cannot be drawn must not leave the map waiting for ever for the render
    thread: the failure is logged and the next render goes ahead."""
    builder = SceneBuilder(session.model)
    hostile = [True]

    def scenes() -> Scene:
        scene = builder.scene()
        if hostile and hostile.pop():
            # Fill classes for one area only, for a set of 139: drawing it raises.
            scene.areas[0] = replace(scene.areas[0], classes=scene.areas[0].classes[:1])
        return scene

    canvas = MapCanvas(scenes)
    qtbot.addWidget(canvas)
    canvas.resize(900, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(lambda: "drawing the map failed" in caplog.text)
    canvas.zoom_to(session.full_extent())
    assert canvas.wait_for_render()
    middle = canvas.grab_map().pixelColor(450, 350)  # the middle of Trafford
    assert not near(middle, canvas.background.name())  # the areas are drawn
