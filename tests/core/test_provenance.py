"""Every asset says where it came from and whether it is approved into the map, by whom, when."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assetmap.core import assets, backup, schema
from assetmap.core.analysis.inputs import choose_categories, counts_by_category
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack, EditAsset, SetReview
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project

VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
STRETFORD = (379_480.0, 396_110.0)


@pytest.fixture
def demo_v7(tmp_path, repo_root) -> Path:
    """The Trafford demo as shipped before schema 9 (tests/data keeps a copy)."""
    path = tmp_path / "trafford_v7.gpkg"
    shutil.copy(repo_root / "tests" / "data" / "trafford_schema_v7.gpkg", path)
    return path


def test_migration_9_gives_imported_assets_their_file_and_approves_verified_ones(demo_v7):
    conn = sqlite3.connect(demo_v7)
    assert conn.execute("SELECT max(version) FROM am_schema").fetchone()[0] == 7
    fids = dict(conn.execute("SELECT uuid, fid FROM assets").fetchall())
    conn.close()
    with Project.open(demo_v7) as project:
        assert project.schema_version() == schema.CURRENT_VERSION >= 9
        frame = assets.frame(project, include_deleted=True)
        assert len(frame) == len(fids) == 501
        assert dict(zip(frame["uuid"], frame["fid"], strict=True)) == fids  # fids kept
        assert set(frame["review"]) == {"approved"}
        assert set(frame["origin_kind"]) == {"import"}
        libraries = frame[frame["category"] == "libraries"]
        assert set(libraries["origin_ref"]) == {"trafford_libraries.geojson"}
        assert frame["reviewed_at"].notna().all()
        # A row written without a review state is approved, not 'verified'.
        with project.transaction():
            project.conn.execute(
                "INSERT INTO assets (uuid, name, category, created_at, updated_at) "
                "VALUES ('x', 'Plain insert', 'libraries', 'now', 'now')"
            )
        assert assets.get(project, "x").review == "approved"
        assert assets.get(project, "x").origin_kind == "desk"
    assert any("before-upgrade" in p.name for p in backup.list_backups(demo_v7))
    if VALIDATOR.exists():
        run = subprocess.run(
            [sys.executable, str(VALIDATOR), str(demo_v7)], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stdout + run.stderr


def _lunch_club(**changes) -> Asset:
    asset = Asset(new_uuid(), "Tuesday lunch club", "community_centres", x=STRETFORD[0],
                  y=STRETFORD[1])  # fmt: skip
    return asset.with_changes(**changes)


def test_an_asset_added_at_this_desk_names_its_author_and_is_approved(project):
    project.set_setting("author", "AB")
    stack = CommandStack(project)
    club = _lunch_club()
    stack.push(AddAsset(club))
    stored = assets.get(project, club.uuid)
    assert (stored.origin_kind, stored.origin_ref) == ("desk", "AB")
    assert (stored.review, stored.reviewed_by) == ("approved", "AB")
    assert stored.reviewed_at and stored.origin_text() == "Added here by AB"


def test_an_import_records_the_file_and_row_of_every_asset(project, trafford):
    project.set_setting("author", "Planner")
    food_banks = trafford / "assets" / "trafford_food_banks.geojson"
    import_assets(project, food_banks, AssetImportOptions())
    frame = assets.frame(project).sort_values("origin_row")
    assert set(frame["origin_ref"]) == {"trafford_food_banks.geojson"}
    assert frame["origin_row"].tolist() == list(range(1, 8))
    assert set(frame["reviewed_by"]) == {"Planner"} and set(frame["review"]) == {"approved"}
    first = assets.get(project, frame["uuid"].iloc[0])
    assert first.origin_text() == "Imported from trafford_food_banks.geojson, row 1"


def test_approve_and_reject_many_at_once_and_undo_restores_who_and_when(project):
    project.set_setting("author", "Facilitator")
    stack = CommandStack(project)
    pins = [_lunch_club(name=f"Pin {i}", review="pending") for i in range(3)]
    for pin in pins:
        stack.push(AddAsset(pin))
    assert assets.get(project, pins[0].uuid).reviewed_by is None  # nobody reviewed it yet
    uuids = tuple(p.uuid for p in pins)
    stack.push(SetReview(uuids[:2], "approved"))
    assert stack.undo_text == "Approve 2 assets"
    assert [assets.get(project, u).review for u in uuids] == ["approved", "approved", "pending"]
    assert assets.get(project, uuids[0]).reviewed_by == "Facilitator"
    stack.push(SetReview(uuids[2:], "rejected"))
    assert stack.undo_text == "Reject 'Pin 2'"
    stack.undo()
    stack.undo()
    for uuid in uuids:
        stored = assets.get(project, uuid)
        assert (stored.review, stored.reviewed_by, stored.reviewed_at) == ("pending", None, None)
    stack.redo()
    assert assets.get(project, uuids[1]).review == "approved"


def test_review_states_are_checked_and_an_edit_of_the_state_records_the_reviewer(project):
    stack = CommandStack(project)
    club = _lunch_club(review="pending")
    stack.push(AddAsset(club))
    with pytest.raises(BadInputError, match="approved, pending, rejected"):
        stack.push(SetReview((club.uuid,), "verified"))
    stack.push(EditAsset(club.uuid, {"review": "rejected"}))
    assert assets.get(project, club.uuid).reviewed_by == project.author


def test_analysis_counts_approved_assets_pending_when_asked_and_rejected_never(project):
    stack = CommandStack(project)
    for review in ("approved", "pending", "rejected"):
        stack.push(AddAsset(_lunch_club(review=review)))
    points = assets.points_xy(project)
    assert counts_by_category(points, include_pending=False) == {"community_centres": 1}
    assert counts_by_category(points, include_pending=True) == {"community_centres": 2}
    assert choose_categories(project, None).keys == ("community_centres",)


def test_runs_kept_with_the_old_name_of_the_pending_switch_still_read():
    old = '{"area_set": "A", "categories": ["x"], "include_unverified": true}'
    assert AnalysisParams.from_json(old).include_pending is True


def test_the_cli_takes_include_pending_and_still_its_old_name():
    from assetmap.cli import build_parser

    base = ["analyse", "p.gpkg", "--set", "S", "--out", "r.csv"]
    parser = build_parser()
    assert parser.parse_args([*base, "--include-pending"]).include_pending is True
    assert parser.parse_args([*base, "--include-unverified"]).include_pending is True
    assert parser.parse_args(base).include_pending is False
