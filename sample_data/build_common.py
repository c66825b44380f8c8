"""What the demo build scripts share: the --out argument, and building under a temporary
name so the shipped file is replaced only by a complete project."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from assetmap.core.project import Project


def output_path(description: str, default: Path, argv: list[str] | None) -> Path:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--out", type=Path, default=default, help=f"output project (default {default})"
    )
    out = parser.parse_args(argv).out.resolve()
    if out.suffix.lower() != ".gpkg":
        parser.error("--out must end in .gpkg")
    return out


def build_into(out: Path, build: Callable[[Path], object]) -> object:
    """``build(part)`` on a temporary file beside ``out``, then moved over it in one step;
    on failure nothing is left behind and ``out`` is untouched."""
    part = out.with_name(f".{out.stem}.building-{os.getpid()}.gpkg")
    try:
        result = build(part)
        with Project.open(part) as project:  # fold the WAL in before the move
            project.conn.execute("VACUUM")
        for suffix in ("-wal", "-shm"):  # a stale log beside the old file must not outlive it
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        os.replace(part, out)
    finally:
        for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
            leftover.unlink(missing_ok=True)
    return result
