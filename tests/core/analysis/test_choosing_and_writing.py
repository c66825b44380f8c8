"""Which categories an analysis looks at by default, and writing its results all or nothing."""

from __future__ import annotations

import json
import resource

import geopandas as gpd
import pytest
import shapely

from assetmap.core.analysis import results_csv
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.inputs import choose_categories
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack, EditAsset
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_areas
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project


@pytest.fixture
def town(tmp_path):
    """One 2 km square; a library, a food bank awaiting review, a closed community centre."""
    frame = gpd.GeoDataFrame(
        {"code": ["T"], "name": ["Town"]},
        geometry=[shapely.box(380_000, 390_000, 382_000, 392_000)],
        crs=27700,
    )
    frame.to_file(tmp_path / "town.geojson")
    project = Project.create(tmp_path / "town.gpkg")
    import_areas(project, tmp_path / "town.geojson", AreaImportOptions("Town"))
    stack = CommandStack(project)
    for category, extra in (
        ("libraries", {}),
        ("food_banks", {"review": "pending"}),
        ("community_centres", {}),
    ):
        asset = Asset(uuid=new_uuid(), name=category, category=category, x=381e3, y=391e3, **extra)
        stack.push(AddAsset(asset))
        if category == "community_centres":
            stack.push(EditAsset(asset.uuid, {"status": "closed"}))
    yield project
    project.close()


def test_by_default_only_categories_with_assets_to_count_are_analysed(town):
    choice = choose_categories(town, None)
    assert choice.keys == ("libraries",)
    assert {"food_banks", "community_centres", "council"} <= set(choice.skipped)
    # Contributions awaiting review count when the user says so, and then so does their kind.
    with_pending = choose_categories(town, None, include_pending=True)
    assert set(with_pending.keys) == {"libraries", "food_banks"}
    assert "community_centres" in with_pending.skipped  # closed: never counted


def test_a_group_brings_its_categories_with_assets_and_a_named_one_is_always_kept(town):
    with pytest.raises(BadInputError, match="no category of Spaces has any assets to count"):
        choose_categories(town, ["Spaces"])  # only a closed community centre
    named = choose_categories(town, ["Community centres", "Public services"])
    assert named.keys == ("community_centres", "libraries")
    assert named.groups == ("Public services",)
    assert "mental_health" in named.skipped and "community_centres" not in named.skipped


def test_runs_kept_before_and_after_skipped_was_added_both_read():
    params = AnalysisParams("Town", ("libraries",), skipped=("council",))
    assert AnalysisParams.from_json(params.to_json()) == params
    older = json.loads(params.to_json())
    del older["skipped"]
    assert AnalysisParams.from_json(json.dumps(older)).skipped == ()
    newer = {**json.loads(params.to_json()), "walking_network": "osm.pbf"}
    assert AnalysisParams.from_json(json.dumps(newer)) == params


def test_a_write_that_fails_part_way_leaves_the_earlier_file_whole(town, tmp_path):
    result = analyse(town, AnalysisParams("Town", ("libraries",)), keep=False)
    path = tmp_path / "gaps.csv"
    results_csv.write(result, path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("gaps")}
    result.table = result.table.loc[result.table.index.repeat(2000)]  # a bigger file this time
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, hard))  # a full disk, for this process
    try:
        with pytest.raises(BadInputError, match="gaps.csv: could not be written") as error:
            results_csv.write(result, path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert "the disk is full" in str(error.value)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith(("gaps", "."))}
    assert after == before  # the old results and method, untouched; no temporary files


def test_a_place_that_cannot_take_the_file_is_refused_before_writing(town, tmp_path):
    result = analyse(town, AnalysisParams("Town", ("libraries",)), keep=False)
    with pytest.raises(BadInputError, match="does not exist"):
        results_csv.write(result, tmp_path / "missing" / "gaps.csv")
    (tmp_path / "gaps.method.txt").mkdir()
    with pytest.raises(BadInputError, match="is a folder"):
        results_csv.write(result, tmp_path / "gaps.csv")
    assert not (tmp_path / "gaps.csv").exists()
