"""The open project as the Qt side sees it: the core session model's events as signals.

Everything with state (the undo stack, the layers, the selection, the shared caches) is in
``assetmap.core.session.MapSession`` (``session.model``); this adapter only relays its
events as Qt signals, saves the layers a moment after they change, and keeps the names the
panels and dialogs have always used.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.layers import MapLayers
from assetmap.core.pointindex import PointIndex
from assetmap.core.project import Project
from assetmap.core.session import Extent, MapSession
from assetmap.core.taxonomy import Category
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.canvas.polygons import PolygonSet

LAYER_SAVE_DELAY_MS = 1000


class Session(QObject):
    """Owns the session model for the GUI. Views read through it and never write the store."""

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
        self.model = MapSession(project)
        # Layer ticks and styles are saved a moment after they change, so a crash keeps them.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(LAYER_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_layers)
        self._relay_events()

    def _relay_events(self) -> None:
        events = self.model.events
        events.assets_changed.connect(self._on_assets_changed)
        events.categories_changed.connect(self.categoriesChanged.emit)
        events.fields_changed.connect(self._on_fields_changed)
        events.area_sets_changed.connect(self._on_area_sets_changed)
        events.layers_changed.connect(self._on_layers_changed)
        events.selection_changed.connect(self.selectionChanged.emit)
        events.history_changed.connect(self.historyChanged.emit)
        events.closing.connect(self.closing.emit)

    # ---- the model's parts, under the names views use ----------------------------------
    @property
    def project(self) -> Project:
        return self.model.project

    @property
    def stack(self) -> CommandStack:
        return self.model.stack

    @property
    def layers(self) -> MapLayers:
        return self.model.layers

    @property
    def points_version(self) -> int:
        return self.model.points_version

    @property
    def areas_version(self) -> int:
        return self.model.areas_version

    # ---- edits -----------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Run an edit; BadInputError propagates for the caller to show."""
        self.model.push(command)

    def undo(self) -> None:
        self.model.undo()

    def redo(self) -> None:
        self.model.redo()

    def after_background_commit(self) -> None:
        """A worker committed through its own connection: re-read everything."""
        self.model.after_background_commit()

    # ---- what views read ------------------------------------------------------------
    def points(self) -> pd.DataFrame:
        """uuid, name, category, status, review, x, y of every placed live asset."""
        return self.model.points()

    def point_index(self) -> PointIndex:
        return self.model.point_index()

    def categories(self) -> list[Category]:
        return self.model.categories()

    def category(self, key: str) -> Category | None:
        return self.model.category(key)

    def area_geometries(self, name: str) -> np.ndarray:
        return self.model.area_geometries(name)

    def polygon_set(self, name: str) -> PolygonSet:
        return area_polygons(self.model).get(name)

    def visible_point_mask(self) -> np.ndarray:
        return self.model.visible_point_mask()

    def full_extent(self) -> Extent | None:
        return self.model.full_extent()

    # ---- selection --------------------------------------------------------------------
    @property
    def selection(self) -> frozenset[str]:
        return self.model.selection

    def set_selection(self, uuids: Iterable[str]) -> None:
        self.model.set_selection(uuids)

    # ---- model events -> signals ---------------------------------------------------------
    def _on_assets_changed(self, uuids: tuple[str, ...] | None = None, kind: str = "") -> None:
        self.assetsChanged.emit(uuids, kind)

    def _on_fields_changed(self, name: str = "") -> None:
        self.fieldsChanged.emit()

    def _on_area_sets_changed(self, name: str = "", kind: str = "") -> None:
        self.areaSetsChanged.emit()

    def _on_layers_changed(self, layer: str = "") -> None:
        self._save_timer.start()
        self.layersChanged.emit(layer)

    def save_layers(self) -> None:
        self._save_timer.stop()
        self.model.save_layers()

    @property
    def is_open(self) -> bool:
        return self.model.is_open

    def close(self) -> None:
        if not self.is_open:
            return
        self._save_timer.stop()
        self.model.close()
