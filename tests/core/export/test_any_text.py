"""Every data export and the HTML map write any text a project can hold: control characters
(NUL, vertical tab, escape), bidirectional marks, line separators, and names that look like
markup, formulas or remote resources, as stored by an older assetmap or another program.
Each file is read back and compared with what the project holds."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pyogrio
import pytest

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.api import export_data
from assetmap.core.export.characters import readable
from assetmap.core.export.html_packed import unpack
from assetmap.core.export.html_web import remote_resources
from assetmap.core.export.options import ExportOptions
from assetmap.core.project import Project
from support.hostile_text import (
    AREA_NAME,
    ASSET_NAMES,
    ATTRIBUTION,
    CATEGORY_LABEL,
    FORMULA,
    PROJECT_NAME,
    hostile_project,
)

LSOA = "Neighbourhoods (LSOA 2021)"
VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


# Area layers go into the page packed (html_packed); unpack gives back their GeoJSON.
AREA_LAYERS = re.compile(r"geo_json_\w+_add\(amUnpack\((\{.*\})\)\);\s*$", re.MULTILINE)


@pytest.fixture
def hostile(tmp_path, repo_root):
    with Project.open(hostile_project(repo_root, tmp_path)) as project:
        yield project


def ooxml_text(value: str) -> str:
    """A cell's text as Excel reads it: OOXML's _xHHHH_ escapes decoded, left to right."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def test_csv_holds_every_character(hostile, tmp_path):
    export_data(hostile, tmp_path / "assets.csv", ExportOptions())
    with (tmp_path / "assets.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = {("'" + n if n == FORMULA else n) for n in ASSET_NAMES}  # never a formula
    assert expected <= {r["name"] for r in rows}
    assert expected <= {r["custom: Note"] for r in rows}
    assert CATEGORY_LABEL in {r["category_label"] for r in rows}


def test_xlsx_holds_every_character_in_its_own_escapes(hostile, tmp_path):
    analyse(hostile, AnalysisParams(LSOA, ("clubs_x",), 800.0, "population", "imd_score"))
    export_data(hostile, tmp_path / "assets.xlsx", ExportOptions(analysis="latest"))
    book = openpyxl.load_workbook(tmp_path / "assets.xlsx")
    cells = {
        sheet.title: [ooxml_text(str(c.value)) for row in sheet.iter_rows() for c in row]
        for sheet in book.worksheets
    }
    assert {("'" + n if n == FORMULA else n) for n in ASSET_NAMES} <= set(cells["Assets"])
    assert CATEGORY_LABEL in cells["Assets"]
    assert PROJECT_NAME in cells["About"] and ATTRIBUTION in cells["About"]
    assert any(AREA_NAME in v for v in cells["Gap analysis"])
    assert any(c.startswith("Need (Need score") for c in cells["Gap analysis"])  # its label


def test_gpkg_holds_every_character_but_nul_and_passes_gdal_validation(hostile, tmp_path):
    out = tmp_path / "assets.gpkg"
    report = export_data(hostile, out, ExportOptions())
    back = pyogrio.read_dataframe(out, layer="assets")
    expected = {n.replace("\x00", "\ufffd") for n in ASSET_NAMES}
    assert expected <= set(back["name"])
    assert CATEGORY_LABEL.replace("\x00", "\ufffd") in set(back["category_label"])
    assert "NUL character" in report.notice and "�" in report.notice
    lsoa = pyogrio.read_dataframe(out, layer="areas_neighbourhoods_lsoa_2021")
    assert any(str(n).startswith(AREA_NAME) for n in lsoa["name"])
    validate(out)


def test_geojson_holds_every_character_but_nul(hostile, tmp_path):
    export_data(hostile, tmp_path / "assets.geojson", ExportOptions())
    data = json.loads((tmp_path / "assets.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert {n.replace("\x00", "\ufffd") for n in ASSET_NAMES} <= names


def validate(path: Path) -> None:
    """GDAL's own GeoPackage validator (Debian's python3-gdal) finds nothing wrong."""
    python = shutil.which("python3", path="/usr/bin")
    if not VALIDATOR.is_file() or python is None:
        pytest.skip(f"GDAL's validate_gpkg.py is not installed ({VALIDATOR}: python3-gdal)")
    done = subprocess.run([python, str(VALIDATOR), "-k", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_every_geopackage_export_passes_gdal_validation(tmp_path, repo_root):
    path = tmp_path / "demo.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        analyse(project, AnalysisParams(LSOA, ("mental_health", "libraries"), 800.0))
        export_data(project, tmp_path / "plain.gpkg", ExportOptions())
        export_data(project, tmp_path / "gaps.gpkg", ExportOptions(analysis="latest"))
    validate(tmp_path / "plain.gpkg")
    validate(tmp_path / "gaps.gpkg")


def test_html_map_writes_every_name_and_needs_no_network(hostile, tmp_path):
    analyse(hostile, AnalysisParams(LSOA, ("clubs_x",), 800.0, "population", "imd_score"))
    out = tmp_path / "map.html"
    export_data(hostile, out, ExportOptions(analysis="latest", measure="bivariate"))
    text = out.read_text(encoding="utf-8")
    assert remote_resources(text) == []
    assert "x.example" in text  # the names are there, as text
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", text)  # but never as CSS would read
    assert "\x00" not in text and "\x1b" not in text and "\x0b" not in text
    data = json.loads(re.search(r"^\s*var data = (\{.*\});\s*$", text, re.MULTILINE).group(1))
    shown = {html.unescape(r[2]) for g in data["groups"] for r in g["rows"]}
    assert {readable(n.strip()) for n in ASSET_NAMES} <= shown
    assert "Lunch\ufffdclub on\ufffdFridays\ufffd" in shown  # shown, not hidden
    labels = {html.unescape(g["label"]) for g in data["groups"]}
    assert readable(CATEGORY_LABEL.strip()) in labels
    areas = [
        html.unescape(value)
        for layer in AREA_LAYERS.findall(text)
        for feature in unpack(json.loads(layer))["features"]
        for value in feature["properties"].values()
    ]
    assert any(a.startswith(readable(AREA_NAME)) for a in areas)
    title = re.search(r"<title>(.*?)</title>", text, re.DOTALL).group(1)
    assert html.unescape(title) == readable(PROJECT_NAME.strip())
