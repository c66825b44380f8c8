"""Rate limits move with a fake clock: no sleeping in tests."""

from __future__ import annotations

import threading

from assetmap.core.commands.workshop import AddContribution
from assetmap.core.workshop.contributions import submitted_count
from assetmap.core.workshop.limits import MAX_SUBMISSIONS, RateLimiter, over_total
from support.workshop import pin


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_six_a_minute_per_phone_then_refused_until_the_window_moves():
    clock = FakeClock()
    limiter = RateLimiter(6, clock)
    assert all(limiter.allow("phone-a") for _ in range(6))
    assert not limiter.allow("phone-a")
    assert limiter.allow("phone-b")  # another phone is not held up
    clock.now += 59.9
    assert not limiter.allow("phone-a")
    clock.now += 0.2  # the first six are now over a minute old
    assert all(limiter.allow("phone-a") for _ in range(6))
    assert not limiter.allow("phone-a")


def test_refused_requests_do_not_extend_the_wait():
    clock = FakeClock()
    limiter = RateLimiter(1, clock)
    assert limiter.allow("k")
    for _ in range(10):
        clock.now += 5
        assert not limiter.allow("k")
    clock.now += 10.1
    assert limiter.allow("k")


def test_many_threads_never_get_more_than_the_limit():
    limiter = RateLimiter(30, FakeClock())
    allowed = []
    lock = threading.Lock()

    def hammer() -> None:
        for _ in range(20):
            if limiter.allow("10.0.0.7"):
                with lock:
                    allowed.append(1)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(allowed) == 30


def test_the_total_cap_counts_phone_submissions_in_the_store(demo, stack, workshop_id, phone):
    for name in ("One", "Two", "Three"):
        stack.push(AddContribution(workshop_id, pin(name), phone))
    stack.push(AddContribution(workshop_id, pin("Facilitator's"), None, review="approved"))
    assert submitted_count(demo, workshop_id) == 3
    assert over_total(3, cap=3) and not over_total(2, cap=3)
    assert not over_total(submitted_count(demo, workshop_id)) and MAX_SUBMISSIONS == 2_000
