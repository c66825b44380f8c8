"""Tiles are decoded as the raster format they are, never by asking every image plugin
(whose SVG probe can deadlock the render thread against the GUI thread: see decode_tile)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QColor, QImage

from assetmap.qt.canvas.tiles import decode_tile, tile_format


def encoded(fmt: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab9"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data)


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "PNG"), ("JPG", "JPG")])
def test_raster_tiles_decode_to_their_pixels(fmt, name):
    data = encoded(fmt)
    assert tile_format(data) == name
    image = decode_tile(data)
    assert image is not None and image.width() == 256
    assert QColor(image.pixel(128, 128)).blue() > 150


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>429 Too Many Requests</body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"/>',
        b"",
        b"\x89PNG but cut short",
    ],
)
def test_what_is_not_a_tile_image_is_not_drawn(body):
    assert decode_tile(body) is None
