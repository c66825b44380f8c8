"""Basemap ▸ Make this area available offline…: download a zoom range of tiles over the
project's area into its tile cache, after showing how many tiles and megabytes that is.

Refused, with the reason, for providers whose policy forbids bulk download
(OpenStreetMap's own servers among them); the dialog says what to do instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.tiles import (
    MBTilesCache,
    TilePlanner,
    TileSource,
    cache_path_for,
    check_bulk_allowed,
    download,
    plan_download,
)
from assetmap.core.tiles.download import AVERAGE_TILE_KB, MAX_TILES, DownloadReport
from assetmap.qt.dialogs.worker_dialog import offer_close
from assetmap.qt.i18n import translate
from assetmap.qt.workers import BackgroundJob, Task

if TYPE_CHECKING:
    from pyproj import CRS

Extent = tuple[float, float, float, float]


class OfflineTilesDialog(QDialog):
    """Area, zoom range, the tile count and size, then the download with progress."""

    def __init__(
        self,
        project_path: str | Path,
        crs: CRS | str,
        source: TileSource | None,
        project_extent: Extent | None,
        view_extent: Extent | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OfflineTiles", "Make this area available offline"))
        self.setMinimumWidth(520)
        self.project_path = Path(project_path)
        self.source = source
        self.planner = TilePlanner(crs)
        self.extents = {"project": project_extent, "view": view_extent}
        self.report: object = None
        self.refusal = ""
        self.outcome = ""  # how the last download ended, shown until the choice changes
        self.area_project = QRadioButton(
            translate("OfflineTiles", "The project's &area (its neighbourhoods and assets)")
        )
        self.area_view = QRadioButton(translate("OfflineTiles", "What the map &shows now"))
        group = QButtonGroup(self)
        group.addButton(self.area_project)
        group.addButton(self.area_view)
        (self.area_project if project_extent is not None else self.area_view).setChecked(True)
        self.area_project.setEnabled(project_extent is not None)
        self.min_zoom = QSpinBox()
        self.max_zoom = QSpinBox()
        top = source.max_zoom if source is not None else 19
        for box, value, name in (
            (self.min_zoom, 10, translate("OfflineTiles", "Lowest zoom")),
            (self.max_zoom, min(15, top), translate("OfflineTiles", "Highest zoom")),
        ):
            box.setRange(source.min_zoom if source is not None else 0, top)
            box.setValue(value)
            box.setAccessibleName(name)
        zooms = QHBoxLayout()
        zooms.addWidget(self.min_zoom)
        zooms.addWidget(QLabel(translate("OfflineTiles", "to")))
        zooms.addWidget(self.max_zoom)
        zooms.addStretch(1)
        self.estimate = QLabel()
        self.estimate.setAccessibleName(translate("OfflineTiles", "Tiles and size"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)
        self.progress = QProgressBar()
        self.job = BackgroundJob(self, progress=self.progress, say=self.message.setText)
        self.job.busyChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(
            translate("OfflineTiles", "Tiles from:"),
            QLabel(source.name if source is not None else translate("OfflineTiles", "none chosen")),
        )
        form.addRow(translate("OfflineTiles", "Area:"), self.area_project)
        form.addRow("", self.area_view)
        zoom_label = QLabel(translate("OfflineTiles", "&Zoom levels:"))
        zoom_label.setBuddy(self.min_zoom)
        form.addRow(zoom_label, zooms)
        form.addRow(translate("OfflineTiles", "Download:"), self.estimate)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(
            translate("OfflineTiles", "&Download"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for box in (self.min_zoom, self.max_zoom):
            box.valueChanged.connect(self._changed)
        group.buttonToggled.connect(lambda *_: self._changed())
        self._check_source()
        self._update()

    # ---- what would be downloaded ------------------------------------------------------------
    def _check_source(self) -> None:
        if self.source is None:
            self.refusal = translate(
                "OfflineTiles", "Choose a tile source first (Basemap ▸ Tile source…)."
            )
            return
        try:
            check_bulk_allowed(self.source)
        except BadInputError as exc:
            # The dialog already says which source; the message and what to do instead.
            hint = (
                translate("OfflineTiles", " Instead, {hint}.").format(hint=exc.hint)
                if exc.hint
                else ""
            )
            self.refusal = f"{exc.message}.{hint}"

    def bounds(self) -> tuple[float, float, float, float] | None:
        extent = self.extents["project" if self.area_project.isChecked() else "view"]
        if extent is None:
            return None
        try:
            return self.planner.lonlat_bounds(extent)
        except ValueError:
            return None

    def zooms(self) -> range:
        low, high = sorted((self.min_zoom.value(), self.max_zoom.value()))
        return range(low, high + 1)

    def plan(self) -> tuple[int, float]:
        bounds = self.bounds()
        if bounds is None:
            return 0, 0.0
        average = AVERAGE_TILE_KB
        path = cache_path_for(self.project_path, self.source) if self.source else None
        if path is not None and path.exists():
            cache = MBTilesCache(path)
            known = cache.average_tile_bytes() if cache.count() >= 20 else None
            cache.close()
            average = known / 1024 if known else average
        return plan_download(bounds, self.zooms(), average_tile_kb=average)

    def _changed(self) -> None:
        if self.task is None:
            self.outcome = ""
        self._update()

    def _update(self) -> None:
        tiles, megabytes = self.plan()
        self.estimate.setText(
            translate("OfflineTiles", "{tiles} tiles, about {size} MB").format(
                tiles=f"{tiles:,}", size=f"{megabytes:,.1f}"
            )
        )
        busy = self.task is not None
        too_many = tiles > MAX_TILES
        if self.refusal:
            self.message.setText(self.refusal)
            self.message.setStyleSheet("color: #9A3412;")
        elif too_many:
            self.message.setText(
                translate(
                    "OfflineTiles",
                    "That is more than the {tiles} tiles assetmap downloads at once: "
                    "choose a smaller zoom range.",
                ).format(tiles=f"{MAX_TILES:,}")
            )
            self.message.setStyleSheet("color: #9A3412;")
        elif not busy and self.outcome:
            self.message.setText(self.outcome)
        elif not busy:
            self.message.setText(
                translate(
                    "OfflineTiles",
                    "The tiles are saved beside the project file and used whenever the network "
                    "is not there. Tiles already saved are not fetched again.",
                )
            )
            self.message.setStyleSheet("color: #57606A;")
        self.start_button.setEnabled(not busy and not self.refusal and not too_many and tiles > 0)
        for widget in (self.min_zoom, self.max_zoom, self.area_project, self.area_view):
            widget.setEnabled(not busy and (widget is not self.area_project
                                            or self.extents["project"] is not None))  # fmt: skip

    # ---- the download ------------------------------------------------------------------------
    def start(self) -> Task | None:
        bounds = self.bounds()
        if self.refusal or self.source is None or bounds is None or self.task is not None:
            return None
        source, zooms = self.source, list(self.zooms())
        path = cache_path_for(self.project_path, source)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> DownloadReport:
            cache = MBTilesCache(path)
            try:
                return download(source, cache, bounds, zooms, progress=progress,
                                cancelled=cancelled)  # fmt: skip
            finally:
                cache.close()

        self.outcome = ""
        self.message.setStyleSheet("color: #57606A;")
        return self.job.start(
            work,
            self._on_done,
            self._on_failed,
            self._on_cancelled,
            message=translate("OfflineTiles", "Starting…"),
        )

    @property
    def task(self) -> Task | None:
        return self.job.task

    def _on_done(self, report: object) -> None:
        self.report = report
        fetched = getattr(report, "fetched", 0)
        size = getattr(report, "bytes", 0) / 1024 / 1024
        cached = getattr(report, "already_cached", 0)
        if getattr(report, "offline", False):
            text = translate(
                "OfflineTiles",
                "The network went away after {tiles} tiles ({size} MB): they are "
                "saved. Try again later to fetch the rest.",
            ).format(tiles=f"{fetched:,}", size=f"{size:,.1f}")
        else:
            text = translate(
                "OfflineTiles",
                "Done: {tiles} tiles downloaded ({size} MB), {cached} were "
                "already saved. This area is now available offline.",
            ).format(tiles=f"{fetched:,}", size=f"{size:,.1f}", cached=f"{cached:,}")
        self._finish(text)
        offer_close(self, self.buttons, self.start_button)

    def _finish(self, text: str, colour: str = "#57606A") -> None:
        self.outcome = text
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)

    def _on_failed(self, error: object, details: str) -> None:
        if isinstance(error, AssetmapError):
            self._finish(str(error), "#9A3412")
        else:
            self._finish(
                translate(
                    "OfflineTiles", "The download stopped: {error}. The tiles fetched are kept."
                ).format(error=error),
                "#9A3412",
            )

    def _on_cancelled(self) -> None:
        self._finish(translate("OfflineTiles", "Cancelled. The tiles downloaded so far are kept."))

    def _cancel(self) -> None:
        if self.job.busy:
            self.job.cancel()
            return
        self.reject()
