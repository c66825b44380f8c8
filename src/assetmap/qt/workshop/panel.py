"""The Workshop dock: the current session, sharing it (interface, address, a large QR code)
and the moderation queue.

Everything it does goes through the ``WorkshopController``; it keeps no state of its own
but which cards the facilitator has not looked at yet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import AssetmapError
from assetmap.core.workshop.server import network_addresses
from assetmap.qt.errors import attempt, show_error
from assetmap.qt.file_dialogs import save_file_name
from assetmap.qt.i18n import translate
from assetmap.qt.workers import BackgroundJob
from assetmap.qt.workshop.controller import LOOPBACK, WorkshopController
from assetmap.qt.workshop.dialogs import ApproveForm
from assetmap.qt.workshop.queue import QueueList
from assetmap.qt.workshop.summary_export import SUMMARY_FILTERS, summary_work

QR_PX = 150  # in the dock, beside the address; Show large… for the room
LARGE_QR_PX = 620
MUTED = "color: #57606A;"


class WorkshopPanel(QWidget):
    """The dock's widget. ``newSessionRequested`` / ``exportRequested``: the window's hook
    runs those (they open dialogs the menu opens too)."""

    newSessionRequested = Signal()
    exportRequested = Signal()
    pendingCountChanged = Signal(int, int)  # waiting, new since last looked

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(translate("WorkshopPanel", "Workshop"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._session_box())
        layout.addWidget(self._sharing_box())
        layout.addWidget(self._queue_box(), 1)
        controller.workshop_changed.connect(self.refresh)
        controller.sharing_changed.connect(self._show_sharing)
        controller.queue_changed.connect(self._show_queue)
        self.refresh()

    # ---- building ------------------------------------------------------------------------
    def _session_box(self) -> QGroupBox:
        box = QGroupBox(translate("WorkshopPanel", "Session"))
        self.session_title = QLabel()
        self.session_title.setWordWrap(True)
        self.session_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.session_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.session_title.setFont(font)
        self.session_details = QLabel()
        self.session_details.setWordWrap(True)
        self.session_details.setTextFormat(Qt.TextFormat.PlainText)
        self.session_details.setStyleSheet(MUTED)
        self.new_button = QPushButton(translate("WorkshopPanel", "New session…"))
        self.new_button.clicked.connect(self.newSessionRequested)
        self.end_button = QPushButton(translate("WorkshopPanel", "End session"))
        self.end_button.setToolTip(
            translate("WorkshopPanel", "Close the session to new pins; sharing stops")
        )
        self.end_button.clicked.connect(self._end_session)
        self.export_button = QPushButton(translate("WorkshopPanel", "Export summary…"))
        self.export_button.setToolTip(
            translate("WorkshopPanel", "The session's pins, tallies and comments as PDF or CSV")
        )
        self.export_button.clicked.connect(self.exportRequested)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.end_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.export_progress = QProgressBar()
        self.export_cancel = QPushButton(translate("WorkshopPanel", "Cancel"))
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setStyleSheet(MUTED)
        self.export_status.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.export_progress, 1)
        progress_row.addWidget(self.export_cancel)
        self.export_job = BackgroundJob(
            self, progress=self.export_progress, cancel_button=self.export_cancel,
            say=self._say_export,
        )  # fmt: skip
        self.export_job.busyChanged.connect(lambda busy: self.export_button.setEnabled(not busy))
        layout = QVBoxLayout(box)
        layout.addWidget(self.session_title)
        layout.addWidget(self.session_details)
        layout.addLayout(buttons)
        layout.addLayout(progress_row)
        layout.addWidget(self.export_status)
        return box

    def _sharing_box(self) -> QGroupBox:
        box = QGroupBox(translate("WorkshopPanel", "Phones join here"))
        self.interface_combo = QComboBox()
        self.interface_combo.setAccessibleName(translate("WorkshopPanel", "Network to share on"))
        self.interface_combo.setToolTip(
            translate(
                "WorkshopPanel",
                "Only this computer, unless you choose the room's network "
                "(or this laptop's hotspot)",
            )
        )
        self.share_button = QPushButton(translate("WorkshopPanel", "Start sharing"))
        self.share_button.setMinimumHeight(34)
        self.share_button.setStyleSheet("font-weight: 600;")
        self.share_button.clicked.connect(self._toggle_sharing)
        row = QHBoxLayout()
        row.addWidget(self.interface_combo, 1)
        row.addWidget(self.share_button)
        self.address = QLabel()
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.address.setAccessibleName(translate("WorkshopPanel", "Join address"))
        self.copy_button = QPushButton(translate("WorkshopPanel", "Copy address"))
        self.copy_button.clicked.connect(self._copy_address)
        self.large_button = QPushButton(translate("WorkshopPanel", "Show large…"))
        self.large_button.setToolTip(
            translate("WorkshopPanel", "The code and address big enough for a room to scan")
        )
        self.large_button.clicked.connect(self.show_large_code)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.qr.setAccessibleName(translate("WorkshopPanel", "QR code of the join address"))
        self.sharing_note = QLabel()
        self.sharing_note.setWordWrap(True)
        self.sharing_note.setStyleSheet(MUTED)
        side = QVBoxLayout()
        side.addWidget(self.address)
        side.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.large_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.sharing_note)
        side.addStretch(1)
        code_row = QHBoxLayout()
        code_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        code_row.addLayout(side, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addLayout(code_row)
        self._fill_interfaces()
        return box

    def _queue_box(self) -> QGroupBox:
        self.queue_box = QGroupBox(translate("WorkshopPanel", "Waiting for review"))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.new_badge = QPushButton()
        self.new_badge.setFlat(True)
        self.new_badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_badge.setToolTip(translate("WorkshopPanel", "Seen them: stop highlighting"))
        self.new_badge.setStyleSheet(
            "QPushButton { background: #BF8700; color: white; border-radius: 10px;"
            " padding: 2px 10px; font-weight: 600; }"
        )
        self.new_badge.clicked.connect(self._mark_seen)
        self.new_badge.hide()
        self.auto_check = QCheckBox(translate("WorkshopPanel", "Approve automatically"))
        self.auto_check.setToolTip(
            translate(
                "WorkshopPanel",
                "New pins go on the map at once, without review (those already waiting stay here)",
            )
        )
        self.auto_check.toggled.connect(self._set_auto_approve)
        head = QHBoxLayout()
        head.addWidget(self.count_label)
        head.addWidget(self.new_badge)
        head.addStretch(1)
        head.addWidget(self.auto_check)
        self.queue = QueueList()
        self.queue.decided.connect(self._decide)
        self.queue_empty = QLabel()
        self.queue_empty.setWordWrap(True)
        self.queue_empty.setStyleSheet(MUTED)
        layout = QVBoxLayout(self.queue_box)
        layout.addLayout(head)
        layout.addWidget(self.queue_empty)
        layout.addWidget(self.queue, 1)
        return self.queue_box

    def _fill_interfaces(self) -> None:
        self.interface_combo.clear()
        try:
            found = network_addresses()
        except OSError:
            found = []
        if not any(address == LOOPBACK for _label, address in found):
            found.insert(0, ("", LOOPBACK))
        for label, address in found:
            text = (
                translate("WorkshopPanel", "This computer only (for trying it out)")
                if address == LOOPBACK
                else translate("WorkshopPanel", "{network}: {address}").format(
                    network=label or translate("WorkshopPanel", "Network"), address=address
                )
            )
            self.interface_combo.addItem(text, address)

    # ---- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        workshop = self.controller.workshop
        live = workshop is not None and not workshop.ended
        if workshop is None:
            self.session_title.setText(translate("WorkshopPanel", "No workshop session yet"))
            self.session_details.setText(
                translate(
                    "WorkshopPanel",
                    "Start one to collect pins from the room: from phones, and your own.",
                )
            )
        else:
            self.session_title.setText(workshop.name)
            self.session_details.setText(workshop.details())
        self.end_button.setEnabled(live)
        self.export_button.setEnabled(workshop is not None)
        self.auto_check.blockSignals(True)
        self.auto_check.setChecked(bool(workshop and workshop.auto_approve))
        self.auto_check.blockSignals(False)
        self.auto_check.setEnabled(live)
        self._show_sharing()
        self._show_queue()

    def _show_sharing(self) -> None:
        c = self.controller
        live = c.workshop is not None and not c.workshop.ended
        self.share_button.setText(
            translate("WorkshopPanel", "Stop sharing")
            if c.sharing
            else translate("WorkshopPanel", "Start sharing")
        )
        self.share_button.setEnabled(live or c.sharing)
        self.interface_combo.setEnabled(not c.sharing and live)
        if c.sharing:  # say the network it is shared on, however sharing was started
            found = self.interface_combo.findData(c.host)
            if found >= 0:
                self.interface_combo.setCurrentIndex(found)
        self.copy_button.setVisible(c.url is not None)
        self.large_button.setVisible(c.url is not None)
        if c.url is None:
            self.address.setText(
                translate("WorkshopPanel", "Not shared: phones cannot reach this map.")
            )
            self.qr.clear()
            self.qr.hide()
            self.sharing_note.setText(
                translate(
                    "WorkshopPanel",
                    "Choose the room's network (or this laptop's hotspot), then Start sharing.",
                )
                if live
                else ""
            )
            return
        self.address.setText(c.url)
        image = c.qr_image(QR_PX)
        if image is not None:
            self.qr.setPixmap(QPixmap.fromImage(image))
            self.qr.setFixedSize(image.size())
            self.qr.show()
        self.sharing_note.setText(
            translate(
                "WorkshopPanel",
                "Only this computer can open the address: choose a network to let phones in.",
            )
            if c.host == LOOPBACK
            else translate(
                "WorkshopPanel",
                "Point a phone's camera at the code. No app and no internet needed.",
            )
        )

    def _show_queue(self) -> None:
        items = self.controller.pending()
        self.queue.show_items(items, self.controller.session.category)
        n = len(items)
        self.count_label.setText(
            translate("WorkshopPanel", "{n} waiting").format(n=n)
            if n
            else translate("WorkshopPanel", "Nothing waiting")
        )
        self.queue_box.setTitle(
            translate("WorkshopPanel", "Waiting for review ({n})").format(n=n)
            if n
            else translate("WorkshopPanel", "Waiting for review")
        )
        new = self.queue.new_count
        self.new_badge.setText(translate("WorkshopPanel", "{n} new").format(n=new))
        self.new_badge.setVisible(new > 0)
        self.queue.setVisible(n > 0)
        self.queue_empty.setVisible(n == 0)
        self.queue_empty.setText(
            translate(
                "WorkshopPanel",
                "Pins from phones appear here, newest first, until you approve or reject them.",
            )
            if self.controller.workshop is not None
            else ""
        )
        self.pendingCountChanged.emit(n, new)

    # ---- acting ---------------------------------------------------------------------------
    def _toggle_sharing(self) -> None:
        c = self.controller
        if c.sharing:
            c.stop_sharing()
            return
        host = str(self.interface_combo.currentData() or LOOPBACK)
        try:
            c.start_sharing(host)
        except (OSError, RuntimeError, AssetmapError) as error:
            show_error(self, translate("WorkshopPanel", "Could not start sharing"), error)

    def show_large_code(self) -> QDialog | None:
        """The code and the address, big, for a projector without Presentation mode."""
        image = self.controller.qr_image(LARGE_QR_PX)
        if image is None or self.controller.url is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(translate("WorkshopPanel", "Join the map from your phone"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        code = QLabel()
        code.setPixmap(QPixmap.fromImage(image))
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = QLabel(
            translate("WorkshopPanel", "Scan the code, or open {url}").format(
                url=self.controller.url
            )
        )
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = words.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        words.setFont(font)
        layout = QVBoxLayout(dialog)
        layout.addWidget(code)
        layout.addWidget(words)
        self.controller.sharing_changed.connect(dialog.close)
        dialog.show()
        return dialog

    def _copy_address(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.controller.url and clipboard is not None:
            clipboard.setText(self.controller.url)

    def _end_session(self) -> None:
        self._run(self.controller.end_session)

    def _set_auto_approve(self, on: bool) -> None:
        self._run(lambda: self.controller.set_auto_approve(on))

    def _mark_seen(self) -> None:
        self.queue.mark_all_seen()
        self._show_queue()

    def _decide(self, action: str, uuid: str) -> None:
        c = self.controller
        self.queue.mark_all_seen()
        if action == "approve":
            self._run(lambda: c.approve([uuid]))
        elif action == "reject":
            self._run(lambda: c.reject([uuid]))
        elif action == "all_from":
            self._run(lambda: c.approve_all_from(uuid))
        elif action == "edit":
            self.edit_then_approve(uuid)
        self._show_queue()

    def edit_then_approve(self, uuid: str) -> ApproveForm:
        """Open the asset form on the submission; its OK saves and approves as one step."""
        form = ApproveForm(self.controller.session, uuid, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()
        return form

    # ---- the session summary --------------------------------------------------------------
    def export_summary(self, path: Path | None = None) -> None:
        """Ask where (PDF or CSV) unless ``path`` is given, then write it off the GUI thread."""
        workshop = self.controller.workshop
        if workshop is None or self.export_job.busy:
            return
        if path is None:
            path = save_file_name(
                self,
                translate("WorkshopPanel", "Export the session summary"),
                "workshop/summary_folder",
                translate("WorkshopPanel", "{name} summary.pdf").format(
                    name=_file_stem(workshop.name)
                ),
                translate("WorkshopPanel", SUMMARY_FILTERS),
            )
            if path is None:
                return
        work = summary_work(self.controller.session.project.path, workshop.id, path)
        self.export_job.start(
            work,
            lambda _result: self._say_export(
                translate("WorkshopPanel", "Saved {name}.").format(name=path.name)
            ),
            lambda error, details: self._export_failed(error, details),
            lambda: self._say_export(translate("WorkshopPanel", "The summary was not saved.")),
            message=translate("WorkshopPanel", "Writing {name}…").format(name=path.name),
        )

    def _say_export(self, text: str) -> None:
        self.export_status.setText(text)
        self.export_status.setVisible(bool(text))

    def _export_failed(self, error: BaseException, details: str) -> None:
        self._say_export(translate("WorkshopPanel", "The summary was not saved."))
        show_error(self, translate("WorkshopPanel", "The summary was not saved"), error, details)

    def _run(self, action: Callable[[], object]) -> None:
        attempt(self, action)


def _file_stem(name: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in name)
    return " ".join(kept.split())[:60] or "workshop"
