"""The work the import dialogs hand to worker threads.

Each piece of work opens its own connection to the project file: SQLite connections belong to
the thread that made them, and the GUI's stays on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project

Prepare = Callable[..., Any]


def dry_run_work(project_path: Path, path: Path, options: object, prepare: Prepare) -> Any:
    """A prepare on its own connection: the GUI's connection stays on the GUI thread."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
        project = Project.open(project_path)
        try:
            return prepare(project, path, options, progress=progress, cancelled=cancelled)
        finally:
            project.close()

    return work
