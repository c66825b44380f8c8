"""The yardstick for assetmap's import: the same job as plainly as geopandas can do it.

Reads the national LSOA polygons, reprojects them to British National Grid (assetmap stores
everything in the project's metric CRS, EPSG:27700 by default) and writes them to a GeoPackage;
then reads the assets CSV, makes points from easting/northing and writes them as a second layer.

Runnable on its own:

    python benchmarks/minimal_import.py OUT.gpkg [--lsoa PATH] [--assets PATH] [--no-to-crs]

Without --lsoa/--assets it uses the shared national LSOA file and the cached 200,000-asset CSV
(benchmarks/.cache/assets_200k.csv, made on first use). --no-to-crs skips the reprojection
(the areas stay in CRS84): an informative comparison, not the yardstick.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def minimal_import(lsoa: str, assets_csv: str, out: str, *, to_crs: bool = True) -> dict:
    """Do the import; return the seconds taken by the areas, the assets and both (and CPU)."""
    import geopandas
    import pandas

    started, cpu_started = time.perf_counter(), time.process_time()
    gdf = geopandas.read_file(lsoa)
    if to_crs:
        gdf = gdf.to_crs(27700)
    gdf.to_file(out, layer="lsoa", driver="GPKG")
    areas_done = time.perf_counter()

    df = pandas.read_csv(assets_csv)
    points = geopandas.GeoDataFrame(
        df, geometry=geopandas.points_from_xy(df.easting, df.northing), crs=27700
    )
    points.to_file(out, layer="assets", driver="GPKG")
    finished = time.perf_counter()
    return {
        "cpu_s": time.process_time() - cpu_started,
        "areas_s": areas_done - started,
        "assets_s": finished - areas_done,
        "total_s": finished - started,
        "areas": len(gdf),
        "assets": len(points),
    }


def vsi_path(path: str | Path) -> str:
    """GDAL reads a gzipped file through /vsigzip/ without unpacking it to disk."""
    text = Path(path).as_posix()
    return f"/vsigzip/{text}" if text.endswith(".gz") else text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="GeoPackage to write (must not exist)")
    parser.add_argument("--lsoa", type=Path, help="LSOA polygons (default: shared national file)")
    parser.add_argument("--assets", type=Path, help="assets CSV (default: the cached 200k CSV)")
    parser.add_argument("--no-to-crs", action="store_true", help="skip reprojecting the areas")
    parser.add_argument("--json", action="store_true", help="print one JSON line (for run.py)")
    args = parser.parse_args(argv)
    if args.lsoa is None or args.assets is None:
        import data
        from harness import Context

        args.lsoa = args.lsoa or data.lsoa_path()
        args.assets = args.assets or data.assets_csv(Context())
    if args.out.exists():
        parser.error(f"{args.out} already exists")

    # Libraries load before the clock starts, as in assetmap's child: start-up is not the job.
    import geopandas  # noqa: F401
    import pandas  # noqa: F401
    import pyogrio  # noqa: F401

    timings = minimal_import(
        vsi_path(args.lsoa), str(args.assets), str(args.out), to_crs=not args.no_to_crs
    )
    if args.json:
        from harness import emit

        emit(timings)
    else:
        print(
            f"areas {timings['areas_s']:.2f} s ({timings['areas']:,}), "
            f"assets {timings['assets_s']:.2f} s ({timings['assets']:,}), "
            f"total {timings['total_s']:.2f} s -> {args.out}"
        )


if __name__ == "__main__":
    main()
