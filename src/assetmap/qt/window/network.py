"""Whether the map's tile server answers: probed now and then off the GUI thread, and told
by the tile fetcher. The map's badge says Offline; coming back fetches what was missing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from assetmap.core.network import is_online
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.tiles import TileService
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.workers import run_once

NETWORK_CHECK_MS = 60_000  # how often the tile server (or OpenStreetMap's) is probed
FIRST_CHECK_MS = 500
OFFLINE_MESSAGE = QT_TRANSLATE_NOOP(
    "Network", "Offline: the map shows the tiles saved on this computer."
)


class NetworkStatus(QObject):
    """The window's word on the network (``online``: None until known, shown as Offline)."""

    def __init__(
        self,
        canvas: MapCanvas,
        say: Callable[[str, int], None],
        is_open: Callable[[], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self._say = say
        self._is_open = is_open
        self.online: bool | None = None
        self.builder: SceneBuilder | None = None
        self.tiles: TileService | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(NETWORK_CHECK_MS)
        self._timer.timeout.connect(self.check)

    def watch(self, builder: SceneBuilder, tiles: TileService) -> None:
        """Follow this project's tile source and fetcher (again after another opens)."""
        self.builder, self.tiles = builder, tiles
        tiles.onlineChanged.connect(self.set_online)

    def start(self) -> None:
        self._timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self.check)

    def tile_host(self) -> tuple[str, int] | None:
        return self.builder.tile_host() if self.builder is not None else None

    def check(self) -> None:
        """Ask the shown tile source's server (else OpenStreetMap's) whether it answers."""
        host = self.tile_host()
        run_once(self, lambda progress, cancelled: is_online(*host) if host else is_online(),
                 self.set_online)  # fmt: skip

    def set_online(self, online: object) -> None:
        """The probe's or the tile fetcher's word on the network. Coming back: fetch the
        tiles the map lacks now (not after the back-off); going away: say so on the badge
        and once in the status bar, never in a dialog."""
        online = bool(online)
        if not self._is_open() or self.tiles is None:
            return
        was = self.online
        tiles_shown = self.tile_host() is not None
        stuck = was is False or self.tiles.offline or self.tiles.unreachable
        if online and tiles_shown and stuck:
            self.tiles.retry()
            self.canvas.refresh()
        if online == was:
            return
        self.online = online
        self.canvas.update()
        if not online and tiles_shown:
            self._say(translate("Network", OFFLINE_MESSAGE), 8000)
