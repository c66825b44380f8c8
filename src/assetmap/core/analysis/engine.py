"""The analysis as one pure function: arrays in, a results table and a method out."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from assetmap.core import gpkg
from assetmap.core.analysis import measures
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.method import method_statement
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

ALL_CHOSEN_LABEL = "Any of the chosen categories"

COLUMNS = (
    "area_code",
    "area_name",
    "category",
    "category_label",
    "assets",
    "needs_raised",
    "population",
    "per_1000",
    "area_km2",
    "density_km2",
    "nearest_m",
    "coverage",
    "gap",
    "need",
    "need_tercile",
    "provision_tercile",
    "bivariate",
    "priority",
    "note",
)


@dataclass
class AnalysisResult:
    params: AnalysisParams
    table: pd.DataFrame  # one row per area and category, in COLUMNS order
    method: str
    created_at: str
    run_id: int | None = None
    # The assets counted (uuid, category, x, y), so coverage can be drawn as measured.
    counted: pd.DataFrame | None = None

    def counted_points(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """x, y of the assets behind a category's figures (all chosen for ALL_CHOSEN)."""
        if self.counted is None or not len(self.counted):
            return np.array([], float), np.array([], float)
        rows = self.counted if key == ALL_CHOSEN else self.counted[self.counted["category"] == key]
        return rows["x"].to_numpy(dtype=float), rows["y"].to_numpy(dtype=float)

    def for_category(self, key: str) -> pd.DataFrame:
        return self.table[self.table["category"] == key].reset_index(drop=True)

    def ranked_gaps(self, key: str) -> pd.DataFrame:
        """The areas with a gap, the ones to look at first on top.

        With a need field: by priority (high need, low provision first), then the gaps that
        have no priority (no need or provision figure). Without one: least provision first,
        then the farthest from an asset.
        """
        rows = self.for_category(key)
        rows = rows[rows["gap"]]
        provision = "per_1000" if self.params.provision == "per_1000" else "coverage"
        if self.params.need_field is None:
            return rows.sort_values(
                [provision, "nearest_m"], ascending=[True, False], na_position="last"
            )
        unranked = rows["priority"] == 0
        return pd.concat(
            [
                rows[~unranked].sort_values("priority"),
                rows[unranked].sort_values(
                    [provision, "nearest_m"], ascending=[True, False], na_position="last"
                ),
            ]
        )


def ranking_caption(params: AnalysisParams) -> str:
    """The order of ``ranked_gaps`` in one line, for every table that shows it."""
    if params.need_field is None:
        return "Ranked: least provision first, then the farthest from an asset."
    return "Ranked: high need with low provision first, then by need."


def run(
    inputs: AnalysisInput,
    params: AnalysisParams,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> AnalysisResult:
    steps = Steps(progress)
    areas = inputs.area_geoms
    steps(0.02, "Finding each area's reference point")
    refs, inside_used = measures.reference_points(areas)
    points: np.ndarray = (
        np.asarray(shapely.points(inputs.asset_x, inputs.asset_y))
        if len(inputs.asset_x)
        else np.array([], object)
    )
    steps(0.05, "Placing assets in areas")
    owner = measures.area_of_each_point(points, areas)
    check_cancelled(cancelled)
    groups = _groups(inputs, params)
    coverage = _coverage_in_parallel(
        areas, points, groups, params.distance_m, steps.sub(0.1, 0.9), cancelled
    )
    steps(0.92, "Distances, counts and classes")
    raised = _needs_raised(inputs, areas, groups)
    frames = [
        _group_table(inputs, params, key, label, mask, owner, refs, coverage[key]).assign(
            needs_raised=raised[key]
        )
        for key, label, mask in groups
    ]
    table = pd.concat(frames, ignore_index=True)[list(COLUMNS)]
    method = method_statement(inputs, params, int(inside_used.sum()))
    steps(1.0, "Done")
    counted = pd.DataFrame(
        {
            "uuid": inputs.asset_uuid,
            "category": inputs.asset_category,
            "x": inputs.asset_x,
            "y": inputs.asset_y,
        }
    )
    return AnalysisResult(
        params=params, table=table, method=method, created_at=gpkg.utc_now(), counted=counted
    )


def _groups(inputs: AnalysisInput, params: AnalysisParams) -> list[tuple[str, str, np.ndarray]]:
    groups = [
        (key, inputs.category_labels[key], inputs.asset_category == key)
        for key in params.categories
    ]
    if len(params.categories) > 1:
        groups.append(
            (ALL_CHOSEN, ALL_CHOSEN_LABEL, np.isin(inputs.asset_category, params.categories))
        )
    return groups


def _needs_raised(
    inputs: AnalysisInput, areas: np.ndarray, groups: list[tuple[str, str, np.ndarray]]
) -> dict[str, np.ndarray]:
    """Need pins in each area, per group (0 everywhere when the analysis does not count them:
    the run's parameters say whether the figure means anything)."""
    n = len(areas)
    if inputs.raised_x is None or inputs.raised_y is None or inputs.raised_category is None:
        return {key: np.zeros(n, dtype=np.int64) for key, _label, _mask in groups}
    pins: np.ndarray = (
        np.asarray(shapely.points(inputs.raised_x, inputs.raised_y))
        if len(inputs.raised_x)
        else np.array([], object)
    )
    owner = measures.area_of_each_point(pins, areas)
    keys = [k for k, _label, _mask in groups if k != ALL_CHOSEN]
    found = {k: measures.counts(owner[inputs.raised_category == k], n) for k in keys}
    if len(groups) > len(keys):
        found[ALL_CHOSEN] = measures.counts(owner[np.isin(inputs.raised_category, keys)], n)
    return found


def _coverage_in_parallel(
    areas: np.ndarray,
    points: np.ndarray,
    groups: list[tuple[str, str, np.ndarray]],
    distance: float,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> dict[str, np.ndarray]:
    """Coverage is the costly measure; GEOS releases the GIL, so categories run side by side.

    Each category's circles are merged once; "any of them" merges those merged areas
    instead of buffering every asset again (a third of the time at national scale).
    """
    singles = [(key, mask) for key, _label, mask in groups if key != ALL_CHOSEN]
    workers = max(1, min(len(groups), os.cpu_count() or 1))
    total = 2 * len(groups)
    done = 0

    def tick(what: str) -> None:
        nonlocal done
        done += 1
        check_cancelled(cancelled)
        steps(done / total, f"Coverage within {distance:g} m: {what}")

    with ThreadPoolExecutor(max_workers=workers) as pool:
        unions = {
            key: pool.submit(measures.coverage_geometry, points[mask], distance)
            for key, mask in singles
        }
        merged: dict[str, BaseGeometry] = {}
        for key, future in unions.items():
            merged[key] = future.result()
            tick(f"circles merged ({len(merged)} of {len(singles)})")
        shares = {
            key: pool.submit(measures.shares_within, areas, merged[key], cancelled)
            for key in merged
        }
        if len(groups) > len(singles):
            merged[ALL_CHOSEN] = measures.merged(list(merged.values()))
            tick("all chosen categories merged")
            shares[ALL_CHOSEN] = pool.submit(
                measures.shares_within, areas, merged[ALL_CHOSEN], cancelled
            )
        results: dict[str, np.ndarray] = {}
        for key, share in shares.items():
            results[key] = share.result()
            tick(f"shares of each area ({len(results)} of {len(shares)})")
    return results


def _group_table(
    inputs: AnalysisInput,
    params: AnalysisParams,
    key: str,
    label: str,
    mask: np.ndarray,
    owner: np.ndarray,
    refs: np.ndarray,
    coverage: np.ndarray,
) -> pd.DataFrame:
    n = len(inputs.area_geoms)
    points = (
        shapely.points(inputs.asset_x[mask], inputs.asset_y[mask])
        if mask.any()
        else np.array([], object)
    )
    count = measures.counts(owner[mask], n)
    nearest = measures.nearest_distances(refs, points)
    area_km2 = shapely.area(inputs.area_geoms) / 1e6
    population = inputs.population if inputs.population is not None else np.full(n, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(population > 0, count / population * 1000.0, np.nan)
        density = np.where(area_km2 > 0, count / area_km2, np.nan)
    far = np.isnan(nearest) | (nearest > params.distance_m)
    gap = ((count == 0) & far) | (coverage < params.gap_coverage_threshold)
    need = inputs.need if inputs.need is not None else np.full(n, np.nan)
    need_t = measures.terciles(need)
    provision_values = per_1000 if params.provision == "per_1000" else coverage
    provision_t = measures.terciles(provision_values)
    both = (need_t > 0) & (provision_t > 0)
    bivariate = np.where(both, [f"{a}-{b}" for a, b in zip(need_t, provision_t, strict=True)], "")
    return pd.DataFrame(
        {
            "area_code": inputs.area_codes,
            "area_name": inputs.area_names,
            "category": key,
            "category_label": label,
            "assets": count,
            "population": population,
            "per_1000": per_1000,
            "area_km2": area_km2,
            "density_km2": density,
            "nearest_m": nearest,
            "coverage": coverage,
            "gap": gap,
            "need": need,
            "need_tercile": need_t,
            "provision_tercile": provision_t,
            "bivariate": bivariate,
            "priority": _priority(need_t, provision_t, need, provision_values),
            "note": _notes(inputs, population, points, params),
        }
    )


def _priority(
    need_t: np.ndarray, provision_t: np.ndarray, need: np.ndarray, provision: np.ndarray
) -> np.ndarray:
    """1 = look here first: highest need third, lowest provision third, then by the values."""
    rank = np.zeros(len(need_t), dtype=np.int64)
    ranked = np.flatnonzero((need_t > 0) & (provision_t > 0))
    if not len(ranked):
        return rank
    keys = (provision[ranked], -need[ranked], provision_t[ranked], -need_t[ranked])
    order = ranked[np.lexsort(keys)]
    rank[order] = np.arange(1, len(order) + 1)
    return rank


def _notes(
    inputs: AnalysisInput, population: np.ndarray, points: np.ndarray, params: AnalysisParams
) -> np.ndarray:
    """Plain words where a figure is missing, so nobody reads a blank as zero."""
    reasons = []
    if inputs.population is not None:
        reasons.append(np.where(population > 0, "", "no population figure for this area"))
    if not len(points):
        reasons.append(np.full(len(population), "no assets of this kind anywhere"))
    notes = np.full(len(population), "", dtype=object)
    for reason in reasons:
        notes = np.array(
            ["; ".join(p for p in (a, b) if p) for a, b in zip(notes, reason, strict=True)],
            dtype=object,
        )
    return notes
