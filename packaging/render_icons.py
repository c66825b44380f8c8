"""Render the app icon (resources/assetmap.svg) at the sizes desktops and installers use.

    python packaging/render_icons.py OUT_DIR

writes OUT_DIR/hicolor/NxN/apps/assetmap.png for N in SIZES (the freedesktop icon theme
layout, which the .deb and AppImage install) and OUT_DIR/assetmap.ico (Windows: the
executable's icon, see assetmap.spec). The PNGs are made at build time, not committed: the SVG
is the one source.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "assetmap.svg"


def render(size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def render_all(out: Path) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts, plugins)
    written = []
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "assetmap.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    ico = out / "assetmap.ico"
    if render(256).save(str(ico), "ICO"):  # Qt's ico plugin writes the largest size given
        written.append(ico)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in render_all(Path(sys.argv[1])):
        print(path)
