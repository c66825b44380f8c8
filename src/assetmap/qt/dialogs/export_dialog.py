"""File › Export…: a map for print, an interactive map, the data, or the gap report.

What you see is what you export: the dialog is given the map's layers as they are (hidden
categories stay hidden, the gap map stays as coloured), the table's filter and the current
view. Personal data stays out unless ticked, for this export only. The page is previewed
as the options change; the export runs on a worker thread with its own connection to the
project file, with progress and Cancel, and ends with a message naming the file and what
was left out.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.analysis import runs
from assetmap.core.errors import AssetmapError
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.export.theme import measure_of
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt import file_dialogs
from assetmap.qt.dialogs.export_kinds import KIND, KINDS, Kind, file_name_for
from assetmap.qt.dialogs.export_preview import PREVIEW_WIDTH, PagePreview
from assetmap.qt.file_dialogs import EXPORTS
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

log = logging.getLogger(__name__)

Extent = tuple[float, float, float, float]
# The interactive map is written by core.export.html; a build without it offers no HTML map.
HTML_AVAILABLE = importlib.util.find_spec("assetmap.core.export.html") is not None
PREVIEW_DELAY_MS = 300
CURRENT_VIEW = "__view__"


class ExportDialog(PagePreview, QDialog):
    """``ExportDialog(session, parent, view_extent=…, asset_uuids=…).exec()``."""

    exported = Signal(object)  # the ExportReport
    previewed = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        view_extent: Extent | None = None,
        asset_uuids: frozenset[str] | None = None,
        scenario: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_scenario = scenario  # the what-if open in Find gaps, offered for the report
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self.setAccessibleName(translate("ExportDialog", "Export"))
        self.session = session
        self.view_extent = view_extent
        self.asset_uuids = asset_uuids
        self.layers = MapLayers.from_json(session.layers.to_json())  # as the map shows it now
        self.has_runs = bool(runs.list_runs(session.project))
        self.report: Any = None
        self.message: QMessageBox | None = None
        self.preview_image: QImage | None = None
        self._content: Any = None
        self._content_key: tuple | None = None
        self._preview_pending = False
        self._preview_project: Project | None = None
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._connect()
        self._on_kind_changed()

    # ================================================================== building
    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(translate("ExportDialog", "What to export"))
        model = QStandardItemModel(self.kind_combo)
        self.kind_combo.setModel(model)
        for kind in KINDS:
            self.kind_combo.addItem(translate("ExportDialog", kind.label), kind.key)
            item = model.item(self.kind_combo.count() - 1)
            if kind.key == "html" and not HTML_AVAILABLE:
                item.setEnabled(False)
                item.setToolTip(
                    translate(
                        "ExportDialog",
                        "The interactive map is not part of this build of assetmap yet.",
                    )
                )
            if kind.group == "report" and not self.has_runs:
                item.setEnabled(False)
                item.setToolTip(
                    translate("ExportDialog", "Find gaps first: the report needs a gap analysis.")
                )
        self.kind_combo.setCurrentIndex(0)

        self.page_combo = QComboBox(self)
        self.page_combo.addItems(["A4", "A3"])
        self.page_combo.setAccessibleName(translate("ExportDialog", "Page size"))
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.addItem(translate("ExportDialog", "Landscape"), "landscape")
        self.orientation_combo.addItem(translate("ExportDialog", "Portrait"), "portrait")
        self.orientation_combo.setAccessibleName(translate("ExportDialog", "Orientation"))
        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setValue(200)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_spin.setAccessibleName(translate("ExportDialog", "Resolution"))
        self.dpi_spin.setToolTip(
            translate(
                "ExportDialog", "Pixels per inch of the PNG image: 150 for screens, 300 to print"
            )
        )

        project = self.session.project
        self.title_edit = QLineEdit(project.name, self)
        self.title_edit.setAccessibleName(translate("ExportDialog", "Title"))
        self.subtitle_edit = QLineEdit(self)
        self.subtitle_edit.setPlaceholderText(
            translate("ExportDialog", "(what the gap map shows, when there is one)")
        )
        self.subtitle_edit.setAccessibleName(translate("ExportDialog", "Subtitle"))
        self.author_edit = QLineEdit(str(project.setting("author") or ""), self)
        self.author_edit.setPlaceholderText(translate("ExportDialog", "your name or organisation"))
        self.author_edit.setAccessibleName(translate("ExportDialog", "Author"))

        # By default the whole place the map shows, not the screen's view: after an import
        # or a zoom the screen may show the place small, or only part of it.
        self.extent_combo = QComboBox(self)
        self.extent_combo.setAccessibleName(translate("ExportDialog", "Map extent"))
        self.extent_combo.addItem(translate("ExportDialog", "Everything shown on the map"), None)
        if self.view_extent is not None:
            self.extent_combo.addItem(
                translate("ExportDialog", "The map as it is on screen now"), CURRENT_VIEW
            )
        for info in areas.list_sets(project):
            self.extent_combo.addItem(
                translate("ExportDialog", "All of “{name}”").format(name=info.name), info.name
            )
        self.extent_combo.setCurrentIndex(0)

        self.personal_check = QCheckBox(translate("ExportDialog", "Include personal data"), self)
        self.personal_check.setAccessibleName(translate("ExportDialog", "Include personal data"))
        self.personal_note = QLabel(
            translate(
                "ExportDialog",
                "Assets flagged as personal data (a person's skills, say) are left out unless "
                "you tick this, for this export only.",
            ),
            self,
        )
        self.personal_note.setWordWrap(True)
        self.personal_note.setStyleSheet("color: #57606A;")
        # An audit of what review turned down is a data export; a map never draws them.
        self.rejected_check = QCheckBox(
            translate("ExportDialog", "Include rejected assets (data files only)"), self
        )
        self.rejected_check.setAccessibleName(translate("ExportDialog", "Include rejected assets"))
        self.names_check = QCheckBox(
            translate("ExportDialog", "Include workshop participants' names (data files only)"),
            self,
        )
        self.names_check.setAccessibleName(
            translate("ExportDialog", "Include workshop participants' names")
        )
        self.names_check.setToolTip(
            translate(
                "ExportDialog",
                "The display names residents gave with their pins; left empty unless ticked",
            )
        )
        self.scope_label = QLabel(self)
        self.scope_label.setWordWrap(True)
        self.scope_label.setStyleSheet("color: #57606A;")

        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Export"), self.kind_combo)
        self.page_box = QGroupBox(translate("ExportDialog", "Page"), self)
        page_form = QFormLayout(self.page_box)
        page_form.addRow(translate("ExportDialog", "Size"), self.page_combo)
        page_form.addRow(translate("ExportDialog", "Orientation"), self.orientation_combo)
        page_form.addRow(translate("ExportDialog", "Resolution"), self.dpi_spin)
        self.words_box = QGroupBox(translate("ExportDialog", "Words"), self)
        words_form = QFormLayout(self.words_box)
        words_form.addRow(translate("ExportDialog", "Title"), self.title_edit)
        words_form.addRow(translate("ExportDialog", "Subtitle"), self.subtitle_edit)
        words_form.addRow(translate("ExportDialog", "Author"), self.author_edit)
        self.extent_label = QLabel(translate("ExportDialog", "Show"), self)
        form.addRow(self.extent_label, self.extent_combo)
        form.addRow(translate("WhatIf", "What if"), self._build_scenario_combo())

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.page_box)
        left.addWidget(self.words_box)
        left.addWidget(self.personal_check)
        left.addWidget(self.personal_note)
        left.addWidget(self.rejected_check)
        left.addWidget(self.names_check)
        left.addWidget(self.scope_label)
        left.addStretch(1)

        self.preview_label = QLabel(self)
        self.preview_label.setAccessibleName(translate("ExportDialog", "Preview of the page"))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumSize(QSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 0.72)))
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview_label.setStyleSheet("background: #E4E7EB; color: #57606A;")

        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addWidget(self.preview_label, 1)

        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.job = BackgroundJob(self, progress=self.progress, say=self.status.setText)
        self.job.busyChanged.connect(self._set_busy)
        self._preview_job = BackgroundJob(self)  # one page drawn at a time, no progress shown
        self.export_button = QPushButton(translate("ExportDialog", "Export…"), self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(translate("ExportDialog", "Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)

    def _build_scenario_combo(self) -> QComboBox:
        """A saved scenario adds a page comparing it with today to the gap report."""
        from assetmap.core.scenarios.store import all_scenarios

        self.scenario_combo = QComboBox(self)
        self.scenario_combo.setAccessibleName(translate("WhatIf", "What if"))
        self.scenario_combo.addItem(translate("WhatIf", "— no scenario —"), None)
        for scenario in all_scenarios(self.session.project):
            self.scenario_combo.addItem(scenario.name, scenario.name)
        self.scenario_combo.setCurrentIndex(
            max(self.scenario_combo.findData(self.open_scenario), 0)
        )
        return self.scenario_combo

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        for combo in (self.page_combo, self.orientation_combo, self.extent_combo):
            combo.currentIndexChanged.connect(self.schedule_preview)
        for edit in (self.title_edit, self.subtitle_edit, self.author_edit):
            edit.textChanged.connect(self.schedule_preview)
        self.personal_check.toggled.connect(self.schedule_preview)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.close_button.clicked.connect(self._close_or_cancel)

    # ================================================================== state
    @property
    def kind(self) -> Kind:
        return KIND[str(self.kind_combo.currentData())]

    def set_kind(self, key: str) -> None:
        index = self.kind_combo.findData(key)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    @property
    def busy(self) -> bool:
        return self.job.busy

    @property
    def task(self) -> Task | None:
        """The running export (tests wait for its ``finished``), None when idle."""
        return self.job.task

    def options(self) -> ExportOptions:
        """What the export carries: the map's visible categories, the table's filter, the
        gap map on show, and the words and choices made here."""
        extent = self.extent_combo.currentData()
        area_set = extent if extent not in (CURRENT_VIEW, None) else None
        keys = [c.key for c in self.session.categories()]
        thematic = self.layers.thematic
        shows_gaps = (
            thematic is not None
            and thematic.mode != "indicator"  # an indicator map has no run behind it
            and thematic.area_set in self.layers.visible_area_sets()
        )
        return ExportOptions(
            title=self.title_edit.text().strip() or None,
            subtitle=self.subtitle_edit.text().strip() or None,
            area_set=area_set,
            analysis=str(thematic.run_id) if shows_gaps and thematic else None,
            analysis_category=thematic.category if shows_gaps and thematic else None,
            measure=measure_of(thematic) if shows_gaps and thematic else None,
            include_personal=self.personal_check.isChecked(),
            include_rejected=self.rejected_check.isChecked() and self.kind.group == "data",
            include_names=self.names_check.isChecked() and self.kind.group == "data",
            categories=tuple(self.layers.visible_categories(keys)),
            asset_uuids=self.asset_uuids,
            author=self.author_edit.text().strip() or None,
        )

    def layout_choice(self) -> PrintLayout:
        return PrintLayout(
            page=self.page_combo.currentText(),
            orientation=str(self.orientation_combo.currentData()),
            dpi=self.dpi_spin.value(),
        )

    def current_extent(self) -> Extent | None:
        return self.view_extent if self.extent_combo.currentData() == CURRENT_VIEW else None

    def _on_kind_changed(self) -> None:
        group = self.kind.group
        printed = group in ("map", "report")
        self.page_box.setEnabled(printed)
        self.dpi_spin.setEnabled(self.kind.key == "png")
        self.words_box.setEnabled(group not in ("data", "directory") or self.kind.key == "xlsx")
        self.personal_check.setEnabled(group != "directory")  # a directory never holds any
        self.rejected_check.setEnabled(group == "data")
        self.names_check.setEnabled(group == "data")
        self.extent_label.setText(
            translate("ExportDialog", "Show") if printed else translate("ExportDialog", "Area set")
        )
        self.scenario_combo.setEnabled(group == "report")  # a page of the report
        self._say_scope()
        self.schedule_preview()

    def _say_scope(self) -> None:
        notes = []
        if self.asset_uuids is not None:
            notes.append(
                translate("ExportDialog", "Only the {n} assets the table's filter shows.").format(
                    n=f"{len(self.asset_uuids):,}"
                )
            )
        hidden = len(self.session.categories()) - len(
            self.layers.visible_categories([c.key for c in self.session.categories()])
        )
        if hidden:
            notes.append(
                translate(
                    "ExportDialog", "Categories hidden on the map ({n}) are left out."
                ).format(n=hidden)
            )
        self.scope_label.setText(" ".join(notes))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        if self.preview_image is not None:
            self.schedule_preview()

    # ================================================================== export
    def choose_file_and_export(self) -> None:
        """Ask where (starting in the last export folder or Documents, never beside the
        demo's private copy), then export there."""
        kind = self.kind
        name = file_name_for(self.title_edit.text() or self.session.project.name, kind)
        target = file_dialogs.save_file_name(
            self,
            translate("ExportDialog", "Export to"),
            EXPORTS,
            name,
            translate("ExportDialog", kind.filter),
        )
        if target is None:
            return
        if target.suffix.lower() != kind.suffix:
            target = target.with_name(target.name + kind.suffix)
        self.export_to(target)

    def export_to(self, path: Path) -> Task:
        """Export to ``path`` on a worker thread; ``exported`` is emitted when done."""
        if self.job.task is not None:
            return self.job.task
        kind = self.kind
        options = self.options()
        layout = self.layout_choice()
        layers = MapLayers.from_json(self.layers.to_json())
        extent = self.current_extent()
        scenario = self.scenario_combo.currentData() if self.scenario_combo.isEnabled() else None
        project_path = self.session.project.path
        self.session.save_layers()  # exports that read the saved layers see what is on screen

        def work(progress: Any, cancelled: Any) -> Any:
            with Project.open(project_path) as project:
                if kind.group == "map":
                    from assetmap.qt.export.map_export import export_map

                    return export_map(
                        project,
                        path,
                        options,
                        layout,
                        layers=layers,
                        view_extent=extent,
                        progress=progress,
                        cancelled=cancelled,
                    )
                if kind.group == "report":
                    from assetmap.qt.export.report import export_gap_report

                    return export_gap_report(
                        project,
                        path,
                        options,
                        layout,
                        layers=layers,
                        view_extent=extent,
                        progress=progress,
                        cancelled=cancelled,
                        scenario=scenario,
                    )
                if kind.group == "directory":
                    from assetmap.core.io.openreferral.writer import export_openreferral

                    return export_openreferral(
                        project, path, options, progress=progress, cancelled=cancelled
                    )
                from assetmap.core.export.api import export_data

                return export_data(project, path, options, progress=progress, cancelled=cancelled)

        return self.job.start(work, self._on_exported, self._on_failed, self._on_cancelled,
                              message=translate("ExportDialog", "Exporting {name}…").format(
                                  name=path.name))  # fmt: skip

    def _set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.close_button.setText(
            translate("ExportDialog", "Cancel") if busy else translate("ExportDialog", "Close")
        )

    def _close_or_cancel(self) -> None:
        if self.job.busy:
            self.job.cancel(translate("ExportDialog", "Stopping…"))
        else:
            self.reject()

    def _on_exported(self, report: Any) -> None:
        self.report = report
        text = translate("ExportDialog", "Exported to {path}").format(path=report.path)
        if report.notice:
            text += f"\n\n{report.notice}"
        self.status.setText(
            translate("ExportDialog", "Exported {name}.").format(name=Path(report.path).name)
        )
        self.message = QMessageBox(
            QMessageBox.Icon.Information,
            translate("ExportDialog", "Exported"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.open()
        self.exported.emit(report)

    def _on_failed(self, exc: BaseException, text: str) -> None:
        if isinstance(exc, AssetmapError):
            self.status.setText(
                translate("ExportDialog", "Could not export: {error}").format(error=exc)
            )
        else:
            log.error("export failed:\n%s", text)
            self.status.setText(
                translate(
                    "ExportDialog",
                    "Something went wrong while exporting ({error}). Details are in the log.",
                ).format(error=exc)
            )
        self.status.setStyleSheet("color: #CF222E;")

    def _on_cancelled(self) -> None:
        self.status.setText(translate("ExportDialog", "Stopped. No file was written."))

    def reject(self) -> None:
        if self.job.busy:
            self.job.cancel(translate("ExportDialog", "Stopping…"))
            return
        super().reject()

    def done(self, result: int) -> None:
        self._preview_timer.stop()
        drawing = self._preview_job.task
        if drawing is not None:  # let the drawing finish before closing its file
            drawing.finished.connect(self._close_reading_project)
        else:
            self._close_reading_project()
        super().done(result)


__all__ = ["HTML_AVAILABLE", "KINDS", "ExportDialog"]
