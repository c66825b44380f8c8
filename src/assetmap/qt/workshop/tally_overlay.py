"""The corner cards over the projected map: the session timer and the live tally (top
right), and the join address with its QR code while sharing. Large type, read from the back
of a hall; they redraw when the assets change, never on a timer of their own except the
clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from assetmap.core.project import Project
from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import sprite
from assetmap.qt.i18n import translate

CARD_STYLE = """
QFrame#workshopCard { background: #FFFFFF; border: 2px solid #D0D7DE;
    border-radius: 14px; }
QFrame#workshopCard QLabel { color: #1F2328; background: transparent; }
QLabel#timer { color: #0B5CAD; }
QLabel#muted { color: #57606A; }
"""
ROWS_SHOWN = 8  # categories listed; the rest are summed in one line
ICON_PX = 22


@dataclass(frozen=True)
class TallyLine:
    """One category's approved pins: assets and needs."""

    category: str
    assets: int
    needs: int


def tally_lines(project: Project, workshop_id: str | None) -> list[TallyLine]:
    """Approved pins by category (the session's, or the whole project's without one),
    most first, from core.workshop.tally."""
    from assetmap.core.workshop.tally import tally

    counts: dict[str, list[int]] = {}
    for row in tally(project, workshop_id).rows:
        pair = counts.setdefault(row.category, [0, 0])
        pair[0 if row.kind == "asset" else 1] += row.approved
    lines = [TallyLine(k, a, n) for k, (a, n) in counts.items() if a or n]
    return sorted(lines, key=lambda line: (-(line.assets + line.needs), line.category))


def big_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 10.0) * factor)
    font.setBold(bold)
    return font


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class TallyCard(QFrame):
    """The session timer over the tally by category and kind."""

    def __init__(
        self,
        started: Callable[[], float],
        categories: Callable[[], dict[str, Category]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workshopCard")
        self.setStyleSheet(CARD_STYLE)
        self._started = started
        self._categories = categories
        self.lines: list[TallyLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(6)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setAccessibleName(translate("Present", "Session time"))
        self.timer_label.setFont(big_font(self.font(), 3.4, bold=True))
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.timer_label)
        self.totals = QLabel()
        self.totals.setFont(big_font(self.font(), 1.6, bold=True))
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.totals)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        layout.addLayout(self.grid)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.tick)
        self._clock.start()
        self.tick()

    def tick(self) -> None:
        self.timer_label.setText(clock_text(time.monotonic() - self._started()))

    def show_lines(self, lines: list[TallyLine]) -> None:
        self.lines = lines
        assets = sum(line.assets for line in lines)
        needs = sum(line.needs for line in lines)
        self.totals.setText(f"{_assets_text(assets)} · {_needs_text(needs)}")
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        cats = self._categories()
        row_font = big_font(self.font(), 1.3)
        head_font = big_font(self.font(), 1.05)
        if lines:
            heads = ((2, translate("Present", "assets")), (3, translate("Present", "needs")))
            for col, word in heads:
                self._cell(word, 0, col, head_font, muted=True)
        for i, line in enumerate(lines[:ROWS_SHOWN], start=1):
            cat = cats.get(line.category)
            icon = QLabel()
            if cat is not None:
                icon.setPixmap(QPixmap.fromImage(sprite(cat.symbol, cat.colour, ICON_PX)))
            self.grid.addWidget(icon, i, 0)
            self._cell(cat.label if cat else line.category, i, 1, row_font)
            self._cell(str(line.assets), i, 2, row_font)
            self._cell(str(line.needs), i, 3, row_font)
        more = lines[ROWS_SHOWN:]
        if more:
            count = sum(line.assets + line.needs for line in more)
            text = (
                translate("Present", "and {count} more in 1 other category")
                if len(more) == 1
                else translate("Present", "and {count} more in {n} other categories")
            ).format(count=count, n=len(more))
            label = QLabel(text)
            label.setObjectName("muted")
            label.setFont(head_font)
            self.grid.addWidget(label, ROWS_SHOWN + 1, 0, 1, 4)
        if not lines:
            label = QLabel(translate("Present", "No pins yet: tap a category below, then the map."))
            label.setObjectName("muted")
            label.setFont(head_font)
            label.setWordWrap(True)
            self.grid.addWidget(label, 0, 0, 1, 4)
        self.adjustSize()

    def _cell(self, text: str, row: int, col: int, font: QFont, muted: bool = False) -> None:
        label = QLabel(text)
        label.setFont(font)
        if muted:
            label.setObjectName("muted")
        if col >= 2:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(label, row, col)


class JoinCard(QFrame):
    """The join address as a QR code and in words, while the facilitator is sharing."""

    QR_PX = 220

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopCard")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(6)
        heading = QLabel(translate("Present", "Join from your phone"))
        heading.setFont(big_font(self.font(), 1.5, bold=True))
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.qr.setAccessibleName(translate("Present", "QR code of the join address"))
        layout.addWidget(self.qr)
        self.address = QLabel()
        self.address.setObjectName("muted")
        self.address.setFont(big_font(self.font(), 1.1))
        self.address.setWordWrap(True)
        self.address.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.address)

    def show_address(self, url: str | None, image: QImage | None) -> None:
        self.setVisible(bool(url))
        if not url:
            return
        self.address.setText(url)
        self.address.setFixedWidth(self.QR_PX + 40)
        if image is not None and not image.isNull():
            self.qr.setPixmap(QPixmap.fromImage(image))
        self.adjustSize()


def _assets_text(n: int) -> str:
    text = translate("Present", "{n} asset") if n == 1 else translate("Present", "{n} assets")
    return text.format(n=n)


def _needs_text(n: int) -> str:
    text = translate("Present", "{n} need") if n == 1 else translate("Present", "{n} needs")
    return text.format(n=n)
