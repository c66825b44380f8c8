"""Coverage of each area from the circles near it, with no union of a whole country's circles.

An area's share within the distance of an asset depends only on the assets within that
distance of it, so each area is worked on alone: its uncovered part starts as the area and
loses the circle of each nearby asset in turn, nearest first, until nothing is left or the
circles run out. Cheap tests decide most steps without polygon arithmetic: a circle whose
centre is farther than the distance from what is left misses it, and one whose centre is
within the circle's inner radius of every vertex of what is left swallows it. The circles
are the same 64-sided polygons the coverage layer draws (``QUAD_SEGMENTS``), so the shares
equal those of the merged layer up to rounding (a test holds them to 1e-9).

The uncovered parts are kept, so "any of the chosen" starts from the smallest of its
categories' parts, and a change to one asset redoes only the areas within reach of it.
"""

from __future__ import annotations

import numpy as np
import shapely

from assetmap.core.progress import CancelledFn, check_cancelled

QUAD_SEGMENTS = 16  # the same circles as measures.coverage_geometry


def circle_template(distance: float) -> np.ndarray:
    """The vertices of one circle around (0, 0), exactly as ``shapely.buffer`` makes them:
    adding a centre to them gives that centre's buffer, far faster than buffering."""
    ring = shapely.buffer(shapely.Point(0.0, 0.0), distance, quad_segs=QUAD_SEGMENTS)
    return np.asarray(shapely.get_coordinates(ring))


def inner_radius(distance: float) -> float:
    """The radius of the largest true circle inside the polygon circle (its apothem)."""
    return float(distance * np.cos(np.pi / (4 * QUAD_SEGMENTS)))


def uncovered_parts(
    areas: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    distance: float,
    start: np.ndarray | None = None,
    cancelled: CancelledFn | None = None,
    skip: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Per area, the part of it farther than ``distance`` from every point (x, y), as a
    geometry (empty when wholly covered). ``start`` gives parts already known to be
    uncovered by other points (each inside its area), to carry on from; ``skip`` (a label
    per area, a label per point) leaves out the points whose label is their area's: those
    that made its ``start`` already."""
    remain = np.array(areas if start is None else start, dtype=object, copy=True)
    if not len(remain) or not len(x):
        return remain
    points: np.ndarray = np.asarray(shapely.points(x, y))
    todo = np.flatnonzero(~shapely.is_empty(remain))
    area_idx, point_idx = shapely.STRtree(points).query(
        remain[todo], predicate="dwithin", distance=distance
    )
    area_idx = todo[area_idx]
    if skip is not None:
        keep = skip[0][area_idx] != skip[1][point_idx]
        area_idx, point_idx = area_idx[keep], point_idx[keep]
    centre = np.full((len(remain), 2), np.nan)
    middle = shapely.centroid(remain[todo])
    centre[todo, 0], centre[todo, 1] = shapely.get_x(middle), shapely.get_y(middle)
    gap = np.hypot(x[point_idx] - centre[area_idx, 0], y[point_idx] - centre[area_idx, 1])
    order = np.lexsort((gap, area_idx))
    area_idx, point_idx = area_idx[order], point_idx[order]
    first = np.searchsorted(area_idx, area_idx, side="left")
    rank = np.arange(len(area_idx)) - first
    by_rank = np.argsort(rank, kind="stable")
    ends = np.searchsorted(rank[by_rank], np.arange(int(rank.max(initial=-1)) + 2))
    template = circle_template(distance)
    reach = inner_radius(distance)
    for k in range(len(ends) - 1):
        check_cancelled(cancelled)
        step = by_rank[ends[k] : ends[k + 1]]
        step = step[~shapely.is_empty(remain[area_idx[step]])]
        if not len(step):
            break
        which, near = area_idx[step], point_idx[step]
        _take_away_circles(remain, which, x[near], y[near], distance, reach, template)
    return remain


def _take_away_circles(
    remain: np.ndarray,
    which: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    distance: float,
    reach: float,
    template: np.ndarray,
) -> None:
    """Remove one circle from each of ``remain[which]`` (``which`` holds no repeats)."""
    points: np.ndarray = np.asarray(shapely.points(x, y))
    left = remain[which]
    touches = shapely.distance(points, left) <= distance
    which, points, left = which[touches], points[touches], left[touches]
    x, y = x[touches], y[touches]
    swallowed = shapely.hausdorff_distance(points, left) <= reach
    remain[which[swallowed]] = shapely.Polygon()
    cut = ~swallowed
    if cut.any():
        circles = shapely.polygons(template[None, :, :] + np.c_[x[cut], y[cut]][:, None, :])
        remain[which[cut]] = shapely.difference(left[cut], circles)


def shares(areas: np.ndarray, uncovered: np.ndarray) -> np.ndarray:
    """Share of each area's surface covered: exactly 1 where nothing is left uncovered and
    exactly 0 where all is (so thirds and gap flags do not depend on rounding noise)."""
    total = np.asarray(shapely.area(areas), dtype=float)
    left = np.asarray(shapely.area(uncovered), dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, 1.0 - left / total, np.nan)
    out[shapely.is_empty(uncovered) & (total > 0)] = 1.0
    return np.clip(out, 0.0, 1.0)


def smallest(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per area, the smallest of several uncovered parts and which list it came from."""
    sizes = np.stack([shapely.area(p) for p in parts])
    pick = np.argmin(sizes, axis=0)
    chosen = np.stack(parts)[pick, np.arange(len(pick))]
    return chosen, pick
