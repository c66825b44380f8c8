"""File ▸ Merge a copy…: bring a colleague's copy (or a copy for the field) into this project.

The plan (``core.merge.plan_merge``) is worked out on a worker with its own connection: it
only reads, so Cancel simply drops it. The preview says what would change in plain words,
lets the user resolve conflicts side by side and save the report, and Merge runs it as one
``MergeCopy`` command on the window's stack (a big one written from a worker through
``qt.committing.push_prepared``), so Edit ▸ Undo "Merge <file>" takes all of it back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError, ConflictError, UnrelatedProjectError
from assetmap.core.merge import MergeCopy, MergePlan, plan_merge
from assetmap.core.merge.report import write_csv
from assetmap.core.merge.unrelated import plan_unrelated
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled
from assetmap.core.project import Project
from assetmap.qt import file_dialogs
from assetmap.qt.committing import push_prepared
from assetmap.qt.dialogs.merge_conflicts import ConflictsDialog
from assetmap.qt.dialogs.merge_words import (
    SUMMARY_ROWS,
    conflicts_words,
    merged_words,
    nothing_changed,
    summary_rows,
)
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

__all__ = ["MergeCopyDialog", "choose_copy", "merged_words"]

QUIET, WARNING, GOOD = "color: #57606A;", "color: #9A3412;", "color: #1A7F37;"
Resolutions = dict[tuple[str, str], Any]
Unrelated = Callable[[Path, UnrelatedProjectError], None]


def choose_copy(parent: QWidget) -> Path | None:
    """The copy to merge, asked for in the folder projects were last saved to."""
    start = file_dialogs.start_folder(file_dialogs.PROJECTS)
    chosen, _ = QFileDialog.getOpenFileName(
        parent, translate("MergeCopy", "Merge a copy"), str(start),
        translate("MergeCopy", "assetmap projects (*.gpkg);;All files (*)"), "",
        file_dialogs.OPTIONS,
    )  # fmt: skip
    return Path(chosen) if chosen else None


class MergeCopyDialog(QDialog):
    """Works out the plan for ``other``, shows it, and merges it when asked.

    ``on_unrelated(path, error)`` runs (after the dialog closes) when ``other`` is another
    project rather than a copy of this one (by default ``_offer_import_unrelated``);
    ``on_merged(plan)`` once the merge is in. With ``unrelated`` the other project's assets
    are imported as new ones instead (core.merge.unrelated), the same way: preview, then
    one undoable step."""

    def __init__(
        self,
        session: Session,
        other: Path,
        parent: QWidget | None = None,
        *,
        on_unrelated: Unrelated | None = None,
        on_merged: Callable[[MergePlan], None] | None = None,
        unrelated: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session, self.other = session, Path(other)
        self.unrelated = unrelated
        self.on_unrelated, self.on_merged = on_unrelated, on_merged
        self.plan: MergePlan | None = None
        self.resolutions: Resolutions = {}
        self.merged = False
        self.dropped = False  # Cancelled: a plan still on its way is thrown away
        self.setWindowTitle(
            (
                translate("MergeCopy", "Import the assets of {name}")
                if unrelated
                else translate("MergeCopy", "Merge {name}")
            ).format(name=self.other.name)
        )
        self.resize(1000, 680)
        self._build()
        self.job = BackgroundJob(self, progress=self.progress, say=self._say_quietly)
        self.job.busyChanged.connect(self._set_busy)
        self.work_out_plan()

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(
            translate("MergeCopy", "Working out what merging {name} would change…").format(
                name=self.other.name
            )
        )
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.summary = QFrame()
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        counts = QGridLayout(self.summary)
        counts.setContentsMargins(14, 10, 14, 10)
        counts.setHorizontalSpacing(16)
        counts.setVerticalSpacing(6)
        counts.setColumnStretch(1, 1)
        self.count_labels: list[tuple[QLabel, QLabel]] = []
        for row in range(SUMMARY_ROWS):
            count, words = QLabel(), QLabel()
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            counts.addWidget(count, row, 0)
            counts.addWidget(words, row, 1)
            self.count_labels.append((count, words))
        self.summary.hide()
        self.list_caption = QLabel(translate("MergeCopy", "In detail:"))
        self.lines = QListWidget()
        self.lines.setAccessibleName(
            translate("MergeCopy", "What the merge would change, line by line")
        )
        self.lines.setWordWrap(True)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setResizeMode(QListView.ResizeMode.Adjust)
        self.progress = QProgressBar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.resolve_button = QPushButton(translate("MergeCopy", "&Resolve conflicts…"))
        self.report_button = QPushButton(translate("MergeCopy", "&Save report…"))
        self.merge_button = QPushButton(
            translate("MergeCopy", "&Import")
            if self.unrelated
            else translate("MergeCopy", "&Merge")
        )
        self.cancel_button = QPushButton(translate("MergeCopy", "Cancel"))
        self.close_button = QPushButton(translate("MergeCopy", "Close"))
        self.close_button.hide()
        self.resolve_button.clicked.connect(self.resolve_conflicts)
        self.report_button.clicked.connect(self.save_report)
        self.merge_button.clicked.connect(self.merge)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        for button in (self.resolve_button, self.report_button, self.merge_button):
            button.setEnabled(False)
            button.setAutoDefault(False)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for button in (self.merge_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list_caption)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reject(self) -> None:
        """Escape or closing the window while the plan is worked out drops it too."""
        if self.job.busy and self.plan is None:
            self.dropped = True
            self.job.cancel("")
        super().reject()

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def _say_quietly(self, text: str) -> None:
        self._say(text, QUIET)

    def _set_busy(self, busy: bool) -> None:
        # Planning only reads, so Cancel drops it; a merge being written runs to its end.
        self.cancel_button.setEnabled(not (busy and self.plan is not None))
        if busy:
            for button in (self.resolve_button, self.report_button, self.merge_button):
                button.setEnabled(False)
        elif self.plan is not None:
            self._show_plan()

    # ---- the plan --------------------------------------------------------------------------
    def work_out_plan(self) -> None:
        """Read both files on a worker (its own connection: SQLite's are per thread)."""
        this, other, unrelated = self.session.project.path, self.other, self.unrelated

        reading = translate(
            "MergeCopy", "Reading {name} and comparing it with this project…"
        ).format(name=other.name)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> MergePlan:
            progress(0.1, reading)
            with Project.open(this) as project:
                plan = plan_unrelated(project, other) if unrelated else plan_merge(project, other)
            check_cancelled(cancelled)  # the plan only read: dropping it changes nothing
            return plan

        self.plan, self.resolutions = None, {}
        self.summary.hide()  # worked out again: the old counts no longer hold
        self.heading.setText(
            translate("MergeCopy", "Working out what merging {name} would change…").format(
                name=other.name
            )
        )
        self.job.start(work, self._planned, self._plan_failed, self._plan_cancelled)
        self.progress.setRange(0, 0)  # plan_merge reports no steps: a busy bar

    def _planned(self, plan: MergePlan) -> None:
        if self.dropped:  # finished just as Cancel was clicked
            return
        self.plan = plan
        self.resolutions = {}
        self.progress.setRange(0, 1000)
        self._show_plan()

    def _plan_failed(self, error: BaseException, details: str) -> None:
        self.progress.setRange(0, 1000)
        if isinstance(error, UnrelatedProjectError):
            self.reject()
            if self.on_unrelated is not None:
                self.on_unrelated(self.other, error)
            else:
                _offer_import_unrelated(self.parentWidget() or self, self.other, error)
            return
        self.heading.setText(
            translate("MergeCopy", "{name} cannot be merged").format(name=self.other.name)
        )
        if isinstance(error, AssetmapError):
            self._say(nothing_changed(str(error)), WARNING)
        else:
            show_error(self, translate("MergeCopy", "Could not read the copy"), error, details)
            self._say(
                translate("MergeCopy", "The copy could not be read. Nothing was changed."), WARNING
            )
        self._offer_close()
        self._shrink_to_message()

    def _plan_cancelled(self) -> None:
        self.progress.setRange(0, 1000)

    def _show_plan(self) -> None:
        plan = self.plan
        assert plan is not None
        if plan.is_empty:
            self.heading.setText(
                translate(
                    "MergeCopy", "Already up to date: nothing to bring in from {name}"
                ).format(name=plan.other_path.name)
            )
            self._say(
                translate("MergeCopy", "This project already has every change made in that copy."),
                QUIET,
            )
            self._offer_close()
            self._shrink_to_message()
            return
        label = plan.other.copy_label or translate("MergeCopy", "a copy of this project")
        self.heading.setText(
            translate(
                "MergeCopy", "Importing the assets of {name} (another project) would bring in:"
            ).format(name=plan.other_path.name)
            if self.unrelated
            else translate("MergeCopy", "Merging {name} ({label}) would bring in:").format(
                name=plan.other_path.name, label=label
            )
        )
        self._fill_counts(plan)
        self._fill_lines(plan)
        self._update_buttons()

    def _fill_counts(self, plan: MergePlan) -> None:
        for (count, words), (number, meaning) in zip(
            self.count_labels, summary_rows(plan), strict=True
        ):
            nothing = number.startswith("0 ")
            count.setStyleSheet("color: #8C959F;" if nothing else "font-weight: 600;")
            words.setStyleSheet("color: #8C959F;" if nothing else "")
            count.setText(number)
            words.setText(meaning)
        self.summary.show()

    def _fill_lines(self, plan: MergePlan) -> None:
        self.lines.clear()
        self.lines.addItems(plan.report_lines(self.resolutions))

    def _update_buttons(self) -> None:
        plan = self.plan
        assert plan is not None
        left = len(plan.unresolved(self.resolutions))
        self.resolve_button.setEnabled(bool(plan.conflicts))
        self.resolve_button.setText(
            translate("MergeCopy", "&Resolve conflicts… ({left} to resolve)").format(left=left)
            if left
            else translate("MergeCopy", "&Resolve conflicts…")
        )
        self.report_button.setEnabled(True)
        self.merge_button.setEnabled(left == 0)
        self.merge_button.setDefault(left == 0)
        if left:
            self.merge_button.setToolTip(translate("MergeCopy", "Resolve every conflict first"))
            self._say(
                translate(
                    "MergeCopy",
                    "{conflicts} still to resolve before merging: "
                    "both copies changed the same field differently, and nothing is decided "
                    "for you: choose with Resolve conflicts…",
                ).format(conflicts=conflicts_words(left)),
                WARNING,
            )
        elif self.unrelated:
            self.merge_button.setToolTip(
                translate("MergeCopy", "Import as shown; Edit ▸ Undo takes it all back")
            )
            self._say(
                translate(
                    "MergeCopy",
                    "Ready to import. It is one step: Edit ▸ Undo takes all of it back.",
                ),
                QUIET,
            )
        else:
            self.merge_button.setToolTip(
                translate("MergeCopy", "Merge as shown; Edit ▸ Undo takes it all back")
            )
            self._say(
                translate(
                    "MergeCopy", "Ready to merge. It is one step: Edit ▸ Undo takes all of it back."
                ),
                QUIET,
            )

    def _shrink_to_message(self) -> None:
        """Only a sentence to show: no empty list, and a dialog the size of what it says."""
        self.list_caption.hide()
        self.lines.hide()
        self.column.activate()
        self.resize(640, self.minimumSizeHint().height())

    def _offer_close(self) -> None:
        for button in (self.resolve_button, self.report_button, self.merge_button):
            button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # ---- conflicts and report ----------------------------------------------------------
    def resolve_conflicts(self) -> ConflictsDialog | None:
        if self.plan is None or not self.plan.conflicts:
            return None
        dialog = ConflictsDialog(
            self.plan.conflicts,
            self.plan.other_path.name,
            self.resolutions,
            self._category_label,
            self,
        )
        dialog.accepted.connect(lambda: self.set_resolutions(dialog.resolutions()))
        dialog.open()
        return dialog

    def set_resolutions(self, resolutions: Resolutions) -> None:
        self.resolutions = dict(resolutions)
        assert self.plan is not None
        self._fill_lines(self.plan)
        self._update_buttons()

    def _category_label(self, key: str) -> str:
        found = self.session.category(key)
        return found.label if found is not None else key

    def save_report(self) -> Path | None:
        if self.plan is None:
            return None
        chosen = file_dialogs.save_file_name(
            self, translate("MergeCopy", "Save the merge report"), file_dialogs.EXPORTS,
            translate("MergeCopy", "merge {name}.csv").format(name=self.plan.other_path.stem),
            "CSV (*.csv)",
        )  # fmt: skip
        if chosen is None:
            return None
        try:
            path = write_csv(self.plan, self.resolutions, chosen, None)
        except AssetmapError as exc:
            self._say(str(exc), WARNING)
            return None
        self._say(translate("MergeCopy", "Report saved to {path}.").format(path=path), QUIET)
        return path

    # ---- the merge --------------------------------------------------------------------
    def merge(self) -> None:
        plan = self.plan
        if plan is None or self.job.busy or plan.unresolved(self.resolutions):
            return
        try:
            command = MergeCopy(plan, dict(self.resolutions))
        except AssetmapError as exc:
            self._say(str(exc), WARNING)
            return
        rows = len(plan.added) + len(plan.updates) + len(plan.conflicts)
        self.progress.setRange(0, 1000)
        push_prepared(
            self.job, self.session, command, rows, self._merged, self._merge_failed,
            message=translate("MergeCopy", "Merging {name}…").format(name=plan.other_path.name),
        )  # fmt: skip

    def _merged(self, command: Command) -> None:
        assert self.plan is not None
        self.merged = True
        self.accept()
        if self.on_merged is not None:
            self.on_merged(self.plan)

    def _merge_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, ConflictError):
            self._offer_again(error)
            return
        if isinstance(error, AssetmapError):
            self._say(str(error), WARNING)
        else:
            show_error(self, translate("MergeCopy", "Could not merge the copy"), error, details)
            self._say(
                translate("MergeCopy", "The merge could not be written. Nothing was changed."),
                WARNING,
            )
        if self.plan is not None:
            self._update_buttons()

    def _offer_again(self, error: ConflictError) -> None:
        """The project moved on since the plan: the plan would overwrite newer edits."""
        self._say(str(error), WARNING)
        answer = QMessageBox.question(
            self,
            translate("MergeCopy", "The project has changed"),
            translate(
                "MergeCopy",
                "{error}\n\nWork out the merge again from the project as it is now? "
                "Your choices for conflicts will have to be made again.",
            ).format(error=error),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.work_out_plan()
        elif self.plan is not None:
            self._update_buttons()


def _offer_import_unrelated(window: QWidget, path: Path, error: UnrelatedProjectError) -> None:
    """Another project, not a copy of this one, where nothing more can be offered: said
    plainly, nothing changed."""
    QMessageBox.warning(
        window,
        translate("MergeCopy", "Not a copy of this project"),
        translate(
            "MergeCopy", "{error}\n\n{name} was not merged and this project was not changed."
        ).format(error=error, name=path.name),
    )


def ask_import_unrelated(window: QWidget, path: Path, error: UnrelatedProjectError) -> bool:
    """Another project: merging it field by field would be wrong, but its assets can come in
    as new ones, with the likely duplicates to review afterwards. True when asked to."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("MergeCopy", "Not a copy of this project"),
        translate(
            "MergeCopy",
            "{name} is another project, not a copy of this one, so it cannot be merged "
            "field by field.\n\nIts assets can be imported as new ones instead: categories are "
            "matched by name, assets already here are not brought in twice, and the likely "
            "duplicates between its assets and yours are listed for you to review.",
        ).format(name=path.name),
        QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setDetailedText(str(error))
    box.setObjectName("importUnrelatedQuestion")
    do_it = box.addButton(
        translate("MergeCopy", "Import its assets…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is do_it
