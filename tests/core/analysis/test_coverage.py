"""Coverage measured per area from the circles near it equals coverage measured against the
merged coverage layer (the method before issue 16), on real areas and assets."""

from __future__ import annotations

import shutil

import geopandas as gpd
import numpy as np
import pytest
import shapely

from assetmap.core import assets
from assetmap.core.analysis import coverage, inputs, measures
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"
DISTANCE = 800.0


def assert_same_shares(new: np.ndarray, old: np.ndarray) -> None:
    """Within the benchmark's tolerance (1e-6 relative, 1e-9 near 0), and wholly covered or
    wholly uncovered areas exactly so in both."""
    np.testing.assert_allclose(new, old, rtol=1e-6, atol=1e-9)
    assert np.array_equal(new == 0.0, old == 0.0)
    assert np.array_equal(new >= 1.0 - 1e-9, old >= 1.0 - 1e-9)


@pytest.fixture(scope="module")
def trafford_inputs(tmp_path_factory, repo_root):
    path = tmp_path_factory.mktemp("coverage") / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        keys = tuple(inputs.counts_by_category(assets.points_xy(project), False))
        params = AnalysisParams(LSOA, keys, DISTANCE)
        return inputs.load(project, params), params, path


def test_every_trafford_category_has_the_shares_of_the_merged_layer(trafford_inputs):
    data, params, _path = trafford_inputs
    for key in params.categories:
        mask = data.asset_category == key
        old = measures.coverage_shares(
            data.area_geoms, shapely.points(data.asset_x[mask], data.asset_y[mask]), DISTANCE
        )
        parts = coverage.uncovered_parts(
            data.area_geoms, data.asset_x[mask], data.asset_y[mask], DISTANCE
        )
        assert_same_shares(coverage.shares(data.area_geoms, parts), old)


def test_any_of_the_chosen_in_a_full_run_has_the_shares_of_the_merged_layer(trafford_inputs):
    data, params, path = trafford_inputs
    with Project.open(path) as project:
        result = analyse(project, params, keep=False)
    every = shapely.points(data.asset_x, data.asset_y)
    old = measures.coverage_shares(data.area_geoms, every, DISTANCE)
    assert_same_shares(result.for_category(ALL_CHOSEN)["coverage"].to_numpy(), old)


@pytest.mark.parametrize("count", [30, 300, 3000])
def test_national_lsoas_sparse_to_dense_assets(sources, count):
    """Newport's LSOAs as the national file has them (generalised, clipped), with assets
    from a handful (big partly covered areas) to thousands (areas covered only by many
    circles together)."""
    lsoas = gpd.read_file(sources / "national_newport" / "newport_lsoa2011_bsc.geojson")
    areas = np.asarray(lsoas.to_crs(27700).geometry.array)
    minx, miny, maxx, maxy = shapely.total_bounds(areas)
    rng = np.random.default_rng(count)
    x = rng.uniform(minx - 1000, maxx + 1000, count)
    y = rng.uniform(miny - 1000, maxy + 1000, count)
    old = measures.coverage_shares(areas, shapely.points(x, y), DISTANCE)
    new = coverage.shares(areas, coverage.uncovered_parts(areas, x, y, DISTANCE))
    assert_same_shares(new, old)
    assert (new > 0).any()


def test_carrying_on_from_one_group_skips_its_own_circles(sources):
    lsoas = gpd.read_file(sources / "national_newport" / "newport_lsoa2011_bsc.geojson")
    areas = np.asarray(lsoas.to_crs(27700).geometry.array)
    minx, miny, maxx, maxy = shapely.total_bounds(areas)
    rng = np.random.default_rng(7)
    x, y = rng.uniform(minx, maxx, 300), rng.uniform(miny, maxy, 300)
    label = rng.integers(0, 2, 300)
    parts = [
        coverage.uncovered_parts(areas, x[label == k], y[label == k], DISTANCE) for k in (0, 1)
    ]
    start, pick = coverage.smallest(parts)
    both = coverage.uncovered_parts(areas, x, y, DISTANCE, start=start, skip=(pick, label))
    old = measures.coverage_shares(areas, shapely.points(x, y), DISTANCE)
    assert_same_shares(coverage.shares(areas, both), old)
