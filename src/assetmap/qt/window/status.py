"""The status bar's permanent read-outs: where the cursor is, the scale, how many assets
the view shows and which file is open."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QLabel, QStatusBar

from assetmap.core import assets
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session

METRES_PER_INCH = 0.0254
BRITISH_NATIONAL_GRID = 27700


class StatusReadout:
    """Four labels at the right of the status bar, kept up to date by the window."""

    def __init__(self, status: QStatusBar) -> None:
        self.coords_label = _label(translate("Status", "Cursor coordinates"))
        self.scale_label = _label(translate("Status", "Map scale"))
        self.count_label = _label(translate("Status", "Assets shown"))
        self.file_label = _label(translate("Status", "Project file"))
        for label in (self.coords_label, self.scale_label, self.count_label, self.file_label):
            status.addPermanentWidget(label)

    def show_cursor(self, session: Session, x: float, y: float) -> None:
        if session.project.crs.to_epsg() == BRITISH_NATIONAL_GRID:
            words = translate("Status", "E {x:,.0f}  N {y:,.0f}")  # easting and northing
        else:
            words = translate("Status", "x {x:,.0f}  y {y:,.0f} m")
        self.coords_label.setText(words.format(x=x, y=y))

    def show_view(self, session: Session, canvas: MapCanvas) -> None:
        """The scale as a paper map would say it, and the shown assets inside the view."""
        view = canvas.view
        metres_per_screen_px = METRES_PER_INCH / max(canvas.logicalDpiX(), 1)
        ratio = round_scale(view.scale / metres_per_screen_px)
        self.scale_label.setText(translate("Status", "Scale 1:{ratio:,}").format(ratio=ratio))
        points = session.points()
        total = assets.count(session.project)
        shown = 0
        if len(points):
            mask = session.visible_point_mask()
            minx, miny, maxx, maxy = view.bounds()
            x, y = points["x"].to_numpy(), points["y"].to_numpy()
            shown = int((mask & (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)).sum())
        self.count_label.setText(
            translate("Status", "{shown:,} of {total:,} assets in view").format(
                shown=shown, total=total
            )
        )

    def show_file(self, path: Path) -> None:
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setContentsMargins(8, 0, 8, 0)
    return label


def round_scale(ratio: float) -> int:
    """1:12,345 reads as 1:12,000: two significant figures, as map scales are said."""
    if ratio < 1:
        return 1
    digits = int(np.floor(np.log10(ratio))) - 1
    step = 10 ** max(digits, 0)
    return int(round(ratio / step) * step)
