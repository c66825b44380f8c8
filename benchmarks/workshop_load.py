"""Scenario `workshop`: 60 phones submitting pins for 60 s while the facilitator approves.

A copy of the Trafford demo gets a workshop session. One child process is the facilitator's
laptop as the app runs it: a `QApplication` with the app's `Session` on the file and its real
change watcher (`qt.change_watch`, polling every 250 ms), the participants' server
(`core.workshop.server`, a daemon thread) and a facilitator thread approving every pending
pin about twice a second through its own `Project` connection. A second child process is the
room: 60 simulated phones on 127.0.0.1, each from its own loopback address (127.0.0.10 ...,
as phones on a Wi-Fi network each have their own), each with its own device secret, polling
`api/pins?since=` every second and submitting a pin about every 10.5 s (just under the
6-a-minute limit, so no submission is refused) for the run's length.

Measured: submissions lost or duplicated (every 201 reply checked against the project file
by uuid and by its unique name; any row the phones were not told about counts as
duplicated), the 95th percentile of submit latency as the phones saw it (request sent to
reply read), the GUI thread's longest stall (the largest gap between ticks of a 5-ms
`QTimer`, less the 5 ms), and at the end whether the tally (`core.workshop.tally`) counts
every pin as approved, the queue is empty, and the app's session shows every approved pin.
Start sharing freezes the heap the app has loaded (`gc.freeze()`, in
`WorkshopController.start_sharing`), and the app process here does the same. Each repeat
runs a second time without it (informative): Python's full garbage-collection passes stop
every thread, the GUI's too, for as long as the loaded heap takes to scan; the stall rows'
notes count those passes.
Run it for a short while with `python benchmarks/workshop_load.py --seconds 10`.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import REPO_ROOT, Context, Result, emit  # noqa: E402

TITLE = "Workshop: 60 phones submitting for 60 s while the facilitator approves"
DESCRIPTION = __doc__.split("\n", 2)[2].strip()

PHONES = 60
SECONDS = float(os.environ.get("ASSETMAP_WORKSHOP_SECONDS", "60"))
SUBMIT_EVERY_S = 10.5  # 6 a minute is the limit
POLL_EVERY_S = 1.0
TICK_MS = 5
APPROVE_EVERY_S = 0.5
CATEGORIES = ("libraries", "food_banks", "mental_health", "parks_green_spaces")


# ---- parent: benchmarks/run.py ---------------------------------------------------------
def run(ctx: Context, seconds: float = SECONDS) -> list[Result]:
    runs, frozen = [], []
    for i in range(ctx.repeat):
        for freeze, into in ((True, runs), (False, frozen)):
            how = "" if freeze else " without the app's gc.freeze()"
            ctx.log(f"  repeat {i + 1}/{ctx.repeat}: {PHONES} phones for {seconds:.0f} s{how}")
            into.append(_run_app(ctx, seconds, freeze))
            r = into[-1]
            ctx.log(
                f"    {r['accepted']} pins, p95 {r['p95_ms']:.0f} ms, GUI stall "
                f"{r['stall_ms']:.0f} ms ({r['gc_note']}), lost {r['lost']}, "
                f"duplicated {r['duplicated']}"
            )
    return _results(runs, frozen, seconds)


def _run_app(ctx: Context, seconds: float, freeze: bool) -> dict[str, Any]:
    work = ctx.cache_dir / "workshop"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONHASHSEED": "0"}
    command = [ctx.python, __file__, "--app", str(work), "--seconds", str(seconds)]
    command += ["--freeze"] if freeze else []
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            return dict(json.loads(line.removeprefix("BENCH-JSON ")))
    tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-25:])
    raise RuntimeError(f"the workshop run failed (exit {proc.returncode}):\n{tail}")


def _results(
    runs: list[dict[str, Any]], frozen: list[dict[str, Any]], seconds: float
) -> list[Result]:
    def values(key: str, scale: float = 1.0, of: list[dict[str, Any]] = runs) -> list[float]:
        return [float(r[key]) * scale for r in of]

    last = runs[-1]
    correct = [0.0 if r["end_ok"] else 1.0 for r in runs]
    return [
        Result(
            "**submissions lost**", values("lost"), unit="pins", central=max(values("lost")),
            target=0, note=f"of {last['accepted']:,} accepted in the last run "
            f"({PHONES} phones, {seconds:.0f} s; {last['refused']} refused, "
            f"{last['failed']} failed requests)",
        ),
        Result(
            "**submissions duplicated**", values("duplicated"), unit="pins",
            central=max(values("duplicated")), target=0,
            note="rows of the session in the file beyond the pins the phones were told of",
        ),
        Result(
            "**p95 submit latency**", values("p95_ms", 1e-3), target=0.200,
            note=f"median {last['median_ms']:.0f} ms, max {last['max_ms']:.0f} ms; "
            f"{last['polls']:,} polls alongside (p95 {last['poll_p95_ms']:.0f} ms)",
        ),
        Result(
            "**GUI thread's longest stall**", values("stall_ms", 1e-3), target=0.050,
            note=f"longest gap between {TICK_MS}-ms timer ticks, less {TICK_MS} ms "
            f"({last['gc_note']}); the app's change watcher saw {last['watched']:,} changes",
        ),
        Result(
            "GUI stall without freezing the loaded heap (informative)",
            values("stall_ms", 1e-3, frozen),
            note=f"the same run without the gc.freeze() Start sharing makes: "
            f"{frozen[-1]['gc_note']}; p95 submit "
            f"{frozen[-1]['p95_ms']:.0f} ms, lost {frozen[-1]['lost']}, "
            f"duplicated {frozen[-1]['duplicated']}",
        ),
        Result(
            "**tally, queue and map wrong at the end**", correct, unit="runs",
            central=sum(correct), target=0, note=last["end_note"],
        ),
    ]  # fmt: skip


# ---- child 1: the facilitator's laptop ------------------------------------------------
def _app(work: Path, seconds: float, freeze: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.workshop import CreateWorkshop
    from assetmap.core.project import Project
    from assetmap.core.workshop.server import WorkshopServer
    from assetmap.core.workshop.service import WorkshopService
    from assetmap.qt.change_watch import watch_changes
    from assetmap.qt.session import Session
    from assetmap.qt.workshop.controller import hold_heap

    path = work / "workshop.gpkg"
    shutil.copy(REPO_ROOT / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        create = CreateWorkshop("Load test", "127.0.0.1", "2026-12-07", "Benchmark")
        CommandStack(project).push(create)
        workshop_id = str(create.workshop_id)

    app = QApplication.instance() or QApplication([])
    session = Session(Project.open(path))
    watch = watch_changes(session)
    watched = [0]
    session.assetsChanged.connect(
        lambda uuids, kind: watched.__setitem__(0, watched[0] + (len(uuids) if uuids else 1))
    )
    service = WorkshopService(path, workshop_id)
    server = WorkshopServer(service)
    server.start()
    approver = _Approver(path, workshop_id)
    approver.start()

    if freeze:
        hold_heap()  # what the app's Start sharing does (WorkshopController.start_sharing)
    pauses = _GcPauses()
    gaps = _GapMeter()
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(gaps.tick)
    # The phones' results go to a file: a pipe would fill (60 phones' latencies) and stop
    # the room before the app reads it.
    report = work / "room.json"
    log = (work / "room.log").open("w")
    room = subprocess.Popen(
        [sys.executable, __file__, "--room", server.url, "--seconds", str(seconds),
         "--out", str(report)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    checker = QTimer()
    checker.setInterval(100)
    checker.timeout.connect(lambda: app.quit() if room.poll() is not None else None)
    ticker.start()
    checker.start()
    app.exec()
    ticker.stop()
    room.wait()
    log.close()
    phones = _room_payload(report, work / "room.log")

    approver.stop()
    server.stop()
    service.close()
    # The app's watcher sees the last approvals: let its timer run until they arrive.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
        if _session_has_all(session, phones["accepted"]):
            break
    end = _check_end(path, workshop_id, phones["accepted"], session)
    watch.stop()
    session.model.close()
    pauses.stop()
    emit(
        {
            **_latencies(phones),
            **end,
            "stall_ms": gaps.stall_ms(),
            "watched": watched[0],
            "gc_note": pauses.note(),
        }
    )
    return 0


class _GapMeter:
    def __init__(self) -> None:
        self.last: float | None = None
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def stall_ms(self) -> float:
        return max(0.0, self.longest * 1000 - TICK_MS)


class _GcPauses:
    """Python's full garbage-collection passes during the run: they stop every thread, the
    GUI's too, for as long as the heap takes to scan."""

    def __init__(self) -> None:
        self.full: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif info["generation"] == 2:
            self.full.append(time.perf_counter() - self._started)

    def stop(self) -> None:
        gc.callbacks.remove(self._on_gc)

    def note(self) -> str:
        if not self.full:
            return "no full GC pass"
        return f"{len(self.full)} full GC passes, longest {max(self.full) * 1000:.0f} ms"


class _Approver(threading.Thread):
    """The facilitator approving the queue, through a connection of its own."""

    def __init__(self, path: Path, workshop_id: str) -> None:
        super().__init__(name="facilitator", daemon=True)
        self.path = path
        self.workshop_id = workshop_id
        self._halt = threading.Event()

    def run(self) -> None:
        from assetmap.core.project import Project

        with Project.open(self.path) as project:
            while not self._halt.wait(APPROVE_EVERY_S):
                self.approve_all(project)
            self.approve_all(project)

    def approve_all(self, project: Any) -> None:
        from assetmap.core.commands.base import CommandStack
        from assetmap.core.commands.review import SetReview
        from assetmap.core.workshop.contributions import contributions

        pending = [c.uuid for c in contributions(project, self.workshop_id, review="pending")]
        if pending:
            CommandStack(project).push(SetReview(tuple(pending), "approved"))

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _room_payload(report: Path, log: Path) -> dict[str, Any]:
    if report.is_file():
        return dict(json.loads(report.read_text(encoding="utf-8")))
    raise RuntimeError("the phones' process failed:\n" + log.read_text()[-3000:])


def _latencies(phones: dict[str, Any]) -> dict[str, Any]:
    submits = sorted(phones["submit_s"]) or [0.0]
    polls = sorted(phones["poll_s"]) or [0.0]
    return {
        "accepted": len(phones["accepted"]),
        "refused": phones["refused"],
        "failed": phones["failed"],
        "polls": len(polls),
        "p95_ms": _p95(submits) * 1000,
        "median_ms": statistics.median(submits) * 1000,
        "max_ms": submits[-1] * 1000,
        "poll_p95_ms": _p95(polls) * 1000,
    }


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def _session_has_all(session: Any, accepted: dict[str, str]) -> bool:
    points = session.model.points()
    approved = points[points["review"] == "approved"]
    return set(accepted.values()) <= set(approved["uuid"])


def _check_end(
    path: Path, workshop_id: str, accepted: dict[str, str], session: Any
) -> dict[str, Any]:
    """Lost and duplicated pins by the file; tally, queue and the app's map by the truth."""
    from assetmap.core.project import Project
    from assetmap.core.workshop.contributions import contributions
    from assetmap.core.workshop.tally import tally

    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT uuid, name FROM assets WHERE workshop_id = ? AND deleted = 0", (workshop_id,)
        ).fetchall()
        counted = tally(project, workshop_id)
        queue = contributions(project, workshop_id, review="pending")
        approved_total = counted.total(review="approved")
        pending_total = counted.total(review="pending")
    by_uuid = dict(rows)
    names = [name for _, name in rows]
    lost = sum(1 for name, uuid in accepted.items() if by_uuid.get(uuid) != name)
    duplicated = len(rows) - len(set(names)) + len(set(names) - set(accepted))
    shown = _session_has_all(session, accepted)
    problems = []
    if approved_total != len(accepted) or pending_total != 0:
        problems.append(f"tally {approved_total} approved, {pending_total} pending")
    if queue:
        problems.append(f"{len(queue)} still in the queue")
    if not shown:
        problems.append("the app's session is missing approved pins")
    note = "; ".join(problems) or (
        f"tally {approved_total:,} approved = pins accepted, queue empty, every pin on the "
        "app's map"
    )
    return {"lost": lost, "duplicated": duplicated, "end_ok": not problems, "end_note": note}


# ---- child 2: the room of phones -------------------------------------------------------
def _room(url: str, seconds: float, out: Path) -> int:
    host_port = url.split("/")[2]
    host, port = host_port.rsplit(":", 1)
    prefix = "/" + url.split("/", 3)[3]
    extent = _extent(host, int(port), prefix)
    phones = [_Phone(i, host, int(port), prefix, extent, seconds) for i in range(PHONES)]
    for phone in phones:
        phone.start()
    for phone in phones:
        phone.join()
    accepted: dict[str, str] = {}
    for phone in phones:
        accepted.update(phone.accepted)
    payload = {
        "accepted": accepted,
        "submit_s": [t for p in phones for t in p.submit_s],
        "poll_s": [t for p in phones for t in p.poll_s],
        "refused": sum(p.refused for p in phones),
        "failed": sum(p.failed for p in phones),
    }
    out.write_text(json.dumps(payload), encoding="utf-8")
    return 0


def _extent(host: str, port: int, prefix: str) -> list[float]:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", prefix + "api/config")
    config = json.loads(conn.getresponse().read())
    conn.close()
    return list(config["extent"])


class _Phone(threading.Thread):
    def __init__(
        self, n: int, host: str, port: int, prefix: str, extent: list[float], seconds: float
    ) -> None:
        super().__init__(name=f"phone-{n}", daemon=True)
        self.n, self.host, self.port, self.prefix = n, host, port, prefix
        self.source = f"127.0.0.{10 + n}"
        self.secret = secrets.token_urlsafe(24)
        self.random = random.Random(n)
        left, bottom, right, top = extent
        # Inside the middle of the map, where every phone's pins land inside the project.
        self.box = (left + (right - left) * 0.3, bottom + (top - bottom) * 0.3,
                    left + (right - left) * 0.7, bottom + (top - bottom) * 0.7)  # fmt: skip
        self.seconds = seconds
        self.accepted: dict[str, str] = {}  # name -> uuid
        self.submit_s: list[float] = []
        self.poll_s: list[float] = []
        self.refused = 0
        self.failed = 0
        self.seq: int | None = None

    def run(self) -> None:
        conn = self._connect()
        start = time.monotonic()
        end = start + self.seconds
        next_submit = start + self.random.uniform(0, SUBMIT_EVERY_S)
        next_poll = start + self.random.uniform(0, POLL_EVERY_S)
        count = 0
        while True:
            now = time.monotonic()
            if now >= end:
                break
            if now >= next_submit:
                count += 1
                conn = self._submit(conn, f"phone {self.n:02d} pin {count:03d}")
                next_submit += SUBMIT_EVERY_S
            elif now >= next_poll:
                conn = self._poll(conn)
                next_poll += POLL_EVERY_S
            else:
                time.sleep(min(next_submit, next_poll, end) - now)
        conn.close()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(
            self.host, self.port, timeout=30, source_address=(self.source, 0)
        )

    def _request(
        self, conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None
    ) -> tuple[http.client.HTTPConnection, int, bytes, float]:
        headers = {"X-Assetmap-Device": self.secret, "Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            conn.request(method, self.prefix + path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            self.failed += 1
            return self._connect(), 0, b"", time.perf_counter() - started
        return conn, response.status, data, time.perf_counter() - started

    def _submit(self, conn: http.client.HTTPConnection, name: str) -> http.client.HTTPConnection:
        minx, miny, maxx, maxy = self.box
        x, y = self.random.uniform(minx, maxx), self.random.uniform(miny, maxy)
        body = {
            "kind": self.random.choice(["asset", "asset", "need"]),
            "category": self.random.choice(CATEGORIES),
            "name": name,
            "note": "Said at the load test",
            "contributor": f"Phone {self.n}",
            "position": {"x": x, "y": y},
        }
        conn, status, data, took = self._request(
            conn, "POST", "api/pins", json.dumps(body).encode()
        )
        if status == 201:
            self.submit_s.append(took)
            self.accepted[name] = json.loads(data)["uuid"]
        elif status:
            self.refused += 1
        return conn

    def _poll(self, conn: http.client.HTTPConnection) -> http.client.HTTPConnection:
        query = "" if self.seq is None else f"?since={self.seq}"
        conn, status, data, took = self._request(conn, "GET", "api/pins" + query, None)
        if status == 200:
            self.poll_s.append(took)
            self.seq = json.loads(data)["seq"]
        return conn


# ---- standalone -----------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=TITLE)
    parser.add_argument("--seconds", type=float, default=SECONDS, help="how long phones submit")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--app", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--room", help=argparse.SUPPRESS)
    parser.add_argument("--freeze", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.app is not None:
        return _app(args.app, args.seconds, args.freeze)
    if args.room is not None:
        return _room(args.room, args.seconds, args.out)
    import results

    ctx = Context(repeat=args.repeat)
    ctx.cache_dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    code = results.code_version(REPO_ROOT)
    rows = run(ctx, args.seconds)
    section = results.render_section(
        "workshop", TITLE, DESCRIPTION, rows, repeat=ctx.repeat,
        load=(load_before, os.getloadavg()[0]), code=code,
    )  # fmt: skip
    results.write_section(ctx.results_path, "workshop", section)
    results.print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
