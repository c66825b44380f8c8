"""The asset import's Location step: how each row is placed on the map.

One radio per way (the file's own geometry, latitude and longitude, X and Y in a named
coordinate system, a WKT column, or postcodes only), the columns each way reads, and the
postcode index that places rows without coordinates. The importer guesses all of it from the
file; this step shows the guess and lets the user correct it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from assetmap.core.io import preview as pv
from assetmap.qt.dialogs.imports.base import ALL_FILES, settings
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

SETTING_POSTCODE_INDEX = "import/postcode_index"
# Marked here, translated where shown.
COORDINATE_LABELS = {
    "lat": QT_TRANSLATE_NOOP("ImportDialog", "latitude"),
    "lon": QT_TRANSLATE_NOOP("ImportDialog", "longitude"),
    "x": "x",
    "y": "y",
    "wkt": QT_TRANSLATE_NOOP("ImportDialog", "geometry (WKT)"),
}
_COORDINATE_COLUMNS = {
    "lat": QT_TRANSLATE_NOOP("ImportDialog", "Latitude column"),
    "lon": QT_TRANSLATE_NOOP("ImportDialog", "Longitude column"),
    "x": QT_TRANSLATE_NOOP("ImportDialog", "X column"),
    "y": QT_TRANSLATE_NOOP("ImportDialog", "Y column"),
    "wkt": QT_TRANSLATE_NOOP("ImportDialog", "Geometry (WKT) column"),
}
COORDINATE_KEYS = {pv.LAT_LON: ("lat", "lon"), pv.XY: ("x", "y"), pv.WKT: ("wkt",)}


class LocationStep(QWidget):
    """The ways of placing rows and their inputs; ``changed`` after any change.

    ``postcode_column`` says which column the Columns step chose for postcodes (or None)."""

    changed = Signal()

    def __init__(self, postcode_column: Callable[[], str | None]) -> None:
        super().__init__()
        self._postcode_column = postcode_column
        grid = QGridLayout(self)
        self._add_location_radios(grid)
        self._build_coordinate_inputs()
        self.geometry_note = note_label()
        grid.addWidget(self.geometry_note, 0, 1, 1, 4)
        latitude, longitude = (
            translate("ImportDialog", "Latitude"),
            translate("ImportDialog", "Longitude"),
        )
        self._place_pair(grid, 1, latitude, "lat", longitude, "lon")
        self._place_pair(grid, 2, "X", "x", "Y", "y")
        crs = translate("ImportDialog", "Coordinate system")
        grid.addWidget(_labelled(crs, self.xy_crs_edit), 2, 5)
        column = translate("ImportDialog", "Column")
        grid.addWidget(_labelled(column, self.coordinate_combos["wkt"]), 3, 1, 1, 2)
        grid.addWidget(_labelled(crs, self.wkt_crs_edit), 3, 5)
        self.detected_note = note_label()
        grid.addWidget(self.detected_note, 5, 0, 1, 6)
        grid.addWidget(self._build_postcode_index(), 6, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(7, 1)

    def _add_location_radios(self, grid: QGridLayout) -> None:
        """One radio per way of placing rows, down the tab's first column."""
        self.location_group = QButtonGroup(self)
        self.location_radios: dict[str, QRadioButton] = {}
        texts = {
            pv.GEOMETRY: translate("ImportDialog", "The file's own &geometry"),
            pv.LAT_LON: translate("ImportDialog", "L&atitude and longitude columns"),
            pv.XY: translate("ImportDialog", "&X and Y columns (e.g. eastings, northings)"),
            pv.WKT: translate("ImportDialog", "&WKT geometry column"),
            pv.NO_COORDINATES: translate("ImportDialog", "No coordinates: place by &postcode only"),
        }
        for row, (source, text) in enumerate(texts.items()):
            radio = QRadioButton(text)
            self.location_group.addButton(radio)
            self.location_radios[source] = radio
            radio.toggled.connect(self._on_location_changed)
            grid.addWidget(radio, row, 0)

    def _build_coordinate_inputs(self) -> None:
        """The coordinate columns and coordinate systems the radios choose between."""
        self.coordinate_combos = {
            key: ColumnCombo(translate("ImportDialog", _COORDINATE_COLUMNS[key]))
            for key in COORDINATE_LABELS
        }
        for combo in self.coordinate_combos.values():
            combo.currentIndexChanged.connect(self._on_location_changed)
        self.xy_crs_edit = self._crs_edit(translate("ImportDialog", "Coordinate system of X and Y"))
        self.wkt_crs_edit = self._crs_edit(
            translate("ImportDialog", "Coordinate system of the WKT")
        )

    def _crs_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(translate("ImportDialog", "e.g. EPSG:27700"))
        edit.setMaximumWidth(140)
        edit.textChanged.connect(self._on_location_changed)
        return edit

    def _place_pair(
        self, grid: QGridLayout, row: int, first: str, a: str, second: str, b: str
    ) -> None:
        grid.addWidget(_labelled(first, self.coordinate_combos[a]), row, 1, 1, 2)
        grid.addWidget(_labelled(second, self.coordinate_combos[b]), row, 3, 1, 2)

    def _build_postcode_index(self) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.postcode_index_edit = QLineEdit(str(settings().value(SETTING_POSTCODE_INDEX, "")))
        self.postcode_index_edit.setAccessibleName(translate("ImportDialog", "Postcode index file"))
        self.postcode_index_edit.setPlaceholderText(
            translate(
                "ImportDialog",
                "optional: OS Code-Point Open zip, or a CSV of postcodes with coordinates",
            )
        )
        browse = QPushButton(translate("ImportDialog", "Br&owse…"))
        browse.setAccessibleName(translate("ImportDialog", "Browse for a postcode index file"))
        browse.clicked.connect(self._browse_postcode_index)
        self.postcode_index_edit.editingFinished.connect(self._on_postcode_index_typed)
        label = QLabel(translate("ImportDialog", "Postcode &index:"))
        label.setBuddy(self.postcode_index_edit)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.postcode_index_edit, 0, 1)
        layout.addWidget(browse, 0, 2)
        self.postcode_note = note_label()
        layout.addWidget(self.postcode_note, 1, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        return box

    # ---- filling from the preview
    def set_columns(self, columns: list[str]) -> None:
        for combo in self.coordinate_combos.values():
            combo.blockSignals(True)
            combo.set_columns(columns)
            combo.blockSignals(False)

    def fill(self, result: pv.Preview) -> None:
        """The importer's guess shown: its columns, coordinate system and way of placing."""
        guess = result.coordinates
        assert guess is not None
        found = result.coordinate_columns
        for key, combo in self.coordinate_combos.items():
            combo.blockSignals(True)
            combo.set_column(guess.columns.get(key) or found.get(key))
            combo.blockSignals(False)
        self.xy_crs_edit.setText(guess.crs if guess.source == pv.XY and guess.crs else "")
        self.wkt_crs_edit.setText(guess.crs if guess.source == pv.WKT else "EPSG:4326")
        has_geometry = result.has_geometry
        self.location_radios[pv.GEOMETRY].setEnabled(has_geometry)
        self.location_radios[pv.NO_COORDINATES].setEnabled(guess.source == pv.NO_COORDINATES)
        self.location_radios[pv.NO_COORDINATES].setToolTip(
            ""
            if guess.source == pv.NO_COORDINATES
            else translate(
                "ImportDialog",
                "assetmap reads the coordinate columns it recognises; choose other columns",
            )
        )
        self.geometry_note.setText(
            translate("ImportDialog", "{kind} in {crs}").format(
                kind=result.geometry_type or "",
                crs=result.crs or translate("ImportDialog", "an unknown coordinate system"),
            )
            if has_geometry
            else translate("ImportDialog", "this file has no geometry")
        )
        self.location_radios[guess.source].setChecked(True)
        self.detected_note.setText(
            translate("ImportDialog", "Detected: {guess}.").format(guess=guess.description)
        )
        self._on_location_changed()

    # ---- what the user chose
    def source(self) -> str:
        for source, radio in self.location_radios.items():
            if radio.isChecked():
                return source
        return pv.NO_COORDINATES

    def coordinate_fields(self) -> dict[str, str]:
        keys = COORDINATE_KEYS.get(self.source(), ())
        chosen = {k: self.coordinate_combos[k].column() for k in keys}
        return {k: v for k, v in chosen.items() if v}

    def postcode_index(self) -> str:
        return self.postcode_index_edit.text().strip()

    def crs_text(self, guess: pv.CoordinateGuess | None) -> str | None:
        """A CRS only when the user's differs from what the importer would guess itself."""
        assert guess is not None
        source = self.source()
        if source == pv.XY:
            text = self.xy_crs_edit.text().strip()
            same = guess.source == pv.XY and guess.columns == self.coordinate_fields()
            return None if not text or (same and text.upper() == (guess.crs or "")) else text
        if source == pv.WKT:
            text = self.wkt_crs_edit.text().strip()
            return None if not text or text.upper() == "EPSG:4326" else text
        return None

    def problem(self, guess: pv.CoordinateGuess | None) -> str | None:
        """What stops leaving this step, in plain words, or None."""
        source = self.source()
        needed = {pv.LAT_LON: 2, pv.XY: 2, pv.WKT: 1}.get(source, 0)
        if len(self.coordinate_fields()) < needed:
            return translate(
                "ImportDialog", "Choose the coordinate columns, or another way to place assets."
            )
        if source == pv.XY and not self.xy_crs_edit.text().strip():
            return translate(
                "ImportDialog",
                "Type the coordinate system of the X and Y columns, e.g. EPSG:27700 for British "
                "National Grid.",
            )
        crs = self.crs_text(guess)
        if crs is not None:
            try:
                CRS.from_user_input(crs)
            except CRSError:
                return translate(
                    "ImportDialog",
                    "'{crs}' is not a coordinate system assetmap knows; try EPSG:27700.",
                ).format(crs=crs)
        index = self.postcode_index()
        if index and not Path(index).expanduser().is_file():
            return translate(
                "ImportDialog", "The postcode index file {file} does not exist."
            ).format(file=index)
        return None

    # ---- reacting
    @Slot()
    def _on_location_changed(self) -> None:
        source = self.source()
        enabled = {
            "lat": source == pv.LAT_LON,
            "lon": source == pv.LAT_LON,
            "x": source == pv.XY,
            "y": source == pv.XY,
            "wkt": source == pv.WKT,
        }
        for key, combo in self.coordinate_combos.items():
            combo.setEnabled(enabled[key])
        self.xy_crs_edit.setEnabled(source == pv.XY)
        self.wkt_crs_edit.setEnabled(source == pv.WKT)
        self.update_postcode_note()
        self.changed.emit()

    @Slot()
    def _on_postcode_index_typed(self) -> None:
        """Enter or leaving the field: say at once whether the file is there."""
        self.update_postcode_note()
        self.changed.emit()

    @Slot()
    def _browse_postcode_index(self) -> None:
        start = self.postcode_index() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "Choose a postcode index"),
            start,
            translate("ImportDialog", "Postcode files (*.zip *.csv *.xlsx *.gz)")
            + ";;"
            + translate("ImportDialog", ALL_FILES),
        )
        if chosen:
            self.postcode_index_edit.setText(chosen)
            self._on_postcode_index_typed()

    def update_postcode_note(self) -> None:
        postcode = self._postcode_column()
        if postcode is None:
            text = translate(
                "ImportDialog",
                "No postcode column is chosen, so rows without coordinates stay unplaced.",
            )
        else:
            text = translate(
                "ImportDialog",
                "Rows without coordinates are placed by their postcode ('{column}'), from this "
                "file or, without one, from the postcodes the project already holds.",
            ).format(column=postcode)
        self.postcode_note.setText(text)


def _labelled(text: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text + ":")
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
