"""Importing assets from points, sites, coordinates, WKT or postcodes, with their categories.

The mapping has three steps, walked in order so none is missed: which columns fill the asset's
fields (``asset_columns``), how each row is placed on the map (``asset_location``), and which
category each row gets (``asset_category``: one for all, or one per value of a column, every
value listed with the category the importer matches it to, which the user may change). The last
step sums them up beside the check's report (``asset_summary``). This module joins the steps
into the dialog and turns their choices into the importer's options.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

from assetmap.core import categories
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.commands.categories import EditCategory
from assetmap.core.commands.imports import ImportAssets
from assetmap.core.io import identity
from assetmap.core.io import preview as pv
from assetmap.core.io.asset_import import AssetImportOptions, PreparedAssets, prepare_assets
from assetmap.qt.dialogs.imports.asset_category import CategoryStep, counted
from assetmap.qt.dialogs.imports.asset_columns import ASSET_FIELD_LABELS, ColumnsStep, field_label
from assetmap.qt.dialogs.imports.asset_location import (
    COORDINATE_LABELS,
    SETTING_POSTCODE_INDEX,
    LocationStep,
)
from assetmap.qt.dialogs.imports.asset_summary import asset_choices
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog, settings
from assetmap.qt.dialogs.imports.report_view import SummaryRow
from assetmap.qt.dialogs.imports.workers import Prepare
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "ASSET_FIELD_LABELS",
    "COORDINATE_LABELS",
    "SETTING_POSTCODE_INDEX",
    "ImportAssetsDialog",
    "prepare_assets",
]

CATEGORY_PART = 2


class ImportAssetsDialog(ImportDialog):
    """Assets from points, sites, coordinates, WKT or postcodes, with their categories.

    Each step's widgets live in its step (``columns``, ``location``, ``category``); the dialog
    keeps their old names (``fields``, ``location_radios``, ``values_table``, ...) as aliases."""

    kind = "assets"
    noun = "asset"
    title = QT_TRANSLATE_NOOP("ImportDialog", "Import assets")
    file_types = (
        QT_TRANSLATE_NOOP(
            "ImportDialog",
            "Data files (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.gpkg *.shp *.zip *.gz)",
        )
        + f";;{ALL_FILES}"
    )
    intro = QT_TRANSLATE_NOOP(
        "ImportDialog",
        "Choose a file of assets: a spreadsheet (CSV or XLSX) with coordinates or postcodes, or "
        "GeoJSON, GeoPackage or Shapefile. Every row is kept: rows that cannot be placed are "
        "imported as unplaced, to be placed by hand.",
    )
    mapping_titles = (
        QT_TRANSLATE_NOOP("ImportDialog", "Columns"),
        QT_TRANSLATE_NOOP("ImportDialog", "Location"),
        QT_TRANSLATE_NOOP("ImportDialog", "Category"),
    )

    # ---- building
    def _build_mapping_page(self) -> QWidget:
        project = self.session.project
        self.cats = categories.all_categories(project)
        self.columns = ColumnsStep(project, lambda: self.preview)
        self.location = LocationStep(lambda: self.fields.mapping().get("postcode"))
        self.category = CategoryStep(project, self.cats, lambda: self.preview)
        self._alias_step_widgets()
        self.columns.changed.connect(self._on_columns_changed)
        self.location.changed.connect(self._refresh)
        self.category.changed.connect(self._on_category_changed)
        self.category.modeChanged.connect(self._on_category_mode_changed)
        self._update_personal_data()
        self.parts = QStackedWidget()
        self.parts.setAccessibleName(translate("ImportDialog", "What the columns are"))
        for step in (self.columns, self.location, self.category):
            self.parts.addWidget(step)
        hint = translate(
            "ImportDialog",
            "First rows of the file (tinted columns are used; the others are kept as fields):",
        )
        self.mapping_splitter = self._with_preview(self.parts, hint)
        self.mapping_splitter.setSizes([290, 330])
        return self.mapping_splitter

    def _alias_step_widgets(self) -> None:
        """The steps' widgets under the names the dialog (and its tests) always used."""
        columns, location, category = self.columns, self.location, self.category
        self.fields = columns.fields
        self.columns_note = columns.columns_note
        self.match_combo = columns.match_combo
        self.match_note = columns.match_note
        self.personal_check = columns.personal_check
        self.location_radios = location.location_radios
        self.coordinate_combos = location.coordinate_combos
        self.xy_crs_edit = location.xy_crs_edit
        self.wkt_crs_edit = location.wkt_crs_edit
        self.postcode_index_edit = location.postcode_index_edit
        self.postcode_note = location.postcode_note
        self.category_fixed = category.category_fixed
        self.category_from_column = category.category_from_column
        self.category_combo = category.category_combo
        self.category_column = category.category_column
        self.values_summary = category.values_summary
        self.values_table = category.values_table
        self.remember_check = category.remember_check
        self.personal_note = category.personal_note
        self.unknown_new = category.unknown_new
        self.unknown_uncategorised = category.unknown_uncategorised
        self.category_note = category.category_note

    @Slot()
    def _fit_splitter_to_part(self) -> None:
        """The Category step's table lists every value of a column: give it most of the height."""
        listing = self.parts.currentIndex() == CATEGORY_PART and self.category.listing()
        total = sum(self.mapping_splitter.sizes())
        top = round(total * (0.74 if listing else 0.47))
        self.mapping_splitter.setSizes([top, total - top])
        self._make_room_for_step()

    def _make_room_for_step(self) -> None:
        """Grow the step above the preview when its notes need more lines than it has."""
        step = self.mapping_splitter.widget(0)
        if step is None:
            return
        sizes = self.mapping_splitter.sizes()
        total = sum(sizes)
        needed = min(step.sizeHint().height(), round(total * 0.74))
        if sizes[0] < needed:
            self.mapping_splitter.setSizes([needed, total - needed])

    def _show_mapping_part(self, part: int) -> None:
        self.parts.setCurrentIndex(part)
        self._fit_splitter_to_part()

    # ---- filling from the preview
    def _fill_mapping(self, result: pv.Preview) -> None:
        self.columns.fill(result)
        self.location.set_columns(result.columns)
        self.location.fill(result)
        self.category.fill(result)
        self.columns.propose_key()
        self.location.update_postcode_note()

    # ---- reacting
    @Slot()
    def _on_columns_changed(self) -> None:
        self.location.update_postcode_note()
        self._refresh()
        if self._built:
            self._make_room_for_step()

    @Slot()
    def _on_category_mode_changed(self) -> None:
        if self._built:
            self._fit_splitter_to_part()

    @Slot()
    def _on_category_changed(self) -> None:
        self._update_personal_data()
        self._refresh()

    def _update_personal_data(self) -> None:
        """Rows going to a personal-data category are flagged whatever the tick box says."""
        rows, labels = self.category.personal_rows()
        forced = not self.category.listing() and bool(labels)
        if not labels:
            self.columns.force_personal(forced, "")
            self.category.show_personal_note("")
            return
        names = translate("ImportDialog", " and ").join(f"“{label}”" for label in labels)
        text = translate(
            "ImportDialog",
            "{rows} go to {categories}, which holds personal data: those assets are flagged and "
            "left out of exports unless an export includes personal data.",
        ).format(rows=counted(rows, "row"), categories=names)
        self.columns.force_personal(forced, text)
        self.category.show_personal_note(text)

    # ---- what the user chose
    def _match_key(self) -> identity.ImportKey:
        return self.columns.match_key()

    def _names_to_remember(self) -> dict[str, list[str]]:
        return self.category.names_to_remember()

    def _options(self) -> AssetImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        coords = self.location.coordinate_fields()
        from_column = self.category.listing()
        index = self.location.postcode_index()
        key = self._match_key()
        return AssetImportOptions(
            category=None if from_column else self.category_combo.key(),
            category_field=self.category_column.column() if from_column else None,
            category_map=self.category.category_map() if from_column else {},
            unknown_categories=self.category.unknown_rule(),
            name_field=mapping.get("name"),
            postcode_field=mapping.get("postcode"),
            field_map={k: v for k, v in mapping.items() if k not in ("name", "postcode")},
            lat_field=coords.get("lat"),
            lon_field=coords.get("lon"),
            x_field=coords.get("x"),
            y_field=coords.get("y"),
            wkt_field=coords.get("wkt"),
            crs=self.location.crs_text(self.preview.coordinates),
            postcode_index=index or None,
            layer=self.preview.layer,
            personal_data=self.personal_check.isChecked(),
            id_field=key.id_column,
            match_key=None if key.id_column else key.parts,
            replaces=self.columns.replaces(),
        )

    def _mapping_problem(self) -> str | None:
        return next((p for p in self._part_problems() if p is not None), None)

    def _part_problems(self) -> list[str | None]:
        """Columns, Location, Category: each step's own problem, shown on that step."""
        columns = None
        if "name" not in self.fields.mapping():
            columns = translate("ImportDialog", "Choose the column that holds each asset's name.")
        guess = self.preview.coordinates if self.preview is not None else None
        location = self.location.problem(guess)
        return [columns, location, self.category.problem()]

    def _after_refresh(self) -> None:
        self.category.update_category_note()

    def _highlights(self) -> dict[str, str]:
        used: dict[str, str] = {}
        for key, column in self.fields.mapping().items():
            used.setdefault(column, field_label(key).lower())
        for key, column in self.location.coordinate_fields().items():
            used.setdefault(column, translate("ImportDialog", COORDINATE_LABELS[key]))
        if self.category.listing() and self.category_column.column():
            used.setdefault(
                str(self.category_column.column()), translate("ImportDialog", "category")
            )
        if self.preview is not None and "address" not in self.fields.mapping():
            for column in self.preview.address_parts:
                used.setdefault(column, translate("ImportDialog", "address part"))
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
        text = translate("ImportDialog", "{change}, remembering {names}").format(
            change=command.text, names=counted(n, "other name")
        )
        return CommandGroup([command, *edits], text)

    def _label_column(self) -> tuple[str, str | None]:
        return translate("ImportDialog", "Name"), self.fields.mapping().get("name")

    def _explain(self, prepared: PreparedAssets) -> None:
        """The importer still uses a column it recognises that the user set to none: say so.
        And the other names that will be remembered, if the user asked."""
        if self.remember_check.isChecked():
            known = categories.by_key(self.session.project)
            for key, values in self._names_to_remember().items():
                names = ", ".join(f"'{v}'" for v in values)
                prepared.report.notes.append(
                    translate(
                        "ImportDialog", "{values} will be remembered as other names of '{category}'"
                    ).format(values=names, category=known[key].label)
                )
        chosen = self.fields.mapping()
        for key in ASSET_FIELD_LABELS:
            used = prepared.mapping.get(key)
            if used and key not in chosen:
                prepared.report.notes.append(
                    translate(
                        "ImportDialog",
                        "'{column}' is still used for {field}: assetmap always uses a column it "
                        "recognises",
                    ).format(column=used, field=field_label(key).lower())
                )

    def _choices(self) -> list[SummaryRow]:
        return asset_choices(
            self.columns, self.location, self.category, self.preview, self.prepared
        )

    def _after_commit(self) -> None:
        """Offer the same postcode index next time: it is usually the same Code-Point file."""
        index = self.location.postcode_index()
        if index:
            settings().setValue(SETTING_POSTCODE_INDEX, index)
