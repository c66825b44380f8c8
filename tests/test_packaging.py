"""The desktop integration files agree with each other and pass the tools desktops use."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

APP = "io.github.assetmap.assetmap"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(repo_root) -> dict[str, str]:
    lines = (repo_root / "resources" / f"{APP}.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_opens_the_project_type_the_mime_file_defines(repo_root):
    tree = ET.parse(repo_root / "packaging" / "linux" / f"{APP}.xml")
    defined = [t.get("type") for t in tree.getroot().iter(f"{MIME_NS}mime-type")]
    assert defined == ["application/x-assetmap-project"]
    globs = [g.get("pattern") for g in tree.getroot().iter(f"{MIME_NS}glob")]
    assert globs == ["*.gpkg"]
    entry = desktop_entry(repo_root)
    assert "application/x-assetmap-project" in entry["MimeType"].split(";")
    assert entry["Icon"] == "assetmap"
    assert entry["Exec"].split()[0] == "assetmap"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_the_appstream_metainfo_validates(repo_root):
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", f"resources/{APP}.metainfo.xml"],
        cwd=repo_root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="no shared-mime-info")
def test_the_mime_type_is_read_by_shared_mime_info(repo_root, tmp_path):
    packages = tmp_path / "packages"
    packages.mkdir()
    shutil.copy2(repo_root / "packaging" / "linux" / f"{APP}.xml", packages)
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    assert "application/x-assetmap-project:*.gpkg" in (tmp_path / "globs2").read_text()
    assert "GPKG" in (tmp_path / "magic").read_bytes().decode("latin-1")
