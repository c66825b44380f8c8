"""A sync cut short (the process killed between the server's commit and the laptop's, the
connection dropped mid-way) leaves both sides consistent, and simply running it again
converges: no edit lost, none made twice."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.sync import KILL_HOOK, sync
from support.pg_server import PgServer
from support.sync_laptops import (
    edit,
    field_of,
    hand_copy,
    laptops,
    live_uuids,
    srs_of,
    state_of_file,
    state_of_server,
)

SRC = Path(__file__).resolve().parents[2] / "src"


def sync_in_a_process_killed_after_the_server_commit(path: Path) -> int:
    env = {**os.environ, KILL_HOOK: "after-server-commit", "PYTHONPATH": str(SRC)}
    script = (
        "import sys\n"
        "from assetmap.core.project import Project\n"
        "from assetmap.core.shared.sync import sync\n"
        "with Project.open(sys.argv[1]) as p:\n"
        "    sync(p)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], env=env,
                          capture_output=True, text=True)  # fmt: skip
    return done.returncode


def sync_file(path: Path, **options):
    with Project.open(path) as project:
        return sync(project, **options)


def test_killed_between_the_two_commits_a_rerun_converges(pg_db: PgServer, demo_copy) -> None:
    a, b = laptops(pg_db, demo_copy, 2)
    one, two = live_uuids(a, 2)
    edit(b, two, name="From B")
    sync_file(b)
    edit(a, one, name="From A")
    with Project.open(a) as project:
        before = remote.remotes(project)[0]

    assert sync_in_a_process_killed_after_the_server_commit(a) == -9
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{one}'") == "From A"
    with Project.open(a) as project:  # the laptop's half never committed
        assert remote.remotes(project)[0] == before
    assert field_of(a, two, "name") != "From B"

    again = sync_file(a)
    assert again.recovered and again.pushed == 0
    sync_file(b)
    assert field_of(a, two, "name") == "From B" and field_of(b, one, "name") == "From A"
    assert state_of_file(a) == state_of_file(b) == state_of_server(pg_db, srs_of(a))
    assert pg_db.psql(f"SELECT count(*) FROM assetmap.am_feed WHERE uuid = '{one}'") == "1"


def test_a_connection_cut_mid_way_changes_nothing_and_a_rerun_works(pg_db, demo_copy):
    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="From A")
    feed = pg_db.psql("SELECT count(*) FROM assetmap.am_feed")

    def cut_the_cable(_fraction: float, message: str) -> None:
        if message.startswith("Sending"):
            pg_db.psql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'assetmap'"
            )

    with Project.open(a) as project:
        seq = project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0]
        with pytest.raises(BadInputError, match="connection .* was lost while syncing"):
            sync(project, progress=cut_the_cable)
        assert project.conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0] == seq
        assert remote.remotes(project)[0].last_sync_at is None
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed") == feed
    sync_file(a)
    sync_file(b)
    assert field_of(b, one, "name") == "From A"


@pytest.mark.parametrize("twin_first", [False, True])
def test_a_file_copied_by_hand_does_not_swallow_the_others_edits(
    pg_db, demo_copy, twin_first
) -> None:
    from assetmap.core.copies import identity

    a, b = laptops(pg_db, demo_copy, 2)
    twin = hand_copy(a, "twin.gpkg")
    one, two = live_uuids(a, 2)
    edit(a, one, name="From A")
    edit(twin, two, name="From the twin")
    first, second = (twin, a) if twin_first else (a, twin)
    sync_file(first)
    result = sync_file(second)
    assert result.new_copy_id
    with Project.open(first) as kept, Project.open(second) as renewed:
        assert identity(kept).copy_id != identity(renewed).copy_id
        assert identity(renewed).copied_from == identity(kept).copy_id
    for path in (a, b, twin):
        sync_file(path)
    for path in (a, b, twin):
        assert (field_of(path, one, "name"), field_of(path, two, "name")) == (
            "From A",
            "From the twin",
        )


def test_laptops_syncing_at_once_lose_no_edit(pg_db: PgServer, demo_copy) -> None:
    paths = laptops(pg_db, demo_copy, 3)
    uuids = live_uuids(paths[0], 30)
    for i, path in enumerate(paths):
        for uuid in uuids[i * 10 : (i + 1) * 10]:
            edit(path, uuid, description=f"Checked by laptop {i + 1}")
    failures: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            sync_file(path)
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for path in paths:
        sync_file(path)
    states = [state_of_file(p) for p in paths]
    assert states[0] == states[1] == states[2] == state_of_server(pg_db, srs_of(paths[0]))
    for i in range(3):
        assert field_of(paths[(i + 1) % 3], uuids[i * 10], "description") == (
            f"Checked by laptop {i + 1}"
        )
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed WHERE command = 'sync'") == "30"


def test_an_edit_made_while_syncing_refuses_the_sync_on_both_sides(pg_db, demo_copy) -> None:
    from assetmap.core.commands import CommandStack, EditAsset
    from assetmap.core.errors import ConflictError

    a, b = laptops(pg_db, demo_copy, 2)
    one, two = live_uuids(a, 2)
    edit(a, one, name="From A")
    sync_file(a)
    edit(b, two, name="From B")
    feed = pg_db.psql("SELECT count(*) FROM assetmap.am_feed")
    with Project.open(b) as project:

        def edit_meanwhile(_fraction: float, message: str) -> None:
            if message.startswith("Saving the changes here"):
                CommandStack(project).push(EditAsset(two, {"phone": "0161 333 3333"}))

        with pytest.raises(ConflictError, match="changed since"):
            sync(project, progress=edit_meanwhile)
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed") == feed
    assert field_of(b, one, "name") != "From A"
    sync_file(b)
    sync_file(a)
    assert field_of(a, two, "phone") == "0161 333 3333" and field_of(b, one, "name") == "From A"


def test_a_map_published_by_an_older_assetmap_is_upgraded_by_its_first_sync(pg_db, demo_copy):
    a, b = laptops(pg_db, demo_copy, 2)
    pg_db.psql(
        "DROP TABLE assetmap.am_clients; ALTER TABLE assetmap.am_project DROP COLUMN "
        "include_personal; DELETE FROM assetmap.am_schema_version WHERE version = 2; "
        "DROP INDEX assetmap.am_feed_target"
    )
    (one,) = live_uuids(a, 1)
    edit(a, one, name="From A")
    sync_file(a)
    sync_file(b)
    assert field_of(b, one, "name") == "From A"
    assert pg_db.psql("SELECT max(version) FROM assetmap.am_schema_version") == "2"


def test_a_map_made_by_a_newer_assetmap_is_refused(pg_db: PgServer, demo_copy) -> None:
    (a,) = laptops(pg_db, demo_copy, 1)
    pg_db.psql("INSERT INTO assetmap.am_schema_version (version, description) VALUES (99, 'x')")
    with pytest.raises(BadInputError, match="made by a newer assetmap"):
        sync_file(a)


def test_cancel_changes_nothing_on_either_side(pg_db: PgServer, demo_copy) -> None:
    from assetmap.core.errors import Cancelled

    a, b = laptops(pg_db, demo_copy, 2)
    (one,) = live_uuids(a, 1)
    edit(a, one, name="From A")
    feed = pg_db.psql("SELECT count(*) FROM assetmap.am_feed")
    seen: list[str] = []
    with Project.open(a) as project:
        with pytest.raises(Cancelled):
            sync(project, progress=lambda _f, m: seen.append(m),
                 cancelled=lambda: any(m.startswith("Sending") for m in seen))  # fmt: skip
        assert remote.remotes(project)[0].last_sync_at is None
    assert pg_db.psql("SELECT count(*) FROM assetmap.am_feed") == feed
    sync_file(a)
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{one}'") == "From A"
