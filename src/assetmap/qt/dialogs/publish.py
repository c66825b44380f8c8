"""File ▸ Share ▸ Publish to a database…: put this project on a PostgreSQL/PostGIS server as
the team's shared map (core.shared.publish), from a worker, with progress and Cancel.

The password typed here is used for this connection and, only if asked, kept in the
operating system's keyring; it is never written to the project file. Assets holding personal
data stay on this laptop unless the box is ticked.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import AssetmapError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.dialogs.worker_dialog import offer_close
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

QUIET, WARNING = "color: #57606A;", "color: #9A3412;"
ADDRESS_HINT = QT_TRANSLATE_NOOP(
    "Publish", "postgresql://user@host:5432/database  or  service=NAME"
)


class PublishDialog(QDialog):
    """Address, password, schema, personal data; then Publish on a worker."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result_text = ""
        self.setWindowTitle(translate("Publish", "Publish to a database"))
        self.resize(640, 0)
        self._build()
        self.job = BackgroundJob(self, progress=self.progress, say=self._quiet)
        self.job.busyChanged.connect(self._busy)

    # ---- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            translate(
                "Publish",
                "Put this project on a PostgreSQL database with PostGIS as the team's shared "
                "map. Everyone then syncs their own copy with it, and QGIS opens its layers "
                "directly. The project file stays this laptop's offline copy.",
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit(placeholderText=translate("Publish", ADDRESS_HINT))
        self.address.setAccessibleName(translate("Publish", "Database address"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            translate("Publish", "leave empty to use the keyring, PGPASSWORD or ~/.pgpass")
        )
        self.password.setAccessibleName(translate("Publish", "Password"))
        self.remember = QCheckBox(
            translate("Publish", "Keep the password in this computer's keyring")
        )
        self.remember.setToolTip(
            translate("Publish", "Never in the project file; only this user's keyring")
        )
        self.schema = QLineEdit("assetmap")
        self.schema.setAccessibleName(translate("Publish", "PostgreSQL schema"))
        personal = self._personal_count()
        self.personal = QCheckBox(
            translate("Publish", "Include assets holding personal data ({n})").format(n=personal)
        )
        self.personal.setEnabled(personal > 0)
        self.personal.setToolTip(
            translate("Publish", "Left unticked, they stay on this laptop only")
        )
        form = QFormLayout()
        form.addRow(translate("Publish", "Database:"), self.address)
        form.addRow(translate("Publish", "Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(translate("Publish", "Schema:"), self.schema)
        form.addRow("", self.personal)
        self.progress = QProgressBar()
        self.message = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            translate("Publish", "&Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.address.textChanged.connect(self._check_ready)
        self._check_ready()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _personal_count(self) -> int:
        row = self.session.project.conn.execute(
            "SELECT count(*) FROM assets WHERE personal_data = 1 AND deleted = 0"
        ).fetchone()
        return int(row[0])

    def _check_ready(self) -> None:
        self.publish_button.setEnabled(bool(self.address.text().strip()) and not self.job_busy)

    @property
    def job_busy(self) -> bool:
        return hasattr(self, "job") and self.job.busy

    def _busy(self, busy: bool) -> None:
        for widget in (self.address, self.password, self.schema, self.personal, self.remember):
            widget.setEnabled(not busy)
        self.personal.setEnabled(not busy and self._personal_count() > 0)
        self._check_ready()

    def _quiet(self, text: str) -> None:
        self._say(text, QUIET)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    def reject(self) -> None:
        """Cancel (or Escape) while publishing stops it, and nothing reaches the server; the
        dialog closes once idle."""
        if self.job.busy:
            self.job.cancel()
            return
        super().reject()

    # ---- publishing --------------------------------------------------------------------
    def start(self) -> Task | None:
        from assetmap.core.shared.connection import parse_target
        from assetmap.core.shared.publish import PublishResult, publish

        if self.job.busy:
            return None
        try:
            target = parse_target(self.address.text())
        except AssetmapError as exc:
            self._say(str(exc), WARNING)
            return None
        typed = self.password.text()
        if typed:
            target = replace(target, password=typed)
        path, schema = self.session.project.path, self.schema.text().strip() or "assetmap"
        include = self.personal.isChecked()

        def work(progress: ProgressFn, cancelled: CancelledFn) -> PublishResult:
            with Project.open(path) as project:  # the worker's own connection
                return publish(
                    project, target, schema=schema, include_personal=include,
                    progress=progress, cancelled=cancelled,
                )  # fmt: skip

        self._remembered = (target, typed) if typed and self.remember.isChecked() else None
        return self.job.start(
            work,
            self._published,
            self._failed,
            self._cancelled,
            message=translate("Publish", "Publishing…"),
        )

    def _cancelled(self) -> None:
        self._say(
            translate(
                "Publish", "Cancelled: nothing was published and the server was left as it was."
            ),
            QUIET,
        )

    def _published(self, result: object) -> None:
        from assetmap.core.shared.publish import PublishResult, report_text

        assert isinstance(result, PublishResult)
        kept = self._keep_password()
        self.result_text = report_text(result)
        self.session.project.invalidate()
        self._say(self.result_text.replace(
            "assetmap sync PROJECT", translate("Publish", "File ▸ Share ▸ Sync")) + kept,
                  QUIET)  # fmt: skip
        offer_close(self, self.buttons, self.publish_button)

    def _keep_password(self) -> str:
        if self._remembered is None:
            return ""
        from assetmap.core.shared.connection import KEYRING_SERVICE

        target, typed = self._remembered
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, target.keyring_user, typed)
        except Exception as exc:  # no usable keyring here: say so, the publish stands
            return "\n" + translate(
                "Publish", "The password could not be kept in the keyring ({error})."
            ).format(error=exc)
        return "\n" + translate("Publish", "The password is kept in this computer's keyring.")

    def _failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, AssetmapError):
            self._say(str(error), WARNING)
            return
        self._say(
            translate("Publish", "Publishing failed; nothing was changed on the server."), WARNING
        )
        show_error(self, translate("Publish", "Could not publish"), error, details)
