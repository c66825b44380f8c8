"""The participants' service's requests and responses, independent of any transport.

The service answers a ``Request`` with a ``Response``; the server (stdlib ``http.server``
today) only copies bytes in and out, so every rule (token, limits, validation, headers) is
tested without a socket and holds whatever carries the bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# No external source of any kind: the page works in a room without internet, and a name
# that slipped through as markup could load nothing from elsewhere.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # without the query string
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""
    client: str = "127.0.0.1"
    # As the client declared it: the transport reads no body larger than the limit.
    content_length: int | None = None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)

    def all_headers(self) -> dict[str, str]:
        """What goes on the wire besides Content-Length."""
        return {"Content-Type": self.content_type, **SECURITY_HEADERS, **self.headers}

    def json(self) -> Any:
        return json.loads(self.body)


def json_response(status: int, value: Any) -> Response:
    """JSON the page reads; never cached, and '<' escaped so it can never close a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return Response(
        status,
        text.encode("utf-8"),
        "application/json; charset=utf-8",
        {"Cache-Control": "no-store"},
    )


def message(status: int, words: str, **extra: Any) -> Response:
    """An error the page shows as it is: plain words for someone on a phone."""
    return json_response(status, {"message": words, **extra})


FORBIDDEN_PAGE = (
    b"<!doctype html><meta charset=utf-8><title>Not found</title>"
    b"<p>This address is not a workshop page. Scan the code on the screen again.</p>"
)


def forbidden() -> Response:
    return Response(403, FORBIDDEN_PAGE, "text/html; charset=utf-8", {"Cache-Control": "no-store"})
