"""The project file is never corrupted, half-written or changed by mistake: replacing a file
another program has open, opening files that are not projects, read-only files, a full disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import assets
from assetmap.core.errors import ProjectFileError
from assetmap.core.project import Project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file locks and rlimits")

# Another program with the project open, holding changes in its write-ahead log (not yet
# checkpointed into the file), as a running assetmap window does.
HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE assets SET name = name || ' (edited elsewhere)'")
    print("OPEN", flush=True)
    sys.stdin.readline()
    conn.close()
    """
)


def run(*args: object) -> int:
    return main([str(a) for a in args])


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def demo_copy(demo_copy: Path, tmp_path: Path) -> Path:
    path = demo_copy
    Project.open(path).close()  # at the current schema, so no upgrade backup appears later
    shutil.rmtree(tmp_path / "demo.backups", ignore_errors=True)
    return path


@pytest.fixture
def held_open(demo_copy):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_copy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "OPEN"
    yield demo_copy
    child.stdin.write("\n")
    child.stdin.close()
    child.wait(timeout=30)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_new_force_refuses_a_project_another_program_has_open(held_open, capsys):
    before = held_open.read_bytes()
    assert run("new", held_open, "--force") == EXIT_BAD_INPUT
    message = capsys.readouterr().err
    assert "demo.gpkg is open in another program" in message
    assert "Traceback" not in message
    assert held_open.read_bytes() == before
    with Project.open(held_open) as project:  # the other program's edit is still there
        assert assets.get(project, assets.frame(project)["uuid"][0]).name.endswith("elsewhere)")
        assert assets.count(project) == 501


def test_new_force_replaces_a_closed_project_and_its_stale_log(demo_copy, capsys):
    # A log and shared-memory file left by a crash of the old file's last user.
    Path(f"{demo_copy}-wal").write_bytes(b"\0" * 4096)
    Path(f"{demo_copy}-shm").write_bytes(b"\0" * 32768)
    assert run("new", demo_copy, "--force", "--name", "Fresh") == EXIT_OK
    assert integrity(demo_copy) == "ok"
    with Project.open(demo_copy) as project:
        assert project.name == "Fresh"
        assert assets.count(project) == 0
    assert files_in(demo_copy.parent) == {"demo.gpkg"}


def test_opening_a_plain_geopackage_changes_nothing(tmp_path, trafford, capsys):
    import geopandas as gpd

    plain = tmp_path / "wards.gpkg"
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    wards.to_file(plain)
    before = plain.read_bytes()
    assert run("info", plain) == EXIT_BAD_INPUT
    assert "wards.gpkg is a GeoPackage but not an assetmap project" in capsys.readouterr().err
    assert plain.read_bytes() == before  # header bytes 18-19 still say rollback journal
    assert files_in(tmp_path) == {"wards.gpkg"}


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_opening_another_applications_database_changes_nothing(tmp_path, journal, capsys):
    other = tmp_path / "contacts.gpkg"
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    assert run("info", other) == EXIT_BAD_INPUT
    assert run("import-assets", other, tmp_path / "missing.csv") == EXIT_BAD_INPUT
    assert "an SQLite database but not an assetmap project" in capsys.readouterr().err
    assert other.read_bytes() == before
    assert files_in(tmp_path) == {"contacts.gpkg"}  # no -wal or -shm left beside it


def run_without_root_override(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    """Run the CLI as a user the file permissions apply to: root ignores them, so as root
    the child loses the capabilities that override them (setpriv, util-linux)."""
    command = [sys.executable, "-m", "assetmap", *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        caps = "-dac_override,-dac_read_search,-fowner"
        command = ["setpriv", "--bounding-set", caps, *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)


def test_a_read_only_project_is_refused_plainly_and_left_alone(demo_copy, tmp_path):
    demo_copy.chmod(0o444)
    before = demo_copy.read_bytes()
    result = run_without_root_override(["info", str(demo_copy)], tmp_path)
    assert result.returncode == EXIT_BAD_INPUT, result.stderr
    assert "demo.gpkg is read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert demo_copy.read_bytes() == before
    assert files_in(tmp_path) == {"demo.gpkg"}  # no -wal/-shm, no backups folder


def test_a_project_in_a_read_only_folder_is_refused_plainly(demo_copy, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    project = folder / "demo.gpkg"
    shutil.move(demo_copy, project)
    folder.chmod(0o555)
    try:
        result = run_without_root_override(["info", str(project)], tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.returncode == EXIT_BAD_INPUT, result.stderr
    assert "in a folder assetmap cannot write to" in result.stderr
    assert files_in(folder) == {"demo.gpkg"}


FULL_DISK = textwrap.dedent(
    """
    import resource, sys
    from assetmap.cli import main
    # Files may not grow past 40 kB: the import's write-ahead log hits the limit.
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_full_disk_during_an_import_changes_nothing(demo_copy, trafford):
    before = demo_copy.read_bytes()
    source = trafford / "assets" / "trafford_schools_and_colleges.geojson"
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, "import-assets", str(demo_copy), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == EXIT_BAD_INPUT, result.stderr
    assert "demo.gpkg could not be saved: the disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert demo_copy.read_bytes() == before
    assert files_in(demo_copy.parent) == {"demo.gpkg"}
    with Project.open(demo_copy) as project:
        assert assets.count(project) == 501


def test_a_damaged_file_is_reported_not_raised(tmp_path, demo_copy):
    data = bytearray(demo_copy.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree, after the header
    demo_copy.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match="damaged"):
        Project.open(demo_copy)
