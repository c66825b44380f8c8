"""Importing another project's assets as new ones (``merge.unrelated``), on real data: the
Rutland demo brought into a copy of the Trafford demo (counts, categories matched by key, by
label or added, photos and outlines along, one undo, a second run adding nothing), and two
projects built from overlapping Trafford source files, whose shared assets are listed as
likely duplicates."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from assetmap.core import assets, attachments, categories, changelog
from assetmap.core.commands import AddAttachment, CommandStack, EditAsset
from assetmap.core.commands.assets import DeleteAsset
from assetmap.core.commands.categories import AddCategory
from assetmap.core.copies import save_copy
from assetmap.core.errors import BadInputError
from assetmap.core.feed import changes_since
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.merge import MergeCopy, base
from assetmap.core.merge.unrelated import (
    ANOTHER_PROJECT,
    duplicates_if_imported,
    imported_duplicates,
    plan_unrelated,
)
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category

REPO = Path(__file__).resolve().parents[3]
PHOTO = REPO / "tests" / "data" / "camera_photo.jpg"
ASSETS = REPO / "sample_data" / "sources" / "trafford" / "assets"


def live(project: Project) -> int:
    return int(project.conn.execute("SELECT count(*) FROM assets WHERE deleted = 0").fetchone()[0])


def category(key: str, label: str) -> Category:
    return Category(key, label, "Other", "#888888", "circle", sort_order=100)


@pytest.fixture
def rutland(tmp_path: Path) -> Path:
    """The Rutland demo with two categories of its own: 'warm spaces' (which Trafford calls
    'Warm Spaces', under another key) on two village halls, and 'Village shops' on one
    asset; a photo on one hall; one asset deleted (a tombstone, not imported)."""
    path = tmp_path / "rutland.gpkg"
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", path)
    with Project.open(path) as project:
        stack = CommandStack(project)
        halls = project.conn.execute(
            "SELECT uuid FROM assets WHERE name LIKE '%Village Hall' ORDER BY name LIMIT 3"
        ).fetchall()
        stack.push(AddCategory(category("warm_spaces", "warm spaces")))
        stack.push(AddCategory(category("village_shops", "Village shops")))
        stack.push(AddCategory(category("unused_here", "Never used")))
        stack.push(EditAsset(halls[0][0], {"category": "warm_spaces"}))
        stack.push(EditAsset(halls[1][0], {"category": "warm_spaces"}))
        stack.push(EditAsset(halls[2][0], {"category": "village_shops"}))
        stack.push(AddAttachment(halls[0][0], "hall.jpg", PHOTO.read_bytes()))
        gone = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 ORDER BY name DESC LIMIT 1"
        ).fetchone()[0]
        stack.push(DeleteAsset(gone))
    return path


@pytest.fixture
def trafford(demo_copy: Path) -> Path:
    with Project.open(demo_copy) as project:
        CommandStack(project).push(AddCategory(category("warm_hubs", "Warm Spaces")))
    return demo_copy


def test_the_rutland_demo_comes_into_trafford_as_new_assets_and_one_undo_takes_it_out(
    trafford, rutland
):
    with Project.open(rutland) as other:
        theirs = {
            r[0]: r[1:]
            for r in other.conn.execute(
                "SELECT uuid, name, category, geom FROM assets WHERE deleted = 0"
            )
        }
        outlined = {r[0] for r in other.conn.execute("SELECT asset_uuid FROM asset_footprints")}
    with Project.open(trafford) as project:
        before_count = live(project)
        before_labels = {c.key: c.label for c in categories.all_categories(project)}
        seq = changelog.latest_seq(project)
        plan = plan_unrelated(project, rutland)
        assert changelog.latest_seq(project) == seq  # planning writes nothing
        assert plan.divergence.how == ANOTHER_PROJECT
        assert not plan.updates and not plan.conflicts
        assert {a.uuid for a in plan.added} == set(theirs)
        # matched by key (the shared taxonomy), by label ('warm spaces' is 'Warm Spaces'
        # here), or added; a category no imported asset uses is not brought in
        assert [c.key for c in plan.categories] == ["village_shops"]
        text = "\n".join(plan.report_lines())
        assert "Importing the assets of rutland.gpkg (another project" in text
        assert f"Added: {len(theirs)} assets" in text
        assert "warm_spaces there is warm_hubs here" in text

        stack = CommandStack(project)
        stack.push(MergeCopy(plan))
        assert stack.undo_text == "Import the assets of rutland.gpkg"
        assert live(project) == before_count + len(theirs)
        for uuid, (name, key, geom) in theirs.items():
            here = assets.get(project, uuid)
            assert here.name == name and assets.point_blob(project, uuid) == geom
            expected = {"warm_spaces": "warm_hubs"}.get(key, key)
            assert here.category == expected
            assert here.origin_text() == "Imported from rutland.gpkg"
        assert categories.get(project, "village_shops").label == "Village shops"
        assert "unused_here" not in categories.by_key(project)
        warm = [u for u, (_, key, _) in theirs.items() if key == "warm_spaces"]
        photos = [attachments.list_for(project, u) for u in warm]
        assert sorted(p.file_name for found in photos for p in found) == ["hall.jpg"]
        footprints = {r[0] for r in project.conn.execute("SELECT asset_uuid FROM asset_footprints")}
        assert outlined and outlined & set(theirs) <= footprints
        # one entry in the feed: every row is the import's, naming the file it came from
        rows = changes_since(project, seq)
        assert {r.origin.kind for r in rows} == {"merge"}
        assert {r.origin.file for r in rows} == {"rutland.gpkg"}
        assert len({(r.at, r.command) for r in rows}) == 1
        # recorded in am_merges like a merge: harmless, as merging that project is refused
        # before the record is read; undo takes the record out again
        assert base.read_record(project.conn, plan.other.copy_id) is not None

        stack.undo()
        assert live(project) == before_count
        assert {c.key: c.label for c in categories.all_categories(project)} == before_labels
        assert all(assets.find(project, u) is None for u in theirs)
        assert base.read_record(project.conn, plan.other.copy_id) is None


def test_a_second_import_of_the_same_project_adds_nothing(trafford, rutland):
    """Decided: an asset whose uuid is already here is the same asset (brought by the first
    run), so it is neither added again nor overwritten; one deleted here stays deleted."""
    with Project.open(trafford) as project:
        stack = CommandStack(project)
        first = plan_unrelated(project, rutland)
        stack.push(MergeCopy(first))
        stack.push(DeleteAsset(first.added[0].uuid))
        stack.push(EditAsset(first.added[1].uuid, {"name": "Renamed here"}))
        again = plan_unrelated(project, rutland)
        assert again.is_empty
        assert again.already_here == len(first.added)
        text = "\n".join(again.report_lines())
        assert "Nothing to import: every asset of rutland.gpkg is already here." in text
        assert f"Already here, not brought in again: {len(first.added)} assets" in text
        assert assets.get(project, first.added[0].uuid).deleted
        assert assets.get(project, first.added[1].uuid).name == "Renamed here"


def test_a_copy_of_this_project_or_the_project_itself_is_not_imported(trafford, tmp_path):
    with Project.open(trafford) as project:
        copy = save_copy(project, tmp_path / "field.gpkg", label="Walk").path
        with pytest.raises(BadInputError, match="is a copy of this project"):
            plan_unrelated(project, copy)
        with pytest.raises(BadInputError, match="is the project itself"):
            plan_unrelated(project, trafford)


def build(path: Path, *files: tuple[str, str]) -> Path:
    """A new project made by importing Trafford source files, as a council officer would."""
    with Project.create(path, name=path.stem) as project:
        for name, key in files:
            import_assets(project, ASSETS / name, AssetImportOptions(category=key))
    return path


def test_two_projects_built_from_overlapping_files_show_their_shared_assets_as_duplicates(
    tmp_path,
):
    """The surgeries team built its map from the GP list and the libraries; the pharmacy
    team from the GP list and the pharmacies. Both hold the 26 practices of the GP list, so
    importing one into the other makes 26 pairs of the same name at the same point. Pairs
    within one side (none in the surgeries map) are not the import's doing and not listed.
    Besides the twins, a pharmacy at a surgery pairs with it by postcode and name (Allied
    Pharmacy Davyhulme Medical Centre, at Davyhulme Medical Centre: two services, which a
    person marks as not duplicates, as in tests/core/test_duplicates.py)."""
    surgeries = build(
        tmp_path / "surgeries.gpkg",
        ("trafford_general_practices.geojson", "gp_primary_care"),
        ("trafford_libraries.geojson", "libraries"),
    )
    pharmacies = build(
        tmp_path / "pharmacies.gpkg",
        ("trafford_general_practices.geojson", "gp_primary_care"),
        ("trafford_pharmacies.geojson", "gp_primary_care"),
    )
    with Project.open(surgeries) as project:
        mine = {r[0] for r in project.conn.execute("SELECT uuid FROM assets")}
        plan = plan_unrelated(project, pharmacies)
    before = hashlib.sha256(surgeries.read_bytes()).hexdigest()
    with Project.open(surgeries) as project:
        foreseen = duplicates_if_imported(project, plan)  # the preview: nothing kept
        assert live(project) == len(mine)
    assert hashlib.sha256(surgeries.read_bytes()).hexdigest() == before
    with Project.open(surgeries) as project:
        CommandStack(project).push(MergeCopy(plan))
        pairs = imported_duplicates(project, plan)
    assert pairs == foreseen
    brought = {a.uuid for a in plan.added}
    for pair in pairs:
        assert {pair.uuid_a in brought, pair.uuid_b in brought} == {True, False}
        assert {pair.uuid_a in mine, pair.uuid_b in mine} == {True, False}
    twins = [p for p in pairs if p.name_a == p.name_b]
    assert len(twins) == 26
    assert all(p.distance_m == 0 for p in twins)
    names = {frozenset({p.name_a, p.name_b}) for p in pairs}
    assert frozenset({"Davyhulme Medical Centre", "Allied Pharmacy Davyhulme Medical Centre"}) in (
        names
    )


def test_a_project_in_another_coordinate_system_is_refused(trafford, tmp_path):
    """Points are copied as stored: a project in the Irish Grid cannot be imported into one
    in the British National Grid without moving every asset to the wrong place."""
    irish = tmp_path / "belfast.gpkg"
    Project.create(irish, name="Belfast", crs="EPSG:29903").close()
    refused = pytest.raises(BadInputError, match="EPSG:29903, this project in EPSG:27700")
    with Project.open(trafford) as project, refused:
        plan_unrelated(project, irish)
