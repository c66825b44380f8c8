"""The area sets of a session as ``PolygonSet``s, built once per set and shared.

``PolygonSet`` holds Qt paths, so it cannot live in the core session model; this cache
hangs off any ``SessionView`` instead (the GUI's model, an export's snapshot). The map,
the legend and zooming share one per view, so the tiles the map simplified are kept.
"""

from __future__ import annotations

import weakref

import numpy as np

from assetmap.core.session import SessionView
from assetmap.qt.canvas.polygons import PolygonSet


class AreaPolygons:
    """One ``PolygonSet`` per area set, rebuilt when the view's geometries change."""

    def __init__(self, view: SessionView) -> None:
        # Weakly: the registry below is keyed by the view; a strong reference would keep
        # every closed project's geometry in memory.
        self._view = weakref.ref(view)
        self._sets: dict[str, tuple[np.ndarray, PolygonSet]] = {}

    def get(self, name: str) -> PolygonSet:
        view = self._view()
        assert view is not None, "area polygons outlived their session"
        geometries = view.area_geometries(name)
        kept = self._sets.get(name)
        if kept is None or kept[0] is not geometries:
            kept = self._sets[name] = (geometries, PolygonSet(geometries))
        return kept[1]


def area_polygons(view: SessionView) -> AreaPolygons:
    """The view's one polygon cache (made on first use)."""
    cache = _CACHES.get(view)
    if cache is None:
        cache = _CACHES[view] = AreaPolygons(view)
    return cache


_CACHES: weakref.WeakKeyDictionary[SessionView, AreaPolygons] = weakref.WeakKeyDictionary()
