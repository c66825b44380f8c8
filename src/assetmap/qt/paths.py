"""Where the app keeps its own files: logs, the user's copy of the demo, settings."""

from __future__ import annotations

import os
import shutil
import site
import sys
from pathlib import Path

import assetmap

APP_DIR_NAME = "assetmap"


def data_dir() -> Path:
    """Per-user writable folder (XDG on Linux, AppData on Windows, Library on macOS)."""
    override = os.environ.get("ASSETMAP_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = (
            Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / APP_DIR_NAME
        )
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = (
            Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_DIR_NAME
        )
    base.mkdir(parents=True, exist_ok=True)
    return base


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# The demo projects shipped with the app, by file name, with what the Demo menu says.
DEMOS: dict[str, str] = {
    "trafford.gpkg": "&Trafford: 501 assets, 139 neighbourhoods, gap analysis",
    "rutland.gpkg": "&Rutland: works offline, with streets and places",
}


def share_dirs() -> list[Path]:
    """Where an installation keeps its shared files (<prefix>/share), most likely first.

    `pip install` (a virtualenv or the system) puts them under sys.prefix, `pip install
    --user` under the user base (~/.local), and the standalone build under its own folder:
    PyInstaller sets sys.prefix to the bundle's _internal folder, where the spec puts share/.
    """
    bases = [Path(sys.prefix)]
    if getattr(sys, "frozen", False):
        bases.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)))
    if site.USER_BASE:
        bases.append(Path(site.USER_BASE))
    return [base / "share" for base in dict.fromkeys(bases)]


def shipped_demo(name: str = "trafford.gpkg") -> Path | None:
    """A demo project as shipped: in the source tree, or installed under share/assetmap."""
    package = Path(assetmap.__file__).resolve().parent
    candidates = [package.parent.parent / "sample_data" / name]  # source checkout / editable
    candidates += [share / "assetmap" / name for share in share_dirs()]
    return next((c for c in candidates if c.is_file()), None)


def resource(relative: str) -> Path | None:
    """A file of resources/: in a checkout, or under share/assetmap/resources when installed
    (the standalone build bundles the whole folder there)."""
    package = Path(assetmap.__file__).resolve().parent
    candidates = [package.parent.parent / "resources" / relative]
    candidates += [share / "assetmap" / "resources" / relative for share in share_dirs()]
    return next((c for c in candidates if c.exists()), None)


def app_icon() -> Path | None:
    """The SVG icon: resources/ in a source tree, the XDG icon folder once installed."""
    package = Path(assetmap.__file__).resolve().parent
    candidates = [package.parent.parent / "resources" / "assetmap.svg"]
    candidates += [
        share / "icons" / "hicolor" / "scalable" / "apps" / "assetmap.svg" for share in share_dirs()
    ]
    return next((c for c in candidates if c.is_file()), None)


def user_demo() -> Path | None:
    """A private copy of the demo to play with, so the shipped file is never edited."""
    source = shipped_demo()
    return None if source is None else private_copy(source)


def is_sample_project(path: Path) -> bool:
    """A demo as shipped: the installed one, or any project in a checkout's sample_data/.

    An installed app still recognises the checkout's files (people run
    `assetmap sample_data/rutland.gpkg` from the source tree), so the folder is known by
    the script that builds the demos, not by where the package happens to be installed.
    """
    resolved = path.resolve()
    shipped = shipped_demo(resolved.name) if resolved.name in DEMOS else None
    if shipped is not None and resolved == shipped.resolve():
        return True
    return resolved.suffix == ".gpkg" and (resolved.parent / "build_demo.py").is_file()


def private_copy(source: Path) -> Path:
    """The user's own copy of a sample project, refreshed when the shipped one is newer."""
    target = data_dir() / "demo" / source.name
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(source.name + "*"):
            stale.unlink()
        shutil.copy2(source, target)
    return target
