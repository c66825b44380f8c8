"""Web Mercator tile maths (the XYZ scheme of OpenStreetMap and most tile servers).

Tile (z, x, y) counts x from the antimeridian eastwards and y from the north edge
southwards; MBTiles stores y flipped (TMS: from the south), see ``mbtiles.py``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

import numpy as np

HALF_WORLD = 20037508.342789244  # metres: half the Web Mercator world's width
MAX_LAT = 85.0511287798066  # the Web Mercator square's north and south edges
TILE_PX = 256
# Metres per pixel of a 256-pixel tile at zoom 0 on the equator.
RESOLUTION_Z0 = 2 * HALF_WORLD / TILE_PX

Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees) or metres


def lonlat_to_mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lon = np.asarray(lon, dtype=float)
    lat = np.clip(np.asarray(lat, dtype=float), -MAX_LAT, MAX_LAT)
    x = lon * HALF_WORLD / 180.0
    y = np.log(np.tan((90.0 + lat) * math.pi / 360.0)) * HALF_WORLD / math.pi
    return x, y


def tile_fraction(lon: float, lat: float, z: int) -> tuple[float, float]:
    """The (fractional) tile coordinates of a point at zoom ``z``."""
    x, y = lonlat_to_mercator(np.array([lon]), np.array([lat]))
    n = 2**z
    return (
        float((x[0] + HALF_WORLD) / (2 * HALF_WORLD) * n),
        float((HALF_WORLD - y[0]) / (2 * HALF_WORLD) * n),
    )


def tile_range(bounds: Bounds, z: int) -> tuple[int, int, int, int]:
    """Inclusive (x_min, x_max, y_min, y_max) of the tiles covering lon/lat ``bounds``."""
    west, south, east, north = bounds
    n = 1 << z  # an int: int ** int is typed Any
    x0, y0 = tile_fraction(west, north, z)
    x1, y1 = tile_fraction(east, south, z)
    eps = 1e-6  # of a tile: a bound on a tile edge (give or take rounding) starts no new tile

    def clamp(v: int) -> int:
        return min(max(v, 0), n - 1)

    return (
        clamp(math.floor(x0 + eps)),
        clamp(math.ceil(x1 - eps) - 1),
        clamp(math.floor(y0 + eps)),
        clamp(math.ceil(y1 - eps) - 1),
    )


def count_tiles(bounds: Bounds, zooms: Iterable[int]) -> int:
    total = 0
    for z in zooms:
        x0, x1, y0, y1 = tile_range(bounds, z)
        total += (x1 - x0 + 1) * (y1 - y0 + 1)
    return total


def tiles_in(bounds: Bounds, zooms: Iterable[int]) -> Iterator[tuple[int, int, int]]:
    """Every (z, x, y) covering ``bounds`` at each zoom, row by row."""
    for z in zooms:
        x0, x1, y0, y1 = tile_range(bounds, z)
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                yield z, x, y


def tile_bounds(z: int, x: int, y: int) -> Bounds:
    """A tile's Web Mercator bounds in metres (west, south, east, north)."""
    size = 2 * HALF_WORLD / 2**z
    west = -HALF_WORLD + x * size
    north = HALF_WORLD - y * size
    return west, north - size, west + size, north


def tile_lonlat_bounds(z: int, x: int, y: int) -> Bounds:
    n = 2**z

    def lat(row: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)


def resolution(z: int, lat: float) -> float:
    """Ground metres per tile pixel at zoom ``z`` and latitude ``lat``."""
    return RESOLUTION_Z0 * math.cos(math.radians(lat)) / (1 << z)


def zoom_for(metres_per_px: float, lat: float, min_zoom: int = 0, max_zoom: int = 19) -> int:
    """The zoom whose tiles are drawn nearest their natural size (within a factor of 1.41
    either way); beyond the source's ``max_zoom`` its finest tiles are enlarged."""
    if metres_per_px <= 0:
        return max_zoom
    exact = math.log2(RESOLUTION_Z0 * math.cos(math.radians(lat)) / metres_per_px)
    return int(min(max(math.ceil(exact - 0.5), min_zoom), max_zoom))
