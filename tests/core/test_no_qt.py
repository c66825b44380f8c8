"""The core must run where Qt is absent: checked by importing every core module in a
clean interpreter and by the import-linter contract in pyproject.toml."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import assetmap.core

QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pytestqt", "qtpy")


def core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(assetmap.core.__path__, prefix="assetmap.core.")
    )


def test_there_are_core_modules_to_check():
    names = core_modules()
    assert "assetmap.core.project" in names
    assert "assetmap.core.io.asset_import" in names
    assert len(names) > 15


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_core_works_when_qt_cannot_be_imported(tmp_path):
    """Simulate a machine without PySide6: a meta-path hook refuses every Qt import."""
    code = (
        "import sys\n"
        "class NoQt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {QT_MODULES!r}:\n"
        "            raise ImportError('Qt is not installed here')\n"
        "sys.meta_path.insert(0, NoQt())\n"
        "from assetmap.core.project import Project\n"
        "from assetmap.core import categories\n"
        f"p = Project.create({str(tmp_path / 'noqt.gpkg')!r})\n"
        "print(len(categories.all_categories(p)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 30


def test_import_linter_contract_holds(repo_root):
    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    result = subprocess.run(
        [sys.executable, "-c", code, "--config", str(repo_root / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=repo_root,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The core never imports Qt KEPT" in result.stdout
    assert "3 kept, 0 broken" in result.stdout
