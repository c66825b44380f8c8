"""The tile dialogs driven as a user would: making the project's area available offline
(count and size first, refused for OpenStreetMap's servers, downloaded with progress and
Cancel from a real local tile server), choosing a tile server of one's own, and adding an
MBTiles file through the Basemap menu."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from pyproj import Transformer
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from assetmap.core.tiles import OPENSTREETMAP, MBTilesCache, cache_path_for, custom_source
from assetmap.qt.dialogs.offline_tiles import OfflineTilesDialog
from assetmap.qt.dialogs.tile_source import TileSourceDialog
from support.qt import open_window, when_modal
from support.tile_server import TileServer, png

TILE_RGB = (200, 30, 160)
FILE_RGB = (20, 150, 200)


# ---- helpers -------------------------------------------------------------------------------
@pytest.fixture
def server():
    s = TileServer(colour=TILE_RGB)
    yield s
    s.stop()


@pytest.fixture
def local_source(server):
    return custom_source(server.url, "© Local test tiles", name="Local test tiles",
                         max_zoom=18, bulk_download_allowed=True)  # fmt: skip


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def offline_dialog(session, source, parent=None) -> OfflineTilesDialog:
    return OfflineTilesDialog(
        session.project.path, session.project.crs, source, session.full_extent(), None, parent
    )


def expected_tiles(session, zooms) -> set[tuple[int, int, int]]:
    """The tiles over the project's extent, worked out here from first principles: the
    extent's edges to lon/lat with pyproj, then the slippy-map formula of the OSM wiki."""
    west, south, east, north = session.full_extent()
    t = np.linspace(0, 1, 200)
    xs = np.concatenate([west + (east - west) * t, np.full_like(t, east),
                         east - (east - west) * t, np.full_like(t, west)])  # fmt: skip
    ys = np.concatenate([np.full_like(t, south), south + (north - south) * t,
                         np.full_like(t, north), north - (north - south) * t])  # fmt: skip
    lon, lat = Transformer.from_crs(session.project.crs, "EPSG:4326", always_xy=True).transform(
        xs, ys
    )

    def tile(lon: float, lat: float, z: int) -> tuple[int, int]:
        n = 2.0**z
        r = math.radians(lat)
        y = (1.0 - math.asinh(math.tan(r)) / math.pi) / 2.0 * n
        return int((lon + 180.0) / 360.0 * n), int(y)

    out = set()
    for z in zooms:
        x0, y0 = tile(lon.min(), lat.max(), z)
        x1, y1 = tile(lon.max(), lat.min(), z)
        out |= {(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)}
    return out


def count_shown(dialog: OfflineTilesDialog) -> int:
    text = dialog.estimate.text()  # "1,234 tiles, about 21.7 MB"
    return int(text.split(" tiles")[0].replace(",", ""))


def share(image: QImage, rgb: tuple[int, int, int], tolerance: int = 12) -> float:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4
    )[:, : image.width(), :3]
    return float((np.abs(data.astype(int) - np.array(rgb[::-1])).max(axis=2) <= tolerance).mean())


def map_share(window, rgb: tuple[int, int, int]) -> float:
    assert window.canvas.wait_for_render()
    return share(window.canvas.grab_map(), rgb)


# ---- Make this area available offline ----------------------------------------------------
def test_offline_dialog_shows_the_count_and_size_and_follows_the_zoom_range(
    qtbot, session, local_source
):
    dialog = offline_dialog(session, local_source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_zoom.setValue(10)
    dialog.max_zoom.setValue(12)
    assert dialog.area_project.isChecked()
    assert count_shown(dialog) == len(expected_tiles(session, range(10, 13)))
    assert "MB" in dialog.estimate.text()
    assert dialog.start_button.isEnabled()

    # One more zoom level, by the keyboard: the count follows.
    dialog.max_zoom.setFocus()
    qtbot.keyClick(dialog.max_zoom, Qt.Key.Key_Up)
    assert dialog.max_zoom.value() == 13
    assert count_shown(dialog) == len(expected_tiles(session, range(10, 14)))
    megabytes = float(dialog.estimate.text().split("about ")[1].split(" MB")[0])
    assert megabytes == pytest.approx(count_shown(dialog) * 18 / 1024, abs=0.1)


def test_openstreetmaps_servers_are_refused_with_their_policy_named(qtbot, window):
    """The default source (OpenStreetMap's standard tiles), from the Basemap menu."""
    assert window.session.layers.basemap.tile_source_object() == OPENSTREETMAP
    seen = {}

    def look(dialog) -> None:
        seen["dialog"] = dialog
        seen["count"] = count_shown(dialog)
        seen["enabled"] = dialog.start_button.isEnabled()
        seen["message"] = dialog.message.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)  # fmt: skip

    window.basemap_menu._sync()
    assert window.basemap_menu.act_offline.isEnabled()
    when_modal(look)
    window.basemap_menu.act_offline.trigger()
    assert isinstance(seen["dialog"], OfflineTilesDialog)
    assert seen["count"] > 0  # the count is still shown: the user sees what was asked
    assert seen["enabled"] is False
    message = seen["message"]
    assert "tile.openstreetmap.org" in message
    assert "tile usage policy" in message
    assert "https://operations.osmfoundation.org/policies/tiles/" in message
    assert "Import OSM extract" in message  # and what to do instead
    assert not cache_path_for(window.session.project.path, OPENSTREETMAP).exists()


def test_a_source_not_marked_for_bulk_download_is_refused(qtbot, session, server):
    source = custom_source(server.url, "© Local test tiles", name="Local test tiles")
    dialog = offline_dialog(session, source)
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()
    assert "not marked as allowing bulk download" in dialog.message.text()
    assert server.count() == 0


def test_download_fetches_exactly_the_planned_tiles_with_progress(
    qtbot, session, server, local_source
):
    dialog = offline_dialog(session, local_source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_zoom.setValue(9)
    dialog.max_zoom.setValue(12)
    planned = expected_tiles(session, range(9, 13))
    assert count_shown(dialog) == len(planned)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)

    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible() and not dialog.start_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)

    assert sorted(server.tiles_requested()) == sorted(planned)
    assert progress and progress[-1] == 1000
    assert "Done" in dialog.message.text()
    assert f"{len(planned):,} tiles downloaded" in dialog.message.text()
    cache = MBTilesCache(cache_path_for(session.project.path, local_source), read_only=True)
    try:
        assert cache.count() == len(planned)
        assert all(cache.get(*key) == png(256, 256, TILE_RGB) for key in planned)
        meta = cache.metadata()
        assert meta["minzoom"] == "9" and meta["maxzoom"] == "12"
        assert meta["attribution"] == "© Local test tiles"
    finally:
        cache.close()
    # Closing after the download.
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_cancel_stops_a_download_part_way_and_the_cache_stays_valid(
    qtbot, session, local_source, server
):
    server.delay_s = 0.02
    dialog = offline_dialog(session, local_source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_zoom.setValue(10)
    dialog.max_zoom.setValue(15)
    planned = expected_tiles(session, range(10, 16))
    assert len(planned) > 300
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.count() >= 30, timeout=10_000)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.isVisible()  # the first Cancel stops the download, not the dialog
    assert "Cancelled" in dialog.message.text()
    assert not dialog.progress.isVisible()
    assert dialog.start_button.isEnabled()

    fetched = server.tiles_requested()
    assert 30 <= len(fetched) < len(planned)
    path = cache_path_for(session.project.path, local_source)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cache = MBTilesCache(path, read_only=True)
    try:
        assert cache.count() == len(fetched)
        assert all(cache.get(*key) == png(256, 256, TILE_RGB) for key in fetched)
    finally:
        cache.close()

    # Downloading again fetches only the rest.
    server.delay_s = 0.0
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert sorted(server.tiles_requested()) == sorted(planned)
    assert f"{len(fetched):,} were already saved" in dialog.message.text()

    # A second Cancel, with nothing running, closes the dialog.
    dialog2 = offline_dialog(session, local_source)
    qtbot.addWidget(dialog2)
    dialog2.show()
    qtbot.mouseClick(dialog2.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert not dialog2.isVisible()


def test_a_download_with_the_server_gone_says_offline_without_an_error(
    qtbot, session, server, local_source
):
    server.stop()
    dialog = offline_dialog(session, local_source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_zoom.setValue(10)
    dialog.max_zoom.setValue(11)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "network went away after 0 tiles" in dialog.message.text()
    assert QApplication.activeModalWidget() is None


# ---- Tile source ---------------------------------------------------------------------------
def choose(qtbot, combo, text_start: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text_start):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"no '{text_start}' in the combo box")


def press_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_tile_server_of_ones_own_from_the_basemap_menu(qtbot, window, server):
    layers = window.session.layers
    url = server.url
    done = {}

    def fill(dialog) -> None:
        assert isinstance(dialog, TileSourceDialog)
        assert not dialog.custom_form.isVisible()
        choose(qtbot, dialog.choice, "A tile server of your own")
        assert dialog.custom_form.isVisible()
        qtbot.keyClicks(dialog.url, url)
        qtbot.keyClicks(dialog.attribution, "© Local test tiles")
        qtbot.keyClicks(dialog.name, "Local tiles")
        qtbot.mouseClick(dialog.bulk, Qt.MouseButton.LeftButton)
        done["shown"] = dialog.show_tiles.isChecked()
        press_ok(qtbot, dialog)

    when_modal(fill)
    window.basemap_menu.act_source.trigger()
    assert done["shown"]  # choosing a source means wanting to see it
    style = layers.basemap
    assert style.tile_source == "custom"
    assert style.custom_url == url
    assert style.custom_attribution == "© Local test tiles"
    assert style.custom_name == "Local tiles"
    assert style.custom_bulk_download is True
    assert style.tiles_visible is True
    source = style.tile_source_object()
    assert source.url(12, 2021, 1327) == f"http://127.0.0.1:{server.port}/12/2021/1327.png"
    assert not source.forbids_bulk_download
    # Saved in the project, and credited on the map; the map shows the server's tiles.
    assert window.session.project.setting("map_layers")["basemap"]["custom_url"] == url
    assert "© Local test tiles" in window._attribution_text()
    qtbot.waitUntil(lambda: map_share(window, TILE_RGB) > 0.3, timeout=15_000)


@pytest.mark.parametrize(
    ("url", "attribution", "says"),
    [
        ("https://tiles.example.org/{z}/{x}.png", "© Example", "needs {z}, {x} and {y}"),
        ("https://tiles.example.org/tiles.png", "© Example", "needs {z}, {x} and {y}"),
        ("tiles.example.org/{z}/{x}/{y}.png", "© Example", "starts with https://"),
        ("https://tiles.example.org/{z}/{x}/{y}.png?key={apikey}", "© Example", "{apikey}"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "", "attribution"),
    ],
)
def test_a_bad_tile_server_is_refused_with_a_clear_message(qtbot, session, url, attribution, says):
    before = session.layers.basemap
    dialog = TileSourceDialog(before)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.choice, "A tile server of your own")
    qtbot.keyClicks(dialog.url, url)
    qtbot.keyClicks(dialog.attribution, attribution)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0  # not accepted
    assert dialog.error.isVisible()
    assert says in dialog.error.text()
    # Fixing it clears the way.
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "https://tiles.example.org/{z}/{x}/{y}.png")
    if not attribution:
        qtbot.keyClicks(dialog.attribution, "© Example")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == 1
    assert session.layers.basemap == before  # the dialog alone changes nothing


# ---- MBTiles files -------------------------------------------------------------------------
def make_mbtiles(path: Path, session, zooms=range(8, 15)) -> Path:
    cache = MBTilesCache(path)
    cache.describe("Trafford in blue", "© Test file tiles")
    cache.put_many((key, png(256, 256, FILE_RGB)) for key in expected_tiles(session, zooms))
    cache.set_metadata(minzoom=zooms[0], maxzoom=zooms[-1])
    cache.close()
    return path


def test_an_mbtiles_file_added_from_the_menu_is_shown_and_listed(
    qtbot, window, tmp_path, monkeypatch
):
    path = make_mbtiles(tmp_path / "blue tiles.mbtiles", window.session)
    asked = []

    def get_open_file_name(parent, caption, folder, filters):
        asked.append(filters)
        return str(path), "MBTiles (*.mbtiles)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    window.basemap_menu.act_mbtiles.trigger()
    assert asked and "*.mbtiles" in asked[0]

    style = window.session.layers.basemap
    assert style.tile_source == "file" and style.tile_file == str(path.resolve())
    assert str(path.resolve()) in style.files and style.tiles_visible
    assert "blue tiles.mbtiles" in window.statusBar().currentMessage()
    assert "© Test file tiles" in window._attribution_text()
    qtbot.waitUntil(lambda: map_share(window, FILE_RGB) > 0.3, timeout=15_000)
    assert window.tiles.fetcher is not None and window.tiles.fetcher.requests == 0

    # Listed: in the layers panel and among the tile sources.
    model = window.layers_panel.model
    rows = [model.item(2).child(i).text() for i in range(model.item(2).rowCount())]
    assert "Map tiles: Trafford in blue" in rows
    dialog = TileSourceDialog(style, window)
    qtbot.addWidget(dialog)
    assert dialog.choice.currentText() == f"File: {path.resolve()}"
    # Nothing in the file was changed (it was added read-only).
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM tiles").fetchone()[0] == len(
            expected_tiles(window.session, range(8, 15))
        )
    # The menu offers no download for a file.
    window.basemap_menu._sync()
    assert not window.basemap_menu.act_offline.isEnabled()


@pytest.mark.parametrize("kind", ["text", "geopackage"])
def test_a_file_that_is_not_mbtiles_is_refused_naming_the_file(
    qtbot, window, tmp_path, repo_root, monkeypatch, kind
):
    if kind == "text":
        path = tmp_path / "notes.mbtiles"
        path.write_text("Not tiles at all, just notes from the workshop.\n" * 100)
    else:
        path = tmp_path / "rutland copy.gpkg"
        path.write_bytes((repo_root / "sample_data" / "rutland.gpkg").read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(path), "All files (*)")))  # fmt: skip
    before = window.session.layers.basemap
    seen = {}

    def read(box) -> None:
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        box.accept()

    when_modal(read)
    window.basemap_menu.act_mbtiles.trigger()
    assert isinstance(seen.get("text"), str)
    assert path.name in seen["text"]
    assert "is not an MBTiles file" in seen["text"]
    assert seen["title"] == "That file cannot be used"
    assert window.session.layers.basemap == before
    assert QApplication.activeModalWidget() is None
