"""The map widget: shows the last rendered image at once, renders the exact one off-thread.

Pan and zoom move the cached image (a single drawImage, well under a frame);
an exact render of the new view starts in a worker thread shortly after the
view stops changing, and replaces the image when it arrives. Input is never
blocked by drawing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from assetmap.qt.canvas.focus import paint_focus, pan_steps
from assetmap.qt.canvas.scene import Scene
from assetmap.qt.canvas.tools import Tool
from assetmap.qt.canvas.view import View
from assetmap.qt.i18n import translate
from assetmap.qt.workers import Send, sender_for

log = logging.getLogger(__name__)

RENDER_DELAY_MS = 40  # wait this long after the last pan/zoom step before the exact render
WHEEL_STEP = 1.25
PREPARE_DELAY_MS = 250  # idle this long after a render before the next zoom levels are built


class _RenderSignals(QObject):
    done = Signal(int, object, object, float)  # generation, image, view, seconds


class _RenderJob(QRunnable):
    def __init__(
        self,
        generation: int,
        scene: Scene,
        view: View,
        dpr: float,
        is_stale: Callable[[int], bool],
        report: Send,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.scene = scene
        self.view = view
        self.dpr = dpr
        self.is_stale = is_stale
        self.report = report

    def run(self) -> None:
        start = time.perf_counter()
        image = None
        try:
            image = self.scene.render(self.view, self.dpr, lambda: self.is_stale(self.generation))
        except Exception:  # one bad layer must not leave the map waiting for ever
            log.exception("drawing the map failed")
        finally:
            # Always report back (stale, failed or not): the canvas starts the next render
            # from here. Through the mailbox, never a queued emit from this thread (see
            # assetmap.qt.workers: that can freeze the app).
            seconds = time.perf_counter() - start
            self.report("done", self.generation, image, self.view, seconds)


class _PrepareJob(QRunnable):
    """While the map is idle: build the tiles of the next zoom levels in and out, so the
    first render after a zoom does not build them. Stops as soon as a render is asked for
    (the pool has one thread: that render waits for at most one tile)."""

    def __init__(self, scene: Scene, views: list[View], cancelled: Callable[[], bool]) -> None:
        super().__init__()
        self.scene = scene
        self.views = views
        self.cancelled = cancelled

    def run(self) -> None:
        try:
            for view in self.views:
                if self.cancelled():
                    return
                self.scene.prepare(view, self.cancelled)
        except Exception:  # a cache warm-up must never take the app down
            log.exception("preparing the next zoom levels failed")


class Overlay(Protocol):
    """Something drawn over the map on the GUI thread (selection, rubber band, scale bar)."""

    def paint(self, painter: QPainter, view: View) -> None: ...


class MapCanvas(QWidget):
    """Pan/zoom/tool events in; ``viewChanged`` and tool signals out."""

    viewChanged = Signal()
    rendered = Signal(float)  # seconds the last exact render took
    mouseMovedTo = Signal(float, float)  # world coordinates under the cursor

    def __init__(self, scene_source: Callable[[], Scene], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setAccessibleName(translate("Map", "Map"))
        self.setAccessibleDescription(
            translate(
                "Map",
                "The map. Arrow keys move the map under the centre cross-hair (Shift for larger "
                "steps), plus and minus zoom, Home shows everything. Enter acts at the "
                "cross-hair: shows what is there, adds or places an asset.",
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._scene_source = scene_source
        self._view = View(385_000.0, 395_000.0, 20.0, max(self.width(), 1), max(self.height(), 1))
        self._image: QImage | None = None
        self._image_view: View | None = None
        self._generation = 0
        self._latest = 0
        self._lock = threading.Lock()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _RenderSignals(self)
        self._signals.done.connect(self._on_rendered)
        self._report = sender_for(self._signals)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_render)
        self._rendering = False
        self._pending = False
        self._scene: Scene | None = None
        self._prepare_for: tuple[int, View, Scene] | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare_next_levels)
        self.overlays: list[Overlay] = []
        self.tool: Tool | None = None
        self._drag_origin: QPointF | None = None
        self._drag_view: View | None = None
        self.last_render_seconds = 0.0
        self.background = QColor("#FAFBFC")

    # ---- view ---------------------------------------------------------------------------
    def set_scene_source(self, scene_source: Callable[[], Scene]) -> None:
        """Draw from another source from the next render on (another project opened)."""
        self._scene_source = scene_source

    @property
    def view(self) -> View:
        return self._view

    def set_view(self, view: View) -> None:
        if view == self._view:
            return
        self._view = view
        self.update()
        self.viewChanged.emit()
        self.schedule_render()

    def zoom_to(
        self, bounds: tuple[float, float, float, float] | None, margin: float = 0.05
    ) -> None:
        if bounds is None:
            return
        self.set_view(self._view.fitted(bounds, margin))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_view(self._view.zoomed(factor, anchor))

    def pan_by(self, dx: float, dy: float) -> None:
        self.set_view(self._view.panned(dx, dy))

    def centre_on(self, x: float, y: float, scale: float | None = None) -> None:
        self.set_view(replace(self._view, cx=x, cy=y, scale=scale or self._view.scale))

    # ---- rendering ------------------------------------------------------------------------
    def schedule_render(self, delay_ms: int = RENDER_DELAY_MS) -> None:
        """Ask for an exact render soon; repeated calls while panning collapse into one."""
        self._timer.start(delay_ms)

    def refresh(self) -> None:
        """The data or styles changed: render again without waiting."""
        self.schedule_render(0)

    def _start_render(self) -> None:
        if self._rendering:
            self._pending = True
            with self._lock:
                self._latest = self._generation + 1  # makes the running job stale
            return
        with self._lock:
            self._generation += 1
            self._latest = self._generation
            generation = self._generation
        self._rendering = True
        self._pending = False
        scene = self._scene_source()
        self._scene = scene
        job = _RenderJob(
            generation, scene, self._view, self.devicePixelRatioF(), self._is_stale, self._report
        )
        self._pool.start(job)

    def _is_stale(self, generation: int) -> bool:
        with self._lock:
            return generation != self._latest

    def _on_rendered(
        self, generation: int, image: QImage | None, view: View, seconds: float
    ) -> None:
        self._rendering = False
        if image is not None and not self._is_stale(generation):
            self._image = image
            self._image_view = view
            self.last_render_seconds = seconds
            self.update()
            self.rendered.emit(seconds)
        if self._pending or self._is_stale(generation):
            self._pending = False
            self._start_render()
        elif image is not None and self._scene is not None:
            # Not at once: the new image is painted first, and a zoom already under way
            # (wheel steps) goes on without a warm-up competing with it.
            self._prepare_for = (generation, view, self._scene)
            self._prepare_timer.start()

    def _prepare_next_levels(self) -> None:
        if self._prepare_for is None:
            return
        generation, view, scene = self._prepare_for
        self._prepare_for = None
        if self._is_stale(generation) or self._rendering:
            return
        views = [replace(view, scale=view.scale / 2), replace(view, scale=view.scale * 2)]
        self._pool.start(_PrepareJob(scene, views, lambda: self._is_stale(generation)))

    def render_now(self) -> None:
        """Render synchronously on this thread (tests, exports, screenshots)."""
        scene = self._scene_source()
        start = time.perf_counter()
        self._image = scene.render(self._view, self.devicePixelRatioF())
        self._image_view = self._view
        self.last_render_seconds = time.perf_counter() - start
        self.update()

    def wait_for_render(self, timeout_s: float = 10.0) -> bool:
        """Process events until the exact image for the current view has arrived (tests)."""
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if (
                self._image_view == self._view
                and not self._rendering
                and not self._timer.isActive()
            ):
                return True
            time.sleep(0.005)
        return False

    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Block until the render thread has nothing left to do, the idle preparation of
        the next zoom levels included (benchmarks time renders without it competing)."""
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_s
        while self._prepare_timer.isActive() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        self._prepare_next_levels()  # if the timer is still waiting, start it now
        remaining = max(0.0, deadline - time.monotonic())
        return self._pool.waitForDone(int(remaining * 1000))

    # ---- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        if self._image is not None and self._image_view is not None:
            painter.save()
            if self._image_view != self._view:
                painter.setTransform(self._view.image_transform(self._image_view))
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QPointF(0, 0), self._image)
            painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for overlay in self.overlays:
            overlay.paint(painter, self._view)
        if self.hasFocus():
            paint_focus(painter, self._view)
        painter.end()

    def grab_map(self) -> QImage:
        """The map as drawn now, overlays included (screenshots and pixel tests)."""
        return self.grab().toImage()

    # ---- input ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._view = self._view.resized(size.width(), size.height())
        self.viewChanged.emit()
        self.schedule_render(0 if self._image is None else RENDER_DELAY_MS)
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The tool first: in Move mode the arrow keys move the asset, not the map.
        if self.tool is not None and self.tool.key_press(event):
            event.accept()
            return
        key = event.key()
        large = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step_x, step_y = pan_steps(self.width(), self.height(), large)
        moves: dict[int, tuple[float, float]] = {
            Qt.Key.Key_Left: (step_x, 0),
            Qt.Key.Key_Right: (-step_x, 0),
            Qt.Key.Key_Up: (0, step_y),
            Qt.Key.Key_Down: (0, -step_y),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.5)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # The focus ring and the cross-hair show only while the map has the keyboard.
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton) or (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.start_drag_pan(event.position())
            return
        if self.tool is not None:
            self.tool.press(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x, y = self._view.to_world(event.position().x(), event.position().y())
        self.mouseMovedTo.emit(x, y)
        if self._drag_origin is not None:
            self.continue_drag_pan(event.position())
            return
        if self.tool is not None:
            self.tool.move(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_origin is not None:
            self.end_drag_pan()
            return
        if self.tool is not None:
            self.tool.release(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (
            self.tool is None or not self.tool.double_click(event)
        ):
            self.zoom_by(2.0, event.position())

    # Panning by drag is shared by the Pan tool and the middle/right buttons of every tool.
    def start_drag_pan(self, at: QPointF) -> None:
        self._drag_origin = at
        self._drag_view = self._view
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def continue_drag_pan(self, at: QPointF) -> None:
        assert self._drag_origin is not None and self._drag_view is not None
        delta = at - self._drag_origin
        self.set_view(self._drag_view.panned(delta.x(), delta.y()))

    def end_drag_pan(self) -> None:
        self._drag_origin = None
        self._drag_view = None
        self.unsetCursor()
        if self.tool is not None:
            self.setCursor(self.tool.cursor)

    @property
    def dragging(self) -> bool:
        return self._drag_origin is not None


# ---- standard overlays ------------------------------------------------------------------------
class ScaleBar(Overlay):
    """A metric scale bar with a round length, bottom left."""

    def paint(self, painter: QPainter, view: View) -> None:
        _length, label, px = view.nice_scale_bar()
        font = QFont()
        font.setPointSizeF(8.5)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        x0, y0 = 14.0, view.height - 16.0
        box = QRectF(
            x0 - 6,
            y0 - metrics.height() - 10,
            px + 20 + metrics.horizontalAdvance(label),
            metrics.height() + 18,
        )

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(box, 4, 4)
        pen = QPen(QColor("#1F2328"), 1.6)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
        painter.drawLine(QPointF(x0, y0 - 5), QPointF(x0, y0 + 1))
        painter.drawLine(QPointF(x0 + px, y0 - 5), QPointF(x0 + px, y0 + 1))
        painter.drawText(QPointF(x0 + px + 8, y0 + 1), label)


class Attribution(Overlay):
    """The data attribution line(s) and the online/offline badge, bottom right."""

    def __init__(self, text: Callable[[], str], offline: Callable[[], bool]) -> None:
        self.text = text
        self.offline = offline

    def paint(self, painter: QPainter, view: View) -> None:
        text = self.text()
        font = QFont()
        font.setPointSizeF(7.5)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        offline = self.offline()
        badge = translate("Map", "Offline") if offline else translate("Map", "Online")
        badge_w = metrics.horizontalAdvance(badge) + 14
        max_w = max(view.width * 0.6, 200)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_w) if text else ""
        w = metrics.horizontalAdvance(elided)
        h = metrics.height() + 6
        right = view.width - 6
        if elided:
            rect = QRectF(right - w - 10, view.height - h - 6, w + 10, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 210))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#3B4450"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        badge_rect = QRectF(right - badge_w, 8, badge_w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#6E7781") if offline else QColor("#1A7F37"))
        painter.drawRoundedRect(badge_rect, h / 2, h / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
