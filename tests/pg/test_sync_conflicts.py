"""The same field changed on two laptops between syncs: the second to sync is stopped,
with nothing changed anywhere, until it says whose value to keep."""

from __future__ import annotations

import pytest

from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.errors import SyncConflictError
from assetmap.core.shared.sync import sync
from support.pg_server import PgServer
from support.sync_laptops import edit, field_of, laptops, live_uuids


def both_rename(pg_db: PgServer, demo_copy):
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="Named on A")
    edit(b, one, name="Named on B")
    with Project.open(a) as project:
        sync(project)
    return a, b, one


def server_name(pg_db: PgServer, uuid: str) -> str:
    return pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{uuid}'")


def test_a_conflict_stops_the_sync_and_changes_nothing(pg_db: PgServer, demo_copy) -> None:
    a, b, one = both_rename(pg_db, demo_copy)
    feed = pg_db.psql("SELECT count(*) FROM assetmap.am_feed")
    with Project.open(b) as project:
        seq = project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0]
        before = remote.remotes(project)[0]
        with pytest.raises(SyncConflictError, match="--prefer") as stopped:
            sync(project)
        assert project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0] == seq
        assert remote.remotes(project)[0] == before
    (conflict,) = stopped.value.conflicts
    assert (conflict.uuid, conflict.field) == (one, "name")
    assert (conflict.mine, conflict.theirs) == ("Named on B", "Named on A")
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed") == feed
    assert server_name(pg_db, one) == "Named on A"
    assert field_of(b, one, "name") == "Named on B"


def test_preferring_theirs_takes_the_servers_value(pg_db: PgServer, demo_copy) -> None:
    a, b, one = both_rename(pg_db, demo_copy)
    with Project.open(b) as project:
        sync(project, prefer="theirs")
    assert field_of(b, one, "name") == server_name(pg_db, one) == "Named on A"


def test_preferring_mine_sends_this_laptops_value_to_everyone(pg_db, demo_copy) -> None:
    a, b, one = both_rename(pg_db, demo_copy)
    with Project.open(b) as project:
        sync(project, prefer="mine")
    assert server_name(pg_db, one) == "Named on B"
    with Project.open(a) as project:
        sync(project)
    assert field_of(a, one, "name") == "Named on B"


def test_a_value_chosen_in_the_dialog_reaches_both_sides(pg_db, demo_copy) -> None:
    a, b, one = both_rename(pg_db, demo_copy)
    with Project.open(b) as project:
        sync(project, resolutions={(one, "name"): "Agreed name"})
    with Project.open(a) as project:
        sync(project)
    assert field_of(a, one, "name") == field_of(b, one, "name") == "Agreed name"
    assert server_name(pg_db, one) == "Agreed name"


def test_different_fields_of_one_asset_are_no_conflict(pg_db, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, phone="0161 111 1111")
    edit(b, one, website="https://example.org")
    for path in (a, b, a):
        with Project.open(path) as project:
            sync(project)
    for path in (a, b):
        assert (field_of(path, one, "phone"), field_of(path, one, "website")) == (
            "0161 111 1111",
            "https://example.org",
        )


def test_undoing_a_sync_is_a_change_that_goes_up(pg_db, demo_copy) -> None:
    from assetmap.core.commands import CommandStack

    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    original = field_of(a, one, "name")
    edit(a, one, name="Renamed on A")
    with Project.open(a) as project:
        sync(project)
    with Project.open(b) as project:
        stack = CommandStack(project)
        sync(project, stack=stack)
        assert (stack.undo_text or "").startswith("Sync with assetmap on ")
        assert field_of(b, one, "name") == "Renamed on A"
        stack.undo()
        sync(project)
        assert server_name(pg_db, one) == original
        stack.redo()  # and redoing it puts the server back as A left it
        sync(project)
    assert server_name(pg_db, one) == "Renamed on A"
    with Project.open(a) as project:
        sync(project)
    assert field_of(a, one, "name") == "Renamed on A"


def test_an_addition_undone_after_it_went_up_is_deleted_everywhere(pg_db, demo_copy) -> None:
    from assetmap.core.commands import AddAsset, CommandStack
    from assetmap.core.model import Asset, new_uuid

    a, b = laptops(pg_db, demo_copy, 2)
    stall = Asset(uuid=new_uuid(), name="Pop-up stall", category="libraries",
                  x=378_000.0, y=389_000.0)  # fmt: skip
    with Project.open(a) as project:
        stack = CommandStack(project)
        stack.push(AddAsset(stall))
        sync(project)
        stack.undo()
        sync(project)
        assert field_of(a, stall.uuid, "name") is None  # not brought back
    assert pg_db.psql(f"SELECT deleted FROM assetmap.assets WHERE uuid = '{stall.uuid}'") == "1"
    with Project.open(b) as project:
        sync(project)
    assert field_of(b, stall.uuid, "deleted") == 1


def test_a_window_syncs_on_a_workers_connection_and_records_the_undo_step(pg_db, demo_copy):
    from assetmap.core.commands import CommandStack

    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="From A")
    with Project.open(a) as project:
        sync(project)
    with Project.open(b) as window:
        stack = CommandStack(window)
        with Project.open(b) as worker:
            result = sync(worker, stack=stack)
        assert not stack.can_undo and result.command is not None
        stack.record(result.command)
        window.invalidate()
        stack.undo()
    assert field_of(b, one, "name") != "From A"
