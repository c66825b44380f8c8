"""What keeps the basemap quick to redraw: the next zoom levels prepared while the map is
idle, only the line parts in view stroked, label boxes checked against their neighbours
only, and each label drawn from an image made once."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from assetmap.qt.canvas.basemap_geometry import Polylines, _polylines
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.scene import Labels, label_image
from assetmap.qt.map_scene import SceneBuilder

OAKHAM = (486_000.0, 308_800.0)


def _cached_levels(line_set) -> set[int]:
    return {key[1] for key in line_set._cache}


def test_the_next_zoom_levels_are_prepared_while_the_map_is_idle(qtbot, rutland_session):
    builder = SceneBuilder(rutland_session.model)
    canvas = MapCanvas(lambda: builder.scene(canvas.view))
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.centre_on(*OAKHAM, 3.0)
    assert canvas.wait_for_render()
    assert canvas.wait_until_idle(60)
    level = canvas.view.level
    roads = builder.basemap_geometry().roads[-1].lines  # the main roads, drawn at every zoom
    assert {level - 1, level, level + 1} <= _cached_levels(roads)
    # Zooming in: every tile the new view shows is ready before its first render.
    closer = replace(canvas.view, scale=1.5)
    needed = roads.visible_tiles(closer.bounds(margin_px=16))
    assert len(needed) and all((t, closer.level, 0) in roads._cache for t in needed)


def test_a_render_asked_for_stops_the_preparation(qtbot, rutland_session):
    builder = SceneBuilder(rutland_session.model)
    canvas = MapCanvas(lambda: builder.scene(canvas.view))
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.centre_on(*OAKHAM, 0.6)
    assert canvas.wait_for_render()
    canvas.centre_on(*OAKHAM, 8.0)  # at once, while the levels around 0.6 m/px are built
    assert canvas.wait_for_render(10)
    assert canvas.view.scale == 8.0


def test_only_the_parts_of_a_tile_in_view_are_stroked():
    lines = shapely.linestrings([[(0, 0), (10, 0)], [(10, 0), (20, 0)], [(500, 500), (510, 500)]])
    polylines = _polylines(np.asarray(lines))
    # The first two meet end to end: one polyline; the far one stays apart.
    assert len(polylines.parts) == 2
    assert len(polylines.within((-5, -5, 30, 5))) == 1
    assert len(polylines.within((-5, -5, 600, 600))) == 2
    assert polylines.within((1000, 1000, 1100, 1100)) == []
    empty = Polylines([], np.zeros((0, 4)))
    assert empty.within((0, 0, 1, 1)) == []


def test_label_boxes_collide_across_grid_cells_and_siblings(qtbot):
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        labels = Labels(painter, QFont())
        black, white = QColor("black"), QColor("white")
        assert labels.place("Oakham", QPointF(62, 62), centred=True, colour=black, halo=white)
        # Straddles the next grid cell over, and overlaps: refused by a sibling in another font.
        bold = QFont()
        bold.setBold(True)
        sibling = labels.sibling(bold)
        assert not sibling.place("Burley", QPointF(80, 64), centred=True, colour=black,
                                 halo=white)  # fmt: skip
        assert sibling.place("Burley", QPointF(300, 200), centred=True, colour=black, halo=white)
        assert not labels.place_along("Burley Road", QPointF(70, 62), 30.0, colour=black,
                                      halo=white)  # fmt: skip
        assert labels.texts == ["Oakham", "Burley"]
        boxes = labels.taken
        assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    finally:
        painter.end()


def test_a_label_is_drawn_from_an_image_made_once(qtbot):
    font = QFont()
    font.setPointSizeF(9)
    first = label_image("Uppingham", font, QColor("#343C45"), QColor("white"), 2.0)
    again = label_image("Uppingham", font, QColor("#343C45"), QColor("white"), 2.0)
    assert first.cacheKey() == again.cacheKey()  # the same image, not drawn again
    assert first.devicePixelRatio() == 2.0
    # Dark text inside a white halo, transparent around it.
    pixels = [
        QColor(first.pixel(x, y)) for x in range(first.width()) for y in range(first.height())
    ]
    assert min(c.lightness() for c in pixels if c.alpha() == 255) < 100
    assert QColor.fromRgba(first.pixel(0, 0)).alpha() == 0
    other = label_image("Uppingham", font, QColor("#343C45"), QColor("white"), 1.0)
    assert other.cacheKey() != first.cacheKey()
    assert QRectF(0, 0, other.width(), other.height()).contains(
        QRectF(0, 0, first.width() / 2, first.height() / 2)
    )
