"""The printed map page: title, map frame, legend, notes, sources, and who made it when.

Everything is measured before anything is drawn, so the map frame gets whatever room the
words leave. Units are logical pixels of 1/96 inch on every device (PDF and SVG are
written at 96 dpi, PNGs scale by their device pixel ratio), and fonts are given in points.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPen, QTextDocument

from assetmap.core.export.options import PrintLayout
from assetmap.qt.canvas.view import View
from assetmap.qt.export.content import MapContent
from assetmap.qt.export.drawing import paint_map, paint_north_arrow, paint_scale_bar
from assetmap.qt.fonts import without_ligatures
from assetmap.qt.i18n import translate
from assetmap.qt.legend import PAD, LegendEntry, legend_height, paint_entries

MM = 96 / 25.4  # logical pixels per millimetre
INK = QColor("#1F2328")
MUTED = QColor("#57606A")
RULE = QColor("#D0D7DE")
FRAME = QColor("#57606A")
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
LEGEND_PT = 7.5  # the legend's base text size on A4
MIN_LEGEND_SHRINK = 0.72

Cancelled = Callable[[], bool]


def page_size(layout: PrintLayout) -> QSizeF:
    w, h = layout.size_mm
    return QSizeF(w * MM, h * MM)


@dataclass(frozen=True)
class Type:
    """Fonts for one page size: A3 is read from further away, so its type is larger."""

    factor: float
    family: str

    @classmethod
    def for_layout(cls, layout: PrintLayout) -> Type:
        return cls(1.2 if layout.page == "A3" else 1.0, QFontInfo(QFont()).family())

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points * self.factor)
        without_ligatures(font)
        font.setBold(bold)

        font.setItalic(italic)
        return font

    @property
    def title(self) -> QFont:
        return self.font(17, bold=True)

    @property
    def subtitle(self) -> QFont:
        return self.font(10.5)

    @property
    def heading(self) -> QFont:
        return self.font(7.5, bold=True)

    @property
    def body(self) -> QFont:
        return self.font(7)

    @property
    def small(self) -> QFont:
        return self.font(6.2)

    @property
    def label(self) -> QFont:
        return self.font(6.5)

    def legend_scale(self) -> float:
        """How much to scale the on-screen legend (drawn in the app's font) for paper."""
        base = QFont().pointSizeF()
        return LEGEND_PT * self.factor / (base if base > 0 else 9.0)


def text_height(font: QFont, text: str, width: float) -> float:
    if not text:
        return 0.0
    metrics = QFontMetricsF(font)
    return metrics.boundingRect(QRectF(0, 0, width, 1e7), WRAP, text).height()


def draw_text(
    painter: QPainter, rect: QRectF, font: QFont, text: str, colour: QColor = INK
) -> float:
    """Wrapped text from the top of ``rect``; returns the height it took."""
    if not text:
        return 0.0
    painter.save()
    painter.setFont(font)
    painter.setPen(colour)
    used = painter.boundingRect(rect, WRAP, text)
    painter.drawText(rect, WRAP, text)
    painter.restore()
    return used.height()


@dataclass
class Paragraph:
    """Wrapped text with an optional bold lead-in ("Sources: …"), as real text."""

    lead: str
    text: str
    colour: str = MUTED.name()
    bold: bool = False

    def document(self, font: QFont, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setTextWidth(width)
        weight = "font-weight:bold;" if self.bold else ""
        lead = f"<b>{html.escape(self.lead)}</b> " if self.lead else ""
        doc.setHtml(
            f'<div style="color:{self.colour};{weight}">{lead}{html.escape(self.text)}</div>'
        )
        return doc

    def height(self, font: QFont, width: float) -> float:
        return self.document(font, width).size().height() if (self.text or self.lead) else 0.0

    def paint(self, painter: QPainter, font: QFont, rect: QRectF) -> float:
        if not (self.text or self.lead):
            return 0.0
        doc = self.document(font, rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        doc.drawContents(painter)
        painter.restore()
        return doc.size().height()


@dataclass
class Note:
    """A short block beside the legend: a heading and a paragraph."""

    heading: str
    text: str

    def height(self, type_: Type, width: float) -> float:
        return (
            text_height(type_.heading, self.heading, width)
            + 2
            + text_height(type_.body, self.text, width)
        )

    def paint(self, painter: QPainter, type_: Type, rect: QRectF) -> float:
        used = draw_text(painter, rect, type_.heading, self.heading)
        body = QRectF(rect.left(), rect.top() + used + 2, rect.width(), rect.height() - used - 2)
        return used + 2 + draw_text(painter, body, type_.body, self.text, INK)


@dataclass
class PagePlan:
    """Where things went: the map frame on the page and the view drawn in it."""

    size: QSizeF
    frame: QRectF
    view: View


def footer(content: MapContent, *, method: bool = True, page_note: str = "") -> list[Paragraph]:
    """What goes under the map: what was left out (a plain note: leaving out is what the
    user asked for), how the figures were made, the sources, and who made the map when."""
    out = []
    if content.notice:
        out.append(Paragraph("", content.notice, INK.name()))
    if method and content.method_text():
        out.append(
            Paragraph(translate("Report", "How the figures were made:"), content.method_text())
        )
    if content.sources:
        out.append(Paragraph(translate("Report", "Sources:"), "  ".join(content.sources)))
    out.append(Paragraph("", f"{made_line(content)} {page_note}".strip()))
    return out


def made_line(content: MapContent) -> str:
    """Who made the map when, and the coordinates its figures are in."""
    return translate("Report", "{made} Coordinates: {crs}.").format(
        made=content.made, crs=content.crs_name
    )


def paint_map_page(
    painter: QPainter,
    content: MapContent,
    layout: PrintLayout,
    *,
    notes: list[Note] | None = None,
    method: bool = True,
    page_note: str = "",
    cancelled: Cancelled = lambda: False,
) -> PagePlan:
    """Lay out and draw one map page: title, map, legend (and ``notes``) beside or under
    it, then the footer (the method statement too when ``method``)."""
    size = page_size(layout)
    t = Type.for_layout(layout)
    notes = notes or []
    margin = (12 if layout.page == "A3" else 10) * MM
    gap = 4 * MM * t.factor
    box = QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(QPointF(0, 0), size), QColor("white"))

    top = box.top() + _paint_title(painter, content, t, box)
    rule_y = top + gap * 0.5
    painter.setPen(QPen(RULE, 0.8))
    painter.drawLine(QPointF(box.left(), rule_y), QPointF(box.right(), rule_y))
    top = rule_y + gap * 0.75

    paragraphs = footer(content, method=method, page_note=page_note)
    spacing = 2.5 * t.factor
    footer_h = sum(p.height(t.small, box.width()) + spacing for p in paragraphs)
    body = QRectF(box.left(), top, box.width(), box.bottom() - footer_h - gap - top)
    if layout.orientation == "landscape":
        frame, legend_rects, notes_rect = _landscape(content, t, body, gap, notes)
    else:
        frame, legend_rects, notes_rect = _portrait(content, t, body, gap, notes)

    # a page's frame is in fractional points, and View's arithmetic takes them as they are
    view = View(0.0, 0.0, 1.0, frame.width(), frame.height())  # type: ignore[arg-type]
    view = view.fitted(content.extent, margin=content.fit_margin)
    _paint_frame(painter, content, t, frame, view, layout, cancelled)
    _paint_legend(painter, content, t, legend_rects)
    y = notes_rect.top()
    for note in notes:
        y += note.paint(painter, t, QRectF(notes_rect.left(), y, notes_rect.width(), 1e6)) + gap
    y = box.bottom() - footer_h + spacing
    for paragraph in paragraphs:
        y += paragraph.paint(painter, t.small, QRectF(box.left(), y, box.width(), 1e6)) + spacing
    painter.restore()
    return PagePlan(size, frame, view)


# ---- parts -------------------------------------------------------------------------------------
def _paint_title(painter: QPainter, content: MapContent, t: Type, box: QRectF) -> float:
    used = draw_text(
        painter, QRectF(box.left(), box.top(), box.width(), 1e6), t.title, content.title
    )
    if content.subtitle:
        rect = QRectF(box.left(), box.top() + used + 2, box.width(), 1e6)
        used += 2 + draw_text(painter, rect, t.subtitle, content.subtitle, MUTED)
    return used


def _notes_height(notes: list[Note], t: Type, width: float, gap: float) -> float:
    return sum(n.height(t, width) + gap for n in notes)


def _landscape(
    content: MapContent, t: Type, body: QRectF, gap: float, notes: list[Note]
) -> tuple[QRectF, list[QRectF], QRectF]:
    """Map on the left, legend and notes in a column on the right."""
    side_w = min(max(body.width() * 0.23, 190 * t.factor), 280 * t.factor)
    frame = QRectF(body.left(), body.top(), body.width() - side_w - gap, body.height())
    notes_h = _notes_height(notes, t, side_w, gap)
    legend = QRectF(frame.right() + gap, body.top(), side_w, max(body.height() - notes_h, 0))
    used = _legend_height(content, t, [legend])
    notes_rect = QRectF(legend.left(), legend.top() + used + gap, side_w, notes_h)
    return frame, [legend], notes_rect


def _portrait(
    content: MapContent, t: Type, body: QRectF, gap: float, notes: list[Note]
) -> tuple[QRectF, list[QRectF], QRectF]:
    """Map across the page; under it the legend in up to three columns, notes in the last."""
    column_w = (body.width() - 2 * gap) / 3
    scale = t.legend_scale()
    natural = legend_height(content.legend, column_w / scale) * scale
    columns = 1 if natural < 150 * t.factor else (2 if notes or natural < 420 * t.factor else 3)
    parts = _split(content.legend, columns)
    height = max(legend_height(p, column_w / scale) * scale for p in parts)
    notes_h = _notes_height(notes, t, column_w, gap)
    panel_h = min(max(height, notes_h), body.height() * 0.4)
    frame = QRectF(body.left(), body.top(), body.width(), body.height() - panel_h - gap)
    top = frame.bottom() + gap
    rects = [
        QRectF(body.left() + i * (column_w + gap), top, column_w, panel_h) for i in range(columns)
    ]
    notes_rect = QRectF(body.right() - column_w, top, column_w, panel_h)
    return frame, rects, notes_rect


def _split(entries: list[LegendEntry], columns: int) -> list[list[LegendEntry]]:
    """Cut the legend into columns before headings or groups, evening out their lengths."""
    if columns <= 1 or len(entries) < 2:
        return [entries]
    cuts = [
        i
        for i, e in enumerate(entries)
        if i and (e.kind == "heading" or (e.kind == "group" and entries[i - 1].kind != "heading"))
    ]
    out, start = [], 0
    for k in range(1, columns):
        target = len(entries) * k / columns
        later = [c for c in cuts if c > start]
        if not later:
            break
        cut = min(later, key=lambda c: abs(c - target))
        out.append(entries[start:cut])
        start = cut
    out.append(entries[start:])
    return [p for p in out if p]


def _legend_parts(content: MapContent, rects: list[QRectF]) -> list[list[LegendEntry]]:
    parts = _split(content.legend, len(rects))
    return parts + [[] for _ in range(len(rects) - len(parts))]


def _legend_fit(content: MapContent, t: Type, rects: list[QRectF]) -> float:
    """The legend's scale: as designed, or smaller (down to a limit) when it is too long."""
    scale = t.legend_scale()
    worst = 1.0
    for part, rect in zip(_legend_parts(content, rects), rects, strict=True):
        natural = legend_height(part, rect.width() / scale) * scale if part else 0.0
        if natural > rect.height() > 0:
            worst = min(worst, rect.height() / natural)
    return scale * max(worst, MIN_LEGEND_SHRINK)


def _legend_height(content: MapContent, t: Type, rects: list[QRectF]) -> float:
    scale = _legend_fit(content, t, rects)
    heights = [
        legend_height(part, rect.width() / scale) * scale - 2 * PAD * scale
        for part, rect in zip(_legend_parts(content, rects), rects, strict=True)
        if part
    ]
    return min(max(heights, default=0.0), max(r.height() for r in rects))


def _paint_legend(painter: QPainter, content: MapContent, t: Type, rects: list[QRectF]) -> None:
    scale = _legend_fit(content, t, rects)
    parts = _legend_parts(content, rects)
    if not content.legend:
        nothing = translate("Report", "Nothing is shown on the map.")
        draw_text(painter, rects[0], t.body, nothing, MUTED)
        return
    for part, rect in zip(parts, rects, strict=True):
        if not part:
            continue
        painter.save()
        painter.setClipRect(rect.adjusted(-2, -2, 2, 2))
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        # The legend pads itself for the dock; on paper it lines up with the map's edge.
        paint_entries(painter, part, QRectF(-PAD, -PAD, rect.width() / scale + 2 * PAD, 1e6))
        painter.restore()


def _paint_frame(
    painter: QPainter,
    content: MapContent,
    t: Type,
    frame: QRectF,
    view: View,
    layout: PrintLayout,
    cancelled: Cancelled,
) -> None:
    painter.save()
    painter.setClipRect(frame)
    painter.translate(frame.topLeft())
    paint_map(
        painter,
        content.scene,
        view,
        symbol_scale=t.legend_scale(),
        label_font=t.label,
        cancelled=cancelled,
    )
    painter.restore()
    inset = 3 * MM
    paint_north_arrow(
        painter,
        QPointF(frame.right() - inset, frame.top() + inset),
        26 * t.factor,
        t.font(8, bold=True),
    )
    paint_scale_bar(
        painter,
        QPointF(frame.left() + inset, frame.bottom() - inset),
        view,
        min(frame.width() * 0.22, 170 * t.factor),
        t.small,
        translate("Report", " on {page}").format(page=layout.page),
    )
    painter.save()
    painter.setPen(QPen(FRAME, 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    painter.restore()
