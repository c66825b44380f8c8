"""What the export dialog can write: each kind of file, its group (a map, an interactive map,
data, a directory, a gap report) and the name it is offered under."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    suffix: str
    group: str  # map, html, data, directory, report
    filter: str


KINDS = (
    Kind("pdf", "Map — PDF, for printing (vector)", ".pdf", "map", "PDF (*.pdf)"),
    Kind("png", "Map — PNG image", ".png", "map", "PNG image (*.png)"),
    Kind("svg", "Map — SVG, for editing (vector)", ".svg", "map", "SVG (*.svg)"),
    Kind("html", "Interactive map — HTML, for a browser", ".html", "html", "Web page (*.html)"),
    Kind("gpkg", "Data — GeoPackage, for GIS", ".gpkg", "data", "GeoPackage (*.gpkg)"),
    Kind("geojson", "Data — GeoJSON", ".geojson", "data", "GeoJSON (*.geojson)"),
    Kind("csv", "Data — CSV, for spreadsheets", ".csv", "data", "CSV (*.csv)"),
    Kind("xlsx", "Data — Excel workbook", ".xlsx", "data", "Excel workbook (*.xlsx)"),
    Kind(
        "openreferral",
        "Data — Open Referral directory (.zip)",
        ".zip",
        "directory",
        "Open Referral directory (*.zip)",
    ),
    Kind("report_pdf", "Gap report — PDF", ".pdf", "report", "PDF (*.pdf)"),
    Kind("report_html", "Gap report — HTML", ".html", "report", "Web page (*.html)"),
)
KIND = {k.key: k for k in KINDS}


def file_name_for(title: str, kind: Kind) -> str:
    """A file name from the title: letters, digits, spaces and dashes only."""
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip() or "export"
    if kind.group == "report":
        stem += " gap report"
    return stem[:80] + kind.suffix
