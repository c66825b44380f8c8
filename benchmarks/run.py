"""Run assetmap's benchmarks and record them in benchmarks/RESULTS.md.

    python benchmarks/run.py [--only NAME ...] [--repeat N] [--list]

Each scenario is a module in this folder exposing ``TITLE``, ``DESCRIPTION`` and
``run(ctx) -> list[Result]`` (see harness.py). To add one, write the module and add a line to
``SCENARIOS`` below; its section in RESULTS.md is written (or replaced) after it has run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import results  # noqa: E402
from harness import REPO_ROOT, Context  # noqa: E402

#: Scenario name -> module in benchmarks/, in the order they run.
SCENARIOS: dict[str, str] = {
    "import": "bench_import",
    "canvas": "bench_canvas",
    "basemap": "bench_basemap",
    "analysis": "bench_analysis",
    "exports": "bench_exports",
    "stress": "bench_stress",
    "live_gaps": "bench_live_gaps",
    "speed": "bench_speed",
    "workshop": "workshop_load",
    "merge": "bench_merge",
    "publish": "bench_publish",
    "new_place": "bench_new_place",
    "sync": "bench_sync",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run assetmap's benchmarks (see README.md).")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(SCENARIOS),
        metavar="NAME",
        help=f"run only this scenario (repeatable; one of: {', '.join(SCENARIOS)})",
    )
    parser.add_argument("--repeat", type=int, default=3, help="repeats per measure (default 3)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and stop")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.list:
        for name, module in SCENARIOS.items():
            print(f"{name:12} {importlib.import_module(module).TITLE}")
        return 0

    ctx = Context(repeat=args.repeat)
    ctx.cache_dir.mkdir(parents=True, exist_ok=True)
    missed = []
    for name in args.only or list(SCENARIOS):
        scenario = importlib.import_module(SCENARIOS[name])
        ctx.log(f"[{name}] {scenario.TITLE} ({ctx.repeat} repeats)")
        started, load_before = time.perf_counter(), _load()
        code = results.code_version(REPO_ROOT)
        rows = scenario.run(ctx)
        section = results.render_section(
            name,
            scenario.TITLE,
            scenario.DESCRIPTION,
            rows,
            repeat=ctx.repeat,
            load=(load_before, _load()),
            code=code,
        )
        results.write_section(ctx.results_path, name, section)
        results.print_table(rows)
        ctx.log(f"[{name}] done in {time.perf_counter() - started:.0f} s -> {ctx.results_path}")
        missed += [f"{name}: {r.name.replace('**', '')}" for r in rows if r.verdict == "MISS"]
    if missed:
        ctx.log("targets missed: " + "; ".join(missed))
    return 0


def _load() -> float:
    """The 1-minute load average: other work on the machine skews the timings."""
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover - not available on Windows
        return float("nan")


if __name__ == "__main__":
    sys.exit(main())
