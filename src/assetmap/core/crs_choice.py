"""Choosing a metric coordinate system for a new project from its data.

British National Grid inside Great Britain, the local UTM zone elsewhere
(BRIEF section 6), so distances and areas are in metres wherever the
project is.
"""

from __future__ import annotations

from pyproj import CRS
from pyproj.aoi import AreaOfInterest
from pyproj.database import query_utm_crs_info

from assetmap.core.io.readers import read_table

BNG = CRS.from_epsg(27700)
# Great Britain (not Northern Ireland, which has its own grid), generously.
_GB = (-8.7, 49.8, 2.0, 60.95)


def suggest_metric_crs(lonlat_bounds: tuple[float, float, float, float]) -> CRS:
    w, s, e, n = lonlat_bounds
    if _GB[0] <= w and e <= _GB[2] and _GB[1] <= s and n <= _GB[3]:
        return BNG
    infos = query_utm_crs_info(
        datum_name="WGS 84",
        area_of_interest=AreaOfInterest(w, s, e, n),
    )
    if not infos:
        return BNG
    return CRS.from_epsg(int(infos[0].code))


def suggest_for_file(path: str, layer: str | None = None) -> tuple[CRS, str]:
    """The suggestion and a plain-English reason, from a boundary file's extent."""
    import geopandas as gpd
    import shapely

    table = read_table(path, layer=layer)
    if table.geometry is None or table.crs is None:
        return BNG, "British National Grid (the default)"
    present = table.geometry[~shapely.is_missing(table.geometry)]
    if not len(present):
        return BNG, "British National Grid (the default)"
    bounds = gpd.GeoSeries(present, crs=table.crs).to_crs(4326).total_bounds
    west, south, east, north = (float(b) for b in bounds)
    crs = suggest_metric_crs((west, south, east, north))
    where = "your areas are in Great Britain" if crs == BNG else "the UTM zone of your areas"
    return crs, f"{crs.name} ({where})"
