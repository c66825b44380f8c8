"""Limits that keep one phone (or one busy room) from flooding a workshop.

A sliding window per key (a phone's hash, a client address): at most ``per_minute``
allowed in any 60 seconds. The clock is injected so tests move time instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

# A workshop takes at most this many submissions from phones in all.
MAX_SUBMISSIONS = 2_000
WINDOW_S = 60.0


class RateLimiter:
    """Thread-safe: the server answers phones on several threads at once."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError("a rate limit allows at least one request a minute")
        self.per_minute = per_minute
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Whether ``key`` may go ahead now; an allowed request counts against its window,
        a refused one does not (a phone that waits gets through)."""
        now = self._clock()
        with self._lock:
            times = self._seen.setdefault(key, deque())
            while times and times[0] <= now - WINDOW_S:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            self._forget_idle(now)
            return True

    def _forget_idle(self, now: float) -> None:
        """Keys quiet for a whole window are dropped, so memory follows the busy ones."""
        if len(self._seen) < 1024:
            return
        idle = [k for k, t in self._seen.items() if not t or t[-1] <= now - WINDOW_S]
        for key in idle:
            del self._seen[key]


def over_total(submitted: int, cap: int = MAX_SUBMISSIONS) -> bool:
    """Whether a workshop that has taken ``submitted`` pins may take no more."""
    return submitted >= cap
