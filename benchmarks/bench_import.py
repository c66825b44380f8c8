"""Scenario ``import``: the national LSOAs and 200,000 assets into a new project.

Each repeat runs, each in a fresh child process, (1) assetmap's import, (2) the minimal
geopandas script (minimal_import.py) and (3) the same script without the reprojection. Children
load their libraries first and time only the work; they report their peak RSS too.

The last assetmap repeat leaves its project at ``.cache/national.gpkg`` for later scenarios.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import data
from harness import BENCH_DIR, Context, Result, Stopwatch, emit, run_child

TITLE = "Import: 34,753 LSOAs + 200,000 assets into a new project"
TARGET = 1.5
DESCRIPTION = f"""\
Inputs: `national/{data.LSOA_FILE}` (34,753 LSOA 2011 polygons, CRS84, read through
`/vsigzip/`) and `.cache/{data.ASSETS_FILE}` (200,000 Code-Point Open postcode points,
EPSG:27700, 8 categories, seed {data.ASSET_SEED}). Every run is a fresh child process that loads
its libraries before the clock starts and times only the work; peak RSS is the child's
`VmHWM` (Linux), so it includes the loaded libraries.

- **assetmap**: `Project.create`, `import_areas(set_name="{data.LSOA_SET_NAME}")`,
  `import_assets(category_field="category", x_field="easting", y_field="northing",
  crs="EPSG:27700")`, `close()`; total = all four.
- **minimal**: `geopandas.read_file(lsoa).to_crs(27700).to_file(out, layer="lsoa")`, then
  `pandas.read_csv` + `points_from_xy` + `to_file(out, layer="assets")` (GPKG). The `to_crs` is
  included because assetmap stores everything in the project's metric CRS (EPSG:27700).
- **minimal, no to_crs**: the same without reprojecting (informative only).

Ratio = median assetmap total / median minimal total (min/max over the per-repeat ratios);
target ≤ {TARGET}× (BRIEF §7)."""


def run(ctx: Context) -> list[Result]:
    lsoa = data.lsoa_path()
    assets = data.assets_csv(ctx)
    keep = ctx.cache_dir / data.NATIONAL_PROJECT
    runs: dict[str, list[dict]] = {"assetmap": [], "minimal": [], "minimal_raw": []}
    for i in range(ctx.repeat):
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-import-") as tmp:
            work = Path(tmp)
            last = i == ctx.repeat - 1
            ctx.log(f"  repeat {i + 1}/{ctx.repeat}: assetmap")
            argv = [__file__, "--child", "assetmap", "--lsoa", lsoa, "--assets", assets]
            argv += ["--workdir", work / "assetmap"]
            runs["assetmap"].append(
                run_child(ctx, argv + (["--keep", keep] if last else []), label="assetmap import")
            )
            _log_child(ctx, runs["assetmap"][-1])
            for key, extra in (("minimal", []), ("minimal_raw", ["--no-to-crs"])):
                ctx.log(f"  repeat {i + 1}/{ctx.repeat}: {key}")
                script = BENCH_DIR / "minimal_import.py"
                out = work / f"{key}.gpkg"
                argv = [script, out, "--lsoa", lsoa, "--assets", assets, "--json", *extra]
                runs[key].append(run_child(ctx, argv, label=f"{key} script"))
                _log_child(ctx, runs[key][-1])
    return _results(runs)


def _log_child(ctx: Context, payload: dict) -> None:
    laps = ", ".join(f"{k[:-2]} {v:.2f} s" for k, v in payload.items() if k.endswith("_s"))
    ctx.log(f"    {laps}; peak RSS {payload['peak_rss_mb']:.0f} MB")


def _results(runs: dict[str, list[dict]]) -> list[Result]:
    def row(key: str, lap: str, name: str, *, rss: bool = False, note: str = "") -> Result:
        return Result(
            name=name,
            values=[r[f"{lap}_s"] for r in runs[key]],
            peak_rss_mb=[r["peak_rss_mb"] for r in runs[key]] if rss else [],
            note=note,
        )

    am, mn, raw = runs["assetmap"], runs["minimal"], runs["minimal_raw"]
    first = am[-1]
    counts = f"{first['areas']:,} areas, {first['assets']:,} assets"
    if first.get("out_of_area"):
        counts += f" ({first['out_of_area']:,} flagged out of area)"
    results = [
        row("assetmap", "create", "assetmap: Project.create"),
        row("assetmap", "areas", "assetmap: import_areas"),
        row("assetmap", "assets", "assetmap: import_assets"),
        row("assetmap", "close", "assetmap: close"),
        row("assetmap", "total", "**assetmap total**", rss=True, note=counts),
        row("minimal", "areas", "minimal: areas (read, to_crs, write)"),
        row("minimal", "assets", "minimal: assets (read_csv, points, write)"),
        row("minimal", "total", "**minimal total**", rss=True),
        row("minimal_raw", "total", "minimal without to_crs (informative)", rss=True),
        row("assetmap", "cpu", "assetmap total, CPU time (informative)"),
        row("minimal", "cpu", "minimal total, CPU time (informative)"),
    ]
    results.append(_ratio(am, mn, "**ratio assetmap / minimal**", TARGET))
    results.append(_ratio(am, raw, "ratio assetmap / minimal without to_crs (informative)", None))
    results.append(_ratio(am, mn, "ratio of CPU times (informative)", None, key="cpu_s"))
    return results


def _ratio(
    num: list[dict], den: list[dict], name: str, target: float | None, *, key: str = "total_s"
) -> Result:
    a = [r[key] for r in num]
    b = [r[key] for r in den]
    return Result(
        name=name,
        values=[x / y for x, y in zip(a, b, strict=True)],
        unit="×",
        target=target,
        central=statistics.median(a) / statistics.median(b),
    )


# ---- the assetmap child ---------------------------------------------------------------------
def assetmap_child(
    lsoa: Path, assets: Path, workdir: Path, keep: Path | None, profile: Path | None = None
) -> None:
    # Everything the import needs is loaded before the clock starts (start-up is not the job).
    import geopandas  # noqa: F401
    import pyogrio  # noqa: F401
    import shapely  # noqa: F401

    from assetmap.core.imports import import_areas, import_assets
    from assetmap.core.io.area_import import AreaImportOptions
    from assetmap.core.io.asset_import import AssetImportOptions
    from assetmap.core.project import Project
    from assetmap.core.schema import ASSETS_TABLE

    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / data.NATIONAL_PROJECT
    watch = Stopwatch()
    profiler = _start_profiler() if profile else None
    cpu_started = time.process_time()
    with watch.lap("total"):
        with watch.lap("create"):
            project = Project.create(out)
        with watch.lap("areas"):
            area_report = import_areas(
                project, lsoa, AreaImportOptions(set_name=data.LSOA_SET_NAME)
            )
        with watch.lap("assets"):
            asset_report = import_assets(
                project,
                assets,
                AssetImportOptions(
                    category_field="category",
                    x_field="easting",
                    y_field="northing",
                    crs="EPSG:27700",
                ),
            )
        with watch.lap("close"):
            project.close()
    cpu = time.process_time() - cpu_started
    if profiler is not None:
        _save_profile(profiler, profile)
    with contextlib.closing(sqlite3.connect(out)) as conn:
        query = f"SELECT count(*) FROM {ASSETS_TABLE} WHERE out_of_area = 1"
        out_of_area = conn.execute(query).fetchone()[0]
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        partial = keep.with_name(keep.name + ".partial")
        shutil.copyfile(out, partial)
        os.replace(partial, keep)
    emit(
        {
            **{f"{k}_s": v for k, v in watch.laps.items()},
            "cpu_s": cpu,
            "areas": area_report.imported,
            "assets": asset_report.imported,
            "out_of_area": out_of_area,
            "rejected": len(area_report.rejected) + len(asset_report.rejected),
            "repaired": len(area_report.repaired) + len(asset_report.repaired),
            "notes": area_report.notes + asset_report.notes,
        }
    )


def _start_profiler() -> object:
    """pyinstrument if installed (pip install pyinstrument), else cProfile."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        return profiler
    profiler = Profiler(interval=0.005)
    profiler.start()
    return profiler


def _save_profile(profiler: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if hasattr(profiler, "output_text"):
        profiler.stop()
        if path.suffix == ".html":
            path.write_text(profiler.output_html(), encoding="utf-8")
        else:
            path.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    else:
        import pstats

        profiler.disable()
        with path.open("w", encoding="utf-8") as out:
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)


def main() -> None:
    parser = argparse.ArgumentParser(description="child process of the import benchmark")
    parser.add_argument("--child", choices=["assetmap"], required=True)
    parser.add_argument("--lsoa", type=Path, required=True)
    parser.add_argument("--assets", type=Path, required=True)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--keep", type=Path, help="copy the finished project here")
    parser.add_argument(
        "--profile", type=Path, help="write a profile of the import here (.txt or .html)"
    )
    args = parser.parse_args()
    if args.workdir is None:
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-import-") as tmp:
            assetmap_child(args.lsoa, args.assets, Path(tmp), args.keep, args.profile)
    else:
        assetmap_child(args.lsoa, args.assets, args.workdir, args.keep, args.profile)


if __name__ == "__main__":
    main()
