"""Three laptops keeping one shared map: each edits offline and syncs; in the end every
laptop and the server hold the same values, and no edit is lost or made twice."""

from __future__ import annotations

import pytest

from assetmap.core.commands import AddAsset, CommandStack, MoveAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.sync import plan_sync, sync
from support.pg_server import PgServer
from support.sync_laptops import (
    edit,
    field_of,
    laptops,
    live_uuids,
    srs_of,
    state_of_file,
    state_of_server,
)


def sync_file(path, **options):
    with Project.open(path) as project:
        return sync(project, **options)


def test_three_laptops_edit_offline_and_sync_in_turns(pg_db: PgServer, demo_copy) -> None:
    a, b, c = laptops(pg_db, demo_copy)
    first, second, third = live_uuids(a, 3)
    edit(a, first, name="Altrincham Library (renovated)")
    edit(b, second, phone="0161 000 0000")
    edit(c, third, description="Moved upstairs")
    with Project.open(c) as project:
        CommandStack(project).push(MoveAsset(first, 377_000.0, 388_000.0))
        newcomer = Asset(uuid=new_uuid(), name="Tea dance", category="libraries",
                         x=378_000.0, y=389_000.0)  # fmt: skip
        CommandStack(project).push(AddAsset(newcomer))

    for path in (a, b, c, a, b):
        sync_file(path)

    states = [state_of_file(p) for p in (a, b, c)]
    assert states[0] == states[1] == states[2] == state_of_server(pg_db, srs_of(a))
    assert field_of(b, first, "name") == "Altrincham Library (renovated)"
    assert field_of(a, second, "phone") == "0161 000 0000"
    assert field_of(a, third, "description") == "Moved upstairs"
    assert field_of(b, newcomer.uuid, "name") == "Tea dance"
    assert states[1][first][-1] == (377_000.0, 388_000.0)
    feed = pg_db.psql("SELECT count(*) FROM assetmap.am_feed WHERE command = 'sync'")
    assert feed == "5"  # one row per change pushed, none twice


def test_sync_twice_changes_nothing_the_second_time(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="Renamed")
    sync_file(a)
    sync_file(b)
    rows = pg_db.psql("SELECT count(*) FROM assetmap.am_feed")
    with Project.open(b) as project:
        seq = project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0]
        again = sync(project)
        assert project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0] == seq
    assert (again.pushed, again.pulled) == (0, 0)
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed") == rows


def test_the_dry_run_says_what_would_go_each_way(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    one, two = live_uuids(a, 2)
    edit(a, one, name="Up from A")
    sync_file(a)
    edit(b, two, name="Up from B")
    with Project.open(b) as project:
        plan = plan_sync(project)
        assert [u.field for u in plan.pull.updates] == ["name"]
        assert [p.uuid for p in plan.push.assets] == [two]
        assert remote.remotes(project)[0].last_sync_at is None
    assert field_of(b, one, "name") != "Up from A"


def test_not_published_is_refused_clearly(project) -> None:
    from assetmap.core.errors import BadInputError

    with pytest.raises(BadInputError, match="not published: use assetmap publish"):
        sync(project)
