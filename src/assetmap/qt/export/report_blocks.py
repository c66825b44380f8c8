"""The flowing pages of a printed report: blocks of text and table rows that know their
height, and cutting them into pages, tables split between rows and headings kept with
what follows.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from assetmap.qt.export.page import (
    INK,
    RULE,
    WRAP,
    Paragraph,
    Type,
    text_height,
)
from assetmap.qt.export.tables import TableData
from assetmap.qt.i18n import translate

SHORT_TABLE = 15  # rows: a table this short moves whole to the next page rather than split


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
        if not (self.start and self.title):
            return ""
        return translate("Report", "{title} (continued)").format(title=self.title)

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


def body_rect(box: QRectF, t: Type) -> QRectF:
    head = QFontMetricsF(t.small).height() + 10
    foot = QFontMetricsF(t.small).height() + 10
    return QRectF(box.left(), box.top() + head, box.width(), box.height() - head - foot)


def paginate(blocks: list[Block], t: Type, body: QRectF) -> list[list[Block]]:
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
