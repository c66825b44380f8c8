"""A Qt application for drawing when there is none yet (the command line, scripts)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from assetmap.core import i18n as core_i18n
from assetmap.qt.i18n import install_translators

_app: QCoreApplication | None = None


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new off-screen one: fonts need a QGuiApplication,
    and an export never shows a window, so it needs no display. A new one speaks the core's
    language (the command line's ``--lang``), so a PDF's headings match its method text."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QGuiApplication([sys.argv[0] if sys.argv else "assetmap"])
        install_translators(core_i18n.language())
    return app
