"""A record of hard crashes (a segfault in Qt, GDAL or numpy), offered on the next start.

A crash in native code ends the process at once: no dialog, no Python traceback, nothing in
the log. ``faulthandler`` still writes every thread's Python stack when that happens, so each
run keeps a file open for it in the logs folder (``running-<pid>.log``, a header line first).
A clean exit writes a last line saying so. On the next start a left-over file that holds a
crash report becomes ``crash-<date>-<time>.log`` (the newest few are kept) and the app offers
it; one without (killed, or the power went) is simply removed, as is every clean one.

Two copies of the app may run at once: each holds a lock on its own file, and a file that is
locked belongs to a running copy and is left alone. Nothing here needs Qt (the dialog is in
``assetmap.qt.dialogs.crash_report``); the command line gets faulthandler's report on stderr
from ``python -X faulthandler`` or ``PYTHONFAULTHANDLER=1`` and needs no file.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import faulthandler
import logging
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assetmap import __version__
from assetmap.qt.paths import log_dir

log = logging.getLogger(__name__)

RUNNING_PREFIX = "running-"
CRASH_PREFIX = "crash-"
CLEAN_EXIT = "clean exit"
REPORTS_KEPT = 5
LOG_LINES_KEPT = 60  # of assetmap.log, from the run that crashed, added to its report
# What faulthandler writes first when the process dies (POSIX signals; Windows exceptions).
FATAL_MARKERS = ("Fatal Python error", "Windows fatal exception")


@dataclass(frozen=True)
class CrashReport:
    """A crash of an earlier run: the report file and what it says."""

    path: Path
    text: str

    @property
    def folder(self) -> Path:
        return self.path.parent


_file: IO[str] | None = None


def start(folder: Path | None = None) -> Path | None:
    """Keep this run's crash file open for faulthandler until the process ends (None when
    the logs folder cannot be written: the app runs on without)."""
    global _file
    try:
        folder = folder or log_dir()
        path = folder / f"{RUNNING_PREFIX}{os.getpid()}.log"
        handle = path.open("w", encoding="utf-8")
    except OSError as exc:
        log.warning("no crash report file: %s", exc)
        return None
    _lock(handle)
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    handle.write(
        f"assetmap {__version__}, started {now}, pid {os.getpid()}, Python "
        f"{platform.python_version()}, {platform.platform()}\n"
    )
    handle.flush()
    faulthandler.enable(file=handle, all_threads=True)
    _file = handle
    atexit.register(mark_clean_exit)
    return path


def mark_clean_exit() -> None:
    """The process is ending normally. faulthandler stays on: a crash while Python tears
    down Qt's objects still lands in the file, after this line, and is still reported."""
    if _file is None or _file.closed:
        return
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with contextlib.suppress(OSError, ValueError):
        _file.write(f"{CLEAN_EXIT} {now}\n")
        _file.flush()


def previous_crash(folder: Path | None = None) -> CrashReport | None:
    """The newest crash of an earlier run not offered yet (offered once: it is renamed
    ``crash-…`` and kept with the few before it); other runs' clean files are removed."""
    try:
        folder = folder or log_dir()
    except OSError:
        return None
    found: list[CrashReport] = []
    for path in sorted(folder.glob(f"{RUNNING_PREFIX}*.log"), key=_mtime):
        if path.name == f"{RUNNING_PREFIX}{os.getpid()}.log" or _in_use(path):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if not crashed(text):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        report = _keep(path, text + _log_tail(folder))
        if report is not None:
            found.append(report)
    _rotate(folder)
    return found[-1] if found else None


def crashed(text: str) -> bool:
    """A fatal error was written after the last clean-exit line (or with none at all).
    One before it was survived: on Windows faulthandler reports exceptions a library handled."""
    index = text.rfind(f"\n{CLEAN_EXIT} ")
    if index >= 0:
        end = text.find("\n", index + 1)
        text = text[end + 1 :] if end >= 0 else ""
    return any(marker in text for marker in FATAL_MARKERS)


def _keep(path: Path, text: str) -> CrashReport | None:
    stamp = dt.datetime.fromtimestamp(_mtime(path)).strftime("%Y-%m-%d-%H%M%S")
    target = path.with_name(f"{CRASH_PREFIX}{stamp}-{path.stem.removeprefix(RUNNING_PREFIX)}.log")
    try:
        target.write_text(text, encoding="utf-8")
        path.unlink()
    except OSError:
        return None
    return CrashReport(target, text)


def _log_tail(folder: Path) -> str:
    """The crashed run's last lines of the app log: what the user was doing."""
    try:
        text = (folder / "assetmap.log").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if " starting (Python " in line]
    run = lines[starts[-1] :] if starts else lines
    kept = "\n".join(run[-LOG_LINES_KEPT:])
    return f"\n--- the last lines of assetmap.log before the crash ---\n{kept}\n" if kept else ""


def _rotate(folder: Path) -> None:
    reports = sorted(folder.glob(f"{CRASH_PREFIX}*.log"), key=_mtime)
    for old in reports[:-REPORTS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# ---- which files belong to a running copy ------------------------------------------------------
if sys.platform == "win32":  # pragma: no cover - not run on Linux CI
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _in_use(path: Path) -> bool:
        try:
            with path.open("r+b") as probe:
                msvcrt.locking(probe.fileno(), msvcrt.LK_NBLCK, 1)
                msvcrt.locking(probe.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            return True
        return False

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _in_use(path: Path) -> bool:
        try:
            with path.open("rb") as probe:
                fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe.fileno(), fcntl.LOCK_UN)
        except BlockingIOError:
            return True
        except OSError:
            return False
        return False
