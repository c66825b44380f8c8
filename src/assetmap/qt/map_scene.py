"""Turning the session model (layers, styles, points) into a canvas Scene snapshot.

The model-to-view registry of the napari pattern, kept small: each layer kind
has one adapter here, and arrays are rebuilt only when their inputs change.
Gap maps (``MapLayers.thematic``) colour an area set from a kept analysis run;
the legend reads the same ``ThematicPlan``, so it shows exactly what is drawn.
Everything here reads a ``core.session.SessionView`` (the GUI's model or an export's
snapshot), never the Qt ``Session``.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter

from assetmap.core import areas
from assetmap.core.analysis import classify, runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.measures import coverage_geometry
from assetmap.core.analysis.wording import gap_caption, need_heading, need_label
from assetmap.core.basemap import store as basemap_store
from assetmap.core.errors import AssetmapError
from assetmap.core.layers import BasemapStyle, CoverageStyle, ThematicStyle
from assetmap.core.project import Project
from assetmap.core.session import SessionView
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.canvas.basemap import LAND, BasemapGeometry, BasemapLayer
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.canvas.scene import AreaLayer, AssetLayer, Cancelled, Scene
from assetmap.qt.canvas.tiles import RasterTileLayer, TileImages, TileService
from assetmap.qt.canvas.view import View
from assetmap.qt.workers import Task, run_once

log = logging.getLogger(__name__)

HATCH_COLOUR = "#8C959F"
COVERAGE_EDGE_PX = 1.3
COVERAGE_IN_GUI_THREAD = 1000  # more assets than this: the circles are merged in a worker
PLANS_KEPT = 8
BASEMAP_IN_GUI_THREAD = 60_000  # more features than this: the basemap is read in a worker
THEMATIC_FILL_OVER_BASEMAP = 0.8  # a gap map's colours stay true, streets just show through
# Tile caches are keyed by a classes version; every distinct colouring gets its own.
_versions = itertools.count(1)


@dataclass(frozen=True)
class ThematicPlan:
    """What a thematic style draws: a class per area (in ``areas.frame`` order, -1 = no
    data), the colour of each class, and the words the legend puts beside them."""

    style: ThematicStyle
    classes: np.ndarray
    colours: list[str]
    labels: list[str]
    category_label: str
    caption: str
    version: int
    hatch_version: int

    @property
    def has_no_data(self) -> bool:
        return bool((self.classes < 0).any())


@dataclass(frozen=True)
class CoverageInfo:
    """What the coverage layer shows, for the legend (the geometry may still be coming)."""

    style: CoverageStyle
    label: str
    distance_m: float


class ThematicSource(QObject):
    """Per-session caches of runs, plans and coverage circles, shared by map and legend.

    ``in_background``: big coverage is merged in a worker and the map draws without it
    until ``coverageReady``; an export merges it at once, as it waits rather than print
    a map without it."""

    coverageReady = Signal()

    def __init__(self, session: SessionView, *, in_background: bool = True) -> None:
        super().__init__()
        # Weakly: the one source per session is kept in a WeakKeyDictionary keyed by the
        # session, and a value holding its key would keep every closed project in memory.
        self._session = weakref.ref(session)
        self.in_background = in_background
        self._results: dict[int, AnalysisResult | None] = {}
        self._codes: dict[str, np.ndarray] = {}
        self._plans: dict[ThematicStyle, ThematicPlan | None] = {}
        self._areas_version = session.areas_version
        self._coverage: dict[tuple, PolygonSet] = {}
        self._pending: dict[tuple, Task] = {}

    @property
    def session(self) -> SessionView:
        session = self._session()
        assert session is not None, "a thematic source outlived its session"
        return session

    def _follow_areas(self) -> None:
        """Plans and codes belong to the area sets as they were: forget them when a set
        changes."""
        if self.session.areas_version != self._areas_version:
            self._areas_version = self.session.areas_version
            self._codes.clear()
            self._plans.clear()

    # ---- runs ------------------------------------------------------------------------
    def result(self, run_id: int) -> AnalysisResult | None:
        """A kept run (runs never change, so each is read once)."""
        if run_id not in self._results:
            try:
                self._results[run_id] = runs.load(self.session.project, run_id)
            except AssetmapError:
                self._results[run_id] = None
        return self._results[run_id]

    def remember(self, result: AnalysisResult) -> None:
        """A run the panel has just read: no need to read it again."""
        if result.run_id is not None:
            self._results[result.run_id] = result

    def area_codes(self, name: str) -> np.ndarray:
        self._follow_areas()
        if name not in self._codes:
            codes = areas.frame(self.session.project, name)["code"].astype(str)
            self._codes[name] = codes.to_numpy()
        return self._codes[name]

    # ---- thematic plans --------------------------------------------------------------------
    def plan(self, style: ThematicStyle | None) -> ThematicPlan | None:
        if style is None:
            return None
        self._follow_areas()
        if style not in self._plans:
            if len(self._plans) >= PLANS_KEPT:
                self._plans.pop(next(iter(self._plans)))
            self._plans[style] = self._make_plan(style)
        return self._plans[style]

    def _make_plan(self, style: ThematicStyle) -> ThematicPlan | None:
        result = self.result(style.run_id)
        if result is None or result.params.area_set != style.area_set:
            return None
        rows = result.for_category(style.category)
        if not len(rows):
            return None
        try:
            codes = self.area_codes(style.area_set)
        except AssetmapError:
            return None
        position = pd.Index(rows["area_code"].astype(str)).get_indexer(pd.Index(codes))
        need = need_label(self.session.project, result)
        classes, colours, labels, caption = _colouring(result, rows, position, style, need)
        return ThematicPlan(
            style=style,
            classes=classes,
            colours=colours,
            labels=labels,
            category_label=str(rows["category_label"].iloc[0]),
            caption=caption,
            version=next(_versions),
            hatch_version=next(_versions),
        )

    # ---- coverage ----------------------------------------------------------------------------
    def coverage_info(self, style: CoverageStyle | None) -> CoverageInfo | None:
        if style is None:
            return None
        result = self.result(style.run_id)
        if result is None:
            return None
        rows = result.for_category(style.category)
        if not len(rows):
            return None
        d = result.params.distance_m
        name = str(rows["category_label"].iloc[0])
        label = f"Within {d:,.0f} m of {_lower_first(name)}"
        return CoverageInfo(style, label, d)

    def coverage(self, style: CoverageStyle | None) -> PolygonSet | None:
        """The merged circles, or None while a worker is still merging them."""
        if style is None:
            return None
        result = self.result(style.run_id)
        if result is None:
            return None
        key = (style.run_id, style.category, self.session.points_version)
        if key in self._coverage:
            return self._coverage[key]
        x, y = result.counted_points(style.category)
        distance = result.params.distance_m
        if not self.in_background or len(x) <= COVERAGE_IN_GUI_THREAD:
            self._coverage[key] = _circles(x, y, distance)
            return self._coverage[key]
        if key not in self._pending:
            self._merge_in_background(key, x, y, distance)
        return None

    def _merge_in_background(self, key: tuple, x: np.ndarray, y: np.ndarray, d: float) -> None:
        self._pending[key] = run_once(
            self,
            lambda _progress, _cancelled: _circles(x, y, d),
            lambda polygons: self._coverage_done(key, polygons),
            lambda exc, text: self._coverage_failed(key, text),
        )

    def _coverage_done(self, key: tuple, polygons: PolygonSet) -> None:
        self._pending.pop(key, None)
        session = self._session()
        if session is None or not session.is_open:  # closed while the worker merged
            return
        self._coverage[key] = polygons
        self.coverageReady.emit()

    def _coverage_failed(self, key: tuple, details: str) -> None:
        self._pending.pop(key, None)
        log.error("coverage circles failed: %s", details)

    def coverage_pending(self) -> bool:
        return bool(self._pending)


def thematic_source(session: SessionView, *, in_background: bool = True) -> ThematicSource:
    """The session's one ThematicSource (made on first use; ``in_background`` applies
    then: an export asks for its own snapshot's source before building its scene)."""
    source = _SOURCES.get(session)
    if source is None:
        source = _SOURCES[session] = ThematicSource(session, in_background=in_background)
    return source


_SOURCES: weakref.WeakKeyDictionary[SessionView, ThematicSource] = weakref.WeakKeyDictionary()


def _colouring(
    result: AnalysisResult,
    rows: pd.DataFrame,
    position: np.ndarray,
    style: ThematicStyle,
    need_label: str | None = None,
) -> tuple[np.ndarray, list[str], list[str], str]:
    """Classes per area (areas missing from the run get -1), colours, labels and caption
    (naming the need indicator by its label, as the analysis panel does)."""
    found = position >= 0

    def column(name: str, missing: float) -> np.ndarray:
        values = rows[name].to_numpy(dtype=float)
        return np.where(found, values[np.where(found, position, 0)], missing)

    d = f"{result.params.distance_m:,.0f} m"
    if style.mode == "bivariate":
        classes = classify.bivariate_classes(
            column("need_tercile", 0).astype(int), column("provision_tercile", 0).astype(int)
        )
        provision = (
            "assets per 1,000 people"
            if result.params.provision == "per_1000"
            else f"area within {d} of an asset"
        )
        labels = [f"class {i + 1}" for i in range(9)]
        caption = f"{need_heading(result, need_label)} against {provision}"
        return classes, list(classify.BIVARIATE), labels, caption
    if style.mode == "gaps":
        gap = column("gap", np.nan)
        classes = np.where(np.isnan(gap), -1, np.where(gap > 0, 1, 0)).astype(np.int64)
        ramp = classify.palette(style.palette, 5)  # gaps always the darker: no reversing
        caption = gap_caption(result.params)
        return classes, [ramp[0], ramp[-1]], ["No gap", "Gap"], caption
    measure = classify.MEASURES[style.measure]
    values = column(measure.column, np.nan) * measure.scale
    breaks = classify.classify(
        values, style.scheme, style.k, unit=measure.unit, whole=measure.whole
    )
    colours = classify.palette(style.palette, breaks.k, style.reversed)
    return breaks.classes, colours, list(breaks.labels), measure.label.format(d=d)


def _circles(x: np.ndarray, y: np.ndarray, distance: float) -> PolygonSet:
    merged = coverage_geometry(
        np.asarray(shapely.points(x, y)) if len(x) else np.array([]), distance
    )
    return PolygonSet(shapely.get_parts(merged))


def _lower_first(text: str) -> str:
    """ "Mental health" reads as "mental health" mid-sentence; "GP practices" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


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


class BasemapSource(QObject):
    """The project's vector basemap, read and prepared once per import (per session).

    Small basemaps (a town, a county) are read at once; big ones in a worker, and the map
    draws without them until ``ready`` fires. An import, undo or redo gives the basemap a
    new record id, which is how a change is noticed (one small query per render)."""

    ready = Signal()

    def __init__(self, session: SessionView, *, in_background: bool = True) -> None:
        super().__init__()
        self.session = session
        self.in_background = in_background
        self._id: int | None = None
        self._geometry: BasemapGeometry | None = None
        self._loading: int | None = None
        self.error = ""

    def current_id(self) -> int | None:
        try:
            return basemap_store.current_id(self.session.project)
        except Exception:  # no am_basemap table (an older schema) or a closed project
            return None

    def geometry(self) -> BasemapGeometry | None:
        current = self.current_id()
        if current is None:
            self._id, self._geometry = None, None
            return None
        if current == self._id:
            return self._geometry
        info = basemap_store.info(self.session.project)
        features = info.features if info is not None else 0
        if not self.in_background or features <= BASEMAP_IN_GUI_THREAD:
            self._id, self._geometry = current, _read_basemap(self.session.project)
        elif self._loading != current:
            self._load_in_background(current)
        return self._geometry if self._id == current else None

    def _load_in_background(self, record: int) -> None:
        path = self.session.project.path
        self._loading = record

        def work(_progress: object, _cancelled: object) -> BasemapGeometry | None:
            with Project.open(path) as project:
                return _read_basemap(project)

        run_once(self, work, lambda geometry: self._loaded(record, geometry),
                 lambda exc, text: log.error("reading the basemap failed: %s", text))  # fmt: skip

    def _loaded(self, record: int, geometry: BasemapGeometry | None) -> None:
        if not self.session.is_open:  # its project was closed while the worker read it
            return
        if self._loading == record:
            self._loading = None
        if self.current_id() == record:
            self._id, self._geometry = record, geometry
            self.ready.emit()


def _read_basemap(project: Project) -> BasemapGeometry | None:
    frames = basemap_store.layers(project)
    if not frames:
        return None
    geometry = BasemapGeometry(
        frames,
        basemap_store.attribution(project) or basemap_store.ATTRIBUTION,
    )
    return None if geometry.is_empty else geometry


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
        polygons = self.source.coverage(style)
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
        styles = tuple((c.key, c.symbol, c.colour, model.category_style(c.key)) for c in cats)
        key = (self.session.points_version, styles, model.asset_opacity, model.asset_labels)

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
            )
            self._assets_key = key
        return self._assets


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
