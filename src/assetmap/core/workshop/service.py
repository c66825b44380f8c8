"""The participants' service: every rule for what a phone may ask and send.

Plain request handling with no socket (``server.py`` is the transport): a secret token in
every path, body size and submission rate limits, validation of every submission
(``submission.parse_submission``), security headers on every response. It opens its own
``Project`` connection on the file and writes through its own command stack, one request at
a time; the desktop app sees the writes through its change watcher, as any other writer's.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assetmap.core import areas, assets, categories, changelog
from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.workshop import (
    AddContribution,
    EditContribution,
    WithdrawContribution,
)
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project
from assetmap.core.workshop import page_config, phone_pins, web_files
from assetmap.core.workshop.contributions import (
    NotYourPin,
    device_hash,
    owned_by,
    submitted_count,
)
from assetmap.core.workshop.limits import MAX_SUBMISSIONS, RateLimiter
from assetmap.core.workshop.messages import (
    Request,
    Response,
    forbidden,
    json_response,
    message,
)
from assetmap.core.workshop.sessions import Workshop, get_workshop
from assetmap.core.workshop.submission import (
    Submission,
    SubmissionError,
    locate,
    parse_submission,
)
from assetmap.core.workshop.tilegrid import TileGrid

log = logging.getLogger(__name__)

TileRenderer = Callable[[int, int, int], "bytes | None"]

DEVICE_HEADER = "X-Assetmap-Device"
_DEVICE_SECRET = re.compile(r"[A-Za-z0-9_-]{16,128}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TILE = re.compile(r"tiles/(\d{1,2})/(\d{1,9})/(\d{1,9})\.png")


@dataclass(frozen=True)
class Limits:
    max_body: int = 16 * 1024  # bytes: a submission is a few hundred
    per_device_per_minute: int = 6
    per_address_per_minute: int = 30  # a few people sharing one phone, not a script
    max_submissions: int = MAX_SUBMISSIONS  # per workshop: a busy evening is a few hundred


class WorkshopService:
    """Answers one request at a time per write; reads and writes share one connection."""

    def __init__(
        self,
        project_path: Path,
        workshop_id: str,
        *,
        token: str | None = None,
        render_tile: TileRenderer | None = None,
        limits: Limits = Limits(),  # noqa: B008  (frozen: one shared default is safe)
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token or secrets.token_urlsafe(16)
        self.workshop_id = workshop_id
        self.limits = limits
        self.render_tile = render_tile
        self._lock = threading.Lock()
        self._per_device = RateLimiter(limits.per_device_per_minute, clock)
        self._per_address = RateLimiter(limits.per_address_per_minute, clock)
        self._page = web_files.load_page()
        self._static = web_files.load_static()
        self.project = Project.open(project_path)
        try:
            self._stack = CommandStack(self.project)
            get_workshop(self.project, workshop_id)  # KeyError: no such session
            self.extent = _extent_of(self.project)
            self.grid = TileGrid.for_extent(self.extent)
        except BaseException:
            self.project.close()
            raise

    @property
    def prefix(self) -> str:
        return f"/w/{self.token}/"

    def close(self) -> None:
        with self._lock:
            self.project.close()

    # ---- dispatch -------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        route = self._route(request.path)
        if route is None:
            return forbidden()
        try:
            return self._dispatch(request, route)
        except Exception:
            log.exception("workshop request %s %s failed", request.method, route)
            return message(
                500, translated("Something went wrong on the facilitator's laptop. Try again.")
            )

    def _route(self, path: str) -> str | None:
        """The path after /w/<token>/, or None for a wrong or missing token."""
        parts = path.split("/", 3)
        if len(parts) < 3 or parts[0] != "" or parts[1] != "w":
            return None
        if not hmac.compare_digest(parts[2].encode(), self.token.encode()):
            return None
        return parts[3] if len(parts) == 4 else None

    def _dispatch(self, request: Request, route: str) -> Response:
        method = request.method
        if request.content_length is not None and request.content_length > self.limits.max_body:
            return message(
                413, translated("That is too much text to send. Please make it shorter.")
            )
        if method == "GET":
            return self._get(request, route)
        if route == "api/pins" and method == "POST":
            return self._write(request, None)
        if route.startswith("api/pins/") and method in ("PUT", "DELETE"):
            uuid = route.removeprefix("api/pins/")
            if not _UUID.fullmatch(uuid):
                return message(404, translated("That pin does not exist."))
            return self._write(request, uuid)
        return message(405, translated("The page asked for something it cannot do."))

    def _get(self, request: Request, route: str) -> Response:
        if route in ("", "index.html"):
            return Response(
                200, self._page, "text/html; charset=utf-8", {"Cache-Control": "no-store"}
            )
        if route.startswith("static/"):
            found = self._static.get(route.removeprefix("static/"))
            if found is None:
                return message(404, translated("Not found."))
            return Response(200, found[0], found[1], {"Cache-Control": "max-age=3600"})
        if route == "api/config":
            return self._config()
        if route == "api/pins":
            return self._pins(request)
        if route == "api/locate":
            return self._locate(request)
        tile = _TILE.fullmatch(route)
        if tile is not None:
            return self._tile(int(tile[1]), int(tile[2]), int(tile[3]))
        return message(404, translated("Not found."))

    # ---- reading --------------------------------------------------------------------
    def _config(self) -> Response:
        with self._lock:
            workshop = get_workshop(self.project, self.workshop_id)
            value = page_config.config_json(
                self.project,
                workshop=_workshop_json(workshop),
                grid=self.grid,
                extent=self.extent,
                has_tiles=self.render_tile is not None,
            )
        value["limits"] = {"per_minute": self.limits.per_device_per_minute}
        return json_response(200, value)

    def _locate(self, request: Request) -> Response:
        """Where "Use my location" puts the pin, in the map's own coordinates."""
        with self._lock:
            crs = self.project.crs.to_string()
        try:
            x, y = locate(request.query, extent=self.extent, crs=crs)
        except SubmissionError as exc:
            return message(400, exc.message, field=exc.field)
        return json_response(200, {"x": x, "y": y})

    def _pins(self, request: Request) -> Response:
        since_text = request.query.get("since")
        since = int(since_text) if since_text and since_text.isdigit() else None
        device = _device_hash(request)
        with self._lock:
            shared = [c.key for c in page_config.shared_categories(self.project)]
            update = phone_pins.pins_update(self.project, device=device, shared=shared, since=since)
        return json_response(200, update.to_json())

    def _tile(self, z: int, x: int, y: int) -> Response:
        if self.render_tile is None or not self.grid.contains(z, x, y):
            return message(404, translated("No map picture here."))
        png = self.render_tile(z, x, y)
        if not png:
            return message(404, translated("No map picture here."))
        return Response(200, png, "image/png", {"Cache-Control": "max-age=600"})

    # ---- writing --------------------------------------------------------------------
    def _write(self, request: Request, uuid: str | None) -> Response:
        device = _device_hash(request)
        if device is None:
            return message(
                400, translated("This phone has no pin key yet. Reload the page and try again.")
            )
        if not self._per_device.allow(device) or not self._per_address.allow(request.client):
            return message(
                429, translated("You are sending pins very quickly. Wait a minute, then try again.")
            )
        payload: Any = None
        if request.method != "DELETE":
            try:
                payload = json.loads(request.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                return message(
                    400, translated("The page sent something the laptop could not read.")
                )
        with self._lock:
            return self._write_locked(request.method, uuid, device, payload)

    def _write_locked(self, method: str, uuid: str | None, device: str, payload: Any) -> Response:
        workshop = get_workshop(self.project, self.workshop_id)
        if workshop.ended:
            return message(403, translated("This workshop has ended. Thank you for taking part!"))
        if uuid is not None and not owned_by(self.project, uuid, device):
            # Someone else's pin, a desk asset or no pin at all: the same answer for each,
            # so a phone learns nothing about pins that are not its own.
            return message(403, translated("You can only change or withdraw your own pins."))
        if method == "DELETE" and uuid is not None:
            return self._push(WithdrawContribution(uuid, device), "participant", 200, uuid)
        submitted = submitted_count(self.project, self.workshop_id)
        if method == "POST" and submitted >= self.limits.max_submissions:
            return message(
                429, translated("This workshop has all the pins it can take. Thank you!")
            )
        try:
            submission = self._parse(payload)
        except SubmissionError as exc:
            return message(400, exc.message, field=exc.field)
        by = submission.contributor or "participant"
        if uuid is not None:
            return self._push(EditContribution(uuid, device, submission), by, 200, uuid)
        command = AddContribution(self.workshop_id, submission, device)
        return self._push(command, by, 201, None)

    def _parse(self, payload: Any) -> Submission:
        every = categories.all_categories(self.project)
        return parse_submission(
            payload,
            categories=[c.key for c in every if not c.personal_data],
            personal=[c.key for c in every if c.personal_data],
            extent=self.extent,
            crs=self.project.crs.to_string(),
        )

    def _push(self, command: Any, by: str, status: int, uuid: str | None) -> Response:
        origin = changelog.Origin("workshop", by=by, session=self.workshop_id)
        try:
            self._stack.push(command, origin=origin)
        except NotYourPin:
            return message(403, translated("You can only change or withdraw your own pins."))
        except KeyError:
            return message(404, translated("That pin does not exist."))
        except BadInputError as exc:
            return message(400, exc.message)
        return json_response(status, {"uuid": uuid if uuid is not None else command.uuid})


def _device_hash(request: Request) -> str | None:
    """The SHA-256 of the phone's secret: the secret itself is never kept."""
    secret = request.header(DEVICE_HEADER)
    if secret is None or not _DEVICE_SECRET.fullmatch(secret):
        return None
    return device_hash(secret)


def _workshop_json(workshop: Workshop) -> dict[str, Any]:
    return {
        "id": workshop.id,
        "name": workshop.name,
        "place": workshop.place,
        "date": workshop.date,
        "ended": workshop.ended,
    }


def _extent_of(project: Project) -> tuple[float, float, float, float]:
    """The box phones may pin in: every area set and placed asset. Read directly: a
    MapSession would stay subscribed to the project's events and patch its caches on
    every submission."""
    boxes = [areas.frame(project, info.name).total_bounds for info in areas.list_sets(project)]
    points = assets.points_xy(project)
    if len(points):
        x, y = points["x"], points["y"]
        boxes.append(np.array([x.min(), y.min(), x.max(), y.max()]))
    found = np.array([b for b in boxes if np.all(np.isfinite(b))], dtype=float)
    if not len(found):
        raise BadInputError(
            translated(
                "the project has no areas or placed assets yet, so there is no map to share"
            ),
            file=project.path,
        )
    return (
        float(found[:, 0].min()),
        float(found[:, 1].min()),
        float(found[:, 2].max()),
        float(found[:, 3].max()),
    )
