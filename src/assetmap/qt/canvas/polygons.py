"""Polygon geometry prepared for QPainter: simplified per zoom level, merged per tile.

Drawing 35,000 LSOAs one call at a time costs ~180 ms; merged into a few
hundred tile paths (one per tile and fill class) it costs ~85 ms with
antialiasing. Tiles are built lazily, only where the view looks, and Qt
polygons are filled from numpy through their memory, not point by point.
"""

from __future__ import annotations

import ctypes
import math
import threading

import numpy as np
import shapely
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry, BaseMultipartGeometry

FEATURES_PER_TILE = 250
FULL_DETAIL_TOLERANCE = 0.25  # metres: below this, draw the geometry as stored
POLYGON = 3  # shapely's type id


def polygon_from_array(coords: np.ndarray) -> QPolygonF:
    """A QPolygonF holding a copy of ``coords`` ((n, 2) float64), filled by one memcpy."""
    n = len(coords)
    polygon = QPolygonF()
    polygon.resize(n)
    if n:
        address = shiboken6.getCppPointer(polygon.data())[0]
        buffer = (ctypes.c_double * (2 * n)).from_address(address)
        flat = np.ascontiguousarray(coords, dtype=np.float64).ravel()
        # numpy's stub for frombuffer() leaves out ctypes arrays, which are buffers
        np.frombuffer(buffer, dtype=np.float64)[:] = flat  # type: ignore[call-overload]
    return polygon


def add_geometry(path: QPainterPath, geometry: BaseGeometry | None) -> None:
    """Append every ring of a (multi)polygon; with odd-even fill, holes stay holes."""
    if geometry is None or geometry.is_empty:
        return
    parts = geometry.geoms if isinstance(geometry, BaseMultipartGeometry) else [geometry]
    for part in parts:
        if not isinstance(part, shapely.Polygon) or part.is_empty:
            continue
        path.addPolygon(polygon_from_array(shapely.get_coordinates(part.exterior)))
        path.closeSubpath()
        for hole in part.interiors:
            path.addPolygon(polygon_from_array(shapely.get_coordinates(hole)))
            path.closeSubpath()


def path_of(geometry: BaseGeometry | None) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    add_geometry(path, geometry)
    return path


class PolygonSet:
    """The polygons of one area set: bounds for culling, tiles of merged paths per level."""

    def __init__(
        self,
        geometries: np.ndarray,
        features_per_tile: int = FEATURES_PER_TILE,
        full_detail_tolerance: float = FULL_DETAIL_TOLERANCE,
        preserve_topology: bool = True,
    ) -> None:
        self.geometries = np.asarray(geometries, dtype=object)
        self.features_per_tile = features_per_tile
        self.full_detail_tolerance = full_detail_tolerance
        # Area sets keep holes and shared edges exact; a basemap fill may lose a sliver.
        self.preserve_topology = preserve_topology
        n = len(self.geometries)
        bounds = np.full((n, 4), np.nan)
        present = ~shapely.is_missing(self.geometries)
        if present.any():
            bounds[present] = shapely.bounds(self.geometries[present])
        self.bounds = bounds
        self.present = present & ~np.isnan(bounds[:, 0])
        self._assign_tiles()
        self._cache: dict[tuple[int, int, int], dict[int, QPainterPath]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.geometries)

    def _assign_tiles(self) -> None:
        idx = np.flatnonzero(self.present)
        self.tile_members: list[np.ndarray] = []
        self.tile_bounds = np.zeros((0, 4))
        if not len(idx):
            return
        b = self.bounds[idx]
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        side = max(1, math.ceil(math.sqrt(len(idx) / self.features_per_tile)))
        span_x = max(cx.max() - cx.min(), 1e-9) / side
        span_y = max(cy.max() - cy.min(), 1e-9) / side
        gx = np.minimum(((cx - cx.min()) / span_x).astype(int), side - 1)
        gy = np.minimum(((cy - cy.min()) / span_y).astype(int), side - 1)
        key = gx * side + gy
        order = np.argsort(key, kind="stable")
        keys, starts = np.unique(key[order], return_index=True)
        groups = np.split(idx[order], starts[1:])
        self.tile_members = [g for g in groups if len(g)]
        self.tile_bounds = np.array(
            [
                [
                    self.bounds[g, 0].min(),
                    self.bounds[g, 1].min(),
                    self.bounds[g, 2].max(),
                    self.bounds[g, 3].max(),
                ]
                for g in self.tile_members
            ]
        )

    def visible(self, bounds: tuple[float, float, float, float]) -> np.ndarray:
        """Indices of features whose bounding box meets ``bounds``."""
        return np.flatnonzero(self.present & _meets(self.bounds, bounds))

    def visible_tiles(self, bounds: tuple[float, float, float, float]) -> np.ndarray:
        if not len(self.tile_bounds):
            return np.array([], dtype=int)
        return np.flatnonzero(_meets(self.tile_bounds, bounds))

    def tile_paths(
        self, tile: int, level: int, classes: np.ndarray, classes_version: int
    ) -> dict[int, QPainterPath]:
        """One merged path per fill class for a tile, simplified to ~half a pixel at ``level``."""
        key = (tile, level, classes_version)
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        members = self.tile_members[tile]
        tolerance = (2.0**level) * 0.5
        geoms = self.geometries[members]
        if tolerance > self.full_detail_tolerance:
            geoms = shapely.simplify(geoms, tolerance, preserve_topology=self.preserve_topology)
        paths = _class_paths(geoms, np.asarray(classes)[members])
        with self._lock:
            self._cache[key] = paths
        return paths

    def forget(self, classes_version: int | None = None) -> None:
        """Drop cached tiles (all, or those not of the current classes version)."""
        with self._lock:
            if classes_version is None:
                self._cache.clear()
            else:
                self._cache = {k: v for k, v in self._cache.items() if k[2] == classes_version}


def _class_paths(geoms: np.ndarray, classes: np.ndarray) -> dict[int, QPainterPath]:
    """One odd-even path per class holding every ring of ``geoms``. The rings come out of
    shapely in bulk, one coordinate array for the tile: walking each geometry's exterior
    and interiors in Python took twice as long, and this is what a first render waits for."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    polygons = shapely.get_type_id(parts) == POLYGON
    parts, owner = parts[polygons], owner[polygons]
    rings, ring_owner = shapely.get_rings(parts, return_index=True)
    coords, which = shapely.get_coordinates(rings, return_index=True)
    ends = np.cumsum(np.bincount(which, minlength=len(rings)))
    starts = ends - np.diff(ends, prepend=0)
    ring_class = np.asarray(classes)[owner[ring_owner]]
    paths: dict[int, QPainterPath] = {}
    for cls, start, end in zip(ring_class.tolist(), starts.tolist(), ends.tolist(), strict=True):
        if end - start < 3:
            continue
        path = paths.get(cls)
        if path is None:
            path = paths[cls] = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addPolygon(polygon_from_array(coords[start:end]))
        path.closeSubpath()
    return paths


def _meets(boxes: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    minx, miny, maxx, maxy = bounds
    with np.errstate(invalid="ignore"):
        return (
            (boxes[:, 2] >= minx)
            & (boxes[:, 0] <= maxx)
            & (boxes[:, 3] >= miny)
            & (boxes[:, 1] <= maxy)
        )
