"""The gap report (PDF and HTML) gains a "What if" page for a chosen scenario: its proposals and the
comparison with today; the export dialog offers the scenario open in Find gaps."""

from __future__ import annotations

import pypdf
import pytest

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.scenarios import SaveScenario
from assetmap.core.errors import BadInputError
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.project import Project
from assetmap.core.scenarios.evaluate import compare_saved
from assetmap.core.scenarios.model import Proposal, Scenario
from assetmap.qt.export import export_gap_report

LSOA = "Neighbourhoods (LSOA 2021)"
PARAMS = AnalysisParams(LSOA, ("food_banks",), 800.0, "population")
HUBS = (
    Proposal("Partington hub", "food_banks", 371_500.0, 391_800.0),
    Proposal("Carrington pantry", "food_banks", 374_300.0, 393_000.0),
)


@pytest.fixture
def demo(qapp, demo_path):
    with Project.open(demo_path) as project:
        analyse(project, PARAMS)
        CommandStack(project).push(SaveScenario(Scenario("Two hubs", PARAMS, HUBS)))
        yield project


def page_texts(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_the_pdf_has_a_what_if_page_comparing_the_scenario_with_today(demo, tmp_path):
    plain = tmp_path / "plain.pdf"
    layout = PrintLayout("A4", "landscape")
    export_gap_report(demo, plain, ExportOptions(title="Gaps"), layout)
    assert not any("What if" in p for p in page_texts(plain))
    out = tmp_path / "whatif.pdf"
    report = export_gap_report(demo, out, ExportOptions(title="Gaps"), layout, scenario="Two hubs")
    pages = page_texts(out)
    assert report.pages == len(pages) == len(page_texts(plain)) + 1
    last = pages[-1]
    assert "What if: Two hubs" in last
    assert "Partington hub" in last and "Carrington pantry" in last and "371,500, 391,800" in last
    food = compare_saved(demo, PARAMS, HUBS).comparison.group("food_banks")
    assert f"gap areas Food banks and pantries {food.gaps_before} {food.gaps_after}" in last
    assert f"people in gaps Food banks and pantries {food.people_before:,.0f}" in last


def test_an_unknown_scenario_is_named(demo, tmp_path):
    with pytest.raises(BadInputError, match="no scenario 'Nowhere'"):
        export_gap_report(
            demo, tmp_path / "x.pdf", ExportOptions(), PrintLayout(), scenario="Nowhere"
        )


def test_the_export_dialog_offers_the_open_scenario_for_the_pdf_report(qtbot, demo):
    from assetmap.qt.dialogs.export_dialog import ExportDialog
    from assetmap.qt.session import Session

    session = Session(demo)
    dialog = ExportDialog(session, scenario="Two hubs")
    qtbot.addWidget(dialog)
    assert dialog.scenario_combo.currentData() == "Two hubs"
    dialog.set_kind("report_pdf")
    assert dialog.scenario_combo.isEnabled()
    dialog.set_kind("pdf")
    assert not dialog.scenario_combo.isEnabled()


def test_the_html_report_has_the_what_if_too(demo, tmp_path):
    out = tmp_path / "report.html"
    export_gap_report(demo, out, ExportOptions(title="Gaps"), PrintLayout(), scenario="Two hubs")
    text = out.read_text(encoding="utf-8")
    assert "<h2>What if: Two hubs</h2>" in text
    assert "Partington hub" in text and "With the proposals" in text
