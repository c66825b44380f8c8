"""Scenario ``speed`` (issue 16 items 5 and 6): the national analysis, a re-run after one
change, and the national HTML gap map, beside the figures before the change.

- **national analysis**: assetmap's `analyse` on the analysis scenario's project (34,753
  LSOAs, 200,000 assets, 8 categories + "any", all measures at 800 m, kept in the project),
  each repeat a fresh child process on its own copy (bench_analysis.py's child): target
  under 15 s, peak memory under 1.5 GB. Coverage is measured per area from the circles
  near it (core/analysis/coverage.py), its covered area found from its boundary by
  compiled code (core/analysis/circle_cover.py, numba); no union of the whole country's
  circles, no polygon overlay.
- **compiling**: numba compiles that code the first time on a computer and keeps it in
  its cache; later processes load it. Measured in children before the repeats: once
  with an empty cache of its own (informative: what the first analysis on a computer
  adds), then once filling the real cache, so every repeat loads it as a user's later
  runs do (the load is inside the repeats' timings).
- **coverage before, merged layer** (one run, informative): the 9 groups' coverage by the
  method it replaces (`measures.coverage_shares`: every circle merged, the areas cut
  against the merged parts), on one thread, in a child; its shares are the reference the
  last repeat's are compared with (largest difference, relative where the share is above
  1e-9, absolute below).
- **re-run after one change**: in a child, one full run (not timed), then
  `incremental.rerun` after one asset is added (a library in Manchester), one moved
  (500 m east) and one removed, each the median of 5: target under 0.5 s. Areas
  within 800 m of the change are measured again; everything else comes from the run
  before (tests/core/analysis/test_incremental.py checks it equals a full run).
- **national HTML gap map**: `assetmap export ... --analysis latest` on the exports
  scenario's project (a kept run for mental health), as a whole process: targets under
  8 s and under 8 MB.

The machine is shared while these run: the load average is noted, and min and median
given; the targets are for a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_analysis  # noqa: E402
import data  # noqa: E402
from bench_exports import exports_project  # noqa: E402
from harness import Context, Result, emit, run_child  # noqa: E402

TITLE = "Speed (issue 16): national analysis, a re-run after one change, national HTML map"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()
ANALYSIS_TARGET_S = 15.0
MEMORY_TARGET_MB = 1536.0
RERUN_TARGET_S = 0.5
HTML_TARGET_S = 8.0
HTML_TARGET_MB = 8.0
RERUNS = 5
RERUN_BEFORE = {"added": "0.46 s", "moved": "0.37 s", "removed": "0.42 s"}
BEFORE = "speed section, 2026-12-07 16:10, load 1.21/1.20"


def run(ctx: Context) -> list[Result]:
    project = bench_analysis.analysis_project(ctx)
    runs: list[dict] = []
    compiled = _compiling(ctx)
    with tempfile.TemporaryDirectory(prefix="assetmap-bench-speed-") as tmp:
        work = Path(tmp)
        for i in range(ctx.repeat):
            copy = work / "analysis.gpkg"
            shutil.copyfile(project, copy)
            argv = [bench_analysis.__file__, "--child", "assetmap", "--project", copy]
            if i == ctx.repeat - 1:
                argv += ["--result", work / "new.parquet"]
            runs.append(run_child(ctx, argv, label="national analysis"))
            ctx.log(f"  analysis {i + 1}/{ctx.repeat}: {runs[-1]['total_s']:.1f} s")
            copy.unlink()
        ctx.log("  once: coverage by the merged layer (before)")
        before = run_child(
            ctx,
            [
                __file__,
                "--child",
                "before",
                "--project",
                project,
                "--compare",
                work / "new.parquet",
            ],
            label="coverage before",
        )
        ctx.log(f"    {before['seconds']:.1f} s; largest difference {before['worst']:.2g}")
    ctx.log("  re-runs after one change")
    reruns = run_child(ctx, [__file__, "--child", "rerun", "--project", project], label="re-run")
    html = _html(ctx)
    return _results(runs, before, reruns, html, compiled)


def _compiling(ctx: Context) -> tuple[float, float]:
    """Seconds to compile the coverage code with an empty cache, then to fill the real one."""
    with tempfile.TemporaryDirectory(prefix="assetmap-bench-numba-") as cache:
        cold = run_child(ctx, [__file__, "--child", "compile", "--cache", cache], label="compiling")
    ctx.log(f"  compiling with an empty cache: {cold['seconds']:.1f} s")
    warm = run_child(ctx, [__file__, "--child", "compile"], label="loading the compiled code")
    ctx.log(f"  with the real cache: {warm['seconds']:.1f} s")
    return cold["seconds"], warm["seconds"]


def _html(ctx: Context) -> list[tuple[float, float]]:
    source = exports_project(ctx)
    out: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="assetmap-bench-speed-html-") as tmp:
        for i in range(ctx.repeat):
            work = Path(tmp) / "exports.gpkg"
            shutil.copyfile(source, work)
            page = Path(tmp) / "gaps.html"
            started = time.perf_counter()
            subprocess.run(
                [ctx.python, "-m", "assetmap", "export", str(work), "--out", str(page),
                 "--quiet", "--analysis", "latest"],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            out.append((time.perf_counter() - started, page.stat().st_size / 1e6))
            ctx.log(f"  HTML {i + 1}/{ctx.repeat}: {out[-1][0]:.1f} s, {out[-1][1]:.2f} MB")
    return out


def _results(
    runs: list[dict], before: dict, reruns: dict, html: list, compiled: tuple[float, float]
) -> list[Result]:
    total = [r["total_s"] for r in runs]
    rss = [r["peak_rss_mb"] for r in runs]
    return [
        Result(
            "**national analysis: open + analyse + keep + close**",
            total,
            target=ANALYSIS_TARGET_S,
            peak_rss_mb=rss,
            note=f"before: 32.00 s median ({BEFORE}); 42.54 s (13:28); "
            "71.57 s (analysis section, 2026-11-25, quiet machine)",
        ),
        Result(
            "national analysis: coverage of the 9 groups (2 threads)",
            [r["place_cover_s"] for r in runs],
            note=f"includes placing the assets in areas; before: 24.84 s ({BEFORE}); "
            "60.02 s (analysis section)",
        ),
        Result(
            "national analysis: CPU time (informative)",
            [r["cpu_s"] for r in runs],
            note=f"before: 52.18 s ({BEFORE})",
        ),
        Result(
            "**national analysis: peak memory (MB)**",
            rss,
            unit="MB",
            target=MEMORY_TARGET_MB,
            note=f"before: 1,104 MB ({BEFORE}); 1,742 MB",
        ),
        Result(
            "compiling the coverage code, first analysis on a computer (informative)",
            [compiled[0]],
            note="once per installation; numba keeps it in its cache",
        ),
        Result(
            "loading the compiled coverage code from the cache (informative)",
            [compiled[1]],
            note="in every analysis process, inside the timings above",
        ),
        Result(
            "coverage of the 9 groups by the merged layer, 1 thread (before, informative)",
            [before["seconds"]],
            peak_rss_mb=[before["peak_rss_mb"]],
            note=f"same machine, same load; the method replaced; {before['cpu_s']:.1f} s CPU",
        ),
        Result(
            "**coverage agrees with the merged layer** (largest difference)",
            [before["worst"]],
            unit="",
            target=1e-6,
            note=before["summary"],
        ),
        *[
            Result(
                f"**re-run after one asset {what}**",
                reruns[what],
                target=RERUN_TARGET_S,
                note=f"{RERUNS} in a row; {reruns['near'][what]} rows' coverage changed; "
                f"before: {RERUN_BEFORE[what]} ({BEFORE})",
            )
            for what in ("added", "moved", "removed")
        ],
        Result(
            "**national HTML gap map (command line)**",
            [t for t, _ in html],
            target=HTML_TARGET_S,
            note=f"before: 5.21 s ({BEFORE}); 19.09 s (exports section)",
        ),
        Result(
            "**national HTML gap map: size (MB)**",
            [mb for _, mb in html],
            unit="MB",
            target=HTML_TARGET_MB,
            note="before: 32.2 MB (exports section)",
        ),
    ]


# ---- children ------------------------------------------------------------------------------
def _params():  # noqa: ANN202 (imported late: the child loads assetmap first)
    from assetmap.core.analysis.params import AnalysisParams

    return AnalysisParams(
        area_set=data.LSOA_SET_NAME,
        categories=tuple(data.CATEGORIES),
        distance_m=800.0,
        population_field=bench_analysis.POPULATION,
        need_field=bench_analysis.NEED,
        provision="coverage",
    )


def _load(project_path: Path):  # noqa: ANN202
    from assetmap.core.analysis import inputs
    from assetmap.core.project import Project

    with Project.open(project_path) as project:
        return inputs.load(project, _params())


def before_child(project_path: Path, compare: Path) -> None:
    import numpy as np
    import pandas as pd
    import shapely

    from assetmap.core.analysis import measures
    from assetmap.core.analysis.params import ALL_CHOSEN

    found = _load(project_path)
    points = np.asarray(shapely.points(found.asset_x, found.asset_y))
    new = pd.read_parquet(compare)
    started, cpu = time.perf_counter(), time.process_time()
    old = {
        key: measures.coverage_shares(found.area_geoms, points[found.asset_category == key], 800.0)
        for key in data.CATEGORIES
    }
    old[ALL_CHOSEN] = measures.coverage_shares(found.area_geoms, points, 800.0)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    worst, beyond, rows = 0.0, 0, 0
    for key, shares in old.items():
        mine = new[new["category"] == key]["coverage"].to_numpy(dtype=float)
        diff = np.abs(mine - shares)
        big = shares > 1e-9
        worst = max(worst, float(np.max(diff[big] / shares[big], initial=0.0)))
        worst = max(worst, float(np.max(diff[~big], initial=0.0)))
        beyond += int(np.count_nonzero(diff > np.maximum(1e-6 * shares, 1e-9)))
        rows += len(mine)
    summary = f"{rows:,} rows (9 groups); {beyond} beyond 1e-6 relative / 1e-9 absolute"
    emit({"seconds": seconds, "cpu_s": cpu, "worst": worst, "summary": summary})


def compile_child(cache: str | None) -> None:
    if cache:
        os.environ["NUMBA_CACHE_DIR"] = cache  # read when numba is first imported
    import numba  # noqa: F401  (its import is start-up, not compiling)

    from assetmap.core.analysis import coverage

    started = time.perf_counter()
    coverage.prepare()
    emit({"seconds": time.perf_counter() - started})


def rerun_child(project_path: Path) -> None:
    import dataclasses

    import numpy as np

    from assetmap.core.analysis import engine, incremental

    found = _load(project_path)
    params = _params()
    full = engine.run(found, params)
    moved_x = found.asset_x.copy()
    moved_x[5] += 500.0
    keep = np.ones(len(found.asset_x), dtype=bool)
    keep[7] = False
    changes = {
        "added": dataclasses.replace(
            found,
            asset_x=np.append(found.asset_x, 384_000.0),
            asset_y=np.append(found.asset_y, 398_000.0),
            asset_category=np.append(found.asset_category, "libraries"),
            asset_uuid=np.append(found.asset_uuid, "added-for-the-benchmark"),
        ),
        "moved": dataclasses.replace(found, asset_x=moved_x),
        "removed": dataclasses.replace(
            found,
            asset_x=found.asset_x[keep],
            asset_y=found.asset_y[keep],
            asset_category=found.asset_category[keep],
            asset_uuid=found.asset_uuid[keep],
        ),
    }
    payload: dict = {"near": {}}
    for what, changed in changes.items():
        times = []
        for _ in range(RERUNS):
            started = time.perf_counter()
            result = incremental.rerun(full, changed, params)
            times.append(time.perf_counter() - started)
        payload[what] = times
        differs = result.table["coverage"].to_numpy() != full.table["coverage"].to_numpy()
        payload["near"][what] = int(np.count_nonzero(differs))
    emit(payload)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["before", "rerun", "compile"], required=True)
    parser.add_argument("--project", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--cache", help="numba's cache folder (compile child)")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.child == "compile":
        compile_child(args.cache)
    elif args.child == "before":
        before_child(args.project, args.compare)
    else:
        rerun_child(args.project)


if __name__ == "__main__":
    main()
