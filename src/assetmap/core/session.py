"""The open project as any front end sees it: the session model, with no Qt in it.

In the spirit of napari's ``ViewerModel`` and glue's ``Session``: the project, its undo
stack, its map layers, the selection and the caches every view shares live here, and
announce changes through plain-Python events. The Qt ``Session`` is only an adapter that
turns these events into signals; the CLI, tests and a server drive this model directly
(push a command, undo it, read the points) without a GUI.

``SessionView`` is the read-only face the map scene builder and the print exports take:
the session model satisfies it, and so does an export's private snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd
import shapely

from assetmap.core import areas, assets, categories
from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.events import EventEmitter
from assetmap.core.layers import MapLayers
from assetmap.core.pointindex import PointIndex
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category

Extent = tuple[float, float, float, float]


class SessionView(Protocol):
    """What a map drawing reads: the project, the layers, the placed assets and the areas.

    ``points_version`` and ``areas_version`` change whenever the points frame or any area
    set changes, so a reader may keep what it built from them until they move on."""

    @property
    def project(self) -> Project: ...

    @property
    def layers(self) -> MapLayers: ...

    @property
    def is_open(self) -> bool: ...

    @property
    def points_version(self) -> int: ...

    @property
    def areas_version(self) -> int: ...

    def points(self) -> pd.DataFrame: ...

    def categories(self) -> list[Category]: ...

    def area_geometries(self, name: str) -> np.ndarray: ...


def _emitter(name: str) -> EventEmitter:
    return EventEmitter(name)


@dataclass
class SessionEvents:
    """What the session announces, after its caches are up to date (keyword payloads)."""

    # uuids: tuple[str, ...] | None (None = many), kind: "added"|"changed"|"removed"|"reset"
    assets_changed: EventEmitter = field(default_factory=lambda: _emitter("assets_changed"))
    categories_changed: EventEmitter = field(default_factory=lambda: _emitter("categories_changed"))
    # name: str, the extra field whose label changed
    fields_changed: EventEmitter = field(default_factory=lambda: _emitter("fields_changed"))
    # name: str ("" = any), kind: "added"|"removed"|"changed"|"reset"
    area_sets_changed: EventEmitter = field(default_factory=lambda: _emitter("area_sets_changed"))
    # layer: str, which layer's style or visibility changed ("all" after a sync)
    layers_changed: EventEmitter = field(default_factory=lambda: _emitter("layers_changed"))
    selection_changed: EventEmitter = field(default_factory=lambda: _emitter("selection_changed"))
    history_changed: EventEmitter = field(default_factory=lambda: _emitter("history_changed"))
    # the project is about to close: stop whatever would read it
    closing: EventEmitter = field(default_factory=lambda: _emitter("closing"))


class MapSession:
    """One open project with its undo stack, map layers, selection and shared caches.

    Edits go through ``push``/``undo``/``redo``; the project's own events (from this
    process's commands, or from a watcher noticing another connection's writes) refresh
    the caches, prune the selection and are passed on as ``events``."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.stack = CommandStack(project)
        self.layers = MapLayers.load(project)
        self.events = SessionEvents()
        self._selection: frozenset[str] = frozenset()
        self._points: pd.DataFrame | None = None
        self._index: PointIndex | None = None
        self._areas: dict[str, np.ndarray] = {}
        self.points_version = 0  # bumps whenever the points frame is replaced
        self.areas_version = 0  # bumps whenever an area set changes
        self.layers_dirty = False  # the layers changed since they were last saved
        project_events = project.events
        project_events.assets_changed.connect(self._on_assets_changed)
        project_events.categories_changed.connect(self._on_categories_changed)
        project_events.area_sets_changed.connect(self._on_area_sets_changed)
        project_events.fields_changed.connect(self._on_fields_changed)
        self.stack.changed.connect(self._on_history_changed)
        self.layers.changed.connect(self._on_layers_changed)

    # ---- edits -----------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Run an edit; BadInputError propagates for the caller to show."""
        self.stack.push(command)

    def undo(self) -> Command | None:
        return self.stack.undo()

    def redo(self) -> Command | None:
        return self.stack.redo()

    def after_background_commit(self) -> None:
        """A worker committed through its own connection: re-read everything."""
        self.project.invalidate()
        self._forget_points()
        self._forget_areas()
        self.layers.sync(self.project)
        self.events.categories_changed.emit()
        self.events.area_sets_changed.emit(name="", kind="reset")
        self.events.assets_changed.emit(uuids=None, kind="reset")

    # ---- what views read ------------------------------------------------------------
    def points(self) -> pd.DataFrame:
        """uuid, name, category, status, review, last_checked, x, y of every placed live asset."""
        if self._points is None:
            self._points = assets.points_xy(self.project)
        return self._points

    def point_index(self) -> PointIndex:
        if self._index is None:
            self._index = PointIndex(self.points())
        return self._index

    def categories(self) -> list[Category]:
        return categories.all_categories(self.project)

    def category(self, key: str) -> Category | None:
        return categories.by_key(self.project).get(key)

    def area_geometries(self, name: str) -> np.ndarray:
        """An area set's geometries in ``areas.frame`` order (one array per set, kept until
        the set changes, so views may key their own caches on it)."""
        if name not in self._areas:
            self._areas[name] = areas.frame(self.project, name).geometry.to_numpy()
        return self._areas[name]

    def visible_point_mask(self) -> np.ndarray:
        """Which rows of ``points()`` belong to a category the map shows."""
        frame = self.points()
        visible = set(self.layers.visible_categories([c.key for c in self.categories()]))
        return np.asarray(frame["category"].isin(visible).to_numpy(), dtype=bool)

    def full_extent(self) -> Extent | None:
        """The box around every area set and every placed asset (None: nothing to show)."""
        boxes = [_area_box(self.area_geometries(i.name)) for i in areas.list_sets(self.project)]
        points = self.points()
        if len(points):
            x, y = points["x"], points["y"]
            boxes.append((float(x.min()), float(y.min()), float(x.max()), float(y.max())))
        found = np.array([b for b in boxes if b is not None], dtype=float)
        if not len(found):
            return None
        return (
            float(found[:, 0].min()),
            float(found[:, 1].min()),
            float(found[:, 2].max()),
            float(found[:, 3].max()),
        )

    # ---- selection --------------------------------------------------------------------
    @property
    def selection(self) -> frozenset[str]:
        return self._selection

    def set_selection(self, uuids: Iterable[str]) -> None:
        new = frozenset(uuids)
        if new != self._selection:
            self._selection = new
            self.events.selection_changed.emit()

    def _prune_selection(self, removed: Iterable[str]) -> None:
        """Deleted assets leave the selection, so no view acts on an asset that is gone."""
        remaining = self._selection - set(removed)
        if remaining != self._selection:
            self._selection = remaining
            self.events.selection_changed.emit()

    # ---- map layers -------------------------------------------------------------------
    def save_layers(self) -> None:
        """Store the layer styles in the project if they differ from what it holds (a front
        end calls this a moment after ``layers_changed``, and on close)."""
        self.layers_dirty = False
        if self.is_open and self.layers.to_json() != self.project.setting("map_layers"):
            self.layers.save(self.project)

    # ---- lifetime ------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.project.conn is not None

    def close(self) -> None:
        """Announce ``closing``, save the layers and close the project (once)."""
        if not self.is_open:
            return
        self.events.closing.emit()
        try:
            self.save_layers()
        finally:
            self.project.close()

    # ---- project events -> caches -> session events --------------------------------------
    def _on_assets_changed(
        self, uuids: tuple[str, ...] | None = None, kind: str = "changed"
    ) -> None:
        if uuids is None or self._points is None:
            self._points = None
        else:
            self._patch_points(uuids)
        self.points_version += 1
        self._index = None
        if kind == "removed" and uuids:
            self._prune_selection(uuids)
        self.events.assets_changed.emit(uuids=uuids, kind=kind)

    def _patch_points(self, uuids: tuple[str, ...]) -> None:
        """Refresh only the edited rows, so editing stays quick with 200,000 assets."""
        assert self._points is not None
        kept = self._points[~self._points["uuid"].isin(uuids)]
        fresh = assets.points_xy(self.project, uuids)
        self._points = (
            pd.concat([kept, fresh], ignore_index=True)
            if len(fresh)
            else kept.reset_index(drop=True)
        )

    def _forget_points(self) -> None:
        self._points = None
        self._index = None
        self.points_version += 1

    def _forget_areas(self, name: str | None = None) -> None:
        if name is None:
            self._areas.clear()
        else:
            self._areas.pop(name, None)
        self.areas_version += 1

    def _on_categories_changed(self) -> None:
        self.layers.sync(self.project)
        self.events.categories_changed.emit()

    def _on_fields_changed(self, name: str = "") -> None:
        self.events.fields_changed.emit(name=name)

    def _on_area_sets_changed(self, name: str = "", kind: str = "changed") -> None:
        self._forget_areas(name or None)
        self.layers.sync(self.project)
        self.events.area_sets_changed.emit(name=name, kind=kind)

    def _on_layers_changed(self, layer: str = "") -> None:
        self.layers_dirty = True
        self.events.layers_changed.emit(layer=layer)

    def _on_history_changed(self) -> None:
        self.events.history_changed.emit()


def _area_box(geometries: np.ndarray) -> Extent | None:
    """The box around an area set's present geometries (None when it has none)."""
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    if not present.any():
        return None
    b = shapely.bounds(geometries[present])
    return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))


__all__ = ["Extent", "MapSession", "SessionEvents", "SessionView"]
