"""The phone page's files: shipped in the wheel, and loading nothing from elsewhere."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

import assetmap
from assetmap.core.workshop import web_files

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

REPO = Path(__file__).resolve().parents[4]
# The package as imported: the source tree, or site-packages after `pip install .`.
PACKAGE = Path(assetmap.__file__).resolve().parent


def test_every_page_file_is_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["assetmap"]
    for path in web_files.PAGE_DIR.iterdir():
        relative = path.resolve().relative_to(PACKAGE).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative


def test_the_page_names_no_outside_resource_and_has_no_inline_code() -> None:
    html = web_files.load_page().decode()
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<script>[^<]", html)  # only <script src=...></script>
    script = (web_files.PAGE_DIR / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", script)
    assert "innerHTML" not in script  # text from the server goes in with textContent


def test_every_static_file_the_page_needs_is_served() -> None:
    static = web_files.load_static()
    html = web_files.load_page().decode()
    for name in re.findall(r"static/([\w./-]+)", html):
        assert name in static, name
    css = static["leaflet.css"][0].decode()
    for image in re.findall(r"url\(images/([\w.-]+)\)", css):
        assert f"images/{image}" in static, image
