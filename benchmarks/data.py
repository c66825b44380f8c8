"""Locating the shared national data and preparing the benchmark inputs in ``.cache/``.

Everything prepared here is deterministic (fixed seed) and made once: a file already in the
cache is reused. Delete ``benchmarks/.cache`` to rebuild it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import BENCH_DIR, REPO_ROOT, Context, run_child

ENV_SHARED_DATA = "ASSETMAP_SHARED_DATA"
LSOA_FILE = "england_wales_lsoa2011_bsc.geojson.gz"
LSOA_COUNT = 34_753
CODEPOINT_FILE = "codepo_gb.zip"
ASSET_COUNT = 200_000
ASSET_SEED = 42
ASSETS_FILE = "assets_200k.csv"
NATIONAL_PROJECT = "national.gpkg"
LSOA_SET_NAME = "LSOA 2011"
#: Eight real keys of the default taxonomy (assetmap.core.taxonomy), one per asset at random.
CATEGORIES = (
    "libraries",
    "gp_primary_care",
    "schools",
    "food_banks",
    "mental_health",
    "community_centres",
    "sport_leisure",
    "faith_groups",
)


class MissingDataError(SystemExit):
    """Raised (and shown without a traceback) when the shared data cannot be found."""


def shared_data_dir() -> Path:
    """``$ASSETMAP_SHARED_DATA``, or ``../shared/data`` beside the repository."""
    override = os.environ.get(ENV_SHARED_DATA)
    folder = Path(override).expanduser() if override else REPO_ROOT.parent / "shared" / "data"
    if not (folder / "national").is_dir():
        raise MissingDataError(
            f"benchmark data not found: {folder / 'national'} does not exist.\n"
            f"The national files ({LSOA_FILE}, {CODEPOINT_FILE}) live in the shared data folder "
            f"(../shared/data relative to the repository root); set {ENV_SHARED_DATA} to the "
            "folder that holds 'national/' if it is elsewhere."
        )
    return folder


def _national_file(name: str) -> Path:
    path = shared_data_dir() / "national" / name
    if not path.is_file():
        raise MissingDataError(f"benchmark data not found: {path} is missing")
    return path


def lsoa_path() -> Path:
    """All 34,753 LSOA 2011 polygons of England and Wales (gzipped GeoJSON, CRS84)."""
    return _national_file(LSOA_FILE)


def codepoint_zip() -> Path:
    """OS Code-Point Open as published (zip of header-less CSVs)."""
    return _national_file(CODEPOINT_FILE)


def assets_csv(ctx: Context) -> Path:
    """200,000 assets at real postcode points (Code-Point Open), made once and reused.

    Postcodes are sampled without replacement with seed 42 from the usable Code-Point rows
    (positional quality 90 and zero coordinates dropped, as assetmap's reader does); each gets
    one of eight taxonomy categories at random from the same seeded generator. Columns: name,
    category, postcode, easting, northing (EPSG:27700, whole metres).
    """
    out = ctx.cache_dir / ASSETS_FILE
    if out.is_file():
        return out
    import numpy as np
    import pandas as pd

    from assetmap.core.io.postcodes import PostcodeIndex

    source = codepoint_zip()
    ctx.log(f"preparing {out.name}: sampling {ASSET_COUNT:,} postcodes from {source.name}")
    frame = PostcodeIndex.from_file(source).frame  # index postcode; x, y in EPSG:27700
    frame = frame[(frame["x"] > 0) & (frame["y"] > 0)]
    rng = np.random.default_rng(ASSET_SEED)
    rows = rng.choice(len(frame), size=ASSET_COUNT, replace=False)
    picked = frame.iloc[rows]
    table = pd.DataFrame(
        {
            "name": [f"Asset {n:06d}" for n in range(1, ASSET_COUNT + 1)],
            "category": np.asarray(CATEGORIES)[rng.integers(0, len(CATEGORIES), ASSET_COUNT)],
            "postcode": picked.index.to_numpy(),
            "easting": picked["x"].round().astype("int64").to_numpy(),
            "northing": picked["y"].round().astype("int64").to_numpy(),
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".csv.partial")
    table.to_csv(partial, index=False)
    os.replace(partial, out)
    return out


def national_project(ctx: Context) -> Path:
    """The national project (34,753 LSOAs, 200,000 assets) made by assetmap's import.

    The import benchmark leaves it at ``.cache/national.gpkg``; if it is missing, it is built
    here with the very same import (in a child process), untimed.
    """
    out = ctx.cache_dir / NATIONAL_PROJECT
    if out.is_file():
        return out
    ctx.log(f"building {out} (assetmap import of the national data)")
    run_child(
        ctx,
        [
            BENCH_DIR / "bench_import.py",
            "--child",
            "assetmap",
            "--lsoa",
            lsoa_path(),
            "--assets",
            assets_csv(ctx),
            "--keep",
            out,
        ],
        label="building the national project",
    )
    return out


def gdal_path(path: Path) -> str:
    """What GDAL opens for ``path`` (``/vsigzip/`` for .gz), as assetmap's readers do."""
    from assetmap.core.io.readers import gdal_path as core_gdal_path

    return core_gdal_path(path)


if __name__ == "__main__":  # prepare the inputs only: python benchmarks/data.py
    context = Context()
    print(lsoa_path())
    print(assets_csv(context))
    if "--project" in sys.argv:
        print(national_project(context))
