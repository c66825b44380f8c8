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
