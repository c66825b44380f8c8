"""The join address's QR code and the basemap tiles the phones' map shows."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtGui import QColor, QImage

from assetmap.qt.workshop.qr import QUIET_ZONE, qr_image, qr_matrix
from assetmap.qt.workshop.tile_renderer import TileRenderer

URL = "http://192.168.4.1:8765/w/Zx3kPq9_a1B2c3D4e5F6gA/"


def test_the_qr_image_draws_every_module_of_the_code_with_a_quiet_zone(qtbot):
    matrix = qr_matrix(URL)
    image = qr_image(URL, 300)
    modules = len(matrix) + 2 * QUIET_ZONE
    cell = image.width() // modules
    assert image.width() == image.height() == cell * modules <= 300
    assert cell >= 4  # big enough for a phone across a room on a projector
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            x, y = (c + QUIET_ZONE) * cell + cell // 2, (r + QUIET_ZONE) * cell + cell // 2
            assert (QColor(image.pixel(x, y)).lightness() < 100) == dark, (r, c)
    assert QColor(image.pixel(1, 1)).lightness() == 255  # the quiet zone is white


def test_a_different_address_gives_a_different_code(qtbot):
    assert qr_matrix(URL) != qr_matrix(URL.replace("Zx3", "Qq7"))


@pytest.fixture
def rutland(tmp_path, repo_root):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    return path


# Rutland's basemap bounds, as the server's grid would frame them (north-west origin).
LEFT, TOP, SPAN = 476_000.0, 322_000.0, 34_000.0


def bounds_of(z, x, y):
    side = SPAN / 2**z
    return (LEFT + x * side, TOP - (y + 1) * side, LEFT + (x + 1) * side, TOP - y * side)


def _image(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def test_tiles_are_pngs_of_the_offline_basemap_and_differ_across_the_map(qtbot, rutland):
    render = TileRenderer(rutland, bounds_of)
    whole = _image(render(0, 0, 0))
    assert (whole.width(), whole.height()) == (256, 256)
    colours = {whole.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4)}
    assert len(colours) > 20  # roads, water, green space: not a blank square
    # Rutland Water is near the middle of the county: a zoom-2 tile there is mostly blue.
    water = _image(render(3, 3, 3))
    blue = sum(
        1
        for x in range(0, 256, 8)
        for y in range(0, 256, 8)
        if QColor(water.pixel(x, y)).blue() > QColor(water.pixel(x, y)).red() + 15
    )
    assert blue > 100
    assert render(3, 3, 3) == render(3, 3, 3)  # cached: the same bytes


def test_tiles_render_from_many_server_threads_at_once(qtbot, rutland):
    render = TileRenderer(rutland, bounds_of)
    results: dict[tuple[int, int], bytes | None] = {}

    def fetch(x, y):
        results[(x, y)] = render(2, x, y)

    threads = [threading.Thread(target=fetch, args=(x, y)) for x in range(4) for y in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 16 and all(r and r.startswith(b"\x89PNG") for r in results.values())


def test_no_basemap_no_tiles(qtbot, demo_path):
    render = TileRenderer(demo_path, bounds_of)
    assert render(0, 0, 0) is None
    assert not render.has_basemap


def test_a_tile_off_the_grid_is_none(qtbot, rutland):
    render = TileRenderer(rutland, lambda z, x, y: None)
    assert render(30, 0, 0) is None


def test_a_new_session_needs_a_name_and_gives_its_details(qtbot):
    from PySide6.QtCore import QDate

    from assetmap.qt.workshop.dialogs import NewSessionDialog

    dialog = NewSessionDialog("Ann Facilitator")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "name" in dialog.error.text()
    assert dialog.result() == 0
    qtbot.keyClicks(dialog.name_edit, "  Stretford food  ")
    qtbot.keyClicks(dialog.place_edit, "Stretford Library")
    dialog.date_edit.setDate(QDate(2026, 12, 9))
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.values() == {
        "name": "Stretford food",
        "place": "Stretford Library",
        "date": "2026-12-09",
        "facilitator": "Ann Facilitator",
    }
