"""File ▸ Import: the import commands of one window, each opening its dialog on the
window's session (the dialogs are in ``assetmap.qt.dialogs``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from assetmap.qt.i18n import translate

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow


class ImportMenu:
    """The import actions (``act_areas``, ``act_assets`` ...) and the menu they fill."""

    def __init__(self, window: MainWindow, make: Callable[..., QAction]) -> None:
        self.window = window
        self.act_areas = make(
            translate("Import", "&Neighbourhoods (boundaries)…"),
            self.areas,
            tip=translate("Import", "import an area set"),
        )
        self.act_assets = make(
            translate("Import", "&Assets…"),
            self.assets,
            "Ctrl+I",
            translate("Import", "import assets from a file"),
        )
        self.act_indicators = make(
            translate("Import", "&Indicators (population, deprivation)…"),
            self.indicators,
            tip=translate("Import", "join figures to an area set"),
        )
        self.act_osm_assets = make(
            translate("Import", "Assets from &OpenStreetMap…"),
            self.osm_assets,
            tip=translate(
                "Import",
                "import amenities, parks and places of worship from an OpenStreetMap extract",
            ),
        )
        self.act_service_directory = make(
            translate("Import", "&Service directory…"),
            self.service_directory,
            tip=translate("Import", "import an Open Referral (HSDS) service directory as assets"),
        )

    def fill(self, menu: QMenu) -> None:
        menu.addActions([self.act_areas, self.act_assets, self.act_indicators])
        menu.addActions([self.act_osm_assets, self.act_service_directory])

    def areas(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAreasDialog

        self._run(ImportAreasDialog(self.window.session, self.window))

    def assets(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAssetsDialog

        self._run(ImportAssetsDialog(self.window.session, self.window))

    def indicators(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportIndicatorsDialog

        self._run(ImportIndicatorsDialog(self.window.session, self.window))

    def osm_assets(self) -> None:
        from assetmap.qt.dialogs.imports.osm_assets import ImportOsmAssetsDialog

        self._run(ImportOsmAssetsDialog(self.window.session, self.window))

    def service_directory(self) -> None:
        from assetmap.qt.dialogs.imports.openreferral import ImportServiceDirectoryDialog

        self._run(ImportServiceDirectoryDialog(self.window.session, self.window))

    def _run(self, dialog: QDialog) -> None:
        dialog.exec()
        self.window._update_title()  # an import may name the project
