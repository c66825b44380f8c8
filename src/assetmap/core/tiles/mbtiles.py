"""Tiles on disk as MBTiles 1.3 (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md).

An MBTiles file is SQLite with a ``metadata`` table (name/value rows: name, format, bounds,
minzoom, maxzoom, attribution, …) and a ``tiles`` table keyed by zoom_level, tile_column
and tile_row, where **tile_row counts from the south** (TMS), so an XYZ tile (z, x, y) is
stored at row 2**z - 1 - y. Other tools (QGIS, GDAL, MapTiler, tileserver-gl) read the
files assetmap writes, and assetmap reads theirs.

The cache beside a project is written by fetcher threads and read by the map's render
thread, so the file runs in WAL mode and each call borrows a connection of its own for its
length: a few are kept for the next calls. (A connection per thread would leak one per map
render: the render thread's Python state, and its thread-locals, are made afresh for each.)
Files the user adds are opened read-only and never changed.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated

if TYPE_CHECKING:  # source imports this module
    from assetmap.core.tiles.source import TileSource

SCHEMA = """
CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name);
CREATE TABLE IF NOT EXISTS tiles (
    zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);
"""
BUSY_TIMEOUT_S = 10.0
Key = tuple[int, int, int]  # z, x, y (XYZ)
CONNECTIONS_KEPT = 4  # idle ones: two fetchers, the map's render and the GUI at once


class CacheClosed(sqlite3.ProgrammingError):
    """The cache was closed: nothing reads or writes it any more."""


def tms_row(z: int, y: int) -> int:
    """The MBTiles row of XYZ row ``y`` (and back again: the flip is its own inverse)."""
    return (1 << z) - 1 - y


class MBTilesCache:
    """One MBTiles file: ``get``/``put`` take XYZ tile numbers and flip rows inside."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        if read_only:
            if not self.path.is_file():
                raise BadInputError(translated("the file does not exist"), file=self.path)
            self._check_readable()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connection() as conn, conn:
                conn.executescript(SCHEMA)

    # ---- connections ---------------------------------------------------------------------
    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for one call, given back after it (any thread may use it next).
        Raises sqlite3.ProgrammingError once the cache is closed: nothing opens it again."""
        with self._lock:
            if self._closed:
                raise CacheClosed(f"{self.path.name} is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = self._open()
        try:
            yield conn
        finally:
            with self._lock:
                kept = not self._closed and len(self._idle) < CONNECTIONS_KEPT
                if kept:
                    self._idle.append(conn)
            if not kept:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()

    def _open(self) -> sqlite3.Connection:
        if self.read_only:
            # as_uri() percent-encodes "?", "#" and "%", which a plain f"file:{path}" would
            # read as the URI's own query or fragment.
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._connection() as conn:
            return conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the idle connections now and each busy one when its call ends (another
        thread may be reading: the map's render still under way)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def _check_readable(self) -> None:
        try:
            tables = {
                r[0]
                for r in self._rows(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            }
        except sqlite3.DatabaseError as exc:
            self.close()
            raise BadInputError(
                translated("is not an MBTiles file ({error})").format(error=exc),
                file=self.path,
                hint=translated("choose a .mbtiles file"),
            ) from exc
        if not {"metadata", "tiles"} <= tables:
            self.close()
            raise BadInputError(
                translated("is not an MBTiles file: it has no 'metadata' and 'tiles' tables"),
                file=self.path,
                hint=translated("choose a .mbtiles file made by QGIS, GDAL, MapTiler or assetmap"),
            )

    # ---- tiles -----------------------------------------------------------------------------
    def get(self, z: int, x: int, y: int) -> bytes | None:
        try:
            rows = self._rows(
                "SELECT tile_data FROM tiles "
                "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, tms_row(z, y)),
            )
        except sqlite3.Error:
            return None  # a locked, damaged or closed cache is as good as an empty one
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def has(self, z: int, x: int, y: int) -> bool:
        return bool(self.present([(z, x, y)]))

    def present(self, keys: Iterable[Key]) -> set[Key]:
        """Which of ``keys`` are in the file."""
        keys = list(keys)
        found: set[Key] = set()
        for z in {k[0] for k in keys}:
            rows = {tms_row(z, y): y for (kz, _x, y) in keys if kz == z}
            columns = {x for (kz, x, _y) in keys if kz == z}
            try:
                stored = self._rows(
                    f"SELECT tile_column, tile_row FROM tiles WHERE zoom_level = ? "
                    f"AND tile_column IN ({','.join('?' * len(columns))}) "
                    f"AND tile_row IN ({','.join('?' * len(rows))})",
                    (z, *columns, *rows),
                )
            except sqlite3.Error:
                continue
            for column, row in stored:
                if row in rows and (z, column, rows[row]) in keys:
                    found.add((z, column, rows[row]))
        return found

    def put(self, z: int, x: int, y: int, data: bytes) -> None:
        self.put_many([((z, x, y), data)])

    def put_many(self, items: Iterable[tuple[Key, bytes]]) -> None:
        """Store tiles. Tiles that arrive once the cache is closed (the map moved on to
        another project while they were on their way) have nowhere to go and are dropped."""
        if self.read_only:
            raise PermissionError(f"{self.path.name} was added read-only")
        rows = [(z, x, tms_row(z, y), sqlite3.Binary(data)) for (z, x, y), data in items]
        try:
            with self._connection() as conn, conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
        except CacheClosed:
            return

    def count(self) -> int:
        try:
            return int(self._rows("SELECT count(*) FROM tiles")[0][0])
        except sqlite3.Error:
            return 0

    def average_tile_bytes(self) -> float | None:
        try:
            row = self._rows("SELECT avg(length(tile_data)) FROM tiles")[0]
        except sqlite3.Error:
            return None
        return float(row[0]) if row and row[0] else None

    def zoom_levels(self) -> tuple[int, int] | None:
        try:
            row = self._rows("SELECT min(zoom_level), max(zoom_level) FROM tiles")[0]
        except sqlite3.Error:
            return None
        return (int(row[0]), int(row[1])) if row and row[0] is not None else None

    # ---- metadata --------------------------------------------------------------------------
    def metadata(self) -> dict[str, str]:
        try:
            return {
                str(k): str(v)
                for k, v in self._rows("SELECT name, value FROM metadata")
                if k is not None and v is not None
            }
        except sqlite3.Error:
            return {}

    def set_metadata(self, **values: object) -> None:
        if self.read_only:
            raise PermissionError(f"{self.path.name} was added read-only")
        with self._connection() as conn, conn:
            conn.executemany(
                "INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)",
                [(k, str(v)) for k, v in values.items() if v is not None],
            )

    def describe(self, name: str, attribution: str, fmt: str = "png", **more: object) -> None:
        """Write the metadata rows the spec requires (and the ones readers use), keeping any
        bounds and zoom range a download already recorded."""
        current = self.metadata()
        self.set_metadata(
            name=current.get("name", name),
            format=current.get("format", fmt),
            type="baselayer",
            version="1.1",
            attribution=attribution,
            description=current.get("description", f"Map tiles cached by assetmap: {name}"),
            **more,
        )

    def grow_bounds(self, west: float, south: float, east: float, north: float,
                    min_zoom: int, max_zoom: int) -> None:  # fmt: skip
        """Widen the recorded ``bounds`` and zoom range to take in a downloaded area."""
        current = self.metadata()
        try:
            w, s, e, n = (float(v) for v in current["bounds"].split(","))
            west, south, east, north = min(w, west), min(s, south), max(e, east), max(n, north)
            min_zoom = min(min_zoom, int(current.get("minzoom", min_zoom)))
            max_zoom = max(max_zoom, int(current.get("maxzoom", max_zoom)))
        except (KeyError, ValueError):
            pass
        self.set_metadata(
            bounds=f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}",
            center=f"{(west + east) / 2:.6f},{(south + north) / 2:.6f},{min_zoom}",
            minzoom=min_zoom,
            maxzoom=max_zoom,
        )


def file_source(path: str | Path) -> TileSource:
    """A read-only tile source from an existing MBTiles file, named and attributed by its
    own metadata."""
    from assetmap.core.tiles.source import TileSource

    path = Path(path)
    cache = MBTilesCache(path, read_only=True)
    try:
        meta = cache.metadata()
        zooms = cache.zoom_levels()
    finally:
        cache.close()
    fmt = meta.get("format", "png").lower()
    if fmt == "pbf":
        raise BadInputError(
            translated(
                "holds vector tiles (format pbf); assetmap draws raster tiles (png, jpg, webp)"
            ),
            file=path,
            hint=translated("import an OSM extract for a vector basemap instead"),
        )
    try:
        max_zoom = int(meta.get("maxzoom", zooms[1] if zooms else 19))
        min_zoom = int(meta.get("minzoom", zooms[0] if zooms else 0))
    except ValueError:
        max_zoom, min_zoom = (zooms[1], zooms[0]) if zooms else (19, 0)
    return TileSource(
        name=meta.get("name") or path.stem,
        url_template="",
        attribution=plain_text(meta.get("attribution", "")),
        max_zoom=max_zoom,
        min_zoom=min_zoom,
        bulk_download_allowed=False,
        mbtiles_path=str(path.resolve()),
        subdomains=(),
    )


def plain_text(html_text: str) -> str:
    """Attribution as words: MBTiles metadata often holds HTML links."""
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", html_text or "")).split())
