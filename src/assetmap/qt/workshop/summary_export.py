"""The session summary as a file: PDF (map, tallies, every comment) or CSV (every
contribution), written by a worker on its own connection to the project."""

from __future__ import annotations

from pathlib import Path

from assetmap.core.errors import BadInputError
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.workers import Work

SUMMARY_FILTERS = QT_TRANSLATE_NOOP(
    "WorkshopPanel", "PDF summary (*.pdf);;CSV, one row per pin (*.csv)"
)


def summary_work(project_path: Path, workshop_id: str, target: Path) -> Work:
    """``work(progress, cancelled)`` for a ``BackgroundJob``: writes ``target`` (its suffix
    says which) and returns how many contributions it holds."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> int:
        return write_summary(project_path, workshop_id, target, progress, cancelled)

    return work


def write_summary(
    project_path: Path,
    workshop_id: str,
    target: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        raise BadInputError(
            translate(
                "WorkshopPanel", "a session summary is a PDF or a CSV file, not '{suffix}'"
            ).format(suffix=suffix or target.name),
            file=target,
        )
    with Project.open(project_path) as project:
        if suffix == ".csv":
            from assetmap.core.workshop.summary import write_summary_csv

            return write_summary_csv(project, workshop_id, target)
        from assetmap.qt.workshop.summary_pdf import write_summary_pdf

        return write_summary_pdf(project, workshop_id, target, progress=progress,
                                 cancelled=cancelled)  # fmt: skip
