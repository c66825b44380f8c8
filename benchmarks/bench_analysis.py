"""Scenario ``analysis``: the full gap analysis of the national project, all measures at 800 m.

Each repeat runs, each in a fresh child process, (1) assetmap's ``analyse`` on a copy of the
national project with IMD 2019 joined and (2) the minimal geopandas script
(minimal_analysis.py) on another copy. Children load their libraries first and time only the
work; they report their peak RSS too. The last repeat's two result tables are compared row by
row. Once per scenario run, two informative extra runs: the plainer ``gpd.overlay`` version of
the minimal script (stopped after 15 minutes), and assetmap on one thread with each stage
timed, for the breakdown.

The analysed project (``.cache/national_analysis.gpkg``) is a copy of ``.cache/national.gpkg``
(never written to) with need and population joined by assetmap's own ``join_indicators``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import data
import minimal_analysis
from harness import BENCH_DIR, REPO_ROOT, Context, Result, emit, run_child

TITLE = "Gap analysis: 34,753 LSOAs × 200,000 assets, 8 categories, all measures at 800 m"
TARGET = 1.5
AGREE_RTOL = 1e-6
OVERLAY_TIMEOUT_S = 15 * 60
ANALYSIS_PROJECT = "national_analysis.gpkg"
INDICATORS_CSV = "imd2019_need_population.csv"
IMD_DIR = "england_imd2019"
IMD_FILE = "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
POPULATION_FILE = "File_6_-_IoD2019_Population_Denominators.csv.gz"
IMD_KEY = "LSOA code (2011)"
IMD_RANK = "Index of Multiple Deprivation (IMD) Rank"
POPULATION_SOURCE = "Total population: mid 2015 (excluding prisoners)"
IMD_AREAS = 32_844  # English LSOAs ranked; need = IMD_AREAS + 1 - rank
POPULATION = minimal_analysis.POPULATION
NEED = minimal_analysis.NEED
CATEGORIES = data.CATEGORIES
#: Progress messages of assetmap's analyse that start a stage (the rest are inside one).
_STAGES = {
    "Reading areas and assets": "read",
    "Finding each area's reference point": "refs",
    "Placing assets in areas": "place_cover",
    "Distances, counts and classes": "tables",
    "Keeping the run in the project": "save",
}

DESCRIPTION = f"""\
Input: `.cache/{ANALYSIS_PROJECT}`, the national project (34,753 LSOA 2011 areas in set
"{data.LSOA_SET_NAME}", 200,000 active verified assets in 8 categories, 18,757 of them in
Scotland, outside every area but still nearest to some) with two indicators joined by
assetmap's `join_indicators` from `.cache/{INDICATORS_CSV}`, made from the English IMD 2019
files (`national/{IMD_DIR}/`): `{POPULATION}` = File_6 "{POPULATION_SOURCE}", and `{NEED}` =
{IMD_AREAS + 1} − File_1 "{IMD_RANK}" (the files give ranks, 1 = most deprived, not scores;
need must grow with deprivation). The 1,909 Welsh LSOAs have neither (per_1000 and terciles
empty). Every run is a fresh child process working on its own copy of the file; it loads its
libraries before the clock starts and times only the work; peak RSS is its `VmHWM` (Linux).

- **assetmap**: `Project.open`, `analyse(project, AnalysisParams(area_set="{data.LSOA_SET_NAME}",
  categories=<the 8>, distance_m=800, population_field="{POPULATION}", need_field="{NEED}",
  provision="coverage"), keep=True)`, `close()`. With more than one category assetmap adds
  a 9th group, "any of the chosen", so 9 × 34,753 = 312,777 result rows, kept in the project.
  Stages from its progress messages: reading; reference points; placing assets in areas plus
  coverage of the 9 groups (in 2 threads); distances, counts and classes; saving the run.
- **minimal** ([`minimal_analysis.py`](minimal_analysis.py)): the same 9 groups and measures
  in plain geopandas: `read_file`; `sjoin` (intersects, first area kept) and `crosstab` for
  counts; `sjoin_nearest` from centroids; per group `buffer(800, quad_segs=16).union_all()`,
  exploded, `sjoin(parts, areas, "contains")` for wholly covered areas and
  `sjoin(parts, areas, "intersects")` + pairwise `intersection().area` for the others; gap,
  `pd.qcut` terciles on ranks, 3×3 class, priority; results written with
  `pyogrio.write_dataframe` to a new GeoPackage. One Python thread.
- **minimal with gpd.overlay** (one run, informative): the same but coverage by
  `gpd.overlay(areas, parts, how="intersection")` on every area, without the "wholly covered"
  step; stopped after {OVERLAY_TIMEOUT_S // 60} minutes.
- **results agree**: the last repeat's tables joined on (area, group): counts, gap,
  terciles, class and priority must be identical, per_1000, density, nearest and coverage
  equal within {AGREE_RTOL:g} relative (1e-9 absolute for values near 0); the value shown is
  the largest relative difference.
- **assetmap breakdown** (one run, informative): assetmap run again on one thread with its
  stages timed (exclusive times: wrappers around the analysis functions and the shapely
  calls inside `coverage_shares`), so the stages add up to the run.

Ratio = median assetmap total / median minimal total (min/max over the per-repeat ratios);
target ≤ {TARGET}× (BRIEF §7). The BRIEF's anchor, QGIS 3.22's processing run, cannot be run
here (no QGIS on the machine) and no QGIS figure for this job is recorded, so it is not
compared."""


# ---- the analysed project ------------------------------------------------------------------
def analysis_project(ctx: Context) -> Path:
    """The national project with need and population joined, made once in ``.cache/``."""
    out = ctx.cache_dir / ANALYSIS_PROJECT
    if out.is_file():
        return out
    national = data.national_project(ctx)
    indicators = indicators_csv(ctx)
    ctx.log(f"preparing {out.name}: {national.name} + {indicators.name} (join_indicators)")
    from assetmap.core.imports import join_indicators
    from assetmap.core.io.indicator_import import IndicatorOptions
    from assetmap.core.project import Project

    # Built in a scratch folder: opening upgrades the project's schema if it is older, and
    # assetmap keeps a backup copy beside the file when it does.
    with tempfile.TemporaryDirectory(prefix="partial-", dir=ctx.cache_dir) as tmp:
        partial = Path(tmp) / ANALYSIS_PROJECT
        shutil.copyfile(national, partial)
        with Project.open(partial) as project:
            report = join_indicators(
                project,
                indicators,
                IndicatorOptions(
                    area_set=data.LSOA_SET_NAME,
                    key_field="lsoa11cd",
                    fields=[NEED, "imd_rank", POPULATION],
                ),
            )
        os.replace(partial, out)
    ctx.log(f"  joined {report.imported:,} areas; {'; '.join(report.notes)}")
    return out


def indicators_csv(ctx: Context) -> Path:
    """Need and population per English LSOA from the IMD 2019 files, as one CSV.

    The files rank areas (1 = most deprived) and give no score, so need = 32,845 − rank
    (higher = more need; ties in rank stay ties). The population comes from its own CSV
    because its field name holds a colon, which ``--fields`` cannot name (see README).
    """
    out = ctx.cache_dir / INDICATORS_CSV
    if out.is_file():
        return out
    import pandas as pd

    folder = data.shared_data_dir() / "national" / IMD_DIR
    imd = pd.read_csv(folder / IMD_FILE, thousands=",", encoding="utf-8-sig")
    pop = pd.read_csv(folder / POPULATION_FILE, thousands=",", encoding="utf-8-sig")
    table = pd.DataFrame(
        {
            "lsoa11cd": imd[IMD_KEY],
            "imd_rank": imd[IMD_RANK],
            NEED: IMD_AREAS + 1 - imd[IMD_RANK],
        }
    ).merge(
        pop[[IMD_KEY, POPULATION_SOURCE]].set_axis(["lsoa11cd", POPULATION], axis=1),
        on="lsoa11cd",
        validate="1:1",
    )
    if len(table) != IMD_AREAS:
        raise RuntimeError(f"expected {IMD_AREAS} English LSOAs, got {len(table)}")
    partial = out.with_suffix(".csv.partial")
    table.to_csv(partial, index=False)
    os.replace(partial, out)
    return out


# ---- the scenario --------------------------------------------------------------------------
def run(ctx: Context) -> list[Result]:
    project = analysis_project(ctx)
    runs: dict[str, list[dict]] = {"assetmap": [], "minimal": []}
    agreement: dict = {}
    for i in range(ctx.repeat):
        last = i == ctx.repeat - 1
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-analysis-") as tmp:
            work = Path(tmp)
            ctx.log(f"  repeat {i + 1}/{ctx.repeat}: assetmap")
            copy = work / "assetmap.gpkg"
            shutil.copyfile(project, copy)
            argv = [__file__, "--child", "assetmap", "--project", copy]
            if last:
                argv += ["--result", work / "assetmap.parquet"]
            runs["assetmap"].append(run_child(ctx, argv, label="assetmap analysis"))
            _log_child(ctx, runs["assetmap"][-1])

            ctx.log(f"  repeat {i + 1}/{ctx.repeat}: minimal")
            copy = work / "minimal-input.gpkg"
            shutil.copyfile(project, copy)
            argv = [BENCH_DIR / "minimal_analysis.py", work / "minimal.gpkg"]
            argv += ["--project", copy, "--json"]
            runs["minimal"].append(run_child(ctx, argv, label="minimal analysis"))
            _log_child(ctx, runs["minimal"][-1])
            if last:
                agreement = compare(work / "assetmap.parquet", work / "minimal.gpkg")
                ctx.log(f"    results agree: {agreement['summary']}")

    with tempfile.TemporaryDirectory(prefix="assetmap-bench-analysis-") as tmp:
        work = Path(tmp)
        ctx.log("  once: minimal with gpd.overlay (informative)")
        shutil.copyfile(project, work / "input.gpkg")
        argv = [BENCH_DIR / "minimal_analysis.py", work / "overlay.gpkg"]
        argv += ["--project", work / "input.gpkg", "--json", "--overlay"]
        overlay = _run_child_with_timeout(ctx, argv, OVERLAY_TIMEOUT_S)
        if overlay is not None:
            _log_child(ctx, overlay)
        else:
            ctx.log(f"    stopped after {OVERLAY_TIMEOUT_S} s")

        ctx.log("  once: assetmap on one thread, stages timed (informative)")
        shutil.copyfile(project, work / "breakdown.gpkg")
        argv = [__file__, "--child", "assetmap", "--project", work / "breakdown.gpkg"]
        breakdown = run_child(ctx, [*argv, "--breakdown"], label="assetmap breakdown")
        _log_child(ctx, breakdown)
    return _results(runs, agreement, overlay, breakdown)


def _log_child(ctx: Context, payload: dict) -> None:
    laps = ", ".join(
        f"{k[:-2]} {v:.2f} s" for k, v in payload.items() if k.endswith("_s") and v >= 0.005
    )
    ctx.log(f"    {laps}; peak RSS {payload['peak_rss_mb']:.0f} MB")


def _run_child_with_timeout(ctx: Context, argv: list, timeout: float) -> dict | None:
    """``run_child`` with a time limit: None when the child had to be stopped."""
    command = [ctx.python, *map(str, argv)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    payload = None
    for line in stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            payload = json.loads(line[len("BENCH-JSON ") :])
    if proc.returncode != 0 or payload is None:
        tail = "\n".join((stderr or stdout).strip().splitlines()[-25:])
        raise RuntimeError(f"minimal overlay failed (exit {proc.returncode}):\n{tail}")
    return payload


# ---- comparing the two result tables -------------------------------------------------------
EXACT = ("assets", "gap", "need_tercile")  # must be identical
CLOSE = ("per_1000", "density_km2", "nearest_m", "coverage")  # within AGREE_RTOL
RANKED = ("provision_tercile", "bivariate", "priority")  # reported: ties split by noise
SNAP = 1e-12  # a share this close to 1 is a wholly covered area


def compare(assetmap_table: Path, minimal_gpkg: Path) -> dict:
    """Join the two tables on (area, group) and measure every difference."""
    import numpy as np
    import pandas as pd
    import pyogrio

    am = pd.read_parquet(assetmap_table)
    mn = pyogrio.read_dataframe(minimal_gpkg, layer="results", read_geometry=False)
    keys = ["area_code", "category"]
    both = am.merge(mn, on=keys, how="outer", suffixes=("_am", "_mn"), indicator=True)
    out: dict = {
        "rows_assetmap": len(am),
        "rows_minimal": len(mn),
        "unmatched": int((both["_merge"] != "both").sum()),
    }
    both = both[both["_merge"] == "both"].reset_index(drop=True)
    for name in EXACT + RANKED:
        a, b = both[f"{name}_am"], both[f"{name}_mn"]
        if name == "bivariate":
            a, b = a.fillna("").astype(str), b.fillna("").astype(str)
        else:
            a, b = a.fillna(0).astype("int64"), b.fillna(0).astype("int64")
        out[f"{name}_mismatches"] = int((a.to_numpy() != b.to_numpy()).sum())
    worst = 0.0
    for name in CLOSE:
        a = both[f"{name}_am"].to_numpy(dtype=float)
        b = both[f"{name}_mn"].to_numpy(dtype=float)
        nan_mismatch = int((np.isnan(a) != np.isnan(b)).sum())
        ok = ~np.isnan(a) & ~np.isnan(b)
        diff = np.abs(a[ok] - b[ok])
        scale = np.maximum(np.abs(a[ok]), np.abs(b[ok]))
        with np.errstate(invalid="ignore", divide="ignore"):
            rel = np.where(diff > 0, diff / scale, 0.0)
        out[f"{name}_max_abs"] = float(diff.max()) if len(diff) else 0.0
        out[f"{name}_bad"] = int((diff > AGREE_RTOL * scale + 1e-9).sum()) + nan_mismatch
        # Values near 0 are judged on the absolute tolerance alone, so leave them out here.
        judged = rel[scale > 1e-9]
        out[f"{name}_max_rel"] = float(judged.max()) if len(judged) else 0.0
        worst = max(worst, out[f"{name}_max_rel"])
    out["max_rel"] = worst
    # Why provision terciles differ: more than a third of the areas are wholly covered (share
    # exactly 1 in the minimal script), so the split between the 2nd and 3rd thirds falls
    # inside that tie and is made by position; assetmap's share for some of them is 1 - 1e-14.
    covered = both["coverage_am"].where(both["coverage_am"] < 1 - SNAP, 1.0)
    snapped = covered.groupby(both["category"], sort=False).transform(
        lambda s: pd.qcut(s.rank(method="first"), 3, labels=False) + 1
    )
    out["near_one_assetmap"] = int(((both["coverage_am"] < 1) & (both["coverage_mn"] == 1)).sum())
    out["provision_tercile_mismatches_snapped"] = int(
        (snapped.to_numpy() != both["provision_tercile_mn"].to_numpy()).sum()
    )
    out["agree"] = (
        out["unmatched"] == 0
        and out["rows_assetmap"] == out["rows_minimal"]
        and all(out[f"{n}_mismatches"] == 0 for n in EXACT)
        and all(out[f"{n}_bad"] == 0 for n in CLOSE)
    )
    out["summary"] = _agreement_note(out)
    return out


def _agreement_note(c: dict) -> str:
    parts = [f"{c['rows_assetmap']:,} vs {c['rows_minimal']:,} rows"]
    if c["unmatched"]:
        parts.append(f"{c['unmatched']:,} rows unmatched")
    exact = [f"{n} {c[f'{n}_mismatches']:,}" for n in EXACT if c[f"{n}_mismatches"]]
    if exact:
        parts.append("rows differing: " + ", ".join(exact))
    else:
        parts.append("counts, gap and need terciles identical")
    parts += [
        f"{n} max diff {c[f'{n}_max_abs']:.2g} ({c[f'{n}_max_rel']:.2g} rel, "
        f"{c[f'{n}_bad']} beyond tolerance)"
        for n in CLOSE
    ]
    ranked = ", ".join(f"{n} {c[f'{n}_mismatches']:,}" for n in RANKED)
    parts.append(
        f"rows differing in {ranked}: {c['near_one_assetmap']:,} wholly covered areas have "
        f"share 1 in the minimal script but just under 1 (< {SNAP:g} off) in assetmap, and "
        "ties are split by position; with those set to 1, provision terciles differ in "
        f"{c['provision_tercile_mismatches_snapped']:,} rows"
    )
    return "; ".join(parts)


# ---- the table -----------------------------------------------------------------------------
_BREAKDOWN = {
    "read": "reading areas and assets (inputs.load)",
    "refs": "reference points",
    "place": "placing assets in areas (STRtree, counted once)",
    "edges": "coverage: the areas' edges, once (shapely)",
    "index": "coverage: circles near each area (STRtree of bounds)",
    "coverage": "coverage: covered area per area (compiled, circle_cover)",
    "nearest": "nearest asset (9 groups)",
    "counts": "counts (9 groups)",
    "terciles": "terciles (18 calls)",
    "tables": "building the result table (rest of _group_table)",
    "save": "saving the run (runs.save)",
    "other": "other (open, close, method, concat)",
}


def _results(
    runs: dict[str, list[dict]], agreement: dict, overlay: dict | None, breakdown: dict
) -> list[Result]:
    def row(key: str, lap: str, name: str, *, rss: bool = False, note: str = "") -> Result:
        return Result(
            name=name,
            values=[r.get(f"{lap}_s", 0.0) for r in runs[key]],
            peak_rss_mb=[r["peak_rss_mb"] for r in runs[key]] if rss else [],
            note=note,
        )

    am, mn = runs["assetmap"], runs["minimal"]
    results = [
        row("assetmap", "read", "assetmap: reading areas and assets"),
        row("assetmap", "refs", "assetmap: reference points"),
        row(
            "assetmap",
            "place_cover",
            "assetmap: assets in areas + coverage, 9 groups (2 threads)",
        ),
        row("assetmap", "tables", "assetmap: distances, counts and classes"),
        row("assetmap", "save", "assetmap: saving the run"),
        row(
            "assetmap",
            "total",
            "**assetmap total**",
            rss=True,
            note=f"{am[-1]['rows']:,} rows, open + analyse + close",
        ),
        row("minimal", "read", "minimal: read_file"),
        row("minimal", "counts", "minimal: counts (sjoin, crosstab)"),
        row("minimal", "nearest", "minimal: nearest (sjoin_nearest, 9 groups)"),
        row("minimal", "union", "minimal: buffer + union_all (9 groups)"),
        row("minimal", "pairs", "minimal: sjoin parts ↔ areas (9 groups)"),
        row("minimal", "intersections", "minimal: intersections and areas (9 groups)"),
        row("minimal", "classes", "minimal: gap, terciles, classes"),
        row("minimal", "write", "minimal: write results"),
        row("minimal", "total", "**minimal total**", rss=True, note=f"{mn[-1]['rows']:,} rows"),
    ]
    if overlay is not None:
        results.append(
            Result(
                name="minimal with gpd.overlay, 1 run (informative)",
                values=[overlay["total_s"]],
                peak_rss_mb=[overlay["peak_rss_mb"]],
                note=f"of which overlay {overlay.get('intersections_s', 0):.0f} s",
            )
        )
    else:
        results.append(
            Result(
                name="minimal with gpd.overlay, 1 run (informative)",
                values=[float(OVERLAY_TIMEOUT_S)],
                note="did not finish: stopped at the limit",
            )
        )
    results += [
        row("assetmap", "cpu", "assetmap total, CPU time (informative)"),
        row("minimal", "cpu", "minimal total, CPU time (informative)"),
        _ratio(am, mn, "**ratio assetmap / minimal**", TARGET),
        _ratio(am, mn, "ratio of CPU times (informative)", None, key="cpu_s"),
    ]
    if overlay is not None:
        results.append(
            Result(
                name="ratio assetmap / minimal with gpd.overlay (informative)",
                values=[statistics.median(r["total_s"] for r in am) / overlay["total_s"]],
                unit="×",
            )
        )
    results.append(
        Result(
            name=f"**results agree: {'yes' if agreement.get('agree') else 'NO'}** "
            "(largest relative difference)",
            values=[agreement.get("max_rel", float("nan"))],
            unit="",
            target=AGREE_RTOL,
            central=None if agreement.get("agree") else float("inf"),
            note=agreement.get("summary", ""),
        )
    )
    total = breakdown["total_s"]
    for key, label in _BREAKDOWN.items():
        seconds = breakdown.get(f"{key}_s", 0.0)
        results.append(
            Result(
                name=f"breakdown, 1 thread: {label}",
                values=[seconds],
                note=f"{seconds / total:.0%}",
            )
        )
    results.append(
        Result(
            name="breakdown, 1 thread: total",
            values=[total],
            peak_rss_mb=[breakdown["peak_rss_mb"]],
        )
    )
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
class _StageTimer:
    """Exclusive seconds per stage: a timed call inside another is taken out of its parent."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    def stack(self) -> list[list]:
        if not hasattr(self._local, "stack"):
            self._local.stack = []
        return self._local.stack

    def wrap(self, name: str, fn, *, only_inside: str | None = None):
        def timed(*args, **kwargs):
            stack = self.stack()
            if only_inside is not None and (not stack or stack[-1][0] != only_inside):
                return fn(*args, **kwargs)
            frame = [name, 0.0]
            stack.append(frame)
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                stack.pop()
                if stack:
                    stack[-1][1] += elapsed
                with self._lock:
                    self.seconds[name] = self.seconds.get(name, 0.0) + elapsed - frame[1]

        return timed


def _instrument(timer: _StageTimer) -> None:
    """Time the analysis stages on one thread, without touching assetmap's source."""

    from assetmap.core.analysis import coverage, engine, inputs, measures, runs

    os.cpu_count = lambda: 1  # this child only: the engine's pool gets one worker
    inputs.load = timer.wrap("read", inputs.load)
    runs.save = timer.wrap("save", runs.save)
    engine.group_table = timer.wrap("tables", engine.group_table)
    coverage.prepare()  # compiled (or loaded from numba's cache) before the clock starts
    coverage.area_edges = timer.wrap("edges", coverage.area_edges)
    coverage.circles_near = timer.wrap("index", coverage.circles_near)
    coverage._measure = timer.wrap("coverage", coverage._measure)
    for attr, name in (
        ("reference_points", "refs"),
        ("area_of_each_point", "place"),
        ("nearest_distances", "nearest"),
        ("counts", "counts"),
        ("terciles", "terciles"),
    ):
        setattr(measures, attr, timer.wrap(name, getattr(measures, attr)))


def assetmap_child(project_path: Path, result: Path | None, breakdown: bool) -> None:
    # Everything the analysis needs is loaded before the clock starts (start-up is not the job).
    import geopandas  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import shapely  # noqa: F401

    from assetmap.core.analysis import runs as analysis_runs
    from assetmap.core.analysis.api import analyse
    from assetmap.core.analysis.params import AnalysisParams
    from assetmap.core.project import Project

    timer = _StageTimer()
    if breakdown:
        _instrument(timer)
    params = AnalysisParams(
        area_set=data.LSOA_SET_NAME,
        categories=CATEGORIES,
        distance_m=minimal_analysis.DISTANCE_M,
        population_field=POPULATION,
        need_field=NEED,
        provision="coverage",
    )
    stages: dict[str, float] = {}
    current: list = [None, 0.0]

    def progress(fraction: float, message: str) -> None:
        now = time.perf_counter()
        stage = _STAGES.get(message, "other" if message == "Done" else None)
        if stage is None:
            return
        if current[0] is not None:
            stages[current[0]] = stages.get(current[0], 0.0) + now - current[1]
        current[:] = [stage, now]

    Project.open(project_path).close()  # any schema upgrade (and its backup) stays untimed
    cpu_started = time.process_time()
    started = time.perf_counter()
    project = Project.open(project_path)
    run = analyse(project, params, progress=progress, keep=True)
    project.close()
    finished = time.perf_counter()
    cpu = time.process_time() - cpu_started
    progress(1.0, "Done")
    total = finished - started
    payload = {
        **{f"{k}_s": v for k, v in stages.items()},
        "total_s": total,
        "cpu_s": cpu,
        "rows": len(run.table),
        "run_id": run.run_id,
    }
    if breakdown:
        named = {f"{k}_s": v for k, v in timer.seconds.items()}
        payload = {**named, "other_s": total - sum(named.values()), "total_s": total, "cpu_s": cpu}
    if result is not None:  # the run as kept in the project, for the comparison (untimed)
        with Project.open(project_path) as project:
            analysis_runs.load(project, run.run_id).table.to_parquet(result)
    emit(payload)


def main() -> None:
    parser = argparse.ArgumentParser(description="child process of the analysis benchmark")
    parser.add_argument("--child", choices=["assetmap"], required=True)
    parser.add_argument("--project", type=Path, help="a copy of the project (it is written to)")
    parser.add_argument("--result", type=Path, help="write the kept run's table here (parquet)")
    parser.add_argument(
        "--breakdown", action="store_true", help="one thread, each stage timed (slower)"
    )
    args = parser.parse_args()
    if args.project is None:  # on its own: analyse a fresh copy of the cached project
        with tempfile.TemporaryDirectory(prefix="assetmap-bench-analysis-") as tmp:
            copy = Path(tmp) / "project.gpkg"
            shutil.copyfile(analysis_project(Context()), copy)
            assetmap_child(copy, args.result, args.breakdown)
    else:
        assetmap_child(args.project, args.result, args.breakdown)


if __name__ == "__main__":
    main()
