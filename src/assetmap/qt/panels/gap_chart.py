"""A bar chart of the gaps, for when a picture says it faster than the table.

For one category: the areas to look at first, each with a bar for its provision and its
need written beside it; for "any of the chosen categories": how many areas have a gap in
each category. Drawn with QPainter (no charting dependency), so exports can reuse it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from assetmap.core.analysis.classify import (
    bivariate_colour,
    format_number,
    need_provision_words,
    palette,
    roundest_between,
)
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.qt.i18n import translate

TOP_AREAS = 15
_CENTRED_WRAP = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)
ROW_H = 20.0
BAR_H = 13.0
SWATCH = 10.0
PAD = 8.0
TEXT = QColor("#1F2328")
MUTED = QColor("#57606A")
GRID = QColor("#D0D7DE")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # NaN draws no bar and says "no figure"
    note: str = ""  # written at the right (the area's need)
    group: str = ""  # a heading above the first bar of each group (need and provision class)
    swatch: str = ""  # the group's colour on the map, beside its heading


@dataclass(frozen=True)
class ChartData:
    title: str
    axis: str  # what the bars measure, with its unit
    unit: str  # after each value: " %", ""
    bars: tuple[Bar, ...]
    note_heading: str = ""
    threshold: float | None = None  # a dashed line (the gap threshold)
    threshold_label: str = ""
    maximum: float | None = None  # a fixed end of the axis (100 for shares)


def area_chart(result: AnalysisResult, ranked: pd.DataFrame, label: str) -> ChartData:
    """The first areas of the ranked gap list, with their provision and need."""
    params = result.params
    need = params.need_field is not None
    rows = ranked[ranked["gap"]].head(TOP_AREAS)
    coverage = params.provision == "coverage" or params.population_field is None
    column, scale = ("coverage", 100.0) if coverage else ("per_1000", 1.0)
    bars = tuple(
        Bar(
            label=str(r["area_name"] or r["area_code"]),
            value=float(r[column]) * scale,
            note=format_number(float(r["need"]), 0.1) if need and not pd.isna(r["need"]) else "",
            group=_class_heading(r) if need else "",
            swatch=bivariate_colour(int(r["need_tercile"]), int(r["provision_tercile"]))
            if need
            else "",
        )
        for _, r in rows.iterrows()
    )
    return ChartData(
        title=translate("GapChart", "{label}: the {n} gaps to look at first").format(
            label=label, n=len(bars)
        ),
        axis=_area_axis(params.distance_m, coverage, params.need_field),
        unit=" %" if coverage else "",
        bars=bars,
        note_heading=translate("GapChart", "Need") if need else "",
        threshold=params.gap_coverage_threshold * 100 if coverage else None,
        threshold_label=translate("GapChart", "gap below {threshold:g} %").format(
            threshold=params.gap_coverage_threshold * 100
        ),
        maximum=100.0 if coverage else None,
    )


def _area_axis(distance_m: float, coverage: bool, need_field: str | None) -> str:
    axis = (
        translate("GapChart", "Area within {distance:,.0f} m of an asset (%)").format(
            distance=distance_m
        )
        if coverage
        else translate("GapChart", "Assets per 1,000 people")
    )
    if need_field is None:
        return axis
    return translate("GapChart", "{axis}; need: {field}").format(axis=axis, field=need_field)


def _class_heading(row: pd.Series) -> str:
    words = need_provision_words(int(row["need_tercile"]), int(row["provision_tercile"]))
    return words or translate("GapChart", "No need or provision figure")


def category_chart(result: AnalysisResult) -> ChartData:
    """How many areas have a gap in each chosen category."""
    table = result.table[result.table["category"] != ALL_CHOSEN]
    counts = table.groupby("category_label", sort=False)["gap"].sum()
    areas = table.groupby("category_label", sort=False)["area_code"].count()
    of = translate("GapChart", "of {n:,}")
    bars = tuple(
        # pandas-stubs types the labels items() gives as Hashable, which [] does not take
        Bar(label=str(name), value=float(n), note=of.format(n=areas[name]))  # type: ignore[call-overload]
        for name, n in counts.sort_values(ascending=False).items()
    )
    return ChartData(
        title=translate("GapChart", "Areas with a gap, by category"),
        axis=translate("GapChart", "Areas with a gap"),
        unit="",
        bars=bars,
        note_heading="",
    )


class GapChart(QWidget):
    """Horizontal bars; ``set_data`` to change them, ``render_to_image`` for exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("GapChart", "Gap chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.data: ChartData | None = None
        self.colour = palette("YlGnBu", 5)[-2]
        self.setMinimumHeight(round(self._height()))

    # ---- data -----------------------------------------------------------------------------
    def set_result(
        self, result: AnalysisResult | None, category: str, ranked: pd.DataFrame | None = None
    ) -> None:
        """Show ``result`` for one category key (``ranked``: its areas, first first) or, for
        the "any of the chosen categories" key, the gaps per category."""
        if result is None:
            self.set_data(None)
        elif category == ALL_CHOSEN:
            self.set_data(category_chart(result))
        else:
            rows = ranked if ranked is not None else result.ranked_gaps(category)
            label = str(result.for_category(category)["category_label"].iloc[0])
            self.set_data(area_chart(result, rows, label))

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        self.setMinimumHeight(round(self._height()))
        self.setAccessibleDescription(self._describe())
        self.updateGeometry()
        self.update()

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.update()

    def labels(self) -> list[str]:
        return [b.label for b in self.data.bars] if self.data else []

    def _describe(self) -> str:
        if not self.data or not self.data.bars:
            return translate("GapChart", "No gaps to chart.")
        values = "; ".join(
            f"{b.label}: {self._value_text(b.value)}" for b in self.data.bars[:TOP_AREAS]
        )
        return translate("GapChart", "{title}. {axis}: {values}.").format(
            title=self.data.title, axis=self.data.axis, values=values
        )

    # ---- size -----------------------------------------------------------------------------
    def _height(self) -> float:
        rows = len(_rows(self.data.bars)) if self.data else 0
        line = QFontMetricsF(self.font()).height()
        return 2 * PAD + line * 1.6 + line + max(rows, 1) * ROW_H + line * 3.6

    def sizeHint(self) -> QSize:
        return QSize(320, round(self._height()))

    # ---- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self.paint_chart(painter, QRectF(self.rect()))
        painter.end()

    def render_to_image(self, width: int, height: int, dpr: float = 1.0) -> QImage:
        image = QImage(round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(dpr)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(self.font())
        self.paint_chart(painter, QRectF(0, 0, width, height))
        painter.end()
        return image

    def paint_chart(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        data = self.data
        if data is None or not data.bars:
            painter.setPen(MUTED)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, translate("GapChart", "No gaps to chart.")
            )
            painter.restore()
            return
        base = QFont(painter.font())
        metrics = QFontMetricsF(base)
        line = metrics.height()
        title = QFont(base)
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(TEXT)
        title_rect = QRectF(rect.left() + PAD, rect.top() + PAD, rect.width() - 2 * PAD, line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft,
            self._elide(title, data.title, title_rect.width()),
        )
        painter.setFont(base)
        self._paint_bars(painter, rect, data, metrics, rect.top() + PAD + line * 1.6)
        painter.restore()

    def _paint_bars(
        self, painter: QPainter, rect: QRectF, data: ChartData, metrics: QFontMetricsF, top: float
    ) -> None:
        line = metrics.height()
        name_w = min(
            max(metrics.horizontalAdvance(b.label) for b in data.bars) + 6, rect.width() * 0.34
        )
        note_w = (
            max(
                metrics.horizontalAdvance(data.note_heading),
                *(metrics.horizontalAdvance(b.note) for b in data.bars),
            )
            + 8
        )
        left = rect.left() + PAD + name_w
        right = rect.right() - PAD - note_w - metrics.horizontalAdvance(" 100 %")
        maximum = data.maximum or _nice_max(
            max((b.value for b in data.bars if not math.isnan(b.value)), default=1.0)
        )
        scale = (right - left) / maximum if maximum > 0 else 0.0
        rows_top = top + line
        rows = _rows(data.bars)
        bottom = rows_top + len(rows) * ROW_H
        self._paint_grid(painter, data, metrics, left, right, scale, maximum, rows_top, bottom)
        if data.note_heading:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(rect.right() - PAD - note_w, top, note_w, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                data.note_heading,
            )
        for i, row in enumerate(rows):
            y = rows_top + i * ROW_H
            if isinstance(row, Bar):
                self._paint_bar(painter, rect, row, metrics, y, name_w, note_w, left, scale)
            else:
                self._paint_heading(painter, rect, row, y)
        painter.setPen(MUTED)
        axis = QRectF(rect.left() + PAD, bottom + line * 1.2, rect.width() - 2 * PAD, line * 2.2)
        painter.drawText(axis, _CENTRED_WRAP, data.axis)

    def _paint_bar(
        self,
        painter: QPainter,
        rect: QRectF,
        bar: Bar,
        metrics: QFontMetricsF,
        y: float,
        name_w: float,
        note_w: float,
        left: float,
        scale: float,
    ) -> None:
        painter.setPen(TEXT)
        name = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, name_w - 6)
        painter.drawText(
            QRectF(rect.left() + PAD, y, name_w - 6, ROW_H),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        width = 0.0 if math.isnan(bar.value) else max(bar.value * scale, 0.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colour))
        painter.drawRect(QRectF(left, y + (ROW_H - BAR_H) / 2, width, BAR_H))
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(left + width + 4, y, 80, ROW_H),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._value_text(bar.value),
        )
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(rect.right() - PAD - note_w, y, note_w, ROW_H),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            bar.note,
        )

    def _paint_heading(self, painter: QPainter, rect: QRectF, heading: Heading, y: float) -> None:
        """The class of the bars below, with its map colour: why the order is as it is."""
        x = rect.left() + PAD
        if heading.swatch:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(heading.swatch))
            painter.drawRect(QRectF(x, y + (ROW_H - SWATCH) / 2 + 2, SWATCH, SWATCH))
            x += SWATCH + 5
        font = QFont(painter.font())
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(x, y + 2, rect.right() - PAD - x, ROW_H),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            heading.text,
        )
        painter.setFont(font)

    def _paint_grid(
        self,
        painter: QPainter,
        data: ChartData,
        metrics: QFontMetricsF,
        left: float,
        right: float,
        scale: float,
        maximum: float,
        top: float,
        bottom: float,
    ) -> None:
        painter.setPen(QPen(GRID, 1))
        for tick in _ticks(maximum):
            x = left + tick * scale
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(MUTED)
            text = format_number(tick, _label_step(_tick_step(maximum)))
            w = metrics.horizontalAdvance(text)
            painter.drawText(QPointF(x - w / 2, bottom + metrics.ascent() + 2), text)
        if data.threshold is not None and data.threshold <= maximum:
            x = left + data.threshold * scale
            pen = QPen(QColor("#CF222E"), 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
            painter.setPen(QColor("#CF222E"))
            painter.drawText(QPointF(x + 4, top - 3), data.threshold_label)
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(QPointF(left, top), QPointF(left, bottom))

    def _value_text(self, value: float) -> str:
        if math.isnan(value):
            return translate("GapChart", "no figure")
        step = 1.0 if (self.data and self.data.unit == " %") or value >= 10 else 0.01
        return format_number(value, step) + (self.data.unit if self.data else "")

    @staticmethod
    def _elide(font: QFont, text: str, width: float) -> str:
        return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass(frozen=True)
class Heading:
    text: str
    swatch: str = ""


def _rows(bars: tuple[Bar, ...]) -> list[Bar | Heading]:
    """The bars, with a heading wherever the group changes (none when nothing is grouped)."""
    out: list[Bar | Heading] = []
    previous = None
    for bar in bars:
        if bar.group and bar.group != previous:
            out.append(Heading(bar.group, bar.swatch))
        previous = bar.group
        out.append(bar)
    return out


def _nice_max(value: float) -> float:
    """The roundest number at or a little above the longest bar, for the axis end."""
    if value <= 0:
        return 1.0
    nice, _step = roundest_between(value, value * 1.25)
    return nice if nice > 0 else value


def _tick_step(maximum: float) -> float:
    raw = maximum / 4
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _label_step(step: float) -> float:
    """2.5, 25, 250 need one more digit than their step suggests."""
    magnitude = 10.0 ** math.floor(math.log10(step))
    return magnitude / 10 if math.isclose(step / magnitude, 2.5) else step


def _ticks(maximum: float) -> list[float]:
    step = _tick_step(maximum)
    count = int(math.floor(maximum / step + 1e-9))
    return [i * step for i in range(count + 1)]
