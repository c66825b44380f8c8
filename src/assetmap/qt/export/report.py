"""The gap report: the gap map, how it was made, a summary per category and the gaps to look
at first, as one PDF (page 1 the map, then the words and tables) or one HTML file.

The HTML file needs nothing else: the map page is inside it (as SVG, or PNG when the map
holds very many shapes), the styles are inline, nothing is fetched, and every string that
came from a user or a data file is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPen

from assetmap.core import output
from assetmap.core.analysis import runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import category_in_sentence, need_label
from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.export import analysis_source
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.qt.export.content import MapContent, gather
from assetmap.qt.export.map_export import (
    LOGICAL_DPI,
    Extent,
    MapExportReport,
    PageFile,
    _page_image,
    _report,
    pdf_writer,
)
from assetmap.qt.export.page import (
    MM,
    MUTED,
    RULE,
    WRAP,
    Note,
    PagePlan,
    Type,
    page_size,
    paint_map_page,
)
from assetmap.qt.export.report_blocks import Block, Heading, TableRows, Text, body_rect, paginate
from assetmap.qt.export.report_html import write_html
from assetmap.qt.export.report_outcomes import outcome_blocks, outcomes_table
from assetmap.qt.export.report_scenario import ScenarioPage, scenario_blocks, scenario_page
from assetmap.qt.export.tables import CategoryGaps, TableData, gaps_by_category, summary_table
from assetmap.qt.gap_wording import gap_definition
from assetmap.qt.i18n import translate

REPORT_FORMATS = (".pdf", ".html", ".htm")
TOP = 10


@dataclass
class ReportData:
    content: MapContent
    result: AnalysisResult
    groups: list[CategoryGaps]
    shown: CategoryGaps | None  # the category the map shows
    top: int
    outcomes: TableData | None = None  # the agreed outcomes, when the project has any
    whatif: ScenarioPage | None = None  # a saved scenario against today, when one is chosen

    @property
    def summary(self) -> str:
        return summary_sentence(self.shown, self.result)


def export_gap_report(
    project: Project,
    path: str | Path,
    options: ExportOptions,
    layout: PrintLayout | None = None,
    *,
    layers: MapLayers | None = None,
    view_extent: Extent | None = None,
    top: int = TOP,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    scenario: str | None = None,
) -> MapExportReport:
    """Write the gap report to ``path`` (.pdf or .html).

    The analysis is ``options.analysis``, else the run the map shows, else the latest run.
    ``scenario`` (a saved what-if's name) adds a page comparing it with today.
    """
    from assetmap.qt.export.qtapp import ensure_app

    ensure_app()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise BadInputError(
            translate("Export", "a gap report is a PDF or an HTML file, not '{given}'").format(
                given=suffix or path.name
            ),
            file=path,
            field="--out",
        )
    output.check_target(path)
    layout = layout or PrintLayout()
    steps = Steps(progress)
    steps(0.02, translate("Export", "Reading the gap analysis"))
    result = _result(project, options, layers)
    steps(0.1, translate("Export", "Gathering what the map shows"))
    content = gather(
        project, options, layers=layers, extent=layout.extent or view_extent, result=result
    )
    data = report_data(project, content, result, top)
    if scenario is not None:
        steps(
            0.2,
            translate("Export", "Comparing the scenario '{name}' with today").format(name=scenario),
        )
        data.whatif = scenario_page(project, scenario, None, cancelled)
    check_cancelled(cancelled)
    steps(0.35, translate("Export", "Writing {name}").format(name=path.name))
    stop = cancelled or (lambda: False)
    if suffix == ".pdf":
        page = PageFile(suffix)
        plan, pages = _write_pdf(page, data, layout, stop)
        check_cancelled(cancelled)
        written = page.data(path)
    else:
        plan, pages, text = write_html(data, layout, stop)
        check_cancelled(cancelled)
        written = text.encode("utf-8")
    steps(0.95, translate("Export", "Writing {name}").format(name=path.name))
    output.write_bytes(path, written)
    steps(1.0, translate("Export", "Done"))
    return _report(path, content, plan, LOGICAL_DPI, pages)


def report_data(
    project: Project, content: MapContent, result: AnalysisResult, top: int = TOP
) -> ReportData:
    groups = gaps_by_category(result, top, need_label(project, result))
    shown_key = content.plan.style.category if content.plan is not None else None
    shown = next((g for g in groups if g.key == shown_key), groups[0] if groups else None)
    return ReportData(content, result, groups, shown, top, outcomes_table(project))


def render_report_preview(
    project: Project, content: MapContent, layout: PrintLayout, width_px: int
) -> QImage:
    """Page 1 of the report as an image ``width_px`` wide (the export dialog's preview)."""
    assert content.result is not None
    data = report_data(project, content, content.result)
    size = page_size(layout)
    image = _page_image(size, LOGICAL_DPI * width_px / size.width())
    painter = QPainter(image)
    try:
        _paint_first_page(painter, data, layout, 0, lambda: False)
    finally:
        painter.end()
    return image


def _paint_first_page(
    painter: QPainter,
    data: ReportData,
    layout: PrintLayout,
    total: int,
    cancelled: Callable[[], bool],
) -> PagePlan:
    return paint_map_page(
        painter,
        data.content,
        layout,
        notes=[Note(translate("Report", "Summary"), data.summary + _see_tables(total))],
        method=False,
        page_note=_page_of(1, total) + "." if total else "",
        cancelled=cancelled,
    )


def _result(project: Project, options: ExportOptions, layers: MapLayers | None) -> AnalysisResult:
    result = analysis_source.resolve(project, options.analysis)
    if result is not None:
        return result
    shown = (layers or MapLayers.load(project)).thematic
    if shown is not None:
        try:
            return runs.load(project, shown.run_id)
        except AssetmapError:
            pass
    latest = runs.latest(project)
    if latest is None:
        raise BadInputError(
            "the project has no gap analysis to report yet",
            field="--analysis",
            hint="use Find gaps in the app, or assetmap analyse, first",
        )
    return latest


def summary_sentence(group: CategoryGaps | None, result: AnalysisResult) -> str:
    if group is None:
        return translate("Report", "The analysis has no areas.")
    text = translate(
        "Report", "{gaps:,} of the {areas:,} areas ({share:.0f} %) have a gap in {category}: {gap}."
    ).format(
        gaps=group.gaps,
        areas=group.areas,
        share=group.share_of_areas,
        category=category_in_sentence(group.label),
        gap=gap_definition(result.params),
    )
    share = group.share_of_people
    if group.people is not None and share is not None:
        text += translate(
            "Report", " {people:,.0f} people ({share:.0f} % of the population) live in them."
        ).format(people=group.people, share=share)
    return text


# ---- PDF ---------------------------------------------------------------------------------------
def _write_pdf(
    page: PageFile, data: ReportData, layout: PrintLayout, cancelled: Callable[[], bool]
) -> tuple[PagePlan, int]:
    size = page_size(layout)
    t = Type.for_layout(layout)
    margin = (12 if layout.page == "A3" else 10) * MM
    box = QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin)
    pages = paginate(_blocks(data, t), t, body_rect(box, t))
    if data.outcomes is not None:  # a page of its own
        pages += paginate(outcome_blocks(data.outcomes), t, body_rect(box, t))
    if data.whatif is not None:  # a page of its own too
        pages += paginate(scenario_blocks(data.whatif), t, body_rect(box, t))
    total = 1 + len(pages)
    writer = pdf_writer(page.buffer, layout, data.content)
    painter = QPainter(writer)
    try:
        plan = _paint_first_page(painter, data, layout, total, cancelled)
        for number, blocks in enumerate(pages, start=2):
            if cancelled():
                break
            writer.newPage()
            paint_text_page(painter, data.content, t, box, blocks, _page_of(number, total))
    finally:
        painter.end()
    return plan, total


def _see_tables(total: int) -> str:
    return (
        translate("Report", " How the figures were made, and the gaps to look at first, follow.")
        if total != 1
        else ""
    )


def _blocks(data: ReportData, t: Type) -> list[Block]:
    result = data.result
    blocks: list[Block] = [
        Heading(translate("Report", "How the figures were made")),
        Text(data.content.method_text()),
    ]
    if data.content.notice:
        blocks.append(Text(data.content.notice))
    blocks += [
        Heading(translate("Report", "Summary by category")),
        *_table_blocks(
            summary_table(data.groups, result), translate("Report", "Summary by category")
        ),
    ]
    order = (
        translate(
            "Report", "high need and little provision first, then the other gaps by provision"
        )
        if result.params.need_field
        else translate("Report", "the least provision first, then the farthest from an asset")
    )
    blocks += [
        Heading(translate("Report", "The gaps to look at first")),
        Text(
            translate(
                "Report",
                "For each category, the {top} areas with a gap to look at first: {order}. "
                "Coverage is the share of an area within {distance:,.0f} m of an asset in a "
                "straight line.",
            ).format(top=data.top, order=order, distance=result.params.distance_m)
        ),
    ]
    for group in data.groups:
        blocks.append(
            Heading(
                translate("Report", "{label}: {gaps:,} of {areas:,} areas have a gap").format(
                    label=group.label, gaps=group.gaps, areas=group.areas
                ),
                level=2,
            )
        )
        if group.ranked.rows:
            blocks += _table_blocks(group.ranked, group.label)
        else:
            blocks.append(Text(translate("Report", "No area has a gap."), MUTED.name()))
    return blocks


def _page_of(number: int, total: int) -> str:
    return translate("Report", "Page {number} of {total}").format(number=number, total=total)


def _table_blocks(table: TableData, title: str = "") -> list[Block]:
    return [TableRows(table, 0, len(table.rows), title)]


def paint_text_page(
    painter: QPainter, content: MapContent, t: Type, box: QRectF, blocks: list[Block], note: str
) -> None:
    """A page of text as the gap report draws one (the session summary's too): the title
    small at the top, a rule, the blocks, and who made it at the foot."""
    body = body_rect(box, t)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(t.small)
    painter.setPen(MUTED)
    painter.drawText(QRectF(box.left(), box.top(), box.width(), 20), WRAP, content.title)
    painter.setPen(QPen(RULE, 0.8))
    line_y = body.top() - 5
    painter.drawLine(QPointF(box.left(), line_y), QPointF(box.right(), line_y))
    y = body.top()
    for block in blocks:
        h = block.height(t, body.width())
        block.paint(painter, t, QRectF(body.left(), y, body.width(), h))
        y += h
    painter.setPen(MUTED)
    painter.setFont(t.small)
    foot = QRectF(box.left(), box.bottom() - QFontMetricsF(t.small).height(), box.width(), 20)
    painter.drawText(foot, WRAP, f"{content.made} {note}.")
    painter.restore()
