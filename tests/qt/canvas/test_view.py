"""World <-> screen maths of the map view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from assetmap.qt.canvas.view import View


def test_round_trip_and_north_up():
    view = View(383_000.0, 396_000.0, 10.0, 800, 600)
    centre = view.to_screen(383_000.0, 396_000.0)
    assert (centre.x(), centre.y()) == (400.0, 300.0)
    north = view.to_screen(383_000.0, 396_100.0)
    assert north.y() == pytest.approx(290.0)  # north is up
    assert view.to_world(123.0, 456.0) == pytest.approx(
        (383_000.0 + (123 - 400) * 10, 396_000.0 - (456 - 300) * 10)
    )
    mapped = view.transform().map(QPointF(383_500.0, 395_000.0))
    expected = view.to_screen(383_500.0, 395_000.0)
    assert (mapped.x(), mapped.y()) == pytest.approx((expected.x(), expected.y()))


def test_zoom_keeps_the_point_under_the_cursor():
    view = View(383_000.0, 396_000.0, 10.0, 800, 600)
    anchor = QPointF(650.0, 120.0)
    before = view.to_world(anchor.x(), anchor.y())
    zoomed = view.zoomed(1.25, anchor)
    assert zoomed.scale == pytest.approx(8.0)
    assert zoomed.to_world(anchor.x(), anchor.y()) == pytest.approx(before)


def test_cached_image_transform_matches_the_new_view():
    rendered = View(383_000.0, 396_000.0, 10.0, 800, 600)
    now = rendered.zoomed(2.0, QPointF(100, 100)).panned(30, -20)
    world = (383_250.0, 395_900.0)
    old_px = rendered.to_screen(*world)
    moved = now.image_transform(rendered).map(old_px)
    new_px = now.to_screen(*world)
    assert (moved.x(), moved.y()) == pytest.approx((new_px.x(), new_px.y()))


def test_fit_and_scale_bar():
    view = View(0, 0, 1, 1000, 500).fitted((380_000, 390_000, 390_000, 400_000), margin=0)
    assert view.scale == pytest.approx(20.0)  # 10 km over 500 px
    length, label, px = view.nice_scale_bar(max_px=120)
    assert label == "2 km" and length == 2000 and px == pytest.approx(100)
