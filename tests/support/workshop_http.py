"""The participants' server for tests: a workshop on a copy of the Trafford demo, served for
real on 127.0.0.1, and a phone that talks to it over HTTP. Test modules import the fixtures
(``workshop_file``, ``serve``, ``server``) by name."""

from __future__ import annotations

import http.client
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assetmap.core.commands.base import CommandStack
from assetmap.core.commands.workshop import CreateWorkshop
from assetmap.core.project import Project


class FakeClock:
    """Time stands still unless a test moves it: rate limits never depend on the machine."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def create_workshop(path: Path, name: str = "Stretford evening") -> str:
    with Project.open(path) as project:
        command = CreateWorkshop(name, "Stretford Library", "2026-12-07", "Sam Facilitator")
        CommandStack(project).push(command)
        return str(command.workshop_id)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Phone:
    """One participant's phone: its own secret, talking HTTP to the real server."""

    def __init__(self, server: Any, secret: str | None = None, source: str = "127.0.0.1") -> None:
        self.server = server
        self.secret = secrets.token_urlsafe(24) if secret is None else secret
        self.source = source

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        prefix: str | None = None,
    ) -> Reply:
        conn = http.client.HTTPConnection(
            self.server.host, self.server.port, timeout=30, source_address=(self.source, 0)
        )
        sent = {"X-Assetmap-Device": self.secret, **(headers or {})}
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        full = (self.server.service.prefix if prefix is None else prefix) + path
        try:
            conn.request(method, full, body=data, headers=sent)
            response = conn.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            conn.close()

    def submit(self, **fields: Any) -> Reply:
        return self.request("POST", "api/pins", submission(**fields))

    def pins(self, since: int | None = None) -> dict[str, Any]:
        reply = self.request("GET", "api/pins" + ("" if since is None else f"?since={since}"))
        assert reply.status == 200, reply.body
        result: dict[str, Any] = reply.json()
        return result


# Stretford, inside Trafford (EPSG:27700).
STRETFORD = (379_900.0, 395_100.0)


def submission(**fields: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "kind": "asset",
        "category": "libraries",
        "name": "Stretford Library",
        "note": "Open late on Thursdays",
        "contributor": "Ana",
        "position": {"x": STRETFORD[0], "y": STRETFORD[1]},
    }
    value.update(fields)
    return value


@pytest.fixture
def workshop_file(demo_copy: Path) -> tuple[Path, str]:
    return demo_copy, create_workshop(demo_copy)


@pytest.fixture
def serve(workshop_file: tuple[Path, str]) -> Iterator[Callable[..., Any]]:
    """serve(**service options) -> a started WorkshopServer; all stopped after the test."""
    from assetmap.core.workshop.server import WorkshopServer
    from assetmap.core.workshop.service import WorkshopService

    started: list[WorkshopServer] = []

    def start(**options: Any) -> WorkshopServer:
        path, workshop_id = workshop_file
        options.setdefault("clock", FakeClock())
        server = WorkshopServer(WorkshopService(path, workshop_id, **options))
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
        server.service.close()


@pytest.fixture
def server(serve: Callable[..., Any]) -> Any:
    return serve()
