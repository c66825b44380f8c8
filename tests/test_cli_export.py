"""`assetmap export` when the output cannot be written: a folder that is missing, read-only
or where the file should be, or a disk that fills up halfway. Every format ends with exit 3
and a message naming the file, no traceback, no partial or temporary file, an older file
at the target as it was, and the project file unchanged."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, main

LSOA = "Neighbourhoods (LSOA 2021)"
# Each format and the extra arguments it takes; "report" ones write the gap report.
FORMATS = {
    "pdf": [], "png": ["--dpi", "100"], "svg": [], "html": [], "gpkg": [], "geojson": [],
    "csv": [], "xlsx": [], "report.pdf": ["--report"], "report.html": ["--report"],
}  # fmt: skip
OLD = b"an older export the user still has"
FULL_AT = 40_000  # bytes: every export of the demo is larger than this


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, repo_root) -> Path:
    """The demo with a gap analysis (for the report), never changed by the tests."""
    from assetmap.core.analysis.api import analyse
    from assetmap.core.analysis.params import AnalysisParams
    from assetmap.core.project import Project

    path = tmp_path_factory.mktemp("project") / "demo.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population"))
    return path


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (hidden ones too) with a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def target(folder: Path, fmt: str) -> Path:
    return folder / f"map.{fmt.rsplit('.', 1)[-1]}"


def export_in_process(project: Path, out: Path, fmt: str, capsys) -> str:  # type: ignore[no-untyped-def]
    code = main(["export", str(project), "--out", str(out), "--quiet", *FORMATS[fmt]])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT, err
    assert "Traceback" not in err and out.name in err
    return err


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_or_a_folder_in_the_way_changes_nothing(analysed, tmp_path, fmt, capsys):
    before = fingerprint(analysed.parent)
    missing = target(tmp_path / "no such folder", fmt)
    assert "does not exist" in export_in_process(analysed, missing, fmt, capsys)
    assert not missing.parent.exists()
    in_the_way = target(tmp_path, fmt)
    in_the_way.mkdir()
    assert "is a folder" in export_in_process(analysed, in_the_way, fmt, capsys)
    assert list(in_the_way.iterdir()) == [] and sorted(os.listdir(tmp_path)) == [in_the_way.name]
    assert fingerprint(analysed.parent) == before


@contextlib.contextmanager
def read_only(folder: Path):  # type: ignore[no-untyped-def]
    """``folder`` made unwritable: by its mode, or where that does not bind (root), by the
    file system's immutable flag; the test is skipped where neither can be done."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except PermissionError:
            pass
        else:
            probe.unlink()
            done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
            if done.returncode != 0:
                pytest.skip("cannot make a folder read-only here (root without chattr +i)")
            immutable = True
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_read_only_folder_changes_nothing(analysed, tmp_path, fmt, capsys):
    out = target(tmp_path, fmt)
    out.write_bytes(OLD)
    before, project_before = fingerprint(tmp_path), fingerprint(analysed.parent)
    with read_only(tmp_path):
        err = export_in_process(analysed, out, fmt, capsys)
    assert "cannot be written to" in err
    assert fingerprint(tmp_path) == before and out.read_bytes() == OLD
    assert fingerprint(analysed.parent) == project_before


def run_with_file_size_limit(args: list[str], limit: int) -> subprocess.CompletedProcess:
    """The CLI in a process whose files cannot grow past ``limit`` bytes (as on a full
    disk; Python ignores SIGXFSZ, so writes fail with EFBIG)."""

    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "assetmap", *args],
        capture_output=True,
        text=True,
        preexec_fn=limit_files,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_disk_that_fills_up_while_writing_changes_nothing(analysed, tmp_path, fmt):
    out = target(tmp_path, fmt)
    out.write_bytes(OLD)
    before, project_before = fingerprint(tmp_path), fingerprint(analysed.parent)
    args = ["export", str(analysed), "--out", str(out), "--quiet", *FORMATS[fmt]]
    done = run_with_file_size_limit(args, FULL_AT)
    assert done.returncode == EXIT_BAD_INPUT, done.stderr
    assert done.stderr.startswith(f"assetmap: error: {out.name}")
    assert "the disk is full" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert fingerprint(tmp_path) == before and out.read_bytes() == OLD
    assert fingerprint(analysed.parent) == project_before


def test_the_cli_keeps_participants_names_out_unless_asked(demo_copy, tmp_path):
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
    from assetmap.core.project import Project
    from assetmap.core.workshop.submission import Submission

    with Project.open(demo_copy) as project:
        stack = CommandStack(project)
        create = CreateWorkshop("Stretford evening", "Library", "2026-12-09", "Ann")
        stack.push(create)
        pin = Submission(
            "asset", "food_banks", "Community fridge", "", "Priya", 379_480.0, 396_110.0
        )
        stack.push(AddContribution(str(create.workshop_id), pin, None, review="approved"))
    plain, named = tmp_path / "plain.csv", tmp_path / "named.csv"
    assert main(["export", str(demo_copy), "--out", str(plain), "--quiet"]) == 0
    assert main(["export", str(demo_copy), "--out", str(named), "--include-names", "--quiet"]) == 0
    assert "Priya" not in plain.read_text(encoding="utf-8-sig")
    assert "Priya" in named.read_text(encoding="utf-8-sig")
