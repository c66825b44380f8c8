"""The gap report: the gap map, how it was made, a summary per category and the gaps to look
at first, as one PDF (page 1 the map, then the words and tables) or one HTML file.

The HTML file needs nothing else: the map page is inside it (as SVG, or PNG when the map
holds very many shapes), the styles are inline, nothing is fetched, and every string that
came from a user or a data file is escaped.
"""

from __future__ import annotations

import base64
import html
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from assetmap.core import output
from assetmap.core.analysis import runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.wording import category_in_sentence, gap_definition, need_label
from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.export import analysis_source
from assetmap.core.export.characters import readable
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
    page_painter,
    pdf_writer,
)
from assetmap.qt.export.page import (
    INK,
    MM,
    MUTED,
    RULE,
    WRAP,
    Note,
    PagePlan,
    Paragraph,
    Type,
    page_size,
    paint_map_page,
    text_height,
)
from assetmap.qt.export.tables import CategoryGaps, TableData, gaps_by_category, summary_table

REPORT_FORMATS = (".pdf", ".html", ".htm")
TOP = 10
SHORT_TABLE = 15  # rows: a table this short moves whole to the next page rather than split
SVG_MAX_SHAPES = 4000  # more areas or assets than this: the HTML map is a PNG
HTML_MAP_DPI = 150


@dataclass
class ReportData:
    content: MapContent
    result: AnalysisResult
    groups: list[CategoryGaps]
    shown: CategoryGaps | None  # the category the map shows
    top: int

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
) -> MapExportReport:
    """Write the gap report to ``path`` (.pdf or .html).

    The analysis is ``options.analysis``, else the run the map shows, else the latest run.
    """
    from assetmap.qt.export.qtapp import ensure_app

    ensure_app()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise BadInputError(
            f"a gap report is a PDF or an HTML file, not '{suffix or path.name}'",
            file=path,
            field="--out",
        )
    output.check_target(path)
    layout = layout or PrintLayout()
    steps = Steps(progress)
    steps(0.02, "Reading the gap analysis")
    result = _result(project, options, layers)
    steps(0.1, "Gathering what the map shows")
    content = gather(
        project, options, layers=layers, extent=layout.extent or view_extent, result=result
    )
    data = report_data(project, content, result, top)
    check_cancelled(cancelled)
    steps(0.35, f"Writing {path.name}")
    stop = cancelled or (lambda: False)
    if suffix == ".pdf":
        page = PageFile(suffix)
        plan, pages = _write_pdf(page, data, layout, stop)
        check_cancelled(cancelled)
        written = page.data(path)
    else:
        plan, pages, text = _write_html(data, layout, stop)
        check_cancelled(cancelled)
        written = text.encode("utf-8")
    steps(0.95, f"Writing {path.name}")
    output.write_bytes(path, written)
    steps(1.0, "Done")
    return _report(path, content, plan, LOGICAL_DPI, pages)


def report_data(
    project: Project, content: MapContent, result: AnalysisResult, top: int = TOP
) -> ReportData:
    groups = gaps_by_category(result, top, need_label(project, result))
    shown_key = content.plan.style.category if content.plan is not None else None
    shown = next((g for g in groups if g.key == shown_key), groups[0] if groups else None)
    return ReportData(content, result, groups, shown, top)


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
        notes=[Note("Summary", data.summary + _see_tables(total))],
        method=False,
        page_note=f"Page 1 of {total}." if total else "",
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
        return "The analysis has no areas."
    text = (
        f"{group.gaps:,} of the {group.areas:,} areas ({group.share_of_areas:.0f} %) have a gap "
        f"in {category_in_sentence(group.label)}: {gap_definition(result.params)}."
    )
    share = group.share_of_people
    if group.people is not None and share is not None:
        text += f" {group.people:,.0f} people ({share:.0f} % of the population) live in them."
    return text


# ---- PDF ---------------------------------------------------------------------------------------
def _write_pdf(
    page: PageFile, data: ReportData, layout: PrintLayout, cancelled: Callable[[], bool]
) -> tuple[PagePlan, int]:
    size = page_size(layout)
    t = Type.for_layout(layout)
    margin = (12 if layout.page == "A3" else 10) * MM
    box = QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin)
    pages = _paginate(_blocks(data, t), t, _body_rect(box, t))
    total = 1 + len(pages)
    writer = pdf_writer(page.buffer, layout, data.content)
    painter = QPainter(writer)
    try:
        plan = _paint_first_page(painter, data, layout, total, cancelled)
        for number, blocks in enumerate(pages, start=2):
            if cancelled():
                break
            writer.newPage()
            _paint_page(painter, data, t, box, blocks, f"Page {number} of {total}")
    finally:
        painter.end()
    return plan, total


def _see_tables(total: int) -> str:
    return (
        " How the figures were made, and the gaps to look at first, follow." if total != 1 else ""
    )


class Block(ABC):
    """One piece of the report's flowing text: it knows its height, so pages can be cut."""

    keep_with_next = False

    @abstractmethod
    def height(self, t: Type, width: float) -> float: ...

    @abstractmethod
    def paint(self, painter: QPainter, t: Type, rect: QRectF) -> None: ...


@dataclass
class Heading(Block):
    text: str
    level: int = 1
    keep_with_next = True

    def font(self, t: Type) -> QFont:
        return t.font(13 if self.level == 1 else 10, bold=True)

    def height(self, t: Type, width: float) -> float:
        return text_height(self.font(t), self.text, width) + (10 if self.level == 1 else 12)

    def paint(self, painter: QPainter, t: Type, rect: QRectF) -> None:
        top = 6 if self.level == 1 else 9
        painter.save()
        painter.setFont(self.font(t))
        painter.setPen(INK)
        painter.drawText(rect.adjusted(0, top, 0, 0), WRAP, self.text)
        painter.restore()


@dataclass
class Text(Block):
    text: str
    colour: str = INK.name()

    def height(self, t: Type, width: float) -> float:
        return Paragraph("", self.text, self.colour).height(t.font(8.5), width) + 6

    def paint(self, painter: QPainter, t: Type, rect: QRectF) -> None:
        Paragraph("", self.text, self.colour).paint(painter, t.font(8.5), rect)


@dataclass
class TableRows(Block):
    """Some rows of a table, with its header (repeated on every page it runs onto)."""

    table: TableData
    start: int
    stop: int
    title: str = ""  # named above the rows when they continue from an earlier page

    @property
    def caption(self) -> str:
        return f"{self.title} (continued)" if self.start and self.title else ""

    def caption_height(self, t: Type) -> float:
        return QFontMetricsF(t.font(8, bold=True)).height() + 4 if self.caption else 0.0

    def widths(self, t: Type, width: float) -> list[float]:
        return _column_widths(self.table, t, width)

    def header_height(self, t: Type, width: float) -> float:
        widths = self.widths(t, width)
        bold = t.font(7.5, bold=True)
        return (
            max(text_height(bold, h, w - 8) for h, w in zip(self.table.header, widths, strict=True))
            + 8
        )

    def row_height(self, t: Type) -> float:
        return QFontMetricsF(t.font(8)).height() + 6

    def height(self, t: Type, width: float) -> float:
        rows = (self.stop - self.start) * self.row_height(t)
        return self.caption_height(t) + self.header_height(t, width) + rows + 4

    def paint(self, painter: QPainter, t: Type, rect: QRectF) -> None:
        if self.caption:
            painter.save()
            painter.setFont(t.font(8, bold=True))
            painter.setPen(INK)
            painter.drawText(rect, WRAP, self.caption)
            painter.restore()
            rect = rect.adjusted(0, self.caption_height(t), 0, 0)
        widths = self.widths(t, rect.width())
        head_h = self.header_height(t, rect.width())
        row_h = self.row_height(t)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#F3F5F7"))
        painter.drawRect(QRectF(rect.left(), rect.top(), rect.width(), head_h))
        self._cells(
            painter,
            t.font(7.5, bold=True),
            rect.left(),
            rect.top(),
            head_h,
            widths,
            self.table.header,
            bottom=True,
        )
        y = rect.top() + head_h
        font = t.font(8)
        for i in range(self.start, self.stop):
            if i % 2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FAFBFC"))
                painter.drawRect(QRectF(rect.left(), y, rect.width(), row_h))
            self._cells(painter, font, rect.left(), y, row_h, widths, self.table.rows[i])
            y += row_h
        painter.setPen(QPen(RULE, 0.8))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + rect.width(), y))
        painter.restore()

    def _cells(
        self,
        painter: QPainter,
        font: QFont,
        x: float,
        y: float,
        h: float,
        widths: list[float],
        cells: list[str],
        bottom: bool = False,
    ) -> None:
        painter.setFont(font)
        painter.setPen(INK)
        metrics = QFontMetricsF(font)
        for text, width, numeric in zip(cells, widths, self.table.numeric, strict=True):
            align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            vertical = Qt.AlignmentFlag.AlignBottom if bottom else Qt.AlignmentFlag.AlignVCenter
            cell = QRectF(x + 4, y + 3, width - 8, h - 6)
            shown = (
                text
                if bottom
                else metrics.elidedText(text, Qt.TextElideMode.ElideRight, cell.width())
            )
            flags = int(align | vertical) | (int(Qt.TextFlag.TextWordWrap) if bottom else 0)
            painter.drawText(cell, flags, shown)
            x += width


def _column_widths(table: TableData, t: Type, width: float) -> list[float]:
    """Each column as wide as its widest cell (headers may wrap), then all of them widened
    (or narrowed) in proportion to fill the page's width."""
    body = QFontMetricsF(t.font(8))
    bold = QFontMetricsF(t.font(7.5, bold=True))
    wants = []
    for c, header in enumerate(table.header):
        cells = [row[c] for row in table.rows]
        widest = max([body.horizontalAdvance(s) for s in cells] + [0.0])
        longest_word = max(bold.horizontalAdvance(w) for w in header.split() or [""])
        head = min(bold.horizontalAdvance(header), max(longest_word, 90.0))
        wants.append(max(widest, head, longest_word) + 10)
    total = sum(wants)
    return [w * width / total for w in wants]


def _blocks(data: ReportData, t: Type) -> list[Block]:
    result = data.result
    blocks: list[Block] = [Heading("How the figures were made"), Text(data.content.method_text())]
    if data.content.notice:
        blocks.append(Text(data.content.notice))
    blocks += [
        Heading("Summary by category"),
        *_table_blocks(summary_table(data.groups, result), "Summary by category"),
    ]
    order = (
        "high need and little provision first, then the other gaps by provision"
        if result.params.need_field
        else "the least provision first, then the farthest from an asset"
    )
    blocks += [
        Heading("The gaps to look at first"),
        Text(
            f"For each category, the {data.top} areas with a gap to look at first: {order}. "
            "Coverage is the share of an area within "
            f"{result.params.distance_m:,.0f} m of an asset in a straight line."
        ),
    ]
    for group in data.groups:
        blocks.append(
            Heading(f"{group.label}: {group.gaps:,} of {group.areas:,} areas have a gap", level=2)
        )
        if group.ranked.rows:
            blocks += _table_blocks(group.ranked, group.label)
        else:
            blocks.append(Text("No area has a gap.", MUTED.name()))
    return blocks


def _table_blocks(table: TableData, title: str = "") -> list[Block]:
    return [TableRows(table, 0, len(table.rows), title)]


def _body_rect(box: QRectF, t: Type) -> QRectF:
    head = QFontMetricsF(t.small).height() + 10
    foot = QFontMetricsF(t.small).height() + 10
    return QRectF(box.left(), box.top() + head, box.width(), box.height() - head - foot)


def _paginate(blocks: list[Block], t: Type, body: QRectF) -> list[list[Block]]:
    """Blocks onto pages; tables split between rows, headings stay with what follows."""
    pages: list[list[Block]] = [[]]
    y = 0.0
    width, room = body.width(), body.height()
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        if isinstance(block, TableRows):
            fixed = block.caption_height(t) + block.header_height(t, width) + 4
            fits = int((room - y - fixed) // block.row_height(t))
            count = block.stop - block.start
            # Short tables are not split; long ones leave at least three rows on each page.
            if fits >= count or (count > SHORT_TABLE and fits >= 3):
                take = min(fits, count)
                part = TableRows(block.table, block.start, block.start + take, block.title)
                pages[-1].append(part)
                y += part.height(t, width)
                if take < count:
                    queue.insert(
                        0, TableRows(block.table, block.start + take, block.stop, block.title)
                    )
                    pages.append([])
                    y = 0.0
                continue
            if pages[-1]:
                pages.append([])
                y = 0.0
                queue.insert(0, block)
                continue
        h = block.height(t, width)
        need = h
        if block.keep_with_next and queue:
            nxt = queue[0]
            if isinstance(nxt, TableRows) and nxt.stop - nxt.start > SHORT_TABLE:
                need += nxt.header_height(t, width) + 3 * nxt.row_height(t)
            else:
                need += nxt.height(t, width)
        if y + need > room and pages[-1]:
            pages.append([])
            y = 0.0
        pages[-1].append(block)
        y += h
    return [p for p in pages if p]


def _paint_page(
    painter: QPainter, data: ReportData, t: Type, box: QRectF, blocks: list[Block], page_note: str
) -> None:
    body = _body_rect(box, t)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(t.small)
    painter.setPen(MUTED)
    painter.drawText(QRectF(box.left(), box.top(), box.width(), 20), WRAP, data.content.title)
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
    painter.drawText(foot, WRAP, f"{data.content.made} {page_note}.")
    painter.restore()


# ---- HTML --------------------------------------------------------------------------------------
def _write_html(
    data: ReportData, layout: PrintLayout, cancelled: Callable[[], bool]
) -> tuple[PagePlan, int, str]:
    content = data.content
    shapes = sum(len(layer.polygons) for layer in content.scene.areas)
    points = len(content.source.points())
    use_svg = shapes <= SVG_MAX_SHAPES and points <= SVG_MAX_SHAPES
    suffix, mime = (".svg", "image/svg+xml") if use_svg else (".png", "image/png")
    image_layout = PrintLayout(layout.page, layout.orientation, HTML_MAP_DPI, layout.extent)
    image = PageFile(suffix)
    with page_painter(image, image_layout, content) as (painter, _dpi):
        plan = paint_map_page(painter, content, image_layout, method=False, cancelled=cancelled)
    encoded = base64.b64encode(image.data(Path(f"map{suffix}"))).decode("ascii")
    return plan, 1, _html(data, f"data:{mime};base64,{encoded}")


def _html(data: ReportData, image: str) -> str:
    def e(value: str) -> str:
        return html.escape(readable(value))

    c = data.content
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing to fetch, nothing to run: the report is a document, not an app.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(c.title)}</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f"<h1>{e(c.title)}</h1>",
    ]
    if c.subtitle:
        parts.append(f'<p class="subtitle">{e(c.subtitle)}</p>')
    if c.notice:
        parts.append(f'<p class="notice">{e(c.notice)}</p>')
    parts += [
        f'<figure><img src="{image}" alt="{e(_alt(data))}">'
        f"<figcaption>{e(c.subtitle or c.title)}</figcaption></figure>",
        "<h2>Summary</h2>",
        f"<p>{e(data.summary)}</p>",
        "<h2>How the figures were made</h2>",
        f"<p>{e(c.method_text())}</p>",
        "<h2>Summary by category</h2>",
        _html_table(summary_table(data.groups, data.result)),
        "<h2>The gaps to look at first</h2>",
    ]
    for group in data.groups:
        parts.append(
            f"<h3>{e(group.label)}: {group.gaps:,} of {group.areas:,} areas have a gap</h3>"
        )
        parts.append(
            _html_table(group.ranked) if group.ranked.rows else "<p>No area has a gap.</p>"
        )
    parts.append("<footer>")
    if c.sources:
        parts.append(f"<p><b>Sources:</b> {'  '.join(e(s) for s in c.sources)}</p>")
    parts.append(f"<p>{e(c.made)} Coordinates: {e(c.crs_name)}.</p></footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _alt(data: ReportData) -> str:
    return f"Map: {data.content.subtitle or data.content.title}. {data.summary}"


def _html_table(table: TableData) -> str:
    def e(value: str) -> str:
        return html.escape(readable(value))

    head = "".join(
        f'<th class="{"num" if n else "text"}" scope="col">{e(h)}</th>'
        for h, n in zip(table.header, table.numeric, strict=True)
    )
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="{"num" if n else "text"}">{e(v)}</td>'
            for v, n in zip(row, table.numeric, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1F2328;
       margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #D0D7DE; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.subtitle { color: #57606A; margin-top: 0; font-size: 1.1em; }
.notice { color: #1F2328; }
figure { margin: 16px 0; }
figure img { width: 100%; height: auto; border: 1px solid #D0D7DE; }
figcaption { color: #57606A; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin-bottom: 8px; }
th { background: #F3F5F7; text-align: left; vertical-align: bottom; }
th, td { padding: 4px 8px; border-bottom: 1px solid #E4E7EB; }
tbody tr:nth-child(even) { background: #FAFBFC; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2em; color: #57606A; font-size: 0.85em; }
"""
