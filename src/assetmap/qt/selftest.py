"""`assetmap --self-test`: does this installation work, end to end, with no display?

Run on a freshly built standalone folder (packaging/build.sh) and from an installed package,
it finds each shipped demo the way the Demo menu does, opens it in the main window, draws the
map, runs a small gap analysis and exports a PDF, a PNG and an HTML map, checking each. It
works on copies in a temporary folder with its own settings, so neither the shipped demos nor
the user's recent projects and preferences are touched. One line per check; the exit code is
0 when all pass, 1 otherwise (the failing checks are named again at the end).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from assetmap.core.export.options import ExportOptions, PrintLayout
    from assetmap.core.selftest import Checklist
    from assetmap.qt.main_window import MainWindow

EXIT_PASSED = 0
EXIT_FAILED = 1
WINDOW_SIZE = (1200, 800)
PNG_DPI = 72  # small and quick: the check is that pixels arrive, not their fineness
MIN_DISTINCT_COLOURS = 8  # a drawn map has many; an empty canvas one or two


def run_self_test(say: Callable[[str], None] = print) -> int:
    """Run every check; return the process exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from assetmap import __version__
    from assetmap.core.selftest import Checklist, check_package_files

    checks = Checklist(say)
    say(f"assetmap {__version__} self-test ({_where_from()})")
    checks.run("package files", check_package_files)
    with tempfile.TemporaryDirectory(prefix="assetmap-selftest-") as folder:
        work = Path(folder)
        _isolate_settings(work)
        from assetmap.qt.app import make_app

        make_app([sys.argv[0] if sys.argv else "assetmap"])
        from assetmap.qt.paths import DEMOS

        guard = ModalGuard()
        for name in DEMOS:
            _check_demo(checks, name, work)
        guard.stop()
        checks.run("no dialog stopped the self-test", guard.report)
    failed = checks.failed
    seconds = time.perf_counter() - started
    if failed:
        say(f"self-test FAILED ({len(failed)} of {len(checks.lines)} checks, {seconds:.1f} s):")
        for line in failed:
            say(f"  {line.name}")
        return EXIT_FAILED
    say(f"self-test passed: {len(checks.lines)} checks in {seconds:.1f} s")
    return EXIT_PASSED


class ModalGuard:
    """Closes any dialog that opens while the self-test runs, and says which.

    Nobody is there to answer a dialog in a self-test (or in CI): one that opened when a demo
    was opened or exported would otherwise wait forever. A modal dialog runs its own event
    loop, so this timer still fires inside it.
    """

    def __init__(self, interval_ms: int = 200) -> None:
        from PySide6.QtCore import QTimer

        self.closed: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.close_dialog)
        self.timer.start()

    def close_dialog(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            self.closed.append(dialog.windowTitle() or type(dialog).__name__)
            # reject(), not close(): a message box without an Escape button ignores close.
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    def stop(self) -> None:
        self.timer.stop()

    def report(self) -> str:
        from assetmap.core.selftest import CheckFailed

        if self.closed:
            raise CheckFailed(f"closed unasked-for dialog(s): {', '.join(self.closed)}")
        return "none opened"


def _where_from() -> str:
    if getattr(sys, "frozen", False):
        return f"standalone build in {Path(sys.executable).parent}"
    import assetmap

    return f"Python package in {Path(assetmap.__file__).parent}"


def _isolate_settings(work: Path) -> None:
    """Recent projects, window layout and the user's data folder stay as they were."""
    from PySide6.QtCore import QSettings

    os.environ["ASSETMAP_HOME"] = str(work / "home")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))


def _check_demo(checks: Checklist, name: str, work: Path) -> None:
    stem = Path(name).stem
    copy = work / name
    if not checks.run(f"{stem}: demo found", lambda: _copy_demo(name, copy)):
        return
    from assetmap.core.project import Project
    from assetmap.qt.main_window import MainWindow
    from assetmap.qt.session import Session

    holder: dict[str, MainWindow] = {}

    def open_window() -> str:
        project = Project.open(copy)
        window = MainWindow(Session(project))
        holder["window"] = window
        window.resize(*WINDOW_SIZE)
        window.show()
        return f"{project.name} (schema {project.schema_version()})"

    if not checks.run(f"{stem}: opens in the main window", open_window):
        return
    window = holder["window"]
    try:
        _check_window(checks, stem, window, work)
    finally:
        window.session.project.close()
        window.close()
        window.deleteLater()


def _copy_demo(name: str, copy: Path) -> str:
    from assetmap.core.selftest import CheckFailed
    from assetmap.qt.paths import share_dirs, shipped_demo

    source = shipped_demo(name)
    if source is None:
        looked = ", ".join(str(share / "assetmap") for share in share_dirs())
        raise CheckFailed(f"{name} is not in the checkout's sample_data/ nor in {looked}")
    shutil.copy2(source, copy)
    return str(source)


def _check_window(checks: Checklist, stem: str, window: MainWindow, work: Path) -> None:
    from assetmap.core import selftest
    from assetmap.core.export.options import ExportOptions, PrintLayout

    project = window.session.project
    checks.run(f"{stem}: map drawn", lambda: _check_drawn(window))
    if not checks.run(f"{stem}: gap analysis", lambda: selftest.small_analysis(project)[1]):
        return
    options = ExportOptions(title=f"{project.name} (self-test)", analysis="latest")
    pdf, png, html = (work / f"{stem}.{suffix}" for suffix in ("pdf", "png", "html"))
    checks.run(f"{stem}: PDF export", lambda: _export_map(window, pdf, options, PrintLayout()))
    layout = PrintLayout(dpi=PNG_DPI)
    checks.run(f"{stem}: PNG export", lambda: _export_png(window, png, options, layout))
    checks.run(f"{stem}: HTML export", lambda: _export_html(window, html, options))


def _check_drawn(window: MainWindow) -> str:
    from assetmap.core.selftest import CheckFailed

    window.zoom_to_all()
    if not window.canvas.wait_for_render(60.0):
        raise CheckFailed("the map was not drawn within 60 s")
    image = window.canvas.grab_map()
    colours = distinct_colours(image)
    if colours < MIN_DISTINCT_COLOURS:
        raise CheckFailed(f"the map is blank ({colours} colour(s) on the canvas)")
    return f"{image.width()}×{image.height()} px, {colours} colours sampled"


def distinct_colours(image: QImage, step: int = 7) -> int:
    """How many colours a grid of sample pixels holds: a blank image has one or two."""
    seen = {
        image.pixel(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    }
    return len(seen)


def _export_map(window: MainWindow, path: Path, options: ExportOptions, layout: PrintLayout) -> str:
    from assetmap.core.selftest import check_pdf
    from assetmap.qt.export.map_export import export_map

    export_map(
        window.session.project,
        path,
        options,
        layout,
        layers=window.session.layers,
        view_extent=window.canvas.view.bounds(),
    )
    return check_pdf(path) if path.suffix == ".pdf" else str(path)


def _export_png(window: MainWindow, path: Path, options: ExportOptions, layout: PrintLayout) -> str:
    from PySide6.QtGui import QImage

    from assetmap.core.selftest import CheckFailed, check_png

    _export_map(window, path, options, layout)
    # The page at the layout's resolution, give or take rounding: A4 at 72 dpi is 842×595.
    width_mm, height_mm = layout.size_mm
    expected = (int(width_mm / 25.4 * layout.dpi * 0.95), int(height_mm / 25.4 * layout.dpi * 0.95))
    detail = check_png(path, *expected)
    colours = distinct_colours(QImage(str(path)))
    if colours < MIN_DISTINCT_COLOURS:
        raise CheckFailed(f"{path.name} is blank ({colours} colour(s))")
    return f"{detail}, {colours} colours sampled"


def _export_html(window: MainWindow, path: Path, options: ExportOptions) -> str:
    from assetmap.core.export.api import export_data
    from assetmap.core.selftest import check_html_map

    export_data(window.session.project, path, options)
    return check_html_map(path)
