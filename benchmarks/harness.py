"""What every scenario shares: the run context, a result row, and timed child processes.

A scenario module exposes ``TITLE``, ``DESCRIPTION`` (Markdown, shown in RESULTS.md) and
``run(ctx) -> list[Result]``. Heavy work runs in a fresh child process (``run_child``) so caches
and memory never leak from one measurement into the next; the child times only its work and
prints one JSON line (``emit``) that the parent reads back.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
RESULTS_MD = BENCH_DIR / "RESULTS.md"
_MARKER = "BENCH-JSON "


@dataclass
class Context:
    repeat: int = 3
    cache_dir: Path = CACHE_DIR
    results_path: Path = RESULTS_MD
    python: str = sys.executable
    log: Callable[[str], None] = field(default=lambda text: print(text, flush=True))


@dataclass
class Result:
    """One row of a scenario's table: a measure taken once per repeat."""

    name: str
    values: list[float]  # one per repeat
    unit: str = "s"  # "s" (seconds) or "×" (a ratio)
    peak_rss_mb: list[float] = field(default_factory=list)  # one per repeat, if measured
    target: float | None = None  # upper bound: PASS when the central value is at most this
    central: float | None = None  # the value judged and shown; the median of values if None
    note: str = ""

    @property
    def value(self) -> float:
        return self.central if self.central is not None else statistics.median(self.values)

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "PASS" if self.value <= self.target else "MISS"


# ---- parent side -------------------------------------------------------------------------
def run_child(ctx: Context, argv: list[str | Path], *, label: str) -> dict:
    """Run ``python argv...`` in a fresh process and return the JSON it emitted."""
    command = [ctx.python, *map(str, argv)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT)
    wall = time.perf_counter() - started
    payload = None
    for line in proc.stdout.splitlines():
        if line.startswith(_MARKER):
            payload = json.loads(line[len(_MARKER) :])
    if proc.returncode != 0 or payload is None:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-25:])
        raise RuntimeError(f"{label} failed (exit {proc.returncode}):\n{tail}")
    payload["wall_s"] = wall
    return payload


# ---- child side --------------------------------------------------------------------------
class Stopwatch:
    """Named laps, timed with perf_counter: ``with watch.lap("areas"): ...``."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}

    @contextmanager
    def lap(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.laps[name] = self.laps.get(name, 0.0) + time.perf_counter() - started


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    On Linux, VmHWM from /proc: ru_maxrss survives exec, so a child started by a runner that
    had grown to 1 GB reported 1 GB whatever it used itself. Elsewhere ru_maxrss (KiB on
    Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def emit(payload: dict) -> None:
    """The child's one line of results for ``run_child``."""
    print(_MARKER + json.dumps({**payload, "peak_rss_mb": peak_rss_mb()}), flush=True)
