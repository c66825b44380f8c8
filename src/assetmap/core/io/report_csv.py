"""The import report as a CSV: every repaired, unplaced and rejected row, and every note.

One writer for the CLI's --report and the import dialog's "Save report…", so both say the
same and both are safe to open in a spreadsheet (cells cannot run as formulas).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from assetmap.core import output
from assetmap.core.i18n import translated
from assetmap.core.io.report import ImportReport
from assetmap.core.io.safe_cells import neutralise

OUTCOMES = ("rejected", "unplaced", "repaired")
# Importing a file again: what each outcome is called in the CSV.
REIMPORT_OUTCOMES = {"missing": "no longer in the file", "changed_rows": "updated"}


def write_rows(handle: IO[str], report: ImportReport) -> None:
    writer = csv.writer(handle)
    writer.writerow(["outcome", "file", "row", "field", "message"])
    for outcome in OUTCOMES:
        for issue in getattr(report, outcome):
            writer.writerow(
                [outcome, neutralise(report.file), issue.row, neutralise(issue.field or ""),
                 neutralise(issue.message)]
            )  # fmt: skip
    for attribute, outcome in REIMPORT_OUTCOMES.items():
        for issue in getattr(report, attribute):
            writer.writerow(
                [outcome, neutralise(report.file), issue.row, "", neutralise(issue.text)]
            )
    if report.reimport:
        counts = translated("matched by {key}: {counts}").format(
            key=report.match_key, counts=report.reimport_summary()
        )
        writer.writerow(["summary", neutralise(report.file), "", "", neutralise(counts)])
    for note in report.notes:
        writer.writerow(["note", neutralise(report.file), "", "", neutralise(note)])


def write(path: str | Path, report: ImportReport, field: str | None = None) -> Path:
    """The whole report at ``path``, or nothing there (and the older file kept) on failure."""
    path = output.check_target(path, field)
    staged = output.Staged(field)
    try:
        with staged.open(path, newline="", encoding="utf-8") as handle:
            write_rows(handle, report)
        staged.commit()
    except OSError as exc:
        raise output.write_error(exc, path, field) from exc
    finally:
        staged.discard()
    return path
