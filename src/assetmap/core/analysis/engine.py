"""The analysis as one pure function: arrays in, a results table and a method out."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from assetmap.core import gpkg
from assetmap.core.analysis import coverage, measures
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.method import method_statement
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.i18n import translatable, translated
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled

ALL_CHOSEN_LABEL = translatable("Any of the chosen categories")  # translated() where shown

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
    # Each area's reference point, kept in memory so a re-run after a change need not
    # find them again (see incremental.rerun); None for a run loaded from the project.
    reference_points: np.ndarray | None = field(default=None, repr=False, compare=False)
    inside_used: int = field(default=0, repr=False, compare=False)  # refs not centroids

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
    steps(0.02, translated("Finding each area's reference point"))
    refs, inside_used = measures.reference_points(areas)
    points: np.ndarray = (
        np.asarray(shapely.points(inputs.asset_x, inputs.asset_y))
        if len(inputs.asset_x)
        else np.array([], object)
    )
    steps(0.05, translated("Placing assets in areas"))
    groups = groups_of(inputs, params)
    owner, nearest, shares = _measure_side_by_side(
        inputs, params, groups, points, refs, steps.sub(0.1, 0.9), cancelled
    )
    check_cancelled(cancelled)
    steps(0.92, translated("Distances, counts and classes"))
    raised = needs_raised(inputs, areas, groups)
    n = len(areas)
    frames = [
        group_table(
            inputs,
            params,
            key,
            label,
            measures.counts(owner[mask], n),
            refs,
            shares[key],
            nearest[key],
        ).assign(needs_raised=raised[key])
        for key, label, mask in groups
    ]
    table = pd.concat(frames, ignore_index=True)[list(COLUMNS)]
    method = method_statement(inputs, params, int(inside_used.sum()))
    steps(1.0, translated("Done"))
    return AnalysisResult(
        params=params,
        table=table,
        method=method,
        created_at=gpkg.utc_now(),
        counted=counted_frame(inputs),
        reference_points=refs,
        inside_used=int(inside_used.sum()),
    )


def _measure_side_by_side(
    inputs: AnalysisInput,
    params: AnalysisParams,
    groups: list[tuple[str, str, np.ndarray]],
    points: np.ndarray,
    refs: np.ndarray,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Each asset's area, each group's nearest distances and coverage.

    Coverage keeps both cores busy but for moments; this thread fills them, placing the
    assets and finding the nearest ones (GEOS releases the GIL too)."""
    areas = inputs.area_geoms
    stop = threading.Event()

    def stopped() -> bool:
        return stop.is_set() or (cancelled is not None and cancelled())

    with ThreadPoolExecutor(max_workers=1) as side:
        pending = side.submit(
            _coverage_in_parallel, areas, inputs, groups, params.distance_m, steps, stopped
        )
        try:
            owner = measures.area_of_each_point(points, areas)
            nearest = {
                key: measures.nearest_xy(refs, inputs.asset_x[mask], inputs.asset_y[mask])
                for key, _label, mask in groups
            }
        except BaseException:
            stop.set()  # the coverage stops at its next piece of work
            raise
        return owner, nearest, pending.result()


def counted_frame(inputs: AnalysisInput) -> pd.DataFrame:
    """The assets a run counted, where they were. Text columns are plain objects: pandas'
    own text type costs a tenth of a second per national run to build, and a re-run
    compares them as fixed-width text anyway."""
    return pd.DataFrame(
        {
            "uuid": pd.Series(inputs.asset_uuid, dtype=object),
            "category": pd.Series(inputs.asset_category, dtype=object),
            "x": inputs.asset_x,
            "y": inputs.asset_y,
        }
    )


def groups_of(inputs: AnalysisInput, params: AnalysisParams) -> list[tuple[str, str, np.ndarray]]:
    """(key, label, which assets) of each chosen category, then "any of them" if several."""
    keys = list(params.categories) + ([ALL_CHOSEN] if len(params.categories) > 1 else [])
    return [
        (
            key,
            ALL_CHOSEN_LABEL if key == ALL_CHOSEN else inputs.category_labels[key],
            group_mask(inputs, params, key),
        )
        for key in keys
    ]


def group_mask(inputs: AnalysisInput, params: AnalysisParams, key: str) -> np.ndarray:
    """The assets that count for a group."""
    if key == ALL_CHOSEN:
        return np.isin(inputs.asset_category, params.categories)
    return np.asarray(inputs.asset_category == key)


def needs_raised(
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
    inputs: AnalysisInput,
    groups: list[tuple[str, str, np.ndarray]],
    distance: float,
    steps: Steps,
    cancelled: CancelledFn | None,
) -> dict[str, np.ndarray]:
    """Coverage is the costly measure; the compiled part releases the GIL, so work runs
    side by side. Each area is measured from the circles near it
    (``coverage.shares_of_groups``), never from a union of the whole country's circles."""
    workers = max(1, min(2 * len(groups), os.cpu_count() or 1))
    total = len(groups)
    done = 0

    def tick(_key: str) -> None:
        nonlocal done
        done += 1
        check_cancelled(cancelled)
        words = translated("Coverage within {distance} m: {done} of {total} groups")
        steps(done / total, words.format(distance=f"{distance:g}", done=done, total=total))

    if not coverage.is_prepared():
        steps(0.05, translated("Preparing the coverage calculation (slower the first time)"))
        coverage.prepare()
    x, y = inputs.asset_x, inputs.asset_y
    points = {key: (x[mask], y[mask]) for key, _label, mask in groups}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return coverage.shares_of_groups(areas, points, distance, pool, cancelled, tick)


def group_table(
    inputs: AnalysisInput,
    params: AnalysisParams,
    key: str,
    label: str,
    count: np.ndarray,
    refs: np.ndarray,
    coverage: np.ndarray,
    nearest: np.ndarray | None = None,
) -> pd.DataFrame:
    """One group's rows (all but needs_raised): ``count`` assets per area, ``coverage``,
    and the distance from each area's reference point to the nearest asset (found here
    when not given)."""
    mask = group_mask(inputs, params, key)
    if nearest is None:
        nearest = measures.nearest_xy(refs, inputs.asset_x[mask], inputs.asset_y[mask])
    figures = group_figures(inputs, params, count, coverage, nearest, bool(mask.any()))
    fixed = {
        "area_code": inputs.area_codes,
        "area_name": inputs.area_names,
        "category": key,
        "category_label": label,
        "population": _population(inputs),
        "area_km2": shapely.area(inputs.area_geoms) / 1e6,
        "need": _need(inputs),
        "need_tercile": measures.terciles(_need(inputs)),
    }
    return pd.DataFrame(fixed | figures)


def group_figures(
    inputs: AnalysisInput,
    params: AnalysisParams,
    count: np.ndarray,
    coverage: np.ndarray,
    nearest: np.ndarray,
    any_assets: bool,
) -> dict[str, np.ndarray]:
    """The columns of a group's rows that depend on its assets (a re-run after a change
    writes these, and keeps the rest)."""
    area_km2 = shapely.area(inputs.area_geoms) / 1e6
    population = _population(inputs)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(population > 0, count / population * 1000.0, np.nan)
        density = np.where(area_km2 > 0, count / area_km2, np.nan)
    far = np.isnan(nearest) | (nearest > params.distance_m)
    gap = ((count == 0) & far) | (coverage < params.gap_coverage_threshold)
    need = _need(inputs)
    need_t = measures.terciles(need)
    provision_values = per_1000 if params.provision == "per_1000" else coverage
    provision_t = measures.terciles(provision_values)
    return {
        "assets": count,
        "per_1000": per_1000,
        "density_km2": density,
        "nearest_m": nearest,
        "coverage": coverage,
        "gap": gap,
        "provision_tercile": provision_t,
        "bivariate": _bivariate(need_t, provision_t),
        "priority": _priority(need_t, provision_t, need, provision_values),
        "note": _notes(inputs, population, any_assets),
    }


def _population(inputs: AnalysisInput) -> np.ndarray:
    n = len(inputs.area_geoms)
    return inputs.population if inputs.population is not None else np.full(n, np.nan)


def _need(inputs: AnalysisInput) -> np.ndarray:
    n = len(inputs.area_geoms)
    return inputs.need if inputs.need is not None else np.full(n, np.nan)


_CLASSES = np.array([[f"{a}-{b}" if a and b else "" for b in range(4)] for a in range(4)])


def _bivariate(need_t: np.ndarray, provision_t: np.ndarray) -> np.ndarray:
    """ "need-provision" thirds ("3-1"), "" where either is missing."""
    return np.asarray(_CLASSES[need_t, provision_t], dtype=object).astype(str)


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


def _notes(inputs: AnalysisInput, population: np.ndarray, any_assets: bool) -> np.ndarray:
    """Plain words where a figure is missing, so nobody reads a blank as zero."""
    no_people = "no population figure for this area"
    no_assets = "" if any_assets else "no assets of this kind anywhere"
    missing = np.zeros(len(population), dtype=bool)
    if inputs.population is not None:
        missing = ~(population > 0)
    both = f"{no_people}; {no_assets}" if no_assets else no_people
    return np.where(missing, both, no_assets).astype(object)
