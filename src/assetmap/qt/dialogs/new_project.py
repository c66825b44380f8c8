"""New project: a name and a file, then (optionally) the neighbourhoods to start from.

The coordinate system is chosen from the boundary file's location; it is
shown, and can be changed, but a non-specialist never has to think about it.
"""

from __future__ import annotations

from pathlib import Path

from pyproj import CRS
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from assetmap.core.crs_choice import BNG, suggest_for_file
from assetmap.core.errors import AssetmapError
from assetmap.qt.i18n import translate


class NewProjectWizard(QWizard):
    """Collects the choices; the main window creates the project and runs the import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewProject", "New project"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(640, 420)
        self.crs: CRS = BNG
        self.addPage(self._name_page())
        self.addPage(self._areas_page())

    # ---- page 1 -------------------------------------------------------------------------
    def _name_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(translate("NewProject", "Name your project"))
        page.setSubTitle(
            translate(
                "NewProject",
                "A project is one file holding your map, your assets and your analysis.",
            )
        )
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(translate("NewProject", "Project name"))
        self.name_edit.setPlaceholderText(translate("NewProject", "e.g. Old Trafford assets"))
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(translate("NewProject", "Project file"))
        browse = QPushButton(translate("NewProject", "Choose…"))
        browse.setAccessibleName(translate("NewProject", "Choose where to save the project file"))
        browse.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(page)
        form.addRow(translate("NewProject", "Name"), self.name_edit)
        form.addRow(translate("NewProject", "Save as"), row)
        page.registerField("name*", self.name_edit)
        page.registerField("file*", self.file_edit)
        self.name_edit.textEdited.connect(self._suggest_file)
        return page

    def _suggest_file(self, name: str) -> None:
        if self.file_edit.isModified():
            return
        from assetmap.qt.file_dialogs import PROJECTS, start_folder

        folder = start_folder(PROJECTS)
        slug = "".join(c if c.isalnum() else "_" for c in name.strip().lower()).strip("_")
        self.file_edit.setText(str(folder / f"{slug or 'project'}.gpkg"))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("NewProject", "Save project as"),
            self.file_edit.text(),
            translate("NewProject", "assetmap project (*.gpkg)"),
        )
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            self.file_edit.setText(path)
            self.file_edit.setModified(True)

    # ---- page 2 -------------------------------------------------------------------------
    def _areas_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(translate("NewProject", "Your neighbourhoods (optional)"))
        page.setSubTitle(
            translate(
                "NewProject",
                "Boundaries to map assets onto, e.g. LSOAs or wards: GeoJSON, GeoPackage or a "
                "zipped Shapefile. You can add more later with Import › Neighbourhoods.",
            )
        )
        self.areas_edit = QLineEdit()
        self.areas_edit.setAccessibleName(translate("NewProject", "Boundary file"))
        browse = QPushButton(translate("NewProject", "Choose…"))
        browse.setAccessibleName(translate("NewProject", "Choose a boundary file"))
        browse.clicked.connect(self._choose_areas)
        row = QHBoxLayout()
        row.addWidget(self.areas_edit, 1)
        row.addWidget(browse)
        self.set_name_edit = QLineEdit(translate("NewProject", "Neighbourhoods"))
        self.set_name_edit.setAccessibleName(translate("NewProject", "Name for these areas"))
        self.crs_label = QLabel(translate("NewProject", "{crs} (the default)").format(crs=BNG.name))
        self.crs_label.setAccessibleName(translate("NewProject", "Coordinate system"))
        change = QPushButton(translate("NewProject", "Change…"))
        change.setAccessibleName(translate("NewProject", "Change the coordinate system"))
        change.clicked.connect(self._change_crs)
        crs_row = QHBoxLayout()
        crs_row.addWidget(self.crs_label, 1)
        crs_row.addWidget(change)
        form = QFormLayout(page)
        form.addRow(translate("NewProject", "Boundary file"), row)
        form.addRow(translate("NewProject", "Call them"), self.set_name_edit)
        form.addRow(translate("NewProject", "Coordinate system"), crs_row)
        self.areas_edit.editingFinished.connect(self._guess_crs)
        return page

    def _choose_areas(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("NewProject", "Choose boundaries"),
            str(QSettings().value("paths/imports", str(Path.home()))),
            translate(
                "NewProject",
                "Boundaries (*.geojson *.json *.gpkg *.shp *.zip *.geojson.gz);;All files (*)",
            ),
        )
        if path:
            self.areas_edit.setText(path)
            self._guess_crs()

    def _guess_crs(self) -> None:
        path = self.areas_edit.text().strip()
        if not path:
            return
        try:
            self.crs, reason = suggest_for_file(path)
        except AssetmapError as exc:
            self.crs_label.setText(
                translate("NewProject", "Could not read the file: {error}").format(error=exc)
            )
            return
        self.crs_label.setText(reason)

    def _change_crs(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            translate("NewProject", "Coordinate system"),
            translate("NewProject", "EPSG code of a metric coordinate system:"),
            text=self.crs.to_string(),
        )
        if ok and text.strip():
            try:
                self.crs = CRS.from_user_input(text.strip())
            except Exception:
                self.crs_label.setText(
                    translate("NewProject", "'{text}' is not a coordinate system I know").format(
                        text=text
                    )
                )
                return
            self.crs_label.setText(
                translate("NewProject", "{crs} (chosen by you)").format(crs=self.crs.name)
            )

    # ---- results ------------------------------------------------------------------------
    @property
    def project_name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def project_path(self) -> Path:
        return Path(self.file_edit.text().strip())

    @property
    def areas_path(self) -> Path | None:
        text = self.areas_edit.text().strip()
        return Path(text) if text else None

    @property
    def areas_name(self) -> str:
        return self.set_name_edit.text().strip() or translate("NewProject", "Neighbourhoods")
