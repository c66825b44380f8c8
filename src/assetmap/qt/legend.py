"""The legend: exactly what the map shows, drawn with the map's own symbols.

It is built from the same inputs as the canvas (``session.layers``, the
categories and the placed assets), so a category hidden on the map or with no
assets on it is not in the legend either. A gap map's classes come from the same
``ThematicPlan`` the map is coloured from. ``paint_legend`` draws onto any
painter, so exports can put the same legend on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from assetmap.core.analysis.classify import NO_DATA_COLOUR, NO_DATA_LABEL
from assetmap.core.basemap import store as basemap_store
from assetmap.core.i18n import translated
from assetmap.core.session import SessionView
from assetmap.core.symbols import LEGEND_SAMPLE, NEED_LABEL, PENDING_LABEL
from assetmap.core.taxonomy import group_names
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.canvas import basemap
from assetmap.qt.canvas.scene import paint_pending_rings
from assetmap.qt.canvas.symbols import draw_need, draw_symbol
from assetmap.qt.fonts import without_ligatures
from assetmap.qt.i18n import translate
from assetmap.qt.map_scene import (
    COVERAGE_EDGE_PX,
    HATCH_COLOUR,
    ThematicPlan,
    coverage_scenario,
    see_through,
    thematic_source,
)
from assetmap.qt.session import Session

PAD = 8.0
ROW_MIN = 20.0
SWATCH_W, SWATCH_H = 22.0, 13.0
CELL = 17.0  # one square of the 3×3 need-against-provision key
TEXT_COLOUR = "#1F2328"
MUTED = "#57606A"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend; ``kind`` is heading, caption, area, class, coverage, bivariate,
    group or category. A bivariate entry is the 3×3 key: ``colours`` row by row from low
    need, ``axes`` its (up, across) labels."""

    kind: str
    label: str
    fill: str = ""
    outline: str = ""
    outline_width: float = 0.0
    opacity: float = 1.0
    symbol: str = ""
    colour: str = ""
    size: float = 0.0
    hatch: bool = False
    colours: tuple[str, ...] = ()
    axes: tuple[str, str] = ("", "")


SWATCH_KINDS = ("area", "class", "coverage")
_SYMBOLS = ("category", "pending", "need")


def legend_entries(session: SessionView) -> list[LegendEntry]:
    plan = _shown_plan(session)
    return (
        _gap_entries(session, plan)
        + _area_entries(session, plan)
        + _asset_entries(session)
        + _basemap_entries(session)
    )


def _has_vector_basemap(session: SessionView) -> bool:
    try:
        return basemap_store.has_basemap(session.project)
    except Exception:  # an older schema without the basemap record
        return False


def _over_basemap(session: SessionView) -> bool:
    """Is a basemap drawn under the areas (so their fills are see-through)?"""
    style = session.layers.basemap
    return style.tiles_visible or (style.visible and _has_vector_basemap(session))


def _basemap_entries(session: SessionView) -> list[LegendEntry]:
    """What the basemap's colours are, and whose it is."""
    style = session.layers.basemap
    vector = style.visible and _has_vector_basemap(session)
    if not vector and not style.tiles_visible:
        return []
    out = [LegendEntry("heading", translate("Legend", "Basemap"))]
    if vector:
        out += [
            LegendEntry("area", translate("Legend", "Roads"), fill="#FFFFFF",
                        outline=basemap.ROADS["primary"].casing, outline_width=1.2),
            LegendEntry("area", translate("Legend", "Water"), fill=basemap.WATER),
            LegendEntry("area", translate("Legend", "Parks, woods and green space"),
                        fill=basemap.GREEN["park"]),
            LegendEntry("caption", basemap_store.attribution(session.project)
                        or basemap.ATTRIBUTION),
        ]  # fmt: skip
    if style.tiles_visible:
        source = style.tile_source_object()
        if source is not None:
            credit = f" ({source.attribution})" if source.attribution else ""
            words = translate("Legend", "Map tiles: {name}{credit}")
            out.append(LegendEntry("caption", words.format(name=source.name, credit=credit)))
    return out


def _shown_plan(session: SessionView) -> ThematicPlan | None:
    layers = session.layers
    if layers.thematic is None or layers.thematic.area_set not in layers.visible_area_sets():
        return None
    plan = thematic_source(session).plan(layers.thematic)
    if plan is None or len(plan.classes) != len(area_polygons(session).get(plan.style.area_set)):
        return None
    return plan


def _gap_entries(session: SessionView, plan: ThematicPlan | None) -> list[LegendEntry]:
    """The gap map's key, then the coverage layer, as the map draws them."""
    source = thematic_source(session)
    coverage = source.coverage_info(session.layers.coverage, coverage_scenario(session.layers))
    if plan is None and coverage is None:
        return []
    out = []
    if plan is not None:
        out += _plan_entries(plan, session.layers.area_style(plan.style.area_set))
    else:
        out.append(LegendEntry("heading", translate("Legend", "Coverage")))
    if coverage is not None:
        style = coverage.style
        out.append(
            LegendEntry(
                "coverage",
                coverage.label,
                fill=style.colour,
                outline=style.outline,
                outline_width=COVERAGE_EDGE_PX,
                opacity=style.opacity,
                colours=(_ground(session, plan),),
            )
        )
    return out


def _ground(session: SessionView, plan: ThematicPlan | None) -> str:
    """What the wash is shown over in its key: the map's most striking class, or the plain
    area fill."""
    if plan is not None and plan.colours:
        return (
            plan.colours[-1]
            if plan.style.mode != "measure" or not plan.style.reversed
            else plan.colours[0]
        )
    fills = [session.layers.area_style(n).fill for n in session.layers.visible_area_sets()]
    return next((f for f in fills if f), "#FFFFFF")


def _plan_entries(plan: ThematicPlan, area_style: object) -> list[LegendEntry]:
    outline = getattr(area_style, "outline", MUTED)
    out = [
        LegendEntry("heading", plan.category_label),
        LegendEntry("caption", plan.caption),
    ]
    if plan.style.mode == "bivariate":
        out.append(
            LegendEntry(
                "bivariate",
                translate("Legend", "High need, little provision: look here first"),
                colours=tuple(plan.colours),
                axes=(translate("Legend", "More need"), translate("Legend", "Less provision")),
            )
        )
    else:
        used = set(np.unique(plan.classes).tolist())
        for i, (colour, label) in enumerate(zip(plan.colours, plan.labels, strict=True)):
            if plan.style.mode == "gaps" and i not in used:
                continue
            out.append(LegendEntry("class", label, fill=colour, outline=outline, outline_width=0.6))
    if plan.has_no_data:
        out.append(
            LegendEntry(
                "class",
                NO_DATA_LABEL,
                fill=NO_DATA_COLOUR,
                outline=outline,
                outline_width=0.6,
                hatch=True,
            )
        )
    return out


def _area_entries(session: SessionView, plan: ThematicPlan | None = None) -> list[LegendEntry]:
    layers = session.layers
    shown = list(reversed(layers.visible_area_sets()))  # drawn on top first, as in the layer list
    if plan is not None:
        shown.remove(plan.style.area_set)  # its colours are explained above
    if not shown:
        return []
    out = [LegendEntry("heading", translate("Legend", "Neighbourhoods"))]
    over = _over_basemap(session)
    for name in shown:
        style = layers.area_style(name)
        out.append(
            LegendEntry(
                "area",
                name,
                fill=see_through(style.fill, style.fill_over_basemap) if over else style.fill,
                outline=style.outline,
                outline_width=style.outline_width,
                opacity=style.opacity,
            )
        )
    return out


def _asset_entries(session: SessionView) -> list[LegendEntry]:
    layers = session.layers
    cats = session.categories()
    on_map = set(session.points()["category"].unique())
    visible = set(layers.visible_categories([c.key for c in cats])) & on_map
    shown = [c for c in cats if c.key in visible]
    if not shown:
        return []
    out = [LegendEntry("heading", translate("Legend", "Assets"))]
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
    return out + _need_entry(session, visible) + _pending_entry(session, visible)


def _need_entry(session: SessionView, visible: set[str]) -> list[LegendEntry]:
    """The need pin's symbol, when any pin shown is a need ("this is missing here")."""
    points = session.points()
    if "pin_kind" not in points.columns:
        return []
    needs = points[(points["pin_kind"] == "need") & points["category"].isin(visible)]
    if not len(needs):
        return []
    size = session.layers.category_style(str(needs["category"].iloc[0])).size
    return [
        LegendEntry("group", translate("Legend", "Workshop pins")),
        LegendEntry(
            "need", translated(NEED_LABEL), symbol="circle", colour=LEGEND_SAMPLE, size=size
        ),
    ]


def _pending_entry(session: SessionView, visible: set[str]) -> list[LegendEntry]:
    """The dashed ring, when any asset shown is awaiting review."""
    points = session.points()
    if "review" not in points.columns:  # print exports' points (they draw no rings yet)
        return []
    waiting = points[(points["review"] == "pending") & points["category"].isin(visible)]
    if not len(waiting):
        return []
    size = session.layers.category_style(str(waiting["category"].iloc[0])).size
    return [
        LegendEntry("group", translate("Legend", "Review")),
        LegendEntry(
            "pending", translated(PENDING_LABEL), symbol="circle", colour=LEGEND_SAMPLE, size=size
        ),
    ]


# ---- layout and painting (shared by the widget and exports) ------------------------------------
def _fonts() -> dict[str, QFont]:
    base = without_ligatures(QFont())
    heading = QFont(base)
    heading.setBold(True)
    heading.setPointSizeF(base.pointSizeF() * 1.05)
    group = QFont(base)
    group.setWeight(QFont.Weight.DemiBold)
    group.setPointSizeF(base.pointSizeF() * 0.95)
    caption = QFont(base)
    caption.setPointSizeF(base.pointSizeF() * 0.92)
    return {
        "heading": heading,
        "group": group,
        "caption": caption,
        "area": base,
        "class": base,
        "coverage": base,
        "category": base,
        "pending": base,
        "need": base,
        "bivariate": caption,
    }


def _key_width(entries: list[LegendEntry]) -> float:
    sizes = [
        e.size + (8 if e.kind in ("pending", "need") else 0) for e in entries if e.kind in _SYMBOLS
    ]
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
        elif entry.kind == "caption":
            text = metrics.boundingRect(QRectF(0, 0, width - 2 * PAD, 1e6), _WRAP, entry.label)
            height = text.height() + 4
        elif entry.kind == "bivariate":
            height = _bivariate_height(entry, width, metrics)
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
_WRAP_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)


def _bivariate_height(entry: LegendEntry, width: float, metrics: QFontMetricsF) -> float:
    note_w = max(width - 2 * PAD - 3 * CELL - 16, 60.0)
    note = metrics.boundingRect(QRectF(0, 0, note_w, 1e6), _WRAP_TOP, entry.label).height()
    return 2 * metrics.height() + max(3 * CELL, note) + 10


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
            translate("Legend", "Nothing is shown on the map."),
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
        if entry.kind == "caption":
            painter.setPen(QColor(MUTED))
            painter.drawText(box, _WRAP, entry.label)
            continue
        if entry.kind == "bivariate":
            _paint_bivariate(painter, entry, box)
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
    if entry.kind == "coverage":
        _paint_wash_key(painter, entry, centre)
        return
    painter.save()
    painter.setOpacity(entry.opacity)
    if entry.kind == "need":
        draw_need(painter, centre, entry.symbol, entry.colour, entry.size)
    elif entry.kind in _SYMBOLS:
        draw_symbol(painter, centre, entry.symbol, entry.colour, entry.size)
        if entry.kind == "pending":
            sizes = np.array([entry.size])
            paint_pending_rings(painter, np.array([centre.x()]), np.array([centre.y()]), sizes)
    else:
        swatch = QRectF(centre.x() - SWATCH_W / 2, centre.y() - SWATCH_H / 2, SWATCH_W, SWATCH_H)
        pen = QPen(QColor(entry.outline or MUTED), max(entry.outline_width, 0.0))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen if entry.outline_width > 0 else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(entry.fill) if entry.fill else Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch)
        if entry.hatch:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(HATCH_COLOUR), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(swatch)
    painter.restore()


def _paint_wash_key(painter: QPainter, entry: LegendEntry, centre: QPointF) -> None:
    """The coverage wash as the map draws it: over the ground, translucent, edged opaque."""
    swatch = QRectF(centre.x() - SWATCH_W / 2, centre.y() - SWATCH_H / 2, SWATCH_W, SWATCH_H)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(entry.colours[0] if entry.colours else "#FFFFFF"))
    painter.drawRect(swatch)
    painter.setOpacity(entry.opacity)
    painter.setBrush(QColor(entry.fill))
    painter.drawRect(swatch)
    painter.setOpacity(1.0)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(entry.outline), entry.outline_width))
    painter.drawRect(swatch)
    painter.restore()


def _paint_bivariate(painter: QPainter, entry: LegendEntry, box: QRectF) -> None:
    """The 3×3 key: more need upwards, less provision to the right, and what the dark
    corner means beside it."""
    painter.save()
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    up, across = entry.axes
    x0, y0 = box.left() + 4, box.top() + line + 4
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(QPointF(x0, box.top() + metrics.ascent()), f"↑ {up}")
    painter.setPen(QPen(QColor("white"), 1))
    for index, colour in enumerate(entry.colours):
        row, col = divmod(index, 3)
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(x0 + col * CELL, y0 + (2 - row) * CELL, CELL, CELL))
    painter.setPen(QColor(TEXT_COLOUR))
    painter.drawText(QPointF(x0, y0 + 3 * CELL + 2 + metrics.ascent()), f"{across} →")
    note_x = x0 + 3 * CELL + 8
    note = QRectF(note_x, y0, max(box.right() - note_x, 60.0), 3 * CELL + line)
    painter.setPen(QColor(MUTED))
    painter.drawText(note, _WRAP_TOP, f"← {entry.label}")
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
        self.canvas.setAccessibleName(translate("Legend", "Legend"))
        self.setWidget(self.canvas)
        self.setAccessibleName(translate("Legend", "Legend"))
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
        self._entries = legend_entries(self.session.model)
        self.canvas.setAccessibleDescription(self._describe())
        self._fit()
        self.canvas.update()

    def _describe(self) -> str:
        """Screen readers cannot see a painted legend; say it in words instead."""
        if not self._entries:
            return translate("Legend", "Nothing is shown on the map.")
        parts = []
        for e in self._entries:
            if e.kind in ("heading", "group"):
                parts.append(f"{e.label}:")
            elif e.kind == "bivariate":
                parts.append(
                    translate("Legend", "{up} upwards, {across} to the right; {key};").format(
                        up=e.axes[0], across=e.axes[1], key=e.label
                    )
                )
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
