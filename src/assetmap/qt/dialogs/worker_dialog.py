"""The parts a dialog that runs long work in a worker shares: starting the Task with the
dialog's handlers, and turning Start and Cancel into Close once the work is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox

from assetmap.qt.workers import Task, keep_until_finished


class WorkerDialog(Protocol):
    def _on_progress(self, fraction: float, message: str) -> None: ...
    def _on_done(self, result: object) -> None: ...
    def _on_failed(self, error: object, details: str) -> None: ...
    def _on_cancelled(self) -> None: ...
    def _on_finished(self) -> None: ...


def start_task(dialog: WorkerDialog, work: Callable[[Any, Any], object]) -> Task:
    """Run ``work(progress, cancelled)`` in a worker, reporting to the dialog's handlers."""
    task = Task(work)
    keep_until_finished(task)  # a Task must outlive the dialog that started it
    task.progressed.connect(dialog._on_progress)
    task.succeeded.connect(dialog._on_done)
    task.failed.connect(dialog._on_failed)
    task.was_cancelled.connect(dialog._on_cancelled)
    task.finished.connect(dialog._on_finished)
    task.start()
    return task


def offer_close(dialog: QDialog, buttons: QDialogButtonBox, start: QAbstractButton) -> None:
    """Done: Close instead of Start and Cancel (hidden, not deleted: the dialog's state
    updates still reach them)."""
    start.hide()
    buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.clicked.connect(dialog.accept)
    close.setDefault(True)
