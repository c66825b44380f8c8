"""A small line chart of one outcome's progress: the share of its areas (and of people, when
known) meeting it at each run, so a board can see whether things are moving."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from assetmap.core.gpkg import local_time
from assetmap.core.outcomes.evaluate import Evaluation
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

AREAS_COLOUR = QColor("#0072B2")  # Okabe-Ito blue and vermilion: told apart by most eyes
PEOPLE_COLOUR = QColor("#D55E00")
WORDS = {
    "empty": QT_TRANSLATE_NOOP("OutcomeChart", "No runs yet: Evaluate to see progress"),
    "areas": QT_TRANSLATE_NOOP("OutcomeChart", "Areas meeting it"),
    "people": QT_TRANSLATE_NOOP("OutcomeChart", "People"),
}
MARGIN_LEFT, MARGIN = 40.0, 14.0


class OutcomeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[Evaluation] = []
        self.setMinimumSize(260, 150)
        self.setAccessibleName(translate("OutcomeChart", "Progress across runs"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 180)

    def set_history(self, history: list[Evaluation]) -> None:
        self._points = list(history)
        line = translate("OutcomeChart", "{when}: {meeting} of {areas} areas")
        tip = "\n".join(
            line.format(when=_when(e), meeting=e.areas_meeting, areas=e.areas) for e in history
        )
        self.setToolTip(tip)
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        plot = QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN, -MARGIN, -2.2 * MARGIN)
        self._draw_axes(painter, plot)
        if not self._points:
            painter.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, translate("OutcomeChart", WORDS["empty"])
            )
            return
        areas = [e.share_of_areas for e in self._points]
        people = [e.share_of_people for e in self._points]
        self._draw_line(painter, plot, areas, AREAS_COLOUR)
        if all(p is not None for p in people):
            self._draw_line(painter, plot, people, PEOPLE_COLOUR, dashed=True)
        self._draw_key(painter, plot, show_people=all(p is not None for p in people))

    def _draw_axes(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QPen(self.palette().mid().color(), 1))
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - share * plot.height()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{share:.0%}")  # fmt: skip
            painter.setPen(QPen(self.palette().mid().color(), 1))

    def _draw_line(
        self,
        painter: QPainter,
        plot: QRectF,
        shares: list[float | None],
        colour: QColor,
        dashed: bool = False,
    ) -> None:
        points = [_place(plot, i, len(shares), s or 0.0) for i, s in enumerate(shares)]
        pen = QPen(colour, 2.5)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.drawPath(path)
        painter.setBrush(colour)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_key(self, painter: QPainter, plot: QRectF, show_people: bool) -> None:
        y = plot.bottom() + 1.4 * MARGIN
        entries = [(translate("OutcomeChart", WORDS["areas"]), AREAS_COLOUR)]
        if show_people:
            entries.append((translate("OutcomeChart", WORDS["people"]), PEOPLE_COLOUR))
        x = plot.left()
        for text, colour in entries:
            painter.setPen(QPen(colour, 2.5))
            painter.drawLine(QPointF(x, y), QPointF(x + 16, y))
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 20, y + 4), text)
            x += 30 + painter.fontMetrics().horizontalAdvance(text)
        first, last = _when(self._points[0]), _when(self._points[-1])
        painter.drawText(QRectF(x, y - 8, plot.right() - x, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         first if first == last else f"{first} to {last}")  # fmt: skip


def _place(plot: QRectF, index: int, count: int, share: float) -> QPointF:
    x = plot.center().x() if count == 1 else plot.left() + plot.width() * index / (count - 1)
    return QPointF(x, plot.bottom() - share * plot.height())


def _when(evaluation: Evaluation) -> str:
    stamp = local_time(evaluation.run_at)
    return stamp.strftime("%d %b %Y") if stamp else evaluation.run_at[:10]
