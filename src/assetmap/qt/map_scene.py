"""Turning the session model (layers, styles, points) into a canvas Scene snapshot.

The model-to-view registry of the napari pattern, kept small: each layer kind
has one adapter here, and arrays are rebuilt only when their inputs change.
Gap maps (``MapLayers.thematic``) colour an area set from a kept analysis run;
the legend reads the same ``ThematicPlan``, so it shows exactly what is drawn.
Everything here reads a ``core.session.SessionView`` (the GUI's model or an export's
snapshot), never the Qt ``Session``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from assetmap.core import areas
from assetmap.core.analysis import classify
from assetmap.core.basemap import store as basemap_store
from assetmap.core.layers import BasemapStyle
from assetmap.core.review_due import due_in_points
from assetmap.core.session import SessionView
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.basemap_source import BasemapSource
from assetmap.qt.canvas.basemap import LAND, BasemapGeometry, BasemapLayer
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.scene import AreaLayer, AssetLayer, Cancelled, Scene
from assetmap.qt.canvas.tiles import RasterTileLayer, TileImages, TileService
from assetmap.qt.canvas.view import View
from assetmap.qt.thematic import (
    CoverageInfo,
    ThematicPlan,
    ThematicSource,
    coverage_scenario,
    thematic_source,
)

__all__ = [
    "COVERAGE_EDGE_PX",
    "HATCH_COLOUR",
    "BasemapSource",
    "CoverageInfo",
    "HatchLayer",
    "SceneBuilder",
    "ThematicPlan",
    "ThematicSource",
    "coverage_scenario",
    "see_through",
    "thematic_source",
]

HATCH_COLOUR = "#8C959F"
COVERAGE_EDGE_PX = 1.3
THEMATIC_FILL_OVER_BASEMAP = 0.8  # a gap map's colours stay true, streets just show through


@dataclass
class HatchLayer(AreaLayer):
    """Diagonal lines over areas with no data, so nobody reads them as a low class."""

    def paint(self, painter: QPainter, view: View, cancelled: Cancelled) -> None:
        painter.save()
        painter.setOpacity(self.opacity)
        painter.setTransform(view.transform(), combine=True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(HATCH_COLOUR), Qt.BrushStyle.BDiagPattern))
        for tile in self.polygons.visible_tiles(view.bounds()):
            if cancelled():
                break
            paths = self.polygons.tile_paths(tile, view.level, self.classes, self.classes_version)
            if 0 in paths:
                painter.drawPath(paths[0])
        painter.restore()

    def paint_labels(self, labels: object, view: View) -> None:
        return None


class SceneBuilder:
    def __init__(self, session: SessionView, tiles: TileService | None = None) -> None:
        self.session = session
        self.source = thematic_source(session)
        self.polygons = area_polygons(session)
        self.basemap_source = BasemapSource(session, in_background=tiles is not None)
        self.tiles = tiles
        self._labels: dict[str, tuple[list[str], np.ndarray]] = {}
        self._assets_key: tuple | None = None
        self._assets: AssetLayer | None = None
        self._drawn_versions: dict[str, int] = {}
        self._print_tiles: tuple[object, RasterTileLayer | None] | None = None
        self._labels_version = session.areas_version
        self.tile_error = ""

    def scene(self, view: View | None = None) -> Scene:
        """A snapshot of what the map shows. ``view``: the view the render is for, so the
        raster tiles can be planned here on the GUI thread (none are drawn without it on
        the canvas; exports plan on their own thread)."""
        if not self.session.is_open:  # a render timer outlived the project
            return Scene()
        style = self.session.layers.basemap
        basemap = self._basemap_layer(style)
        tiles = self._tile_layer(style, view)
        over = basemap is not None or tiles is not None
        layers = self._area_layers(over_basemap=over) + self._coverage_layers()
        attributions = []
        for layer in (tiles, basemap):
            text = layer.attribution if layer is not None else ""
            if text and text not in attributions:
                attributions.append(text)
        return Scene(
            areas=layers,
            assets=self._asset_layer(),
            background=LAND if over else Scene.background,
            basemap=basemap,
            tiles=tiles,
            attributions=attributions,
        )

    # ---- basemap -----------------------------------------------------------------------
    def attributions(self) -> list[str]:
        """What the basemap and tiles shown now owe their sources (the canvas prints it)."""
        style = self.session.layers.basemap
        out: list[str] = []
        if style.tiles_visible:
            source = self.tiles.source if self.tiles is not None else None
            source = source or style.tile_source_object()
            if source is not None and source.attribution:
                out.append(source.attribution)
        if style.visible and self.has_basemap():
            geometry = self.basemap_source.geometry()
            text = geometry.attribution if geometry is not None else basemap_store.ATTRIBUTION
            if text not in out:
                out.append(text)
        return out

    def tile_host(self) -> tuple[str, int] | None:
        """The shown tile source's server (the network badge asks it), if tiles are shown."""
        style = self.session.layers.basemap
        if not style.tiles_visible:
            return None
        source = style.tile_source_object()
        if source is None or source.is_file:
            return None
        return source.host

    def has_basemap(self) -> bool:
        return self.basemap_source.current_id() is not None

    def basemap_geometry(self) -> BasemapGeometry | None:
        return self.basemap_source.geometry()

    def _basemap_layer(self, style: BasemapStyle) -> BasemapLayer | None:
        if not style.visible:
            return None
        geometry = self.basemap_source.geometry()
        if geometry is None:
            return None
        return BasemapLayer(geometry, labels=style.labels)

    def _tile_layer(self, style: BasemapStyle, view: View | None) -> RasterTileLayer | None:
        if not style.tiles_visible:
            return None
        if self.tiles is not None:
            self.tiles.set_source(style.tile_source_object())
            self.tile_error = self.tiles.error
            return self.tiles.layer(view, style.tile_opacity)
        return self._cached_tiles(style)

    def _cached_tiles(self, style: BasemapStyle) -> RasterTileLayer | None:
        """Exports: the tiles the cache holds, planned when drawn; nothing is fetched."""
        from assetmap.core.tiles import TilePlanner, open_cache

        key = (style.tile_source, style.tile_source_json())
        if self._print_tiles is not None and self._print_tiles[0] == key:
            return self._print_tiles[1]
        layer = None
        source = style.tile_source_object()
        try:
            cache = open_cache(self.session.project.path, source, create=False) if source else None
        except Exception as exc:  # a missing file: the export goes on without tiles
            self.tile_error = str(exc)
            cache = None
        if source is not None and cache is not None:
            layer = RasterTileLayer(
                source=source,
                cache=cache,
                images=TileImages(64),
                planner=TilePlanner(self.session.project.crs),
                opacity=style.tile_opacity,
            )
        self._print_tiles = (key, layer)
        return layer

    # ---- areas -----------------------------------------------------------------------
    def _area_layers(self, over_basemap: bool = False) -> list[AreaLayer]:
        layers: list[AreaLayer] = []
        model = self.session.layers
        plan = self.source.plan(model.thematic)
        for name in model.visible_area_sets():
            style = model.area_style(name)
            polygons = self.polygons.get(name)
            labels, points = self._area_labels(name) if style.labels else (None, None)
            mine = plan if plan is not None and plan.style.area_set == name else None
            if mine is not None and len(mine.classes) != len(polygons):
                mine = None  # the set changed since the plan was made
            self._forget_old_tiles(name, polygons, mine.version if mine else 0)
            classes, colours, version = _fills(mine, style.fill, len(polygons))
            if over_basemap:
                alpha = THEMATIC_FILL_OVER_BASEMAP if mine is not None else style.fill_over_basemap
                colours = [see_through(c, alpha) for c in colours]
            layers.append(
                AreaLayer(
                    name=name,
                    polygons=polygons,
                    classes=classes,
                    class_colours=colours,
                    classes_version=version,
                    outline=style.outline,
                    outline_width=style.outline_width,
                    opacity=style.opacity,
                    labels=labels,
                    label_points=points,
                )
            )
            if mine is not None and mine.has_no_data:
                layers.append(_hatch_layer(name, polygons, mine, style.opacity))
        return layers

    def _forget_old_tiles(self, name: str, polygons: PolygonSet, version: int) -> None:
        """Drop the merged tile paths of a colouring no longer shown (they hold memory)."""
        if self._drawn_versions.get(name, 0) != version:
            polygons.forget()
            self._drawn_versions[name] = version

    def _coverage_layers(self) -> list[AreaLayer]:
        """The wash (translucent) and its edge (opaque): two layers over the same circles."""
        style = self.session.layers.coverage
        polygons = self.source.coverage(style, coverage_scenario(self.session.layers))
        if style is None or polygons is None or not len(polygons):
            return []
        classes = np.zeros(len(polygons), dtype=int)
        wash = AreaLayer(
            name="coverage",
            polygons=polygons,
            classes=classes,
            class_colours=[style.colour],
            classes_version=0,
            outline="",
            outline_width=0.0,
            opacity=style.opacity,
            labels=None,
            label_points=None,
        )
        edge = replace(wash, name="coverage edge", class_colours=[""], outline=style.outline)
        edge.outline_width, edge.opacity = COVERAGE_EDGE_PX, 1.0
        return [wash, edge]

    def _area_labels(self, name: str) -> tuple[list[str], np.ndarray]:
        if self._labels_version != self.session.areas_version:
            self._labels_version = self.session.areas_version
            self._labels.clear()
        if name not in self._labels:
            frame = areas.frame(self.session.project, name)
            texts = [
                str(n) if n else str(c) for n, c in zip(frame["name"], frame["code"], strict=True)
            ]
            spots = shapely.point_on_surface(frame.geometry.to_numpy())
            points = np.column_stack([shapely.get_x(spots), shapely.get_y(spots)])
            self._labels[name] = (texts, points)
        return self._labels[name]

    # ---- assets ------------------------------------------------------------------------
    def _asset_layer(self) -> AssetLayer | None:
        model = self.session.layers
        if not model.assets_visible:
            return None
        points = self.session.points()
        cats = self.session.categories()
        styles = tuple(
            (c.key, c.symbol, c.colour, c.review_months, model.category_style(c.key)) for c in cats
        )
        today = date.today()
        key = (self.session.points_version, styles, model.asset_opacity, model.asset_labels, today)

        if key != self._assets_key:
            position = {c.key: i for i, c in enumerate(cats)}
            index = points["category"].map(position).fillna(-1).to_numpy(dtype=int)
            shown = np.array([model.category_style(c.key).visible for c in cats] + [False])
            review = (
                points["review"].to_numpy(dtype=object)
                if "review" in points
                else np.full(len(points), "approved", dtype=object)
            )
            self._assets = AssetLayer(
                x=points["x"].to_numpy(dtype=float),
                y=points["y"].to_numpy(dtype=float),
                category_index=np.where(index < 0, len(cats), index),
                names=points["name"].to_numpy(dtype=object),
                categories=[(c.symbol, c.colour, model.category_style(c.key).size) for c in cats]
                + [("circle", "#7F7F7F", 8.0)],
                # Rejected in review: kept in the table, not drawn on the map.
                visible=shown[np.where(index < 0, len(cats), index)] & (review != "rejected"),
                opacity=model.asset_opacity,
                labels=model.asset_labels,
                pending=review == "pending",
                need=_needs(points),
                due=due_in_points(points, cats, today),
            )
            self._assets_key = key
        return self._assets


def _needs(points: pd.DataFrame) -> np.ndarray | None:
    """Which points are need pins ("this is missing here"), drawn with their own symbol;
    None for points without the pin_kind column (a project before workshops)."""
    if "pin_kind" not in points:
        return None
    return np.asarray(points["pin_kind"].to_numpy(dtype=object) == "need", dtype=bool)


def see_through(colour: str, alpha: float) -> str:
    """``colour`` as #AARRGGBB at ``alpha`` ("" stays "": no fill)."""
    if not colour:
        return colour
    c = QColor(colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)) * c.alphaF())
    return c.name(QColor.NameFormat.HexArgb)


def _fills(plan: ThematicPlan | None, fill: str, n: int) -> tuple[np.ndarray, list[str], int]:
    """Class per area, class colours and tile version: the plan's, or one plain fill."""
    if plan is None:
        return np.zeros(n, dtype=int), [fill or ""], 0
    no_data = len(plan.colours)
    classes = np.where(plan.classes < 0, no_data, plan.classes)
    return classes, [*plan.colours, classify.NO_DATA_COLOUR], plan.version


def _hatch_layer(name: str, polygons: PolygonSet, plan: ThematicPlan, opacity: float) -> HatchLayer:
    return HatchLayer(
        name=f"{name} (no data)",
        polygons=polygons,
        classes=np.where(plan.classes < 0, 0, 1),
        class_colours=[HATCH_COLOUR],
        classes_version=plan.hatch_version,
        outline="",
        outline_width=0.0,
        opacity=opacity,
        labels=None,
        label_points=None,
    )
