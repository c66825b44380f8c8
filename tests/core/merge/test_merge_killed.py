"""A merge killed mid-way (SIGKILL of the child process running it, inside its open
transaction, after every asset was written) leaves the project as it was; merging again
afterwards makes the whole merge."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid as uuids

import pytest

from assetmap.core import copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.assets import AddAsset, DeleteAsset
from assetmap.core.merge import MergeCopy, plan_merge
from assetmap.core.model import Asset
from assetmap.core.project import Project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

# The last step before the merge's transaction commits is recording the merge: the child
# stops there, says so, and waits on its stdin until it is killed.
CHILD = textwrap.dedent(
    """
    import sys
    from assetmap.core.commands import CommandStack
    from assetmap.core.merge import MergeCopy, apply, plan_merge
    from assetmap.core.project import Project

    real = apply.MergeCopy._record

    def paused(self, *args, **kwargs):
        real(self, *args, **kwargs)
        print("INSIDE-TRANSACTION", flush=True)
        sys.stdin.readline()

    apply.MergeCopy._record = paused
    with Project.open(sys.argv[1]) as project:
        project.conn.execute("PRAGMA cache_size = -64")
        CommandStack(project).push(MergeCopy(plan_merge(project, sys.argv[2])))
    """
)


def state(path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            conn.execute("SELECT uuid, name, phone, deleted, geom FROM assets ORDER BY uuid")
            .fetchall(),
            conn.execute("SELECT max(id) FROM am_change_log").fetchone(),
            conn.execute("SELECT * FROM am_merges").fetchall(),
        )  # fmt: skip
    finally:
        conn.close()


def test_a_merge_killed_mid_way_leaves_the_project_as_it_was(demo_copy, tmp_path):
    with Project.open(demo_copy) as project:
        field = copies.save_copy(project, tmp_path / "field.gpkg", label="Walk").path
        rows = project.conn.execute(
            "SELECT uuid, category FROM assets WHERE deleted = 0 ORDER BY name LIMIT 40"
        ).fetchall()
    with Project.open(field) as project:
        stack = CommandStack(project)
        for n, (uuid, _) in enumerate(rows[:30]):
            stack.push(EditAsset(uuid, {"phone": f"0161 555 {n:04d}"}))
        for uuid, _ in rows[30:]:
            stack.push(DeleteAsset(uuid))
        stack.push(AddAsset(Asset(uuids.uuid4().hex, "Sale Moor fridge", rows[0][1])))
    before = state(demo_copy)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(demo_copy), str(field)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert line.strip() == "INSIDE-TRANSACTION", child.stderr.read()
    assert child.returncode == -signal.SIGKILL

    assert state(demo_copy) == before
    with Project.open(demo_copy) as project:
        plan = plan_merge(project, field)
        assert (len(plan.added), len(plan.deleted), len(plan.updated)) == (1, 10, 30)
        CommandStack(project).push(MergeCopy(plan))
        assert plan_merge(project, field).is_empty
