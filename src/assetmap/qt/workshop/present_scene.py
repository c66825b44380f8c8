"""What the projector shows: the app's basemap and areas, approved assets only (a pending
contribution is not put in front of the room until the facilitator has approved it), symbols
drawn larger for a screen seen from across a hall, and, when asked, one category's gaps
shaded over the areas.

It reads the same session model as the main window's map, so both follow every change; the
main window's gap map and coverage circles are its own and stay off the projector.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from assetmap.core.layers import CoverageStyle, ThematicStyle
from assetmap.core.session import SessionView
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.scene import AreaLayer, AssetLayer, Scene
from assetmap.qt.canvas.tiles import TileService
from assetmap.qt.canvas.view import View
from assetmap.qt.map_scene import SceneBuilder, see_through

#: Symbols on the projector are this much larger than in the main window.
PROJECTOR_SYMBOL_SCALE = 1.7
PROJECTOR_MIN_SYMBOL = 16.0
#: Areas with a gap: a warm wash with diagonal lines, so they read in greyscale too.
GAP_COLOUR = "#D94801"
GAP_ALPHA = 0.36
GAP_OUTLINE = "#A63603"


# Tile caches are keyed by a classes version shared with the main window's layers: ours
# count from far above theirs (0 for plain fills, then 1, 2, ... for gap maps).
_versions = itertools.count(1_000_000_000)


def next_version() -> int:
    return next(_versions)


@dataclass(frozen=True)
class GapShade:
    """Which areas of a set have a gap in one category: a class per area in
    ``areas.frame`` order (1 a gap, 0 none, -1 no figure)."""

    area_set: str
    category: str
    classes: np.ndarray
    version: int


class _NoThemes:
    """Stands in for the thematic source: the projector draws no gap map or coverage of
    the main window's (it draws its own shading)."""

    def __init__(self, inner: object) -> None:
        self._inner = inner

    def plan(self, style: ThematicStyle | None) -> None:
        return None

    def coverage(self, style: CoverageStyle | None, scenario: int = 0) -> PolygonSet | None:
        return None

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


class PresentationSceneBuilder(SceneBuilder):
    """The main window's scene builder, narrowed to what a room may see."""

    def __init__(self, session: SessionView, tiles: TileService | None = None) -> None:
        super().__init__(session, tiles)
        self.source = _NoThemes(self.source)  # type: ignore[assignment]  # only plan/coverage are read
        self.gaps: GapShade | None = None
        self._approved: tuple[AssetLayer, AssetLayer] | None = None  # (the main one, ours)

    def scene(self, view: View | None = None) -> Scene:
        scene = super().scene(view)
        shade = self._gap_layer()
        if shade is not None:
            scene.areas = [*scene.areas, shade]
        return scene

    def _asset_layer(self) -> AssetLayer | None:
        layer = super()._asset_layer()
        if layer is None:
            return None
        if self._approved is not None and self._approved[0] is layer:
            return self._approved[1]
        waiting = layer.pending if layer.pending is not None else np.zeros(len(layer.x), bool)
        approved = replace(
            layer,
            visible=layer.visible & ~waiting,
            pending=None,
            categories=[
                (symbol, colour, max(PROJECTOR_MIN_SYMBOL, size * PROJECTOR_SYMBOL_SCALE))
                for symbol, colour, size in layer.categories
            ],
        )
        self._approved = (layer, approved)
        return approved

    def set_gaps(self, gaps: GapShade | None) -> None:
        """Show ``gaps`` (None: no shading). The set's cached tiles are dropped, since the
        previous shading's are no longer drawn (the main window rebuilds its own)."""
        old = self.gaps
        self.gaps = gaps
        if old is not None and (gaps is None or gaps.version != old.version):
            self.polygons.get(old.area_set).forget()

    def _gap_layer(self) -> AreaLayer | None:
        gaps = self.gaps
        if gaps is None:
            return None
        polygons = self.polygons.get(gaps.area_set)
        if len(polygons) != len(gaps.classes):
            return None  # the set changed since the shading was worked out
        return AreaLayer(
            name=f"gaps in {gaps.category}",
            polygons=polygons,
            classes=np.where(gaps.classes == 1, 1, 0),
            class_colours=["", see_through(GAP_COLOUR, GAP_ALPHA)],
            classes_version=gaps.version,
            outline="",
            outline_width=0.0,
            opacity=1.0,
            labels=None,
            label_points=None,
        )
