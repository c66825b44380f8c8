"""Two writers at once (two windows, a worker and the GUI, two processes) never raise a
traceback and never lose an edit: writers re-read inside their transaction, retry once, or
say plainly that another program changed the project; undo refuses to overwrite a later edit
made elsewhere."""

from __future__ import annotations

import shutil

import pytest

from assetmap.core import areas, assets, categories
from assetmap.core.commands import CommandStack, EditAsset, MoveAsset
from assetmap.core.commands.imports import ImportAreaSet, ImportAssets
from assetmap.core.errors import ConflictError
from assetmap.core.io.area_import import AreaImportOptions, prepare_areas
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets
from assetmap.core.project import Project

HUBS = "trafford_community_hubs.csv"


@pytest.fixture
def two_windows(tmp_path, repo_root):
    """The same project file opened twice, as two windows or two processes have it."""
    path = tmp_path / "shared.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    first, second = Project.open(path), Project.open(path)
    yield first, second
    first.close()
    second.close()


def hubs_into(project: Project, trafford, category: str):
    options = AssetImportOptions(category=category)
    return prepare_assets(project, trafford / "assets" / HUBS, options)


def test_two_imports_making_the_same_new_category_share_it(two_windows, trafford):
    first, second = two_windows
    # Both read the file before either writes: both plan a new "Warm spaces" category.
    mine, theirs = (
        hubs_into(first, trafford, "Warm spaces"),
        hubs_into(second, trafford, "Warm spaces"),
    )
    assert [c.label for c in mine.new_categories] == ["Warm spaces"]
    assert [c.label for c in theirs.new_categories] == ["Warm spaces"]
    CommandStack(first).push(ImportAssets(mine))
    stack = CommandStack(second)
    stack.push(ImportAssets(theirs))  # no IntegrityError: the category is reused
    warm = [c for c in categories.all_categories(second) if c.label == "Warm spaces"]
    assert len(warm) == 1
    key = warm[0].key
    in_warm = assets.count(second, f"deleted = 0 AND category = '{key}'")
    # The same file twice: the second import finds the first one's assets (matched again
    # inside its transaction) and adds none.
    assert in_warm == len(mine.rows)
    assert (theirs.report.added, theirs.report.unchanged) == (0, len(theirs.rows))
    stack.undo()  # the second import's undo keeps the category the first one made
    assert categories.resolve(second, "Warm spaces") is not None
    assert assets.count(second, f"deleted = 0 AND category = '{key}'") == len(mine.rows)


def test_a_stale_category_cache_in_another_window_does_not_break_an_import(two_windows, trafford):
    first, second = two_windows
    assert categories.resolve(second, "Warm spaces") is None  # cached by the second window
    CommandStack(first).push(ImportAssets(hubs_into(first, trafford, "Warm spaces")))
    # The second window's cache is forgotten as soon as it reads again.
    assert categories.resolve(second, "Warm spaces") is not None
    CommandStack(second).push(ImportAssets(hubs_into(second, trafford, "Warm spaces")))
    assert len([c for c in categories.all_categories(second) if c.label == "Warm spaces"]) == 1


def test_two_imports_of_an_area_set_with_one_name_end_in_a_plain_message(two_windows, trafford):
    first, second = two_windows
    wards = trafford / "boundaries" / "trafford_ward2023_generalised.geojson"
    mine = prepare_areas(first, wards, AreaImportOptions("Wards"))
    theirs = prepare_areas(second, wards, AreaImportOptions("Wards"))
    CommandStack(first).push(ImportAreaSet(mine))
    with pytest.raises(ConflictError, match="Another program added an area set named 'Wards'"):
        CommandStack(second).push(ImportAreaSet(theirs))
    assert [s.name for s in areas.list_sets(second)].count("Wards") == 1
    assert areas.count(second, "Wards") == 21


def first_library(project: Project) -> str:
    frame = assets.frame(project, where="category = 'libraries'")
    return str(frame["uuid"].iloc[0])


def test_undo_refuses_to_overwrite_an_edit_made_in_another_window(two_windows):
    first, second = two_windows
    uuid = first_library(first)
    mine, theirs = CommandStack(first), CommandStack(second)
    mine.push(EditAsset(uuid, {"name": "Library (renamed here)"}))
    theirs.push(EditAsset(uuid, {"phone": "0161 000 0000"}))
    with pytest.raises(ConflictError, match="has been changed since, in another window"):
        mine.undo()
    kept = assets.get(first, uuid)
    assert kept.name == "Library (renamed here)" and kept.phone == "0161 000 0000"
    assert mine.can_undo  # still there, to undo once the other edit is undone
    theirs.undo()
    mine.undo()
    assert assets.get(first, uuid).phone != "0161 000 0000"


def test_undo_after_my_own_later_edits_were_undone_still_works(two_windows):
    first, _ = two_windows
    uuid = first_library(first)
    stack = CommandStack(first)
    before = assets.get(first, uuid)
    stack.push(MoveAsset(uuid, 380000.0, 395000.0))
    stack.push(EditAsset(uuid, {"name": "Moved library"}))
    stack.undo()
    stack.undo()
    after = assets.get(first, uuid)
    assert (after.name, after.x, after.y) == (before.name, before.x, before.y)


def test_redo_refuses_to_overwrite_an_edit_made_in_another_window(two_windows):
    first, second = two_windows
    uuid = first_library(first)
    mine = CommandStack(first)
    mine.push(EditAsset(uuid, {"name": "Renamed"}))
    mine.undo()
    CommandStack(second).push(EditAsset(uuid, {"name": "Renamed elsewhere"}))
    with pytest.raises(ConflictError):
        mine.redo()
    assert assets.get(first, uuid).name == "Renamed elsewhere"


def test_undoing_an_import_refuses_when_its_assets_were_edited_elsewhere(two_windows, trafford):
    first, second = two_windows
    mine = CommandStack(first)
    prepared = hubs_into(first, trafford, "community_centres")
    mine.push(ImportAssets(prepared))
    hub = str(prepared.rows["uuid"].iloc[3])
    # My own edit, undone, does not count: the asset is as the import wrote it.
    mine.push(EditAsset(hub, {"contact": "me"}))
    mine.undo()
    edit = CommandStack(second)
    edit.push(EditAsset(hub, {"contact": "Hub coordinator"}))
    with pytest.raises(ConflictError, match="1 of its assets"):
        mine.undo()
    assert assets.get(first, hub).contact == "Hub coordinator"
    edit.undo()
    mine.undo()
    assert assets.find(first, hub) is None
