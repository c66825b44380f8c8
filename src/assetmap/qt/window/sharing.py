"""File ▸ Share: the team's shared map on a PostGIS server (issue 13): publishing this
project there, and keeping this laptop in step with it (Sync, also a button on the status
bar with the time of the last sync and the changes waiting to go up).

A sync runs on a worker with its own connection to the file (core.shared.sync); the changes
it brings are one command, recorded on the window's undo stack when it is done. Conflicts
stop it with nothing changed anywhere: they are shown in the merge's conflict dialog, and
the sync runs again with the choices made.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QToolButton

from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.change_watch import catch_up
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import current_language, translate
from assetmap.qt.workers import BackgroundJob

if TYPE_CHECKING:
    from assetmap.core.shared.remote import Remote
    from assetmap.core.shared.sync import SyncResult
    from assetmap.qt.dialogs.merge_conflicts import ConflictsDialog
    from assetmap.qt.dialogs.publish import PublishDialog
    from assetmap.qt.main_window import MainWindow

Resolutions = dict[tuple[str, str], Any]
PASSWORD_WORDS = ("password authentication failed", "no password supplied", "password")


class Sharing:
    """The Share menu and the status bar's Sync button of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.publish_dialog: PublishDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.last_result: SyncResult | None = None
        self.password: str | None = None  # typed for this window's syncs, never stored
        self.job = BackgroundJob(window, say=self._say)
        self.job.busyChanged.connect(lambda _busy: self.refresh())

    def add_menu(self, file_menu: QMenu) -> QMenu:
        menu = file_menu.addMenu(translate("Sharing", "S&hare"))
        self.act_publish = QAction(translate("Sharing", "&Publish to a database…"), self.window)
        self.act_publish.setStatusTip(
            translate(
                "Sharing",
                "Put this project on a PostgreSQL/PostGIS server as the team's shared map",
            )
        )
        self.act_publish.triggered.connect(self.publish)
        self.act_sync = QAction(translate("Sharing", "&Sync with the shared map"), self.window)
        self.act_sync.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.act_sync.setStatusTip(
            translate(
                "Sharing",
                "Send this laptop's changes to the shared map and bring everyone else's here",
            )
        )
        self.act_sync.triggered.connect(lambda: self.sync())
        menu.addActions([self.act_publish, self.act_sync])
        self.button = QToolButton()
        self.button.setDefaultAction(self.act_sync)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(translate("Sharing", "Sync with the shared map"))
        self.window.statusBar().addPermanentWidget(self.button)
        self.window.session.historyChanged.connect(self.refresh)
        self.menu = menu
        self.refresh()
        return menu

    def follow_session(self) -> None:
        """Another project opened in this window: its shared map, if any."""
        self.password = None
        self.window.session.historyChanged.connect(self.refresh)
        self.refresh()

    # ---- what the button says ----------------------------------------------------------
    def remote(self) -> Remote | None:
        from assetmap.core.shared.remote import remotes

        try:
            found = remotes(self.window.session.project)
        except Exception:  # a file from before the shared map: no table yet
            return None
        return found[0] if found else None

    def refresh(self) -> None:
        """Show the button only for a published project: when it last synced, and how many
        changes wait to go up."""
        found = self.remote()
        self.act_sync.setEnabled(found is not None and not self.job.busy)
        self.button.setVisible(found is not None)
        if found is None:
            return
        if self.job.busy:
            self.button.setText(translate("Sharing", "Syncing…"))
            return
        waiting = self._waiting(found)
        when = (
            _when(found.last_sync_at)
            if found.last_sync_at
            else translate("Sharing", "never synced")
        )
        tail = translate("Sharing", " · {n} to send").format(n=waiting) if waiting else ""
        self.button.setText(
            translate("Sharing", "Sync ({when}{tail})").format(when=when, tail=tail)
        )
        tip = (
            translate(
                "Sharing",
                "Shared map: schema {schema} at {target}. Last sync: {when}. "
                "1 change waiting to go up.",
            )
            if waiting == 1
            else translate(
                "Sharing",
                "Shared map: schema {schema} at {target}. Last sync: {when}. "
                "{n} changes waiting to go up.",
            )
        )
        self.button.setToolTip(
            tip.format(schema=found.schema_name, target=found.target, when=when, n=waiting)
        )

    def _waiting(self, found: Remote) -> int:
        from assetmap.core.shared.sync import waiting_changes

        try:
            return waiting_changes(self.window.session.project, found)
        except Exception:  # a count for a label: never worth an error dialog
            return 0

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    # ---- publishing ----------------------------------------------------------------------
    def publish(self) -> None:
        from assetmap.qt.dialogs.publish import PublishDialog

        self.publish_dialog = PublishDialog(self.window.session, self.window)
        self.publish_dialog.finished.connect(lambda _code: self.refresh())
        self.publish_dialog.open()

    # ---- syncing -------------------------------------------------------------------------
    def sync(self, resolutions: Resolutions | None = None) -> None:
        """Sync on a worker; a conflict asks, then syncs again with the choices."""
        from assetmap.core.shared.sync import sync

        if self.job.busy or self.remote() is None:
            return
        session = self.window.session
        path, stack, password = session.project.path, session.stack, self.password
        chosen = dict(resolutions or {})

        def work(progress: ProgressFn, cancelled: CancelledFn) -> SyncResult:
            with Project.open(path) as project:  # the worker's own connection
                return sync(project, resolutions=chosen, password=password,
                            progress=progress, cancelled=cancelled, stack=stack)  # fmt: skip

        self.job.start(
            work,
            self._synced,
            self._failed,
            message=translate("Sharing", "Syncing with the shared map…"),
        )

    def _synced(self, result: SyncResult) -> None:
        session = self.window.session
        if result.command is not None:
            session.stack.record(result.command)
        catch_up(session)
        self.last_result = result
        self._say(sync_words(result))
        self.refresh()

    def _failed(self, error: BaseException, details: str) -> None:
        from assetmap.core.shared.errors import SyncConflictError

        self.refresh()
        if isinstance(error, SyncConflictError):
            self._resolve(error)
        elif isinstance(error, BadInputError) and _needs_password(str(error)):
            self._ask_password(str(error))
        elif isinstance(error, AssetmapError):
            QMessageBox.warning(self.window, translate("Sharing", "Sync"), str(error))
        else:
            show_error(self.window, translate("Sharing", "Could not sync"), error, details)

    def _resolve(self, error: Any) -> None:
        from assetmap.qt.dialogs.merge_conflicts import ConflictsDialog

        other = translate("Sharing", "the shared map")
        dialog = ConflictsDialog(error.conflicts, other, None, None, self.window)
        dialog.setWindowTitle(translate("Sharing", "Sync: both changed the same fields"))
        dialog.accepted.connect(lambda: self.sync(dialog.resolutions()))
        self.conflicts_dialog = dialog
        dialog.open()

    def _ask_password(self, said: str) -> None:
        password, ok = QInputDialog.getText(
            self.window,
            translate("Sharing", "Sync: password"),
            translate("Sharing", "{said}\n\nPassword for the shared map:").format(said=said),
            QLineEdit.EchoMode.Password,
        )
        if ok and password:
            self.password = password
            self.sync()


def sync_words(result: SyncResult) -> str:
    """The status bar's sentence after a sync."""
    synced = (
        translate("Sharing", "Synced with {schema} in {seconds:.1f} s: 1 change brought here, "
                  "{pushed} sent")
        if result.pulled == 1
        else translate("Sharing", "Synced with {schema} in {seconds:.1f} s: {pulled} changes "
                       "brought here, {pushed} sent")
    )  # fmt: skip
    parts = [synced.format(schema=result.schema, seconds=result.seconds,
                           pulled=result.pulled, pushed=result.pushed)]  # fmt: skip
    if result.conflicts:
        resolved = (
            translate("Sharing", "1 conflict resolved")
            if result.conflicts == 1
            else translate("Sharing", "{n} conflicts resolved")
        )
        parts.append(resolved.format(n=result.conflicts))
    if result.push_skipped:
        parts.append(result.push_skipped)
    return "; ".join(parts) + "."


def _needs_password(text: str) -> bool:
    low = text.lower()
    return "cannot connect" in low and any(word in low for word in PASSWORD_WORDS)


def _when(stamp: str) -> str:
    """ "synced 14:05" today, "synced 3 Dec" before (the month in the app's language)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return translate("Sharing", "synced {day}").format(day=stamp)
    if moment.date() == datetime.now().astimezone().date():
        return translate("Sharing", "synced {time}").format(time=f"{moment:%H:%M}")
    day = QLocale(current_language()).toString(
        QDate(moment.year, moment.month, moment.day), "d MMM"
    )
    return translate("Sharing", "synced {day}").format(day=day)
