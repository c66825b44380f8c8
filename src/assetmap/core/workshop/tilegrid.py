"""The workshop page's tile grid, in the project's own CRS.

Phones draw the map with Leaflet in the project's coordinates (a custom ``L.CRS``), so the
server never reprojects: a tile is a square of the project CRS. Zoom 0 is the whole extent
(plus a margin) in one tile; each zoom halves the metres per pixel, down to about half a
metre, which is street level and no finer than the offline basemap holds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

TILE_PX = 256
FINEST_M_PER_PX = 0.5
MARGIN_M = 500.0

Extent = tuple[float, float, float, float]


@dataclass(frozen=True)
class TileGrid:
    """Tile (z, x, y) covers pixels x*256.. and y*256.. down from the north-west corner."""

    left: float  # easting of the north-west corner
    top: float  # northing of the north-west corner
    span: float  # metres covered by the side of the zoom-0 tile
    max_zoom: int

    @classmethod
    def for_extent(cls, extent: Extent, margin: float = MARGIN_M) -> TileGrid:
        minx, miny, maxx, maxy = extent
        span = max(maxx - minx, maxy - miny, 1.0) + 2 * margin
        finest = span / TILE_PX / FINEST_M_PER_PX
        max_zoom = max(0, math.ceil(math.log2(finest)))
        return cls(left=minx - margin, top=maxy + margin, span=span, max_zoom=max_zoom)

    def resolution(self, z: int) -> float:
        """Metres per pixel at zoom ``z``."""
        return self.span / TILE_PX / float(2**z)

    def tile_count(self, z: int) -> int:
        """Tiles along each side at zoom ``z``."""
        return int(2**z)

    def contains(self, z: int, x: int, y: int) -> bool:
        return 0 <= z <= self.max_zoom and 0 <= x < 2**z and 0 <= y < 2**z

    def tile_bounds(self, z: int, x: int, y: int) -> Extent:
        """(minx, miny, maxx, maxy) of one tile in the project CRS."""
        side = self.span / 2**z
        minx = self.left + x * side
        maxy = self.top - y * side
        return (minx, maxy - side, minx + side, maxy)

    def bounds(self) -> Extent:
        return self.tile_bounds(0, 0, 0)

    def to_json(self) -> dict[str, Any]:
        """What the page needs for its ``L.CRS``: pixel = (x - left, top - y) / resolution."""
        return {
            "left": self.left,
            "top": self.top,
            "span": self.span,
            "tile_size": TILE_PX,
            "max_zoom": self.max_zoom,
            "resolution0": self.resolution(0),
            "bounds": list(self.bounds()),
        }
