"""The progress/cancel protocol shared by the CLI, the tests and the GUI workers.

Long core functions take ``progress(fraction, message)`` and ``cancelled()``
callbacks (the Orange3 pattern) instead of knowing who is watching them.
"""

from __future__ import annotations

from collections.abc import Callable

from assetmap.core.errors import Cancelled

ProgressFn = Callable[[float, str], None]
CancelledFn = Callable[[], bool]


def no_progress(fraction: float, message: str) -> None:
    """Default progress sink for callers that do not show progress."""


def never_cancelled() -> bool:
    """Default cancel check for callers that cannot cancel."""
    return False


def check_cancelled(cancelled: CancelledFn | None) -> None:
    """Raise Cancelled when the caller asked to stop; call between work chunks."""
    if cancelled is not None and cancelled():
        raise Cancelled()


class Steps:
    """Maps sub-steps onto one 0..1 progress bar so nested work reports sensibly."""

    def __init__(self, progress: ProgressFn | None, start: float = 0.0, end: float = 1.0) -> None:
        self._progress = progress or no_progress
        self._start = start
        self._end = end

    def report(self, fraction: float, message: str) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        self._progress(self._start + (self._end - self._start) * fraction, message)

    def sub(self, start: float, end: float) -> Steps:
        span = self._end - self._start
        return Steps(self._progress, self._start + span * start, self._start + span * end)

    def __call__(self, fraction: float, message: str) -> None:
        self.report(fraction, message)
