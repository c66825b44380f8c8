"""File ▸ Import ▸ Service directory…: an Open Referral (HSDS 3.0) directory as assets.

The shared import flow (file, mapping, check and import) with one mapping step: every
taxonomy term that decides a service's category, with the category it goes to (the Open
Referral UK defaults, else the spreadsheet import's matching), changeable before the import
as a spreadsheet's category values are. Columns need no mapping: HSDS names its fields.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands.base import Command
from assetmap.core.commands.imports import ImportAssets
from assetmap.core.io import preview as pv
from assetmap.core.io.asset_categories import UNKNOWN_NEW, UNKNOWN_UNCATEGORISED
from assetmap.core.io.openreferral import (
    OpenReferralOptions,
    default_category,
    directory_preview,
    prepare_openreferral,
)
from assetmap.core.io.openreferral.importer import TERM
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.dialogs.imports.base import ALL_FILES, ImportDialog
from assetmap.qt.dialogs.imports.category_values import CategoryValuesTable
from assetmap.qt.dialogs.imports.preview import PREVIEW_ROWS
from assetmap.qt.dialogs.imports.report_view import SummaryRow
from assetmap.qt.dialogs.imports.style import note_label
from assetmap.qt.dialogs.imports.workers import Prepare
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

DIRECTORY_FILES = QT_TRANSLATE_NOOP(
    "ImportDialog", "Open Referral directories (datapackage.json *.zip *.json)"
)
DEFAULT_WHY = QT_TRANSLATE_NOOP("ImportDialog", "Open Referral UK service type")


class ImportServiceDirectoryDialog(ImportDialog):
    """Services of an Open Referral directory, one asset per service at a location."""

    kind = "assets"
    noun = "asset"
    title = QT_TRANSLATE_NOOP("ImportDialog", "Import service directory")
    file_types = f"{DIRECTORY_FILES};;{ALL_FILES}"
    intro = QT_TRANSLATE_NOOP(
        "ImportDialog",
        "Choose an Open Referral (HSDS 3.0 / Open Referral UK) service directory: the data "
        "package (a .zip, or the datapackage.json in its folder) or HSDS JSON (service records "
        "or a page an API returned; type a folder's path for several pages). Each service at a "
        "location becomes an asset, with its organisation and service details kept as fields; "
        "importing the same directory again updates them.",
    )
    mapping_titles = (QT_TRANSLATE_NOOP("ImportDialog", "Categories"),)

    def _build_mapping_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(
            translate(
                "ImportDialog",
                "Each service's category comes from its taxonomy term. Click a category to "
                "choose another; what you choose is imported.",
            )
        )
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 3)
        self.values_table = CategoryValuesTable(categories.all_categories(self.session.project))
        self.values_table.setAccessibleName(
            translate("ImportDialog", "Category of each taxonomy term")
        )
        self.values_table.changed.connect(self._refresh)
        grid.addWidget(self.values_table, 1, 0, 1, 3)
        grid.addWidget(QLabel(translate("ImportDialog", "Terms that match no category:")), 2, 0)
        self.unknown_new = QRadioButton(translate("ImportDialog", "make &new categories"))
        self.unknown_uncategorised = QRadioButton(
            translate("ImportDialog", "put in '&Uncategorised'")
        )
        self.unknown_new.setChecked(True)
        group = QButtonGroup(page)
        for button in (self.unknown_new, self.unknown_uncategorised):
            group.addButton(button)
        self.unknown_new.toggled.connect(self.values_table.set_rule)
        grid.addWidget(self.unknown_new, 2, 1)
        grid.addWidget(self.unknown_uncategorised, 2, 2)
        self.postcode_index_edit = QLineEdit()
        self.postcode_index_edit.setAccessibleName(translate("ImportDialog", "Postcode index"))
        self.postcode_index_edit.setPlaceholderText(
            translate(
                "ImportDialog",
                "the project's postcode index (or a Code-Point Open zip, or a postcode,lat,lon "
                "CSV)",
            )
        )
        label = QLabel(translate("ImportDialog", "&Postcode index:"))
        label.setBuddy(self.postcode_index_edit)
        grid.addWidget(label, 3, 0)
        grid.addWidget(self.postcode_index_edit, 3, 1, 1, 2)
        self.directory_note = note_label()
        grid.addWidget(self.directory_note, 4, 0, 1, 3)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return self._with_preview(
            page, translate("ImportDialog", "First services of the directory:")
        )

    def _preview_work(
        self, path: Path, layer: str | None
    ) -> Callable[[ProgressFn, CancelledFn], pv.Preview]:
        project_path = self.session.project.path

        def work(progress: ProgressFn, cancelled: CancelledFn) -> pv.Preview:
            # Its own connection: SQLite connections stay on the thread that made them.
            with Project.open(project_path) as project:
                return directory_preview(project, path, PREVIEW_ROWS, cancelled)

        return work

    def _fill_mapping(self, result: pv.Preview) -> None:
        project = self.session.project
        assert result.table is not None
        terms = result.table.frame[TERM].fillna("").astype(str)
        counts = [(str(term), int(n)) for term, n in terms.value_counts().items()]
        self.values_table.fill(counts, categories.matcher(project))
        for term, _ in counts:
            key = default_category(project, term) if term else None
            if key:
                self.values_table.suggest(term, key, translate("ImportDialog", DEFAULT_WHY))
        self.directory_note.setText(
            "; ".join(result.notes)
            + ". "
            + translate(
                "ImportDialog",
                "Locations without coordinates are placed by their postcode; impossible "
                "coordinates are reported and not used.",
            )
        )

    def _highlights(self) -> dict[str, str]:
        position = translate("ImportDialog", "position")
        return {
            TERM: translate("ImportDialog", "category"),
            "name": translate("ImportDialog", "name"),
            "latitude": position,
            "longitude": position,
        }

    def _options(self) -> OpenReferralOptions:
        index = self.postcode_index_edit.text().strip()
        return OpenReferralOptions(
            category_map=self.values_table.category_map(),
            unknown_categories=(
                UNKNOWN_NEW if self.unknown_new.isChecked() else UNKNOWN_UNCATEGORISED
            ),
            postcode_index=Path(index).expanduser() if index else None,
        )

    def _prepare(self) -> Prepare:
        return prepare_openreferral

    def _command(self, prepared: Any) -> Command:
        return ImportAssets(prepared)

    def _label_column(self) -> tuple[str, str | None]:
        return translate("ImportDialog", "Service"), "name"

    def _choices(self) -> list[SummaryRow]:
        chosen = self.values_table.chosen_by_hand()
        rows: list[SummaryRow] = [
            (
                translate("ImportDialog", "One asset per"),
                translate("ImportDialog", "service at a location"),
            ),
            (
                translate("ImportDialog", "Identified by"),
                translate("ImportDialog", "the service_at_location id (importing again updates)"),
            ),
            (
                translate("ImportDialog", "Categories"),
                translate("ImportDialog", "{terms} terms, {chosen} chosen by you").format(
                    terms=len(self.values_table.value_rows), chosen=len(chosen)
                ),
            ),
        ]
        return rows
