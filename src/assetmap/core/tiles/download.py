"""'Make this area available offline': every tile of a zoom range over an area, fetched
once into the cache, after the user has seen how many tiles and megabytes that is.

Bulk download is refused for providers whose policy forbids it (OpenStreetMap's own
servers among them: see ``source.py``); the refusal says why and what to do instead.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled, no_progress
from assetmap.core.tiles.fetcher import TileFetcher
from assetmap.core.tiles.mbtiles import MBTilesCache
from assetmap.core.tiles.mercator import Bounds, count_tiles, tiles_in
from assetmap.core.tiles.source import OSM_POLICY_URL, TileSource

# A typical 256-pixel PNG of a street map; the estimate uses the cache's own average once
# it holds a few tiles of the source.
AVERAGE_TILE_KB = 18.0
MAX_TILES = 50_000  # more than this is a job for a tile server or a ready-made MBTiles file
BATCH = 50
PAUSE_S = 0.0  # between requests; a provider's policy may ask for more


class DownloadPlan(NamedTuple):
    """What a download would fetch: ``tiles, megabytes = plan_download(...)``."""

    tiles: int
    megabytes: float


class BulkDownloadRefused(BadInputError):
    """The provider's policy forbids downloading areas in bulk."""


@dataclass
class DownloadReport:
    fetched: int = 0
    already_cached: int = 0
    missing: int = 0  # the server has no such tile (sea, beyond its coverage)
    failed: int = 0
    bytes: int = 0
    offline: bool = False


def plan_download(
    bounds: Bounds, zooms: Iterable[int], *, average_tile_kb: float = AVERAGE_TILE_KB
) -> DownloadPlan:
    """How many tiles cover ``bounds`` (west, south, east, north in degrees) at ``zooms``,
    and about how many megabytes they take."""
    _check_bounds(bounds)
    tiles = count_tiles(bounds, list(zooms))
    return DownloadPlan(tiles, round(tiles * average_tile_kb / 1024.0, 1))


def check_bulk_allowed(source: TileSource) -> None:
    """Raise ``BulkDownloadRefused`` when the provider forbids bulk download."""
    if source.is_file:
        raise BulkDownloadRefused(
            translated("'{name}' is a tile file on this computer: it is already offline").format(
                name=source.name
            ),
            field="tile source",
        )
    if source.forbids_bulk_download:
        host = source.host[0]
        policy = source.policy_url or OSM_POLICY_URL
        if host.endswith("openstreetmap.org") or host.endswith("osm.org"):
            message = translated(
                "OpenStreetMap's tile servers ({host}) may not be downloaded in bulk: their "
                "tile usage policy ({policy}) forbids downloading areas for offline use, "
                "because the servers are run by volunteers on donated resources"
            ).format(host=host, policy=policy)
        else:
            message = translated(
                "{name} ({host}) is not marked as allowing bulk download; "
                "many providers forbid it in their terms"
            ).format(name=source.name, host=host)
        raise BulkDownloadRefused(
            message,
            field="tile source",
            hint=translated(
                "import an OpenStreetMap extract (Basemap ▸ Import OSM extract…) for a "
                "basemap that works offline, or choose a provider or tile server of your own "
                "that allows bulk download, or add a ready-made MBTiles file"
            ),
        )


def download(
    source: TileSource,
    cache: MBTilesCache,
    bounds: Bounds,
    zooms: Iterable[int],
    *,
    fetcher: TileFetcher | None = None,
    max_tiles: int = MAX_TILES,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> DownloadReport:
    """Fetch every tile over ``bounds`` at ``zooms`` not already cached.

    Cancelling keeps the tiles fetched so far (each is a complete tile in the cache);
    a lost network stops the download with ``report.offline`` set, not an exception."""
    check_bulk_allowed(source)
    zooms = sorted(set(int(z) for z in zooms))
    if not zooms:
        raise BadInputError(translated("choose at least one zoom level"), field="zoom")
    if zooms[0] < source.min_zoom or zooms[-1] > source.max_zoom:
        raise BadInputError(
            translated("{name} has tiles from zoom {low} to {high}").format(
                name=source.name, low=source.min_zoom, high=source.max_zoom
            ),
            field="zoom",
        )
    total, _mb = plan_download(bounds, zooms)
    if total > max_tiles:
        raise BadInputError(
            translated(
                "that is {n:,} tiles, more than the {most:,} assetmap downloads at once"
            ).format(n=total, most=max_tiles),
            field="zoom",
            hint=translated("choose a smaller zoom range or a smaller area"),
        )
    progress = progress or no_progress
    fetcher = fetcher or TileFetcher(source, cache)
    cache.describe(source.name, source.attribution)
    report = DownloadReport()
    keys = list(tiles_in(bounds, zooms))
    progress(0.0, translated("Downloading {n:,} tiles").format(n=total))
    for start in range(0, len(keys), BATCH):
        check_cancelled(cancelled)
        batch = keys[start : start + BATCH]
        have = cache.present(batch)
        report.already_cached += len(have)
        for key in batch:
            if key in have:
                continue
            check_cancelled(cancelled)
            data = fetcher.fetch(*key)
            if data is not None:
                report.fetched += 1
                report.bytes += len(data)
            elif fetcher.unreachable:
                report.failed += 1
                report.offline = True
                break
            else:
                report.missing += 1
            if PAUSE_S:
                time.sleep(PAUSE_S)
        done = min(start + BATCH, len(keys))
        progress(
            done / max(len(keys), 1),
            translated("{done:,} of {total:,} tiles").format(done=done, total=total),
        )
        if report.offline:
            break
    if report.fetched or report.already_cached:
        cache.grow_bounds(*bounds, zooms[0], zooms[-1])
    return report


def _check_bounds(bounds: Bounds) -> None:
    west, south, east, north = bounds
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise BadInputError(
            translated(
                "the area must be given as west, south, east, north in degrees, west < east, "
                "south < north"
            ),
            field="bounds",
        )
