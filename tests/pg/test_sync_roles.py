"""A viewer's laptop (a role that may only read) still pulls; its own changes stay on the
laptop, said so plainly, and go up at the first sync after it is made an editor. The roles
are made by the SQL docs/postgis.md gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assetmap.core.project import Project
from assetmap.core.shared import remote
from assetmap.core.shared.sync import sync
from support.pg_server import PgServer
from support.sync_laptops import edit, field_of, laptops, live_uuids

ROLES = ("ann", "bob", "assetmap_reviewer", "assetmap_editor", "assetmap_viewer")


@pytest.fixture
def three_laptops(pg_db: PgServer, demo_copy, repo_root) -> Iterator[list[Path]]:
    paths = laptops(pg_db, demo_copy, 2)
    page = (repo_root / "docs" / "postgis.md").read_text(encoding="utf-8")
    (roles_sql,) = re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)
    pg_db.psql(roles_sql)
    yield paths
    pg_db.psql(f"DROP OWNED BY {', '.join(ROLES)}; DROP ROLE {', '.join(ROLES)}")


def log_in_as(path: Path, pg_db: PgServer, user: str) -> None:
    with Project.open(path) as project, project.transaction() as conn:
        conn.execute("UPDATE am_remote SET target = ?", (pg_db.url(user=user),))


def test_a_viewer_pulls_and_its_edits_wait_for_editor_rights(pg_db, three_laptops) -> None:
    a, b = three_laptops
    log_in_as(b, pg_db, "bob")  # a viewer
    log_in_as(a, pg_db, "ann")  # an editor
    one, two = live_uuids(a, 2)
    edit(a, one, name="From the editor")
    with Project.open(a) as project:
        sync(project)
    edit(b, two, name="From the viewer")
    with Project.open(b) as project:
        pending = remote.remotes(project)[0].last_pushed_seq
        result = sync(project)
        after = remote.remotes(project)[0]
    assert result.push_skipped == (
        "bob can read the shared map but not change it: your 1 change stays on this laptop and "
        "goes up at the first sync after an editor role is granted (docs/postgis.md)"
    )
    assert field_of(b, one, "name") == "From the editor"  # pulled all the same
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{two}'") != (
        "From the viewer"
    )
    assert after.last_pushed_seq == pending and after.last_sync_at is not None

    pg_db.psql("GRANT assetmap_editor TO bob")
    with Project.open(b) as project:
        result = sync(project)
    assert result.push_skipped is None and result.pushed == 1
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{two}'") == (
        "From the viewer"
    )
    with Project.open(a) as project:
        sync(project)
    assert field_of(a, two, "name") == "From the viewer"


def test_an_editors_review_decision_stays_here_and_the_rest_goes_up(pg_db, three_laptops) -> None:
    from assetmap.core.commands import CommandStack
    from assetmap.core.commands.review import SetReview

    a, _ = three_laptops
    log_in_as(a, pg_db, "ann")  # an editor: may edit, not approve or reject
    one, two = live_uuids(a, 2)
    edit(a, two, name="Edited by the editor")
    with Project.open(a) as project:
        CommandStack(project).push(SetReview([one], "rejected"))
        result = sync(project)
    assert result.push_skipped is not None
    assert "review decisions on 1 asset" in result.push_skipped
    assert "ann may edit the shared map but not approve or reject" in result.push_skipped
    assert pg_db.psql(f"SELECT name FROM assetmap.assets WHERE uuid = '{two}'") == (
        "Edited by the editor"
    )
    assert pg_db.psql(f"SELECT review FROM assetmap.assets WHERE uuid = '{one}'") == "approved"
    assert field_of(a, one, "review") == "rejected"  # kept here
