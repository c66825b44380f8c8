"""Scenario `canvas`: the map at national scale, and start-up on the demo.

Each repeat runs in a fresh child process with Qt offscreen. Measured:

- **start-up**: process start to the main window shown with the demo's map drawn;
- **national project open**: `Project.open` + the main window on the national project
  (34,753 LSOAs, 200,000 assets) until its first map is drawn, and the peak memory;
- **full redraw**: one exact render of the whole of England and Wales, which runs off the GUI
  thread: in the window's map (its size is in the notes) and, the target row, on a 1400×900
  map; *cold* is the first render at a zoom level (simplified tile paths are built then, once
  per level), *warm* every later one;
- **pan / zoom frame**: one repaint of the window's map while panning or zooming, which moves
  the last rendered image instead of drawing the data (the p95 of 60 frames);
- **input latency during a redraw**: the longest the GUI thread's event loop waits while an
  exact national render runs in the background (a 2 ms timer measures it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
from harness import Context, Result, emit, run_child  # noqa: E402

TITLE = "Map canvas at national scale, and start-up"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()

FRAME_TARGET_S = 1 / 60
REDRAW_TARGET_S = 0.100
START_TARGET_S = 2.0
MEMORY_TARGET_MB = 1536.0
SIZE = (1400, 900)


def run(ctx: Context) -> list[Result]:
    national = data.national_project(ctx)
    runs: dict[str, list[dict]] = {"demo": [], "national": []}
    for i in range(ctx.repeat):
        ctx.log(f"  repeat {i + 1}/{ctx.repeat}: start-up on the demo")
        runs["demo"].append(run_child(ctx, [__file__, "--child", "demo"], label="demo start-up"))
        ctx.log(f"    {runs['demo'][-1]['start_s']:.2f} s to a drawn map")
        ctx.log(f"  repeat {i + 1}/{ctx.repeat}: national project")
        payload = run_child(ctx, [__file__, "--child", "national", "--project", national],
                            label="national canvas")  # fmt: skip
        runs["national"].append(payload)
        ms = {k: v * 1000 for k, v in payload.items() if k.endswith("_s")}
        ctx.log(
            f"    open {payload['open_s']:.2f} s, redraw cold {ms['redraw_cold_s']:.0f} ms / warm "
            f"{ms['redraw_warm_s']:.0f} ms, pan p95 {ms['pan_p95_s']:.1f} ms, zoom p95 "
            f"{ms['zoom_p95_s']:.1f} ms, input gap {ms['input_gap_s']:.1f} ms, "
            f"peak {payload['peak_rss_mb']:.0f} MB"
        )
    return _results(runs)


def _results(runs: dict[str, list[dict]]) -> list[Result]:
    demo, nat = runs["demo"], runs["national"]

    def row(source: list[dict], key: str, name: str, target: float | None = None, **kw) -> Result:
        return Result(name=name, values=[r[key] for r in source], target=target, **kw)

    counts = (
        f"{nat[-1]['areas']:,} areas, {nat[-1]['assets']:,} assets; window {SIZE[0]}×{SIZE[1]}, "
        f"map {nat[-1]['map_px']} px"
    )

    return [
        row(demo, "start_s", "**start-up: launch to the demo's drawn map**", START_TARGET_S),
        row(
            nat,
            "open_s",
            "national: open to a drawn map",
            note=counts,
            peak_rss_mb=[r["peak_rss_mb"] for r in nat],
        ),  # fmt: skip
        Result(
            name="national: peak memory (MB)",
            values=[r["peak_rss_mb"] for r in nat],
            unit="MB",
            target=MEMORY_TARGET_MB,
        ),
        row(nat, "redraw_cold_s", "national full redraw, first at this zoom (informative)"),
        row(nat, "redraw_warm_s", "national full redraw, the window's map (informative)"),
        row(nat, "redraw_large_s", "**national full redraw, 1400×900 map**", REDRAW_TARGET_S),
        row(nat, "city_redraw_s", "city-scale redraw (Manchester, warm, informative)"),
        row(nat, "pan_p95_s", "**pan frame (p95)**", FRAME_TARGET_S),
        row(nat, "zoom_p95_s", "**zoom frame (p95)**", FRAME_TARGET_S),
        row(nat, "input_gap_s", "**longest input wait during a redraw**", FRAME_TARGET_S),
    ]


# ---- children -------------------------------------------------------------------------------
def _process_age() -> float:
    """Seconds since this process started (Linux), so start-up includes Python's own."""
    ticks = os.sysconf("SC_CLK_TCK")
    with open("/proc/self/stat") as fh:
        start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as fh:
        uptime = float(fh.read().split()[0])
    return uptime - start_ticks / ticks


def _app(home: Path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ASSETMAP_HOME"] = str(home)
    from PySide6.QtCore import QSettings

    from assetmap.qt.app import make_app

    app = make_app([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "ini"))
    return app


def _window(path: Path):
    from assetmap.core.project import Project
    from assetmap.qt.main_window import MainWindow
    from assetmap.qt.session import Session

    window = MainWindow(Session(Project.open(path)))
    window.resize(*SIZE)
    window.show()
    window.zoom_to_all()
    if not window.canvas.wait_for_render(120):
        raise RuntimeError("the map never finished drawing")
    return window


def demo_child() -> None:
    with tempfile.TemporaryDirectory(prefix="assetmap-bench-canvas-") as tmp:
        home = Path(tmp)
        _app(home)
        from assetmap.qt.paths import user_demo

        _window(user_demo())
        emit({"start_s": _process_age()})


def national_child(project: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="assetmap-bench-canvas-") as tmp:
        home = Path(tmp)
        work = home / "national.gpkg"
        shutil.copy(project, work)
        app = _app(home)
        started = time.perf_counter()
        window = _window(work)
        opened = time.perf_counter() - started
        canvas = window.canvas
        # The canvas then builds the next zoom levels while idle: let it finish, so the
        # renders timed below do not share the CPU with it.
        canvas.wait_until_idle()
        scene = window.builder.scene()
        view = canvas.view
        dpr = canvas.devicePixelRatioF()
        cold = canvas.last_render_seconds
        warm = statistics.median(_timed(lambda: scene.render(view, dpr)) for _ in range(5))
        large = replace(view, width=SIZE[0], height=SIZE[1]).fitted(window.session.full_extent())
        scene.render(large, dpr)
        large_warm = statistics.median(_timed(lambda: scene.render(large, dpr)) for _ in range(5))
        city = _city_view(view)
        scene.render(city, dpr)
        city_warm = statistics.median(_timed(lambda: scene.render(city, dpr)) for _ in range(5))
        pan = _frames(canvas, lambda: canvas.pan_by(12, 5))
        zoom = _frames(canvas, lambda: canvas.zoom_by(1.05))
        gap = _input_gap(app, canvas)
        emit(
            {
                "open_s": opened,
                "redraw_cold_s": cold,
                "redraw_warm_s": warm,
                "redraw_large_s": large_warm,
                "city_redraw_s": city_warm,
                "pan_p95_s": pan,
                "zoom_p95_s": zoom,
                "input_gap_s": gap,
                "areas": int(
                    sum(
                        len(window.session.polygon_set(n)) for n in window.session.layers.area_order
                    )
                ),
                "assets": len(window.session.points()),
                "map_px": f"{canvas.width()}×{canvas.height()}",
            }
        )
        window.close()


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _city_view(view):
    return replace(view, cx=384_000.0, cy=398_000.0, scale=8.0)  # central Manchester


def _frames(canvas, step, count: int = 60) -> float:
    """p95 of synchronous repaints while the view moves (no exact render in between)."""
    times = []
    for _ in range(count):
        step()
        canvas._timer.stop()  # measure the frames themselves, not the debounced exact render
        times.append(_timed(canvas.repaint))
    canvas.refresh()
    canvas.wait_for_render(60)
    times.sort()
    return times[int(0.95 * (len(times) - 1))]


def _input_gap(app, canvas) -> float:
    """Longest wait of the GUI event loop while an exact render runs off the GUI thread."""
    from PySide6.QtCore import QTimer

    canvas.zoom_by(0.9)
    canvas.refresh()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    deadline = time.perf_counter() + 30
    while (
        canvas._rendering or canvas._timer.isActive() or len(gaps) < 5
    ) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return max(gaps) if gaps else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description="child process of the canvas benchmark")
    parser.add_argument("--child", choices=("demo", "national"), required=True)
    parser.add_argument("--project", type=Path)
    args = parser.parse_args()
    if args.child == "demo":
        demo_child()
    else:
        national_child(args.project)


if __name__ == "__main__":
    main()
