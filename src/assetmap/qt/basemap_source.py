"""The project's vector basemap for the map: read and prepared once per import, in a worker
when it is big.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from assetmap.core.basemap import store as basemap_store
from assetmap.core.project import Project
from assetmap.core.session import SessionView
from assetmap.qt.canvas.basemap import BasemapGeometry
from assetmap.qt.workers import run_once

log = logging.getLogger(__name__)

BASEMAP_IN_GUI_THREAD = 60_000  # more features than this: the basemap is read in a worker


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
