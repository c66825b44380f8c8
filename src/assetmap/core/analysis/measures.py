"""The measures of BRIEF section 6, vectorised over areas and assets.

No Python loop visits a feature: spatial indexes give candidate pairs and
numpy sums them. Coverage is exact polygon arithmetic, made fast by cutting
the few huge merged circles (a city's worth) into grid pieces before
intersecting them with the areas.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

QUAD_SEGMENTS = 16  # circles as 64-sided polygons: area within 0.2 % of a true circle
CUT_VERTICES = 2000  # merged coverage parts bigger than this are cut into grid pieces
CUT_CELL_M = 4000.0


def reference_points(areas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each area's centroid, or a point inside it when the centroid falls outside.

    Returns the points and whether the inside point was used (for the method statement).
    """
    centroids = shapely.centroid(areas)
    outside = ~shapely.contains_xy(areas, shapely.get_x(centroids), shapely.get_y(centroids))
    points = centroids.copy()
    if outside.any():
        points[outside] = shapely.point_on_surface(areas[outside])
    return points, outside


def area_of_each_point(points: np.ndarray, areas: np.ndarray) -> np.ndarray:
    """Index of the area holding each point, -1 for none.

    A point on a boundary shared by several areas belongs to the first of them in the set,
    so every asset counts once.
    """
    owner = np.full(len(points), -1, dtype=np.intp)
    if not len(points) or not len(areas):
        return owner
    tree = shapely.STRtree(areas)
    point_idx, area_idx = tree.query(points, predicate="intersects")
    if not len(point_idx):
        return owner
    order = np.lexsort((area_idx, point_idx))
    point_idx, area_idx = point_idx[order], area_idx[order]
    first = np.r_[True, point_idx[1:] != point_idx[:-1]]
    owner[point_idx[first]] = area_idx[first]
    return owner


def counts(owner: np.ndarray, n_areas: int) -> np.ndarray:
    """Number of points per area, from ``area_of_each_point``."""
    inside = owner[owner >= 0]
    return np.bincount(inside, minlength=n_areas).astype(np.int64)


def nearest_distances(origins: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Straight-line distance from each origin to the nearest target (NaN with no targets)."""
    return nearest_xy(origins, shapely.get_x(targets), shapely.get_y(targets))


def nearest_xy(origins: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``nearest_distances`` to the points (x, y), by a k-d tree: no point geometries to
    build, and a nearest query per origin far cheaper than the geometry tree's."""
    if not len(x):
        return np.full(len(origins), np.nan)
    from scipy.spatial import cKDTree  # scipy comes with mapclassify; loaded when needed

    out = np.full(len(origins), np.nan)
    known = np.flatnonzero(~shapely.is_empty(origins) & ~shapely.is_missing(origins))
    ox, oy = shapely.get_x(origins[known]), shapely.get_y(origins[known])
    dist, _idx = cKDTree(np.c_[x, y]).query(np.c_[ox, oy])
    out[known] = dist
    return out


def coverage_shares(
    areas: np.ndarray, targets: np.ndarray, distance: float, cancelled: object = None
) -> np.ndarray:
    """Share of each area's surface within ``distance`` of a target (0 with no targets)."""
    return shares_within(areas, coverage_geometry(targets, distance), cancelled)


def shares_within(areas: np.ndarray, covered: BaseGeometry, cancelled: object = None) -> np.ndarray:
    """Share of each area's surface inside ``covered``, exactly 0 or 1 where it is wholly
    outside or inside (so thirds and gap flags do not depend on rounding noise)."""
    total = shapely.area(areas)
    if covered is None or covered.is_empty or (callable(cancelled) and cancelled()):
        return np.zeros(len(areas))
    parts = shapely.get_parts(covered)
    shapely.prepare(parts)
    whole_in = _wholly_inside(areas, parts)
    pieces = _cut_large_parts(parts)
    tree = shapely.STRtree(pieces)
    area_idx, piece_idx = tree.query(areas, predicate="intersects")
    keep = ~whole_in[area_idx]
    area_idx, piece_idx = area_idx[keep], piece_idx[keep]
    overlap = shapely.area(shapely.intersection(areas[area_idx], pieces[piece_idx]))
    shares = np.bincount(area_idx, weights=overlap, minlength=len(areas))
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total > 0, shares / total, np.nan)
    shares[whole_in] = 1.0
    return np.clip(shares, 0.0, 1.0)


def _wholly_inside(areas: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """Areas that lie entirely within one merged part: their share is exactly 1."""
    tree = shapely.STRtree(parts)
    area_idx, _ = tree.query(areas, predicate="within")
    inside = np.zeros(len(areas), dtype=bool)
    inside[area_idx] = True
    return inside


def _cut_large_parts(parts: np.ndarray) -> np.ndarray:
    """Grid pieces of the merged circles: intersecting an area with a piece of a few
    hundred vertices is fast; with a city-sized part of tens of thousands, it is not."""
    sizes = shapely.get_num_coordinates(parts)
    big = sizes > CUT_VERTICES
    if not big.any():
        return parts
    pieces = [parts[~big]]
    for part in parts[big]:
        minx, miny, maxx, maxy = part.bounds
        xs = np.arange(np.floor(minx / CUT_CELL_M) * CUT_CELL_M, maxx, CUT_CELL_M)
        ys = np.arange(np.floor(miny / CUT_CELL_M) * CUT_CELL_M, maxy, CUT_CELL_M)
        gx, gy = np.meshgrid(xs, ys)
        cells = shapely.box(
            gx.ravel(), gy.ravel(), gx.ravel() + CUT_CELL_M, gy.ravel() + CUT_CELL_M
        )
        shapely.prepare(part)
        cells = cells[shapely.intersects(part, cells)]
        cut = shapely.intersection(part, cells)
        pieces.append(cut[~shapely.is_empty(cut)])
    return np.concatenate(pieces)


def coverage_geometry(targets: np.ndarray, distance: float) -> BaseGeometry:
    """The area within ``distance`` of any target (the coverage layer, and its measure)."""
    if not len(targets):
        return shapely.MultiPolygon()
    return shapely.union_all(shapely.buffer(targets, distance, quad_segs=QUAD_SEGMENTS))


def merged(geometries: list[BaseGeometry]) -> BaseGeometry:
    """The union of coverage areas: cheaper than buffering every target again."""
    present = [g for g in geometries if g is not None and not g.is_empty]
    return (
        shapely.union_all(np.asarray(present, dtype=object)) if present else shapely.MultiPolygon()
    )


def terciles(values: np.ndarray) -> np.ndarray:
    """1 (lowest third) to 3 (highest third) by rank; 0 where the value is missing.

    Equal values always share a third (their rank is that of the first of them), so a
    hundred areas all 100 % covered are one class, not split by chance.
    """
    out = np.zeros(len(values), dtype=np.int64)
    present = np.flatnonzero(~np.isnan(values))
    if not len(present):
        return out
    ordered = np.sort(values[present])
    rank = np.searchsorted(ordered, values[present], side="left")
    out[present] = 1 + (3 * rank) // len(present)
    return out
