"""The Basemap menu: import an OSM extract, choose the tile source, make an area available
offline, add an MBTiles file, and show or hide the basemap and the tiles.

It acts on the window's session and map (``window.session``, ``window.canvas``,
``window.tiles``); the dialogs themselves are in ``assetmap.qt.dialogs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from assetmap.core.errors import AssetmapError
from assetmap.core.tiles import file_source
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import translate

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow
    from assetmap.qt.session import Session

SETTING_FOLDER = "paths/mbtiles"


class BasemapMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("Basemap", "&Basemap"), window)
        self.window_ = window
        self.dialog: object = None
        self.act_import = self._action(
            translate("Basemap", "&Import OSM extract…"),
            self.import_extract,
            translate(
                "Basemap", "an OpenStreetMap extract (.osm.pbf) as the project's offline basemap"
            ),
        )
        self.act_show = self._action(
            translate("Basemap", "Show &streets and places"),
            self.toggle_basemap,
            translate("Basemap", "draw the imported OSM basemap"),
        )
        self.act_show.setCheckable(True)
        self.act_tiles = self._action(
            translate("Basemap", "Show map &tiles"),
            self.toggle_tiles,
            translate("Basemap", "draw online (or saved) map tiles under the data"),
        )
        self.act_tiles.setCheckable(True)
        self.act_source = self._action(
            translate("Basemap", "Tile &source…"),
            self.choose_source,
            translate("Basemap", "where the map tiles come from"),
        )
        self.act_offline = self._action(
            translate("Basemap", "Make this area available &offline…"),
            self.make_offline,
            translate(
                "Basemap", "download the tiles of the project's area for use without a network"
            ),
        )
        self.act_mbtiles = self._action(
            translate("Basemap", "Add &MBTiles file…"),
            lambda: self.add_mbtiles(),  # not triggered(bool)'s "checked" as the path
            translate("Basemap", "map tiles from a file on this computer"),
        )
        self.addAction(self.act_import)
        self.addAction(self.act_show)
        self.addSeparator()
        self.addActions([self.act_tiles, self.act_source, self.act_offline, self.act_mbtiles])
        self.aboutToShow.connect(self._sync)

    def _action(self, text: str, slot: object, tip: str = "") -> QAction:
        action = QAction(text, self)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    @property
    def session(self) -> Session:
        return self.window_.session

    def _sync(self) -> None:
        style = self.session.layers.basemap
        has = self.window_.builder.has_basemap()
        self.act_show.setEnabled(has)
        self.act_show.setChecked(has and style.visible)
        self.act_tiles.setChecked(style.tiles_visible)
        source = style.tile_source_object()
        self.act_offline.setEnabled(source is not None and not source.is_file)

    # ---- actions ---------------------------------------------------------------------------
    def import_extract(self) -> None:
        from assetmap.qt.dialogs.basemap_import import BasemapImportDialog

        dialog = BasemapImportDialog(self.session, self.window_)
        self.dialog = dialog
        if dialog.exec() and dialog.report is not None:
            self.session.layers.set_basemap(visible=True)
            self.session.save_layers()
            if self.session.full_extent() is None:
                self.window_.zoom_to_all()
            self.window_.canvas.refresh()

    def toggle_basemap(self, on: bool) -> None:
        self.session.layers.set_basemap(visible=bool(on))
        self.session.save_layers()

    def toggle_tiles(self, on: bool) -> None:
        self.session.layers.set_basemap(tiles_visible=bool(on))
        self.session.save_layers()
        self.window_.network.check()

    def choose_source(self) -> None:
        from assetmap.qt.dialogs.tile_source import TileSourceDialog

        dialog = TileSourceDialog(self.session.layers.basemap, self.window_)
        self.dialog = dialog
        if dialog.exec():
            self.session.layers.set_basemap(**dialog.changes())
            self.session.save_layers()
            self.window_.network.check()

    def make_offline(self) -> None:
        from assetmap.qt.dialogs.offline_tiles import OfflineTilesDialog

        project = self.session.project
        dialog = OfflineTilesDialog(
            project.path,
            project.crs,
            self.session.layers.basemap.tile_source_object(),
            self.session.full_extent(),
            self.window_.canvas.view.bounds(),
            self.window_,
        )
        self.dialog = dialog
        dialog.exec()
        self.window_.canvas.refresh()

    def add_mbtiles(self, path: str | Path | None = None) -> bool:
        """Add an MBTiles file (read-only) as a tile source and show it."""
        if not path:
            start = QSettings().value(SETTING_FOLDER, str(Path.home()))
            path, _ = QFileDialog.getOpenFileName(
                self.window_, translate("Basemap", "Add an MBTiles file"), str(start),
                translate("Basemap", "MBTiles (*.mbtiles);;All files (*)"),
            )  # fmt: skip
            if not path:
                return False
        path = Path(path).resolve()
        try:
            source = file_source(path)
        except AssetmapError as exc:
            show_error(self.window_, translate("Basemap", "That file cannot be used"), exc)
            return False
        QSettings().setValue(SETTING_FOLDER, str(path.parent))
        style = self.session.layers.basemap
        self.session.layers.set_basemap(
            files=(*style.files, str(path)), tile_source="file", tile_file=str(path),
            tiles_visible=True,
        )  # fmt: skip
        self.session.save_layers()
        note = (
            ""
            if source.attribution
            else translate("Basemap", " It names no attribution: add one if its terms ask.")
        )
        self.window_.statusBar().showMessage(
            translate("Basemap", "Map tiles from {name}.{note}").format(name=path.name, note=note),
            8000,
        )
        return True
