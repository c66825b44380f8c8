"""The flow every import shares: choose a file, map its columns, check and import.

Nothing is written until the user has read the dry run's report and pressed Import: the dry run
(``prepare_*``) and the import run on worker threads, each with its own connection to the
project file, so the window keeps drawing and Cancel leaves the project as it was. Subclasses
supply the mapping page (one step, or several parts of it shown one step at a time) and turn its
choices into the importer's options.

The steps are walked in order: Next and Back move one step, and Enter never presses a button
the user has not moved to. A new user typed a postcode index, pressed Enter and found the check
running with the Category step never seen; Enter in a field now only finishes that field (a
typed path is read), as leaving the field with Tab or a click does.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.io import preview as pv
from assetmap.core.io.crs_check import CrsMismatchError
from assetmap.core.io.crs_guess import describe
from assetmap.core.io.report import ImportReport
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.qt.change_watch import catch_up
from assetmap.qt.dialogs.enter_key import enter_presses_only_its_button
from assetmap.qt.dialogs.imports.preview import (
    PREVIEW_ROWS,
    PreviewTable,
    file_summary,
    layer_choices,
)
from assetmap.qt.dialogs.imports.report_csv import write_report_csv
from assetmap.qt.dialogs.imports.report_view import (
    ReportPage,
    RowLabel,
    SummaryRow,
    describe_report,
    no_label,
)
from assetmap.qt.dialogs.imports.style import ERROR_STYLE, HINT_STYLE, note_label
from assetmap.qt.dialogs.imports.workers import (
    Prepare,
    commit_work,
    dry_run_work,
)
from assetmap.qt.session import Session
from assetmap.qt.workers import Task, keep_until_finished

log = logging.getLogger(__name__)

STEP_FILE = 0
STEP_MAP = 1  # the first mapping step; the report is ``dialog.report_step``
FILE_TITLE = "Choose file"
REPORT_TITLE = "Check and import"
PAGE_FILE, PAGE_MAP, PAGE_REPORT = range(3)
SETTING_FOLDER = "import/folder"
ALL_FILES = "All files (*)"


def settings() -> QSettings:
    return QSettings()


def problem_text(error: BaseException) -> str:
    """BadInputError already names file, row and field; anything else is a bug, said plainly."""
    if isinstance(error, AssetmapError):
        return str(error)
    return f"Something went wrong ({type(error).__name__}: {error}). Nothing was changed."


def nothing_importable(error: BaseException) -> bool:
    """The importers' 'every row was rejected' and 'no key matched' errors."""
    text = getattr(error, "message", "")
    starts = ("no row could be imported", "no feature could be imported", "none of the")
    return isinstance(error, BadInputError) and text.startswith(starts)


class ImportDialog(QDialog):
    """File, mapping, check: one worker at a time; subclasses supply the mapping and the
    options: the hooks in ``MAPPING_HOOKS``, checked when a subclass is defined (QDialog's
    metaclass cannot be combined with ABCMeta)."""

    MAPPING_HOOKS: ClassVar[tuple[str, ...]] = (
        "_build_mapping_page",  # () -> QWidget: step 2's page
        "_fill_mapping",  # (Preview) -> None: the page set up for the file just read
        "_options",  # () -> the importer's options from the page's choices
        "_prepare",  # () -> Prepare: the worker function that checks the file
        "_command",  # (prepared) -> Command: the undoable import of what was checked
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        missing = [hook for hook in cls.MAPPING_HOOKS if not callable(getattr(cls, hook, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    if TYPE_CHECKING:  # supplied by every subclass (see MAPPING_HOOKS)

        def _build_mapping_page(self) -> QWidget: ...
        def _fill_mapping(self, result: pv.Preview) -> None: ...
        def _options(self) -> object: ...
        def _prepare(self) -> Prepare: ...
        def _command(self, prepared: Any) -> Command: ...

    kind: ClassVar[str] = ""
    noun: ClassVar[str] = "rows"
    title: ClassVar[str] = "Import"
    file_types: ClassVar[str] = ALL_FILES
    intro: ClassVar[str] = ""
    #: The mapping page's parts, each its own step (``_show_mapping_part`` shows one).
    mapping_titles: ClassVar[tuple[str, ...]] = ("Map columns",)

    def __init__(
        self, session: Session, parent: QWidget | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: pv.Preview | None = None
        self.prepared: Any = None
        self.report: ImportReport | None = None
        self.committed = False
        self.error: BaseException | None = None
        self._task: Task | None = None
        self._task_kind = ""
        self._problem: str | None = None
        self._built = False
        self._step = STEP_FILE
        self._loaded_text: str | None = None  # the path text last read (typed or chosen)
        self.load_count = 0  # how many times a file was read: once per path, never twice
        self.setWindowTitle(self.title)
        self.setModal(True)
        self.setAcceptDrops(True)
        self.resize(1100, 680)
        self.setMinimumSize(820, 560)
        self._build()
        self._go(STEP_FILE)
        if path is not None:
            self.set_path(path)

    # ---- public --------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self._step

    @property
    def step_titles(self) -> tuple[str, ...]:
        return (FILE_TITLE, *self.mapping_titles, REPORT_TITLE)

    @property
    def report_step(self) -> int:
        return len(self.mapping_titles) + 1

    @property
    def last_mapping_step(self) -> int:
        return self.report_step - 1

    @property
    def busy(self) -> bool:
        return self._task is not None

    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: str | Path) -> None:
        """Choose a file (Browse, drag and drop, tests) and read its preview."""
        self.file_edit.setText(str(path))
        self._load_preview(None)

    def save_report(self, path: str | Path) -> None:
        if self.report is None:
            return
        try:
            write_report_csv(path, self.report)
        except OSError as error:
            self._set_status(f"The report could not be saved: {error.strerror or error}")
            return
        self._set_status(f"Report saved to {Path(path).name}")

    # ---- building --------------------------------------------------------------------------
    def _build(self) -> None:
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        self.steps_label = QLabel()
        self.steps_label.setAccessibleName("Import steps")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Message")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_file_page())
        self.pages.addWidget(self._build_mapping_page())
        self.report_page = ReportPage()
        self.report_page.back_requested.connect(self._back)
        self.report_page.save_requested.connect(self._choose_report_file)
        self.pages.addWidget(self.report_page)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._built = True

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note_label(self.intro))
        grid = QGridLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName("File to import")
        self.file_edit.setPlaceholderText("Choose a file, or drop one on this window")
        self.file_edit.returnPressed.connect(self._on_file_entered)
        self.file_edit.editingFinished.connect(self._on_file_typed)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for the file to import")
        browse.clicked.connect(self._browse)
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName("Layer or sheet")
        self.layer_combo.activated.connect(self._on_layer_chosen)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.file_edit)
        layer_label = QLabel("&Layer or sheet:")
        layer_label.setBuddy(self.layer_combo)
        grid.addWidget(file_label, 0, 0)
        grid.addWidget(self.file_edit, 0, 1)
        grid.addWidget(browse, 0, 2)
        grid.addWidget(layer_label, 1, 0)
        grid.addWidget(self.layer_combo, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.file_summary = QLabel()
        self.file_summary.setWordWrap(True)
        self.file_summary.setAccessibleName("What the file holds")
        layout.addWidget(self.file_summary)
        self.file_table = PreviewTable("First rows of the file")
        layout.addWidget(self.file_table, 1)
        return page

    def _with_preview(self, top: QWidget, hint: str = "First rows of the file:") -> QSplitter:
        """Every mapping page: the choices above the file's rows, tinted where they are used."""
        self.mapping_table = PreviewTable("First rows with the columns used")
        return _splitter(top, _titled_table(hint, self.mapping_table))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(220)
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = QPushButton("‹ &Back")
        self.next_button = QPushButton("&Next ›")
        self.cancel_button = QPushButton("Cancel")
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addWidget(self.cancel_button)
        return row

    # ---- navigation --------------------------------------------------------------------------
    def _is_mapping(self, step: int) -> bool:
        return STEP_MAP <= step <= self.last_mapping_step

    def _go(self, step: int) -> None:
        self._step = step
        if step == STEP_FILE:
            self.pages.setCurrentIndex(PAGE_FILE)
        elif step == self.report_step:
            self.pages.setCurrentIndex(PAGE_REPORT)
        else:
            self.pages.setCurrentIndex(PAGE_MAP)
            self._show_mapping_part(step - STEP_MAP)
        titles = self.step_titles
        parts = []
        for index, title in enumerate(titles):
            text = f"{index + 1}&nbsp;&nbsp;{title}"
            parts.append(f"<b style='color:#0969DA'>{text}</b>" if index == step else text)
        self.steps_label.setText("&nbsp;&nbsp;›&nbsp;&nbsp;".join(parts))
        self.steps_label.setAccessibleDescription(
            f"Step {step + 1} of {len(titles)}: {titles[step]}"
        )
        if step != self.report_step:
            self._refresh()
        self._update_buttons()

    def _show_mapping_part(self, part: int) -> None:
        """Show part ``part`` of the mapping page (subclasses with several parts)."""

    @Slot()
    def _next(self) -> None:
        """One step on: never further, so every part of the mapping is seen before the check."""
        if self.busy:
            return
        step = self.step
        if step == STEP_FILE and self.preview is not None:
            self._go(STEP_MAP)
        elif self._is_mapping(step):
            self._refresh()
            if not self._can_leave(step):
                return
            if step < self.last_mapping_step:
                self._go(step + 1)
            else:
                self._start_dry_run()
        elif step == self.report_step and self.committed:
            self.accept()
        elif step == self.report_step and self.prepared is not None:
            self._start_commit()

    @Slot()
    def _back(self) -> None:
        if self.busy or self.committed or self.step == STEP_FILE:
            return
        self.prepared = self.report = None
        self._go(self.step - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter presses only the button it is on (never Next, Check or Import from a field,
        which is how steps were skipped); Escape still cancels."""
        if not enter_presses_only_its_button(self, event):
            super().keyPressEvent(event)

    @Slot()
    def _cancel_clicked(self) -> None:
        if self.busy and self._task_kind != "import":
            assert self._task is not None
            self._task.cancel()
            self._set_status("Cancelling…")
        elif not self.busy:
            self.reject()

    def reject(self) -> None:
        """Esc and the close box: stop any check (never a write that has started)."""
        if self._task_kind == "import":
            return
        if self.committed:
            self.accept()
            return
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._task_kind = ""
        super().reject()

    def _update_buttons(self) -> None:
        busy, step = self.busy, self.step
        self.back_button.setEnabled(not busy and not self.committed and step != STEP_FILE)
        self.cancel_button.setEnabled(self._task_kind != "import" and not self.committed)
        if step == STEP_FILE:
            self.next_button.setText("&Next ›")
            self.next_button.setEnabled(not busy and self.preview is not None)
        elif self._is_mapping(step):
            last = step == self.last_mapping_step
            self.next_button.setText("&Check ›" if last else "&Next ›")
            self.next_button.setEnabled(not busy and self._can_leave(step))
        elif self.committed:
            self.next_button.setText("&Close")
            self.next_button.setEnabled(True)
        else:
            count = self._import_count_text()
            self.next_button.setText(f"&Import {count}" if count else "&Import")
            self.next_button.setEnabled(not busy and self.prepared is not None)
        self.next_button.setAccessibleName(self.next_button.text().replace("&", ""))

    # ---- messages --------------------------------------------------------------------------
    def _show_banner(self, text: str | None, error: bool = False) -> None:
        self.banner.setVisible(bool(text))
        self.banner.setText(text or "")
        self.banner.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    # ---- running work ----------------------------------------------------------------------
    def _run(
        self,
        kind: str,
        work: Callable[[ProgressFn, CancelledFn], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[object, str], None],
        message: str,
    ) -> None:
        if self._task is not None:
            self._task.cancel()
        task = Task(work)
        keep_until_finished(task)
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(on_success)
        task.failed.connect(on_failure)
        task.was_cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self._task, self._task_kind = task, kind
        self.progress.setValue(0)
        self.progress.show()
        self._set_status(message)
        self._update_buttons()
        task.start()

    def _is_current(self) -> bool:
        return self._task is not None and self.sender() is self._task

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if self._is_current():
            self.progress.setValue(int(fraction * 1000))
            if message:
                self._set_status(message)

    @Slot()
    def _on_finished(self) -> None:
        if not self._is_current():
            return
        self._task, self._task_kind = None, ""
        self.progress.hide()
        self._update_buttons()

    @Slot()
    def _on_cancelled(self) -> None:
        if not self._is_current():
            return
        if self._task_kind == "check":
            self.prepared = self.report = None
            self._go(self.last_mapping_step)
        self._set_status("Cancelled; nothing was changed.")

    # ---- step 1: the file and its preview ---------------------------------------------------
    @Slot()
    def _browse(self) -> None:
        start = self.path().parent if self.path() else settings().value(SETTING_FOLDER, "")
        chosen, _ = QFileDialog.getOpenFileName(
            self, f"{self.title}: choose a file", str(start or Path.home()), self.file_types
        )
        if chosen:
            settings().setValue(SETTING_FOLDER, str(Path(chosen).parent))
            self.set_path(chosen)

    @Slot()
    def _on_file_typed(self) -> None:
        """Enter, Tab or a click elsewhere: read a path the user typed, once."""
        text = self.file_edit.text().strip()
        if text and text != self._loaded_text:
            self._load_preview(None)

    @Slot()
    def _on_file_entered(self) -> None:
        """Enter on the same path again reads it again if it failed (the file may be fixed)."""
        text = self.file_edit.text().strip()
        if text and text == self._loaded_text and self.preview is None and not self.busy:
            self._load_preview(None)
        else:
            self._on_file_typed()

    @Slot(int)
    def _on_layer_chosen(self, index: int) -> None:
        layer = self.layer_combo.itemData(index)
        if self.preview is not None and layer != self.preview.layer:
            self._load_preview(layer)

    def _load_preview(self, layer: str | None) -> None:
        path = self.path()
        if path is None:
            return
        self._loaded_text = self.file_edit.text().strip()
        self.load_count += 1
        self.preview = self.prepared = self.report = None
        self.file_table.show_preview(None)
        self.file_summary.setText("")
        self._show_banner(None)
        if self.step != STEP_FILE:
            self._go(STEP_FILE)
        kind, codes = self.kind, self._area_codes()

        def work(progress: ProgressFn, cancelled: CancelledFn) -> pv.Preview:
            return pv.preview(
                path,
                kind,
                layer,
                PREVIEW_ROWS,
                area_codes=codes,
                progress=progress,
                cancelled=cancelled,
            )

        self._run(
            "preview", work, self._on_preview, self._on_preview_failed, f"Reading {path.name}…"
        )

    def _area_codes(self) -> set[str] | None:
        return None

    @Slot(object)
    def _on_preview(self, result: pv.Preview) -> None:
        if not self._is_current():
            return
        self.preview = result
        self._fill_layers(result)
        self.file_summary.setText(file_summary(result))
        self.file_table.show_preview(result)
        self.mapping_table.show_preview(result)
        self._fill_mapping(result)
        self._set_status(f"Read {result.row_count:,} {result.row_noun}s from {result.path.name}")
        self._refresh()

    @Slot(object, str)
    def _on_preview_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        if not isinstance(error, AssetmapError):
            log.error("reading a preview failed\n%s", details)
        self._show_banner(f"This file cannot be read: {problem_text(error)}", error=True)
        self._set_status("")

    def _fill_layers(self, result: pv.Preview) -> None:
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for text, layer in layer_choices(result):
            self.layer_combo.addItem(text, layer)
        current = self.layer_combo.findData(result.layer) if len(result.layers) > 1 else 0
        self.layer_combo.setCurrentIndex(max(current, 0))
        self.layer_combo.setEnabled(len(result.layers) > 1)
        self.layer_combo.blockSignals(False)

    # ---- the mapping steps (subclasses) -----------------------------------------------------
    def _mapping_problem(self) -> str | None:
        """What stops the check, in plain words, or None."""
        return None

    def _part_problems(self) -> list[str | None]:
        """What stops leaving each mapping part, in plain words (one per ``mapping_titles``).

        By default everything belongs to the last part, where Check is pressed."""
        return [None] * (len(self.mapping_titles) - 1) + [self._mapping_problem()]

    def _can_leave(self, step: int) -> bool:
        """A mapping step can be left forward once it and the steps before it are complete."""
        if self.preview is None:
            return False
        problems = self._part_problems()[: step - STEP_MAP + 1]
        return all(problem is None for problem in problems)

    def _highlights(self) -> dict[str, str]:
        return {}

    @Slot()
    def _refresh(self) -> None:
        """Re-validate and re-tint the preview after any change on the mapping step."""
        if not self._built:
            return
        if self.preview is None:
            self._problem = "no file"
            self._update_buttons()
            return
        self._problem = self._mapping_problem()
        if self._is_mapping(self.step):
            self._show_banner(self._part_problems()[self.step - STEP_MAP])
        elif self.step == STEP_FILE and self.banner.styleSheet() == HINT_STYLE:
            self._show_banner(None)
        self.mapping_table.highlight(self._highlights())
        self._update_buttons()
        self._after_refresh()

    def _after_refresh(self) -> None:
        """More re-tinting once a file is read and the mapping checked (subclasses)."""

    # ---- the last step: dry run, then import ------------------------------------------------
    def _start_dry_run(self, accept_crs: bool = False) -> None:
        assert self.preview is not None
        self._show_banner(None)
        self.prepared = self.report = None
        self._go(self.report_step)
        self._show_summary()
        name = self.preview.path.name
        self.report_page.show_busy(f"Checking {name}… nothing is written to the project yet.")
        options = self._options()
        if accept_crs:  # the user read why the coordinates look wrong and said go ahead
            options = dataclasses.replace(options, accept_crs=True)  # type: ignore[type-var]
        work = dry_run_work(self.session.project.path, self.preview.path, options, self._prepare())
        self._run("check", work, self._on_checked, self._on_check_failed, f"Checking {name}…")

    @Slot(object)
    def _on_checked(self, prepared: Any) -> None:
        if not self._is_current():
            return
        self.prepared = prepared
        self.report = prepared.report
        self._explain(prepared)
        self._show_report()
        self._show_summary()
        self._set_status("Checked. Nothing has been written yet.")

    def _explain(self, prepared: Any) -> None:
        """Add notes the dialog knows and the importer cannot (subclasses)."""

    @Slot(object, str)
    def _on_check_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("checking an import failed\n%s", details)
        name = self.preview.path.name if self.preview else "the file"
        heading = (
            f"Nothing can be imported from {name}"
            if nothing_importable(error)
            else f"{name} cannot be imported as it is"
        )
        self.report_page.show_problem(heading, problem_text(error))
        self._set_status("Nothing was changed. Go back to change the columns or the file.")
        if isinstance(error, CrsMismatchError) and self._confirm_import_anyway(error):
            self._start_dry_run(accept_crs=True)

    def _confirm_import_anyway(self, error: CrsMismatchError) -> bool:
        """Coordinates that do not fit their coordinate system: the user may know better."""
        name = self.preview.path.name if self.preview else "this file"
        looks = (
            f" They look like {describe(error.suggestion)} ({error.suggestion.to_string()})."
            if error.suggestion is not None
            else ""
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The locations look wrong")
        box.setText(
            f"The locations in {name} do not fit the coordinate system the file names: "
            f"imported as they are, they would land in the wrong place.{looks}"
        )
        box.setInformativeText(
            "If you know the file is right, import it anyway. Otherwise save the file again "
            "with the right coordinate system and choose it again."
        )
        box.setDetailedText(problem_text(error))
        box.setStyleSheet(  # wide enough to read the sentences without a narrow column
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 420px; }"
        )
        anyway = box.addButton("Import anyway", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Don't import", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is anyway

    def _show_report(self) -> None:
        assert self.report is not None
        heading, explanation = describe_report(self.report, self._import_count_text())
        self.report_page.show_report(self.report, heading, explanation, self._row_labeller())
        self._update_buttons()

    def _import_count_text(self) -> str:
        if self.report is None:
            return ""
        return f"{self.report.imported:,} {self.noun}"

    # ---- the summary of the choices, beside the report ------------------------------------
    def _show_summary(self) -> None:
        self.report_page.show_summary(self._summary_rows())

    def _summary_rows(self) -> list[SummaryRow]:
        """Every choice made on the steps before, then what the check found."""
        if self.preview is None:
            return []
        rows: list[SummaryRow] = [("File", self.preview.path.name)]
        if self.preview.layer:
            rows.append(("Layer or sheet", self.preview.layer))
        rows += self._choices()
        if self.report is not None:
            rows.append(("The check found" if not self.committed else "Imported", self._outcome()))
        return rows

    def _choices(self) -> list[SummaryRow]:
        """The mapping's choices in the user's words (subclasses)."""
        return []

    def _outcome(self) -> str:
        assert self.report is not None
        report = self.report
        text = self._import_count_text() + (" imported" if report.committed else " to import")
        if report.kind == "assets":
            placed = report.imported - len(report.unplaced)
            text += f": {placed:,} placed on the map, {len(report.unplaced):,} unplaced"
        return text + f"; {len(report.rejected):,} rejected"

    def _label_column(self) -> tuple[str, str | None]:
        """The column that names a row in the report, and its heading (subclasses)."""
        return "Name", None

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
        command = self._command(self.prepared)
        work = commit_work(self.session.project.path, self.session.stack, command)
        self._run("import", work, self._on_committed, self._on_commit_failed, "Importing…")

    @Slot(object)
    def _on_committed(self, command: Command) -> None:
        if not self._is_current():
            return
        catch_up(self.session)
        self.committed = True
        self._after_commit()
        if self.report is not None:
            self.report.committed = True
        self._show_report()
        self._show_summary()
        self._set_status(f"Done: {command.text}.")

    @Slot(object, str)
    def _on_commit_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("an import failed\n%s", details)
        self.prepared = None
        self.report_page.show_problem("The import failed", problem_text(error))
        self._set_status("Nothing was changed.")

    def _after_commit(self) -> None:
        """Remember choices for next time (subclasses)."""

    @Slot()
    def _choose_report_file(self) -> None:
        if self.report is None:
            return
        from assetmap.qt import file_dialogs

        stem = Path(self.report.file).stem
        chosen = file_dialogs.save_file_name(
            self,
            "Save the import report",
            file_dialogs.IMPORT_REPORTS,
            f"{stem}_report.csv",
            "CSV (*.csv)",
        )
        if chosen is not None:
            self.save_report(chosen)

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not self.busy and self.step == STEP_FILE and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.set_path(urls[0].toLocalFile())
            event.acceptProposedAction()


def _splitter(top: QWidget, bottom: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    return splitter


def _titled_table(title: str, table: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(note_label(title))
    layout.addWidget(table, 1)
    return box
