"""The import report as a CSV file: every row the table on step 3 has no room for."""

from __future__ import annotations

import csv
from pathlib import Path

from assetmap.core.io.report import ImportReport


def neutralised(value: object) -> str:
    """Spreadsheets run cells starting = + - @ as formulas: a report must not (BRIEF §8)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_report_csv(path: str | Path, report: ImportReport) -> None:
    """Every repaired, unplaced and rejected row and every note, as the CLI's --report writes."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outcome", "file", "row", "field", "message"])
        for outcome in ("rejected", "unplaced", "repaired"):
            for issue in getattr(report, outcome):
                writer.writerow(
                    [
                        outcome,
                        neutralised(report.file),
                        issue.row,
                        neutralised(issue.field),
                        neutralised(issue.message),
                    ]
                )
        for note in report.notes:
            writer.writerow(["note", neutralised(report.file), "", "", neutralised(note)])
