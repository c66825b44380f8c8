"""Where a project's tiles live: a sidecar MBTiles file beside the project, one per source
(``trafford.gpkg`` → ``trafford.tiles.osm.mbtiles``), or the user's own file read-only.

The cache is not inside the project GeoPackage: tiles are a copy of someone else's map,
can be large, and are dropped or rebuilt freely; the project file stays the user's data.
Copy the sidecar with the project to take the cached tiles along.
"""

from __future__ import annotations

from pathlib import Path

from assetmap.core.tiles.mbtiles import MBTilesCache
from assetmap.core.tiles.source import TileSource


def cache_path_for(project_path: str | Path, source: TileSource) -> Path:
    project_path = Path(project_path)
    if source.is_file:
        return Path(source.mbtiles_path)
    return project_path.with_name(f"{project_path.stem}.tiles.{source.key}.mbtiles")


def open_cache(
    project_path: str | Path, source: TileSource, *, create: bool = True
) -> MBTilesCache | None:
    """The cache for ``source``: the user's file read-only, else the sidecar (made on first
    use when ``create``; None when it does not exist and ``create`` is False)."""
    path = cache_path_for(project_path, source)
    if source.is_file:
        return MBTilesCache(path, read_only=True)
    if not path.exists() and not create:
        return None
    cache = MBTilesCache(path)
    if not path.exists() or not cache.metadata():
        cache.describe(source.name, source.attribution)
    return cache
