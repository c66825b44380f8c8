"""Coverage of each area from the circles near it, with no union of a whole country's circles.

An area's share within the distance of an asset depends only on the assets within that
distance of it, so each area is measured alone, from those circles only
(``circle_cover``: the covered area from its boundary, compiled). The circles are the same
64-sided polygons the coverage layer draws (``QUAD_SEGMENTS``), so the shares equal those
of the merged layer up to rounding (a test holds them to 1e-6).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass

import numpy as np
import shapely

from assetmap.core.progress import CancelledFn, check_cancelled

QUAD_SEGMENTS = 16  # the same circles as measures.coverage_geometry
BLOCKS = 64  # pieces of work per measure: enough to keep both cores busy and cancel soon


@dataclass(frozen=True)
class AreaEdges:
    """Every area's ring edges, outer rings anticlockwise and holes clockwise: area ``i``'s
    are ``edges[start[i]:start[i + 1]]`` (x0, y0, x1, y1)."""

    start: np.ndarray
    edges: np.ndarray


def area_edges(areas: np.ndarray) -> AreaEdges:
    """The edges of every area, made once and measured against each group's circles."""
    oriented = shapely.orient_polygons(areas, exterior_cw=False)
    parts, part_of = shapely.get_parts(oriented, return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)
    coords, coord_of = shapely.get_coordinates(rings, return_index=True)
    same_ring = coord_of[1:] == coord_of[:-1]
    edges = np.ascontiguousarray(np.c_[coords[:-1][same_ring], coords[1:][same_ring]])
    owner = part_of[ring_of[coord_of[:-1][same_ring]]]
    start = np.searchsorted(owner, np.arange(len(areas) + 1)).astype(np.int64)
    return AreaEdges(start, edges)


def circle_template(distance: float) -> np.ndarray:
    """The vertices of one circle around (0, 0), exactly as ``shapely.buffer`` makes them,
    anticlockwise: adding a centre to them gives that centre's buffer."""
    ring = shapely.buffer(shapely.Point(0.0, 0.0), distance, quad_segs=QUAD_SEGMENTS)
    ring = shapely.orient_polygons(ring, exterior_cw=False)
    return np.ascontiguousarray(shapely.get_coordinates(ring.exterior))


def inner_radius(distance: float) -> float:
    """The radius of the largest true circle inside the polygon circle (its apothem)."""
    return float(distance * np.cos(np.pi / (4 * QUAD_SEGMENTS)))


@dataclass(frozen=True)
class NearCircles:
    """Per area, the circles that may reach it: area ``i``'s centres are the rows of
    ``places`` that ``index[start[i]:start[i + 1]]`` names."""

    start: np.ndarray
    index: np.ndarray
    places: np.ndarray


def reach_boxes(areas: np.ndarray, distance: float) -> np.ndarray:
    """Each area's bounds grown by ``distance``: a circle whose centre is outside them
    cannot reach the area."""
    bounds = shapely.bounds(areas)
    low, high = bounds[:, :2] - distance, bounds[:, 2:] + distance
    return np.asarray(shapely.box(low[:, 0], low[:, 1], high[:, 0], high[:, 1]))


def circles_near(boxes: np.ndarray, x: np.ndarray, y: np.ndarray) -> NearCircles:
    """The circles that may reach each area (centres within its ``reach_boxes``; the
    compiled part keeps those truly within reach), each place once: two assets at one
    postcode make one circle."""
    where = np.unique(np.asarray(x, dtype=float) + 1j * np.asarray(y, dtype=float))
    places = np.ascontiguousarray(np.c_[where.real, where.imag])
    tree = shapely.STRtree(np.asarray(shapely.points(places), dtype=object))
    area_idx, place_idx = tree.query(boxes)  # in the order of the areas asked about
    start = np.searchsorted(area_idx, np.arange(len(boxes) + 1)).astype(np.int64)
    return NearCircles(start, place_idx.astype(np.int64), places)


def prepare() -> None:
    """Have the compiled part ready: compiled the first time on a computer (seconds),
    loaded from numba's cache after that. Worth a progress message of its own."""
    square = np.array([shapely.box(0.0, 0.0, 10.0, 10.0)], dtype=object)
    covered_shares(square, np.array([5.0]), np.array([5.0]), 100.0)


def is_prepared() -> bool:
    """Whether this process has the compiled part loaded already."""
    import sys

    module = sys.modules.get("assetmap.core.analysis.circle_cover")
    return module is not None and bool(module.covered_areas.signatures)


def shares_of_groups(
    geoms: np.ndarray,
    points: dict[str, tuple[np.ndarray, np.ndarray]],
    distance: float,
    pool: Executor,
    cancelled: CancelledFn | None = None,
    done: Callable[[str], None] | None = None,
) -> dict[str, np.ndarray]:
    """Each group's shares (``covered_shares``), the groups' circle look-ups started at
    once so both cores stay busy while the first group is measured."""
    edges = pool.submit(area_edges, geoms)
    boxes = reach_boxes(geoms, distance)
    near = {key: pool.submit(circles_near, boxes, x, y) for key, (x, y) in points.items()}
    out: dict[str, np.ndarray] = {}
    for key, future in near.items():
        out[key] = _measure(edges.result(), future.result(), distance, pool, cancelled)
        if done is not None:
            done(key)
    return out


def covered_shares(
    geoms: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    distance: float,
    pool: Executor | None = None,
    cancelled: CancelledFn | None = None,
) -> np.ndarray:
    """Share of each area's surface within ``distance`` of a point (x, y): exactly 1 where
    one circle or several cover it all and exactly 0 where none reaches it, so thirds and
    gap flags do not depend on rounding noise; NaN for an area with no surface."""
    near = circles_near(reach_boxes(geoms, distance), x, y)
    return _measure(area_edges(geoms), near, distance, pool, cancelled)


def _measure(
    edges: AreaEdges,
    near: NearCircles,
    distance: float,
    pool: Executor | None,
    cancelled: CancelledFn | None,
) -> np.ndarray:
    from assetmap.core.analysis import circle_cover  # compiled on first use, not at start

    n = len(edges.start) - 1
    covered, total = np.zeros(n), np.zeros(n)
    template, apothem = circle_template(distance), inner_radius(distance)

    def block(which: np.ndarray) -> None:
        check_cancelled(cancelled)
        circle_cover.covered_areas(
            which,
            edges.start,
            edges.edges,
            near.start,
            near.index,
            near.places,
            template,
            apothem,
            covered,
            total,
        )

    # Every BLOCKS-th area in each block, so each holds as many dense towns as the others.
    blocks = [np.arange(k, n, BLOCKS, dtype=np.int64) for k in range(min(BLOCKS, n))]
    if pool is None:
        for which in blocks:
            block(which)
    else:
        for future in [pool.submit(block, which) for which in blocks]:
            future.result()
    return _shares(covered, total)


def _shares(covered: np.ndarray, total: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, covered / total, np.nan)
    out[(covered == total) & (total > 0)] = 1.0
    return np.clip(out, 0.0, 1.0)
