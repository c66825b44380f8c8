"""The page's tile grid: tiles tile the extent exactly and reach street level."""

from __future__ import annotations

import pytest

from assetmap.core.workshop.tilegrid import TILE_PX, TileGrid

TRAFFORD = (372_000.0, 384_000.0, 383_000.0, 398_000.0)


def test_zoom_zero_holds_the_whole_extent_with_its_margin() -> None:
    grid = TileGrid.for_extent(TRAFFORD, margin=500)
    minx, miny, maxx, maxy = grid.tile_bounds(0, 0, 0)
    assert minx == 371_500 and maxy == 398_500
    assert maxx >= 383_500 and miny <= 383_500


def test_the_finest_zoom_is_about_half_a_metre_a_pixel() -> None:
    grid = TileGrid.for_extent(TRAFFORD)
    assert 0.25 < grid.resolution(grid.max_zoom) <= 0.5
    assert grid.resolution(grid.max_zoom - 1) > 0.5


def test_neighbouring_tiles_share_edges_and_children_split_parents() -> None:
    grid = TileGrid.for_extent(TRAFFORD)
    a = grid.tile_bounds(5, 10, 7)
    right = grid.tile_bounds(5, 11, 7)
    below = grid.tile_bounds(5, 10, 8)
    assert a[2] == pytest.approx(right[0]) and a[1] == pytest.approx(below[3])
    child = grid.tile_bounds(6, 20, 14)
    assert child[0] == pytest.approx(a[0]) and child[3] == pytest.approx(a[3])
    assert (a[2] - a[0]) == pytest.approx(TILE_PX * grid.resolution(5))


def test_tiles_outside_the_grid_are_not_part_of_it() -> None:
    grid = TileGrid.for_extent(TRAFFORD)
    assert grid.contains(0, 0, 0)
    assert not grid.contains(0, 1, 0)
    assert not grid.contains(3, -1, 2)
    assert not grid.contains(grid.max_zoom + 1, 0, 0)


def test_a_single_point_project_still_has_a_grid() -> None:
    grid = TileGrid.for_extent((100.0, 100.0, 100.0, 100.0))
    assert grid.span > 0 and grid.max_zoom >= 0
