"""Importing assets from points, sites, coordinates, WKT or postcodes, with their categories.

The mapping has three steps, walked in order so none is missed: which columns fill the asset's
fields, how each row is placed on the map, and which category each row gets (one for all, or
one per value of a column, every value listed with the category the importer matches it to,
which the user may change). The last step sums them up beside the check's report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.category_match import same_name
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.commands.categories import MAX_SYNONYM_LENGTH, EditCategory
from assetmap.core.commands.imports import ImportAssets
from assetmap.core.io import identity
from assetmap.core.io import preview as pv
from assetmap.core.io.asset_import import (
    UNKNOWN_NEW,
    UNKNOWN_UNCATEGORISED,
    AssetImportOptions,
    PreparedAssets,
    prepare_assets,
)
from assetmap.core.io.fields import is_identifier_name, styling_columns
from assetmap.core.io.values import text_objects
from assetmap.core.taxonomy import UNCATEGORISED
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog, settings
from assetmap.qt.dialogs.imports.category_combo import CategoryCombo
from assetmap.qt.dialogs.imports.category_values import CategoryValuesTable, ValueRow
from assetmap.qt.dialogs.imports.field_mapping import ColumnCombo, FieldMapper
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed
from assetmap.qt.dialogs.imports.style import HINT_STYLE, note_label
from assetmap.qt.dialogs.imports.workers import Prepare

CATEGORY_PART = 2
MANY_VALUES = 500  # more different values than a column of categories usually has
# Names a council list gives the column holding each row's kind of asset, besides "category".
CATEGORY_LIKE_NAMES = frozenset(
    {"type", "kind", "asset type", "service type", "facility type", "site type", "place type",
     "organisation type", "provider type", "sector", "service", "services"}
)  # fmt: skip


def _norm_name(column: str) -> str:
    return " ".join(column.replace("_", " ").replace("-", " ").lower().split())


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
        self.mapping_splitter = self._with_preview(self.parts, hint)
        self.mapping_splitter.setSizes([290, 330])
        return self.mapping_splitter

    @Slot()
    def _fit_splitter_to_part(self) -> None:
        """The Category step's table lists every value of a column: give it most of the height."""
        listing = (
            self.parts.currentIndex() == CATEGORY_PART and self.category_from_column.isChecked()
        )
        total = sum(self.mapping_splitter.sizes())
        top = round(total * (0.74 if listing else 0.47))
        self.mapping_splitter.setSizes([top, total - top])

    def _show_mapping_part(self, part: int) -> None:
        self.parts.setCurrentIndex(part)
        self._fit_splitter_to_part()

    def _build_columns_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.fields = FieldMapper(list(ASSET_FIELD_LABELS.items()), columns=2)
        self.fields.changed.connect(self._on_fields_changed)
        layout.addWidget(self.fields)
        self.columns_note = note_label()
        layout.addWidget(self.columns_note)
        layout.addLayout(self._build_match_row())
        self.match_note = note_label()
        layout.addWidget(self.match_note)
        self.personal_check = QCheckBox(
            "These assets are &personal data (a person's skills): keep them out of exports"
        )
        self.personal_check.clicked.connect(self._personal_clicked)
        self._personal_own = False  # the user's choice, where the category leaves it to them
        layout.addWidget(self.personal_check)
        layout.addStretch(1)
        return page

    def _build_match_row(self) -> QHBoxLayout:
        """How a row is found again when this file (or an updated copy) is imported again."""
        row = QHBoxLayout()
        label = QLabel("&Match rows again by:")
        self.match_combo = QComboBox()
        self.match_combo.setAccessibleName("Match rows again by")
        self.match_combo.setToolTip(
            "Importing this file again updates the assets it made instead of adding them "
            "twice: an identifier column (a URN, an ODS code) is best; else name and postcode"
        )
        self.match_combo.currentIndexChanged.connect(self._on_match_chosen)
        self._match_chosen_by_user = False
        label.setBuddy(self.match_combo)
        row.addWidget(label)
        row.addWidget(self.match_combo, 1)
        return row

    def _fill_match_choices(self) -> None:
        """Field keys, then each column as an identifier; the proposed one marked and chosen
        unless the user has chosen another."""
        if self.preview is None:
            return
        current = self._match_choice() if self._match_chosen_by_user else None
        proposed = self._proposed_key()
        choices: list[tuple[str, tuple[str, Any]]] = [
            (identity.ImportKey(parts).describe().capitalize(), ("key", parts))
            for parts in (identity.NAME_POSTCODE, identity.NAME_POSITION, ("name", "address"))
        ]
        choices += [(f"Identifier column '{c}'", ("id", c)) for c in self.preview.columns]
        self.match_combo.blockSignals(True)
        self.match_combo.clear()
        for text, data in choices:
            mark = " (proposed)" if data == proposed else ""
            self.match_combo.addItem(text + mark)
        self._match_choices = [data for _text, data in choices]
        wanted = current if current is not None else proposed
        found = self._match_choices.index(wanted) if wanted in self._match_choices else 0
        self.match_combo.setCurrentIndex(found)
        self.match_combo.blockSignals(False)
        self._update_match_note()

    def _proposed_key(self) -> tuple[str, Any]:
        """An identifier-like column whose values differ in every previewed row, else the
        default key (name and postcode, or name and position without postcodes)."""
        assert self.preview is not None
        frame = self.preview.frame
        for column in self.preview.columns:
            values = frame[column].dropna().astype(str).str.strip()
            values = values[values != ""]
            if is_identifier_name(column) and len(values) == len(frame) and values.is_unique:
                return ("id", column)
        return ("key", identity.default_key(self.fields.mapping()).parts)

    def _on_match_chosen(self, _index: int) -> None:
        self._match_chosen_by_user = True
        self._update_match_note()
        self._refresh()

    def _match_choice(self) -> tuple[str, Any] | None:
        """The chosen key as (kind, value), kept in Python: Qt turns tuples into lists."""
        index = self.match_combo.currentIndex()
        choices = getattr(self, "_match_choices", [])
        return choices[index] if 0 <= index < len(choices) else None

    def _match_key(self) -> identity.ImportKey:
        kind, value = self._match_choice() or self._proposed_key()
        return identity.ImportKey(id_column=value) if kind == "id" else identity.ImportKey(value)

    def _update_match_note(self) -> None:
        if self.preview is None:
            return
        name = self.preview.path.name
        earlier = identity.earlier_assets(self.session.project, name)
        live = int((earlier["deleted"] == 0).sum()) if len(earlier) else 0
        key = self._match_key().describe()
        if live:
            text = (
                f"{live:,} assets came from a file named {name}: this import updates them "
                f"where {key} match, adds the new rows, and lists (and keeps) those no longer "
                "in the file."
            )
        else:
            text = f"Importing {name} again later will update these assets where {key} match."
        self.match_note.setText(text)

    def _personal_clicked(self, checked: bool) -> None:
        self._personal_own = checked

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
        layout = QVBoxLayout(page)
        self.category_fixed = QRadioButton("&One category for every asset:")
        self.category_from_column = QRadioButton("Category &from a column:")
        group = QButtonGroup(page)
        group.addButton(self.category_fixed)
        group.addButton(self.category_from_column)
        self.category_fixed.setChecked(True)
        self.category_combo = CategoryCombo(self.cats, "Category of every asset")
        self.category_combo.set_key(UNCATEGORISED)
        self.category_column = ColumnCombo("Column holding each asset's category")
        choices = QHBoxLayout()
        for widget, stretch in (
            (self.category_fixed, 0),
            (self.category_combo, 1),
            (self.category_from_column, 0),
            (self.category_column, 1),
        ):
            choices.addWidget(widget, stretch)
        choices.insertSpacing(2, 16)
        self.values_summary = note_label()
        self.values_summary.setAccessibleName("What the values match")
        self.values_table = CategoryValuesTable(self.cats)
        self.remember_check = QCheckBox()
        self.remember_check.setAccessibleName("Remember my choices as other names")
        self.personal_note = QLabel()
        self.personal_note.setWordWrap(True)
        self.personal_note.setStyleSheet(HINT_STYLE)
        self.personal_note.setAccessibleName("Personal data")
        self.personal_note.hide()
        self.unknown_row = QWidget()
        unknown_layout = self._build_unknown_row(page)
        self.unknown_row.setLayout(unknown_layout)
        unknown_layout.setContentsMargins(0, 0, 0, 0)
        self.column_hint = note_label(
            "To give each asset the category its file names, choose “Category from a column”: "
            "every value of that column is listed with the category it matches, to change if "
            "you like."
        )
        self.category_note = note_label()
        self.category_note.setAccessibleName("About the category")
        layout.addLayout(choices)
        layout.addWidget(self.category_note)
        layout.addWidget(self.values_summary)
        layout.addWidget(self.values_table, 1)
        layout.addWidget(self.unknown_row)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.column_hint)
        layout.addWidget(self.personal_note)
        layout.addStretch(0)
        for widget in (self.category_fixed, self.category_from_column, self.unknown_new):
            widget.toggled.connect(self._on_category_changed)
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self.category_column.currentIndexChanged.connect(self._fill_values)
        self.values_table.changed.connect(self._on_values_changed)
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

    # ---- filling from the preview
    def _fill_mapping(self, result: pv.Preview) -> None:
        self.fields.set_columns(result.columns, result.fields)
        for combo in self.coordinate_combos.values():
            combo.blockSignals(True)
            combo.set_columns(result.columns)
            combo.blockSignals(False)
        self._fill_location(result)
        column = result.category_column or self._column_naming_categories(result)
        self.category_column.blockSignals(True)
        self.category_column.set_columns(result.columns)
        self.category_column.set_column(column)
        self.category_column.blockSignals(False)
        self.category_from_column.setChecked(column is not None)
        self.category_fixed.setChecked(column is None)
        self._fill_values()
        self._update_columns_note()
        self._match_chosen_by_user = False
        self._fill_match_choices()

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
    def _column_naming_categories(self, result: pv.Preview) -> str | None:
        """A 'Type' or 'Kind' column whose values mostly name the project's categories.

        Council lists call the category many things; offering the column saves every row
        from arriving Uncategorised, and the Category step shows each value's match to check.
        Only when most rows match: a generic 'Type' column (of building, of record) is not it.
        """
        matcher = categories.matcher(self.session.project)
        frame = result.frame
        for column in result.columns:
            if _norm_name(column) not in CATEGORY_LIKE_NAMES:
                continue
            counts = pv.distinct_values(frame, column, MANY_VALUES)
            total = sum(n for _value, n in counts)
            matched = sum(n for value, n in counts if matcher.match(value).key is not None)
            if total and matched >= 0.5 * len(frame):
                return column
        return None

    def _fill_values(self) -> None:
        """Every distinct value (blank cells too), preselected by the importer's own matching."""
        column = self.category_column.column()
        counts: list[tuple[str, int]] = []
        if self.preview is not None and column is not None:
            frame = self.preview.frame
            counts = pv.distinct_values(frame, column, len(frame) + 1)
            blank = int(text_objects(frame[column]).isna().sum())
            if blank:
                counts.append(("", blank))
        busy = len(counts) > MANY_VALUES  # a second or two: say so
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.values_table.fill(counts, categories.matcher(self.session.project))
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        self._refresh()

    def _unknown_rule(self) -> str:
        return UNKNOWN_NEW if self.unknown_new.isChecked() else UNKNOWN_UNCATEGORISED

    # ---- reacting
    @Slot()
    def _on_fields_changed(self) -> None:
        self._update_columns_note()
        self._fill_match_choices()
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
        self.category_column.setEnabled(from_column)
        for widget in (self.values_summary, self.values_table, self.unknown_row):
            widget.setVisible(from_column)
        self.column_hint.setVisible(not from_column)
        if self._built:
            self._fit_splitter_to_part()
        self.values_table.set_rule(self.unknown_new.isChecked())
        self._on_values_changed()

    @Slot()
    def _on_values_changed(self) -> None:
        self._update_values_summary()
        self._update_remember_check()
        self._update_personal_data()
        self._refresh()

    def _update_values_summary(self) -> None:
        table = self.values_table
        column = self.category_column.column()
        if not self.category_from_column.isChecked() or column is None or not table.value_rows:
            self.values_summary.setText("")
            return
        values = table.value_rows
        unmatched = len(table.unmatched())
        by_hand = sum(1 for e in values if e.by_hand)
        where = "new categories" if self.unknown_new.isChecked() else "Uncategorised"
        parts = [f"{len(values) - unmatched:,} go to a category"]
        if unmatched:
            parts.append(f"{unmatched:,} match none (marked; they go to {where})")
        if by_hand:
            parts.append(f"{by_hand:,} chosen by you")
        text = (
            f"{_count(len(values), 'different value')} in '{column}': {', '.join(parts)}. "
            "Click a category to change it."
        )
        if len(values) > MANY_VALUES:
            text += " That is a lot for a category: is it the right column?"
        self.values_summary.setText(text)

    def _update_remember_check(self) -> None:
        remembered = self._names_to_remember()
        n = sum(len(v) for v in remembered.values())
        self.remember_check.setVisible(bool(n))
        if n:
            self.remember_check.setText(
                f"&Remember {_count(n, 'value')} you chose as other names of their categories, "
                "so the next import matches them"
            )

    def _update_personal_data(self) -> None:
        """Rows going to a personal-data category are flagged whatever the tick box says."""
        personal = {c.key: c for c in self.cats if c.personal_data}
        if self.category_from_column.isChecked():
            rows = self.values_table.rows_in(set(personal))
            labels = sorted(
                {
                    personal[e.chosen].label
                    for e in self.values_table.value_rows
                    if e.chosen in personal
                }
            )
        else:
            key = self.category_combo.key()
            rows = self.preview.row_count if self.preview is not None and key in personal else 0
            labels = [personal[key].label] if key in personal else []
        forced = not self.category_from_column.isChecked() and bool(labels)
        self.personal_check.setChecked(True if forced else self._personal_own)
        self.personal_check.setEnabled(not forced)
        if not labels:
            self.personal_note.hide()
            self.personal_check.setToolTip("")
            return
        names = " and ".join(f"“{label}”" for label in labels)
        text = (
            f"{_count(rows, 'row')} go to {names}, which holds personal data: those assets are "
            "flagged and left out of exports unless an export includes personal data."
        )
        self.personal_note.setText(text)
        self.personal_note.show()
        self.personal_check.setToolTip(text)

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
        return self.values_table.category_map()

    def _names_to_remember(self) -> dict[str, list[str]]:
        """Category key -> values chosen by hand that no category goes by yet."""
        out: dict[str, list[str]] = {}
        if not self.category_from_column.isChecked():
            return out
        for entry in self.values_table.chosen_by_hand():
            if self._rememberable(entry):
                out.setdefault(str(entry.chosen), []).append(entry.value)
        return out

    def _rememberable(self, entry: ValueRow) -> bool:
        if len(entry.value) > MAX_SYNONYM_LENGTH:
            return False
        project = self.session.project
        category = categories.by_key(project).get(str(entry.chosen))
        if category is None or categories.name_owner(project, entry.value, besides=category.key):
            return False
        return not any(same_name(entry.value, n) for n in (category.label, *category.synonyms))

    def _options(self) -> AssetImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        coords = self._coordinate_fields()
        from_column = self.category_from_column.isChecked()
        index = self.postcode_index_edit.text().strip()
        key = self._match_key()
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
            id_field=key.id_column,
            match_key=None if key.id_column else key.parts,
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
        self.category_note.setVisible(everything_uncategorised)

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
        """The import, and with it (one undo step) the other names the user asked to keep."""
        command = ImportAssets(prepared)
        remembered = self._names_to_remember() if self.remember_check.isChecked() else {}
        if not remembered:
            return command
        known = categories.by_key(self.session.project)
        edits: list[Command] = [
            EditCategory(key, {"synonyms": [*known[key].synonyms, *values]})
            for key, values in remembered.items()
        ]
        n = sum(len(values) for values in remembered.values())
        text = f"{command.text}, remembering {_count(n, 'other name')}"
        return CommandGroup([command, *edits], text)

    def _label_column(self) -> tuple[str, str | None]:
        return "Name", self.fields.mapping().get("name")

    def _explain(self, prepared: PreparedAssets) -> None:
        """The importer still uses a column it recognises that the user set to none: say so.
        And the other names that will be remembered, if the user asked."""
        if self.remember_check.isChecked():
            known = categories.by_key(self.session.project)
            for key, values in self._names_to_remember().items():
                names = ", ".join(f"'{v}'" for v in values)
                prepared.report.notes.append(
                    f"{names} will be remembered as other names of '{known[key].label}'"
                )
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
        rows.append(("Matched again by", self._match_key().describe()))
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
        values = len(self.values_table.value_rows)
        matched = values - len(self.values_table.unmatched())
        by_hand = sum(1 for e in self.values_table.value_rows if e.by_hand)
        unknown = (
            "a new category for each" if self._unknown_rule() == UNKNOWN_NEW else "Uncategorised"
        )
        yours = f" ({by_hand} chosen by you)" if by_hand else ""
        return (
            f"from column '{column}': {matched} of {values} values go to a category{yours}; "
            f"the others get {unknown}"
        )

    def _after_commit(self) -> None:
        """Offer the same postcode index next time: it is usually the same Code-Point file."""
        index = self.postcode_index_edit.text().strip()
        if index:
            settings().setValue(SETTING_POSTCODE_INDEX, index)


def _count(n: int, noun: str) -> str:
    return f"1 {noun}" if n == 1 else f"{n:,} {noun}s"


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
