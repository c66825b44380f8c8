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
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

PAD_M = 300.0  # around the pins, so the outermost ones are not on the frame's edge
REVIEW_WORDS = {
    "approved": QT_TRANSLATE_NOOP("WorkshopSummary", "approved"),
    "pending": QT_TRANSLATE_NOOP("WorkshopSummary", "not reviewed"),
    "rejected": QT_TRANSLATE_NOOP("WorkshopSummary", "rejected"),
}


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
    steps(0.05, translate("WorkshopSummary", "Reading the session"))
    workshop = get_workshop(project, workshop_id)
    items = list(reversed(contributions(project, workshop_id)))  # oldest first: as it went
    counts = tally(project, workshop_id)
    check_cancelled(cancelled)
    steps(0.2, translate("WorkshopSummary", "Drawing the map of the session's pins"))
    content = _map_content(project, workshop, items, layout)
    check_cancelled(cancelled)
    steps(0.5, translate("WorkshopSummary", "Writing {name}").format(name=path.name))
    labels = {c.key: c.label for c in all_categories(project)}
    page = PageFile(".pdf")
    _write(page, content, layout, _summary_words(counts, items),
           _blocks(counts, items, labels), cancelled or (lambda: False))  # fmt: skip
    check_cancelled(cancelled)
    output.write_bytes(path, page.data(path))
    steps(1.0, translate("WorkshopSummary", "Done"))
    return len(items)


# ---- page 1: the map -----------------------------------------------------------------------
def _map_content(
    project: Project, workshop: Workshop, items: list[Contribution], layout: PrintLayout
) -> MapContent:
    uuids = frozenset(i.uuid for i in items)
    options = ExportOptions(
        title=translate("WorkshopSummary", "Workshop: {name}").format(name=workshop.name),
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
    notice = translate(
        "WorkshopSummary", "Only this session's pins are shown; rejected ones are not."
    )
    return replace(content, notice=notice)


# ---- the words -----------------------------------------------------------------------------
def _summary_words(counts: Tally, items: list[Contribution]) -> str:
    assets_n = counts.total(kind="asset")
    needs_n = counts.total(kind="need")
    people = {i.contributor for i in items if i.contributor}
    text = translate(
        "WorkshopSummary",
        "{pins:,} pins: {assets:,} saying what is here and {needs:,} saying what is missing, "
        "{approved:,} of them approved.",
    ).format(
        pins=len(items),
        assets=assets_n,
        needs=needs_n,
        approved=counts.total(review="approved"),
    )
    if people:
        text += translate("WorkshopSummary", " {n:,} people gave their name.").format(n=len(people))
    return text


def _blocks(counts: Tally, items: list[Contribution], labels: dict[str, str]) -> list[Block]:
    tally_heading = translate("WorkshopSummary", "Tally by category")
    blocks: list[Block] = [Heading(tally_heading)]
    if counts.rows:
        blocks.append(TableRows(_tally_table(counts), 0, len(counts.rows), tally_heading))
    else:
        none = translate("WorkshopSummary", "No pins were added in this session.")
        blocks.append(Text(none, MUTED.name()))
    blocks.append(Heading(translate("WorkshopSummary", "Every comment")))
    if not items:
        blocks.append(Text(translate("WorkshopSummary", "No comments."), MUTED.name()))
    for item in items:
        blocks.append(_Comment(item, labels.get(item.category, item.category)))
    return blocks


def _tally_table(counts: Tally) -> TableData:
    rows = [
        [
            row.label,
            _kind_word(row.kind),
            f"{row.approved:,}",
            f"{row.pending:,}",
            f"{row.approved + row.pending:,}",
        ]
        for row in counts.rows
    ]
    return TableData(
        header=[
            translate("WorkshopSummary", "Category"),
            translate("WorkshopSummary", "Kind"),
            translate("WorkshopSummary", "Approved"),
            translate("WorkshopSummary", "Waiting"),
            translate("WorkshopSummary", "Total"),
        ],
        rows=rows,
        numeric=[False, False, True, True, True],
    )


class _Comment(Text):
    """One contribution: what and where in bold, the note, then who, when and the review."""

    def __init__(self, item: Contribution, category_label: str) -> None:
        kind = _kind_word(item.kind)
        state = REVIEW_WORDS.get(item.review)
        said = translate("WorkshopSummary", "{note} (from {who}, {time}, {state})").format(
            note=(item.note or "").strip(),
            who=_who(item),
            time=_clock(item.submitted_at),
            state=translate("WorkshopSummary", state) if state else item.review,
        )
        super().__init__(said)
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
        paint_map_page(
            painter,
            content,
            layout,
            notes=[Note(translate("WorkshopSummary", "This session"), summary)],
            method=False,
            page_note=translate("Report", "Page {number} of {total}").format(number=1, total=total)
            + ".",
            cancelled=cancelled,
        )
        for number, chunk in enumerate(pages, start=2):
            if cancelled():
                break
            writer.newPage()
            page_note = translate("Report", "Page {number} of {total}").format(
                number=number, total=total
            )
            paint_text_page(painter, content, t, box, chunk, page_note)
    finally:
        painter.end()


def _kind_word(kind: str) -> str:
    if kind == "need":
        return translate("WorkshopSummary", "Need")
    return translate("WorkshopSummary", "Asset")


def _who(item: Contribution) -> str:
    if item.contributor:
        return item.contributor
    if item.device is None:
        return translate("WorkshopSummary", "the facilitator")
    return translate("WorkshopSummary", "someone")


def _clock(iso: str) -> str:
    when = local_time(iso)
    return iso if when is None else f"{when.day} {when:%B %Y}, {when:%H:%M}"
