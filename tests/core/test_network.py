"""The online/offline badge: a local server stands in for the tile host."""

from __future__ import annotations

import socket

from assetmap.core.network import is_online


def test_online_when_the_host_answers_and_offline_when_it_does_not():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        assert is_online("127.0.0.1", port)
    finally:
        server.close()
    assert not is_online("127.0.0.1", port, timeout=0.5)
    assert not is_online("no-such-host.invalid", 443, timeout=0.5)
