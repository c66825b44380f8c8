"""The start after a crash: say what happened, show the report, help send it on."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assetmap.qt.crash_log import CrashReport
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

HEADING = QT_TRANSLATE_NOOP("CrashReport", "assetmap closed unexpectedly last time")


class CrashReportDialog(QDialog):
    """Offered once per crash, on the next start, over the main window."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("assetmap")
        self.setAccessibleName(translate("CrashReport", "Crash report"))
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(f"<b>{translate('CrashReport', HEADING)}</b>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(
            translate(
                "CrashReport",
                "Every change you had finished was saved as you made it; only an edit still open "
                "in a form may be lost.\n\n"
                "A report of what the app was doing was saved: a short text file you can read. "
                "If this happens again, please send it to whoever looks after assetmap for you.",
            )
        )
        self.message.setWordWrap(True)
        self.location = QLabel(translate("CrashReport", "Saved as {path}").format(path=report.path))
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setStyleSheet("color: palette(placeholder-text);")

        self.details = QPlainTextEdit(report.text)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(translate("CrashReport", "Crash report text"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(260)
        self.details.hide()

        self.details_button = QPushButton(translate("CrashReport", "Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.copy_button = QPushButton(translate("CrashReport", "Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button = QPushButton(translate("CrashReport", "Open folder"))
        self.folder_button.setToolTip(str(report.folder))
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)

        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message)
        text.addWidget(self.location)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(
            translate("CrashReport", "Hide details")
            if shown
            else translate("CrashReport", "Show details")
        )
        self.adjustSize()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.text)
        self.copy_button.setText(translate("CrashReport", "Copied"))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.folder)))
