"""The offline basemap as PNG tiles for the participants' phones.

The workshop server asks for tiles of its ``TileGrid`` (in the project's CRS) from its own
request threads. A tile is drawn with the canvas's own basemap painting
(``BasemapLayer.paint`` with a ``View`` of the tile's extent), under a light fill of the
map's first visible area set, so the phone shows the streets the projector shows. Only
``QImage`` and ``QPainter`` are used (no widget), which Qt allows off the GUI thread.

The basemap is read once, on the first tile, through the renderer's own connection (the
server's threads must not share the window's); a new basemap needs a new renderer, which
Start sharing makes. Tiles are cached in memory: thirty phones open on the same view.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from assetmap.core import areas
from assetmap.core.basemap import store as basemap_store
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt.canvas.basemap import LAND, BasemapGeometry, BasemapLayer
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.view import View

Extent = tuple[float, float, float, float]
BoundsOf = Callable[[int, int, int], Extent | None]

TILE_PX = 256
CACHED_TILES = 1024  # ~15-40 KB each: a few tens of MB at most
AREA_FILL_ALPHA = 70  # of 255: the areas tint the streets, never hide them


@dataclass
class _Areas:
    polygons: PolygonSet
    fill: QColor


class TileRenderer:
    """``renderer(z, x, y)`` -> PNG bytes, or None (no basemap, or a tile off the grid).

    ``bounds_of(z, x, y)`` gives a tile's extent in the project CRS (the server's
    ``TileGrid``), or None for a tile outside the grid."""

    def __init__(self, project_path: Path, bounds_of: BoundsOf, *, size_px: int = TILE_PX) -> None:
        self.project_path = Path(project_path)
        self.bounds_of = bounds_of
        self.size_px = size_px
        self._lock = threading.Lock()  # one tile drawn at a time: the geometry caches are shared
        self._loaded = False
        self._basemap: BasemapLayer | None = None
        self._areas: _Areas | None = None
        self._cache: OrderedDict[tuple[int, int, int], bytes | None] = OrderedDict()

    def __call__(self, z: int, x: int, y: int) -> bytes | None:
        return self.render_tile(z, x, y)

    @property
    def has_basemap(self) -> bool:
        with self._lock:
            self._load()
            return self._basemap is not None

    def render_tile(self, z: int, x: int, y: int) -> bytes | None:
        key = (int(z), int(x), int(y))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            self._load()
            data = self._draw(key)
            self._cache[key] = data
            while len(self._cache) > CACHED_TILES:
                self._cache.popitem(last=False)
            return data

    # ---- reading ---------------------------------------------------------------------------
    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        with Project.open(self.project_path) as project:
            geometry = _read_basemap(project)
            if geometry is None:
                return
            self._basemap = BasemapLayer(geometry, labels=False)
            self._areas = _first_area_set(project)

    # ---- drawing ---------------------------------------------------------------------------
    def _draw(self, key: tuple[int, int, int]) -> bytes | None:
        if self._basemap is None:
            return None
        bounds = self.bounds_of(*key)
        if bounds is None:
            return None
        minx, miny, maxx, maxy = bounds
        size = self.size_px
        view = View((minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / size, size, size)
        image = QImage(size, size, QImage.Format.Format_RGB32)
        image.fill(QColor(LAND))
        painter = QPainter(image)
        try:
            self._basemap.paint(painter, view, lambda: False)
            if self._areas is not None:
                _paint_areas(painter, view, self._areas)
        finally:
            painter.end()
        return _png(image)


def _read_basemap(project: Project) -> BasemapGeometry | None:
    frames = basemap_store.layers(project)
    if not frames:
        return None
    attribution = basemap_store.attribution(project) or basemap_store.ATTRIBUTION
    geometry = BasemapGeometry(frames, attribution)
    return None if geometry.is_empty else geometry


def _first_area_set(project: Project) -> _Areas | None:
    """The first area set the map shows, filled in its own colour, lightly."""
    layers = MapLayers.load(project)
    known = {s.name for s in areas.list_sets(project)}
    names = [n for n in layers.visible_area_sets() if n in known]
    if not names:
        return None
    geometries = areas.frame(project, names[0]).geometry.to_numpy()
    if not len(geometries):
        return None
    style = layers.area_style(names[0])
    fill = QColor(style.fill or "#EEF1F4")
    fill.setAlpha(AREA_FILL_ALPHA)
    return _Areas(PolygonSet(geometries), fill)


def _paint_areas(painter: QPainter, view: View, shapes: _Areas) -> None:
    polygons = shapes.polygons
    classes = np.zeros(len(polygons), dtype=np.int32)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setTransform(view.transform())
    # Fill only: the polygons come cut into the canvas's own tiles, whose cut lines an
    # outline would draw as seams; the page draws the areas' outlines itself.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(shapes.fill)
    for tile in polygons.visible_tiles(view.bounds(margin_px=2)):
        for path in polygons.tile_paths(tile, view.level, classes, 0).values():
            painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes; PySide6: str
    buffer.close()
    return bytes(data.data())
