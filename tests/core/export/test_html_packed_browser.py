"""The packed area layers unpacked by the page's own script in a real browser (Debian's
chromium through playwright; skipped when either is missing) give the same features as
``html_packed.unpack``, so the gap map a planner opens is the one the tests read."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.api import export_data
from assetmap.core.export.html_packed import unpack
from assetmap.core.export.options import ExportOptions
from assetmap.core.project import Project

CHROMIUM = Path("/usr/bin/chromium")
PACKED = re.compile(r"amUnpack\((\{.*\})\)\);\s*$", re.MULTILINE)


def test_the_browser_unpacks_the_areas_as_python_does(tmp_path, repo_root):
    if not CHROMIUM.exists():
        pytest.skip("the browser test needs Debian's chromium at /usr/bin/chromium")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    out = tmp_path / "gaps.html"
    with Project.open(path) as project:
        analyse(project, AnalysisParams("Neighbourhoods (LSOA 2021)", ("libraries",), 800.0))
        export_data(project, out, ExportOptions(analysis="latest"))
    text = out.read_text(encoding="utf-8")
    expected = [unpack(json.loads(packed)) for packed in PACKED.findall(text)]
    assert expected and all(layer["features"] for layer in expected)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(out.as_uri())
        unpacked = [
            page.evaluate("p => amUnpack(p)", json.loads(packed)) for packed in PACKED.findall(text)
        ]
        drawn = page.evaluate(
            "() => { var n = 0; document.querySelectorAll('path.leaflet-interactive')"
            ".forEach(function () { n++; }); return n; }"
        )
        browser.close()
    assert problems == []
    assert unpacked == expected
    assert drawn >= len(expected[0]["features"])  # every area of the gap layer is drawn
