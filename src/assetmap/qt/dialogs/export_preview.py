"""The export dialog's page preview, drawn on a worker thread as the options change.

Gathering a national project's assets takes seconds and the dialog must stay responsive, so
the page is drawn on a worker that reads through its own connection to the project file, one
preview at a time; the gathered map is kept while only the words or the page change.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel

from assetmap.core.analysis import runs
from assetmap.core.errors import AssetmapError
from assetmap.core.export.characters import readable
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt.dialogs.export_kinds import Kind
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 560


class PagePreview:
    """Mixed into ExportDialog (a QDialog), which builds the widgets named here."""

    session: Session
    layers: MapLayers
    preview_label: QLabel
    preview_image: QImage | None
    previewed: Any  # the dialog's Signal: a preview was shown (or said why not)
    _preview_timer: QTimer
    _preview_job: BackgroundJob
    _preview_pending: bool
    _preview_project: Project | None
    _content: Any
    _content_key: Any

    if TYPE_CHECKING:  # the dialog's own; declared here only for the type checker

        @property
        def kind(self) -> Kind: ...

        def options(self) -> ExportOptions: ...

        def current_extent(self) -> tuple[float, float, float, float] | None: ...

        def layout_choice(self) -> PrintLayout: ...

    def schedule_preview(self, *_args: object) -> None:
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Draw the page as it will print (maps and reports); say what data files hold."""
        self._preview_timer.stop()
        if not self.session.is_open:  # the dialog outlived its project
            return

        if self.kind.group not in ("map", "report"):
            self.preview_image = None
            self.preview_label.setPixmap(QPixmap())
            words = {
                "html": translate(
                    "ExportDialog",
                    "An interactive map for a web browser, with the same layers, legend "
                    "and sources. No preview here: open the file in a browser.",
                ),
                "data": translate(
                    "ExportDialog",
                    "Data files hold the assets shown on the map (and the gap analysis, "
                    "when the map shows one). No page to preview.",
                ),
                "directory": translate(
                    "ExportDialog",
                    "An Open Referral (HSDS 3.0) service directory: each asset shown "
                    "on the map as a service at a location, in the data package service "
                    "directories read. Assets holding personal data are never included.",
                ),
            }
            self.preview_label.setText(words[self.kind.group])
            self.preview_label.setWordWrap(True)
            self.previewed.emit()
            return
        self._start_preview_task()

    # The page is drawn on a worker thread: gathering a national project's assets takes
    # seconds, and the dialog must stay responsive. The worker reads through its own
    # connection to the project file, one preview at a time.
    def _start_preview_task(self) -> None:
        if self._preview_job.busy:
            self._preview_pending = True
            return
        self._preview_pending = False
        request = (self.options(), self.current_extent(), self.layout_choice(), self.kind.group)
        self._preview_job.start(
            lambda progress, cancelled: self._draw_preview(*request),
            self._on_preview_drawn,
            self._on_preview_failed,
        )

    def _on_preview_drawn(self, image: QImage) -> None:
        self._show_preview(image)
        self._preview_done()

    def _on_preview_failed(self, error: BaseException, details: str) -> None:
        self._preview_failed(error, details)
        self._preview_done()

    def _draw_preview(self, options: Any, extent: Any, layout: Any, group: str) -> QImage:
        from assetmap.qt.export.map_export import render_preview
        from assetmap.qt.export.report import render_report_preview

        project = self._reading_project()
        content = self._preview_content(project, options, extent, group == "report")
        if group == "report" and content.result is not None:
            return render_report_preview(project, content, layout, PREVIEW_WIDTH * 2)
        return render_preview(content, layout, PREVIEW_WIDTH * 2)

    def _reading_project(self) -> Project:
        if self._preview_project is None:
            self._preview_project = Project.open(self.session.project.path)
        return self._preview_project

    def _preview_content(self, project: Project, options: Any, extent: Any, report: bool) -> Any:
        """The gathered map, kept while only words or the page change (gathering reads
        every asset; drawing the page again is quick)."""
        from assetmap.qt.export.content import _made, _subtitle, author, gather

        key = (options.include_personal, options.area_set, extent, report)
        if self._content is None or self._content_key != key:
            result = None
            if report and options.analysis is None:
                result = runs.latest(project)
            self._content = gather(
                project, options, layers=self.layers, extent=extent, result=result
            )
            self._content_key = key
        return replace(
            self._content,
            options=options,
            title=readable(options.title or project.name),
            subtitle=_subtitle(options, self._content.plan),
            made=_made(project, options),
            author=author(project, options),
        )

    def _show_preview(self, image: QImage) -> None:
        if self._preview_pending:
            return  # a newer request follows; show that one
        self.preview_image = image
        width = max(self.preview_label.width() - 8, 200)
        height = max(self.preview_label.height() - 8, 150)
        pixmap = QPixmap.fromImage(image).scaled(
            width,
            height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview_label.setText("")
        self.preview_label.setPixmap(pixmap)
        self.previewed.emit()

    def _preview_failed(self, error: object, details: str) -> None:
        self.preview_image = None
        self.preview_label.setPixmap(QPixmap())
        if isinstance(error, AssetmapError):
            self.preview_label.setText(
                translate("ExportDialog", "No preview: {error}").format(error=error)
            )
        else:
            self.preview_label.setText(
                translate("ExportDialog", "No preview: something went wrong drawing the page.")
            )
            log.error("preview failed\n%s", details)
        self.previewed.emit()

    def _preview_done(self) -> None:
        if self._preview_pending and self.session.is_open:
            self._start_preview_task()

    def _close_reading_project(self) -> None:
        if self._preview_project is not None:
            self._preview_project.close()
            self._preview_project = None
