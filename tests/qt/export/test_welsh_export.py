"""Exports made from the app follow its language: with the Welsh catalogue installed the gap
report's tables, its sentences and the map page's scale and footer read in Welsh, in the PDF
and the HTML; with it removed (the command line without --lang) they are English again."""

from __future__ import annotations

import datetime

import pypdf
import pytest

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.project import Project
from assetmap.qt import i18n
from assetmap.qt.export import export_gap_report, export_map

LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture
def demo(qapp, demo_path):
    with Project.open(demo_path) as project:
        analyse(project, AnalysisParams(LSOA, ("mental_health",), 800.0, "population"))
        yield project


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_a_welsh_gap_report_has_welsh_table_headers_and_sentences(demo, welsh, tmp_path):
    out = tmp_path / "adroddiad.pdf"
    export_gap_report(demo, out, ExportOptions(title="Bylchau"), PrintLayout("A4", "landscape"))
    text = pdf_text(out)
    assert "Ardaloedd â bwlch" in text and "Cyfran o'r bobl (%)" in text  # the summary table
    assert "Ased agosaf (m)" in text  # the ranked table
    assert "Mae gan " in text and "o'r boblogaeth" in text  # the summary sentence
    assert "Graddfa 1:" in text and " ar A4" in text and "Cyfesurynnau:" in text
    today = datetime.date.today()
    month = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
             "Medi", "Hydref", "Tachwedd", "Rhagfyr")[today.month - 1]  # fmt: skip
    assert f"ar {today.day} {month} {today.year}" in text  # "Made with … on" a Welsh date
    assert "Areas with a gap" not in text and "Share of people" not in text


def test_a_welsh_html_report_says_it_is_in_welsh(demo, welsh, tmp_path):
    out = tmp_path / "adroddiad.html"
    export_gap_report(demo, out, ExportOptions(title="Bylchau"))
    page = out.read_text(encoding="utf-8")
    assert '<html lang="cy">' in page
    assert "Ardaloedd â bwlch" in page and "Ffynonellau:" in page


def test_without_the_catalogue_the_export_is_in_english(demo, tmp_path):
    i18n.remove_translators()
    out = tmp_path / "map.pdf"
    export_map(demo, out, ExportOptions(title="Gaps"), PrintLayout("A4", "landscape"))
    text = pdf_text(out)
    assert "Scale 1:" in text and " on A4" in text and "Coordinates:" in text
