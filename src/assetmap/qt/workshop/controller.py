"""One window's workshop: the current session, sharing it with phones, and its queue.

The participants' server (``core.workshop.server``) runs in its own daemon threads and
writes through its own connection; what it writes reaches this window through the app's
change watcher, as any other program's edit does, and the queue follows from the
session's ``assetsChanged``. The facilitator's decisions are commands on the window's own
stack, so they are undoable and in the change feed.

Sharing is off until started, listens on loopback unless an interface is chosen, and stops
when the session ends, another session starts, or the project or the app closes. Each
session has its own random token (so its join address); stopping and starting again
keeps the address, so a QR code already on the wall still works.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from assetmap.core import changelog
from assetmap.core.commands import SetReview
from assetmap.core.commands.base import CommandGroup
from assetmap.core.commands.workshop import (
    AddContribution,
    CreateWorkshop,
    EndWorkshop,
    SetAutoApprove,
)
from assetmap.core.workshop.contributions import (
    Contribution,
    contributions,
    get_contribution,
    pending_from_device,
)
from assetmap.core.workshop.server import WorkshopServer
from assetmap.core.workshop.service import WorkshopService
from assetmap.core.workshop.sessions import Workshop, current_workshop, find_workshop
from assetmap.core.workshop.submission import Submission
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workshop.qr import qr_image
from assetmap.qt.workshop.tile_renderer import TileRenderer

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


class WorkshopController(QObject):
    """The workshop state of one window (on the GUI thread)."""

    workshop_changed = Signal()  # a session was created, chosen or ended
    sharing_changed = Signal()  # started or stopped; see .url
    queue_changed = Signal()  # pending contributions changed

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.workshop: Workshop | None = current_workshop(session.project)
        self.url: str | None = None
        self.host = LOOPBACK
        self._server: WorkshopServer | None = None
        self._service: WorkshopService | None = None
        self._tokens: dict[str, str] = {}  # per session: its join address survives a restart
        self._ports: dict[str, int] = {}
        self._pending: list[Contribution] = self._read_pending()
        session.assetsChanged.connect(self._on_assets_changed)
        session.historyChanged.connect(self._follow_workshop)
        session.closing.connect(self.stop_sharing)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_sharing)

    # ---- sessions ------------------------------------------------------------------------
    def new_session(self, name: str, place: str, date: str, facilitator: str) -> None:
        """Start a new session (ending the current one) as one undoable step; sharing stops,
        since the new session has a new address."""
        self.stop_sharing()
        create = CreateWorkshop(name, place, date, facilitator)
        if self.workshop is not None and not self.workshop.ended:
            self.session.push(
                CommandGroup(
                    [EndWorkshop(self.workshop.id), create],
                    translate("WorkshopPanel", "New session '{name}'").format(name=name),
                )
            )
        else:
            self.session.push(create)
        self._follow_workshop()

    def end_session(self) -> None:
        if self.workshop is None or self.workshop.ended:
            return
        self.stop_sharing()
        self.session.push(EndWorkshop(self.workshop.id))
        self._follow_workshop()

    def _follow_workshop(self) -> None:
        """After any edit (an undo may take a session away): which session is current."""
        if not self.session.is_open:
            return
        found = current_workshop(self.session.project)
        if found == self.workshop:
            return
        shared = self.workshop.id if self.workshop is not None else None
        if found is None or found.id != shared:  # ended, undone or replaced: stop serving it
            self.stop_sharing()
        self.workshop = found
        self.workshop_changed.emit()
        self._on_assets_changed()

    # ---- sharing ------------------------------------------------------------------------
    @property
    def sharing(self) -> bool:
        return self._server is not None

    def start_sharing(self, host: str = LOOPBACK) -> str:
        """Serve the current session's page on ``host``; returns the join address.
        Raises ``OSError`` when the address cannot be listened on."""
        workshop = self.workshop
        if workshop is None or workshop.ended:
            raise RuntimeError(
                translate("WorkshopPanel", "start a workshop session before sharing it")
            )
        self.stop_sharing()
        path = self.session.project.path
        renderer = TileRenderer(path, _no_tile)
        token = self._tokens.get(workshop.id)
        service = WorkshopService(path, workshop.id, token=token, render_tile=renderer)
        renderer.bounds_of = service.grid.tile_bounds  # the grid the page is told about
        self._tokens[workshop.id] = service.token
        server = self._listen(service, host, self._ports.get(workshop.id, 0))
        self._server, self._service, self.host, self.url = server, service, host, server.url
        self._ports[workshop.id] = server.port
        hold_heap()
        self.sharing_changed.emit()
        return server.url

    def _listen(self, service: WorkshopService, host: str, port: int) -> WorkshopServer:
        """The same port as last time if it is free (the QR code on the wall stays right)."""
        for tried in dict.fromkeys((port, 0)):
            try:
                server = WorkshopServer(service, host=host, port=tried)
                server.start()
                return server
            except OSError:
                if tried == 0:
                    service.close()
                    raise
        raise AssertionError("unreachable")

    def stop_sharing(self) -> None:
        server, service = self._server, self._service
        self._server = self._service = None
        if server is None:
            return
        self.url = None
        release_heap()
        try:
            server.stop()
            if service is not None:
                service.close()
        except Exception:  # stopping must never keep the window open
            log.exception("stopping the workshop server failed")
        self.sharing_changed.emit()

    def qr_image(self, size_px: int) -> QImage | None:
        """The join address as a QR code (None while not sharing)."""
        return qr_image(self.url, size_px) if self.url else None

    # ---- the queue ------------------------------------------------------------------------
    def pending(self) -> list[Contribution]:
        """Submissions of the current session waiting for review, newest first."""
        return list(self._pending)

    def _read_pending(self) -> list[Contribution]:
        if self.workshop is None or not self.session.is_open:
            return []
        return contributions(self.session.project, self.workshop.id, review="pending")

    def _on_assets_changed(self, *_args: object) -> None:
        if not self.session.is_open:
            return
        pending = self._read_pending()
        if pending != self._pending:
            self._pending = pending
            self.queue_changed.emit()

    # ---- decisions (each one undoable command on the window's stack) ---------------------
    def approve(self, uuids: list[str]) -> None:
        self.session.push(SetReview(tuple(uuids), "approved"))

    def reject(self, uuids: list[str]) -> None:
        self.session.push(SetReview(tuple(uuids), "rejected"))

    def approve_all_from(self, uuid: str) -> list[str]:
        """Approve every pending submission from the phone that sent ``uuid``."""
        if self.workshop is None:
            return []
        device = get_contribution(self.session.project, uuid).device
        uuids = (
            pending_from_device(self.session.project, self.workshop.id, device)
            if device is not None
            else [uuid]
        )
        if uuids:
            self.approve(uuids)
        return uuids

    def set_auto_approve(self, on: bool) -> None:
        if self.workshop is None or self.workshop.auto_approve == on:
            return
        self.session.push(SetAutoApprove(self.workshop.id, on))
        self._refresh_workshop()

    def _refresh_workshop(self) -> None:
        if self.workshop is not None:
            self.workshop = find_workshop(self.session.project, self.workshop.id)
            self.workshop_changed.emit()

    def add_pin(self, kind: str, category: str, x: float, y: float, name: str = "") -> None:
        """The facilitator's one-tap pin: approved at once, in the facilitator's name."""
        workshop = self.workshop
        if workshop is None:
            raise RuntimeError(
                translate("WorkshopPanel", "start a workshop session before adding its pins")
            )
        found = self.session.category(category)
        label = name.strip() or (found.label if found is not None else category)
        by = workshop.facilitator or None
        submission = Submission(kind, category, label, "", by, float(x), float(y))
        command = AddContribution(workshop.id, submission, None, review="approved")
        origin = changelog.Origin("workshop", by=by or "facilitator", session=workshop.id)
        self.session.stack.push(command, origin=origin)


def hold_heap() -> None:
    """Keep what the app has loaded out of Python's full garbage collections while phones
    are served. A full pass stops every thread, the GUI's too, for as long as it takes to
    scan the heap (58 ms with the Trafford demo open: the projector's map would stutter as
    pins arrive); frozen objects are not scanned. ``release_heap`` undoes it."""
    gc.collect()
    gc.freeze()


def release_heap() -> None:
    gc.unfreeze()


def _no_tile(z: int, x: int, y: int) -> None:
    """Until the service says its grid (a moment later, before any request)."""
    return None
