"""Scenario `stress`: the long-session stress test, for longer, on a real X server (Xvfb).

`tests/qt/test_stress.py` compresses a long working session into one round: on the Trafford
demo, import assets in a worker (the import dialog's check and import), Find gaps while the
map is moved, then pan and zoom 120 times every way a user can (wheel, middle-button drag,
arrow and +/- keys, the canvas's own calls) with raster tiles from a local server switched on
and off, mostly without waiting for the exact render; then File ▸ Open Demo Project ▸
Rutland while a render is still running, Find ▸ Oakham, the wheel down to street level, and
120 more moves there. After each project it checks that the map's render equals a fresh
drawing of the model, that tile caches hold a few files open (not one per render), and at
the end that nothing logged a warning, no thread died and Qt never said an object was
deleted. A second test opens the demo projects one after the other 40 times a round while
tiles are being fetched and drawn (before the fix, SQLite crashed within tens of switches).
CI runs one round offscreen; here each repeat runs `ASSETMAP_STRESS_ROUNDS` rounds
(default 10: 2,400 pans and zooms, 20 project switches in the session and 400 while tiles
arrive) in a fresh child process under `xvfb-run` with Qt's xcb platform, as on a desktop.
Peak RSS is the test process's (the switching runs in a child of its own).

A repeat that crashes (a negative exit code is the signal that ended it) or fails counts in
the first row, whose target is none; the child's faulthandler stack and pytest's report are
kept in `benchmarks/.cache/stress-<n>.log`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import REPO_ROOT, Context, Result, emit  # noqa: E402

TITLE = "A long session on a real X server: demos, imports, Find gaps, pans and zooms"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()

ROUNDS = int(os.environ.get("ASSETMAP_STRESS_ROUNDS", "10"))
MOVES = 240  # per round: 120 on each demo (tests/qt/test_stress.py MOVES)
HUNG_AFTER_S = 600 + 300 * ROUNDS  # a round takes one to two minutes


def run(ctx: Context) -> list[Result]:
    if shutil.which("xvfb-run") is None:
        raise SystemExit("the stress scenario needs xvfb-run (Debian: apt-get install xvfb)")
    failed, seconds, peaks, notes = [], [], [], []
    for i in range(ctx.repeat):
        ctx.log(f"  repeat {i + 1}/{ctx.repeat}: {ROUNDS} rounds under Xvfb")
        log = ctx.cache_dir / f"stress-{i + 1}.log"
        code, wall, payload = _run_child(ctx, log)
        failed.append(0.0 if code == 0 else 1.0)
        seconds.append(wall / ROUNDS)
        if payload is not None:
            peaks.append(payload["peak_rss_mb"])
        outcome = "passed" if code == 0 else _why(code, log)
        notes.append(outcome)
        ctx.log(f"    {outcome} in {wall:.0f} s ({wall / ROUNDS:.1f} s a round); log {log}")
    runs = f"{ctx.repeat} runs of {ROUNDS} rounds, {ROUNDS * MOVES:,} pans and zooms each"
    return [
        Result(
            name="**runs that crashed or failed**",
            values=failed,
            unit="runs",
            central=sum(failed),
            target=0,
            note=f"{runs}: " + "; ".join(notes),
        ),
        Result(
            name="time per round (informative)",
            values=seconds,
            peak_rss_mb=peaks,
            note="a round: import, Find gaps, 240 moves, 4 pixel checks, 42 project switches",
        ),
    ]


def _run_child(ctx: Context, log: Path) -> tuple[int, float, dict | None]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "ASSETMAP_STRESS_ROUNDS": str(ROUNDS),
        "PYTHONFAULTHANDLER": "1",
    }
    command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24",
               ctx.python, __file__, "--child"]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=REPO_ROOT, start_new_session=True)  # fmt: skip
    try:
        out, err = proc.communicate(timeout=HUNG_AFTER_S)
    except subprocess.TimeoutExpired:  # frozen: stop the whole group (Xvfb, python)
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        err += f"\nHUNG: no end after {HUNG_AFTER_S} s; stopped\n"
    wall = time.perf_counter() - started
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(out + "\n--- stderr ---\n" + err, encoding="utf-8")
    payload = None
    for line in out.splitlines():
        if line.startswith("BENCH-JSON "):
            payload = json.loads(line.removeprefix("BENCH-JSON "))
    code = payload["exit"] if payload is not None else proc.returncode
    return code, wall, payload


def _why(code: int, log: Path) -> str:
    text = log.read_text(encoding="utf-8", errors="replace")
    if "\nHUNG: " in text:
        return f"hung (no end after {HUNG_AFTER_S} s)"
    if "Fatal Python error" in text:
        return "crashed: " + re.search(r"Fatal Python error: [^\n]*", text)[0]
    found = re.search(r"^FAILED [^\n]*", text, re.MULTILINE)
    return f"failed (exit {code})" + (f": {found[0]}" if found else "")


def _child() -> int:
    import pytest

    code = pytest.main(["tests/qt/test_stress.py", "-q", "-p", "no:cacheprovider"])
    emit({"exit": int(code)})
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        sys.exit(_child())
    raise SystemExit("run it through benchmarks/run.py --only stress (see README.md)")
