"""Importing assets from points, sites, coordinates, WKT or postcodes, with their categories.

The mapping has three steps, walked in order so none is missed: which columns fill the asset's
fields, how each row is placed on the map, and which category each row gets (one for all, or
one per value of a column). The last step sums them up beside the check's report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands.base import Command
from assetmap.core.commands.imports import ImportAssets
from assetmap.core.io import preview as pv
from assetmap.core.io.asset_import import (
    UNKNOWN_NEW,
    UNKNOWN_UNCATEGORISED,
    AssetImportOptions,
    PreparedAssets,
    prepare_assets,
)
from assetmap.core.io.fields import styling_columns
from assetmap.core.taxonomy import UNCATEGORISED
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog, settings
from assetmap.qt.dialogs.imports.category_combo import CategoryCombo
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo, FieldMapper
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.dialogs.imports.workers import Prepare

CATEGORY_VALUES = 300
SETTING_POSTCODE_INDEX = "import/postcode_index"

ASSET_FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "description": "Description",
    "address": "Address",
    "postcode": "Postcode",
    "contact": "Contact (email)",
    "phone": "Phone",
    "website": "Website",
    "opening_hours": "Opening hours",
    "audience": "Who it is for",
    "status": "Status",
    "verified_date": "Last verified",
}
COORDINATE_LABELS = {
    "lat": "latitude",
    "lon": "longitude",
    "x": "x",
    "y": "y",
    "wkt": "geometry (WKT)",
}


class ImportAssetsDialog(ImportDialog):
    """Assets from points, sites, coordinates, WKT or postcodes, with their categories."""

    kind = "assets"
    noun = "assets"
    title = "Import assets"
    file_types = (
        "Data files (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.gpkg *.shp *.zip *.gz)"
        f";;{ALL_FILES}"
    )
    intro = (
        "Choose a file of assets: a spreadsheet (CSV or XLSX) with coordinates or postcodes, or "
        "GeoJSON, GeoPackage or Shapefile. Every row is kept: rows that cannot be placed are "
        "imported as unplaced, to be placed by hand."
    )
    mapping_titles = ("Columns", "Location", "Category")

    # ---- building
    def _build_mapping_page(self) -> QWidget:
        self.cats = categories.all_categories(self.session.project)
        self.parts = QStackedWidget()
        self.parts.setAccessibleName("What the columns are")
        self.parts.addWidget(self._build_columns_tab())
        self.parts.addWidget(self._build_location_tab())
        self.parts.addWidget(self._build_category_tab())
        hint = "First rows of the file (tinted columns are used; the others are kept as fields):"
        splitter = self._with_preview(self.parts, hint)
        splitter.setSizes([290, 330])
        return splitter

    def _show_mapping_part(self, part: int) -> None:
        self.parts.setCurrentIndex(part)

    def _build_columns_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.fields = FieldMapper(list(ASSET_FIELD_LABELS.items()), columns=2)
        self.fields.changed.connect(self._on_fields_changed)
        layout.addWidget(self.fields)
        self.columns_note = note_label()
        layout.addWidget(self.columns_note)
        self.personal_check = QCheckBox(
            "These assets are &personal data (a person's skills): keep them out of exports"
        )
        layout.addWidget(self.personal_check)
        layout.addStretch(1)
        return page

    def _build_location_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self._add_location_radios(page, grid)
        self._build_coordinate_inputs()
        self.geometry_note = note_label()
        grid.addWidget(self.geometry_note, 0, 1, 1, 4)
        self._place_pair(grid, 1, "Latitude", "lat", "Longitude", "lon")
        self._place_pair(grid, 2, "X", "x", "Y", "y")
        grid.addWidget(self._labelled("Coordinate system", self.xy_crs_edit), 2, 5)
        grid.addWidget(self._labelled("Column", self.coordinate_combos["wkt"]), 3, 1, 1, 2)
        grid.addWidget(self._labelled("Coordinate system", self.wkt_crs_edit), 3, 5)
        self.detected_note = note_label()
        grid.addWidget(self.detected_note, 5, 0, 1, 6)
        grid.addWidget(self._build_postcode_index(), 6, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(7, 1)
        return page

    def _add_location_radios(self, page: QWidget, grid: QGridLayout) -> None:
        """One radio per way of placing rows, down the tab's first column."""
        self.location_group = QButtonGroup(page)
        self.location_radios: dict[str, QRadioButton] = {}
        texts = {
            pv.GEOMETRY: "The file's own &geometry",
            pv.LAT_LON: "L&atitude and longitude columns",
            pv.XY: "&X and Y columns (e.g. eastings, northings)",
            pv.WKT: "&WKT geometry column",
            pv.NO_COORDINATES: "No coordinates: place by &postcode only",
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
            key: ColumnCombo(f"{label.capitalize()} column")
            for key, label in COORDINATE_LABELS.items()
        }
        for combo in self.coordinate_combos.values():
            combo.currentIndexChanged.connect(self._on_location_changed)
        self.xy_crs_edit = self._crs_edit("Coordinate system of X and Y")
        self.wkt_crs_edit = self._crs_edit("Coordinate system of the WKT")

    def _crs_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText("e.g. EPSG:27700")
        edit.setMaximumWidth(140)
        edit.textChanged.connect(self._on_location_changed)
        return edit

    def _place_pair(
        self, grid: QGridLayout, row: int, first: str, a: str, second: str, b: str
    ) -> None:
        grid.addWidget(self._labelled(first, self.coordinate_combos[a]), row, 1, 1, 2)
        grid.addWidget(self._labelled(second, self.coordinate_combos[b]), row, 3, 1, 2)

    @staticmethod
    def _labelled(text: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text + ":")
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def _build_postcode_index(self) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.postcode_index_edit = QLineEdit(str(settings().value(SETTING_POSTCODE_INDEX, "")))
        self.postcode_index_edit.setAccessibleName("Postcode index file")
        self.postcode_index_edit.setPlaceholderText(
            "optional: OS Code-Point Open zip, or a CSV of postcodes with coordinates"
        )
        browse = QPushButton("Br&owse…")
        browse.setAccessibleName("Browse for a postcode index file")
        browse.clicked.connect(self._browse_postcode_index)
        self.postcode_index_edit.editingFinished.connect(self._on_postcode_index_typed)
        label = QLabel("Postcode &index:")
        label.setBuddy(self.postcode_index_edit)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.postcode_index_edit, 0, 1)
        layout.addWidget(browse, 0, 2)
        self.postcode_note = note_label()
        layout.addWidget(self.postcode_note, 1, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        return box

    def _build_category_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.category_fixed = QRadioButton("&One category for every asset:")
        self.category_from_column = QRadioButton("Category &from a column:")
        group = QButtonGroup(page)
        group.addButton(self.category_fixed)
        group.addButton(self.category_from_column)
        self.category_fixed.setChecked(True)
        self.category_combo = CategoryCombo(self.cats, "Category of every asset")
        self.category_combo.set_key(UNCATEGORISED)
        self.category_column = ColumnCombo("Column holding each asset's category")
        self.values_table = self._build_values_table()
        unknown_row = self._build_unknown_row(page)
        self.values_note = note_label()
        self.category_note = note_label()
        self.category_note.setAccessibleName("About the category")
        grid.addWidget(self.category_fixed, 0, 0)
        grid.addWidget(self.category_combo, 0, 1)
        grid.addWidget(self.category_note, 0, 2)
        grid.addWidget(self.category_from_column, 1, 0)
        grid.addWidget(self.category_column, 1, 1)
        grid.addWidget(self.values_table, 2, 0, 1, 3)
        grid.addLayout(unknown_row, 3, 0, 1, 3)
        grid.addWidget(self.values_note, 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(2, 1)
        for widget in (self.category_fixed, self.category_from_column, self.unknown_new):
            widget.toggled.connect(self._on_category_changed)
        self.category_combo.currentIndexChanged.connect(self._refresh)
        self.category_column.currentIndexChanged.connect(self._fill_values)
        self._on_category_changed()
        return page

    def _build_unknown_row(self, page: QWidget) -> QHBoxLayout:
        """What happens to values that match no category: new categories, or Uncategorised."""
        self.unknown_new = QRadioButton("make a &new category for each")
        self.unknown_uncategorised = QRadioButton("put them under &Uncategorised")
        unknown_group = QButtonGroup(page)
        unknown_group.addButton(self.unknown_new)
        unknown_group.addButton(self.unknown_uncategorised)
        self.unknown_new.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Values that match no category:"))
        row.addWidget(self.unknown_new)
        row.addWidget(self.unknown_uncategorised)
        row.addStretch(1)
        return row

    def _build_values_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setAccessibleName("Category of each value")
        table.setHorizontalHeaderLabels(["Value in the file", "Rows", "Category"])
        table.verticalHeader().setDefaultSectionSize(28)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    # ---- filling from the preview
    def _fill_mapping(self, result: pv.Preview) -> None:
        self.fields.set_columns(result.columns, result.fields)
        for combo in self.coordinate_combos.values():
            combo.blockSignals(True)
            combo.set_columns(result.columns)
            combo.blockSignals(False)
        self._fill_location(result)
        self.category_column.blockSignals(True)
        self.category_column.set_columns(result.columns)
        self.category_column.set_column(result.category_column)
        self.category_column.blockSignals(False)
        self.category_from_column.setChecked(result.category_column is not None)
        self.category_fixed.setChecked(result.category_column is None)
        self._fill_values()
        self._update_columns_note()

    def _fill_location(self, result: pv.Preview) -> None:
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
            else "assetmap reads the coordinate columns it recognises; choose other columns"
        )
        self.geometry_note.setText(
            f"{result.geometry_type or ''} in {result.crs or 'an unknown coordinate system'}"
            if has_geometry
            else "this file has no geometry"
        )
        self.location_radios[guess.source].setChecked(True)
        self.detected_note.setText(f"Detected: {guess.description}.")
        self._on_location_changed()

    @Slot()
    def _fill_values(self) -> None:
        """One row per distinct value, preselected by the taxonomy's own matching."""
        self.values_table.setRowCount(0)
        column = self.category_column.column()
        if self.preview is None or column is None:
            self.values_note.setText("")
            self._refresh()
            return
        values = pv.distinct_values(self.preview.frame, column, CATEGORY_VALUES + 1)
        shown = values[:CATEGORY_VALUES]
        self.values_table.setRowCount(len(shown))
        for row, (value, count) in enumerate(shown):
            self._add_value_row(row, value, count)
        more = len(values) - len(shown)
        self.values_note.setText(
            f"Only the {CATEGORY_VALUES} commonest values are listed; the others follow the "
            "rule above."
            if more
            else ""
        )
        self._refresh()

    def _add_value_row(self, row: int, value: str, count: int) -> None:
        self.values_table.setItem(row, 0, QTableWidgetItem(value))
        count_item = QTableWidgetItem(f"{count:,}")
        count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.values_table.setItem(row, 1, count_item)
        combo = CategoryCombo(self.cats, f"Category for '{value}'", rule=self._unknown_text(value))
        match = categories.resolve(self.session.project, value)
        combo.set_key(match.key if match else None)
        combo.currentIndexChanged.connect(self._refresh)
        self.values_table.setCellWidget(row, 2, combo)

    def _unknown_rule(self) -> str:
        return UNKNOWN_NEW if self.unknown_new.isChecked() else UNKNOWN_UNCATEGORISED

    def _unknown_text(self, value: str) -> str:
        return f"New category “{value}”" if self.unknown_new.isChecked() else "Uncategorised"

    # ---- reacting
    @Slot()
    def _on_fields_changed(self) -> None:
        self._update_columns_note()
        self._refresh()

    @Slot()
    def _on_location_changed(self) -> None:
        source = self._location_source()
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
        self._update_postcode_note()
        self._refresh()

    @Slot()
    def _on_category_changed(self) -> None:
        from_column = self.category_from_column.isChecked()
        self.category_combo.setEnabled(not from_column)
        for widget in (
            self.category_column,
            self.values_table,
            self.unknown_new,
            self.unknown_uncategorised,
        ):
            widget.setEnabled(from_column)
        for row in range(self.values_table.rowCount()):
            combo, item = self.values_table.cellWidget(row, 2), self.values_table.item(row, 0)
            if isinstance(combo, CategoryCombo) and item is not None:
                combo.setItemText(0, self._unknown_text(item.text()))
        self._refresh()

    @Slot()
    def _on_postcode_index_typed(self) -> None:
        """Enter or leaving the field: say at once whether the file is there."""
        self._update_postcode_note()
        self._refresh()

    @Slot()
    def _browse_postcode_index(self) -> None:
        start = self.postcode_index_edit.text().strip() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a postcode index",
            start,
            f"Postcode files (*.zip *.csv *.xlsx *.gz);;{ALL_FILES}",
        )
        if chosen:
            self.postcode_index_edit.setText(chosen)
            self._on_postcode_index_typed()

    def _update_columns_note(self) -> None:
        if self.preview is None:
            return
        mapping = self.fields.mapping()
        notes = []
        if "address" not in mapping and self.preview.address_parts:
            notes.append("Address is built from " + ", ".join(self.preview.address_parts) + ".")
        if "opening_hours" not in mapping and self.preview.opening_days:
            notes.append(f"Opening hours come from {len(self.preview.opening_days)} day columns.")
        notes.append(
            "Columns not used here are kept with each asset as extra fields; nothing is lost."
        )
        styling = [c for c in styling_columns(self.preview.frame) if c not in mapping.values()]
        if styling:
            names = ", ".join(styling)
            notes.append(
                f"Not kept: {names}, which only say how another map program drew the points."
            )
        self.columns_note.setText(" ".join(notes))
        self._update_postcode_note()

    def _update_postcode_note(self) -> None:
        postcode = self.fields.mapping().get("postcode")
        if postcode is None:
            text = "No postcode column is chosen, so rows without coordinates stay unplaced."
        else:
            text = (
                f"Rows without coordinates are placed by their postcode ('{postcode}'), from this "
                "file or, without one, from the postcodes the project already holds."
            )
        self.postcode_note.setText(text)

    # ---- what the user chose
    def _location_source(self) -> str:
        for source, radio in self.location_radios.items():
            if radio.isChecked():
                return source
        return pv.NO_COORDINATES

    def _coordinate_fields(self) -> dict[str, str]:
        keys = {pv.LAT_LON: ("lat", "lon"), pv.XY: ("x", "y"), pv.WKT: ("wkt",)}
        chosen = {
            k: self.coordinate_combos[k].column() for k in keys.get(self._location_source(), ())
        }
        return {k: v for k, v in chosen.items() if v}

    def _crs_text(self) -> str | None:
        """A CRS only when the user's differs from what the importer would guess itself."""
        assert self.preview is not None and self.preview.coordinates is not None
        source, guess = self._location_source(), self.preview.coordinates
        if source == pv.XY:
            text = self.xy_crs_edit.text().strip()
            same = guess.source == pv.XY and guess.columns == self._coordinate_fields()
            return None if not text or (same and text.upper() == (guess.crs or "")) else text
        if source == pv.WKT:
            text = self.wkt_crs_edit.text().strip()
            return None if not text or text.upper() == "EPSG:4326" else text
        return None

    def _category_map(self) -> dict[str, str]:
        mapping = {}
        for row in range(self.values_table.rowCount()):
            combo = self.values_table.cellWidget(row, 2)
            item = self.values_table.item(row, 0)
            if isinstance(combo, CategoryCombo) and item is not None and combo.key():
                mapping[item.text()] = str(combo.key())
        return mapping

    def _options(self) -> AssetImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        coords = self._coordinate_fields()
        from_column = self.category_from_column.isChecked()
        index = self.postcode_index_edit.text().strip()
        return AssetImportOptions(
            category=None if from_column else self.category_combo.key(),
            category_field=self.category_column.column() if from_column else None,
            category_map=self._category_map() if from_column else {},
            unknown_categories=self._unknown_rule(),
            name_field=mapping.get("name"),
            postcode_field=mapping.get("postcode"),
            field_map={k: v for k, v in mapping.items() if k not in ("name", "postcode")},
            lat_field=coords.get("lat"),
            lon_field=coords.get("lon"),
            x_field=coords.get("x"),
            y_field=coords.get("y"),
            wkt_field=coords.get("wkt"),
            crs=self._crs_text(),
            postcode_index=index or None,
            layer=self.preview.layer,
            personal_data=self.personal_check.isChecked(),
        )

    def _mapping_problem(self) -> str | None:
        return next((p for p in self._part_problems() if p is not None), None)

    def _part_problems(self) -> list[str | None]:
        """Columns, Location, Category: each step's own problem, shown on that step."""
        columns = None
        if "name" not in self.fields.mapping():
            columns = "Choose the column that holds each asset's name."
        category = None
        if self.category_from_column.isChecked() and self.category_column.column() is None:
            category = "Choose the column that holds each asset's category."
        return [columns, self._location_problem(), category]

    def _location_problem(self) -> str | None:
        source = self._location_source()
        needed = {pv.LAT_LON: 2, pv.XY: 2, pv.WKT: 1}.get(source, 0)
        if len(self._coordinate_fields()) < needed:
            return "Choose the coordinate columns, or another way to place assets."
        if source == pv.XY and not self.xy_crs_edit.text().strip():
            return (
                "Type the coordinate system of the X and Y columns, e.g. EPSG:27700 for British "
                "National Grid."
            )
        crs = self._crs_text()
        if crs is not None:
            try:
                CRS.from_user_input(crs)
            except CRSError:
                return f"'{crs}' is not a coordinate system assetmap knows; try EPSG:27700."
        index = self.postcode_index_edit.text().strip()
        if index and not Path(index).expanduser().is_file():
            return f"The postcode index file {index} does not exist."
        return None

    def _after_refresh(self) -> None:
        self._update_category_note()

    def _update_category_note(self) -> None:
        """Uncategorised is a choice too, but rarely the one meant: say what it means."""
        everything_uncategorised = (
            self.category_fixed.isChecked() and self.category_combo.key() == UNCATEGORISED
        )
        rows = self.preview.row_count if self.preview is not None else 0
        self.category_note.setText(
            f"All {rows:,} {self.noun} would be Uncategorised: choose the category they belong "
            "to, or take it from a column."
            if everything_uncategorised
            else ""
        )

    def _highlights(self) -> dict[str, str]:
        used: dict[str, str] = {}
        for key, column in self.fields.mapping().items():
            used.setdefault(column, ASSET_FIELD_LABELS[key].lower())
        for key, column in self._coordinate_fields().items():
            used.setdefault(column, COORDINATE_LABELS[key])
        if self.category_from_column.isChecked() and self.category_column.column():
            used.setdefault(str(self.category_column.column()), "category")
        if self.preview is not None and "address" not in self.fields.mapping():
            for column in self.preview.address_parts:
                used.setdefault(column, "address part")
        return used

    def _prepare(self) -> Prepare:
        return prepare_assets

    def _command(self, prepared: Any) -> Command:
        return ImportAssets(prepared)

    def _label_column(self) -> tuple[str, str | None]:
        return "Name", self.fields.mapping().get("name")

    def _explain(self, prepared: PreparedAssets) -> None:
        """The importer still uses a column it recognises that the user set to none: say so."""
        chosen = self.fields.mapping()
        for key in ASSET_FIELD_LABELS:
            used = prepared.mapping.get(key)
            if used and key not in chosen:
                prepared.report.notes.append(
                    f"'{used}' is still used for {ASSET_FIELD_LABELS[key].lower()}: assetmap "
                    "always uses a column it recognises"
                )

    # ---- the summary beside the report
    def _choices(self) -> list[SummaryRow]:
        mapping = self.fields.mapping()
        rows: list[SummaryRow] = [("Name", _quoted(mapping.get("name")))]
        others = self._other_columns_text(mapping)
        if others:
            rows.append(("Other columns", others))
        rows.append(("Location", self._location_text()))
        rows.append(("Postcodes", self._postcode_text(mapping.get("postcode"))))
        rows.append(("Category", self._category_text()))
        prepared = self.prepared
        if isinstance(prepared, PreparedAssets):
            kept = [name for name, _label, _type in prepared.field_defs]
            rows.append(("Kept as extra fields", listed(kept) or "none"))
            if prepared.ignored_fields:
                rows.append(("Not kept (map styling)", listed(prepared.ignored_fields)))
        if self.personal_check.isChecked():
            rows.append(("Personal data", "yes: kept out of exports unless chosen"))
        return rows

    def _other_columns_text(self, mapping: dict[str, str]) -> str:
        parts = [
            f"{ASSET_FIELD_LABELS[key]}: '{column}'"
            for key, column in mapping.items()
            if key not in ("name", "postcode")
        ]
        if self.preview is not None and "address" not in mapping and self.preview.address_parts:
            parts.append("Address: built from " + listed(self.preview.address_parts))
        days = self.preview.opening_days if self.preview is not None else []
        if "opening_hours" not in mapping and days:
            parts.append(f"Opening hours: from {len(days)} day columns")
        return "; ".join(parts)

    def _location_text(self) -> str:
        assert self.preview is not None
        source, columns = self._location_source(), self._coordinate_fields()
        if source == pv.GEOMETRY:
            kind = self.preview.geometry_type or "geometry"
            return f"the file's own {kind} geometry, in {self.preview.crs or 'an unknown CRS'}"
        if source == pv.LAT_LON:
            lat, lon = _quoted(columns.get("lat")), _quoted(columns.get("lon"))
            return f"latitude {lat}, longitude {lon} (WGS 84)"
        if source == pv.XY:
            x, y = _quoted(columns.get("x")), _quoted(columns.get("y"))
            return f"X {x}, Y {y}, in {_crs_words(self.xy_crs_edit.text())}"
        if source == pv.WKT:
            wkt = _quoted(columns.get("wkt"))
            return f"WKT geometry in {wkt}, in {_crs_words(self.wkt_crs_edit.text())}"
        return "by postcode only"

    def _postcode_text(self, column: str | None) -> str:
        if column is None:
            return "no postcode column: rows without coordinates stay unplaced"
        index = self.postcode_index_edit.text().strip()
        where = Path(index).name if index else "the postcodes the project already holds"
        return f"'{column}', for rows without coordinates, looked up in {where}"

    def _category_text(self) -> str:
        if not self.category_from_column.isChecked():
            if self.category_combo.key() == UNCATEGORISED:
                return "Uncategorised for every asset: none was chosen"
            return f"{self.category_combo.currentText()} for every asset"
        column = self.category_column.column()
        chosen = len(self._category_map())
        values = self.values_table.rowCount()
        unknown = (
            "a new category for each" if self._unknown_rule() == UNKNOWN_NEW else "Uncategorised"
        )
        return (
            f"from column '{column}': {chosen} of {values} values matched to a category; "
            f"the others get {unknown}"
        )

    def _after_commit(self) -> None:
        """Offer the same postcode index next time: it is usually the same Code-Point file."""
        index = self.postcode_index_edit.text().strip()
        if index:
            settings().setValue(SETTING_POSTCODE_INDEX, index)


def _quoted(column: str | None) -> str:
    return f"'{column}'" if column else "none"


def _crs_words(text: str) -> str:
    """'EPSG:27700 (British National Grid)': the code as typed, with its name when known."""
    text = text.strip()
    if not text:
        return "an unknown coordinate system"
    try:
        return f"{text} ({CRS.from_user_input(text).name})"
    except CRSError:
        return text
