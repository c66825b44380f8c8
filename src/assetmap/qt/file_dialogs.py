"""Where a Save dialog starts: the folder last used for that kind of file, else the user's
Documents folder; never a folder inside the app's own data folder.

The app keeps its private files there (logs, the demo's own copy), where nobody looks for a
map they exported: a dialog that starts beside a demo copy would hide the user's file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from assetmap.qt.paths import data_dir

# Kinds of file, each with the folder it was last saved to (settings keys kept from before).
EXPORTS = "paths/exports"
ANALYSIS = "paths/analysis"
IMPORT_REPORTS = "paths/import_reports"
PROJECTS = "paths/projects"

# Tests set this to QFileDialog.Option.DontUseNativeDialog to reach the dialog's widgets.
OPTIONS = QFileDialog.Option(0)


def documents_folder() -> Path:
    """The user's Documents folder (their home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def is_private(folder: Path) -> bool:
    """Inside the app's own data folder (where the demo's copy and the logs live)."""
    try:
        return folder.resolve().is_relative_to(data_dir().resolve())
    except OSError:
        return False


def start_folder(kind: str) -> Path:
    """The folder a Save dialog for ``kind`` starts in."""
    last = str(QSettings().value(kind, "") or "")
    if last and Path(last).is_dir() and not is_private(Path(last)):
        return Path(last)
    return documents_folder()


def remember_folder(kind: str, path: str | Path) -> None:
    folder = Path(path).parent
    if not is_private(folder):
        QSettings().setValue(kind, str(folder))


def save_file_name(
    parent: QWidget | None, caption: str, kind: str, file_name: str, filters: str
) -> Path | None:
    """Ask where to save ``file_name`` (starting in ``start_folder(kind)``); remembers the
    folder chosen. None when the user cancels."""
    start = start_folder(kind) / Path(file_name).name
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(start), filters, "", OPTIONS)
    if not chosen:
        return None
    remember_folder(kind, chosen)
    return Path(chosen)
