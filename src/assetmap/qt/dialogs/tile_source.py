"""Basemap ▸ Tile source…: where the raster tiles come from.

OpenStreetMap's standard tiles (fetched as the map is viewed and kept on this computer),
an MBTiles file the user added, or a tile server of their own with its attribution.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import BadInputError
from assetmap.core.layers import BasemapStyle
from assetmap.core.tiles import PRESETS, custom_source
from assetmap.core.tiles.source import OSM_POLICY_URL
from assetmap.qt.i18n import translate

CUSTOM = "custom"


class TileSourceDialog(QDialog):
    """Choose the tile source and whether tiles are shown; ``changes()`` for MapLayers."""

    def __init__(self, style: BasemapStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TileSource", "Map tiles"))
        self.setMinimumWidth(560)
        self.style_before = style
        self.show_tiles = QCheckBox(translate("TileSource", "&Show map tiles under the data"))
        self.show_tiles.setChecked(style.tiles_visible or not style.visible)
        self.choice = QComboBox()
        self.choice.setAccessibleName(translate("TileSource", "Tile source"))
        for key, source in PRESETS.items():
            self.choice.addItem(source.name, ("preset", key))
        for path in style.files:
            self.choice.addItem(
                translate("TileSource", "File: {path}").format(path=path), ("file", path)
            )
        self.choice.addItem(translate("TileSource", "A tile server of your own…"), (CUSTOM, ""))
        self.url = QLineEdit(style.custom_url)
        self.url.setPlaceholderText("https://tiles.example.org/{z}/{x}/{y}.png")
        self.url.setAccessibleName(translate("TileSource", "URL template"))
        self.attribution = QLineEdit(style.custom_attribution)
        self.attribution.setPlaceholderText(
            translate("TileSource", "© OpenStreetMap contributors, © the provider")
        )
        self.attribution.setAccessibleName(translate("TileSource", "Attribution"))
        self.name = QLineEdit(style.custom_name)
        self.name.setAccessibleName(translate("TileSource", "Name"))
        self.max_zoom = QSpinBox()
        self.max_zoom.setRange(0, 24)
        self.max_zoom.setValue(style.custom_max_zoom)
        self.max_zoom.setAccessibleName(translate("TileSource", "Maximum zoom"))
        self.bulk = QCheckBox(
            translate("TileSource", "Its terms allow downloading areas for offline use")
        )
        self.bulk.setChecked(style.custom_bulk_download)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setOpenExternalLinks(True)
        self.note.setStyleSheet("color: #57606A;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #9A3412;")
        self.error.hide()
        self.custom_form = QWidget()
        custom = QFormLayout(self.custom_form)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addRow(translate("TileSource", "&URL template:"), self.url)
        custom.addRow(translate("TileSource", "&Attribution:"), self.attribution)
        custom.addRow(translate("TileSource", "&Name:"), self.name)
        custom.addRow(translate("TileSource", "Maximum &zoom:"), self.max_zoom)
        custom.addRow("", self.bulk)
        form = QFormLayout()
        form.addRow("", self.show_tiles)
        form.addRow(translate("TileSource", "&Tiles from:"), self.choice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.custom_form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._update)
        # Choosing a source (by hand) means wanting to see its tiles.
        self.choice.activated.connect(lambda _i: self.show_tiles.setChecked(True))
        self._select(style)
        self._update()

    def _select(self, style: BasemapStyle) -> None:
        wanted = {"custom": (CUSTOM, ""), "file": ("file", style.tile_file)}.get(
            style.tile_source, ("preset", style.tile_source)
        )
        for i in range(self.choice.count()):
            if tuple(self.choice.itemData(i)) == wanted:
                self.choice.setCurrentIndex(i)
                return

    def _update(self) -> None:
        kind, key = self.choice.currentData()
        self.custom_form.setVisible(kind == CUSTOM)
        if kind == "preset":
            source = PRESETS[key]
            self.note.setText(
                translate(
                    "TileSource",
                    "Tiles are fetched as you look at the map, with assetmap's name in every "
                    "request, and kept on this computer so they show offline later. Shown with "
                    "“{attribution}”. OpenStreetMap's servers are run by volunteers: "
                    'their <a href="{url}">tile usage policy</a> forbids downloading '
                    "areas in bulk, so “Make this area available offline” is not offered for "
                    "them; import an OSM extract for a basemap that works anywhere.",
                ).format(attribution=source.attribution, url=OSM_POLICY_URL)
            )
        elif kind == "file":
            self.note.setText(
                translate(
                    "TileSource",
                    "Tiles come from this file only: nothing is fetched, so they work offline.",
                )
            )
        else:
            self.note.setText(
                translate(
                    "TileSource",
                    "Use {z}, {x} and {y} (or {-y} for TMS rows, {s} for a, b, c) where the tile "
                    "numbers go. The attribution the provider's terms require is drawn on the map "
                    "and in every export.",
                )
            )
        self.error.hide()

    def changes(self) -> dict[str, Any]:
        """The BasemapStyle fields this dialog sets (raises BadInputError for a bad server)."""
        kind, key = self.choice.currentData()
        out: dict[str, Any] = {"tiles_visible": self.show_tiles.isChecked()}
        if kind == "preset":
            out["tile_source"] = key
        elif kind == "file":
            out.update(tile_source="file", tile_file=key)
        else:
            source = custom_source(
                self.url.text(),
                self.attribution.text(),
                name=self.name.text(),
                max_zoom=self.max_zoom.value(),
                bulk_download_allowed=self.bulk.isChecked(),
            )
            out.update(
                tile_source=CUSTOM,
                custom_url=source.url_template,
                custom_attribution=source.attribution,
                custom_name=source.name,
                custom_max_zoom=source.max_zoom,
                custom_bulk_download=source.bulk_download_allowed,
            )
        return out

    def _accept(self) -> None:
        try:
            self.changes()
        except BadInputError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
