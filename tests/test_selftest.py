"""`assetmap --self-test` and `--version` as a user runs them: a separate process, no display.

The standalone build runs the same self-test (packaging/build.sh); here it runs from the
source tree, so a change that breaks a demo, the drawing or an export fails here first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import assetmap
from assetmap import __version__
from assetmap.qt.paths import DEMOS


def run_assetmap(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    source = Path(assetmap.__file__).resolve().parent.parent  # this checkout's src/
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(source), env.get("PYTHONPATH", "")])
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["ASSETMAP_HOME"] = str(home / "assetmap")
    env["XDG_CONFIG_HOME"] = str(home / "config")  # where QSettings would write on Linux
    return subprocess.run(
        [sys.executable, "-m", "assetmap", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_the_self_test_passes_on_every_shipped_demo_and_leaves_the_user_alone(tmp_path):
    done = run_assetmap("--self-test", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"assetmap {__version__} self-test")
    assert lines[1].startswith("ok   package files: ")
    for demo in (Path(name).stem for name in DEMOS):
        for check in ("demo found", "opens in the main window", "map drawn", "gap analysis"):
            assert any(line.startswith(f"ok   {demo}: {check}") for line in lines), check
        for kind in ("PDF", "PNG", "HTML"):
            assert any(line.startswith(f"ok   {demo}: {kind} export") for line in lines), kind
    assert not any(line.startswith("FAIL") for line in lines)
    assert any(line.startswith("ok   no dialog stopped the self-test") for line in lines)
    passed = sum(line.startswith("ok   ") for line in lines)
    assert lines[-1].startswith(f"self-test passed: {passed} checks")
    # It worked on copies with settings of its own: no demo copy, log or setting of the user's.
    assert list(tmp_path.iterdir()) == []


def test_version_prints_the_packages_version(tmp_path):
    done = run_assetmap("--version", home=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"assetmap {__version__}"
