"""What-if on the map: the tool that places proposals while Find gaps' "Add a proposed
asset" is down, and the overlay that draws them, each a hollow diamond with its reach as a
dashed circle, so nobody takes one for a real asset (they are never in the asset list)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.proposal_tool import ProposalTool
from assetmap.qt.canvas.tools import ToolHost
from assetmap.qt.canvas.view import View
from assetmap.qt.panels.analysis.whatif import WhatIfSection
from assetmap.qt.window.tools import ToolSwitch

INK = QColor("#8250DF")  # violet: no category's colour, and not the selection's blue
HALO = QColor(255, 255, 255, 235)
DIAMOND_PX = 9.0


class ProposalOverlay:
    def __init__(self, section: WhatIfSection) -> None:
        self.section = section

    def paint(self, painter: QPainter, view: View) -> None:
        proposals = self.section.proposals
        if not proposals:
            return
        reach = self.section.distance_m() / view.scale
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        for p in proposals:
            at = view.to_screen(p.x, p.y)
            self._circle(painter, at, reach)
            self._diamond(painter, at)
            self._label(painter, at, p.label)
        painter.restore()

    def _circle(self, painter: QPainter, at: QPointF, radius: float) -> None:
        if radius < 3:
            return
        pen = QPen(INK, 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(130, 80, 223, 28))
        painter.drawEllipse(at, radius, radius)

    def _diamond(self, painter: QPainter, at: QPointF) -> None:
        d = DIAMOND_PX
        path = QPainterPath(QPointF(at.x(), at.y() - d))
        for dx, dy in ((d, 0), (0, d), (-d, 0), (0, -d)):
            path.lineTo(QPointF(at.x() + dx, at.y() + dy))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(HALO, 5))
        painter.drawPath(path)
        painter.setPen(QPen(INK, 2.5))
        painter.drawPath(path)

    def _label(self, painter: QPainter, at: QPointF, text: str) -> None:
        where = QPointF(at.x() + DIAMOND_PX + 4, at.y() + 4)
        painter.setPen(QPen(HALO, 3))
        path = QPainterPath()
        path.addText(where, painter.font(), text)
        painter.drawPath(path)
        painter.setPen(INK)
        painter.drawText(where, text)


class WhatIfMap:
    """Ties Find gaps' what-if section to the map canvas and the window's tools."""

    def __init__(
        self, section: WhatIfSection, canvas: MapCanvas, tools: ToolSwitch, host: ToolHost
    ) -> None:
        self.section, self.canvas, self.tools, self.host = section, canvas, tools, host
        self.overlay = ProposalOverlay(section)
        canvas.overlays.append(self.overlay)
        section.addModeChanged.connect(self._set_adding)
        section.proposalsChanged.connect(canvas.update)
        section.evaluated.connect(lambda *_: canvas.update())
        # another tool chosen: adding stops
        self._stops = [
            (action, action.triggered.connect(lambda *_: section.add_button.setChecked(False)))
            for action in tools.actions.values()
        ]

    def detach(self) -> None:
        """Before another project's panels replace this one's: the canvas and the tools stay
        with the window, and must not keep the old section (nor its project) alive."""
        if self.overlay in self.canvas.overlays:
            self.canvas.overlays.remove(self.overlay)
        for action, connection in self._stops:
            action.triggered.disconnect(connection)
        self._stops = []

    def _set_adding(self, adding: bool) -> None:
        current = self.tools.tool
        if adding:
            tool = ProposalTool(self.canvas, self.host, self.section.add_at, self._stop)
            self.tools.install(tool)
            self.tools.group.setExclusive(False)
            for action in self.tools.actions.values():
                action.setChecked(False)
            self.tools.group.setExclusive(True)
            self.canvas.setFocus()
        elif isinstance(current, ProposalTool):
            self.tools.set_tool("select")

    def _stop(self) -> None:
        self.section.add_button.setChecked(False)
