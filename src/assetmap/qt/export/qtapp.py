"""A Qt application for drawing when there is none yet (the command line, scripts)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QCoreApplication | None = None


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new off-screen one: fonts need a QGuiApplication,
    and an export never shows a window, so it needs no display."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QGuiApplication([sys.argv[0] if sys.argv else "assetmap"])
    return app
