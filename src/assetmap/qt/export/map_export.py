"""``export_map``: a map page as PDF (vector), SVG (vector) or PNG (at a chosen dpi).

The page is drawn with QPainter straight onto the QPdfWriter or QSvgGenerator, so areas
and symbols are paths and every word is text a reader can search and copy. The page is
made in memory and written by ``core.output`` next to the target, then moved into
place: Qt's writers do not say when a disk fills up, Python does, and a cancelled or failed
export leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from assetmap import __version__
from assetmap.core import output
from assetmap.core.errors import BadInputError
from assetmap.core.export.api import MAP_FORMATS, ExportReport
from assetmap.core.export.characters import for_xml_name, readable
from assetmap.core.export.options import ExportOptions, PrintLayout
from assetmap.core.layers import MapLayers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.qt.canvas.view import View
from assetmap.qt.export.content import MapContent, gather
from assetmap.qt.export.page import PagePlan, page_size, paint_map_page
from assetmap.qt.export.qtapp import ensure_app
from assetmap.qt.i18n import translate

Extent = tuple[float, float, float, float]
LOGICAL_DPI = 96.0
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


@dataclass
class MapExportReport(ExportReport):
    """An export's report, plus where the map went on the page (for checks and tests)."""

    page: QSizeF = field(default_factory=QSizeF)  # logical pixels (1/96 inch)
    frame: QRectF = field(default_factory=QRectF)  # the map frame on the page, logical px
    view: View | None = None  # the view drawn in the frame (frame-relative logical px)
    dpi: float = LOGICAL_DPI  # output pixels per inch (PNG); 96 for PDF and SVG units
    pages: int = 1

    def pixel_of(self, x: float, y: float) -> tuple[float, float]:
        """Where a map coordinate lands in the output, in its pixels (PNG) or 1/96 inch."""
        assert self.view is not None
        point = self.view.to_screen(x, y)
        k = self.dpi / LOGICAL_DPI
        return ((self.frame.left() + point.x()) * k, (self.frame.top() + point.y()) * k)


def export_map(
    project: Project,
    path: str | Path,
    options: ExportOptions,
    layout: PrintLayout,
    *,
    layers: MapLayers | None = None,
    view_extent: Extent | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> MapExportReport:
    """Draw the map page to ``path`` (.pdf, .svg or .png).

    ``layers``: what the map shows (default: the project's saved map layers), changed by
    the options' analysis, measure and area set. Extent: ``layout.extent``, else
    ``view_extent`` (the window's current view), else the area set's.
    """
    ensure_app()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MAP_FORMATS:
        raise BadInputError(
            translate("Export", "a map is drawn as {formats}, not '{given}'").format(
                formats=", ".join(MAP_FORMATS), given=suffix or path.name
            ),
            file=path,
            field="--out",
        )
    output.check_target(path)
    steps = Steps(progress)
    steps(0.02, translate("Export", "Gathering what the map shows"))
    content = gather(project, options, layers=layers, extent=layout.extent or view_extent)
    check_cancelled(cancelled)
    steps(0.35, translate("Export", "Drawing {name}").format(name=path.name))
    stop = cancelled or (lambda: False)
    page = PageFile(suffix)
    with page_painter(page, layout, content) as (painter, dpi):
        plan = paint_map_page(painter, content, layout, cancelled=stop)
    check_cancelled(cancelled)
    steps(0.95, translate("Export", "Writing {name}").format(name=path.name))
    output.write_bytes(path, page.data(path))
    steps(1.0, translate("Export", "Done"))
    return _report(path, content, plan, dpi)


def render_preview(content: MapContent, layout: PrintLayout, width_px: int) -> QImage:
    """The page as an image ``width_px`` pixels wide (the export dialog's preview)."""
    size = page_size(layout)
    dpi = LOGICAL_DPI * width_px / size.width()
    image = _page_image(size, dpi)
    painter = QPainter(image)
    try:
        paint_map_page(painter, content, layout)
    finally:
        painter.end()
    return image


# ---- devices -----------------------------------------------------------------------------------
class PageFile:
    """A page's file made in memory: Qt writes into it, ``data`` gives its bytes."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.bytes = QByteArray()
        self.buffer = QBuffer(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)

    def data(self, path: Path) -> bytes:
        self.buffer.close()
        data = bytes(self.bytes.data())
        if not data:
            raise BadInputError("could not be drawn", file=path, hint="nothing was written")
        return _portable_svg(data) if self.suffix == ".svg" else data


@contextlib.contextmanager
def page_painter(
    page: PageFile, layout: PrintLayout, content: MapContent
) -> Iterator[tuple[QPainter, float]]:
    """A painter on a page of ``layout`` in logical pixels of 1/96 inch, and the output's
    pixels per inch; the page is in ``page`` when the block ends."""
    size = page_size(layout)
    title, description = readable(content.title), readable(content.made)
    if page.suffix == ".pdf":
        writer = pdf_writer(page.buffer, layout, content)
        painter = QPainter(writer)
        try:
            yield painter, LOGICAL_DPI
        finally:
            painter.end()
    elif page.suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(page.buffer)
        generator.setResolution(round(LOGICAL_DPI))
        generator.setSize(QSize(round(size.width()), round(size.height())))
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        generator.setDescription(description)
        painter = QPainter(generator)
        try:
            yield painter, LOGICAL_DPI
        finally:
            painter.end()
    else:
        image = _page_image(size, float(layout.dpi))
        if image.isNull():
            raise BadInputError(
                translate("Export", "a {page} image at {dpi} dpi is too large to make here").format(
                    page=layout.page, dpi=layout.dpi
                ),
                field="--dpi",
                hint=translate("Export", "choose a lower resolution, or PDF for print"),
            )
        painter = QPainter(image)
        try:
            yield painter, float(layout.dpi)
        finally:
            painter.end()
        dots = round(layout.dpi / 0.0254)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.save(page.buffer, "PNG")  # type: ignore[call-overload]  # stub: bytes; PySide6: str


def pdf_writer(device: QIODevice, layout: PrintLayout, content: MapContent) -> QPdfWriter:
    """A PDF writer whose document properties say what the map is and who made it."""
    writer = QPdfWriter(device)
    writer.setResolution(round(LOGICAL_DPI))
    orientation = (
        QPageLayout.Orientation.Landscape
        if layout.orientation == "landscape"
        else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(QPageSize(PAGE_SIZES[layout.page]), orientation, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(readable(content.title))
    writer.setAuthor(readable(content.author))
    writer.setCreator(f"assetmap {__version__}")
    return writer


def _portable_svg(data: bytes) -> bytes:
    """Qt names fonts as the app knows them ("Sans Serif" is no CSS family): name the real
    family and add the generic one, so any SVG viewer picks a like font. And no character
    XML cannot hold, wherever Qt put one, so the file always opens."""
    resolved = QFontInfo(QFont()).family()
    text = data.decode("utf-8", errors="replace")

    def family(match: re.Match[str]) -> str:
        name = match.group(1)
        name = resolved if name.lower() in ("sans serif", "sans-serif", "") else name
        return f'font-family="{html.escape(name)}, sans-serif"'

    text = re.sub(r'font-family="([^"]*)"', family, for_xml_name(readable(text)))
    return text.encode("utf-8")


def _page_image(size: QSizeF, dpi: float) -> QImage:
    ratio = dpi / LOGICAL_DPI
    image = QImage(
        max(1, round(size.width() * ratio)),
        max(1, round(size.height() * ratio)),
        QImage.Format.Format_RGB32,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    return image


def _report(
    path: Path, content: MapContent, plan: PagePlan, dpi: float, pages: int = 1
) -> MapExportReport:
    return MapExportReport(
        path=path,
        assets=len(content.chosen.frame),
        notice=content.notice,
        page=plan.size,
        frame=plan.frame,
        view=plan.view,
        dpi=dpi,
        pages=pages,
    )
