"""Basemap ▸ Import OSM extract…: an OpenStreetMap extract (.osm.pbf or .osm) becomes the
project's offline basemap, read in a worker with progress and Cancel.

The importer (``assetmap.core.basemap.import_basemap``) runs on its own connection to the
project and pushes its one undoable command through the window's undo stack, as the other
imports do; the map shows the basemap as soon as it is committed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.basemap import DEFAULT_MARGIN_M, BasemapOptions, import_basemap
from assetmap.core.basemap import store as basemap_store
from assetmap.core.errors import AssetmapError
from assetmap.core.project import Project
from assetmap.qt.change_watch import catch_up
from assetmap.qt.dialogs.enter_key import enter_presses_only_its_button
from assetmap.qt.dialogs.worker_dialog import offer_close, start_task
from assetmap.qt.session import Session
from assetmap.qt.workers import Task

FILE_TYPES = "OpenStreetMap extracts (*.osm.pbf *.pbf *.osm);;All files (*)"
EXTRACT_SUFFIXES = (".osm.pbf", ".pbf", ".osm")
SETTING_FOLDER = "paths/osm_extracts"


class BasemapImportDialog(QDialog):
    """Choose the extract, the margin around the areas and whether to keep buildings."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Import an OpenStreetMap extract as the basemap")
        self.setMinimumWidth(560)
        self.task: Task | None = None
        self.report: object = None
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            "an .osm.pbf or .osm file, e.g. from download.geofabrik.de"
        )
        self.path_edit.setAccessibleName("OpenStreetMap extract file")
        self.path_edit.textChanged.connect(self._update)
        self.path_edit.editingFinished.connect(self._check_path)
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0.0, 50.0)
        self.margin.setDecimals(1)
        self.margin.setSuffix(" km")
        self.margin.setValue(DEFAULT_MARGIN_M / 1000)
        self.margin.setAccessibleName("Margin around the areas")
        self.buildings = QCheckBox("Include &buildings (a bigger project file)")
        has_sets = bool(areas.list_sets(session.project))
        scope = (
            "The extract is cut to the project's areas plus this margin."
            if has_sets
            else "The project has no areas yet, so the whole extract is kept: import the "
            "neighbourhoods first to keep only what is needed."
        )
        self.margin.setEnabled(has_sets)
        current = basemap_store.info(session.project)
        replaces = (
            f"It replaces the current basemap ({current.source_file}); Undo brings it back."
            if current is not None
            else ""
        )
        note = QLabel(
            f"{scope} {replaces} The data is © OpenStreetMap contributors (ODbL): the map and "
            "every export credit them."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606A;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        form = QFormLayout()
        extract_label = QLabel("&Extract:")  # a layout as the field: the label needs a buddy
        extract_label.setBuddy(self.path_edit)
        form.addRow(extract_label, row)
        form.addRow("&Margin:", self.margin)
        form.addRow("", self.buildings)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def options(self) -> BasemapOptions:
        return BasemapOptions(
            margin_m=self.margin.value() * 1000, buildings=self.buildings.isChecked()
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in the path checks it (editingFinished); it does not start the import before
        the margin and buildings have been looked at."""
        if not enter_presses_only_its_button(self, event):
            super().keyPressEvent(event)

    def _check_path(self) -> None:
        """Tab, a click elsewhere or Enter: say at once what is wrong with a typed path."""
        if self.task is not None or self.report is not None:
            return
        path = self.path()
        if path is None:
            self.status.setText("")
        elif not path.is_file():
            self.status.setText(f"There is no file at {path}. Check the name, or Choose… it.")
        elif not path.name.lower().endswith(EXTRACT_SUFFIXES):
            self.status.setText(
                f"{path.name} is not an OpenStreetMap extract: choose an .osm.pbf or .osm file."
            )
        else:
            size = path.stat().st_size / 1_000_000
            self.status.setText(f"{path.name} ({size:,.1f} MB): press Import when ready.")

    def _browse(self) -> None:
        start = QSettings().value(SETTING_FOLDER, str(Path.home()))
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose an OpenStreetMap extract",
                                                str(start), FILE_TYPES)  # fmt: skip
        if chosen:
            QSettings().setValue(SETTING_FOLDER, str(Path(chosen).parent))
            self.set_path(chosen)
            self._check_path()

    def _update(self) -> None:
        busy = self.task is not None
        path = self.path()
        self.import_button.setEnabled(
            not busy and self.report is None and path is not None and path.is_file()
        )
        for widget in (self.path_edit, self.margin, self.buildings):
            widget.setEnabled(not busy and (widget is not self.margin or self.margin.isEnabled()))

    # ---- the import -------------------------------------------------------------------------
    def start(self) -> Task | None:
        """Run the import in a worker (tests call this and wait for ``task.finished``)."""
        path = self.path()
        if path is None or self.task is not None:
            return None
        project_path = self.session.project.path
        stack = self.session.stack
        options = self.options()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            with Project.open(project_path) as project:
                return import_basemap(project, path, options, stack=stack,
                                      progress=progress, cancelled=cancelled)  # fmt: skip

        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(f"Reading {path.name}…")
        self.task = start_task(self, work)
        self._update()
        return self.task

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if message:
            self.status.setText(message)

    def _on_done(self, report: object) -> None:
        self.report = report
        catch_up(self.session)
        self.status.setText("\n".join(report.lines(8)) if hasattr(report, "lines") else "Done.")
        offer_close(self, self.buttons, self.import_button)

    def _on_cancelled(self) -> None:
        self.status.setText("Cancelled; nothing was changed.")

    def _on_failed(self, error: object, details: str) -> None:
        if isinstance(error, AssetmapError):
            self.status.setText(f"Not imported: {error}")
        else:
            self.status.setText(
                f"Not imported: something went wrong ({error}). Nothing was changed."
            )
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _on_finished(self) -> None:
        self.task = None
        self.progress.hide()
        self._update()

    def _cancel(self) -> None:
        if self.task is not None:
            self.status.setText("Cancelling…")
            self.task.cancel()
            return
        self.reject()
