"""A real HTTP tile server on 127.0.0.1 for the tests: PNG tiles made on the fly, each a
flat colour that encodes its z/x/y (or one colour for all, for pixel checks on the map),
every request and its User-Agent recorded.

Used by tests/core/tiles and tests/qt/basemap (``from support.tile_server import ...``;
``tests/`` is on ``sys.path`` because ``tests/conftest.py`` lives there).
"""

from __future__ import annotations

import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A flat-colour RGB PNG, written by hand (no Qt, no Pillow)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def tile_colour(z: int, x: int, y: int) -> tuple[int, int, int]:
    """Distinct per tile, and never close to white or the basemap greys."""
    return (40 + (z * 37) % 160, 30 + (x * 53) % 170, 60 + (y * 29) % 150)


class TileServer:
    """``url`` is the template; ``requests`` the (path, user agent) of every request;
    tiles listed in ``missing`` answer 404; ``colour`` (if set) paints every tile alike.
    ``stop()`` makes the port refuse connections; ``start()`` serves again on the same port.
    """

    def __init__(self, colour: tuple[int, int, int] | None = None, delay_s: float = 0.0) -> None:
        self.requests: list[tuple[str, str]] = []
        self.missing: set[tuple[int, int, int]] = set()
        self.colour = colour
        self.delay_s = delay_s  # per request: a slow server, so a download can be cancelled
        self.lock = threading.Lock()
        self.port = 0
        self.running = False
        self.start()
        self.url = f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with server.lock:
                    server.requests.append((self.path, self.headers.get("User-Agent", "")))
                if server.delay_s:
                    threading.Event().wait(server.delay_s)
                try:
                    z, x, rest = self.path.strip("/").split("/")
                    key = (int(z), int(x), int(rest.split(".")[0]))
                except ValueError:
                    self.send_error(400)
                    return
                if key in server.missing:
                    self.send_error(404)
                    return
                body = png(256, 256, server.colour or tile_colour(*key))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return None

        return Handler

    def start(self) -> None:
        if self.running:
            return
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    def tiles_requested(self) -> list[tuple[int, int, int]]:
        """The z/x/y of every tile asked for, in order."""
        out = []
        with self.lock:
            paths = [path for path, _agent in self.requests]
        for path in paths:
            z, x, rest = path.strip("/").split("/")
            out.append((int(z), int(x), int(rest.split(".")[0])))
        return out

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(5)
            self.running = False
