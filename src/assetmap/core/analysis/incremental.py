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
from assetmap.core.analysis.engine import COLUMNS, AnalysisResult
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
    if ALL_CHOSEN in {key for key, _label, _mask in groups} and touched:
        touched.add(ALL_CHOSEN)
    areas = inputs.area_geoms
    refs = previous.reference_points
    raised = engine.needs_raised(inputs, areas, groups)
    frames = []
    for key, label, mask in groups:
        before = previous.for_category(key)
        if key not in touched:
            frames.append(before.assign(needs_raised=raised[key]))
            continue
        mine = changed if key == ALL_CHOSEN else changed[changed["category"] == key]
        shares = _shares_near(areas, inputs, mask, mine, before["coverage"].to_numpy(), params)
        count = _counts_after(areas, before["assets"].to_numpy(), mine)
        table = engine.group_table(inputs, params, key, label, count, refs, shares)
        frames.append(table.assign(needs_raised=raised[key]))
    table = pd.concat(frames, ignore_index=True)[list(COLUMNS)]
    return AnalysisResult(
        params=params,
        table=table,
        method=method_statement(inputs, params, previous.inside_used),
        created_at=gpkg.utc_now(),
        counted=_counted(inputs),
        reference_points=refs,
        inside_used=previous.inside_used,
    )


def _reusable(
    previous: AnalysisResult | None, inputs: AnalysisInput, params: AnalysisParams
) -> bool:
    if previous is None or previous.counted is None or previous.reference_points is None:
        return False
    if previous.params != params:
        return False
    codes = previous.table["area_code"].to_numpy()[: len(inputs.area_codes)]
    return len(previous.reference_points) == len(inputs.area_codes) and bool(
        np.array_equal(codes.astype(str), np.asarray(inputs.area_codes).astype(str))
    )


def _counted(inputs: AnalysisInput) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "uuid": inputs.asset_uuid,
            "category": inputs.asset_category,
            "x": inputs.asset_x,
            "y": inputs.asset_y,
        }
    )


def _changed_assets(before: pd.DataFrame, inputs: AnalysisInput) -> pd.DataFrame:
    """Old places of assets gone or moved (sign -1) and new places of assets added or moved
    (sign +1), with their category."""
    after = _counted(inputs)
    keys = ["uuid", "category", "x", "y"]
    both = before[keys].merge(after[keys], how="outer", on=keys, indicator=True)
    gone = both[both["_merge"] == "left_only"].assign(sign=-1)
    new = both[both["_merge"] == "right_only"].assign(sign=1)
    return pd.concat([gone, new], ignore_index=True)[["category", "x", "y", "sign"]]


def _shares_near(
    areas: np.ndarray,
    inputs: AnalysisInput,
    mask: np.ndarray,
    changed: pd.DataFrame,
    shares: np.ndarray,
    params: AnalysisParams,
) -> np.ndarray:
    """The previous shares with those of the areas within reach of a change measured again."""
    if not len(changed):
        return shares
    places = shapely.points(changed["x"].to_numpy(float), changed["y"].to_numpy(float))
    _place, near = shapely.STRtree(areas).query(
        places, predicate="dwithin", distance=params.distance_m
    )
    near = np.unique(near)
    out = shares.copy()
    if len(near):
        x, y = inputs.asset_x[mask], inputs.asset_y[mask]
        left = coverage.uncovered_parts(areas[near], x, y, params.distance_m)
        out[near] = coverage.shares(areas[near], left)
    return out


def _counts_after(areas: np.ndarray, counts: np.ndarray, changed: pd.DataFrame) -> np.ndarray:
    """The previous counts, less the assets gone from an area, plus those come into one."""
    places = shapely.points(changed["x"].to_numpy(float), changed["y"].to_numpy(float))
    owner = measures.area_of_each_point(np.asarray(places), areas)
    inside = owner >= 0
    delta = np.bincount(
        owner[inside], weights=changed["sign"].to_numpy()[inside], minlength=len(areas)
    )
    return (counts + delta).astype(np.int64)
