"""Every unexpected error ends in a dialog and a log file, never a silent exit."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assetmap import __version__
from assetmap.core.errors import AssetmapError, undecodable_text
from assetmap.qt.i18n import translate
from assetmap.qt.paths import log_dir

log = logging.getLogger("assetmap")


def setup_logging() -> Path:
    path = log_dir() / "assetmap.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("assetmap %s starting (Python %s)", __version__, sys.version.split()[0])
    return path


def log_path() -> Path:
    return log_dir() / "assetmap.log"


def show_error(parent: QWidget | None, title: str, error: BaseException, details: str = "") -> None:
    """A plain message for errors users can act on; the log path for the rest."""
    plain = error if isinstance(error, AssetmapError) else undecodable_text(error)
    if plain is not None:
        QMessageBox.warning(parent, title, str(plain))
        return
    log.error("%s: %s\n%s", title, error, details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(
        translate(
            "Errors",
            "Something went wrong: {error}\n\n"
            "Your work is safe: every change was saved as you made it.",
        ).format(error=error)
    )
    box.setInformativeText(
        translate("Errors", "Details were written to {path}").format(path=log_path())
    )
    if details:
        box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def attempt(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """Run an edit the user asked for; a refusal they can act on (a conflict, bad input)
    is shown in plain words and nothing changes. True when it was made."""
    try:
        action()
    except AssetmapError as exc:
        show_error(parent, translate("Errors", "That change was not made"), exc)
        return False
    return True


class _Relay(QObject):
    """Moves exceptions raised on worker threads to the GUI thread for the dialog."""

    raised = Signal(object, str)

    @Slot(object, str)
    def show(self, error: BaseException, details: str) -> None:
        parent = QApplication.activeWindow()
        show_error(parent, "assetmap", error, details)


_relay: _Relay | None = None


def install_exception_hook() -> None:
    global _relay
    _relay = _Relay()
    _relay.raised.connect(_relay.show, Qt.ConnectionType.QueuedConnection)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unhandled exception\n%s", details)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if _relay is not None:
            _relay.raised.emit(error, details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
