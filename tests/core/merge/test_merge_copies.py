"""Merging copies of the Trafford demo: an office copy and a copy for the field, edited apart
(adds, edits, moves, deletes, a photo, a renamed category), merged both ways; conflicts
resolved each way; a dry run that says exactly what the run does; merging twice; undo; an
unrelated project refused."""

from __future__ import annotations

import shutil
import uuid as uuids
from pathlib import Path

import pytest

from assetmap.core import assets, categories, changelog, copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import AddAsset, DeleteAsset, MoveAsset
from assetmap.core.commands.attachments import AddAttachment
from assetmap.core.commands.categories import EditCategory
from assetmap.core.errors import BadInputError
from assetmap.core.feed import changes_since
from assetmap.core.merge import MergeCopy, plan_merge
from assetmap.core.model import Asset
from assetmap.core.project import Project

REPO = Path(__file__).resolve().parents[3]
PHOTO = REPO / "tests" / "data" / "camera_photo.jpg"


def live_assets(path: Path) -> dict[str, tuple]:
    """Every live asset's fields and point, as both copies should agree on after merging."""
    with Project.open(path) as project:
        frame = assets.frame(project)
        return {
            row.uuid: (
                row.name,
                row.category,
                row.description,
                row.phone,
                point(row.geometry),
            )
            for row in frame.itertuples()
        }


def point(geometry) -> tuple[float, float] | None:
    return None if geometry is None else (round(geometry.x, 6), round(geometry.y, 6))


def photos(path: Path) -> set[tuple[str, str]]:
    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT asset_uuid, file_name FROM am_attachments WHERE deleted = 0"
        ).fetchall()
    return {tuple(r) for r in rows}


def labels(path: Path) -> dict[str, str]:
    with Project.open(path) as project:
        return {c.key: c.label for c in categories.all_categories(project)}


def merge(into: Path, other: Path, **options) -> tuple[list[str], MergeCopy]:
    prefer = options.pop("prefer", None)
    with Project.open(into) as project:
        plan = plan_merge(project, other, prefer=prefer)
        command = MergeCopy(plan, **options)
        CommandStack(project).push(command)
        return plan.report_lines(), command


def pick(path: Path, n: int) -> list[Asset]:
    """n live, placed assets of the demo, the same in every copy (by name)."""
    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 AND geom IS NOT NULL ORDER BY name LIMIT ?",
            (n,),
        ).fetchall()
        return [assets.get(project, r[0]) for r in rows]


@pytest.fixture
def edited_apart(office: Path, field_copy: Path) -> dict[str, object]:
    """The field worker adds a community fridge with a photo, corrects a phone number, moves
    a surgery to its new building, deletes a closed group and renames a category; the office
    meanwhile rewrites a description, renames an asset and adds one of its own."""
    a, b, c, d, e = pick(office, 5)
    fridge = Asset(uuids.uuid4().hex, "Sale Moor community fridge", a.category, x=a.x + 40, y=a.y)
    with Project.open(field_copy) as project:
        stack = CommandStack(project)
        stack.push(AddAsset(fridge))
        stack.push(AddAttachment(fridge.uuid, "fridge.jpg", PHOTO.read_bytes()))
        stack.push(EditAsset(a.uuid, {"phone": "0161 912 0000"}))
        stack.push(MoveAsset(b.uuid, b.x + 120.0, b.y - 35.0))
        stack.push(DeleteAsset(c.uuid))
        stack.push(EditCategory(a.category, {"label": "Food support"}))
    office_new = Asset(uuids.uuid4().hex, "Old Trafford youth hub", e.category, x=e.x, y=e.y + 60)
    with Project.open(office) as project:
        stack = CommandStack(project)
        stack.push(EditAsset(a.uuid, {"description": "Open to all, no referral needed"}))
        stack.push(EditAsset(d.uuid, {"name": f"{d.name} (St Mary's hall)"}))
        stack.push(AddAsset(office_new))
    return {"a": a, "b": b, "c": c, "d": d, "fridge": fridge, "office_new": office_new}


def test_copies_edited_apart_merge_both_ways_to_the_same_project(office, field_copy, edited_apart):
    a, b, c, d = (edited_apart[k] for k in "abcd")
    fridge, office_new = edited_apart["fridge"], edited_apart["office_new"]

    merge(office, field_copy)
    merge(field_copy, office)

    mine, theirs = live_assets(office), live_assets(field_copy)
    assert mine == theirs
    assert fridge.uuid in mine and office_new.uuid in mine
    assert c.uuid not in mine  # the deletion travelled
    name, _, description, phone, point = mine[a.uuid]
    assert (description, phone) == ("Open to all, no referral needed", "0161 912 0000")
    assert mine[b.uuid][4] == (round(b.x + 120.0, 6), round(b.y - 35.0, 6))
    assert mine[d.uuid][0] == f"{d.name} (St Mary's hall)"
    assert (fridge.uuid, "fridge.jpg") in photos(office)
    assert labels(office)[a.category] == "Food support" == labels(field_copy)[a.category]


def test_a_dry_run_changes_nothing_and_says_what_the_run_does(office, field_copy, edited_apart):
    with Project.open(office) as project:
        before = changelog.latest_seq(project)
        plan = plan_merge(project, field_copy)
        assert changelog.latest_seq(project) == before
    lines = plan.report_lines()
    text = "\n".join(lines)
    assert "Added: 1 asset" in text and "'Sale Moor community fridge'" in text
    assert "Deleted: 1 asset" in text and f"'{edited_apart['c'].name}'" in text
    assert f"'{edited_apart['a'].name}' phone: " in text and "-> '0161 912 0000'" in text
    assert "Conflicts" not in text
    assert [u.field for u in plan.updated].count("position") == 1

    report, _ = merge(office, field_copy)
    assert report == lines
    with Project.open(office) as project:
        rows = changes_since(project, before)
    merged_assets = {r.uuid for r in rows if r.is_asset}
    assert merged_assets == {u.uuid for u in plan.updates} | {a.uuid for a in plan.added}
    assert {r.origin.kind for r in rows} == {"merge"}
    assert {r.origin.file for r in rows} == {"field.gpkg"}


def test_merging_the_same_copy_twice_changes_nothing_the_second_time(
    office, field_copy, edited_apart
):
    merge(office, field_copy)
    after_first = live_assets(office)
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
    assert plan.is_empty
    assert plan.report_lines()[-1].startswith("Nothing to merge")
    merge(office, field_copy)
    assert live_assets(office) == after_first


def test_undo_of_a_merge_puts_back_exactly_what_was_there(office, field_copy, edited_apart):
    before_assets, before_photos = live_assets(office), photos(office)
    before_labels = labels(office)
    with Project.open(office) as project:
        stack = CommandStack(project)
        stack.push(MergeCopy(plan_merge(project, field_copy)))
        assert stack.undo_text == "Merge field.gpkg"
        stack.undo()
        assert project.conn.execute("SELECT count(*) FROM am_merges").fetchone()[0] == 0
    assert live_assets(office) == before_assets
    assert photos(office) == before_photos
    assert labels(office) == before_labels
    # and the merge can still be made afterwards, in full
    merge(office, field_copy)
    assert edited_apart["fridge"].uuid in live_assets(office)


@pytest.fixture
def conflicting(office, field_copy) -> Asset:
    """Both copies change one surgery's phone number, differently."""
    (asset,) = pick(office, 1)
    for path, phone in ((office, "0161 000 1111"), (field_copy, "0161 000 2222")):
        with Project.open(path) as project:
            CommandStack(project).push(EditAsset(asset.uuid, {"phone": phone}))
    return asset


def test_a_conflict_stops_the_merge_and_nothing_changes(office, field_copy, conflicting):
    before = live_assets(office)
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
        assert [(c.uuid, c.field, c.mine, c.theirs) for c in plan.conflicts] == [
            (conflicting.uuid, "phone", "0161 000 1111", "0161 000 2222")
        ]
        with pytest.raises(BadInputError, match="1 conflict to resolve .*phone.*--prefer"):
            MergeCopy(plan)
    assert live_assets(office) == before


@pytest.mark.parametrize(
    ("prefer", "phone"), [("mine", "0161 000 1111"), ("theirs", "0161 000 2222")]
)
def test_a_conflict_is_resolved_each_way(office, field_copy, conflicting, prefer, phone):
    report, _ = merge(office, field_copy, prefer=prefer)
    assert live_assets(office)[conflicting.uuid][3] == phone
    word = "kept mine" if prefer == "mine" else "took theirs"
    assert any(f"{word} (--prefer {prefer})" in line for line in report)


def test_a_conflict_resolved_one_field_at_a_time(office, field_copy, conflicting):
    merge(office, field_copy, resolutions={(conflicting.uuid, "phone"): "0161 000 3333"})
    assert live_assets(office)[conflicting.uuid][3] == "0161 000 3333"


@pytest.mark.parametrize(
    ("resolution", "phone"),
    [("mine", "0161 000 1111"), ("theirs", "0161 000 2222"), ("0161 000 3333", "0161 000 3333")],
)
def test_a_resolved_conflict_is_not_asked_again_when_merging_back(
    office, field_copy, conflicting, resolution, phone
):
    """The office settled it; the field copy, merging the office back, takes the settled
    value without a second conflict, and both copies then agree and have nothing to bring."""
    merge(office, field_copy, resolutions={(conflicting.uuid, "phone"): resolution})
    with Project.open(field_copy) as project:
        plan = plan_merge(project, office)
        assert plan.conflicts == []
        assert plan.divergence.how == "their last merge"
    merge(field_copy, office)
    assert live_assets(field_copy)[conflicting.uuid][3] == phone
    assert live_assets(field_copy) == live_assets(office)
    for into, other in ((office, field_copy), (field_copy, office)):
        with Project.open(into) as project:
            assert plan_merge(project, other).is_empty


def test_an_edit_made_after_merging_back_is_taken_without_a_conflict(
    office, field_copy, conflicting
):
    merge(office, field_copy, prefer="mine")
    with Project.open(field_copy) as project:
        CommandStack(project).push(EditAsset(conflicting.uuid, {"phone": "0161 000 5555"}))
    with Project.open(field_copy) as project:
        plan = plan_merge(project, office)
        assert plan.conflicts == [] and plan.updates == []  # the field's newer edit stays
    with Project.open(office) as project:
        plan = plan_merge(project, field_copy)
        assert [(u.field, u.theirs) for u in plan.updates] == [("phone", "0161 000 5555")]
        assert plan.conflicts == []


def test_an_edit_here_to_an_asset_deleted_there_is_a_conflict(office, field_copy):
    (asset,) = pick(office, 1)
    with Project.open(field_copy) as project:
        CommandStack(project).push(DeleteAsset(asset.uuid))
    with Project.open(office) as project:
        CommandStack(project).push(EditAsset(asset.uuid, {"phone": "0161 000 4444"}))
        plan = plan_merge(project, field_copy)
    assert [(c.field, c.mine, c.theirs) for c in plan.conflicts] == [("deleted", False, True)]


def test_assets_left_out_of_a_field_copy_are_not_deletions(office, tmp_path):
    with Project.open(office) as project:
        (asset,) = pick(office, 1)
        CommandStack(project).push(EditAsset(asset.uuid, {"personal_data": True}))
        small = copies.save_copy(project, tmp_path / "small.gpkg", label="x", personal_data=False)
    with Project.open(small.path) as project:
        assert assets.find(project, asset.uuid) is None
    with Project.open(office) as project:
        CommandStack(project).push(EditAsset(asset.uuid, {"phone": "0161 000 5555"}))
        plan = plan_merge(project, small.path)
    assert plan.is_empty


def test_an_unrelated_project_is_refused(office, tmp_path):
    other = tmp_path / "rutland.gpkg"
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", other)
    with (
        Project.open(office) as project,
        pytest.raises(BadInputError, match="rutland.gpkg.*different project.*demo.gpkg"),
    ):
        plan_merge(project, other)


def test_the_other_copy_is_never_written(office, field_copy, edited_apart):
    before = field_copy.read_bytes()
    beside = sorted(p.name for p in field_copy.parent.iterdir())
    merge(office, field_copy)
    assert field_copy.read_bytes() == before
    assert sorted(p.name for p in field_copy.parent.iterdir()) == beside


def test_copies_made_by_copying_the_file_are_told_apart(office, tmp_path):
    """Two workers given the file itself (one copy id for all three): each merge finds where
    that copy parted from this one, and the second does not start from the first's record."""
    Project.open(office).close()
    first, second = tmp_path / "ann.gpkg", tmp_path / "bo.gpkg"
    shutil.copy(office, first)
    shutil.copy(office, second)
    a, b = pick(office, 2)
    for path, asset, phone in ((first, a, "0161 000 6666"), (second, b, "0161 000 7777")):
        with Project.open(path) as project:
            CommandStack(project).push(EditAsset(asset.uuid, {"phone": phone}))
    merge(office, first)
    merge(office, second)
    merged = live_assets(office)
    assert (merged[a.uuid][3], merged[b.uuid][3]) == ("0161 000 6666", "0161 000 7777")
    for path in (first, second):
        with Project.open(office) as project:
            assert plan_merge(project, path).is_empty


def test_area_sets_and_indicators_added_at_the_office_reach_the_field_copy(
    office, field_copy, trafford
):
    """After handing out the copy the office imports the 2017 wards with their IMD 2019
    score, and joins the 2021 census head count to the LSOAs; the field copy merges them in,
    and undo takes them out again."""
    from assetmap.core import areas
    from assetmap.core.imports import import_areas, join_indicators
    from assetmap.core.io.area_import import AreaImportOptions
    from assetmap.core.io.indicator_import import IndicatorOptions

    with Project.open(office) as project:
        lsoa = areas.list_sets(project)[0].name
        import_areas(
            project,
            trafford / "boundaries" / "trafford_ward2017_generalised.geojson",
            AreaImportOptions("Wards (2017)"),
        )
        join_indicators(
            project,
            trafford / "deprivation" / "trafford_ward2017_imd2019_score.csv",
            IndicatorOptions("Wards (2017)", "area_code", ["value:imd2019_score"]),
        )
        join_indicators(
            project,
            trafford / "population" / "trafford_census2021_pop_by_sex_lsoa21.csv",
            IndicatorOptions(
                lsoa, "area_code", ["value:census_persons"], ["indicator=All persons"]
            ),
        )
        wards = areas.frame(project, "Wards (2017)")
        census = areas.frame(project, lsoa).set_index("code")["census_persons"]
    with Project.open(field_copy) as project:
        stack = CommandStack(project)
        stack.push(MergeCopy(plan_merge(project, office)))
        merged = areas.frame(project, "Wards (2017)")
        assert len(merged) == len(wards) == 21
        assert merged.set_index("code")["imd2019_score"].to_dict() == (
            wards.set_index("code")["imd2019_score"].to_dict()
        )
        assert [i.column for i in areas.indicators(project, "Wards (2017)")] == ["imd2019_score"]
        here = areas.frame(project, lsoa).set_index("code")["census_persons"]
        assert here.to_dict() == census.to_dict() and here.sum() > 200_000
        stack.undo()
        assert "Wards (2017)" not in {s.name for s in areas.list_sets(project)}
        assert "census_persons" not in areas.frame(project, lsoa).columns


def test_a_copy_of_a_much_older_schema_is_upgraded_first_and_never_written(tmp_path):
    """A copy of the Trafford demo saved by assetmap's schema 7 (before the change feed and
    before project ids): upgraded in a temporary copy, it is recognised as the same project
    (its id comes from when the project was made) and brings nothing that undoes work here."""
    old = tmp_path / "old.gpkg"
    here = tmp_path / "here.gpkg"
    shutil.copy(REPO / "tests" / "data" / "trafford_schema_v7.gpkg", old)
    shutil.copy(old, here)
    before = old.read_bytes()
    (asset,) = pick(here, 1)
    with Project.open(here) as project:
        CommandStack(project).push(EditAsset(asset.uuid, {"phone": "0161 000 8888"}))
        plan = plan_merge(project, old)
    assert plan.is_empty, plan.report_lines()
    assert old.read_bytes() == before


def test_redo_of_a_merge_makes_it_again(office, field_copy, edited_apart):
    twin = office.with_name("twin.gpkg")
    shutil.copy(office, twin)
    merge(twin, field_copy)
    expected = live_assets(twin), photos(twin), labels(twin)
    with Project.open(office) as project:
        stack = CommandStack(project)
        stack.push(MergeCopy(plan_merge(project, field_copy)))
        stack.undo()
        stack.redo()
        assert plan_merge(project, field_copy).is_empty
    assert (live_assets(office), photos(office), labels(office)) == expected
