"""Presentation mode (View ▸ Present, F5; Esc leaves): the map full screen for a projector,
a bar of large category buttons along the bottom, the tally and timer top right, the join
address while sharing, and nothing else.

It is a second map canvas on the same session: what the main window changes shows here at
once, and the other way round. Only approved pins are shown (a participant's pending pin is
not put in front of the room). The facilitator adds a pin in three taps: Asset or Need, a
category, the map; it goes through the workshop controller, approved, as theirs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.analysis.wording import category_in_sentence
from assetmap.core.errors import AssetmapError
from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.canvas import MapCanvas, ScaleBar
from assetmap.qt.canvas.tiles import TileService
from assetmap.qt.canvas.tools import CLICK_SLOP_PX, Tool
from assetmap.qt.canvas.view import View
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.window.attribution import map_attribution
from assetmap.qt.workshop.gap_shading import GAP_DISTANCE_M, GapShading
from assetmap.qt.workshop.palette import BAR_STYLE, BUTTON_H, TOUCH_PX, CategoryPalette
from assetmap.qt.workshop.present_scene import PresentationSceneBuilder
from assetmap.qt.workshop.tally_overlay import (
    CARD_STYLE,
    JoinCard,
    TallyCard,
    TallyLine,
    big_font,
    tally_lines,
)

MARGIN = 18
TALLY_DELAY_MS = 150  # a burst of approvals redraws the tally once
MESSAGE_MS = 6000
NO_SESSION = QT_TRANSLATE_NOOP(
    "Present",
    "Start a workshop session first (Workshop ▸ New session…): the pins added here "
    "belong to a session.",
)

ENDED = QT_TRANSLATE_NOOP(
    "Present", "This session has ended: start a new one (Workshop ▸ New session…) to add pins."
)


class Controller(Protocol):
    """What the window asks of the workshop controller (qt.workshop.controller)."""

    workshop_changed: SignalInstance
    sharing_changed: SignalInstance

    @property
    def workshop(self) -> object | None: ...

    @property
    def url(self) -> str | None: ...

    def qr_image(self, size_px: int) -> QImage | None: ...

    def add_pin(self, kind: str, category: str, x: float, y: float, name: str = "") -> None: ...


class TapTool(Tool):
    """A tap places (calls ``on_tap`` with the map position); a drag pans, on a touch
    screen as with a mouse."""

    name = "tap"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: MapCanvas, on_tap: Callable[[float, float], None]) -> None:
        self.canvas = self.map = canvas
        self.on_tap = on_tap
        self._origin: QPointF | None = None

    def press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = event.position()

    def move(self, event: QMouseEvent) -> None:
        if self._origin is None:
            return
        delta = event.position() - self._origin
        if abs(delta.x()) + abs(delta.y()) > CLICK_SLOP_PX * 2:
            self.map.start_drag_pan(self._origin)
            self.map.continue_drag_pan(event.position())
            self._origin = None

    def release(self, event: QMouseEvent) -> None:
        if self._origin is None:
            return
        self._origin = None
        x, y = self.world(event)
        self.on_tap(x, y)


class AttributionLine:
    """The data's attribution at the foot of the map, as the main window prints it, with
    no network badge (the room has no use for it)."""

    def __init__(self, text: Callable[[], str]) -> None:
        self.text = text

    def paint(self, painter: QPainter, view: View) -> None:
        text = self.text()
        if not text:
            return
        font = QFont()
        font.setPointSizeF(8.0)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(view.width * 0.6, 200))
        w, h = metrics.horizontalAdvance(elided), metrics.height() + 6
        rect = QRectF(view.width - w - 16, view.height - h - 6, w + 10, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("#3B4450"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)


class PresentationWindow(QWidget):
    """The projector's window; ``closed`` when it is left (Esc, or the Leave button)."""

    closed = Signal()

    def __init__(
        self,
        session: Session,
        controller: Controller | None = None,
        *,
        tiles: TileService | None = None,
        started: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentationWindow")
        self.setWindowTitle(
            translate("Present", "{project} — presenting — assetmap").format(
                project=session.project.name
            )
        )
        self.session = session
        self.controller = controller
        self.started = started if started is not None else time.monotonic()
        self.builder = PresentationSceneBuilder(session.model, tiles)
        self.canvas = MapCanvas(lambda: self.builder.scene(self.canvas.view), self)
        self.canvas.setAccessibleName(translate("Present", "Presentation map"))
        self.canvas.tool = TapTool(self.canvas, self._tapped)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self._attribution = ""
        self.canvas.overlays += [ScaleBar(), AttributionLine(lambda: self._attribution)]
        self.gaps = GapShading(session, self.builder, self)
        self._build()
        self._connect(tiles)
        self._tally_timer = QTimer(self)
        self._tally_timer.setSingleShot(True)
        self._tally_timer.setInterval(TALLY_DELAY_MS)
        self._tally_timer.timeout.connect(self.refresh_tally)
        self.refresh_tally()
        self._show_sharing()
        self._update_title()
        self._update_attribution()
        QTimer.singleShot(0, self.zoom_to_all)

    # ---- building --------------------------------------------------------------------
    def _categories(self) -> list[Category]:
        """What the facilitator may add: every category but personal-data ones (the room
        sees them) and the catch-all."""
        return [
            c for c in self.session.categories() if not c.personal_data and c.key != "uncategorised"
        ]

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        self.bar = QFrame()
        self.bar.setObjectName("workshopBar")
        self.bar.setStyleSheet(BAR_STYLE)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(12)
        self.category_bar = CategoryPalette(self._categories())
        row.addWidget(self.category_bar, 1)
        self.gap_button = self._bar_button(
            translate("Present", "Gaps: off"), translate("Present", "Shade one category's gaps")
        )
        self.gap_menu = QMenu(self.gap_button)
        self.gap_menu.aboutToShow.connect(self._fill_gap_menu)
        self.gap_button.setMenu(self.gap_menu)
        row.addWidget(self.gap_button)
        layout.addWidget(self.bar)
        self._build_cards()

    def _bar_button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setMinimumSize(150, BUTTON_H)
        button.setFont(big_font(self.font(), 1.25, bold=True))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _build_cards(self) -> None:
        """The cards float over the map (children of the canvas), placed in resizeEvent."""
        self.tally = TallyCard(lambda: self.started, self._category_map, self.canvas)
        self.join = JoinCard(self.canvas)
        self.title_card = QFrame(self.canvas)
        self.title_card.setObjectName("workshopCard")
        self.title_card.setStyleSheet(CARD_STYLE)
        title_row = QHBoxLayout(self.title_card)
        title_row.setContentsMargins(8, 8, 18, 8)
        title_row.setSpacing(14)
        self.leave_button = QPushButton(translate("Present", "✕ Leave"))
        leave = translate("Present", "Leave presentation (Esc)")
        self.leave_button.setAccessibleName(leave)
        self.leave_button.setToolTip(leave)
        self.leave_button.setMinimumSize(120, TOUCH_PX)
        self.leave_button.setFont(big_font(self.font(), 1.2, bold=True))
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leave_button.clicked.connect(self.close)
        title_row.addWidget(self.leave_button)
        self.title = QLabel()
        self.title.setFont(big_font(self.font(), 1.7, bold=True))
        title_row.addWidget(self.title)
        self.message = QLabel(self.canvas)
        self.message.setObjectName("workshopMessage")
        self.message.setStyleSheet(
            "QLabel#workshopMessage { background: rgba(31, 35, 40, 230); color: white; "
            "border-radius: 12px; padding: 12px 22px; }"
        )
        self.message.setFont(big_font(self.font(), 1.5, bold=True))
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._show_hint)
        self.gap_key = QLabel(self.canvas)
        self.gap_key.setObjectName("workshopGapKey")
        self.gap_key.setStyleSheet(
            "QLabel#workshopGapKey { background: rgba(255, 255, 255, 238); color: #1F2328; "
            "border: 2px solid #D0D7DE; border-left: 18px solid rgba(217, 72, 1, 150); "
            "padding: 8px 14px; }"
        )
        self.gap_key.setFont(big_font(self.font(), 1.2))
        self.gap_key.hide()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _connect(self, tiles: TileService | None) -> None:
        s = self.session
        s.assetsChanged.connect(self._on_data_changed)
        s.categoriesChanged.connect(self._on_data_changed)
        s.areaSetsChanged.connect(self._on_data_changed)
        s.layersChanged.connect(lambda _layer: self.canvas.refresh())
        s.closing.connect(self.close)
        self.builder.basemap_source.ready.connect(self.canvas.refresh)
        if tiles is not None:
            tiles.arrived.connect(self.canvas.refresh)
        self.canvas.rendered.connect(self._update_attribution)
        self.category_bar.armedChanged.connect(self._show_hint)
        self.gaps.changed.connect(self._on_gaps_changed)
        self.gaps.failed.connect(lambda text: self.say(text))
        self.gaps.job.busyChanged.connect(lambda _busy: self._update_gap_button())
        if self.controller is not None:
            self.controller.workshop_changed.connect(self._on_workshop_changed)
            self.controller.sharing_changed.connect(self._show_sharing)

    # ---- what is shown ---------------------------------------------------------------
    def zoom_to_all(self) -> None:
        if not self.session.is_open:
            return
        extent = self.session.full_extent()
        if extent is None:
            geometry = self.builder.basemap_geometry()
            extent = geometry.bounds if geometry is not None else None
        if extent is not None:
            self.canvas.set_view(self._fitted_beside_cards(extent))

    def _fitted_beside_cards(self, extent: tuple[float, float, float, float]) -> View:
        """The view that shows ``extent`` whole in the part of the map the cards leave
        free (left of the tally, below the title), so no corner of it is hidden."""
        view = self.canvas.view
        left, top = MARGIN, self.title_card.geometry().bottom() + MARGIN
        right = max(left + 200, view.width - self.tally.width() - 2 * MARGIN)
        bottom = max(top + 200, view.height - MARGIN)
        free = View(0.0, 0.0, 1.0, right - left, bottom - top).fitted(extent, 0.03)
        ex, ey = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
        sx, sy = (left + right) / 2, (top + bottom) / 2
        return replace(
            view,
            cx=ex + (view.width / 2 - sx) * free.scale,
            cy=ey - (view.height / 2 - sy) * free.scale,
            scale=free.scale,
        )

    def workshop_id(self) -> str | None:
        workshop = self.controller.workshop if self.controller is not None else None
        return getattr(workshop, "id", None)

    def _category_map(self) -> dict[str, Category]:
        return {c.key: c for c in self.session.categories()}

    def refresh_tally(self) -> None:
        if not self.session.is_open:
            return
        lines: list[TallyLine] = tally_lines(self.session.project, self.workshop_id())
        self.tally.show_lines(lines)
        self._place_cards()

    def _on_data_changed(self, *_args: object) -> None:
        self.canvas.refresh()
        self._tally_timer.start()

    def _on_workshop_changed(self) -> None:
        self._update_title()
        self.refresh_tally()

    def _update_title(self) -> None:
        workshop = self.controller.workshop if self.controller is not None else None
        name = getattr(workshop, "name", "") or self.session.project.name
        place = getattr(workshop, "place", "")
        self.title.setText(f"{name} · {place}" if place else name)
        self.title_card.adjustSize()

    def _show_sharing(self) -> None:
        url = self.controller.url if self.controller is not None else None
        image = self.controller.qr_image(JoinCard.QR_PX) if self.controller and url else None
        self.join.show_address(url, image)
        self._place_cards()

    def _update_attribution(self) -> None:
        if self.session.is_open:
            self._attribution = map_attribution(self.session.project, self.builder.attributions())

    # ---- adding pins -----------------------------------------------------------------
    def _tapped(self, x: float, y: float) -> None:
        key = self.category_bar.armed
        if key is None:
            self.say(
                translate("Present", "Choose Asset or Need and a category below, then tap the map.")
            )
            return
        workshop = self.controller.workshop if self.controller is not None else None
        if self.controller is None or workshop is None:
            self.say(translate("Present", NO_SESSION))
            return
        if getattr(workshop, "ended", False):
            self.say(translate("Present", ENDED))
            return
        kind = self.category_bar.kind
        try:
            self.controller.add_pin(kind, key, x, y)
        except AssetmapError as exc:
            self.say(str(exc))
            return
        word = translate("Present", "Need") if kind == "need" else translate("Present", "Asset")
        self.say(
            translate("Present", "Added: {kind}, {category}. Tap again to add another.").format(
                kind=word, category=self.category_bar.label(key)
            )
        )

    def _show_hint(self) -> None:
        key = self.category_bar.armed
        if key is None:
            self.message.hide()
            return
        hint = (
            translate("Present", "Tap the map to add a need: {category}")
            if self.category_bar.kind == "need"
            else translate("Present", "Tap the map to add an asset: {category}")
        )
        self._set_message(hint.format(category=self.category_bar.label(key)))

    def say(self, text: str) -> None:
        """Show ``text`` over the map for a few seconds, then the current hint."""
        self._set_message(text)
        self._message_timer.start(MESSAGE_MS)

    def _set_message(self, text: str) -> None:
        self.message.setText(text)
        room = max(320, self.canvas.width() - 2 * 420)
        wide = self.message.fontMetrics().horizontalAdvance(text) + 60
        self.message.setWordWrap(wide > room)
        self.message.setFixedWidth(min(room, wide))
        self.message.adjustSize()
        self.message.show()
        self.message.raise_()
        self._place_cards()

    # ---- gap shading -----------------------------------------------------------------
    def _fill_gap_menu(self) -> None:
        self.gap_menu.clear()
        self.gap_menu.setFont(big_font(self.font(), 1.2))
        off = self.gap_menu.addAction(translate("Present", "No shading"))
        off.triggered.connect(lambda: self.shade_gaps(None))
        self.gap_menu.addSeparator()
        on_map = set(self.session.points()["category"].unique())
        for cat in self._categories():
            if cat.key in on_map:
                action = self.gap_menu.addAction(cat.label)
                action.setCheckable(True)
                action.setChecked(cat.key == self.gaps.category)
                action.triggered.connect(lambda _=False, k=cat.key: self.shade_gaps(k))

    def shade_gaps(self, key: str | None) -> None:
        """Shade ``key``'s gaps, kept up to date as pins are approved (None: off)."""
        self.gaps.set_category(key)
        self._update_gap_button()

    def _update_gap_button(self) -> None:
        key = self.gaps.category
        label = self.category_bar.label(key) if key else translate("Present", "off")
        busy = " …" if self.gaps.job.busy else ""
        self.gap_button.setText(
            translate("Present", "Gaps: {category}").format(category=_short(label)) + busy
        )

    def _on_gaps_changed(self) -> None:
        key = self.gaps.category
        if key is None:
            self.gap_key.hide()
        else:
            label = self.category_bar.label(key)
            self.gap_key.setText(
                translate(
                    "Present",
                    "Shaded: gaps in {category} (less than half of the area within "
                    "{distance:.0f} m of one)",
                ).format(category=category_in_sentence(label), distance=GAP_DISTANCE_M)
            )
            self.gap_key.adjustSize()
            self.gap_key.show()
        self._update_gap_button()
        self._place_cards()
        self.canvas.refresh()

    # ---- layout and leaving ----------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def _place_cards(self) -> None:
        w, h = self.canvas.width(), self.canvas.height()
        self.tally.adjustSize()
        self.tally.move(w - self.tally.width() - MARGIN, MARGIN)
        self.join.adjustSize()
        self.join.move(w - self.join.width() - MARGIN, self.tally.geometry().bottom() + MARGIN)
        self.title_card.adjustSize()
        self.title_card.move(MARGIN, MARGIN)
        self.gap_key.move(MARGIN, h - self.gap_key.height() - MARGIN - 28)
        above = self.gap_key.y() if self.gap_key.isVisible() else h - 40
        self.message.move(
            max(MARGIN, (w - self.message.width()) // 2), above - self.message.height() - 14
        )
        for card in (self.tally, self.join, self.title_card, self.gap_key, self.message):
            card.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves, wherever the focus is (the map passes keys it does not use up)."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.gaps.set_category(None)
        self.closed.emit()
        super().closeEvent(event)


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
