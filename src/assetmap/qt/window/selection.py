"""Choosing assets on the map: click, shift-click, rubber band, and deleting the chosen.

The selection itself is the session model's (``session.selection``); this turns gestures
into it and shows the area a click found.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from assetmap.core.commands import CommandGroup, DeleteAsset
from assetmap.core.commands.base import Command
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.i18n import translate
from assetmap.qt.overlays import SelectionOverlay
from assetmap.qt.session import Session
from assetmap.qt.window.picking import Picker


class MapSelection(QObject):
    """Selection gestures on the map. ``areaIdentified(set name, code)``: a click found an
    area and no asset; ``message(text)``: a line for the status bar."""

    areaIdentified = Signal(str, str)
    message = Signal(str)

    def __init__(
        self, session: Session, picker: Picker, overlay: SelectionOverlay, canvas: MapCanvas
    ) -> None:
        super().__init__(canvas)
        self.session = session
        self.picker = picker
        self.overlay = overlay
        self.canvas = canvas

    def identify(self, x: float, y: float, asset: str | None, additive: bool) -> None:
        """A click: choose the asset (shift toggles it), else outline the area there."""
        if asset is not None:
            current = set(self.session.selection)
            current = current ^ {asset} if additive else {asset}
            self.session.set_selection(current)
            return
        if not additive:
            self.session.set_selection(())
        hit = self.picker.area_at(x, y)
        self.overlay.area = hit.geometry if hit is not None else None
        if hit is not None:
            self.areaIdentified.emit(hit.set_name, hit.code)
        self.canvas.update()

    def select_in_box(self, bounds: tuple[float, float, float, float], additive: bool) -> None:
        index = self.session.point_index()
        rows = index.in_box(bounds, allowed=self.session.visible_point_mask())
        chosen = set(index.frame["uuid"].to_numpy()[rows])
        if additive:
            chosen |= set(self.session.selection)
        self.session.set_selection(chosen)
        n = len(chosen)
        words = (
            translate("Selection", "1 asset selected")
            if n == 1
            else translate("Selection", "{n} assets selected")
        )
        self.message.emit(words.format(n=n))

    def deletion(self, parent: QWidget) -> Command | None:
        """The command deleting the chosen assets, once the user has agreed to it."""
        chosen = sorted(self.session.selection)
        if not chosen:
            return None
        n = len(chosen)
        if n == 1:
            names = self.session.points().set_index("uuid")["name"]
            name = names.get(chosen[0]) or translate("Selection", "this asset")
            question = translate(
                "Selection", "Delete “{name}”? You can undo this with Ctrl+Z."
            ).format(name=name)
        else:
            question = translate(
                "Selection", "Delete {n} assets? You can undo this with Ctrl+Z."
            ).format(n=n)
        answer = QMessageBox.question(parent, translate("Selection", "Delete"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        commands: list[Command] = [DeleteAsset(u) for u in chosen]
        if n == 1:
            return commands[0]
        return CommandGroup(commands, translate("Selection", "Delete {n} assets").format(n=n))
