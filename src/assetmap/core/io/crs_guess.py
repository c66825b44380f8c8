"""Deciding what coordinate system a file without one is in, and saying so."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS

from assetmap.core.i18n import translated

WGS84 = CRS.from_epsg(4326)
BNG = CRS.from_epsg(27700)

Bounds = tuple[float, float, float, float]


def guess_crs(geometry: np.ndarray) -> tuple[CRS | None, str]:
    """A CRS for geometries whose file declares none, with the note for the report."""
    present = geometry[~shapely.is_missing(geometry)]
    if not len(present):
        return None, ""
    crs = guess_from_bounds(tuple(shapely.total_bounds(present)))
    if crs is None:
        return None, ""
    note = translated("the file has no coordinate system; its values look like {crs}")
    return crs, note.format(crs=describe(crs))


def guess_from_bounds(bounds: Bounds) -> CRS | None:
    """Longitude/latitude or British National Grid, the two systems UK files come in."""
    minx, miny, maxx, maxy = bounds
    if minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90:
        return WGS84
    in_grid = minx >= 0 and maxx <= 700_000 and miny >= 0 and maxy <= 1_300_000
    # All within a kilometre of the grid's origin is the sea off Scilly: placeholders, not BNG.
    if in_grid and maxx >= _NEAR_ORIGIN and maxy >= _NEAR_ORIGIN:
        return BNG
    return None


_NEAR_ORIGIN = 1_000.0


def describe(crs: CRS) -> str:
    """How a planner would recognise the guessed values."""
    if crs.equals(WGS84):
        return translated("longitude/latitude")
    if crs.equals(BNG):
        return translated("British National Grid")
    return crs.name


def lonlat_region(crs: CRS) -> tuple[float, float, float, float]:
    """Where a projected CRS is meant to be used, as lon/lat bounds."""
    area = crs.area_of_use
    if area is None:
        return (-180.0, -90.0, 180.0, 90.0)
    return (area.west, area.south, area.east, area.north)
