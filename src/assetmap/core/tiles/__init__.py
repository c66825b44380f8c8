"""Raster map tiles (Qt-free): sources and their policies, the MBTiles cache, a polite
fetcher that degrades to the cache offline, bulk download of an area where allowed, and
the geometry between Web Mercator tiles and the project's CRS."""

from assetmap.core.tiles.download import (
    BulkDownloadRefused,
    DownloadPlan,
    DownloadReport,
    check_bulk_allowed,
    download,
    plan_download,
)
from assetmap.core.tiles.fetcher import TileFetcher
from assetmap.core.tiles.geo import TilePlan, TilePlanner
from assetmap.core.tiles.mbtiles import MBTilesCache, file_source, tms_row
from assetmap.core.tiles.source import (
    OPENSTREETMAP,
    OSM_ATTRIBUTION,
    PRESETS,
    USER_AGENT,
    TileSource,
    custom_source,
    preset,
)
from assetmap.core.tiles.store import cache_path_for, open_cache

__all__ = [
    "OPENSTREETMAP",
    "OSM_ATTRIBUTION",
    "PRESETS",
    "USER_AGENT",
    "BulkDownloadRefused",
    "DownloadPlan",
    "DownloadReport",
    "MBTilesCache",
    "TileFetcher",
    "TilePlan",
    "TilePlanner",
    "TileSource",
    "cache_path_for",
    "check_bulk_allowed",
    "custom_source",
    "download",
    "file_source",
    "open_cache",
    "plan_download",
    "preset",
    "tms_row",
]
