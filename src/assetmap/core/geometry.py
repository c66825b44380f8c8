"""Small vectorised geometry helpers shared by importers and the store."""

from __future__ import annotations

import numpy as np
import shapely


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
        parts = shapely.get_parts(out[i])
        areas = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        merged = shapely.union_all(areas) if len(areas) else None
        out[i] = None if merged is None or merged.is_empty else merged
    empty = np.flatnonzero(~shapely.is_missing(out))
    out[empty[shapely.is_empty(out[empty])]] = None
    return as_multipolygons(out)
