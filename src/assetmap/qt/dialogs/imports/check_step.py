"""The import's last step: check the file (a dry run), show the report, then import.

Nothing is written until the user has read the dry run's report and pressed Import: the dry run
(``prepare_*``) and the import run on worker threads, each with its own connection to the
project file, so the window keeps drawing and Cancel leaves the project as it was. Coordinates
that do not fit their coordinate system stop the check with a question: the user may know
better and import anyway. Beside the report, every choice made on the steps before is summed up.

``CheckAndImport`` is a part of ``ImportDialog`` (mixed into it, never used alone): it reads the
dialog's file, mapping hooks and job, declared below for the type checker.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError
from assetmap.core.io import preview as pv
from assetmap.core.io.crs_check import CrsMismatchError
from assetmap.core.io.crs_guess import describe
from assetmap.core.io.report import ImportReport
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.qt.committing import push_prepared
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.problems import nothing_importable, problem_text
from assetmap.qt.dialogs.imports.report_csv import write_report_csv
from assetmap.qt.dialogs.imports.report_view import (
    ReportPage,
    RowLabel,
    SummaryRow,
    describe_report,
    no_label,
)
from assetmap.qt.dialogs.imports.workers import Prepare, dry_run_work
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

log = logging.getLogger(__name__)


class CheckAndImport:
    """The dry run, its report and summary, and the import of what was checked."""

    if TYPE_CHECKING:  # the dialog's, which this part reads and sets
        session: Session
        preview: pv.Preview | None
        prepared: Any
        report: ImportReport | None
        committed: bool
        error: BaseException | None
        _task_kind: str
        noun: ClassVar[str]
        job: BackgroundJob
        report_page: ReportPage

        @property
        def report_step(self) -> int: ...
        def _go(self, step: int) -> None: ...
        def _show_banner(self, text: str | None, error: bool = False) -> None: ...
        def _set_status(self, text: str) -> None: ...
        def _update_buttons(self) -> None: ...
        def _run(
            self,
            kind: str,
            work: Callable[[ProgressFn, CancelledFn], Any],
            on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException, str], None],
            message: str,
        ) -> None: ...
        def _options(self) -> DataclassInstance: ...
        def _prepare(self) -> Prepare: ...
        def _command(self, prepared: Any) -> Command: ...

    def save_report(self, path: str | Path) -> None:
        if self.report is None:
            return
        try:
            write_report_csv(path, self.report)
        except OSError as error:
            self._set_status(
                translate("ImportDialog", "The report could not be saved: {reason}").format(
                    reason=error.strerror or error
                )
            )
            return
        self._set_status(
            translate("ImportDialog", "Report saved to {file}").format(file=Path(path).name)
        )

    def _start_dry_run(self, accept_crs: bool = False) -> None:
        assert self.preview is not None
        self._show_banner(None)
        self.prepared = self.report = None
        self._go(self.report_step)
        self._show_summary()
        name = self.preview.path.name
        self.report_page.show_busy(
            translate(
                "ImportDialog", "Checking {file}… nothing is written to the project yet."
            ).format(file=name)
        )
        options = self._options()
        if accept_crs:  # the user read why the coordinates look wrong and said go ahead
            options = dataclasses.replace(options, accept_crs=True)
        work = dry_run_work(self.session.project.path, self.preview.path, options, self._prepare())
        checking = translate("ImportDialog", "Checking {file}…").format(file=name)
        self._run("check", work, self._on_checked, self._on_check_failed, checking)

    @Slot(object)
    def _on_checked(self, prepared: Any) -> None:
        self.prepared = prepared
        self.report = prepared.report
        self._explain(prepared)
        self._show_report()
        self._show_summary()
        self._set_status(translate("ImportDialog", "Checked. Nothing has been written yet."))

    def _explain(self, prepared: Any) -> None:
        """Add notes the dialog knows and the importer cannot (subclasses)."""

    @Slot(object, str)
    def _on_check_failed(self, error: BaseException, details: str) -> None:
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("checking an import failed\n%s", details)
        name = self.preview.path.name if self.preview else translate("ImportDialog", "the file")
        heading = (
            translate("ImportDialog", "Nothing can be imported from {file}")
            if nothing_importable(error)
            else translate("ImportDialog", "{file} cannot be imported as it is")
        ).format(file=name)
        self.report_page.show_problem(heading, problem_text(error))
        self._set_status(
            translate(
                "ImportDialog", "Nothing was changed. Go back to change the columns or the file."
            )
        )
        if isinstance(error, CrsMismatchError) and self._confirm_import_anyway(error):
            self._start_dry_run(accept_crs=True)

    def _confirm_import_anyway(self, error: CrsMismatchError) -> bool:
        """Coordinates that do not fit their coordinate system: the user may know better."""
        name = self.preview.path.name if self.preview else translate("ImportDialog", "this file")
        looks = (
            " "
            + translate("ImportDialog", "They look like {crs} ({code}).").format(
                crs=describe(error.suggestion), code=error.suggestion.to_string()
            )
            if error.suggestion is not None
            else ""
        )
        assert isinstance(self, QWidget)  # the dialog, which this part is mixed into
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ImportDialog", "The locations look wrong"))
        box.setText(
            translate(
                "ImportDialog",
                "The locations in {file} do not fit the coordinate system the file names: "
                "imported as they are, they would land in the wrong place.",
            ).format(file=name)
            + looks
        )
        box.setInformativeText(
            translate(
                "ImportDialog",
                "If you know the file is right, import it anyway. Otherwise save the file again "
                "with the right coordinate system and choose it again.",
            )
        )
        box.setDetailedText(problem_text(error))
        box.setStyleSheet(  # wide enough to read the sentences without a narrow column
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 420px; }"
        )
        anyway = box.addButton(
            translate("ImportDialog", "Import anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        back = box.addButton(
            translate("ImportDialog", "Don't import"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is anyway

    def _show_report(self) -> None:
        assert self.report is not None
        heading, explanation = describe_report(self.report, self._import_count_text())
        self.report_page.show_report(self.report, heading, explanation, self._row_labeller())
        self._update_buttons()

    def _import_button_text(self) -> str:
        """Importing a file again updates more than it adds: the button says so, and the
        report above it gives the counts."""
        if self.report is not None and self.report.reimport:
            return translate("ImportDialog", "&Import again")
        count = self._import_count_text()
        if not count:
            return translate("ImportDialog", "&Import")
        return translate("ImportDialog", "&Import {count}").format(count=count)

    def _import_count_text(self) -> str:
        if self.report is None:
            return ""
        return counted(self.report.imported, self.noun)

    # ---- the summary of the choices, beside the report ------------------------------------
    def _show_summary(self) -> None:
        self.report_page.show_summary(self._summary_rows())

    def _summary_rows(self) -> list[SummaryRow]:
        """Every choice made on the steps before, then what the check found."""
        if self.preview is None:
            return []
        rows: list[SummaryRow] = [(translate("ImportDialog", "File"), self.preview.path.name)]
        if self.preview.layer:
            rows.append((translate("ImportDialog", "Layer or sheet"), self.preview.layer))
        rows += self._choices()
        if self.report is not None:
            what = (
                translate("ImportDialog", "Imported")
                if self.committed
                else translate("ImportDialog", "The check found")
            )
            rows.append((what, self._outcome()))
        return rows

    def _choices(self) -> list[SummaryRow]:
        """The mapping's choices in the user's words (subclasses)."""
        return []

    def _outcome(self) -> str:
        assert self.report is not None
        report = self.report
        if report.reimport:
            return translate("ImportDialog", "{rows} in the file: {summary}").format(
                rows=counted(report.imported, "row"), summary=report.reimport_summary()
            )
        text = (
            translate("ImportDialog", "{count} imported")
            if report.committed
            else translate("ImportDialog", "{count} to import")
        ).format(count=self._import_count_text())
        if report.kind == "assets":
            placed = report.imported - len(report.unplaced)
            text = translate(
                "ImportDialog", "{text}: {placed} placed on the map, {unplaced} unplaced"
            ).format(text=text, placed=f"{placed:,}", unplaced=f"{len(report.unplaced):,}")
        return translate("ImportDialog", "{text}; {n} rejected").format(
            text=text, n=f"{len(report.rejected):,}"
        )

    def _label_column(self) -> tuple[str, str | None]:
        """The column that names a row in the report, and its heading (subclasses)."""
        return translate("ImportDialog", "Name"), None

    def _row_labeller(self) -> RowLabel:
        """Row number -> the value that tells the user which row it is (a name, a code)."""
        heading, column = self._label_column()
        if self.preview is None or self.preview.table is None or column is None:
            return no_label
        table = self.preview.table
        values = dict(zip(table.row_numbers.tolist(), table.frame[column].tolist(), strict=True))

        def label(row: int | None) -> str:
            return heading if row is None else pv.cell_text(values.get(row))

        return label

    def _start_commit(self) -> None:
        """The check prepared every row; the write is pushed here, or by a worker when it is
        long (a national import's 200,000 rows; see ``assetmap.qt.committing``)."""
        assert self.report is not None
        command = self._command(self.prepared)
        self._task_kind = "import"
        self._update_buttons()
        push_prepared(self.job, self.session, command, self.report.imported,
                      self._on_committed, self._on_commit_failed,
                      message=translate("ImportDialog", "Importing…"))  # fmt: skip

    @Slot(object)
    def _on_committed(self, command: Command) -> None:
        self._task_kind = ""  # pushed here, the job never ran: no longer importing
        self.committed = True
        self._after_commit()
        if self.report is not None:
            self.report.committed = True
        self._show_report()
        self._show_summary()
        self._set_status(translate("ImportDialog", "Done: {change}.").format(change=command.text))

    @Slot(object, str)
    def _on_commit_failed(self, error: BaseException, details: str) -> None:
        self._task_kind = ""
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("an import failed\n%s", details)
        self.prepared = None
        self.report_page.show_problem(
            translate("ImportDialog", "The import failed"), problem_text(error)
        )
        self._set_status(translate("ImportDialog", "Nothing was changed."))

    def _after_commit(self) -> None:
        """Remember choices for next time (subclasses)."""

    @Slot()
    def _choose_report_file(self) -> None:
        if self.report is None:
            return
        from assetmap.qt import file_dialogs

        stem = Path(self.report.file).stem
        assert isinstance(self, QWidget)  # the dialog, which this part is mixed into
        chosen = file_dialogs.save_file_name(
            self,
            translate("ImportDialog", "Save the import report"),
            file_dialogs.IMPORT_REPORTS,
            f"{stem}_report.csv",
            "CSV (*.csv)",
        )
        if chosen is not None:
            self.save_report(chosen)
