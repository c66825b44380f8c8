"""Compiling the coverage code before a user's first analysis, in a process of its own.

numba compiles ``circle_cover`` the first time on a computer (about 10 s) and caches it;
without this, the first Find gaps after installing (on the demo, most likely) waits for
it. The app starts this process a few seconds after its window shows, once, when the
cache is not there yet. A process, not a thread: compiling holds the GIL for long
stretches, and the window would stutter.

Run as ``python -m assetmap.core.analysis.warm``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

MODULE = "assetmap.core.analysis.circle_cover"


def cache_folder() -> Path | None:
    """Where numba keeps the compiled code beside its module (numba may use the user's
    cache folder instead, when this one cannot be written or NUMBA_CACHE_DIR says so)."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return Path(os.environ["NUMBA_CACHE_DIR"])
    spec = importlib.util.find_spec(MODULE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "__pycache__"


def compiled_in(folder: Path | None) -> bool:
    """Whether ``folder`` holds numba's index of the compiled coverage code."""
    if folder is None or not folder.is_dir():
        return False
    return any(folder.rglob("circle_cover.covered_areas-*.nbi"))


def start_if_needed() -> subprocess.Popen[bytes] | None:
    """Start compiling in the background unless it is compiled already, or this is an
    app without a Python to start (a standalone build)."""
    if getattr(sys, "frozen", False) or compiled_in(cache_folder()):
        return None
    return subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    from assetmap.core.analysis import coverage

    coverage.prepare()


if __name__ == "__main__":
    main()
