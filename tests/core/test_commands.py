"""Every edit is a command: undoable, redoable, logged with who/when/before/after."""

from __future__ import annotations

import pytest

from assetmap.core import areas, assets, categories, changelog
from assetmap.core.commands import (
    AddAsset,
    AddCategory,
    CommandStack,
    DeleteAsset,
    EditAsset,
    EditCategory,
    MergeCategories,
    MoveAsset,
)
from assetmap.core.commands.imports import ImportAreaSet, ImportAssets, JoinIndicators
from assetmap.core.errors import BadInputError
from assetmap.core.io.area_import import AreaImportOptions, prepare_areas
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets
from assetmap.core.io.indicator_import import IndicatorOptions, prepare_indicators
from assetmap.core.model import Asset, new_uuid
from assetmap.core.taxonomy import Category

# Stretford Library's position in British National Grid, for hand-made assets.
STRETFORD = (379_480.0, 396_110.0)


def lunch_club(**changes) -> Asset:
    asset = Asset(
        uuid=new_uuid(),
        name="Tuesday lunch club",
        category="community_centres",
        description="Hot lunch and company for older residents",
        postcode="M32 0AB",
        audience=("older people", "carers"),
        x=STRETFORD[0],
        y=STRETFORD[1],
    )
    return asset.with_changes(**changes)


def state(project) -> tuple:
    """Everything a user could see change, to compare before/after undo."""
    frame = assets.frame(project, include_deleted=True)
    rows = sorted(
        (r.uuid, r.name, r.category, r.deleted, r.geometry.wkt if r.geometry else None)
        for r in frame.itertuples()
    )
    cats = sorted((c.key, c.label, c.colour, c.symbol) for c in categories.all_categories(project))
    sets = sorted(
        (i.name, tuple(areas.table_columns(project, i.table))) for i in areas.list_sets(project)
    )
    return rows, cats, sets


def check_undo_redo(project, stack, command):
    before = state(project)
    stack.push(command)
    after = state(project)
    assert after != before
    stack.undo()
    assert state(project) == before
    stack.redo()
    assert state(project) == after
    return after


@pytest.fixture
def stack(project):
    return CommandStack(project)


def test_add_asset_undo_redo_and_log(project, stack):
    asset = lunch_club()
    check_undo_redo(project, stack, AddAsset(asset))
    stored = assets.get(project, asset.uuid)
    assert stored.audience == ("older people", "carers")
    assert stored.created_at and stored.placed
    log = changelog.entries(project, target=f"asset:{asset.uuid}")
    assert [e.action for e in log] == ["redo", "undo", "do"]
    assert log[-1].before is None and log[-1].after["name"] == "Tuesday lunch club"
    assert log[-1].who == project.author and log[-1].at.endswith("Z")


def test_edit_asset_undo_redo(project, stack):
    asset = lunch_club()
    stack.push(AddAsset(asset))
    check_undo_redo(
        project,
        stack,
        EditAsset(asset.uuid, {"name": "Lunch club", "status": "closed", "custom": {"seats": 30}}),
    )
    edited = assets.get(project, asset.uuid)
    assert (edited.name, edited.status, edited.custom) == ("Lunch club", "closed", {"seats": 30})
    entry = changelog.entries(project, target=f"asset:{asset.uuid}")[2]
    assert entry.before == {"name": "Tuesday lunch club", "status": "active", "custom": {}}


def test_edit_rejects_bad_values_and_changes_nothing(project, stack):
    asset = lunch_club()
    stack.push(AddAsset(asset))
    for values, field in (
        ({"name": "  "}, "name"),
        ({"category": "nonsense"}, "category"),
        ({"status": "open-ish"}, "status"),
        ({"uuid": "x"}, "uuid"),
    ):
        with pytest.raises(BadInputError) as err:
            stack.push(EditAsset(asset.uuid, values))
        assert err.value.field == field
    assert assets.get(project, asset.uuid).name == "Tuesday lunch club"
    assert stack.undo_text == "Add asset 'Tuesday lunch club'"


def test_move_and_place_undo_redo(project, stack):
    asset = lunch_club()
    stack.push(AddAsset(asset))
    check_undo_redo(project, stack, MoveAsset(asset.uuid, 379_600.0, 396_200.0))
    assert (assets.get(project, asset.uuid).x, assets.get(project, asset.uuid).y) == (
        379_600.0,
        396_200.0,
    )
    unplaced = lunch_club(x=None, y=None, name="Somewhere in Sale")
    stack.push(AddAsset(unplaced))
    assert not assets.get(project, unplaced.uuid).placed
    place = MoveAsset(unplaced.uuid, 377_000.0, 392_000.0)
    check_undo_redo(project, stack, place)
    assert place.text == "Place 'Somewhere in Sale'"


def test_delete_is_a_tombstone_and_undoable(project, stack):
    asset = lunch_club()
    stack.push(AddAsset(asset))
    check_undo_redo(project, stack, DeleteAsset(asset.uuid))
    assert assets.get(project, asset.uuid).deleted
    assert len(assets.frame(project)) == 0
    assert len(assets.frame(project, include_deleted=True)) == 1


def test_category_commands_undo_redo(project, stack):
    check_undo_redo(
        project,
        stack,
        AddCategory(
            Category("lunch_clubs", "Lunch clubs", "Voluntary and community", "#009E73", "star")
        ),
    )
    check_undo_redo(project, stack, EditCategory("lunch_clubs", {"label": "Lunch & supper clubs"}))
    check_undo_redo(project, stack, EditCategory("arts", {"colour": "#000000", "symbol": "plus"}))
    with pytest.raises(BadInputError, match="colour"):
        stack.push(EditCategory("arts", {"colour": "black"}))


def test_merge_categories_moves_assets_and_undoes(project, stack):
    food = [lunch_club(category="food_banks", name=f"Pantry {i}") for i in range(3)]
    for a in food:
        stack.push(AddAsset(a))
    stack.push(AddAsset(lunch_club(category="mutual_aid", name="Street WhatsApp group")))
    merge = MergeCategories("food_banks", "mutual_aid")
    check_undo_redo(project, stack, merge)
    assert "food_banks" not in categories.by_key(project)
    assert set(assets.frame(project)["category"]) == {"mutual_aid"}
    stack.undo()
    assert sorted(assets.frame(project)["category"]) == ["food_banks"] * 3 + ["mutual_aid"]
    assert merge.text == "Merge 'Food banks and pantries' into 'Mutual-aid groups'"


def test_import_commands_undo_redo(project, stack, trafford):
    areas_cmd = ImportAreaSet(
        prepare_areas(
            project,
            trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
            AreaImportOptions("LSOA 2021"),
        )
    )
    check_undo_redo(project, stack, areas_cmd)
    joined = JoinIndicators(
        prepare_indicators(
            project,
            trafford / "deprivation" / "trafford_imd2025_lsoa21.csv",
            IndicatorOptions("LSOA 2021", "lsoa21_code", ["IMD_score"]),
        )
    )
    check_undo_redo(project, stack, joined)
    assets_cmd = ImportAssets(
        prepare_assets(
            project,
            trafford / "assets" / "trafford_hospitals.geojson",
            AssetImportOptions(category_field="CLASSIFICA"),
        )
    )
    check_undo_redo(project, stack, assets_cmd)
    assert len(assets.frame(project)) == 20


def test_history_lists_done_and_undone(project, stack):
    a = lunch_club()
    stack.push(AddAsset(a))
    stack.push(EditAsset(a.uuid, {"name": "Lunch club"}))
    stack.undo()
    assert [(h.text, h.done) for h in stack.history()] == [
        ("Add asset 'Tuesday lunch club'", True),
        ("Edit name", False),
    ]
    assert stack.can_undo and stack.can_redo
    stack.push(DeleteAsset(a.uuid))  # a new edit drops the redo branch
    assert not stack.can_redo


def test_views_hear_about_committed_changes_only(project, stack):
    heard = []
    project.events.assets_changed.connect(lambda **kw: heard.append(kw))
    asset = lunch_club()
    stack.push(AddAsset(asset))
    assert heard == [{"uuids": (asset.uuid,), "kind": "added"}]
    with pytest.raises(BadInputError):
        stack.push(EditAsset(asset.uuid, {"category": "nonsense"}))
    assert len(heard) == 1


def test_assets_outside_the_areas_are_flagged(project, stack, trafford):
    from assetmap.core.imports import import_areas

    import_areas(
        project,
        trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        AreaImportOptions("LSOA 2021"),
    )
    inside = lunch_club()
    manchester = lunch_club(
        name="Piccadilly", x=384_500.0, y=398_300.0
    )  # city centre, not Trafford
    stack.push(AddAsset(inside))
    stack.push(AddAsset(manchester))
    assert not assets.get(project, inside.uuid).out_of_area
    assert assets.get(project, manchester.uuid).out_of_area
    stack.push(MoveAsset(manchester.uuid, *STRETFORD))
    assert not assets.get(project, manchester.uuid).out_of_area
