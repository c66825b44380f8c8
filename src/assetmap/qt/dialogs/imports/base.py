"""The flow every import shares: choose a file, map its columns, check and import.

This module holds the file step, the walk between steps and the work they run; the last step
(the dry run, its report, and the import: nothing is written before the user presses Import) is
``check_step.CheckAndImport``, mixed into the dialog. Subclasses supply the mapping page (one
step, or several parts of it shown one step at a time) and turn its choices into the importer's
options.

The steps are walked in order: Next and Back move one step, and Enter never presses a button
the user has not moved to. A new user typed a postcode index, pressed Enter and found the check
running with the Category step never seen; Enter in a field now only finishes that field (a
typed path is read), as leaving the field with Tab or a click does.
"""

from __future__ import annotations

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
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError
from assetmap.core.io import preview as pv
from assetmap.core.io.report import ImportReport
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.qt.dialogs.enter_key import enter_presses_only_its_button
from assetmap.qt.dialogs.imports.check_step import CheckAndImport
from assetmap.qt.dialogs.imports.counting import counted
from assetmap.qt.dialogs.imports.preview import (
    PREVIEW_ROWS,
    PreviewTable,
    file_summary,
    layer_choices,
)
from assetmap.qt.dialogs.imports.problems import nothing_importable as nothing_importable
from assetmap.qt.dialogs.imports.problems import problem_text as problem_text
from assetmap.qt.dialogs.imports.report_view import ReportPage
from assetmap.qt.dialogs.imports.style import ERROR_STYLE, HINT_STYLE, note_label
from assetmap.qt.dialogs.imports.workers import Prepare
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

log = logging.getLogger(__name__)

STEP_FILE = 0
STEP_MAP = 1  # the first mapping step; the report is ``dialog.report_step``
FILE_TITLE = QT_TRANSLATE_NOOP("ImportDialog", "Choose file")
REPORT_TITLE = QT_TRANSLATE_NOOP("ImportDialog", "Check and import")
PAGE_FILE, PAGE_MAP, PAGE_REPORT = range(3)
SETTING_FOLDER = "import/folder"
ALL_FILES = QT_TRANSLATE_NOOP("ImportDialog", "All files (*)")


def settings() -> QSettings:
    return QSettings()


class ImportDialog(QDialog, CheckAndImport):
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
        def _options(self) -> DataclassInstance: ...
        def _prepare(self) -> Prepare: ...
        def _command(self, prepared: Any) -> Command: ...

    # The texts below are marked with QT_TRANSLATE_NOOP("ImportDialog", ...) where a subclass
    # sets them, and translated where shown. ``noun`` is singular: counts say "12 areas".
    kind: ClassVar[str] = ""
    noun: ClassVar[str] = "row"
    title: ClassVar[str] = QT_TRANSLATE_NOOP("ImportDialog", "Import")
    file_types: ClassVar[str] = ALL_FILES  # filters joined with ";;", each translated
    intro: ClassVar[str] = ""
    #: The mapping page's parts, each its own step (``_show_mapping_part`` shows one).
    mapping_titles: ClassVar[tuple[str, ...]] = (QT_TRANSLATE_NOOP("ImportDialog", "Map columns"),)

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
        self._task_kind = ""  # what the job runs: "preview", "check" or "import"
        self._problem: str | None = None
        self._built = False
        self._step = STEP_FILE
        self._loaded_text: str | None = None  # the path text last read (typed or chosen)
        self.load_count = 0  # how many times a file was read: once per path, never twice
        self.setWindowTitle(translate("ImportDialog", self.title))
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
        titles = (FILE_TITLE, *self.mapping_titles, REPORT_TITLE)
        return tuple(translate("ImportDialog", title) for title in titles)

    @property
    def report_step(self) -> int:
        return len(self.mapping_titles) + 1

    @property
    def last_mapping_step(self) -> int:
        return self.report_step - 1

    @property
    def busy(self) -> bool:
        return self.job.busy

    @property
    def task(self) -> Task | None:
        return self.job.task

    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: str | Path) -> None:
        """Choose a file (Browse, drag and drop, tests) and read its preview."""
        self.file_edit.setText(str(path))
        self._load_preview(None)

    # ---- building --------------------------------------------------------------------------
    def _build(self) -> None:
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        self.steps_label = QLabel()
        self.steps_label.setAccessibleName(translate("ImportDialog", "Import steps"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(translate("ImportDialog", "Message"))
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
        layout.addWidget(note_label(translate("ImportDialog", self.intro) if self.intro else ""))
        grid = QGridLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(translate("ImportDialog", "File to import"))
        self.file_edit.setPlaceholderText(
            translate("ImportDialog", "Choose a file, or drop one on this window")
        )
        self.file_edit.returnPressed.connect(self._on_file_entered)
        self.file_edit.editingFinished.connect(self._on_file_typed)
        browse = QPushButton(translate("ImportDialog", "&Browse…"))
        browse.setAccessibleName(translate("ImportDialog", "Browse for the file to import"))
        browse.clicked.connect(self._browse)
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName(translate("ImportDialog", "Layer or sheet"))
        self.layer_combo.activated.connect(self._on_layer_chosen)
        file_label = QLabel(translate("ImportDialog", "&File:"))
        file_label.setBuddy(self.file_edit)
        layer_label = QLabel(translate("ImportDialog", "&Layer or sheet:"))
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
        self.file_summary.setAccessibleName(translate("ImportDialog", "What the file holds"))
        layout.addWidget(self.file_summary)
        self.file_table = PreviewTable(translate("ImportDialog", "First rows of the file"))
        layout.addWidget(self.file_table, 1)
        return page

    def _with_preview(self, top: QWidget, hint: str | None = None) -> QSplitter:
        """Every mapping page: the choices above the file's rows, tinted where they are used."""
        self.mapping_table = PreviewTable(
            translate("ImportDialog", "First rows with the columns used")
        )
        hint = hint or translate("ImportDialog", "First rows of the file:")
        return _splitter(top, _titled_table(hint, self.mapping_table))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(220)
        self.progress.setAccessibleName(translate("ImportDialog", "Progress"))
        self.progress.setTextVisible(False)
        self.job = BackgroundJob(self, progress=self.progress, say=self._set_status)
        self.job.busyChanged.connect(self._on_busy_changed)
        self.status = QLabel()
        self.status.setAccessibleName(translate("ImportDialog", "Status"))
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = QPushButton(translate("ImportDialog", "‹ &Back"))
        self.next_button = QPushButton(translate("ImportDialog", "&Next ›"))
        self.cancel_button = QPushButton(translate("ImportDialog", "Cancel"))
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
            translate("ImportDialog", "Step {n} of {total}: {title}").format(
                n=step + 1, total=len(titles), title=titles[step]
            )
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
            self.job.cancel()
        elif not self.busy:
            self.reject()

    def reject(self) -> None:
        """Esc and the close box: stop any check (never a write that has started)."""
        if self._task_kind == "import":
            return
        if self.committed:
            self.accept()
            return
        self.job.cancel()
        super().reject()

    def _update_buttons(self) -> None:
        busy, step = self.busy, self.step
        self.back_button.setEnabled(not busy and not self.committed and step != STEP_FILE)
        self.cancel_button.setEnabled(self._task_kind != "import" and not self.committed)
        next_text = translate("ImportDialog", "&Next ›")
        if step == STEP_FILE:
            self.next_button.setText(next_text)
            self.next_button.setEnabled(not busy and self.preview is not None)
        elif self._is_mapping(step):
            last = step == self.last_mapping_step
            self.next_button.setText(translate("ImportDialog", "&Check ›") if last else next_text)
            self.next_button.setEnabled(not busy and self._can_leave(step))
        elif self.committed:
            self.next_button.setText(translate("ImportDialog", "&Close"))
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText(self._import_button_text())
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
        on_failure: Callable[[BaseException, str], None],
        message: str,
    ) -> None:
        """Run ``work`` (a new one replaces any still running: its outcome is ignored)."""
        self._task_kind = kind
        self.job.start(
            work, on_success, on_failure, lambda: self._on_cancelled(kind), message=message
        )

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        if not busy:
            self._task_kind = ""
        self._update_buttons()

    def _on_cancelled(self, kind: str) -> None:
        if kind == "check":
            self.prepared = self.report = None
            self._go(self.last_mapping_step)
        self._set_status(translate("ImportDialog", "Cancelled; nothing was changed."))

    # ---- step 1: the file and its preview ---------------------------------------------------
    @Slot()
    def _browse(self) -> None:
        path = self.path()
        start = path.parent if path else settings().value(SETTING_FOLDER, "")
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "{title}: choose a file").format(
                title=translate("ImportDialog", self.title)
            ),
            str(start or Path.home()),
            ";;".join(translate("ImportDialog", kind) for kind in self.file_types.split(";;")),
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
        work = self._preview_work(path, layer)
        reading = translate("ImportDialog", "Reading {file}…").format(file=path.name)
        self._run("preview", work, self._on_preview, self._on_preview_failed, reading)

    def _preview_work(
        self, path: Path, layer: str | None
    ) -> Callable[[ProgressFn, CancelledFn], pv.Preview]:
        """The worker that reads the file's first rows; a source that is not one table (an
        Open Referral directory) reads itself into a preview of its own."""
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

        return work

    def _area_codes(self) -> set[str] | None:
        return None

    @Slot(object)
    def _on_preview(self, result: pv.Preview) -> None:
        self.preview = result
        self._fill_layers(result)
        self.file_summary.setText(file_summary(result))
        self.file_table.show_preview(result)
        self.mapping_table.show_preview(result)
        self._fill_mapping(result)
        self._set_status(
            translate("ImportDialog", "Read {rows} from {file}").format(
                rows=counted(result.row_count, result.row_noun), file=result.path.name
            )
        )
        self._refresh()

    @Slot(object, str)
    def _on_preview_failed(self, error: BaseException, details: str) -> None:
        if not isinstance(error, AssetmapError):
            log.error("reading a preview failed\n%s", details)
        self._show_banner(
            translate("ImportDialog", "This file cannot be read: {problem}").format(
                problem=problem_text(error)
            ),
            error=True,
        )
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
