"""Fetching tiles over HTTP into the cache, politely, and living without a network.

Politeness (the OSM tile usage policy asks for all of it): a User-Agent naming the
application and where to find it; tiles are fetched only when the map shows them and are
kept in the cache; a tile the server does not have (404) is not asked for again in this
session; a failure does not turn into a retry storm: after a network error the fetcher
goes *offline* and asks again only after a back-off (15 s, doubling to 5 minutes).
Offline, ``get`` answers from the cache alone and never raises.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from assetmap.core.i18n import translated
from assetmap.core.tiles.mbtiles import MBTilesCache
from assetmap.core.tiles.source import TileSource

log = logging.getLogger(__name__)

TIMEOUT_S = 8.0
FIRST_BACKOFF_S = 15.0
MAX_BACKOFF_S = 300.0
MAX_TILE_BYTES = 4 * 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"RIFF", b"GIF8")


class TileRefused(Exception):
    """The server refused us (403/429): stop asking for a good while."""


class TileFetcher:
    """Tiles of one source: from the cache, else (online) from the server into the cache."""

    def __init__(
        self,
        source: TileSource,
        cache: MBTilesCache,
        *,
        timeout: float = TIMEOUT_S,
        offline: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        self.cache = cache
        self.timeout = timeout
        self.forced_offline = offline or source.is_file
        self._clock = clock
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self._backoff = FIRST_BACKOFF_S
        self._missing: set[tuple[int, int, int]] = set()
        self.last_error = ""
        self.requests = 0  # HTTP requests made (tests and the status bar read it)
        self.failures = 0

    # ---- state ---------------------------------------------------------------------------
    @property
    def offline(self) -> bool:
        """True when forced offline or a recent request failed (and the back-off runs)."""
        with self._lock:
            return self.forced_offline or self._clock() < self._retry_at

    @property
    def unreachable(self) -> bool:
        """The last attempt failed (the badge's Offline), even once the back-off is over."""
        with self._lock:
            return bool(self.last_error)

    def retry_now(self) -> None:
        """Forget the back-off (the network came back, by the probe's word)."""
        with self._lock:
            self._retry_at = 0.0
            self._backoff = FIRST_BACKOFF_S

    def known_missing(self, key: tuple[int, int, int]) -> bool:
        with self._lock:
            return key in self._missing

    # ---- tiles -----------------------------------------------------------------------------
    def get(self, z: int, x: int, y: int, *, fetch: bool = True) -> bytes | None:
        """The tile's bytes: from the cache, else fetched (unless offline). Never raises."""
        data = self.cache.get(z, x, y)
        if data is not None or not fetch or self.offline:
            return data
        return self.fetch(z, x, y)

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        """Ask the server once; store what comes back. None when it has no such tile or
        cannot be reached (then the fetcher is offline until the back-off ends)."""
        key = (z, x, y)
        if self.source.is_file or self.forced_offline or self.known_missing(key):
            return None
        if not (self.source.min_zoom <= z <= self.source.max_zoom):
            return None
        try:
            data = self._download(z, x, y)
        except TileRefused as exc:
            self._failed(str(exc), refused=True)
            return None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            self._failed(_reason(exc))
            return None
        self._succeeded()
        if data is None:
            with self._lock:
                self._missing.add(key)
            return None
        try:
            self.cache.put(z, x, y, data)
        except Exception as exc:  # a full disk must not take the map down
            log.warning("could not cache tile %s: %s", key, exc)
        return data

    def _download(self, z: int, x: int, y: int) -> bytes | None:
        request = urllib.request.Request(
            self.source.url(z, x, y),
            headers={"User-Agent": self.source.user_agent, "Accept": "image/png,image/*;q=0.9"},
        )
        with self._lock:
            self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = getattr(response, "status", 200)
                if status == 204:
                    return None
                data: bytes = response.read(MAX_TILE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            if exc.code in (404, 410, 204):
                return None
            if exc.code in (403, 429):
                refused = translated("the tile server refused the request (HTTP {code})")
                raise TileRefused(refused.format(code=exc.code)) from exc
            raise
        if len(data) > MAX_TILE_BYTES or not data.startswith(_IMAGE_MAGIC):
            return None  # not an image (an error page, a captive portal): do not cache it
        return data

    def _failed(self, reason: str, *, refused: bool = False) -> None:
        with self._lock:
            self.failures += 1
            self.last_error = reason
            backoff = MAX_BACKOFF_S if refused else self._backoff
            self._retry_at = self._clock() + backoff
            self._backoff = min(self._backoff * 2, MAX_BACKOFF_S)
        log.info("tiles offline for %.0f s: %s", backoff, reason)

    def _succeeded(self) -> None:
        with self._lock:
            self.last_error = ""
            self._retry_at = 0.0
            self._backoff = FIRST_BACKOFF_S


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"the tile server answered HTTP {exc.code}"
    if isinstance(exc, urllib.error.URLError):
        return f"the tile server cannot be reached ({exc.reason})"
    return f"the tile server cannot be reached ({exc})"
