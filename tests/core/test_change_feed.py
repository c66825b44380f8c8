"""The change feed: every committed change has a sequence number and enough to replay it
(asset uuid, fields and point before and after, who, where it came from)."""

from __future__ import annotations

import csv
import shutil
import sqlite3

import pytest
import shapely

from assetmap.core import assets, feed
from assetmap.core.changelog import Origin
from assetmap.core.commands import (
    AddAsset,
    AddAttachment,
    CommandStack,
    DeleteAsset,
    EditAsset,
    EditCategory,
    MergeCategories,
    MoveAsset,
)
from assetmap.core.imports import import_areas, import_assets, join_indicators
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project

STRETFORD = (379_480.0, 396_110.0)
SALE = (377_200.0, 391_800.0)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


def lunch_club() -> Asset:
    return Asset(
        uuid=new_uuid(),
        name="Tuesday lunch club",
        category="community_centres",
        audience=("older people", "carers"),
        x=STRETFORD[0],
        y=STRETFORD[1],
    )


def new_changes(project, since):
    return feed.changes_since(project, since)


def xy(geometry):
    return None if geometry is None else (geometry.x, geometry.y)


def test_each_asset_command_logs_its_asset_fields_and_point_before_and_after(demo):
    stack = CommandStack(demo)
    start = feed.latest_seq(demo)
    club = lunch_club()

    stack.push(AddAsset(club))
    (added,) = new_changes(demo, start)
    assert (added.uuid, added.action, added.command, added.kind) == (
        club.uuid,
        "do",
        "add_asset",
        "added",
    )
    assert added.fields_before is None and added.fields_after["name"] == "Tuesday lunch club"
    assert added.fields_after["audience"] == ["older people", "carers"]
    assert added.shape_before() is None and xy(added.shape_after()) == STRETFORD
    assert added.who == demo.author and added.origin == Origin("desk", by=demo.author)

    stack.push(EditAsset(club.uuid, {"name": "Lunch club"}))
    stack.push(MoveAsset(club.uuid, *SALE))
    stack.push(DeleteAsset(club.uuid))
    edited, moved, deleted = new_changes(demo, added.seq)
    assert (edited.fields_before, edited.fields_after) == (
        {"name": "Tuesday lunch club"},
        {"name": "Lunch club"},
    )
    assert xy(edited.shape_before()) == xy(edited.shape_after()) == STRETFORD
    assert xy(moved.shape_before()) == STRETFORD and xy(moved.shape_after()) == SALE
    assert moved.kind == "changed" and deleted.kind == "removed"
    assert xy(deleted.shape_after()) == SALE  # a tombstone keeps its point


def test_undo_and_redo_log_new_rows_and_sequence_numbers_only_grow(demo):
    stack = CommandStack(demo)
    club = lunch_club()
    stack.push(AddAsset(club))
    stack.push(MoveAsset(club.uuid, *SALE))
    done = feed.latest_seq(demo)

    stack.undo()
    stack.undo()
    stack.redo()
    undone_move, undone_add, redone_add = new_changes(demo, done)
    assert [c.action for c in (undone_move, undone_add, redone_add)] == ["undo", "undo", "redo"]
    assert xy(undone_move.shape_before()) == SALE and xy(undone_move.shape_after()) == STRETFORD
    assert undone_add.kind == "removed" and undone_add.fields_before["name"] == club.name
    assert undone_add.shape_after() is None
    assert redone_add.kind == "added" and xy(redone_add.shape_after()) == STRETFORD

    seqs = [c.seq for c in feed.changes_since(demo, 0)]
    assert seqs == sorted(set(seqs)) and seqs[-1] == feed.latest_seq(demo)


def test_a_photo_change_names_its_asset(demo):
    stack = CommandStack(demo)
    club = lunch_club()
    stack.push(AddAsset(club))
    since = feed.latest_seq(demo)
    stack.push(AddAttachment(club.uuid, "front door.png", PNG))
    (photo,) = new_changes(demo, since)
    assert photo.uuid == club.uuid and photo.target.startswith("attachment:")
    assert photo.fields_after["file_name"] == "front door.png"


def test_merging_categories_logs_each_moved_asset(demo):
    stack = CommandStack(demo)
    centres = [
        u
        for u, c in demo.conn.execute("SELECT uuid, category FROM assets")
        if c == "childrens_centres"
    ]
    assert len(centres) == 2
    since = feed.latest_seq(demo)
    stack.push(MergeCategories("childrens_centres", "schools"))
    moved = {c.uuid: c for c in new_changes(demo, since) if c.uuid is not None}
    assert set(moved) == set(centres)
    one = moved[centres[0]]
    assert (one.fields_before, one.fields_after) == (
        {"category": "childrens_centres"},
        {"category": "schools"},
    )
    stored = assets.get(demo, centres[0])
    assert xy(one.shape_after()) == (stored.x, stored.y)


def test_marking_a_category_personal_logs_each_flagged_asset(demo):
    stack = CommandStack(demo)
    since = feed.latest_seq(demo)
    stack.push(EditCategory("food_banks", {"personal_data": True}))
    flagged = [c for c in new_changes(demo, since) if c.uuid is not None]
    assert flagged and all(
        (c.fields_before, c.fields_after) == ({"personal_data": False}, {"personal_data": True})
        for c in flagged
    )


def test_an_import_logs_one_row_per_asset_with_its_point_and_file_row(demo, trafford):
    hubs = trafford / "assets" / "trafford_community_hubs.csv"
    stack = CommandStack(demo)
    since = feed.latest_seq(demo)
    report = import_assets(
        demo,
        hubs,
        AssetImportOptions(
            category="community_centres",
            name_field="community_hub",
            lon_field="lon",
            lat_field="lat",
        ),
        stack=stack,
    )
    rows = [c for c in new_changes(demo, since) if c.uuid is not None]
    assert len(rows) == report.imported == 6
    with hubs.open(encoding="utf-8") as fh:
        names = {n: row["community_hub"] for n, row in enumerate(csv.DictReader(fh), start=2)}
    for change in rows:
        stored = assets.get(demo, change.uuid)
        assert change.kind == "added" and change.action == "do"
        assert change.origin == Origin("import", file=hubs.name, row=change.origin.row)
        assert names[change.origin.row] == change.fields_after["name"] == stored.name
        assert change.fields_after["postcode"] == stored.postcode
        assert change.fields_after["category"] == "community_centres"
        assert xy(change.shape_after()) == pytest.approx((stored.x, stored.y))

    imported = {c.uuid for c in rows}
    stack.undo()
    removals = [c for c in new_changes(demo, rows[-1].seq) if c.uuid is not None]
    assert {c.uuid for c in removals} == imported
    assert all(c.kind == "removed" and c.action == "undo" for c in removals)
    assert all(c.fields_before["name"] and c.shape_before() is not None for c in removals)
    assert min(c.seq for c in removals) > max(c.seq for c in rows)

    stack.redo()
    redone = [c for c in new_changes(demo, removals[-1].seq) if c.uuid is not None]
    assert {c.uuid for c in redone} == imported and {c.action for c in redone} == {"redo"}


def test_an_import_of_sites_logs_each_outline_and_its_undo_logs_it_gone(project, trafford):
    demo = project
    hospitals = trafford / "assets" / "trafford_hospitals.geojson"
    stack = CommandStack(demo)
    since = feed.latest_seq(demo)
    import_assets(demo, hospitals, AssetImportOptions(category="nhs_hospitals"), stack=stack)
    sites = [c for c in new_changes(demo, since) if c.target.startswith("footprint:")]
    assert len(sites) == 20
    for change in sites:
        stored = assets.footprint(demo, change.uuid)
        assert change.shape_before() is None
        assert change.shape_after().equals(stored)
        assert change.origin.kind == "import" and change.origin.file == hospitals.name

    stack.undo()
    gone = [c for c in new_changes(demo, sites[-1].seq) if c.target.startswith("footprint:")]
    assert {c.uuid for c in gone} == {c.uuid for c in sites}
    assert all(c.shape_after() is None and c.shape_before().area > 0 for c in gone)
    assert all(assets.footprint(demo, c.uuid) is None for c in gone)


def test_importing_sites_again_logs_a_changed_outline_before_and_after(demo, trafford):
    hospitals = trafford / "assets" / "trafford_hospitals.geojson"
    stack = CommandStack(demo)
    since = feed.latest_seq(demo)
    report = import_assets(
        demo, hospitals, AssetImportOptions(category="nhs_hospitals"), stack=stack
    )
    sites = [c for c in new_changes(demo, since) if c.target.startswith("footprint:")]
    replaced = [c for c in sites if c.shape_before() is not None]
    assert report.updated == len(replaced) == 1 and len(sites) == report.imported == 20
    for change in sites:
        assert change.shape_after().equals(assets.footprint(demo, change.uuid))

    stack.undo()
    back = [c for c in new_changes(demo, sites[-1].seq) if c.target.startswith("footprint:")]
    assert len(back) == 20 and {c.uuid for c in back} == {c.uuid for c in sites}
    put_back = [c for c in back if c.shape_after() is not None]
    assert [c.uuid for c in put_back] == [c.uuid for c in replaced]
    assert put_back[0].shape_after().equals(replaced[0].shape_before())


def test_area_and_indicator_imports_are_one_row_each_saying_what_changed(project, trafford):
    since = feed.latest_seq(project)
    import_areas(
        project,
        trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        AreaImportOptions("LSOA 2021"),
    )
    join_indicators(
        project,
        trafford / "population" / "trafford_pop_mid2024_lsoa21.csv",
        IndicatorOptions("LSOA 2021", "area_code", ["all_ages:population"], ["sex=Persons"]),
    )
    areas_row, indicators_row = new_changes(project, since)
    assert areas_row.target == "area_set:LSOA 2021" and areas_row.kind == "added"
    assert areas_row.fields_after["areas"] == 139
    assert areas_row.fields_after["file"] == "trafford_lsoa2021_generalised.geojson"
    assert indicators_row.kind == "changed"
    assert indicators_row.fields_before["columns"] == []
    assert indicators_row.fields_after["columns"] == ["population"]
    assert indicators_row.fields_after["file"] == "trafford_pop_mid2024_lsoa21.csv"


def test_an_origin_given_with_the_edit_is_kept_for_its_undo_and_redo(demo):
    stack = CommandStack(demo)
    workshop = Origin("workshop", by="Amina", session="Sale West, 3 March")
    club = lunch_club()
    since = feed.latest_seq(demo)
    stack.push(AddAsset(club), origin=workshop)
    stack.undo()
    stack.redo()
    assert [c.origin for c in new_changes(demo, since)] == [workshop] * 3


def test_changes_since_the_latest_is_empty_and_limit_takes_the_oldest(demo):
    stack = CommandStack(demo)
    assert feed.changes_since(demo, feed.latest_seq(demo)) == []
    since = feed.latest_seq(demo)
    for name in ("One", "Two", "Three"):
        stack.push(AddAsset(lunch_club().with_changes(name=name)))
    first_two = feed.changes_since(demo, since, limit=2)
    assert [c.fields_after["name"] for c in first_two] == ["One", "Two"]


@pytest.fixture
def schema_7_project(tmp_path, repo_root):
    """A real old project (tests/data, written by schema 1) brought to schema 7, with a
    change log as schema 7 wrote it: whole-asset snapshots with x/y, a move, an import
    counted as one row, and an indicator join with nothing before."""
    from assetmap import __version__
    from assetmap.core import schema

    path = tmp_path / "old.gpkg"
    shutil.copy(repo_root / "tests" / "data" / "project_schema_v1.gpkg", path)
    conn = sqlite3.connect(path, isolation_level=None)
    srs_id = int(conn.execute("SELECT value FROM am_settings WHERE key = 'srs_id'").fetchone()[0])
    conn.execute("BEGIN")
    schema.migrate(conn, srs_id, __version__, target=7)
    library = conn.execute("SELECT uuid FROM assets ORDER BY fid LIMIT 1").fetchone()[0]
    conn.executemany(
        "INSERT INTO am_change_log (at, who, action, command, description, target, before, "
        "after) VALUES ('2025-01-01T00:00:00Z', 'Jo', ?, ?, ?, ?, ?, ?)",
        [
            ("do", "import_assets", "Import 13 assets", "import:b1", None,
             '{"assets": 13, "file": "trafford_libraries.geojson"}'),
            ("do", "join_indicators", "Join", "area_set:Wards", None, '{"columns": ["pop"]}'),
            ("do", "add_asset", "Add asset", "asset:abc", None,
             '{"name": "Lunch club", "x": 5.0, "y": 6.0}'),
            ("do", "move_asset", "Move", f"asset:{library}", '{"x": 1.0, "y": 2.0}',
             '{"x": 3.0, "y": 4.0}'),
        ],
    )  # fmt: skip
    conn.execute("COMMIT")
    conn.close()
    return path, library


def test_migration_8_gives_an_old_project_the_feed_columns(schema_7_project):
    path, library = schema_7_project
    with Project.open(path) as project:
        assert project.schema_version() >= 8
        imported, joined, added, moved = feed.changes_since(project, 0)  # nothing lost
        assert imported.origin == Origin("import", file="trafford_libraries.geojson")
        assert joined.kind == "changed" and joined.fields_before == {"columns": []}
        assert added.uuid == "abc" and added.origin == Origin("desk", by="Jo")
        assert added.shape_before() is None and xy(added.shape_after()) == (5.0, 6.0)
        assert moved.uuid == library and moved.kind == "changed"
        assert xy(moved.shape_before()) == (1.0, 2.0) and xy(moved.shape_after()) == (3.0, 4.0)
        indexes = {r[1] for r in project.conn.execute("PRAGMA index_list(am_change_log)")}
        assert "am_change_log_uuid" in indexes

        CommandStack(project).push(EditAsset(library, {"name": "Renamed library"}))
        (edited,) = feed.changes_since(project, moved.seq)
        assert edited.seq == moved.seq + 1 and edited.uuid == library
        assert isinstance(edited.shape_after(), shapely.Point)
