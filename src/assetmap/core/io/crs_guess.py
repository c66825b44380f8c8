"""Deciding what coordinate system a file without one is in, and saying so."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS

WGS84 = CRS.from_epsg(4326)
BNG = CRS.from_epsg(27700)


def guess_crs(geometry: np.ndarray) -> tuple[CRS | None, str]:
    """A CRS for geometries whose file declares none, with the note for the report."""
    present = geometry[~shapely.is_missing(geometry)]
    if not len(present):
        return None, ""
    minx, miny, maxx, maxy = shapely.total_bounds(present)
    if minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90:
        return WGS84, "the file has no coordinate system; its values look like longitude/latitude"
    if minx >= 0 and maxx <= 700_000 and miny >= 0 and maxy <= 1_300_000:
        return BNG, "the file has no coordinate system; its values look like British National Grid"
    return None, ""


def lonlat_region(crs: CRS) -> tuple[float, float, float, float]:
    """Where a projected CRS is meant to be used, as lon/lat bounds."""
    area = crs.area_of_use
    if area is None:
        return (-180.0, -90.0, 180.0, 90.0)
    return (area.west, area.south, area.east, area.north)
