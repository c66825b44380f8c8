"""Small vectorised geometry helpers shared by importers and the store."""

from __future__ import annotations

import re

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

# No coordinate system puts a place on Earth beyond a billion units from its origin (the
# largest, in US feet, stay under 1e8): larger values are placeholders or corrupt numbers,
# and GEOS overflows on them (areas and lengths become infinite, repairs return nothing).
ABSURD_COORDINATE = 1e9
# GEOS's validity reason, e.g. "Self-intersection[-2.295 53.455]".
_REASON = re.compile(r"(.*?)\s*\[(\S+) (\S+)\]")


def as_multipolygons(geometries: np.ndarray) -> np.ndarray:
    """GeoPackage layers hold one geometry type: polygons become one-part multipolygons.

    Vectorised, since national area sets have tens of thousands of polygons.
    """
    out = np.asarray(geometries, dtype=object).copy()
    single = np.flatnonzero(shapely.get_type_id(out) == 3)
    if len(single):
        out[single] = shapely.multipolygons(out[single], indices=np.arange(len(single)))
    return out


def polygonal_multipolygons(geometries: np.ndarray) -> np.ndarray:
    """Each geometry's area as a multipolygon, or None where it has no area.

    A MULTIPOLYGON column may hold only multipolygons (GeoPackage Requirement 32), but
    make_valid turns a spiky outline into a collection of polygons and stray lines.
    """
    out = np.asarray(geometries, dtype=object).copy()
    present = np.flatnonzero(~shapely.is_missing(out))
    types = shapely.get_type_id(out[present])
    for i in present[~np.isin(types, (3, 6))]:
        out[i] = polygonal_part(out[i])
    empty = np.flatnonzero(~shapely.is_missing(out))
    out[empty[shapely.is_empty(out[empty])]] = None
    return as_multipolygons(out)


def coordinate_problems(geometries: np.ndarray) -> np.ndarray:
    """Per geometry, why its coordinates cannot be used (None when they can).

    Checked before anything else touches the geometry: GEOS raises on NaN and infinity in
    is_valid and make_valid, and silently overflows on values near 1e300.
    """
    geometries = np.asarray(geometries, dtype=object)
    out = np.full(len(geometries), None, dtype=object)
    coords = shapely.get_coordinates(geometries)
    with np.errstate(invalid="ignore"):
        if not len(coords) or (np.abs(coords) <= ABSURD_COORDINATE).all():
            return out  # the usual case, without the cost of indexing every coordinate
        coords, index = shapely.get_coordinates(geometries, return_index=True)
        not_finite = ~np.isfinite(coords).all(axis=1)
        absurd = ~not_finite & (np.abs(coords) > ABSURD_COORDINATE).any(axis=1)
    for i in np.unique(index[absurd]):
        value = np.abs(coords[index == i]).max()
        out[i] = f"has coordinates near {value:.0e}, which are not a place on Earth"
    for i in np.unique(index[not_finite]):
        out[i] = "has coordinates that are not numbers (NaN or infinity)"
    return out


def polygonal_part(geometry: BaseGeometry) -> BaseGeometry | None:
    """The area of a geometry: make_valid and collections can hold stray lines and points."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return None if geometry.is_empty else geometry
    parts = [
        g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if not merged.is_empty else None


def repair_polygon(geometry: BaseGeometry) -> tuple[BaseGeometry | None, str]:
    """A valid polygon from an invalid one, or None, with the reason it was invalid.

    The caller decides what "None" means: an area is rejected, an asset's site can still be
    placed at the point its degenerate outline collapses to.
    """
    reason = _invalid_reason(geometry)
    try:
        with np.errstate(all="ignore"):  # GEOS overflow warnings: the result is checked
            fixed = shapely.make_valid(geometry)
    except GEOSException:
        return None, reason
    return polygonal_part(fixed), reason


def collapsed_point(geometry: BaseGeometry) -> BaseGeometry | None:
    """Where a polygon with no area (a ring of one, two or three points) actually is."""
    try:
        fixed = shapely.make_valid(geometry)
    except GEOSException:
        return None
    if fixed.is_empty:
        return None
    return fixed.centroid


def _invalid_reason(geometry: BaseGeometry) -> str:
    """GEOS's reason, with where it is written as a planner would ("Self-intersection at x, y")."""
    try:
        with np.errstate(all="ignore"):  # GEOS overflow warnings: the result is checked
            reason = shapely.is_valid_reason(geometry)
    except GEOSException as error:
        return str(error)
    match = _REASON.fullmatch(reason or "")
    if match is None:
        return reason or "invalid"
    what, x, y = match.groups()
    return f"{what} at {float(x):g}, {float(y):g}"
