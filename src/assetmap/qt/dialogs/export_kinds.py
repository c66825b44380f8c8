"""What the export dialog can write: each kind of file, its group (a map, an interactive map,
data, a directory, a gap report) and the name it is offered under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class Kind:
    """``label`` and ``filter`` are English, marked for translation: translate them
    (context "ExportDialog") where they are shown."""

    key: str
    label: str
    suffix: str
    group: str  # map, html, data, directory, report
    filter: str


KINDS = (
    Kind(
        "pdf",
        QT_TRANSLATE_NOOP("ExportDialog", "Map — PDF, for printing (vector)"),
        ".pdf",
        "map",
        "PDF (*.pdf)",
    ),
    Kind(
        "png",
        QT_TRANSLATE_NOOP("ExportDialog", "Map — PNG image"),
        ".png",
        "map",
        QT_TRANSLATE_NOOP("ExportDialog", "PNG image (*.png)"),
    ),
    Kind(
        "svg",
        QT_TRANSLATE_NOOP("ExportDialog", "Map — SVG, for editing (vector)"),
        ".svg",
        "map",
        "SVG (*.svg)",
    ),
    Kind(
        "html",
        QT_TRANSLATE_NOOP("ExportDialog", "Interactive map — HTML, for a browser"),
        ".html",
        "html",
        QT_TRANSLATE_NOOP("ExportDialog", "Web page (*.html)"),
    ),
    Kind(
        "gpkg",
        QT_TRANSLATE_NOOP("ExportDialog", "Data — GeoPackage, for GIS"),
        ".gpkg",
        "data",
        "GeoPackage (*.gpkg)",
    ),
    Kind(
        "geojson",
        QT_TRANSLATE_NOOP("ExportDialog", "Data — GeoJSON"),
        ".geojson",
        "data",
        "GeoJSON (*.geojson)",
    ),
    Kind(
        "csv",
        QT_TRANSLATE_NOOP("ExportDialog", "Data — CSV, for spreadsheets"),
        ".csv",
        "data",
        "CSV (*.csv)",
    ),
    Kind(
        "xlsx",
        QT_TRANSLATE_NOOP("ExportDialog", "Data — Excel workbook"),
        ".xlsx",
        "data",
        QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (*.xlsx)"),
    ),
    Kind(
        "openreferral",
        QT_TRANSLATE_NOOP("ExportDialog", "Data — Open Referral directory (.zip)"),
        ".zip",
        "directory",
        QT_TRANSLATE_NOOP("ExportDialog", "Open Referral directory (*.zip)"),
    ),
    Kind(
        "report_pdf",
        QT_TRANSLATE_NOOP("ExportDialog", "Gap report — PDF"),
        ".pdf",
        "report",
        "PDF (*.pdf)",
    ),
    Kind(
        "report_html",
        QT_TRANSLATE_NOOP("ExportDialog", "Gap report — HTML"),
        ".html",
        "report",
        QT_TRANSLATE_NOOP("ExportDialog", "Web page (*.html)"),
    ),
)
KIND = {k.key: k for k in KINDS}


def file_name_for(title: str, kind: Kind) -> str:
    """A file name from the title: letters, digits, spaces and dashes only."""
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip() or "export"
    if kind.group == "report":
        stem += translate("ExportDialog", " gap report")
    return stem[:80] + kind.suffix
