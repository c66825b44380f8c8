"""The offline vector basemap: an OpenStreetMap extract stored inside the project.

- ``importer``: ``import_basemap(project, file, BasemapOptions(margin_m, buildings))`` reads an
  .osm.pbf or .osm XML extract with GDAL's OSM driver, clips it to the project's areas plus a
  margin and writes it as one undoable command (``command.ImportBasemap``).
- ``store``: the storage contract (tables, columns, classes) and the read API the map canvas
  and exports use: ``has_basemap``, ``info``, ``layers``, ``layer``, ``attribution``.
- ``gazetteer``: place and street names for the Find box (``core.search``).
"""

from __future__ import annotations

from assetmap.core.basemap.importer import (
    DEFAULT_MARGIN_M,
    BasemapOptions,
    BasemapReport,
    import_basemap,
    prepare_basemap,
)
from assetmap.core.basemap.store import (
    ATTRIBUTION,
    CLASSES,
    DRAW_ORDER,
    LICENCE,
    TABLES,
    BasemapInfo,
    attribution,
    has_basemap,
    info,
    layer,
    layers,
)

__all__ = [
    "ATTRIBUTION",
    "BasemapInfo",
    "BasemapOptions",
    "BasemapReport",
    "CLASSES",
    "DEFAULT_MARGIN_M",
    "DRAW_ORDER",
    "LICENCE",
    "TABLES",
    "attribution",
    "has_basemap",
    "import_basemap",
    "info",
    "layer",
    "layers",
    "prepare_basemap",
]
