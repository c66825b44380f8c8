"""A workshop's contributions as a CSV file: what was said, by whom, where, and its review.

Every pin not withdrawn, newest first, with the category's label (people read it in a
spreadsheet), the project CRS position and latitude/longitude (for other maps). Cells that
a spreadsheet could run as a formula are neutralised, as in every assetmap CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pyproj import Transformer

from assetmap.core import categories, output
from assetmap.core.export import characters
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.workshop.contributions import Contribution, contributions

COLUMNS = (
    "submitted_at", "kind", "category", "name", "note", "contributor", "review",
    "reviewed_by", "easting", "northing", "latitude", "longitude",
)  # fmt: skip
KIND_WORDS = {
    "asset": translatable("Asset (this is here)"),
    "need": translatable("Need (this is missing here)"),
}


def write_summary_csv(project: Project, workshop_id: str, path: str | Path) -> int:
    """Write the CSV (replacing ``path`` only when complete); returns the rows written."""
    rows = summary_rows(project, workshop_id)
    with output.replacing(path) as tmp, tmp.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows([_safe(cell) for cell in row] for row in rows)
    return len(rows)


def summary_rows(project: Project, workshop_id: str) -> list[list[object]]:
    """The CSV's rows, in COLUMNS order (the PDF summary lists the same)."""
    labels = {c.key: c.label for c in categories.all_categories(project)}
    reviewers = _reviewers(project, workshop_id)
    to_wgs84 = Transformer.from_crs(project.crs, "EPSG:4326", always_xy=True)
    return [_row(c, labels, reviewers, to_wgs84) for c in contributions(project, workshop_id)]


def _row(
    c: Contribution, labels: dict[str, str], reviewers: dict[str, str], to_wgs84: Transformer
) -> list[object]:
    position: list[object] = ["", "", "", ""]
    if c.x is not None and c.y is not None:
        lon, lat = to_wgs84.transform(c.x, c.y)
        position = [round(c.x, 1), round(c.y, 1), round(lat, 6), round(lon, 6)]
    return [
        c.submitted_at,
        translated(KIND_WORDS[c.kind]) if c.kind in KIND_WORDS else c.kind,
        labels.get(c.category, c.category),
        c.name,
        c.note,
        c.contributor or "",
        c.review,
        reviewers.get(c.uuid, "") if c.review != "pending" else "",
        *position,
    ]


def _reviewers(project: Project, workshop_id: str) -> dict[str, str]:
    rows = project.conn.execute(
        f"SELECT uuid, reviewed_by FROM {ASSETS_TABLE} WHERE workshop_id = ?", (workshop_id,)
    )
    return {uuid: by or "" for uuid, by in rows}


def _safe(cell: object) -> object:
    return characters.encodable(neutralise(cell)) if isinstance(cell, str) else cell
