"""Rotating backup copies of a project, kept in a folder beside it.

Backups use SQLite's online backup API, so they are consistent even while the
file is open in WAL mode.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP = 5


def backup_dir(path: Path) -> Path:
    return path.with_name(f"{path.stem}.backups")


def backup(path: Path, conn: sqlite3.Connection, *, reason: str, keep: int = KEEP) -> Path:
    """Copy the open project to <stem>.backups/, keeping the newest ``keep`` copies."""
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}.gpkg"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    rotate(folder, path.stem, keep)
    return target


def rotate(folder: Path, stem: str, keep: int) -> None:
    copies = sorted(folder.glob(f"{stem}-*.gpkg"))
    for old in copies[:-keep] if keep > 0 else copies:
        old.unlink(missing_ok=True)


def backup_before_migration(path: Path, conn: sqlite3.Connection) -> Path:
    return backup(path, conn, reason="before-upgrade")


def list_backups(path: Path) -> list[Path]:
    return sorted(backup_dir(path).glob(f"{path.stem}-*.gpkg"))
