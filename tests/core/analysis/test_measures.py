"""Nearest distances by the k-d tree equal the geometry tree's, on the demo's areas."""

from __future__ import annotations

import numpy as np
import shapely

from assetmap.core import areas, assets
from assetmap.core.analysis import measures
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"


def test_nearest_equals_the_geometry_trees_nearest(demo_copy):
    with Project.open(demo_copy) as project:
        geoms = areas.frame(project, LSOA).geometry.to_numpy()
        points = assets.points_xy(project)
    refs, _inside = measures.reference_points(geoms)
    x, y = points["x"].to_numpy(dtype=float), points["y"].to_numpy(dtype=float)
    tree = shapely.STRtree(shapely.points(x, y))
    _idx, expected = tree.query_nearest(refs, return_distance=True, all_matches=False)
    np.testing.assert_allclose(measures.nearest_xy(refs, x, y), expected, rtol=1e-12)
    np.testing.assert_allclose(
        measures.nearest_distances(refs, shapely.points(x, y)), expected, rtol=1e-12
    )


def test_nearest_with_no_assets_is_unknown(demo_copy):
    with Project.open(demo_copy) as project:
        geoms = areas.frame(project, LSOA).geometry.to_numpy()
    refs, _inside = measures.reference_points(geoms)
    assert np.isnan(measures.nearest_xy(refs, np.array([]), np.array([]))).all()
