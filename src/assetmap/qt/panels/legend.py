"""The legend: exactly what the map shows, drawn with the map's own symbols.

It is built from the same inputs as the canvas (``session.layers``, the
categories and the placed assets), so a category hidden on the map or with no
assets on it is not in the legend either. ``paint_legend`` draws onto any
painter, so exports can put the same legend on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from assetmap.core.taxonomy import group_names
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.session import Session

PAD = 8.0
ROW_MIN = 20.0
SWATCH_W, SWATCH_H = 22.0, 13.0
TEXT_COLOUR = "#1F2328"
MUTED = "#57606A"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend; ``kind`` is heading, area, group or category."""

    kind: str
    label: str
    fill: str = ""
    outline: str = ""
    outline_width: float = 0.0
    opacity: float = 1.0
    symbol: str = ""
    colour: str = ""
    size: float = 0.0


def legend_entries(session: Session) -> list[LegendEntry]:
    return _area_entries(session) + _asset_entries(session)


def _area_entries(session: Session) -> list[LegendEntry]:
    layers = session.layers
    shown = list(reversed(layers.visible_area_sets()))  # drawn on top first, as in the layer list
    if not shown:
        return []
    out = [LegendEntry("heading", "Neighbourhoods")]
    for name in shown:
        style = layers.area_style(name)
        out.append(
            LegendEntry(
                "area",
                name,
                fill=style.fill,
                outline=style.outline,
                outline_width=style.outline_width,
                opacity=style.opacity,
            )
        )
    return out


def _asset_entries(session: Session) -> list[LegendEntry]:
    layers = session.layers
    cats = session.categories()
    on_map = set(session.points()["category"].unique())
    visible = set(layers.visible_categories([c.key for c in cats])) & on_map
    shown = [c for c in cats if c.key in visible]
    if not shown:
        return []
    out = [LegendEntry("heading", "Assets")]
    known = group_names()
    groups = list(dict.fromkeys(c.group for c in shown))
    groups = [g for g in known if g in groups] + sorted(g for g in groups if g not in known)
    for group in groups:
        out.append(LegendEntry("group", group))
        for cat in (c for c in shown if c.group == group):
            out.append(
                LegendEntry(
                    "category",
                    cat.label,
                    symbol=cat.symbol,
                    colour=cat.colour,
                    size=layers.category_style(cat.key).size,
                    opacity=layers.asset_opacity,
                )
            )
    return out


# ---- layout and painting (shared by the widget and exports) ------------------------------------
def _fonts() -> dict[str, QFont]:
    base = QFont()
    heading = QFont(base)
    heading.setBold(True)
    heading.setPointSizeF(base.pointSizeF() * 1.05)
    group = QFont(base)
    group.setWeight(QFont.Weight.DemiBold)
    group.setPointSizeF(base.pointSizeF() * 0.95)
    return {"heading": heading, "group": group, "area": base, "category": base}


def _key_width(entries: list[LegendEntry]) -> float:
    sizes = [e.size for e in entries if e.kind == "category"]
    return max([SWATCH_W, *(s + 6 for s in sizes)])


def layout_legend(entries: list[LegendEntry], width: float) -> list[tuple[LegendEntry, QRectF]]:
    """Where each entry goes in a column ``width`` pixels wide, from y = 0."""
    fonts = _fonts()
    key_w = _key_width(entries)
    y = PAD
    out = []
    for i, entry in enumerate(entries):
        metrics = QFontMetricsF(fonts[entry.kind])
        if entry.kind in ("heading", "group"):
            y += (10.0 if entry.kind == "heading" else 5.0) if i else 0.0
            height = metrics.height() + 3
            out.append((entry, QRectF(PAD, y, width - 2 * PAD, height)))
        else:
            text_w = max(width - 2 * PAD - key_w - 8, 40.0)
            text = metrics.boundingRect(QRectF(0, 0, text_w, 1e6), _WRAP, entry.label)
            height = max(ROW_MIN, text.height() + 4, entry.size + 4)
            out.append((entry, QRectF(PAD, y, width - 2 * PAD, height)))
        y += height
    return out


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(
    Qt.TextFlag.TextWordWrap
)


def legend_height(entries: list[LegendEntry], width: float) -> float:
    placed = layout_legend(entries, width)
    return (placed[-1][1].bottom() + PAD) if placed else 2 * ROW_MIN


def paint_entries(painter: QPainter, entries: list[LegendEntry], rect: QRectF) -> float:
    """Draw the legend into ``rect``; returns the height used."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(rect.topLeft())
    if not entries:
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(PAD, 0, rect.width() - 2 * PAD, 2 * ROW_MIN),
            _WRAP,
            "Nothing is shown on the map.",
        )
        painter.restore()
        return 2 * ROW_MIN
    fonts = _fonts()
    key_w = _key_width(entries)
    placed = layout_legend(entries, rect.width())
    for entry, box in placed:
        painter.setFont(fonts[entry.kind])
        if entry.kind in ("heading", "group"):
            painter.setPen(QColor(TEXT_COLOUR if entry.kind == "heading" else MUTED))
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), entry.label
            )
            continue
        centre = QPointF(box.left() + 4 + key_w / 2, box.center().y())
        _paint_key(painter, entry, centre)
        painter.setPen(QColor(TEXT_COLOUR))
        text_box = QRectF(
            box.left() + 4 + key_w + 8, box.top(), box.width() - key_w - 12, box.height()
        )
        painter.drawText(text_box, _WRAP, entry.label)
    painter.restore()
    return placed[-1][1].bottom() + PAD


def _paint_key(painter: QPainter, entry: LegendEntry, centre: QPointF) -> None:
    painter.save()
    painter.setOpacity(entry.opacity)
    if entry.kind == "category":
        draw_symbol(painter, centre, entry.symbol, entry.colour, entry.size)
    else:
        swatch = QRectF(centre.x() - SWATCH_W / 2, centre.y() - SWATCH_H / 2, SWATCH_W, SWATCH_H)
        pen = QPen(QColor(entry.outline or MUTED), max(entry.outline_width, 0.0))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen if entry.outline_width > 0 else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(entry.fill) if entry.fill else Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch)
    painter.restore()


# ---- the widget ------------------------------------------------------------------------------
class _LegendCanvas(QWidget):
    def __init__(self, legend: LegendWidget) -> None:
        super().__init__(legend)
        self.legend = legend

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self.legend.paint_legend(painter, QRectF(self.rect()))
        painter.end()


class LegendWidget(QScrollArea):
    """The legend dock: follows the layer list and the data; scrolls when long."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas = _LegendCanvas(self)
        self.canvas.setAccessibleName("Legend")
        self.setWidget(self.canvas)
        self.setAccessibleName("Legend")
        self._entries: list[LegendEntry] = []
        session.layersChanged.connect(self.refresh)
        session.categoriesChanged.connect(self.refresh)
        session.areaSetsChanged.connect(self.refresh)
        session.assetsChanged.connect(self.refresh)
        self.refresh()

    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def labels(self, kind: str = "category") -> list[str]:
        return [e.label for e in self._entries if e.kind == kind]

    def refresh(self, *_args: object) -> None:
        self._entries = legend_entries(self.session)
        self.canvas.setAccessibleDescription(self._describe())
        self._fit()
        self.canvas.update()

    def _describe(self) -> str:
        """Screen readers cannot see a painted legend; say it in words instead."""
        if not self._entries:
            return "Nothing is shown on the map."
        parts = []
        for e in self._entries:
            if e.kind in ("heading", "group"):
                parts.append(f"{e.label}:")
            else:
                parts.append(f"{e.label};")
        return " ".join(parts)

    def _fit(self) -> None:
        width = max(self.viewport().width(), 120)
        self.canvas.setMinimumHeight(round(legend_height(self._entries, width)))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        self._fit()

    def paint_legend(self, painter: QPainter, rect: QRectF) -> float:
        """Draw the legend into ``rect`` of any painter (widget, image, PDF); returns its height."""
        return paint_entries(painter, self._entries, rect)

    def render_to_image(self, width: int, dpr: float = 1.0) -> QImage:
        """The legend on white, ``width`` logical pixels wide, as tall as it needs."""
        height = legend_height(self._entries, width)
        image = QImage(round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(dpr)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self.paint_legend(painter, QRectF(0, 0, width, height))
        painter.end()
        return image
