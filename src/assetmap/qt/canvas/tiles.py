"""Raster map tiles on the canvas: drawn from the cache in the render job, fetched by a
background fetcher, never waited for.

- The **plan** (which tiles a view needs and where each tile's corners fall in the project
  CRS) is made on the GUI thread when the render starts, because pyproj must not run on the
  canvas's pooled render thread (see ``assetmap.qt.workers``). Exports make theirs on their
  own thread.
- The **render job** draws each planned tile the cache has (decoded images are kept in a
  small LRU), or failing that a cached parent tile enlarged, and lists what was missing.
- The **fetcher** threads (plain Python threads) fetch the missing tiles into the cache;
  when some arrive the canvas renders again. Offline or failing, nothing is drawn for
  missing tiles, the badge says Offline, and no dialog appears.

Each tile is drawn with the affine map that best fits its four reprojected corners (Web
Mercator to British National Grid is linear to far below a pixel across one tile);
neighbouring tiles share corners, and tiles are drawn without antialiased edges, so they meet
without seams.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QTransform

from assetmap.core.tiles import (
    MBTilesCache,
    TileFetcher,
    TilePlan,
    TilePlanner,
    TileSource,
    open_cache,
)
from assetmap.qt.canvas.view import View
from assetmap.qt.workers import sender_for

if TYPE_CHECKING:
    from pyproj import CRS

log = logging.getLogger(__name__)

Key = tuple[int, int, int]
Cancelled = Callable[[], bool]
TILE_PX = 256
IMAGES_KEPT = 192  # decoded tiles kept (48 MB): a full-screen view needs 20 to 60
PARENT_LEVELS = 4  # a missing tile is drawn from a cached parent up to this many zooms up
FETCH_THREADS = 2
QUEUE_LIMIT = 96  # requests kept; older ones belong to views no longer shown
ARRIVAL_DELAY_MS = 150  # new tiles are shown in batches, not one render per tile


class TileImages:
    """Decoded tile images by (source, z, x, y), least recently used dropped first."""

    def __init__(self, capacity: int = IMAGES_KEPT) -> None:
        self.capacity = capacity
        self._images: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: str, key: Key, cache: MBTilesCache | None) -> QImage | None:
        full = (source, *key)
        with self._lock:
            image = self._images.get(full)
            if image is not None:
                self._images.move_to_end(full)
                return image
        if cache is None:
            return None
        data = cache.get(*key)
        if data is None:
            return None
        image = decode_tile(data)
        if image is None:
            return None
        with self._lock:
            self._images[full] = image
            while len(self._images) > self.capacity:
                self._images.popitem(last=False)
        return image

    def clear(self) -> None:
        with self._lock:
            self._images.clear()


# Magic numbers of the formats tile servers send. Naming the format matters on the render
# thread: left to guess, QImage asks every image plugin in turn, and the SVG plugin's probe
# builds a QTextStream, which takes Qt's global signal-slot lock while this thread holds the
# GIL. If the GUI thread is meanwhile disconnecting a signal (a Python object with a
# connection being freed), it holds that lock and waits for the GIL: both wait forever (seen
# as a hung test under load).
_TILE_FORMATS = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPG"), (b"GIF8", "GIF"))


def tile_format(data: bytes) -> str | None:
    for magic, name in _TILE_FORMATS:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def decode_tile(data: bytes) -> QImage | None:
    """A tile image, or None for data that is not one of the raster formats tiles come in."""
    kind = tile_format(data)
    if kind is None:
        return None
    image = QImage.fromData(data, kind)  # type: ignore[arg-type]  # stub: bytes; PySide6: str
    return None if image.isNull() else image


def tile_transform(corners: np.ndarray) -> QTransform:
    """Tile pixels (0..256, y down) to the project CRS: the affine map closest to the four
    corners (top-left, top-right, bottom-right, bottom-left) in the least-squares sense."""
    tl, tr, br, bl = (np.asarray(c, dtype=float) for c in corners)
    across = ((tr - tl) + (br - bl)) / 2 / TILE_PX
    down = ((bl - tl) + (br - tr)) / 2 / TILE_PX
    centre = (tl + tr + br + bl) / 4
    origin = centre - across * TILE_PX / 2 - down * TILE_PX / 2
    return QTransform(across[0], across[1], down[0], down[1], origin[0], origin[1])


@dataclass
class RasterTileLayer:
    """What one render draws of the tiles: cached tiles of ``plan`` (made for ``view``)."""

    source: TileSource
    cache: MBTilesCache | None
    images: TileImages
    plan: TilePlan | None = None
    view: View | None = None
    planner: TilePlanner | None = None  # exports: plan in paint (never on the canvas's pool)
    request: Callable[[list[Key]], None] | None = None
    opacity: float = 1.0
    drawn: int = 0
    missing: list[Key] = field(default_factory=list)

    @property
    def attribution(self) -> str:
        return self.source.attribution

    def plan_for(self, view: View) -> TilePlan | None:
        if self.plan is not None and self.view == view:
            return self.plan
        if self.planner is None:
            return None  # planned for another view; the canvas renders again with a new plan
        return self.planner.plan(
            view.bounds(), view.scale, min_zoom=self.source.min_zoom,
            max_zoom=self.source.max_zoom,
        )  # fmt: skip

    def paint(
        self, painter: QPainter, view: View, cancelled: Cancelled, *, vector: bool = False
    ) -> None:
        plan = self.plan_for(view)
        if plan is None or not len(plan):
            return
        painter.save()
        painter.setOpacity(self.opacity)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        base = painter.transform()
        world = view.transform()
        missing: list[Key] = []
        drawn = 0
        for key_row, corners in zip(plan.keys, plan.corners, strict=True):
            if cancelled():
                break
            key = (int(key_row[0]), int(key_row[1]), int(key_row[2]))
            image = self.images.get(self.source.key, key, self.cache)
            source_rect = QRectF(0, 0, TILE_PX, TILE_PX)
            if image is None:
                missing.append(key)
                image, source_rect = self._parent(key)
                if image is None:
                    continue
            painter.setTransform(tile_transform(corners) * world * base)
            # A hair of overlap hides the antialiasing seam between neighbours.
            painter.drawImage(QRectF(-0.25, -0.25, TILE_PX + 0.5, TILE_PX + 0.5), image,
                              _scaled(source_rect, image))  # fmt: skip
            drawn += 1
        painter.restore()
        self.drawn = drawn
        self.missing = missing
        if missing and self.request is not None and not cancelled():
            self.request(missing)

    def _parent(self, key: Key) -> tuple[QImage | None, QRectF]:
        z, x, y = key
        for up in range(1, PARENT_LEVELS + 1):
            if z - up < self.source.min_zoom:
                break
            parent = (z - up, x >> up, y >> up)
            image = self.images.get(self.source.key, parent, self.cache)
            if image is not None:
                size = TILE_PX / (1 << up)
                sx = (x - (parent[1] << up)) * size
                sy = (y - (parent[2] << up)) * size
                return image, QRectF(sx, sy, size, size)
        return None, QRectF()


def _scaled(rect: QRectF, image: QImage) -> QRectF:
    """``rect`` in 256-pixel tile units, in the image's own pixels (512-pixel retina tiles)."""
    k = image.width() / TILE_PX if image.width() else 1.0
    return QRectF(rect.x() * k, rect.y() * k, rect.width() * k, rect.height() * k)


class TileService(QObject):
    """The project's raster tiles: the source, its cache, the planner and the fetchers.

    ``layer(view)`` (GUI thread) makes a render's ``RasterTileLayer``; missing tiles come
    back through ``request`` and are fetched on background threads; ``arrived`` fires when
    new tiles are in the cache, ``onlineChanged`` when the server stops or starts answering.
    """

    arrived = Signal()
    onlineChanged = Signal(bool)
    _fetched = Signal()
    _reachable = Signal(bool)

    def __init__(
        self,
        project_path: str | Path,
        crs: CRS | str,
        parent: QObject | None = None,
        *,
        fetch: bool = True,
    ) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.planner = TilePlanner(crs)
        self.images = TileImages()
        self.fetch_enabled = fetch
        self.source: TileSource | None = None
        self.cache: MBTilesCache | None = None
        self.fetcher: TileFetcher | None = None
        self.error = ""  # why the source cannot be used (a missing file), for the panel
        self.online: bool | None = None  # None: not asked yet
        self._queue: deque[Key] = deque()
        self._pending: set[Key] = set()
        self._cond = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._closed = False
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ARRIVAL_DELAY_MS)
        self._timer.timeout.connect(self.arrived.emit)
        self._fetched.connect(self._timer.start)
        self._reachable.connect(self._set_online)
        # The fetchers report through the app's mailbox, never by emitting on this object:
        # it is deleted when the window moves to another project, maybe mid-emit.
        self._send = sender_for(self)

    # ---- the source ---------------------------------------------------------------------
    def set_source(self, source: TileSource | None) -> None:
        """Use ``source`` (None: no tiles). Opening a cache never raises: a source that cannot
        be opened draws nothing and says why in ``error``."""
        if source == self.source and (self.cache is not None or source is None):
            return
        with self._cond:
            self._queue.clear()
            self._pending.clear()
            self._generation += 1
        old = self.cache
        self.source, self.cache, self.fetcher, self.error = source, None, None, ""
        if old is not None:
            old.close()
        self.images.clear()
        if source is None:
            return
        try:
            self.cache = open_cache(self.project_path, source)
        except Exception as exc:  # a missing or unreadable file: say so, draw nothing
            self.error = str(exc)
            log.warning("tile cache for %s cannot be opened: %s", source.name, exc)
            return
        if self.cache is not None:  # always: the cache is made when it is missing
            self.fetcher = TileFetcher(source, self.cache, offline=not self.fetch_enabled)

    # ---- one render's layer ----------------------------------------------------------------
    def layer(self, view: View | None, opacity: float = 1.0) -> RasterTileLayer | None:
        """The tiles for ``view``, planned here (GUI thread); None without a source."""
        if self.source is None or self.cache is None:
            return None
        plan = None
        if view is not None:
            try:
                plan = self.planner.plan(view.bounds(), view.scale,
                                         min_zoom=self.source.min_zoom,
                                         max_zoom=self.source.max_zoom)  # fmt: skip
            except Exception as exc:  # an odd CRS far from the tiles' world: draw none
                log.info("no tile plan for this view: %s", exc)
        return RasterTileLayer(
            source=self.source,
            cache=self.cache,
            images=self.images,
            plan=plan,
            view=view,
            request=self.request if self.fetcher is not None else None,
            opacity=opacity,
        )

    # ---- fetching ------------------------------------------------------------------------
    @property
    def offline(self) -> bool:
        """The fetcher is waiting out a back-off: missing tiles are not asked for now."""
        return self.fetcher is not None and self.fetcher.offline

    @property
    def unreachable(self) -> bool:
        """The last request to the tile server failed."""
        return self.fetcher is not None and self.fetcher.unreachable

    def request(self, keys: list[Key]) -> None:
        """Ask for missing tiles (any thread). Dropped while offline: the cache is all there
        is until the back-off ends, and nothing retries in a loop."""
        fetcher = self.fetcher
        if fetcher is None or self._closed or fetcher.forced_offline or fetcher.offline:
            return
        with self._cond:
            for key in keys:
                if key in self._pending or fetcher.known_missing(key):
                    continue
                self._queue.appendleft(key)  # the newest view first
                self._pending.add(key)
            while len(self._queue) > QUEUE_LIMIT:
                self._pending.discard(self._queue.pop())
            self._cond.notify_all()
        self._start_threads()

    def _start_threads(self) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        while len(self._threads) < FETCH_THREADS:
            thread = threading.Thread(target=self._work, name="assetmap-tiles", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    if not self._cond.wait(timeout=30):
                        return  # idle: the thread ends; a new request starts another
                if self._closed:
                    return
                key = self._queue.popleft()
                generation = self._generation
                fetcher, cache = self.fetcher, self.cache
            try:
                if fetcher is None or cache is None or fetcher.offline or cache.has(*key):
                    continue
                was_unreachable = fetcher.unreachable
                data = fetcher.fetch(*key)
                if generation != self._generation or self._closed:
                    continue
                if data is not None:
                    self._send("_fetched")
                if fetcher.unreachable != was_unreachable or self.online is None:
                    self._send("_reachable", not fetcher.unreachable)
            except Exception:  # never let a fetcher thread die loudly
                log.exception("fetching tile %s failed", key)
            finally:
                with self._cond:
                    self._pending.discard(key)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.onlineChanged.emit(online)

    def retry(self) -> None:
        """The network is back (the probe says so): try the server again at once."""
        if self.fetcher is not None:
            self.fetcher.retry_now()

    def close(self) -> None:
        """Stop fetching and close the cache (also once the window that owned this is gone)."""
        with self._cond:
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
        if shiboken6.isValid(self._timer):
            self._timer.stop()
        if self.cache is not None:
            self.cache.close()
