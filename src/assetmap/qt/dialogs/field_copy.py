"""File ▸ Save a copy for the field…: a copy of the project to hand to a worker, which can be
merged back later, optionally without personal-data assets and photos (issue 12).

The copy is written by ``core.copies.save_copy`` off the GUI thread, with progress and Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import copies
from assetmap.core.copies import CopyReport
from assetmap.core.errors import AssetmapError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt import file_dialogs
from assetmap.qt.dialogs.worker_dialog import offer_close
from assetmap.qt.i18n import translate
from assetmap.qt.workers import BackgroundJob, Task

QUIET, WARNING = "color: #57606A;", "color: #9A3412;"


class FieldCopyDialog(QDialog):
    """The copy's label, where it goes, what to leave out; then the copy, with progress."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FieldCopy", "Save a copy for the field"))
        self.setMinimumWidth(560)
        self.project = project
        self.report: CopyReport | None = None
        self.label = QLineEdit(copies.default_label())
        self.label.setAccessibleName(translate("FieldCopy", "Label of the copy"))
        start = file_dialogs.start_folder(file_dialogs.PROJECTS)
        self.target = QLineEdit(
            str(
                start
                / translate("FieldCopy", "{name} field copy.gpkg").format(name=project.path.stem)
            )
        )
        self.target.setAccessibleName(translate("FieldCopy", "Save the copy to"))
        choose = QPushButton(translate("FieldCopy", "C&hoose…"))
        choose.clicked.connect(self.choose_target)
        personal, photos = self._counts()
        self.leave_out_personal = QCheckBox(
            translate("FieldCopy", "Leave out &personal-data assets ({n} in this project)").format(
                n=personal
            )
        )
        self.leave_out_personal.setChecked(True)  # personal data stays home unless asked
        self.leave_out_attachments = QCheckBox(
            translate(
                "FieldCopy", "Leave out photos and &attachments ({n} in this project)"
            ).format(n=photos)
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(
            translate("FieldCopy", "&Save the copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        self.job = BackgroundJob(self, progress=self.progress, say=self.message.setText)
        self.job.busyChanged.connect(self._set_busy)
        self._lay_out(choose)
        self._say(
            translate(
                "FieldCopy",
                "The copy is the same project: work done in it can be merged back into this one "
                "later. Its label shows on the title bar wherever it is opened.",
            ),
            QUIET,
        )

    def _lay_out(self, choose: QPushButton) -> None:
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(choose)
        form = QFormLayout()
        label_caption = QLabel(translate("FieldCopy", "&Label:"))
        label_caption.setBuddy(self.label)
        form.addRow(label_caption, self.label)
        form.addRow(translate("FieldCopy", "Save to:"), where)
        form.addRow("", self.leave_out_personal)
        form.addRow("", self.leave_out_attachments)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _counts(self) -> tuple[int, int]:
        conn = self.project.conn
        personal = conn.execute(
            "SELECT count(*) FROM assets WHERE personal_data = 1 AND deleted = 0"
        ).fetchone()[0]
        photos = conn.execute("SELECT count(*) FROM am_attachments WHERE deleted = 0").fetchone()
        return int(personal), int(photos[0])

    def choose_target(self) -> None:
        chosen = file_dialogs.save_file_name(
            self, translate("FieldCopy", "Save a copy for the field"), file_dialogs.PROJECTS,
            Path(self.target.text()).name, translate("FieldCopy", "assetmap project (*.gpkg)"),
        )  # fmt: skip
        if chosen is not None:
            self.target.setText(str(chosen))

    def target_path(self) -> Path:
        text = self.target.text().strip()
        return Path(text if text.lower().endswith(".gpkg") else f"{text}.gpkg")

    # ---- the copy ------------------------------------------------------------------------
    def start(self) -> Task | None:
        if self.job.busy:
            return None
        project, target, label = self.project, self.target_path(), self.label.text().strip()
        personal = not self.leave_out_personal.isChecked()
        attachments = not self.leave_out_attachments.isChecked()

        def work(progress: ProgressFn, cancelled: CancelledFn) -> CopyReport:
            return copies.save_copy(
                project, target, label=label, personal_data=personal,
                attachments=attachments, progress=progress, cancelled=cancelled,
            )  # fmt: skip

        self._say(translate("FieldCopy", "Starting…"), QUIET)
        return self.job.start(
            work,
            self._on_done,
            self._on_failed,
            self._on_cancelled,
            message=translate("FieldCopy", "Copying…"),
        )

    @property
    def task(self) -> Task | None:
        return self.job.task

    def _on_done(self, report: CopyReport) -> None:
        self.report = report
        left = copies.left_out_words(report)
        joined = translate("FieldCopy", " and ").join(left)
        without = translate("FieldCopy", ", without {things}").format(things=joined) if left else ""
        self._say(
            translate(
                "FieldCopy", "Saved “{label}” to {path}: {n} assets{without}, {size} MB."
            ).format(
                label=report.identity.copy_label or report.path.stem,
                path=report.path,
                n=report.assets,
                without=without,
                size=f"{report.size_bytes / 1024 / 1024:.1f}",
            ),
            QUIET,
        )
        file_dialogs.remember_folder(file_dialogs.PROJECTS, report.path)
        offer_close(self, self.buttons, self.start_button)

    def _on_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, AssetmapError):
            self._say(str(error), WARNING)
        else:
            self._say(
                translate(
                    "FieldCopy", "The copy could not be saved: {error}. Nothing was written."
                ).format(error=error),
                WARNING,
            )

    def _on_cancelled(self) -> None:
        self._say(translate("FieldCopy", "Cancelled. Nothing was written."), QUIET)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.label, self.target, self.leave_out_personal,
                       self.leave_out_attachments, self.start_button):  # fmt: skip
            widget.setEnabled(not busy)

    def _cancel(self) -> None:
        if self.job.busy:
            self.job.cancel()
            return
        self.reject()
