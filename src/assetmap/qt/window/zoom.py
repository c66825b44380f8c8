"""Where the map looks: everything, the selection, one asset, an area set, one area or a
search hit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMenu

from assetmap.core import areas
from assetmap.core.search import Hit
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.i18n import translate
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.overlays import SelectionOverlay
from assetmap.qt.session import Session
from assetmap.qt.window.picking import Picker

STREET_SCALE = 1.5  # metres per pixel when zooming to one asset
SELECTION_PAD = 100.0  # metres around several selected assets
EMPTY_PROJECT_VIEW = (383_000.0, 396_000.0, 25.0)  # somewhere sensible: Manchester, BNG

Say = Callable[[str, int], None]


class Zoomer:
    """Moves the canvas's view; ``say(text, ms)`` puts a line in the status bar."""

    def __init__(
        self,
        session: Session,
        canvas: MapCanvas,
        builder: SceneBuilder,
        picker: Picker,
        overlay: SelectionOverlay,
        say: Say,
    ) -> None:
        self.session = session
        self.canvas = canvas
        self.builder = builder
        self.picker = picker
        self.overlay = overlay
        self._say = say

    def to_all(self) -> None:
        if not self.session.is_open:  # a queued call that outlived the project
            return
        extent = self.session.full_extent()
        if extent is None:
            geometry = self.builder.basemap_geometry()  # a project with only a basemap
            extent = geometry.bounds if geometry is not None else None
        if extent is None:
            self.canvas.centre_on(*EMPTY_PROJECT_VIEW)
            return
        self.canvas.zoom_to(extent)

    def to_selection(self) -> None:
        points = self.session.points()
        rows = points[points["uuid"].isin(self.session.selection)]
        if not len(rows):
            return
        if len(rows) == 1:
            self.to_asset(str(rows["uuid"].iloc[0]))
            return
        pad = SELECTION_PAD
        x, y = rows["x"], rows["y"]
        self.canvas.zoom_to((x.min() - pad, y.min() - pad, x.max() + pad, y.max() + pad))

    def show_assets(self, uuids: set[str]) -> None:
        """Choose these assets and bring them all into view (a pair of duplicates, say)."""
        self.session.set_selection(uuids)
        self.to_selection()

    def to_asset(self, uuid: str) -> None:
        """Centre on the asset at street scale and choose it."""
        xy = self.picker.asset_xy(uuid)
        if xy is None:
            self._say(translate("Zoom", "That asset is not on the map yet: place it first."), 5000)
            return
        self.canvas.centre_on(*xy, scale=min(self.canvas.view.scale, STREET_SCALE))
        self.session.set_selection({uuid})

    def to_area_set(self, name: str) -> None:
        polygons = area_polygons(self.session.model).get(name)
        if polygons.present.any():
            b = polygons.bounds[polygons.present]
            self.canvas.zoom_to((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))

    def to_area(self, set_name: str, code: str) -> None:
        """Show one area (a row of the gap table) and outline it, as clicking it would."""
        frame = areas.frame(self.session.project, set_name)
        rows = frame[frame["code"].astype(str) == code]
        if not len(rows) or rows.geometry.iloc[0] is None:
            self._say(translate("Zoom", "Area {code} is not on the map.").format(code=code), 5000)
            return
        row = rows.iloc[0]
        self.canvas.zoom_to(row.geometry.bounds, margin=0.25)
        self.overlay.area = row.geometry
        self.canvas.update()
        self._say(f"{row['name'] or code} ({code})", 5000)

    def to_hit(self, hit: Hit) -> None:
        """A search hit: its box, else its point; an asset hit is chosen too."""
        if hit.bounds is not None:
            self.canvas.zoom_to(hit.bounds, margin=0.2)
        elif hit.x is not None and hit.y is not None:
            self.canvas.centre_on(hit.x, hit.y, scale=min(self.canvas.view.scale, STREET_SCALE * 2))
        else:
            self._say(
                translate("Zoom", "“{label}” is not on the map yet.").format(label=hit.label), 5000
            )
        if hit.kind == "asset" and hit.key:
            self.session.set_selection({hit.key})
        self.canvas.setFocus()

    def fill_area_set_menu(self, menu: QMenu) -> None:
        """View ▸ Zoom to area set: one entry per set, read when the menu opens."""
        menu.clear()
        for info in areas.list_sets(self.session.project):
            action = menu.addAction(info.name, partial(self.to_area_set, info.name))
            action.setStatusTip(translate("Zoom", "show all of {name}").format(name=info.name))
        if menu.isEmpty():
            placeholder = menu.addAction(translate("Zoom", "No area sets yet"))
            placeholder.setStatusTip(translate("Zoom", "import neighbourhoods to zoom to them"))
            placeholder.setEnabled(False)
