"""An analysis counts exactly the assets ``inputs.counted`` keeps, however they are read."""

from __future__ import annotations

import numpy as np
import pytest

from assetmap.core import assets
from assetmap.core.analysis import inputs
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

LSOA = "Neighbourhoods (LSOA 2021)"


def _mixed_states(project: Project) -> None:
    """Some assets closed, proposed, awaiting review, rejected, turned into need pins,
    deleted or taken off the map: each must be left out (or kept, for pending, when asked)."""
    fids = [r[0] for r in project.conn.execute(f"SELECT fid FROM {ASSETS_TABLE} ORDER BY fid")]
    changes = [
        "status = 'closed'",
        "status = 'proposed'",
        "review = 'pending'",
        "review = 'rejected'",
        "pin_kind = 'need'",
        "deleted = 1",
        "geom = NULL",
    ]
    with project.transaction():
        for i, change in enumerate(changes):
            for fid in fids[i * 7 : i * 7 + 3]:
                project.conn.execute(f"UPDATE {ASSETS_TABLE} SET {change} WHERE fid = ?", (fid,))


@pytest.mark.parametrize("include_pending", [False, True])
def test_load_counts_the_assets_counted_keeps(demo_copy, include_pending):
    with Project.open(demo_copy) as project:
        _mixed_states(project)
        points = assets.points_xy(project)
        keys = tuple(sorted(inputs.counts_by_category(points, include_pending)))[:4]
        params = AnalysisParams(LSOA, keys, 800.0, include_pending=include_pending)
        data = inputs.load(project, params)
    expected = inputs.counted(points[points["category"].isin(keys)], include_pending)
    assert 0 < len(expected) < len(points)
    assert data.asset_uuid.tolist() == expected["uuid"].astype(str).tolist()
    assert data.asset_category.tolist() == expected["category"].astype(str).tolist()
    np.testing.assert_array_equal(data.asset_x, expected["x"].to_numpy(dtype=float))
    np.testing.assert_array_equal(data.asset_y, expected["y"].to_numpy(dtype=float))
