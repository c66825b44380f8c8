"""The gap report: the map, the method, the summary per category and the ranked gaps, in
priority order, as PDF and as one self-contained, escaped HTML file."""

from __future__ import annotations

import base64
import re

import pypdf
import pytest

from assetmap import cli
from assetmap.core import areas
from assetmap.core.analysis import runs
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.project import Project
from assetmap.qt.export import export_gap_report

LSOA = "Neighbourhoods (LSOA 2021)"
CATEGORIES = ("mental_health", "gp_primary_care")
HOSTILE = "<b>x</b>"


def params() -> AnalysisParams:
    return AnalysisParams(LSOA, CATEGORIES, 800.0, "population", "imd_score")


@pytest.fixture
def demo(qapp, demo_path):
    with Project.open(demo_path) as project:
        yield project


def page_texts(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_pdf_report_has_the_map_method_summary_and_ranked_gaps_in_priority_order(demo, tmp_path):
    result = analyse(demo, params())
    out = tmp_path / "report.pdf"
    report = export_gap_report(
        demo, out, ExportOptions(title="Gaps in Trafford"), PrintLayout("A4", "landscape")
    )
    pages = page_texts(out)
    assert report.pages == len(pages) >= 2
    assert "Gaps in Trafford" in pages[0] and "Summary" in pages[0]
    rest = " ".join(pages[1:])
    assert "How the figures were made" in rest
    assert " ".join(result.method.split()[:8]) in rest
    assert "Summary by category" in rest and "Share of people (%)" in rest
    mental = result.for_category("mental_health")
    gaps = int(mental["gap"].sum())
    assert f"Mental health: {gaps} of {len(mental)} areas have a gap" in rest
    # The ranked table: the first ten gaps, in the order ranked_gaps gives (priority first).
    start = rest.index("Mental health: ")
    section = rest[start : rest.index("GP and primary care: ", start)]
    codes = result.ranked_gaps("mental_health").head(10)["area_code"].tolist()
    positions = [section.index(code) for code in codes]
    assert positions == sorted(positions)
    priorities = result.ranked_gaps("mental_health").head(10)["priority"].tolist()
    assert priorities == sorted(priorities) and priorities[0] == 1
    assert "Nearest asset (m)" in section and "Population" in section
    assert "Need and provision" in section and "High need, low provision" in section


def test_html_report_is_self_contained_and_escapes_a_hostile_area_name(demo, tmp_path):
    first = analyse(demo, params(), keep=False).ranked_gaps("mental_health")["area_code"].iloc[0]
    table = areas.get_set(demo, LSOA).table
    with demo.transaction() as conn:
        conn.execute(f'UPDATE "{table}" SET name = ? WHERE code = ?', (HOSTILE, first))
    demo.invalidate()
    analyse(demo, params())
    out = tmp_path / "report.html"
    title = "<script>alert(1)</script> gaps"
    export_gap_report(demo, out, ExportOptions(title=title, analysis="latest"))
    page = out.read_text(encoding="utf-8")
    assert HOSTILE not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; gaps" in page
    assert "Content-Security-Policy" in page
    assert not re.search(r"""(src|href)=["']https?:""", page)  # nothing fetched
    image = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert image is not None
    svg = base64.b64decode(image.group(1)).decode("utf-8")
    assert "<svg" in svg and "&lt;script&gt;" in svg  # the map page, its title escaped too
    assert "<th" in page and page.count("<table>") == 1 + len(CATEGORIES) + 1


def test_report_without_an_analysis_says_what_to_do(demo, tmp_path):
    with pytest.raises(BadInputError, match="no gap analysis"):
        export_gap_report(demo, tmp_path / "r.pdf", ExportOptions())
    assert not (tmp_path / "r.pdf").exists()


def test_cli_writes_the_report_with_report_flag(demo, demo_path, tmp_path, capsys):
    analyse(demo, params())
    assert runs.latest(demo) is not None
    demo.close()
    out = tmp_path / "gaps.pdf"
    code = cli.main(
        [
            "export",
            str(demo_path),
            "--out",
            str(out),
            "--analysis",
            "latest",
            "--report",
            "--page",
            "A3",
            "--quiet",
        ]
    )
    assert code == cli.EXIT_OK and out.exists()
    assert "Wrote" in capsys.readouterr().out
    assert len(pypdf.PdfReader(out).pages) >= 2
    code = cli.main(
        ["export", str(demo_path), "--out", str(tmp_path / "gaps.csv"), "--report", "--quiet"]
    )
    assert code == cli.EXIT_BAD_INPUT
