"""The roles SQL in docs/postgis.md does what the page says, on a real server: viewers read,
editors add and change but do not approve, reviewers approve."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest

from assetmap.core.project import Project
from assetmap.core.shared.publish import publish
from support.pg_server import PgServer

ROLES = ("ann", "bob", "cath", "assetmap_reviewer", "assetmap_editor", "assetmap_viewer")


def documented_roles_sql(repo_root) -> str:
    page = (repo_root / "docs" / "postgis.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)
    assert len(blocks) == 1, "docs/postgis.md should hold one sql block: the roles"
    return blocks[0]


@pytest.fixture
def documented_roles(pg_db: PgServer, demo_copy, repo_root) -> Iterator[PgServer]:
    with Project.open(demo_copy) as project:
        publish(project, pg_db.url())
    pg_db.psql(documented_roles_sql(repo_root))
    pg_db.psql("CREATE ROLE cath LOGIN IN ROLE assetmap_reviewer")
    yield pg_db
    # Roles belong to the whole server: take them back so later tests can make them again.
    pg_db.psql(f"DROP OWNED BY {', '.join(ROLES)}; DROP ROLE {', '.join(ROLES)}")


def refused(server: PgServer, sql: str, user: str) -> str:
    with pytest.raises(subprocess.CalledProcessError) as failed:
        server.psql(sql, user=user)
    return str(failed.value.stderr)


def test_a_viewer_reads_but_cannot_add(documented_roles: PgServer) -> None:
    db = documented_roles
    assert db.psql("SELECT count(*) FROM assetmap.assets_libraries", user="bob") != "0"
    assert "permission denied" in refused(
        db, "INSERT INTO assetmap.am_feed (at, who, action, command, description, project_id, "
        "copy_id) VALUES ('now', 'bob', 'add', 'x', 'x', 'p', 'c')", "bob",
    )  # fmt: skip
    assert "permission denied" in refused(db, "UPDATE assetmap.assets SET name = 'x'", "bob")


def test_an_editor_changes_assets_but_cannot_approve(documented_roles: PgServer) -> None:
    db = documented_roles
    uuid = db.psql("SELECT uuid FROM assetmap.assets LIMIT 1")
    db.psql(f"UPDATE assetmap.assets SET name = 'Renamed' WHERE uuid = '{uuid}'", user="ann")
    db.psql("INSERT INTO assetmap.am_feed (at, who, action, command, description, project_id, "
            "copy_id) VALUES ('now', 'ann', 'edit', 'x', 'x', 'p', 'c')", user="ann")  # fmt: skip
    assert "permission denied" in refused(
        db, f"UPDATE assetmap.assets SET review = 'rejected' WHERE uuid = '{uuid}'", "ann"
    )
    assert "permission denied" in refused(db, "DELETE FROM assetmap.assets", "ann")
    db.psql(f"UPDATE assetmap.assets SET review = 'rejected' WHERE uuid = '{uuid}'", user="cath")
    assert db.psql(f"SELECT name, review FROM assetmap.assets WHERE uuid = '{uuid}'") == (
        "Renamed|rejected"
    )
