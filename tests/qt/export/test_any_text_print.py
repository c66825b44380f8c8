"""Printed maps and the gap report write any text a project can hold (control characters,
bidirectional marks, markup-like names, as stored by an older assetmap or another program):
the SVG stays well-formed XML, and every page shows the words, control characters as the
replacement character or a space."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pypdf
import pytest
from PySide6.QtGui import QImage

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.characters import readable
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt.export import export_gap_report, export_map
from support.hostile_text import CATEGORY_LABEL, CONTROL, MARKUP, PROJECT_NAME, hostile_project

LSOA = "Neighbourhoods (LSOA 2021)"
SHOWN_CONTROL = "Lunch\ufffdclub on\ufffdFridays\ufffd"


@pytest.fixture
def hostile(qapp, tmp_path, repo_root):
    with Project.open(hostile_project(repo_root, tmp_path)) as project:
        analyse(project, AnalysisParams(LSOA, ("clubs_x",), 800.0, "population", "imd_score"))
        layers = MapLayers.load(project)
        layers.asset_labels = True  # the names on the map too
        layers.save(project)
        yield project


def words(path) -> str:  # type: ignore[no-untyped-def]
    """The PDF's text, its words separated by single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_svg_is_well_formed_and_shows_the_names(hostile, tmp_path):
    out = tmp_path / "map.svg"
    export_map(hostile, out, ExportOptions(), PrintLayout())
    root = ET.parse(out).getroot()  # raises on a character XML cannot hold
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert readable(PROJECT_NAME) in texts
    assert readable(CATEGORY_LABEL).strip() in texts
    assert readable(CONTROL) == SHOWN_CONTROL


def test_pdf_png_and_report_show_the_names(hostile, tmp_path):
    options = ExportOptions(analysis="latest", measure="bivariate")
    export_map(hostile, tmp_path / "map.pdf", options, PrintLayout())
    text = words(tmp_path / "map.pdf")
    assert "Hostile \ufffd url(//x.example/f) </title><script>alert(4)</script>" in text
    assert "Need (Need score url(//x.example) \ufffd)" in text  # the indicator's label
    info = pypdf.PdfReader(tmp_path / "map.pdf").metadata
    assert info.title == readable(PROJECT_NAME)
    export_map(hostile, tmp_path / "map.png", options, PrintLayout(dpi=60))
    assert not QImage(str(tmp_path / "map.png")).isNull()
    export_gap_report(hostile, tmp_path / "report.pdf", options, PrintLayout())
    assert "Clubs url(//x.example/d.png) \ufffd\ufffd" in words(tmp_path / "report.pdf")
    export_gap_report(hostile, tmp_path / "report.html", options, PrintLayout())
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "\x00" not in page and "\x1b" not in page
    assert html.escape(readable(PROJECT_NAME)) in page and MARKUP not in page
