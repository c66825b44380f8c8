"""A power cut or a kill during an import loses nothing that was committed and
leaves no half-import behind: the child process is SIGKILLed while its import
transaction is open, then the project is reopened."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from assetmap.core import areas, assets, summary
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.project import Project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

# The child runs a real import; the wrapped writer pauses inside the open transaction
# (after its rows are written, before COMMIT) and says so, so the kill lands there.
# A small page cache makes SQLite spill the open transaction into the WAL file, as a
# big import does, so the kill leaves uncommitted pages on disk for recovery to discard.
CHILD = textwrap.dedent(
    """
    import sys, time
    from assetmap.core import {module}
    from assetmap.core.imports import {importer}
    from assetmap.core.io.{options_module} import {options_class}
    from assetmap.core.project import Project

    real = {module}.{function}

    def paused(*args, **kwargs):
        real(*args, **kwargs)
        print("INSIDE-TRANSACTION", flush=True)
        time.sleep(60)

    {module}.{function} = paused
    with Project.open(sys.argv[1]) as project:
        project.conn.execute("PRAGMA cache_size = -64")
        {importer}(project, sys.argv[2], {options})
    """
)


def kill_inside_transaction(project_path, source, **template) -> None:
    code = CHILD.format(**template)
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(project_path), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        wal = project_path.with_name(project_path.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert line.strip() == "INSIDE-TRANSACTION", child.stderr.read()
    assert wal_size > 0  # uncommitted pages really reached the disk
    assert child.returncode == -signal.SIGKILL


def fingerprint(path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "assets",
                "asset_footprints",
                "am_sources",
                "am_change_log",
                "am_categories",
                "gpkg_contents",
            )
        )
    finally:
        conn.close()


def test_killed_asset_import_leaves_the_project_unchanged(lsoa_project, trafford):
    import_assets(
        lsoa_project,
        trafford / "assets" / "trafford_libraries.geojson",
        AssetImportOptions(category="libraries"),
    )
    path = lsoa_project.path
    lsoa_project.close()
    before = fingerprint(path)
    kill_inside_transaction(
        path,
        trafford / "assets" / "trafford_schools_and_colleges.geojson",
        module="assets",
        function="insert_frame",
        importer="import_assets",
        options_module="asset_import",
        options_class="AssetImportOptions",
        options="AssetImportOptions(category_field='type')",
    )
    assert fingerprint(path) == before
    with Project.open(path) as reopened:
        assert len(assets.frame(reopened)) == 13
        assert {c["label"] for c in summary.by_category(reopened) if c["assets"]} == {"Libraries"}
        # ...and work carries on normally.
        import_assets(
            reopened,
            trafford / "assets" / "trafford_schools_and_colleges.geojson",
            AssetImportOptions(category="schools"),
        )
        assert len(assets.frame(reopened)) == 13 + 103


def test_killed_area_import_leaves_no_half_layer(project, trafford):
    path = project.path
    project.close()
    before = fingerprint(path)
    kill_inside_transaction(
        path,
        trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        module="areas",
        function="create",
        importer="import_areas",
        options_module="area_import",
        options_class="AreaImportOptions",
        options="AreaImportOptions('LSOA 2021')",
    )
    assert fingerprint(path) == before
    with Project.open(path) as reopened:
        assert areas.list_sets(reopened) == []
        tables = {r[0] for r in reopened.conn.execute("SELECT name FROM sqlite_master")}
        assert not any(t.startswith("areas_") for t in tables)
