"""The open project as the Qt side sees it: core events turned into signals, the
undo stack, the layer models, the selection, and caches the views share."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from assetmap.core import areas, assets, categories
from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.layers import MapLayers
from assetmap.core.pointindex import PointIndex
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.polygons import PolygonSet


class Session(QObject):
    """Owns the Project for the GUI. Views read through it and never write the store."""

    assetsChanged = Signal(object, str)  # uuids (tuple or None = many), kind
    categoriesChanged = Signal()
    fieldsChanged = Signal()  # an extra field's label changed
    areaSetsChanged = Signal()
    layersChanged = Signal(str)
    selectionChanged = Signal()
    historyChanged = Signal()
    closing = Signal()  # the project is about to close: stop timers that would read it

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.stack = CommandStack(project)
        self.layers = MapLayers.load(project)
        self._selection: frozenset[str] = frozenset()
        self._points: pd.DataFrame | None = None
        self.points_version = 0  # bumps whenever the points frame is replaced
        self._index: PointIndex | None = None
        self._polygons: dict[str, PolygonSet] = {}
        events = project.events
        events.assets_changed.connect(self._on_assets_changed)
        events.categories_changed.connect(self._on_categories_changed)
        events.area_sets_changed.connect(self._on_area_sets_changed)
        events.fields_changed.connect(self._on_fields_changed)
        self.stack.changed.connect(self.historyChanged.emit)
        self.layers.changed.connect(self._on_layers_changed)
        # Layer ticks and styles are saved a moment after they change, so a crash keeps them.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(1000)
        self._save_timer.timeout.connect(self.save_layers)

    # ---- edits -----------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Run an edit; BadInputError propagates for the caller to show."""
        self.stack.push(command)

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def after_background_commit(self) -> None:
        """A worker committed through its own connection: re-read everything."""
        self.project.invalidate()
        self._points = None
        self.points_version += 1
        self._index = None
        self._polygons.clear()
        self.layers.sync(self.project)
        self.categoriesChanged.emit()
        self.areaSetsChanged.emit()
        self.assetsChanged.emit(None, "reset")

    # ---- what views read ------------------------------------------------------------
    def points(self) -> pd.DataFrame:
        """uuid, name, category, status, review, x, y of every placed live asset."""
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

    def polygon_set(self, name: str) -> PolygonSet:
        if name not in self._polygons:
            self._polygons[name] = PolygonSet(areas.frame(self.project, name).geometry.to_numpy())
        return self._polygons[name]

    def visible_point_mask(self) -> np.ndarray:
        frame = self.points()
        visible = set(self.layers.visible_categories([c.key for c in self.categories()]))
        return frame["category"].isin(visible).to_numpy()

    def full_extent(self) -> tuple[float, float, float, float] | None:
        boxes = []
        for info in areas.list_sets(self.project):
            polys = self.polygon_set(info.name)
            if polys.present.any():
                b = polys.bounds[polys.present]
                boxes.append((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))
        points = self.points()
        if len(points):
            boxes.append(
                (points["x"].min(), points["y"].min(), points["x"].max(), points["y"].max())
            )
        if not boxes:
            return None
        arr = np.array(boxes, dtype=float)
        return (arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max())

    # ---- selection --------------------------------------------------------------------
    @property
    def selection(self) -> frozenset[str]:
        return self._selection

    def set_selection(self, uuids: Any) -> None:
        new = frozenset(uuids)
        if new != self._selection:
            self._selection = new
            self.selectionChanged.emit()

    # ---- core events -> signals ------------------------------------------------------------
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
            remaining = self._selection - set(uuids)
            if remaining != self._selection:
                self._selection = remaining
                self.selectionChanged.emit()
        self.assetsChanged.emit(uuids, kind)

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

    def _on_categories_changed(self) -> None:
        self.layers.sync(self.project)
        self.categoriesChanged.emit()

    def _on_fields_changed(self, name: str = "") -> None:
        self.fieldsChanged.emit()

    def _on_area_sets_changed(self, name: str = "", kind: str = "changed") -> None:
        self._polygons.pop(name, None)
        self.layers.sync(self.project)
        self.areaSetsChanged.emit()

    def _on_layers_changed(self, layer: str = "") -> None:
        self._save_timer.start()
        self.layersChanged.emit(layer)

    def save_layers(self) -> None:
        self._save_timer.stop()
        if self.project.conn is not None and self.layers.to_json() != self.project.setting(
            "map_layers"
        ):
            self.layers.save(self.project)

    @property
    def is_open(self) -> bool:
        return self.project.conn is not None

    def close(self) -> None:
        if not self.is_open:
            return
        self.closing.emit()
        try:
            self.save_layers()
        finally:
            self.project.close()
