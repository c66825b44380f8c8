"""The analysis again after a few assets changed, redoing only what the change can reach.

An asset added, moved or removed changes the coverage of the areas within the distance of
its old or new place, in its own category and in "any of the chosen"; nothing else. So a
re-run takes every other figure from the previous run, measures coverage again for those
areas only, and rebuilds the touched groups' rows (counts, nearest, thirds and classes are
whole-table figures but cheap). The result equals a full run (a test holds it to that).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from assetmap.core import gpkg
from assetmap.core.analysis import coverage, engine, measures
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.method import method_statement
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.progress import CancelledFn, ProgressFn


def rerun(
    previous: AnalysisResult | None,
    inputs: AnalysisInput,
    params: AnalysisParams,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> AnalysisResult:
    """``engine.run``, reusing ``previous`` where the assets it counted did not change.

    Falls back to a full run when there is nothing to reuse: another question (categories,
    distance, area set), other areas, or a run loaded from the project.
    """
    if not _reusable(previous, inputs, params):
        return engine.run(inputs, params, progress, cancelled)
    assert previous is not None and previous.counted is not None
    assert previous.reference_points is not None
    changed = _changed_assets(previous.counted, inputs)
    groups = engine.groups_of(inputs, params)
    touched = {str(c) for c in changed["category"]}
    if touched and len(groups) > len(params.categories):
        touched.add(ALL_CHOSEN)
    areas = inputs.area_geoms
    n = len(areas)
    box = np.asarray(shapely.bounds(areas))
    table = previous.table.copy()
    raised = engine.needs_raised(inputs, areas, groups)
    for i, (key, _label, mask) in enumerate(groups):
        rows = slice(i * n, (i + 1) * n)
        table.loc[table.index[rows], "needs_raised"] = raised[key]
        if key not in touched:
            continue
        mine = changed if key == ALL_CHOSEN else changed[changed["category"] == key]
        before = previous.table.iloc[rows]
        near = _areas_within(areas, box, mine, params.distance_m)
        figures = engine.group_figures(
            inputs,
            params,
            _counts_after(areas, box, before["assets"].to_numpy(), mine),
            _shares_after(areas, near, inputs, mask, before["coverage"].to_numpy(), params),
            _nearest_after(
                previous.reference_points, before["nearest_m"].to_numpy(), inputs, mask, mine
            ),
            bool(mask.any()),
        )
        for column, values in figures.items():
            table.loc[table.index[rows], column] = values
    return AnalysisResult(
        params=params,
        table=table,
        method=method_statement(inputs, params, previous.inside_used),
        created_at=gpkg.utc_now(),
        counted=engine.counted_frame(inputs),
        reference_points=previous.reference_points,
        inside_used=previous.inside_used,
    )


def _reusable(
    previous: AnalysisResult | None, inputs: AnalysisInput, params: AnalysisParams
) -> bool:
    if previous is None or previous.counted is None or previous.reference_points is None:
        return False
    if previous.params != params:
        return False
    n = len(inputs.area_codes)
    groups = len(params.categories) + (1 if len(params.categories) > 1 else 0)
    codes = previous.table["area_code"].to_numpy()[:n]
    return (
        len(previous.reference_points) == n
        and len(previous.table) == groups * n
        and bool(np.array_equal(codes.astype(str), np.asarray(inputs.area_codes).astype(str)))
    )


def _changed_assets(before: pd.DataFrame, inputs: AnalysisInput) -> pd.DataFrame:
    """Old places of assets gone or moved (sign -1) and new places of assets added or moved
    (sign +1), with their category."""
    # Fixed-width text on both sides: comparing it is a memory compare, not a Python call.
    old_uuid = before["uuid"].to_numpy(dtype=object).astype(str)
    new_uuid = np.asarray(inputs.asset_uuid).astype(str)
    where = _same_order(old_uuid, new_uuid)
    if where is None:  # more than one asset came or went: match them by uuid
        where = pd.Index(old_uuid).get_indexer(pd.Index(new_uuid))
    found = where >= 0
    old = where[found]
    old_category = before["category"].to_numpy(dtype=object).astype(str)
    same = (
        (old_category[old] == np.asarray(inputs.asset_category).astype(str)[found])
        & (before["x"].to_numpy()[old] == inputs.asset_x[found])
        & (before["y"].to_numpy()[old] == inputs.asset_y[found])
    )
    kept = np.zeros(len(before), dtype=bool)
    kept[old[same]] = True
    arrived = np.r_[np.flatnonzero(found)[~same], np.flatnonzero(~found)].astype(np.intp)
    gone = before[~kept][["category", "x", "y"]].assign(sign=-1)
    new = pd.DataFrame(
        {
            "category": inputs.asset_category[arrived],
            "x": inputs.asset_x[arrived],
            "y": inputs.asset_y[arrived],
            "sign": 1,
        }
    )
    return pd.concat([gone, new], ignore_index=True)


def _same_order(old: np.ndarray, new: np.ndarray) -> np.ndarray | None:
    """Where each new uuid was in ``old`` (-1: new), found without hashing when the lists
    differ by at most one asset added or removed (the usual edit): None otherwise."""
    common = min(len(old), len(new))
    differ = np.flatnonzero(old[:common] != new[:common])
    k = int(differ[0]) if len(differ) else common
    where = np.full(len(new), -1, dtype=np.intp)
    where[:k] = np.arange(k)
    if len(new) == len(old) + 1 and np.array_equal(old[k:], new[k + 1 :]):
        where[k + 1 :] = np.arange(k, len(old))
        return where
    if len(new) == len(old) - 1 and np.array_equal(old[k + 1 :], new[k:]):
        where[k:] = np.arange(k + 1, len(old))
        return where
    if len(new) == len(old) and not len(differ):
        return where
    return None


def _areas_within(
    areas: np.ndarray, box: np.ndarray, changed: pd.DataFrame, distance: float
) -> np.ndarray:
    """Indexes of the areas within ``distance`` of a changed place, in order."""
    x, y = changed["x"].to_numpy(float), changed["y"].to_numpy(float)
    if not len(x):
        return np.array([], dtype=np.intp)
    close = (
        (box[:, None, 0] - distance <= x)
        & (box[:, None, 2] + distance >= x)
        & (box[:, None, 1] - distance <= y)
        & (box[:, None, 3] + distance >= y)
    )
    area_idx, change_idx = np.nonzero(close)
    places = shapely.points(x[change_idx], y[change_idx])
    hit = shapely.dwithin(areas[area_idx], places, distance)
    return np.unique(area_idx[hit])


def _shares_after(
    areas: np.ndarray,
    near: np.ndarray,
    inputs: AnalysisInput,
    mask: np.ndarray,
    shares: np.ndarray,
    params: AnalysisParams,
) -> np.ndarray:
    """The previous shares with those of the ``near`` areas measured again."""
    out = shares.copy()
    if not len(near):
        return out
    reach = params.distance_m
    minx, miny, maxx, maxy = shapely.total_bounds(areas[near])
    x, y = inputs.asset_x[mask], inputs.asset_y[mask]
    close = (x >= minx - reach) & (x <= maxx + reach) & (y >= miny - reach) & (y <= maxy + reach)
    out[near] = coverage.covered_shares(areas[near], x[close], y[close], reach)
    return out


def _counts_after(
    areas: np.ndarray, box: np.ndarray, counts: np.ndarray, changed: pd.DataFrame
) -> np.ndarray:
    """The previous counts, less the assets gone from an area, plus those come into one."""
    candidates = _areas_within(areas, box, changed, 0.0)
    places = np.asarray(shapely.points(changed["x"].to_numpy(float), changed["y"].to_numpy(float)))
    owner = measures.area_of_each_point(places, areas[candidates])
    inside = owner >= 0
    delta = np.bincount(
        candidates[owner[inside]],
        weights=changed["sign"].to_numpy()[inside],
        minlength=len(areas),
    )
    return (counts + delta).astype(np.int64)


def _nearest_after(
    refs: np.ndarray,
    nearest: np.ndarray,
    inputs: AnalysisInput,
    mask: np.ndarray,
    changed: pd.DataFrame,
) -> np.ndarray:
    """The previous nearest distances, closer where an asset arrived; measured again where
    the nearest one may have gone (a tie with a gone place)."""
    rx, ry = shapely.get_x(refs), shapely.get_y(refs)
    out = nearest.copy()
    x, y = inputs.asset_x[mask], inputs.asset_y[mask]
    if not len(x):
        return np.full(len(refs), np.nan)
    for cx, cy, sign in changed[["x", "y", "sign"]].itertuples(index=False):
        d = np.hypot(rx - cx, ry - cy)
        if sign > 0:
            out = np.fmin(out, d)
        else:
            # its nearest may have been this one (allowing for rounding; NaN too)
            lost = np.flatnonzero(~(d > nearest * (1 + 1e-9) + 1e-6))
            for i in lost:
                out[i] = float(np.min(np.hypot(x - rx[i], y - ry[i])))
    return out
