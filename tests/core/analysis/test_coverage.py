"""Coverage measured per area from the circles near it equals coverage measured against the
merged coverage layer (the method before issue 16), on real areas and assets."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

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
        new = coverage.covered_shares(
            data.area_geoms, data.asset_x[mask], data.asset_y[mask], DISTANCE
        )
        assert_same_shares(new, old)


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
    with ThreadPoolExecutor(2) as pool:
        new = coverage.covered_shares(areas, x, y, DISTANCE, pool=pool)
    assert_same_shares(new, old)
    assert (new > 0).any()
    assert (new < 1).any() or count == 3000  # thousands cover every area


def test_assets_at_one_place_make_one_circle(sources):
    """Postcode points put several assets on one spot; their circles' shared rims must not
    count twice."""
    lsoas = gpd.read_file(sources / "national_newport" / "newport_lsoa2011_bsc.geojson")
    areas = np.asarray(lsoas.to_crs(27700).geometry.array)
    minx, miny, maxx, maxy = shapely.total_bounds(areas)
    rng = np.random.default_rng(11)
    x, y = rng.uniform(minx, maxx, 40), rng.uniform(miny, maxy, 40)
    once = coverage.covered_shares(areas, x, y, DISTANCE)
    thrice = coverage.covered_shares(areas, np.tile(x, 3), np.tile(y, 3), DISTANCE)
    np.testing.assert_array_equal(thrice, once)
    assert_same_shares(once, measures.coverage_shares(areas, shapely.points(x, y), DISTANCE))


def test_holes_islands_touching_vertices_and_empty_areas():
    """Shapes the national file has few of: a ring with a hole, an area in two parts, an
    area whose corners sit exactly on a circle's corners and sides, one no circle
    reaches, one a circle holds whole, and one with no surface."""
    template = coverage.circle_template(DISTANCE)
    on_rim = template[[3, 20, 41]] + (1000.0, 1000.0)  # corners of the circle at (1000, 1000)
    side_middle = (template[50] + template[51]) / 2 + (1000.0, 1000.0)
    areas = np.array(
        [
            shapely.Polygon(
                [(0, 0), (3000, 0), (3000, 3000), (0, 3000)],
                holes=[[(900, 900), (1400, 900), (1400, 1500), (900, 1500)]],
            ),
            shapely.MultiPolygon(
                [shapely.box(-2000, 0, -1500, 600), shapely.box(-400, 200, 200, 900)]
            ),
            shapely.Polygon([*on_rim, side_middle]),
            shapely.box(20000, 20000, 21000, 21000),
            shapely.box(900, 900, 1100, 1100),
            shapely.Polygon(),
        ],
        dtype=object,
    )
    x, y = np.array([1000.0, 2600.0, -1800.0]), np.array([1000.0, 2400.0, 300.0])
    new = coverage.covered_shares(areas, x, y, DISTANCE)
    old = measures.coverage_shares(areas[:5], shapely.points(x, y), DISTANCE)
    assert_same_shares(new[:5], old)
    assert 0 < new[0] < 1 and 0 < new[1] < 1 and 0 < new[2] <= 1
    assert new[3] == 0.0 and new[4] == 1.0
    assert np.isnan(new[5])


def _star(rng: np.random.Generator, cx: float, cy: float, size: float) -> shapely.Polygon:
    """A concave polygon: a star with uneven arms, sometimes with a hole."""
    n = int(rng.integers(5, 40))
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    radii = size * rng.uniform(0.3, 1.0, n)
    shell = np.c_[cx + radii * np.cos(angles), cy + radii * np.sin(angles)]
    polygon = shapely.make_valid(shapely.Polygon(shell))
    if rng.random() < 0.3:
        polygon = polygon.difference(shapely.Point(cx, cy).buffer(size * 0.2))
    return polygon


@pytest.mark.parametrize("distance", [50.0, 800.0, 2500.0])
def test_random_concave_areas_with_holes_and_crowded_circles(distance):
    """Hundreds of odd shapes against circles from sparse to crowded, some stacked at one
    place, on a line, or centred exactly on an area's corner, against GEOS's merged
    layer."""
    rng = np.random.default_rng(int(distance))
    span = 20_000.0 * max(1.0, distance / 800.0)  # room for partly covered areas
    areas = np.array(
        [_star(rng, *rng.uniform(0, span, 2), rng.uniform(100, 3000)) for _ in range(300)],
        dtype=object,
    )
    corners = shapely.get_coordinates(areas)[rng.integers(0, 3000, 40)]
    crowd = rng.normal(span * 0.6, 600, (300, 2))
    x = np.r_[rng.uniform(-1000, span, 400), np.full(5, span / 4), np.linspace(0, span, 60)]
    y = np.r_[rng.uniform(-1000, span, 400), np.full(5, span / 3), np.full(60, span / 2)]
    x, y = np.r_[x, crowd[:, 0], corners[:, 0]], np.r_[y, crowd[:, 1], corners[:, 1]]
    old = measures.coverage_shares(areas, shapely.points(x, y), distance)
    new = coverage.covered_shares(areas, x, y, distance)
    assert_same_shares(new, old)
    assert ((new > 0) & (new < 1)).sum() > 20
