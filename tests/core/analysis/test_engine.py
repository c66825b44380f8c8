"""Gap analysis figures checked against independent computations on the real Trafford data,
and on small cases a planner could check by hand."""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from assetmap.core import areas, assets
from assetmap.core.analysis import measures, results_csv, runs
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack, EditAsset
from assetmap.core.imports import import_areas, join_indicators
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions
from assetmap.core.model import Asset, new_uuid
from assetmap.core.progress import Cancelled
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"
CATEGORIES = ("mental_health", "libraries", "food_banks")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, repo_root):
    path = tmp_path_factory.mktemp("analysis") / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        result = analyse(
            project,
            AnalysisParams(LSOA, CATEGORIES, 800.0, "population", "imd_score"),
        )
        yield project, result


def live_points(project, category):
    frame = assets.frame(project)
    frame = frame[(frame["category"] == category) & (frame["status"] == "active")]
    return frame[frame.geometry.notna()]


def test_counts_match_a_geopandas_spatial_join(demo):
    project, result = demo
    lsoa = areas.frame(project, LSOA)
    for category in CATEGORIES:
        points = live_points(project, category)
        joined = gpd.sjoin(points, lsoa[["code", "geometry"]], predicate="intersects")
        joined = joined[~joined.index.duplicated(keep="first")]
        expected = joined.groupby("code").size().reindex(lsoa["code"], fill_value=0)
        got = result.for_category(category).set_index("area_code")["assets"]
        assert (got.reindex(lsoa["code"]).to_numpy() == expected.to_numpy()).all(), category
        # Assets outside Trafford (Manchester's mental-health services) are in no area.
        assert got.sum() == len(joined)


def test_nearest_matches_brute_force_on_a_sample(demo):
    project, result = demo
    lsoa = areas.frame(project, LSOA)
    rng = np.random.default_rng(1)
    sample = rng.choice(len(lsoa), 25, replace=False)
    for category in CATEGORIES:
        points = live_points(project, category).geometry.to_numpy()
        table = result.for_category(category).set_index("area_code")
        for i in sample:
            area = lsoa.geometry.iloc[i]
            origin = area.centroid if area.contains(area.centroid) else area.representative_point()
            brute = min(origin.distance(p) for p in points)
            assert table.loc[lsoa["code"].iloc[i], "nearest_m"] == pytest.approx(brute, rel=1e-9)


def test_coverage_matches_buffer_intersection_area(demo):
    project, result = demo
    lsoa = areas.frame(project, LSOA)
    for category in CATEGORIES:
        points = live_points(project, category).geometry
        covered = shapely.union_all(points.buffer(800, quad_segs=16).to_numpy())
        expected = lsoa.geometry.intersection(covered).area / lsoa.geometry.area
        got = result.for_category(category).set_index("area_code")["coverage"]
        assert got.reindex(lsoa["code"]).to_numpy() == pytest.approx(expected.to_numpy(), abs=1e-9)


def test_rates_gaps_and_classes_follow_the_definitions(demo):
    project, result = demo
    t = result.for_category("mental_health")
    assert np.allclose(t["per_1000"], t["assets"] / t["population"] * 1000)
    assert np.allclose(t["density_km2"], t["assets"] / t["area_km2"])
    far = (t["assets"] == 0) & (t["nearest_m"] > 800)
    assert (t["gap"] == (far | (t["coverage"] < 0.5))).all()
    # Thirds of equal size, 3 = most need.
    assert sorted(t["need_tercile"].value_counts().tolist()) == [46, 46, 47]
    top = t[t["need_tercile"] == 3]["need"].min()
    assert top >= t[t["need_tercile"] == 2]["need"].max()
    first = t.sort_values("priority").iloc[0]
    assert (first["need_tercile"], first["provision_tercile"]) == (3, 1)
    assert first["bivariate"] == "3-1"


def test_the_results_say_the_need_and_provision_class_in_words(demo):
    _project, result = demo
    t = result.for_category("mental_health")
    words = results_csv.display_frame(replace(result, table=t))["Need and provision"]
    assert (words[t["bivariate"] == "3-1"] == "High need, low provision").all()
    assert (words[t["bivariate"] == "2-3"] == "Medium need, high provision").all()
    assert (words[t["bivariate"] == ""] == "").all()
    first = result.ranked_gaps("mental_health").index[0]
    assert words[first] == "High need, low provision"


def test_any_chosen_category_combines_them(demo):
    project, result = demo
    combined = result.for_category(ALL_CHOSEN)
    separate = sum(result.for_category(c)["assets"].to_numpy() for c in CATEGORIES)
    assert (combined["assets"].to_numpy() == separate).all()
    nearest = np.nanmin([result.for_category(c)["nearest_m"] for c in CATEGORIES], axis=0)
    assert np.allclose(combined["nearest_m"], nearest)


def test_the_run_is_kept_with_its_method_and_reruns_identically(demo):
    project, result = demo
    stored = runs.load(project, result.run_id)
    pd.testing.assert_frame_equal(stored.table, result.table, check_dtype=False)
    assert stored.method == result.method and stored.params == result.params
    assert "800 m" in result.method and "straight" in result.method
    again = analyse(project, result.params, keep=False)
    pd.testing.assert_frame_equal(again.table, result.table)


# ---- cases small enough to check by hand ---------------------------------------------------
@pytest.fixture
def toy(tmp_path):
    """Two 1 km squares side by side, a U-shaped area, 1 km apart; populations known."""
    west = shapely.box(380_000, 390_000, 381_000, 391_000)
    east = shapely.box(381_000, 390_000, 382_000, 391_000)
    u_shape = shapely.difference(
        shapely.box(384_000, 390_000, 387_000, 393_000),
        shapely.box(385_000, 391_000, 386_000, 393_000),
    )
    frame = gpd.GeoDataFrame(
        {"code": ["W", "E", "U"], "name": ["West", "East", "Horseshoe"]},
        geometry=[west, east, u_shape],
        crs=27700,
    )
    boundary = tmp_path / "toy.geojson"
    frame.to_file(boundary)
    population = tmp_path / "population.csv"
    pd.DataFrame({"code": ["W", "E", "U"], "people": [1500, "", 2000]}).to_csv(
        population, index=False
    )
    project = Project.create(tmp_path / "toy.gpkg")
    import_areas(project, boundary, AreaImportOptions("Toy"))
    join_indicators(project, population, IndicatorOptions("Toy", "code", ["people"]))
    stack = CommandStack(project)

    def add(x, y, category="libraries", **kw):
        asset = Asset(
            uuid=new_uuid(), name=f"{category} at {x},{y}", category=category, x=x, y=y, **kw
        )
        stack.push(AddAsset(asset))
        return asset.uuid

    yield project, stack, add
    project.close()


def test_an_asset_on_a_shared_edge_counts_once(toy):
    project, _stack, add = toy
    add(381_000, 390_500)  # exactly on the boundary between West and East
    result = analyse(project, AnalysisParams("Toy", ("libraries",), 800.0, "people"), keep=False)
    t = result.table.set_index("area_code")
    assert t.loc["W", "assets"] + t.loc["E", "assets"] == 1
    assert t.loc["W", "assets"] == 1  # the first area in the set
    assert t.loc["W", "per_1000"] == pytest.approx(1 / 1500 * 1000)


def test_an_area_with_no_population_says_so(toy):
    project, _stack, add = toy
    add(381_500, 390_500)
    result = analyse(project, AnalysisParams("Toy", ("libraries",), 800.0, "people"), keep=False)
    east = result.table.set_index("area_code").loc["E"]
    assert east["assets"] == 1 and np.isnan(east["per_1000"])
    assert east["note"] == "no population figure for this area"
    assert east["density_km2"] == pytest.approx(1.0)


def test_a_category_with_no_assets(toy):
    project, _stack, add = toy
    add(380_500, 390_500)
    result = analyse(project, AnalysisParams("Toy", ("libraries", "food_banks"), 800.0), keep=False)
    food = result.for_category("food_banks")
    assert (food["assets"] == 0).all() and food["nearest_m"].isna().all()
    assert food["gap"].all() and (food["coverage"] == 0).all()
    assert (food["note"] == "no assets of this kind anywhere").all()


def test_a_concave_area_measures_from_a_point_inside_it(toy):
    project, _stack, add = toy
    add(385_500, 392_500)  # in the mouth of the horseshoe, where its centroid falls
    result = analyse(project, AnalysisParams("Toy", ("libraries",), 800.0), keep=False)
    horseshoe = result.table.set_index("area_code").loc["U"]
    geometry = areas.frame(project, "Toy").set_index("code").geometry["U"]
    assert not geometry.contains(geometry.centroid)
    inside = shapely.point_on_surface(geometry)
    assert horseshoe["nearest_m"] == pytest.approx(inside.distance(shapely.Point(385_500, 392_500)))
    assert horseshoe["nearest_m"] > 0 and horseshoe["assets"] == 0
    assert "1 areas whose centroid lies outside" in result.method


def test_closed_deleted_and_pending_and_rejected_assets_do_not_count(toy):
    project, stack, add = toy
    add(380_200, 390_200)
    closed = add(380_400, 390_400)
    add(380_600, 390_600, review="pending")
    stack.push(EditAsset(closed, {"status": "closed"}))
    params = AnalysisParams("Toy", ("libraries",), 800.0)
    west = analyse(project, params, keep=False).table.set_index("area_code").loc["W"]
    assert west["assets"] == 1
    with_pending = AnalysisParams("Toy", ("libraries",), 800.0, include_pending=True)
    assert (
        analyse(project, with_pending, keep=False).table.set_index("area_code").loc["W", "assets"]
        == 2
    )
    result = analyse(project, params, keep=False)
    assert "1 closed" in result.method and "1 awaiting review" in result.method


def test_terciles_are_equal_thirds_and_ignore_missing():
    values = np.array([5.0, np.nan, 1.0, 3.0, 2.0, 4.0, 6.0])
    assert measures.terciles(values).tolist() == [3, 0, 1, 2, 1, 2, 3]


def test_parameters_round_trip():
    params = AnalysisParams("Toy", ("a", "b"), 650.0, "p", "n", "per_1000", groups=("G",))
    assert AnalysisParams.from_json(params.to_json()) == params
    assert json.loads(params.to_json())["distance_m"] == 650.0
    with pytest.raises(ValueError):
        AnalysisParams("Toy", (), 800.0)


def test_a_run_keeps_the_positions_of_the_assets_it_counted(toy):
    project, stack, add = toy
    uuid = add(380_500, 390_500)
    result = analyse(project, AnalysisParams("Toy", ("libraries",), 800.0))
    from assetmap.core.commands import MoveAsset

    stack.push(MoveAsset(uuid, 386_500, 392_500))  # moved after the run
    stored = runs.load(project, result.run_id)
    x, y = stored.counted_points("libraries")
    assert (x.tolist(), y.tolist()) == ([380_500.0], [390_500.0])


def test_ranked_gaps_are_gaps_only_most_urgent_first(demo):
    _project, result = demo
    ranked = result.ranked_gaps("mental_health")
    assert ranked["gap"].all()
    priorities = ranked["priority"].to_numpy()
    ranked_part = priorities[priorities > 0]
    assert (ranked_part == sorted(ranked_part)).all()
    assert (priorities[: len(ranked_part)] > 0).all()  # unranked gaps come after


def test_equal_values_share_a_third():
    values = np.array([1.0, 1.0, 1.0, 1.0, 0.2, 0.5, np.nan])
    assert measures.terciles(values).tolist() == [2, 2, 2, 2, 1, 1, 0]


def test_wholly_covered_areas_are_exactly_one(demo):
    _project, result = demo
    coverage = result.table["coverage"].to_numpy()
    near_one = (coverage > 1 - 1e-6) & (coverage < 1)
    assert not near_one.any()
    assert (coverage == 1.0).sum() > 0


def test_cancelling_during_the_coverage_stops_it_and_keeps_nothing(tmp_path, repo_root):
    """Coverage runs on its own threads beside the placing of assets; a cancel asked for
    once it has started stops it at its next piece of work, and no run is kept."""
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    seen: list[str] = []
    asked = threading.Event()

    def progress(_fraction: float, message: str) -> None:
        seen.append(message)
        if message.startswith("Coverage within"):
            asked.set()

    with Project.open(path) as project:
        before = len(runs.list_runs(project))
        params = AnalysisParams(LSOA, CATEGORIES, 800.0, "population", "imd_score")
        with pytest.raises(Cancelled):
            analyse(project, params, progress=progress, cancelled=asked.is_set)
        assert len(runs.list_runs(project)) == before
    groups_done = [m for m in seen if m.startswith("Coverage within")]
    assert groups_done == ["Coverage within 800 m: 1 of 4 groups"]
    assert "Distances, counts and classes" not in seen


def test_cancelling_while_the_run_is_kept_keeps_nothing(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    keeping = threading.Event()

    def progress(_fraction: float, message: str) -> None:
        if message == "Keeping the run in the project":
            keeping.set()

    with Project.open(path) as project:
        params = AnalysisParams(LSOA, CATEGORIES, 800.0, "population", "imd_score")
        with pytest.raises(Cancelled):
            analyse(project, params, progress=progress, cancelled=keeping.is_set)
        assert runs.list_runs(project) == []
        rows = project.conn.execute("SELECT count(*) FROM am_analysis_results").fetchone()[0]
        assert rows == 0
