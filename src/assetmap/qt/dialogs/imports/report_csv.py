"""The import report as a CSV file: every row the report step has no room for (written by
core.io.report_csv, as the CLI's --report is)."""

from __future__ import annotations

from pathlib import Path

from assetmap.core.io import report_csv
from assetmap.core.io.report import ImportReport


def write_report_csv(path: str | Path, report: ImportReport) -> None:
    report_csv.write(path, report)
