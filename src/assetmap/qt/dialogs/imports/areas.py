"""Importing boundaries (LSOAs, wards, any polygons) as a new area set."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from assetmap.core import areas
from assetmap.core.commands.base import Command
from assetmap.core.commands.imports import ImportAreaSet
from assetmap.core.io import preview as pv
from assetmap.core.io.area_import import AreaImportOptions, prepare_areas
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.field_mapping import FieldMapper
from assetmap.qt.dialogs.imports.report_view import SummaryRow, listed
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.dialogs.imports.workers import Prepare
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

VECTOR_FILES = QT_TRANSLATE_NOOP(
    "ImportDialog", "Boundary files (*.geojson *.json *.gpkg *.shp *.zip *.gz)"
)


class ImportAreasDialog(ImportDialog):
    """Boundaries (LSOAs, wards, any polygons) as a new area set."""

    kind = "areas"
    noun = "area"
    title = QT_TRANSLATE_NOOP("ImportDialog", "Import areas")
    file_types = f"{VECTOR_FILES};;{ALL_FILES}"
    intro = QT_TRANSLATE_NOOP(
        "ImportDialog",
        "Choose a boundary file: GeoJSON, GeoPackage or Shapefile (also zipped). Each polygon "
        "becomes one area of a new area set; the other columns are kept with the areas.",
    )

    def set_area_set_name(self, name: str) -> None:
        self.set_name_edit.setText(name)

    def _build_mapping_page(self) -> QWidget:
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        self.set_name_edit = QLineEdit()
        self.set_name_edit.setAccessibleName(translate("ImportDialog", "Area set name"))
        self.set_name_edit.setPlaceholderText(
            translate("ImportDialog", "e.g. MSOA 2021 or Wards 2023")
        )
        self.set_name_edit.textChanged.connect(self._refresh)
        label = QLabel(translate("ImportDialog", "Area set &name:"))
        label.setBuddy(self.set_name_edit)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.set_name_edit, 0, 1, 1, 2)
        self.fields = FieldMapper(
            [
                ("code", translate("ImportDialog", "Area code")),
                ("name", translate("ImportDialog", "Area name")),
            ]
        )
        self.fields.changed.connect(self._refresh)
        grid.addWidget(self.fields, 1, 0, 1, 3)
        self.geometry_note = note_label()
        grid.addWidget(self.geometry_note, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return self._with_preview(form)

    def _fill_mapping(self, result: pv.Preview) -> None:
        self.fields.set_columns(result.columns, result.fields)
        self.geometry_note.setText(
            translate(
                "ImportDialog",
                "{rows} of {kind} geometry in {crs}; reprojected to the project's coordinate "
                "system and repaired where invalid.",
            ).format(
                rows=counted(result.row_count, result.row_noun),
                kind=result.geometry_type or "?",
                crs=result.crs or translate("ImportDialog", "an unknown CRS"),
            )
        )

    def _mapping_problem(self) -> str | None:
        assert self.preview is not None
        if not self.preview.has_geometry:
            return translate(
                "ImportDialog",
                "{file} has no geometry: areas come from GeoJSON, GeoPackage or Shapefile "
                "files. Go back and choose another file.",
            ).format(file=self.preview.path.name)
        name = self.set_name_edit.text().strip()
        if not name:
            return translate(
                "ImportDialog", "Give the new area set a name (for example 'MSOA 2021')."
            )
        if name in {info.name for info in areas.list_sets(self.session.project)}:
            return translate(
                "ImportDialog",
                "The project already has an area set called '{name}': choose another name.",
            ).format(name=name)
        if "code" not in self.fields.mapping():
            return translate("ImportDialog", "Choose the column that holds each area's code.")
        return None

    def _highlights(self) -> dict[str, str]:
        labels = {
            "code": translate("ImportDialog", "area code"),
            "name": translate("ImportDialog", "area name"),
        }
        return {column: labels[key] for key, column in self.fields.mapping().items()}

    def _options(self) -> AreaImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        return AreaImportOptions(
            set_name=self.set_name_edit.text().strip(),
            code_field=mapping.get("code"),
            name_field=mapping.get("name"),
            layer=self.preview.layer,
        )

    def _prepare(self) -> Prepare:
        return prepare_areas

    def _command(self, prepared: Any) -> Command:
        return ImportAreaSet(prepared)

    def _label_column(self) -> tuple[str, str | None]:
        return translate("ImportDialog", "Area code"), self.fields.mapping().get("code")

    def _choices(self) -> list[SummaryRow]:
        assert self.preview is not None
        mapping, preview = self.fields.mapping(), self.preview
        none = translate("ImportDialog", "none")
        boundaries = translate(
            "ImportDialog",
            "{kind} geometry in {crs}, reprojected to the project's coordinate system",
        ).format(
            kind=preview.geometry_type or "?",
            crs=preview.crs or translate("ImportDialog", "an unknown CRS"),
        )
        rows: list[SummaryRow] = [
            (translate("ImportDialog", "New area set"), self.set_name_edit.text().strip()),
            (
                translate("ImportDialog", "Area code"),
                f"'{mapping['code']}'" if "code" in mapping else none,
            ),
            (
                translate("ImportDialog", "Area name"),
                f"'{mapping['name']}'" if "name" in mapping else none,
            ),
            (translate("ImportDialog", "Boundaries"), boundaries),
        ]
        if self.prepared is not None and len(self.prepared.extra.columns):
            kept = [str(c) for c in self.prepared.extra.columns]
            rows.append((translate("ImportDialog", "Other columns kept"), listed(kept)))
        return rows

    def _explain(self, prepared: Any) -> None:
        if "name" not in self.fields.mapping() and prepared.info.name_field:
            prepared.report.notes.append(
                translate(
                    "ImportDialog",
                    "'{column}' is used for the area names: assetmap always uses a name column "
                    "it recognises",
                ).format(column=prepared.info.name_field)
            )
