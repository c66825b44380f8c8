"""The gap report PDF gains an outcomes page when the project has outcomes, and not otherwise."""

from __future__ import annotations

import pypdf
import pytest

from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.outcomes import AddOutcome
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.outcomes.current import all_statuses
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project
from assetmap.qt.export import export_gap_report

LSOA = "Neighbourhoods (LSOA 2021)"
TITLE = "Every neighbourhood within 800 m of a food bank or pantry"


@pytest.fixture
def demo(qapp, demo_path):
    with Project.open(demo_path) as project:
        yield project


def page_texts(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_the_pdf_has_an_outcomes_page_with_the_figures(demo, tmp_path):
    analyse(demo, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
    plain = tmp_path / "plain.pdf"
    export_gap_report(demo, plain, ExportOptions(title="Gaps"), PrintLayout("A4", "landscape"))
    assert not any("Agreed outcomes" in p for p in page_texts(plain))
    outcome = Outcome(TITLE, "food_banks", LSOA, population_field="population",
                      need_field="imd_score", target_date="2027-03-31")  # fmt: skip
    CommandStack(demo).push(AddOutcome(outcome))
    (status,) = all_statuses(demo)
    out = tmp_path / "report.pdf"
    report = export_gap_report(
        demo, out, ExportOptions(title="Gaps"), PrintLayout("A4", "landscape")
    )
    pages = page_texts(out)
    assert report.pages == len(pages) == len(page_texts(plain)) + 1
    last = pages[-1]
    assert last.startswith("Gaps Agreed outcomes") or "Agreed outcomes" in last
    assert TITLE in last and "2027-03-31" in last
    assert f"{status.now.areas_meeting} of 139" in last
    assert f"{status.now.people_meeting:,.0f} of {status.now.people:,.0f}" in last
