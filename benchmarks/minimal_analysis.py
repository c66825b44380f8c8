"""The yardstick for assetmap's gap analysis: the same figures as plainly as geopandas does them.

Reads the areas and the assets from a GeoPackage with ``geopandas.read_file``, keeps the active
verified assets, and for each of the 8 categories, plus "any of the 8" (assetmap adds that group
whenever more than one category is chosen), works out per area (docs BRIEF §6):

- ``assets``: ``gpd.sjoin(assets, areas, predicate="intersects")``; an asset on a shared edge
  counts once (duplicate asset rows dropped, keeping the first area in file order);
- ``per_1000`` (count / population × 1000) and ``density_km2``;
- ``nearest_m``: ``gpd.sjoin_nearest`` from each area's centroid (its representative point when
  the centroid falls outside the area) to the assets of the category;
- ``coverage``: the share of the area within 800 m of an asset: ``buffer(800, quad_segs=16)``
  (64-sided circles, as assetmap), ``union_all()``, exploded into parts; then
  ``gpd.sjoin(parts, areas, predicate="intersects")`` and, pairwise, ``intersection(...).area``
  summed by area;
- ``gap`` (no asset and the nearest beyond 800 m, or coverage < 0.5), need and provision
  terciles (``pd.qcut`` on ranks, ties by file order), the 3×3 class and the priority rank;

and writes the results (one row per area and group) as a table to a new GeoPackage.

One step a careful analyst adds at national scale, and which this script does: an area lying
wholly inside a merged coverage part is covered in full, so it is found with a second spatial
join, ``gpd.sjoin(parts, areas, predicate="contains")`` (GEOS prepares the part, so this is
cheap), and only the other pairs are intersected. Without it, every urban area is intersected
with a merged part of tens of thousands of vertices (the "any" group's largest part has about
70,000): the plain ``gpd.overlay(areas, parts, how="intersection")`` then takes minutes more.
``--overlay`` runs exactly that plainer version, for comparison.

No Python loop visits a feature; the loop is over the 9 groups. Runnable on its own:

    python benchmarks/minimal_analysis.py OUT.gpkg [--project PATH] [--overlay]

Without --project it uses the benchmark's national project with IMD 2019 joined
(benchmarks/.cache/national_analysis.gpkg, made on first use).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

AREA_LAYER = "areas_lsoa_2011"
ASSET_LAYER = "assets"
POPULATION = "population"
NEED = "imd_need"
DISTANCE_M = 800.0
QUAD_SEGS = 16
GAP_COVERAGE = 0.5
ALL_CHOSEN = "*"
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


def minimal_analysis(
    project: str, out: str, *, overlay: bool = False, distance: float = DISTANCE_M
) -> dict:
    """Do the analysis; return the seconds taken per stage and in all (and CPU)."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    laps: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        laps[name] = laps.get(name, 0.0) + now - clock[0]
        clock[0] = now

    started, cpu_started = clock[0], time.process_time()

    # Read the areas and the counted assets.
    areas = gpd.read_file(project, layer=AREA_LAYER)
    assets = gpd.read_file(project, layer=ASSET_LAYER)
    assets = assets[
        (assets["deleted"] == 0)
        & (assets["status"] == "active")
        & (assets["review"] == "verified")
        & assets["category"].isin(CATEGORIES)
    ]
    n = len(areas)
    area_m2 = areas.area.to_numpy()
    lap("read")

    # Counts: each asset in the first area it intersects.
    owner = gpd.sjoin(assets[["category", "geometry"]], areas[["geometry"]], predicate="intersects")
    owner = owner.sort_values("index_right", kind="stable")
    owner = owner[~owner.index.duplicated(keep="first")]
    counts = pd.crosstab(owner["index_right"], owner["category"])
    counts = counts.reindex(index=range(n), columns=list(CATEGORIES), fill_value=0)
    counts[ALL_CHOSEN] = counts.sum(axis=1)
    lap("counts")

    # Reference points: the centroid, or a point inside where the centroid is outside.
    refs = areas.centroid
    outside = ~areas.contains(refs)
    refs[outside] = areas.geometry[outside].representative_point()
    refs = gpd.GeoDataFrame(geometry=refs, crs=areas.crs)
    lap("refs")

    groups = [(c, assets[assets["category"] == c]) for c in CATEGORIES]
    groups.append((ALL_CHOSEN, assets))
    population = areas[POPULATION].to_numpy(dtype=float)
    need = areas[NEED].to_numpy(dtype=float)
    need_t = _terciles(pd.Series(need))
    frames = []
    for key, points in groups:
        near = gpd.sjoin_nearest(refs, points[["geometry"]], distance_col="d")
        near = near[~near.index.duplicated(keep="first")]
        nearest = near["d"].reindex(range(n)).to_numpy()
        lap("nearest")

        circles = points.buffer(distance, quad_segs=QUAD_SEGS)
        covered = circles.union_all()
        lap("union")
        parts = gpd.GeoDataFrame(
            geometry=gpd.GeoSeries([covered], crs=areas.crs).explode(index_parts=False),
            crs=areas.crs,
        ).reset_index(drop=True)
        if overlay:
            pieces = gpd.overlay(
                areas[["geometry"]].assign(area_id=np.arange(n)), parts, how="intersection"
            )
            overlap = pieces.area.groupby(pieces["area_id"]).sum()
            lap("intersections")
        else:
            whole = gpd.sjoin(parts, areas[["geometry"]], predicate="contains")
            pairs = gpd.sjoin(parts, areas[["geometry"]], predicate="intersects")
            pairs = pairs[~pairs["index_right"].isin(whole["index_right"])]
            lap("pairs")
            area_ids = pairs["index_right"].to_numpy()
            inside = areas.geometry.iloc[area_ids].reset_index(drop=True)
            part = parts.geometry.iloc[pairs.index.to_numpy()].reset_index(drop=True)
            whole_ids = whole["index_right"].to_numpy()
            overlap = pd.concat(
                [
                    pd.Series(inside.intersection(part).area.to_numpy(), index=area_ids),
                    pd.Series(area_m2[whole_ids], index=whole_ids),
                ]
            )
            overlap = overlap.groupby(level=0).sum()
            lap("intersections")
        coverage = (overlap.reindex(range(n), fill_value=0.0).to_numpy() / area_m2).clip(0.0, 1.0)

        count = counts[key].to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            per_1000 = np.where(population > 0, count / population * 1000.0, np.nan)
        far = np.isnan(nearest) | (nearest > distance)
        gap = ((count == 0) & far) | (coverage < GAP_COVERAGE)
        provision_t = _terciles(pd.Series(coverage))
        both = (need_t > 0) & (provision_t > 0)
        frame = pd.DataFrame(
            {
                "area_code": areas["code"],
                "area_name": areas["name"],
                "category": key,
                "assets": count,
                "population": population,
                "per_1000": per_1000,
                "area_km2": area_m2 / 1e6,
                "density_km2": count / (area_m2 / 1e6),
                "nearest_m": nearest,
                "coverage": coverage,
                "gap": gap,
                "need": need,
                "need_tercile": need_t,
                "provision_tercile": provision_t,
                "bivariate": np.where(both, need_t.astype(str) + "-" + provision_t.astype(str), ""),
            }
        )
        # Priority: highest need third first, then lowest provision third, then by the values.
        ranked = frame[both].sort_values(
            ["need_tercile", "provision_tercile", "need", "coverage"],
            ascending=[False, True, False, True],
            kind="stable",
        )
        frame["priority"] = 0
        frame.loc[ranked.index, "priority"] = np.arange(1, len(ranked) + 1)
        frames.append(frame)
        lap("classes")

    table = pd.concat(frames, ignore_index=True)
    import pyogrio

    pyogrio.write_dataframe(table, out, layer="results", driver="GPKG")
    lap("write")
    finished = time.perf_counter()
    return {
        **{f"{k}_s": v for k, v in laps.items()},
        "total_s": finished - started,
        "cpu_s": time.process_time() - cpu_started,
        "areas": n,
        "assets": len(assets),
        "rows": len(table),
    }


def _terciles(values):
    """1 (lowest third) to 3 (highest) by rank, ties by file order; 0 where missing."""
    import pandas as pd

    thirds = pd.qcut(values.rank(method="first"), 3, labels=False)
    return (thirds + 1).fillna(0).astype("int64").to_numpy()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="GeoPackage to write the results to (new)")
    parser.add_argument("--project", type=Path, help="areas + assets GeoPackage")
    parser.add_argument(
        "--overlay", action="store_true", help="gpd.overlay every area with the parts"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line (for run.py)")
    args = parser.parse_args(argv)
    if args.project is None:
        import bench_analysis
        from harness import Context

        args.project = bench_analysis.analysis_project(Context())
    if args.out.exists():
        parser.error(f"{args.out} already exists")

    # Libraries load before the clock starts, as in assetmap's child: start-up is not the job.
    import geopandas  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import pyogrio  # noqa: F401
    import shapely  # noqa: F401

    timings = minimal_analysis(str(args.project), str(args.out), overlay=args.overlay)
    if args.json:
        from harness import emit

        emit(timings)
    else:
        stages = ", ".join(f"{k[:-2]} {v:.1f} s" for k, v in timings.items() if k.endswith("_s"))
        print(f"{stages}; {timings['rows']:,} rows -> {args.out}")


if __name__ == "__main__":
    main()
