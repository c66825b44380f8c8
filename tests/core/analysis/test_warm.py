"""Compiling the coverage code ahead of the first analysis, in a process of its own."""

from __future__ import annotations

import subprocess
import sys

from assetmap.core.analysis import warm


def test_the_warm_up_process_leaves_the_compiled_code_in_the_cache(tmp_path, monkeypatch):
    """What the app starts at launch: afterwards an analysis loads the code instead of
    compiling it, and the app does not start it again."""
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    assert warm.cache_folder() == tmp_path
    assert not warm.compiled_in(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "assetmap.core.analysis.warm"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert warm.compiled_in(tmp_path)
    assert warm.start_if_needed() is None


def test_a_standalone_build_does_not_try_to_start_python(monkeypatch, tmp_path):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))  # empty: not compiled yet
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert warm.start_if_needed() is None


def test_without_numba_s_own_folder_the_cache_is_beside_the_module(monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    folder = warm.cache_folder()
    assert folder is not None and folder.name == "__pycache__"
    assert (folder.parent / "circle_cover.py").is_file()
