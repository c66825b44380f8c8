"""Text another program stored in the file with NUL characters (which PostgreSQL text cannot
hold) goes up without them, and is not sent again at every sync."""

from __future__ import annotations

from assetmap.core.project import Project
from assetmap.core.shared.sync import sync
from support.pg_server import PgServer
from support.sync_laptops import laptops, live_uuids


def test_nul_characters_are_dropped_once_and_not_sent_again(pg_db: PgServer, demo_copy) -> None:
    (a,) = laptops(pg_db, demo_copy, 1)
    (one,) = live_uuids(a, 1)
    with Project.open(a) as project:
        from assetmap.core.commands import CommandStack, EditAsset

        CommandStack(project).push(EditAsset(one, {"description": "Step-free\x00 access"}))
        assert sync(project).pushed == 1
        CommandStack(project).push(EditAsset(one, {"phone": "0161 444 4444"}))
        assert sync(project).pushed == 1
    sent = pg_db.psql(f"SELECT after FROM assetmap.am_feed WHERE uuid = '{one}' ORDER BY id")
    assert sent.splitlines()[-1] == '{"phone": "0161 444 4444"}'
    assert pg_db.psql(f"SELECT description FROM assetmap.assets WHERE uuid = '{one}'") == (
        "Step-free access"
    )
