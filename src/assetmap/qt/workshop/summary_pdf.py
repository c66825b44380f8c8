"""A workshop session's summary as a PDF: page 1 the map of the session's pins (the print
exports' own page, with the tally in words beside the legend), then the tally by category
and kind, then every comment in full, newest last, each with who made it and what became
of it.

It reuses the gap report's machinery (``paint_map_page``, flowing ``Block``s cut into
pages), so the summary looks like every other assetmap print and text stays searchable.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from assetmap.core import output
from assetmap.core.categories import all_categories
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.gpkg import local_time
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.workshop.contributions import Contribution, contributions
from assetmap.core.workshop.sessions import Workshop, get_workshop
from assetmap.core.workshop.tally import Tally, tally
from assetmap.qt.export.content import MapContent, gather
from assetmap.qt.export.map_export import PageFile, pdf_writer
from assetmap.qt.export.page import (
    MM,
    MUTED,
    Note,
    Paragraph,
    Type,
    page_size,
    paint_map_page,
)
from assetmap.qt.export.qtapp import ensure_app
from assetmap.qt.export.report import paint_text_page
from assetmap.qt.export.report_blocks import Block, Heading, TableRows, Text, body_rect, paginate
from assetmap.qt.export.tables import TableData

PAD_M = 300.0  # around the pins, so the outermost ones are not on the frame's edge
REVIEW_WORDS = {"approved": "approved", "pending": "not reviewed", "rejected": "rejected"}


def write_summary_pdf(
    project: Project,
    workshop_id: str,
    path: str | Path,
    *,
    layout: PrintLayout | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """Write the summary of one session; returns how many contributions it lists."""
    ensure_app()
    path = Path(path)
    output.check_target(path)
    layout = layout or PrintLayout()
    steps = Steps(progress)
    steps(0.05, "Reading the session")
    workshop = get_workshop(project, workshop_id)
    items = list(reversed(contributions(project, workshop_id)))  # oldest first: as it went
    counts = tally(project, workshop_id)
    check_cancelled(cancelled)
    steps(0.2, "Drawing the map of the session's pins")
    content = _map_content(project, workshop, items, layout)
    check_cancelled(cancelled)
    steps(0.5, f"Writing {path.name}")
    labels = {c.key: c.label for c in all_categories(project)}
    page = PageFile(".pdf")
    _write(page, content, layout, _summary_words(counts, items),
           _blocks(counts, items, labels), cancelled or (lambda: False))  # fmt: skip
    check_cancelled(cancelled)
    output.write_bytes(path, page.data(path))
    steps(1.0, "Done")
    return len(items)


# ---- page 1: the map -----------------------------------------------------------------------
def _map_content(
    project: Project, workshop: Workshop, items: list[Contribution], layout: PrintLayout
) -> MapContent:
    uuids = frozenset(i.uuid for i in items)
    options = ExportOptions(
        title=f"Workshop: {workshop.name}",
        subtitle=workshop.details(),
        categories=tuple(c.key for c in all_categories(project)),
        asset_uuids=uuids or frozenset({""}),
    )
    placed = [(i.x, i.y) for i in items if i.x is not None and i.y is not None]
    extent = None
    if placed:
        xs, ys = [p[0] for p in placed], [p[1] for p in placed]
        extent = (min(xs) - PAD_M, min(ys) - PAD_M, max(xs) + PAD_M, max(ys) + PAD_M)
    content = gather(project, options, extent=extent or layout.extent)
    return replace(content, notice="Only this session's pins are shown; rejected ones are not.")


# ---- the words -----------------------------------------------------------------------------
def _summary_words(counts: Tally, items: list[Contribution]) -> str:
    assets_n = counts.total(kind="asset")
    needs_n = counts.total(kind="need")
    people = {i.contributor for i in items if i.contributor}
    text = (
        f"{len(items):,} pins: {assets_n:,} saying what is here and {needs_n:,} saying what "
        f"is missing, {counts.total(review='approved'):,} of them approved."
    )
    if people:
        text += f" {len(people):,} people gave their name."
    return text


def _blocks(counts: Tally, items: list[Contribution], labels: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [Heading("Tally by category")]
    if counts.rows:
        blocks.append(TableRows(_tally_table(counts), 0, len(counts.rows), "Tally by category"))
    else:
        blocks.append(Text("No pins were added in this session.", MUTED.name()))
    blocks.append(Heading("Every comment"))
    if not items:
        blocks.append(Text("No comments.", MUTED.name()))
    for item in items:
        blocks.append(_Comment(item, labels.get(item.category, item.category)))
    return blocks


def _tally_table(counts: Tally) -> TableData:
    rows = [
        [
            row.label,
            "Need" if row.kind == "need" else "Asset",
            f"{row.approved:,}",
            f"{row.pending:,}",
            f"{row.approved + row.pending:,}",
        ]
        for row in counts.rows
    ]
    return TableData(
        header=["Category", "Kind", "Approved", "Waiting", "Total"],
        rows=rows,
        numeric=[False, False, True, True, True],
    )


class _Comment(Text):
    """One contribution: what and where in bold, the note, then who, when and the review."""

    def __init__(self, item: Contribution, category_label: str) -> None:
        kind = "Need" if item.kind == "need" else "Asset"
        who = item.contributor or ("the facilitator" if item.device is None else "someone")
        state = REVIEW_WORDS.get(item.review, item.review)
        note = f" {item.note}" if item.note else ""
        super().__init__(f"{note.strip()} (from {who}, {_clock(item.submitted_at)}, {state})")
        self.lead = f"{kind} · {category_label}: {item.name}."

    def height(self, t: Type, width: float) -> float:
        return Paragraph(self.lead, self.text, self.colour).height(t.font(8.5), width) + 6

    def paint(self, painter: QPainter, t: Type, rect: QRectF) -> None:
        Paragraph(self.lead, self.text, self.colour).paint(painter, t.font(8.5), rect)


# ---- writing -------------------------------------------------------------------------------
def _write(
    page: PageFile,
    content: MapContent,
    layout: PrintLayout,
    summary: str,
    blocks: list[Block],
    cancelled: CancelledFn,
) -> None:
    size = page_size(layout)
    t = Type.for_layout(layout)
    margin = (12 if layout.page == "A3" else 10) * MM
    box = QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin)
    pages = paginate(blocks, t, body_rect(box, t))
    total = 1 + len(pages)
    writer = pdf_writer(page.buffer, layout, content)
    painter = QPainter(writer)
    try:
        paint_map_page(painter, content, layout, notes=[Note("This session", summary)],
                       method=False, page_note=f"Page 1 of {total}.",
                       cancelled=cancelled)  # fmt: skip
        for number, chunk in enumerate(pages, start=2):
            if cancelled():
                break
            writer.newPage()
            paint_text_page(painter, content, t, box, chunk, f"Page {number} of {total}")
    finally:
        painter.end()


def _clock(iso: str) -> str:
    when = local_time(iso)
    return iso if when is None else f"{when.day} {when:%B %Y}, {when:%H:%M}"
