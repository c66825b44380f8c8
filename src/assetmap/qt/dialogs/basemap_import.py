"""Basemap ▸ Import OSM extract…: an OpenStreetMap extract (.osm.pbf or .osm) becomes the
project's offline basemap, read in a worker with progress and Cancel.

A worker reads and clips the extract on its own connection (``prepare_basemap``); the
one undoable command is then pushed through the window's undo stack, as the other imports
do (from a worker when the write itself is long: ``assetmap.qt.committing``); the map shows
the basemap as soon as it is committed.
"""

from __future__ import annotations

import time
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
from assetmap.core.basemap import DEFAULT_MARGIN_M, BasemapOptions
from assetmap.core.basemap import store as basemap_store
from assetmap.core.basemap.command import ImportBasemap
from assetmap.core.basemap.importer import PreparedBasemap, prepare_basemap
from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.committing import push_prepared
from assetmap.qt.dialogs.enter_key import enter_presses_only_its_button
from assetmap.qt.dialogs.worker_dialog import offer_close
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

FILE_TYPES = QT_TRANSLATE_NOOP(
    "BasemapImport", "OpenStreetMap extracts (*.osm.pbf *.pbf *.osm);;All files (*)"
)
EXTRACT_SUFFIXES = (".osm.pbf", ".pbf", ".osm")
SETTING_FOLDER = "paths/osm_extracts"


class BasemapImportDialog(QDialog):
    """Choose the extract, the margin around the areas and whether to keep buildings."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(
            translate("BasemapImport", "Import an OpenStreetMap extract as the basemap")
        )
        self.setMinimumWidth(560)
        self.report: object = None
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            translate("BasemapImport", "an .osm.pbf or .osm file, e.g. from download.geofabrik.de")
        )
        self.path_edit.setAccessibleName(translate("BasemapImport", "OpenStreetMap extract file"))
        self.path_edit.textChanged.connect(self._update)
        self.path_edit.editingFinished.connect(self._check_path)
        browse = QPushButton(translate("BasemapImport", "&Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0.0, 50.0)
        self.margin.setDecimals(1)
        self.margin.setSuffix(" km")
        self.margin.setValue(DEFAULT_MARGIN_M / 1000)
        self.margin.setAccessibleName(translate("BasemapImport", "Margin around the areas"))
        self.buildings = QCheckBox(
            translate("BasemapImport", "Include &buildings (a bigger project file)")
        )
        has_sets = bool(areas.list_sets(session.project))
        scope = (
            translate(
                "BasemapImport", "The extract is cut to the project's areas plus this margin."
            )
            if has_sets
            else translate(
                "BasemapImport",
                "The project has no areas yet, so the whole extract is kept: import the "
                "neighbourhoods first to keep only what is needed.",
            )
        )
        self.margin.setEnabled(has_sets)
        current = basemap_store.info(session.project)
        replaces = (
            translate(
                "BasemapImport", "It replaces the current basemap ({file}); Undo brings it back."
            ).format(file=current.source_file)
            if current is not None
            else ""
        )
        note = QLabel(
            translate(
                "BasemapImport",
                "{scope} {replaces} The data is © OpenStreetMap contributors (ODbL): the map "
                "and every export credit them.",
            ).format(scope=scope, replaces=replaces)
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606A;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.job = BackgroundJob(self, progress=self.progress, say=self.status.setText)
        self.job.busyChanged.connect(self._update)
        self._started = 0.0
        form = QFormLayout()
        extract_label = QLabel(
            translate("BasemapImport", "&Extract:")
        )  # a layout as the field: the label needs a buddy
        extract_label.setBuddy(self.path_edit)
        form.addRow(extract_label, row)
        form.addRow(translate("BasemapImport", "&Margin:"), self.margin)
        form.addRow("", self.buildings)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            translate("BasemapImport", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
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
            self.status.setText(
                translate(
                    "BasemapImport", "There is no file at {path}. Check the name, or Choose… it."
                ).format(path=path)
            )
        elif not path.name.lower().endswith(EXTRACT_SUFFIXES):
            self.status.setText(
                translate(
                    "BasemapImport",
                    "{name} is not an OpenStreetMap extract: choose an .osm.pbf or .osm file.",
                ).format(name=path.name)
            )
        else:
            size = path.stat().st_size / 1_000_000
            self.status.setText(
                translate("BasemapImport", "{name} ({size} MB): press Import when ready.").format(
                    name=path.name, size=f"{size:,.1f}"
                )
            )

    def _browse(self) -> None:
        start = QSettings().value(SETTING_FOLDER, str(Path.home()))
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("BasemapImport", "Choose an OpenStreetMap extract"),
            str(start),
            translate("BasemapImport", FILE_TYPES),
        )
        if chosen:
            QSettings().setValue(SETTING_FOLDER, str(Path(chosen).parent))
            self.set_path(chosen)
            self._check_path()

    def _update(self) -> None:
        busy = self.job.busy
        path = self.path()
        self.import_button.setEnabled(
            not busy and self.report is None and path is not None and path.is_file()
        )
        for widget in (self.path_edit, self.margin, self.buildings):
            widget.setEnabled(not busy and (widget is not self.margin or self.margin.isEnabled()))

    # ---- the import -------------------------------------------------------------------------
    @property
    def task(self) -> Task | None:
        """The running work (tests wait for its ``finished``), None when idle."""
        return self.job.task

    def start(self) -> Task | None:
        """Read the extract in a worker; the write follows (tests wait until ``task`` is None
        and ``report`` is set)."""
        path = self.path()
        if path is None or self.job.busy:
            return None
        project_path = self.session.project.path
        options = self.options()

        def work(progress: ProgressFn, cancelled: CancelledFn) -> PreparedBasemap:
            with Project.open(project_path) as project:
                return prepare_basemap(project, path, options, progress=progress,
                                       cancelled=cancelled)  # fmt: skip

        self._started = time.perf_counter()
        return self.job.start(work, self._on_prepared, self._on_failed, self._on_cancelled,
                              message=translate("BasemapImport", "Reading {name}…").format(
                                  name=path.name))  # fmt: skip

    def _on_prepared(self, prepared: PreparedBasemap) -> None:
        rows = sum(prepared.counts.values())
        push_prepared(self.job, self.session, ImportBasemap(prepared), rows,
                      self._on_done, self._on_failed,
                      message=translate("BasemapImport",
                                        "Writing the basemap to the project…"))  # fmt: skip

    def _on_done(self, command: Command) -> None:
        assert isinstance(command, ImportBasemap)
        report = command.prepared.report
        report.committed = True
        report.seconds = time.perf_counter() - self._started
        self.report = report
        self.status.setText("\n".join(report.lines(8)))
        offer_close(self, self.buttons, self.import_button)
        self._update()

    def _on_cancelled(self) -> None:
        self.status.setText(translate("BasemapImport", "Cancelled; nothing was changed."))

    def _on_failed(self, error: object, details: str) -> None:
        if isinstance(error, AssetmapError):
            self.status.setText(
                translate("BasemapImport", "Not imported: {error}").format(error=error)
            )
        else:
            self.status.setText(
                translate(
                    "BasemapImport",
                    "Not imported: something went wrong ({error}). Nothing was changed.",
                ).format(error=error)
            )
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _cancel(self) -> None:
        if self.job.busy:
            self.job.cancel()
            return
        self.reject()
