"""The participants' server: the standard library's threading HTTP server in a daemon
thread, owned by the app and stopped with it. It only moves bytes; ``WorkshopService``
decides every answer.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from assetmap.core.i18n import translated
from assetmap.core.workshop.messages import Request, Response, message
from assetmap.core.workshop.service import WorkshopService

log = logging.getLogger(__name__)

# A phone that connects and then says nothing is dropped after this long, so a room's worth
# of idle connections cannot hold threads for ever.
IDLE_TIMEOUT_S = 30.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # 60 phones polling at once must not be refused
    service: WorkshopService


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive: a phone polls every second
    server_version = "assetmap"
    sys_version = ""
    timeout = IDLE_TIMEOUT_S

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def do_PUT(self) -> None:
        self._answer()

    def do_DELETE(self) -> None:
        self._answer()

    def _answer(self) -> None:
        service = self.server.service
        length = self._content_length()
        if length is None:
            self._send(
                message(411, translated("The page sent something the laptop could not read."))
            )
            self.close_connection = True
            return
        too_big = length > service.limits.max_body
        body = b"" if too_big else self.rfile.read(length)
        url = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=url.path,
            query=dict(parse_qsl(url.query)),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            client=self.client_address[0],
            content_length=length,
        )
        self._send(service.handle(request))
        if too_big:
            self.close_connection = True  # its body was never read

    def _content_length(self) -> int | None:
        """The declared body length (0 when none); None when it cannot be trusted."""
        if self.headers.get("Transfer-Encoding"):
            return None
        text = self.headers.get("Content-Length", "0").strip()
        return int(text) if text.isdigit() else None

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in response.all_headers().items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib's name)
        log.debug("%s " + format, self.client_address[0], *args)


class WorkshopServer:
    """``start()`` listens and serves in a daemon thread; ``stop()`` closes the socket and
    waits for the thread. The service is the caller's to close."""

    def __init__(self, service: WorkshopService, host: str = "127.0.0.1", port: int = 0) -> None:
        self.service = service
        self.host = host
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The join address: http://host:port/w/<token>/."""
        return f"http://{self.host}:{self.port}{self.service.prefix}"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        if self._server is not None:
            return
        server = _Server((self.host, self.port), _Handler)
        server.service = self.service
        self.port = int(server.server_address[1])
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="workshop-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)


def network_addresses() -> list[tuple[str, str]]:
    """(label, IPv4 address) of each network the facilitator may share on, loopback first.

    Linux names its interfaces (an ioctl per interface); elsewhere the addresses the host
    name and the default route give are offered, labelled by address.
    """
    found: dict[str, str] = {"127.0.0.1": translated("This computer only")}
    named = _interface_addresses()
    others = [
        (translated("Network ({address})").format(address=a), a)
        for a in _outgoing_addresses() + _host_addresses()
    ]
    for label, address in named + others:
        if address not in found and not address.startswith("127."):
            found[address] = label
    return [(label, address) for address, label in found.items()]


def _interface_addresses() -> list[tuple[str, str]]:
    if not hasattr(socket, "if_nameindex"):
        return []
    try:
        import fcntl
    except ImportError:  # not on this system
        return []
    result = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                reply = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, request)
            except OSError:  # no IPv4 address on this interface
                continue
            result.append((_interface_label(name), socket.inet_ntoa(reply[20:24])))
    return result


_SIOCGIFADDR = 0x8915  # Linux: an interface's IPv4 address


def _interface_label(name: str) -> str:
    if name.startswith(("wl", "wifi", "ap")):
        return f"Wi-Fi ({name})"
    if name.startswith(("en", "eth")):
        return f"Cable ({name})"
    return f"Network ({name})"


def _host_addresses() -> list[str]:
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        return [str(info[4][0]) for info in infos]
    return []


def _outgoing_addresses() -> list[str]:
    """The address this computer would use on its main network (no packet is sent)."""
    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe,
    ):
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing sent
        return [str(probe.getsockname()[0])]
    return []
