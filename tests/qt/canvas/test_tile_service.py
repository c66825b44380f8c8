"""The map's tile service when the project it served is closed while tiles are on their way
(File ▸ Open Demo Project with the tiles on)."""

from __future__ import annotations

import logging
import threading

import shiboken6
from PySide6.QtCore import QObject

from assetmap.core.tiles.source import custom_source
from assetmap.qt.canvas.tiles import TileService
from support.tile_server import TileServer

KEYS = [(12, 2020 + i, 1300) for i in range(6)]


def test_a_service_deleted_while_tiles_are_on_their_way_ends_quietly(
    qtbot, tmp_path, caplog, monkeypatch
):
    crashes: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashes.append(args.exc_value))
    server = TileServer(delay_s=0.4)  # slow: the tiles are still on their way
    window = QObject()
    service = TileService(tmp_path / "p.gpkg", "EPSG:27700", window)
    service.set_source(custom_source(server.url, "© Local test tiles"))
    try:
        service.request(KEYS)
        qtbot.waitUntil(lambda: server.count() >= 2)  # both fetchers are waiting on the server
        shiboken6.delete(window)  # the window went, and its tile service with it
        # The fetches under way end (each tile answered and stored), reported to nobody.
        qtbot.waitUntil(lambda: not service._pending, timeout=20_000)
        service.close()
        for thread in service._threads:
            thread.join(10)
    finally:
        server.stop()
    assert not any(t.is_alive() for t in service._threads)
    assert crashes == []
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == []
