"""The personal-data flag follows the category: adding, editing, merging and re-marking."""

from __future__ import annotations

import pytest

from assetmap.core import assets, categories, changelog
from assetmap.core.commands import (
    AddAsset,
    CommandStack,
    EditAsset,
    EditCategory,
    MergeCategories,
)
from assetmap.core.errors import BadInputError
from assetmap.core.model import Asset, new_uuid

STRETFORD = (379_480.0, 396_110.0)
SKILLS = "individual_skills"


def person(name: str = "Maya: bike repairs", category: str = SKILLS, **changes) -> Asset:
    return Asset(
        uuid=new_uuid(),
        name=name,
        category=category,
        x=STRETFORD[0],
        y=STRETFORD[1],
    ).with_changes(**changes)


def flag(project, uuid: str) -> bool:
    return assets.get(project, uuid).personal_data


def flags(project, uuids) -> list[bool]:
    return [flag(project, u) for u in uuids]


@pytest.fixture
def stack(project):
    return CommandStack(project)


def test_an_asset_added_to_a_personal_category_is_flagged(project, stack):
    added = person(personal_data=False)
    stack.push(AddAsset(added))
    assert flag(project, added.uuid)
    stack.undo()
    assert assets.find(project, added.uuid) is None
    stack.redo()
    assert flag(project, added.uuid)
    other = person("Lunch club", "community_centres")
    stack.push(AddAsset(other))
    assert not flag(project, other.uuid)


def test_moving_an_asset_into_a_personal_category_flags_it_and_undo_clears_it(project, stack):
    club = person("Lunch club", "community_centres")
    stack.push(AddAsset(club))
    stack.push(EditAsset(club.uuid, {"category": SKILLS}))
    assert flag(project, club.uuid)
    logged = changelog.entries(project, target=f"asset:{club.uuid}")[0]  # newest first
    assert logged.after == {"category": SKILLS, "personal_data": True}  # the log tells all
    stack.undo()
    asset = assets.get(project, club.uuid)
    assert (asset.category, asset.personal_data) == ("community_centres", False)
    stack.redo()
    assert flag(project, club.uuid)


def test_the_flag_cannot_be_cleared_while_the_asset_is_in_a_personal_category(project, stack):
    maya = person()
    stack.push(AddAsset(maya))
    stack.push(EditAsset(maya.uuid, {"personal_data": False}))
    assert flag(project, maya.uuid)
    # Moving it out leaves the flag: it still describes a person until the user says not.
    stack.push(EditAsset(maya.uuid, {"category": "arts"}))
    assert flag(project, maya.uuid)
    stack.push(EditAsset(maya.uuid, {"personal_data": False}))
    assert not flag(project, maya.uuid)


def test_merging_into_a_personal_category_flags_the_moved_assets_only_until_undone(project, stack):
    stories = [person(f"Story {i}", "local_stories") for i in range(3)]
    already = person("Flagged story", "local_stories", personal_data=True)
    for asset in [*stories, already]:
        stack.push(AddAsset(asset))
    stack.push(MergeCategories("local_stories", SKILLS))
    assert flags(project, [a.uuid for a in [*stories, already]]) == [True] * 4
    stack.undo()
    assert flags(project, [a.uuid for a in stories]) == [False] * 3
    assert flag(project, already.uuid)  # its own flag, from before the merge
    assert {assets.get(project, a.uuid).category for a in stories} == {"local_stories"}
    stack.redo()
    assert flags(project, [a.uuid for a in stories]) == [True] * 3


def test_merging_a_personal_category_away_keeps_the_flags(project, stack):
    maya = person()
    stack.push(AddAsset(maya))
    stack.push(MergeCategories(SKILLS, "arts"))
    assert flag(project, maya.uuid) and assets.get(project, maya.uuid).category == "arts"


def test_marking_a_category_as_personal_flags_all_its_assets_and_undo_restores_each(project, stack):
    heritage = [person(f"Mill {i}", "heritage") for i in range(3)]
    for asset in heritage:
        stack.push(AddAsset(asset))
    stack.push(EditAsset(heritage[0].uuid, {"personal_data": True}))
    uuids = [a.uuid for a in heritage]
    deleted = person("Old mill", "heritage")
    stack.push(AddAsset(deleted))
    assets.update(project, deleted.uuid, {"deleted": True}, now="2026-01-01T00:00:00Z")

    command = EditCategory("heritage", {"personal_data": True})
    stack.push(command)
    assert categories.get(project, "heritage").personal_data
    assert flags(project, uuids) == [True, True, True]
    assert flag(project, deleted.uuid)  # undoing its deletion must not bring it back unflagged
    assert command.text == "Mark 'Heritage' as personal data"
    stack.undo()
    assert not categories.get(project, "heritage").personal_data
    assert flags(project, uuids) == [True, False, False]  # exactly as before
    assert not flag(project, deleted.uuid)


def test_unmarking_a_category_leaves_its_assets_flagged_unless_asked_to_clear_them(project, stack):
    people = [person(f"Person {i}") for i in range(2)]
    for asset in people:
        stack.push(AddAsset(asset))
    uuids = [a.uuid for a in people]

    stack.push(EditCategory(SKILLS, {"personal_data": False}))
    assert not categories.get(project, SKILLS).personal_data
    assert flags(project, uuids) == [True, True]  # they still describe people
    stack.undo()

    command = EditCategory(SKILLS, {"personal_data": False}, unflag_assets=True)
    stack.push(command)
    assert command.text == "Unmark 'Individuals' skills' as personal data"
    assert flags(project, uuids) == [False, False]
    stack.undo()
    assert categories.get(project, SKILLS).personal_data
    assert flags(project, uuids) == [True, True]


def test_synonyms_are_edited_cleaned_and_undone(project, stack):
    before = categories.get(project, "arts").synonyms
    stack.push(EditCategory("arts", {"synonyms": [*before, " Brass  band ", "brass bands", ""]}))
    assert categories.get(project, "arts").synonyms == (*before, "Brass band")
    assert categories.matcher(project).match("Brass bands").key == "arts"
    stack.undo()
    assert categories.get(project, "arts").synonyms == before


def test_a_synonym_that_names_another_category_is_refused(project, stack):
    with pytest.raises(BadInputError) as refused:
        stack.push(EditCategory("arts", {"synonyms": ["Library"]}))
    assert refused.value.field == "synonyms"
    assert "'Library' is already a name of 'Libraries'" in str(refused.value)
    assert "Library" not in categories.get(project, "arts").synonyms
