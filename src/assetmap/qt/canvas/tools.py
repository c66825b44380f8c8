"""Map tools: what a left click or drag means (select, pan, add, move, place).

Tools only interpret gestures; what happens is up to the ToolHost (the main
window), which turns it into core commands.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QMouseEvent, QPainter, QPen

from assetmap.qt.canvas.view import View
from assetmap.qt.i18n import QT_TRANSLATE_NOOP

CLICK_SLOP_PX = 4.0
PICK_RADIUS_PX = 9.0


class ToolHost(Protocol):
    def asset_at(self, sx: float, sy: float) -> str | None: ...
    def identify(self, x: float, y: float, asset: str | None, additive: bool) -> None: ...
    def select_in_box(self, bounds: tuple[float, float, float, float], additive: bool) -> None: ...
    def add_asset_at(self, x: float, y: float) -> None: ...
    def move_asset(self, uuid: str, x: float, y: float) -> None: ...
    def place_asset(self, uuid: str, x: float, y: float) -> None: ...
    def asset_xy(self, uuid: str) -> tuple[float, float] | None: ...
    def selected_asset(self) -> str | None: ...


class ToolCanvas(Protocol):
    """What a tool asks of the canvas it works on (the canvas imports the tools)."""

    @property
    def view(self) -> View: ...

    def update(self) -> None: ...

    def start_drag_pan(self, at: QPointF) -> None: ...


class Tool:
    name = "tool"
    label = "Tool"
    hint = ""  # the status bar says it when the tool is chosen
    cursor: QCursor | Qt.CursorShape = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: ToolCanvas, host: ToolHost) -> None:
        self.canvas = canvas
        self.host = host

    def press(self, event: QMouseEvent) -> None:
        pass

    def move(self, event: QMouseEvent) -> None:
        pass

    def release(self, event: QMouseEvent) -> None:
        pass

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        """True when the tool used the double click (otherwise the canvas zooms in)."""
        return False

    def paint(self, painter: QPainter, view: View) -> None:
        """Feedback drawn over the map (rubber band, ghost symbol)."""

    def deactivate(self) -> None:
        pass

    def world(self, event: QMouseEvent) -> tuple[float, float]:
        return self.canvas.view.to_world(event.position().x(), event.position().y())

    def cross_hair(self) -> tuple[float, float]:
        """The world point under the map's centre cross-hair, where the keyboard acts."""
        view: View = self.canvas.view
        return view.cx, view.cy


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# How far one arrow key moves an asset in Move mode (Shift: the larger step), in pixels.
MOVE_STEP_PX = 5.0
MOVE_LARGE_STEP_PX = 50.0
ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, 1),
    Qt.Key.Key_Down: (0, -1),
}


class SelectTool(Tool):
    """Click to identify (an asset, else the area under the cursor); drag a box to select."""

    name = "select"
    label = "Select"
    hint = QT_TRANSLATE_NOOP(
        "Tools", "Click an asset or an area to see it; drag a box to select several."
    )

    def __init__(self, canvas: ToolCanvas, host: ToolHost) -> None:
        super().__init__(canvas, host)
        self.origin: QPointF | None = None
        self.current: QPointF | None = None

    def press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.origin = event.position()
            self.current = event.position()

    def move(self, event: QMouseEvent) -> None:
        if self.origin is not None:
            self.current = event.position()
            self.canvas.update()

    def release(self, event: QMouseEvent) -> None:
        if self.origin is None or event.button() != Qt.MouseButton.LeftButton:
            return
        additive = bool(
            event.modifiers()
            & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        )
        moved = (event.position() - self.origin).manhattanLength()
        if moved <= CLICK_SLOP_PX:
            x, y = self.world(event)
            asset = self.host.asset_at(event.position().x(), event.position().y())
            self.host.identify(x, y, asset, additive)
        else:
            view: View = self.canvas.view
            ax, ay = view.to_world(self.origin.x(), self.origin.y())
            bx, by = view.to_world(event.position().x(), event.position().y())
            self.host.select_in_box((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)), additive)
        self.origin = self.current = None
        self.canvas.update()

    def paint(self, painter: QPainter, view: View) -> None:
        if self.origin is None or self.current is None:
            return
        rect = QRectF(self.origin, self.current).normalized()
        if rect.width() + rect.height() <= CLICK_SLOP_PX:
            return
        painter.setPen(QPen(QColor("#0969DA"), 1.2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(9, 105, 218, 40))
        painter.drawRect(rect)

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape and self.origin is not None:
            self.origin = self.current = None
            self.canvas.update()
            return True
        if event.key() in ENTER_KEYS:
            view: View = self.canvas.view
            asset = self.host.asset_at(view.width / 2, view.height / 2)
            additive = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.host.identify(*self.cross_hair(), asset, additive)
            return True
        return False


class PanTool(Tool):
    name = "pan"
    label = "Pan"
    hint = QT_TRANSLATE_NOOP("Tools", "Drag to move the map. Wheel zooms; arrow keys pan.")
    cursor = Qt.CursorShape.OpenHandCursor

    def press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.canvas.start_drag_pan(event.position())


class AddAssetTool(Tool):
    """Click where the new asset is, or press Enter to add it at the cross-hair; the host
    opens the form."""

    name = "add"
    label = "Add asset"
    hint = QT_TRANSLATE_NOOP(
        "Tools",
        "Click on the map where the new asset is, or move the map under the cross-hair with the arrow keys and press Enter.",  # noqa: E501
    )
    cursor = Qt.CursorShape.CrossCursor

    def release(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.host.add_asset_at(*self.world(event))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() in ENTER_KEYS:
            self.host.add_asset_at(*self.cross_hair())
            return True
        return False


class MoveTool(Tool):
    """Drag an asset to its new place, or move the selected one with the arrow keys and
    press Enter: one undoable move either way. Escape cancels."""

    name = "move"
    label = "Move"
    hint = QT_TRANSLATE_NOOP(
        "Tools",
        "Drag an asset to its new place, or move the selected one with the arrow keys (Shift for larger steps) and press Enter (Escape cancels).",  # noqa: E501
    )
    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, canvas: ToolCanvas, host: ToolHost) -> None:
        super().__init__(canvas, host)
        self.uuid: str | None = None
        self.at: QPointF | None = None
        self.target: tuple[float, float] | None = None  # where the keys have taken it

    def press(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.target = None  # a drag replaces a move begun with the keys
        self.uuid = self.host.asset_at(event.position().x(), event.position().y())
        self.at = event.position() if self.uuid else None

    def move(self, event: QMouseEvent) -> None:
        if self.uuid is not None:
            self.at = event.position()
            self.canvas.update()

    def release(self, event: QMouseEvent) -> None:
        if self.uuid is None or event.button() != Qt.MouseButton.LeftButton:
            return
        uuid, self.uuid, self.at = self.uuid, None, None
        start = self.host.asset_xy(uuid)
        x, y = self.world(event)
        self.canvas.update()
        if start is not None:
            sx = self.canvas.view.to_screen(*start)
            if (event.position() - sx).manhattanLength() <= CLICK_SLOP_PX:
                return
        self.host.move_asset(uuid, x, y)

    def paint(self, painter: QPainter, view: View) -> None:
        at = view.to_screen(*self.target) if self.target is not None else self.at
        if self.uuid is None or at is None:
            return
        start = self.host.asset_xy(self.uuid)
        if start is not None:
            painter.setPen(QPen(QColor("#0969DA"), 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(view.to_screen(*start), at)
        painter.setPen(QPen(QColor("#0969DA"), 2))
        painter.setBrush(QColor(9, 105, 218, 90))
        painter.drawEllipse(at, 8, 8)

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.uuid is not None:
            self.uuid = self.at = self.target = None
            self.canvas.update()
            return True
        if key in ARROWS:
            return self._step(
                ARROWS[key], bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
        if key in ENTER_KEYS and self.target is not None and self.uuid is not None:
            uuid, target = self.uuid, self.target
            self.uuid = self.at = self.target = None
            self.canvas.update()
            self.host.move_asset(uuid, *target)
            return True
        return False

    def _step(self, direction: tuple[int, int], large: bool) -> bool:
        """Move the selected asset's ghost one step; False (the map pans) with none chosen."""
        if self.target is None:
            uuid = self.host.selected_asset()
            start = self.host.asset_xy(uuid) if uuid is not None else None
            if uuid is None or start is None:
                return False
            self.uuid, self.target = uuid, start
        assert self.target is not None
        step = (MOVE_LARGE_STEP_PX if large else MOVE_STEP_PX) * self.canvas.view.scale
        x, y = self.target
        self.target = (x + direction[0] * step, y + direction[1] * step)
        self.at = self.canvas.view.to_screen(*self.target)
        self.canvas.update()
        return True


class PlaceTool(Tool):
    """Place one unplaced asset with a click or Enter at the cross-hair; the host switches
    back to Select after."""

    name = "place"
    label = "Place asset"
    hint = QT_TRANSLATE_NOOP(
        "Tools",
        "Click on the map where this asset is, or press Enter to put it at the cross-hair (Escape cancels).",  # noqa: E501
    )
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: ToolCanvas, host: ToolHost, uuid: str) -> None:
        super().__init__(canvas, host)
        self.uuid = uuid

    def release(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.host.place_asset(self.uuid, *self.world(event))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() in ENTER_KEYS:
            self.host.place_asset(self.uuid, *self.cross_hair())
            return True
        return False
