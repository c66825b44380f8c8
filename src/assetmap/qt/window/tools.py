"""Which map tool is active (select, pan, add, move, or placing one asset); the Tools menu
and the toolbar buttons follow it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.tools import (
    AddAssetTool,
    MoveTool,
    PanTool,
    PlaceTool,
    SelectTool,
    Tool,
    ToolHost,
)
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

TOOLS: dict[str, type[Tool]] = {
    "select": SelectTool,
    "pan": PanTool,
    "add": AddAssetTool,
    "move": MoveTool,
}
# name, menu text, shortcut, what it does (status and tool tip)
TOOL_ACTIONS = (
    ("select", QT_TRANSLATE_NOOP("Tools", "Select"), "S",
     QT_TRANSLATE_NOOP("Tools", "click an asset or area to see it; drag a box to select")),
    ("pan", QT_TRANSLATE_NOOP("Tools", "Pan"), "P",
     QT_TRANSLATE_NOOP("Tools", "drag the map; the arrow keys pan too")),
    ("add", QT_TRANSLATE_NOOP("Tools", "Add asset"), "A",
     QT_TRANSLATE_NOOP("Tools", "click the map where the new asset is")),
    ("move", QT_TRANSLATE_NOOP("Tools", "Move"), "M",
     QT_TRANSLATE_NOOP("Tools", "drag an asset to its new place")),
)  # fmt: skip

MakeAction = Callable[[str, Callable[..., object], str, str], QAction]


class ToolSwitch:
    """Owns the canvas's tool and the checkable actions that choose it. ``host`` is what
    the tools act through (picking, selecting, editing); ``say`` shows the tool's hint."""

    def __init__(
        self,
        canvas: MapCanvas,
        host: ToolHost,
        make_action: MakeAction,
        say: Callable[[str, int], None],
        parent: QWidget,
    ) -> None:
        self.canvas = canvas
        self.host = host
        self._say = say
        self.tool: Tool | None = None
        self.group = QActionGroup(parent)
        self.actions: dict[str, QAction] = {}
        for name, text, key, tip in TOOL_ACTIONS:
            action = make_action(
                translate("Tools", text),
                lambda _=False, n=name: self.set_tool(n),
                key,
                translate("Tools", tip),
            )
            action.setCheckable(True)
            self.group.addAction(action)
            self.actions[name] = action

    def set_tool(self, name: str) -> None:
        self.install(TOOLS[name](self.canvas, self.host))
        self.actions[name].setChecked(True)

    def install(self, tool: Tool) -> None:
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        self.canvas.tool = tool
        self.canvas.setCursor(tool.cursor)
        self._say(translate("Tools", tool.hint), 6000)  # hints: qt/canvas/tools.py

    def start_placing(self, uuid: str) -> None:
        """Put an unplaced asset on the map: no button stays checked while it is placed."""
        self.install(PlaceTool(self.canvas, self.host, uuid))
        self.group.setExclusive(False)
        for action in self.actions.values():
            action.setChecked(False)
        self.group.setExclusive(True)
        self.canvas.setFocus()
