"""Between the project's CRS and Web Mercator tiles: which tiles a view needs, and where
each one's corners fall on the map.

Tiles are squares in Web Mercator; in a national grid (British National Grid) they are
slightly rotated and sheared quadrilaterals. The planner transforms every tile corner
exactly (pyproj) and the canvas draws each tile with the affine map that best fits its
four corners: within a 256-pixel tile the projection is linear to far below a pixel.
Corners are shared between neighbours, so tiles meet without gaps.

pyproj must not run on the map's pooled render threads (see ``assetmap.qt.workers``):
plans are made on the GUI thread (or an export's own thread) and handed to the render.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from pyproj import CRS, Transformer

from assetmap.core.tiles.mercator import HALF_WORLD, MAX_LAT, Bounds, tile_range, zoom_for

MAX_PLAN_TILES = 300  # a view needing more (a huge screen far out) drops a zoom level


@dataclass(frozen=True)
class TilePlan:
    """The tiles of one view: ``keys`` (n, 3) as z, x, y and ``corners`` (n, 4, 2) in the
    project CRS (top-left, top-right, bottom-right, bottom-left of each tile)."""

    zoom: int
    keys: np.ndarray
    corners: np.ndarray

    def __len__(self) -> int:
        return len(self.keys)


class TilePlanner:
    """Tile plans for views in one projected CRS (one pyproj transformer per thread)."""

    def __init__(self, crs: CRS | str) -> None:
        self.crs = CRS.from_user_input(crs)
        self._local = threading.local()

    def _transformers(self) -> tuple[Transformer, Transformer, Transformer]:
        found = getattr(self._local, "t", None)
        if found is None:
            found = (
                Transformer.from_crs(self.crs, "EPSG:4326", always_xy=True),
                Transformer.from_crs("EPSG:3857", self.crs, always_xy=True),
                Transformer.from_crs(self.crs, "EPSG:3857", always_xy=True),
            )
            self._local.t = found
        return found

    def lonlat_bounds(self, bounds: Bounds, densify: int = 16) -> Bounds:
        """The lon/lat box around projected ``bounds`` (edges sampled, not just corners)."""
        to_lonlat = self._transformers()[0]
        lon, lat = to_lonlat.transform(*_ring(bounds, densify))
        lon, lat = np.asarray(lon), np.asarray(lat)
        ok = np.isfinite(lon) & np.isfinite(lat)
        if not ok.any():
            raise ValueError("the area is outside the world's map")
        return (
            float(max(lon[ok].min(), -180.0)),
            float(max(lat[ok].min(), -MAX_LAT)),
            float(min(lon[ok].max(), 180.0)),
            float(min(lat[ok].max(), MAX_LAT)),
        )

    def plan(
        self,
        bounds: Bounds,
        metres_per_px: float,
        *,
        min_zoom: int = 0,
        max_zoom: int = 19,
        zoom: int | None = None,
    ) -> TilePlan:
        """The tiles covering projected ``bounds`` drawn at ``metres_per_px``."""
        try:
            box = self.lonlat_bounds(bounds)
        except ValueError:
            return _empty()
        lat = (box[1] + box[3]) / 2
        z = zoom if zoom is not None else zoom_for(metres_per_px, lat, min_zoom, max_zoom)
        while True:
            x0, x1, y0, y1 = tile_range(box, z)
            if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_PLAN_TILES or z <= min_zoom:
                break
            z -= 1
        size = 2 * HALF_WORLD / 2**z
        gx = -HALF_WORLD + np.arange(x0, x1 + 2) * size
        gy = HALF_WORLD - np.arange(y0, y1 + 2) * size
        mx, my = np.meshgrid(gx, gy)  # (rows + 1, columns + 1) shared corners
        px, py = self._transformers()[1].transform(mx.ravel(), my.ravel())
        px = np.asarray(px).reshape(mx.shape)
        py = np.asarray(py).reshape(mx.shape)
        rows, cols = np.meshgrid(np.arange(y1 - y0 + 1), np.arange(x1 - x0 + 1), indexing="ij")
        r, c = rows.ravel(), cols.ravel()
        corners = np.stack(
            [
                np.stack([px[r, c], py[r, c]], axis=1),
                np.stack([px[r, c + 1], py[r, c + 1]], axis=1),
                np.stack([px[r + 1, c + 1], py[r + 1, c + 1]], axis=1),
                np.stack([px[r + 1, c], py[r + 1, c]], axis=1),
            ],
            axis=1,
        )
        keys = np.stack([np.full(len(r), z), c + x0, r + y0], axis=1).astype(np.int64)
        ok = np.isfinite(corners).all(axis=(1, 2))
        return TilePlan(z, keys[ok], corners[ok])


def _ring(bounds: Bounds, n: int) -> tuple[np.ndarray, np.ndarray]:
    minx, miny, maxx, maxy = bounds
    t = np.linspace(0.0, 1.0, n)
    xs = np.concatenate([minx + (maxx - minx) * t, np.full(n, maxx),
                         maxx - (maxx - minx) * t, np.full(n, minx)])  # fmt: skip
    ys = np.concatenate([np.full(n, miny), miny + (maxy - miny) * t,
                         np.full(n, maxy), maxy - (maxy - miny) * t])  # fmt: skip
    return xs, ys


def _empty() -> TilePlan:
    return TilePlan(0, np.zeros((0, 3), dtype=np.int64), np.zeros((0, 4, 2)))
