"""The map tool of Find gaps ▸ What if…: a click (or Enter at the cross-hair) places a
proposed asset; Escape stops. It only reports the point; the what-if section decides."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from assetmap.qt.canvas.tools import CLICK_SLOP_PX, ENTER_KEYS, Tool, ToolCanvas, ToolHost
from assetmap.qt.i18n import QT_TRANSLATE_NOOP


class ProposalTool(Tool):
    name = "propose"
    label = "Add a proposed asset"
    hint = QT_TRANSLATE_NOOP(
        "Tools",
        "Click where the proposed asset would be, or press Enter to place it at the cross-hair (Escape stops). It is not added to the asset list.",  # noqa: E501
    )
    cursor = Qt.CursorShape.CrossCursor

    def __init__(
        self,
        canvas: ToolCanvas,
        host: ToolHost,
        place: Callable[[float, float], object],
        stop: Callable[[], None],
    ) -> None:
        super().__init__(canvas, host)
        self.place = place
        self.stop = stop
        self._pressed_at: tuple[float, float] | None = None

    def press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = (event.position().x(), event.position().y())

    def release(self, event: QMouseEvent) -> None:
        start, self._pressed_at = self._pressed_at, None
        if event.button() != Qt.MouseButton.LeftButton or start is None:
            return
        moved = abs(event.position().x() - start[0]) + abs(event.position().y() - start[1])
        if moved <= CLICK_SLOP_PX:  # a drag is not a place
            self.place(*self.world(event))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() in ENTER_KEYS:
            self.place(*self.cross_hair())
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.stop()
            return True
        return False
