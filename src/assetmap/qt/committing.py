"""Pushing a command built from what a worker prepared.

Workers do the slow part (reading, parsing, validating, geometry) and hand back a prepared
result; the GUI thread turns it into a command and pushes it on the session's stack, so the
project's events reach the views directly and Undo works, with no full re-read.

The exception is a write that is itself long: a national import's 200,000 rows (or a city's
buildings for the basemap) take many seconds to write, and the window must not freeze for
them. Those are pushed from a worker through the same stack on the worker's own connection
(so Undo still works), and the session catches up through the change feed afterwards
(``qt.change_watch.catch_up``: the rows the worker wrote, not a reload of everything). The
write is one transaction either way: Cancel before it starts leaves the project as it was,
and nothing is ever half-written.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled
from assetmap.core.project import Project
from assetmap.qt.change_watch import catch_up
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Failed

#: Rows (assets, areas, basemap features) written on the GUI thread in well under a second.
WRITE_IN_GUI_THREAD = 5_000


def push_prepared(
    job: BackgroundJob,
    session: Session,
    command: Command,
    rows: int,
    on_done: Callable[[Command], None],
    on_failed: Failed,
    *,
    message: str | None = None,
) -> None:
    """Push ``command`` (which writes ``rows`` rows) here, or from a worker when that is long.

    ``on_done(command)`` or ``on_failed(error, details)`` runs on the GUI thread either way."""
    if rows > WRITE_IN_GUI_THREAD:
        work = commit_work(session.project.path, session.stack, command)
        if message is None:
            message = translate("Committing", "Writing to the project…")
        job.start(work, _reread_then(session, on_done), on_failed, message=message)
        return
    try:
        session.push(command)
    except Exception as exc:  # reported like a worker's failure, never swallowed
        on_failed(exc, traceback.format_exc())
        return
    on_done(command)


def _reread_then(session: Session, on_done: Callable[[Command], None]) -> Callable[[Any], None]:
    def done(command: Any) -> None:
        session.stack.record(command)
        catch_up(session)
        on_done(command)

    return done


def commit_work(project_path: Path, stack: CommandStack, command: Command) -> Any:
    """Commit through the GUI's stack on a second connection; the GUI thread then records it
    in the history (``_reread_then``), so Undo works and history events stay on that thread.
    Its progress words are translated here, on the GUI thread."""
    writing = translate("Committing", "Writing to the project")
    done = translate("Committing", "Done")

    def work(progress: ProgressFn, cancelled: CancelledFn) -> Command:
        check_cancelled(cancelled)
        progress(0.2, writing)
        project = Project.open(project_path)
        try:
            stack.commit(command, project=project)
        finally:
            project.close()
        progress(1.0, done)
        return command

    return work
