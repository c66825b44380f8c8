"""Raster tiles on the main window's map, from a real HTTP tile server on 127.0.0.1:
shown, cached on disk with a proper User-Agent, shown again from the cache when the server
is gone (the badge and the status bar say Offline, no dialog), and fetched again when the
server comes back."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from assetmap import __version__
from assetmap.core.project import Project
from assetmap.core.tiles import MBTilesCache, cache_path_for
from assetmap.qt.canvas.canvas import Attribution
from assetmap.qt.main_window import MainWindow
from assetmap.qt.session import Session
from assetmap.qt.window import network as network_module
from assetmap.qt.window.network import OFFLINE_MESSAGE, NetworkStatus
from support.qt import open_window
from support.tile_server import TileServer

TILE_RGB = (200, 30, 160)  # a magenta no other layer of the map uses
ATTRIBUTION = "© Local test tiles"


@pytest.fixture
def server():
    s = TileServer(colour=TILE_RGB)
    yield s
    s.stop()


def use_local_tiles(session: Session, server: TileServer) -> None:
    session.layers.set_basemap(
        tiles_visible=True, tile_source="custom", custom_url=server.url,
        custom_attribution=ATTRIBUTION, custom_name="Local tiles", custom_max_zoom=18,
    )  # fmt: skip
    session.save_layers()


def share(image: QImage, rgb: tuple[int, int, int], tolerance: int = 12) -> float:
    """The fraction of the map's pixels within ``tolerance`` of ``rgb``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4
    )[:, : image.width(), :3]
    bgr = np.array(rgb[::-1])
    return float((np.abs(data.astype(int) - bgr).max(axis=2) <= tolerance).mean())


def tile_share(window: MainWindow) -> float:
    assert window.canvas.wait_for_render()
    return share(window.canvas.grab_map(), TILE_RGB)


def wait_for_tiles(qtbot, window: MainWindow, at_least: float = 0.3) -> None:
    """Until the fetched tiles are on the map (they arrive in batches, then re-render)."""
    qtbot.waitUntil(lambda: tile_share(window) >= at_least, timeout=15_000)


def badge(window: MainWindow) -> str:
    overlay = next(o for o in window.canvas.overlays if isinstance(o, Attribution))
    return "Offline" if overlay.offline() else "Online"


def open_dialogs() -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, (QDialog, QMessageBox)) and w.isVisible()
    ]


def fill_the_cache(qtbot, session: Session, server: TileServer) -> tuple[MainWindow, float]:
    use_local_tiles(session, server)
    window = open_window(qtbot, session)
    wait_for_tiles(qtbot, window)
    qtbot.waitUntil(lambda: not window.tiles._pending, timeout=10_000)
    return window, tile_share(window)


def test_tiles_from_the_server_are_shown_and_cached_with_a_proper_user_agent(
    qtbot, session, server
):
    window, shown = fill_the_cache(qtbot, session, server)
    # Most of the map is the tile colour (the areas' light fill and the assets are on top).
    assert shown > 0.3
    assert ATTRIBUTION in window._attribution_text()
    qtbot.waitUntil(lambda: badge(window) == "Online", timeout=5000)

    requests = list(server.requests)
    assert requests
    for _path, agent in requests:
        assert agent.startswith(f"assetmap/{__version__} ")
        assert "https://" in agent  # where to find the application (the OSM policy asks it)
    # Every tile fetched is in the MBTiles cache beside the project, each asked for once.
    fetched = server.tiles_requested()
    assert len(fetched) == len(set(fetched))
    path = cache_path_for(session.project.path, window.tiles.source)
    assert path.parent == session.project.path.parent and path.suffix == ".mbtiles"
    cache = MBTilesCache(path, read_only=True)
    try:
        assert all(cache.has(*key) for key in fetched)
        assert cache.count() == len(fetched)
    finally:
        cache.close()

    # Panning back and forth does not fetch the same tiles again.
    before = server.count()
    view = window.canvas.view
    window.canvas.pan_by(view.width * 0.1, 0)
    window.canvas.pan_by(-view.width * 0.1, 0)
    assert window.canvas.wait_for_render()
    # A tile the render asked for is pending from then until the server has answered it.
    qtbot.waitUntil(lambda: not window.tiles._pending, timeout=10_000)
    assert set(server.tiles_requested()[before:]).isdisjoint(fetched)


def test_without_the_server_the_cache_is_shown_and_the_app_says_offline(
    qtbot, session, demo_path, server, monkeypatch
):
    first, shown = fill_the_cache(qtbot, session, server)
    first.close()
    server.stop()

    monkeypatch.setattr(network_module, "NETWORK_CHECK_MS", 300)
    answers: list[bool] = []  # each probe's (and the fetcher's) word on the network
    real_set_online = NetworkStatus.set_online

    def set_online(status, online) -> None:
        answers.append(bool(online))
        real_set_online(status, online)

    monkeypatch.setattr(NetworkStatus, "set_online", set_online)
    dialogs_seen: list[str] = []

    def watch() -> None:
        dialogs_seen.extend(d.windowTitle() for d in open_dialogs())

    watcher = QTimer()
    watcher.timeout.connect(watch)
    watcher.start(50)

    again = Session(Project.open(demo_path))
    try:
        window = MainWindow(again)
        messages: list[str] = []
        window.statusBar().messageChanged.connect(messages.append)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.zoom_to_all()
        # The same view as before, all from the cache.
        assert tile_share(window) == pytest.approx(shown, abs=0.02)
        # Nothing needed fetching, yet the probe finds the tile server gone: said once.
        qtbot.waitUntil(lambda: OFFLINE_MESSAGE in messages, timeout=5000)
        assert window.online is False and badge(window) == "Offline"

        # Somewhere the cache has nothing: blank, nothing fetched, no dialog.
        home = window.canvas.view
        window.canvas.centre_on(home.cx + 40_000, home.cy + 40_000)
        assert window.canvas.wait_for_render()
        heard = len(answers)
        qtbot.waitUntil(lambda: len(answers) >= heard + 3, timeout=10_000)  # 3 more probes
        assert tile_share(window) < 0.01
        assert badge(window) == "Offline"
        assert messages.count(OFFLINE_MESSAGE) == 1
        assert dialogs_seen == [] and QApplication.activeModalWidget() is None

        # The fetcher's back-off runs out while the map stays put, then the server is
        # back: the next probe notices and the missing tiles are fetched without a pan.
        window.tiles.fetcher.retry_now()
        asked_before = server.count()
        server.start()
        wait_for_tiles(qtbot, window)
        qtbot.waitUntil(lambda: badge(window) == "Online", timeout=5000)
        assert server.count() > asked_before
        window.canvas.set_view(home)
        assert tile_share(window) == pytest.approx(shown, abs=0.02)
        assert messages.count(OFFLINE_MESSAGE) == 1
        assert dialogs_seen == []
        window.close()
    finally:
        watcher.stop()
        again.close()
