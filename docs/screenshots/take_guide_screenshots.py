"""Take the user guide's screenshots (resources/guide/img/*.png) from the Trafford demo.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_guide_screenshots.py

Run it again when the window changes, and look at the pictures before committing them. It
works on a copy of the demo in a temporary folder, with its own settings, so neither the
shipped demo nor your own assetmap settings are touched. The window is 1366×768, a council
laptop's screen.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "guide" / "img"
SIZE = (1366, 768)


def settle(until: Callable[[], bool] = lambda: True, timeout_s: float = 60.0) -> None:
    """Let the window work (draw, analyse) until ``until`` holds."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if until():
            return
    raise SystemExit(f"gave up waiting after {timeout_s} s")


def save(widget, name: str) -> None:  # a QWidget
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="assetmap-guide-"))
    os.environ["ASSETMAP_HOME"] = str(scratch / "home")
    sys.path.insert(0, str(ROOT / "src"))
    from PySide6.QtCore import QSettings

    from assetmap.qt.app import make_app

    app = make_app([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    from assetmap.core.project import Project
    from assetmap.qt.main_window import MainWindow
    from assetmap.qt.session import Session

    demo = scratch / "trafford.gpkg"
    shutil.copy(ROOT / "sample_data" / "trafford.gpkg", demo)
    window = MainWindow(Session(Project.open(demo)))
    window.resize(*SIZE)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    window.welcome.show()
    settle()
    save(window, "welcome")
    window.welcome.leave()
    window.zoom_to_all()
    window.canvas.wait_for_render()
    map_assets(window)
    find_gaps(window)
    workshop(window)
    window.close()
    app.processEvents()
    return 0


def map_assets(window) -> None:  # a MainWindow
    """An asset chosen on the map, its card on the right; then the form for a new one."""
    from assetmap.qt.dialogs.asset_form import AssetForm

    points = window.session.points()
    row = points[points["name"].astype(str).str.contains("Library")].iloc[0]
    window.session.set_selection({str(row["uuid"])})
    window.zoom.to_asset(str(row["uuid"]))
    window.canvas.wait_for_render()
    settle()
    save(window, "map-assets")
    form = AssetForm.for_new(window.session, float(row["x"]) + 300, float(row["y"]), window)
    form.show()
    settle()
    save(form, "add-asset")
    form.reject()


def find_gaps(window) -> None:  # a MainWindow
    from PySide6.QtCore import Qt

    window.show_find_gaps()
    panel = window.analysis
    panel.category_item("Mental health").setCheckState(0, Qt.CheckState.Checked)
    panel.population.setCurrentIndex(panel.population.findText("Population"))
    panel.need.setCurrentIndex(panel.need.findText("IMD score"))
    before = panel.result
    panel.find_gaps()
    settle(lambda: not panel.busy and (panel.result is not before or not panel.error.isHidden()))
    if not panel.error.isHidden():
        raise SystemExit(panel.error.text())
    window.zoom_to_all()
    window.canvas.wait_for_render()
    settle()
    save(window, "find-gaps")


def workshop(window) -> None:  # a MainWindow
    controller = window.workshop.controller
    controller.new_session("Stretford evening", "Stretford Library", "2026-12-09", "Ann")
    window.workshop.show_panel()
    window.canvas.wait_for_render()
    settle()
    save(window, "workshop")
    controller.end_session() if hasattr(controller, "end_session") else None


if __name__ == "__main__":
    sys.exit(main())
