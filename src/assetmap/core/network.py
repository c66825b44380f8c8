"""Is there a network? Only online basemap tiles need one (principle 1: offline first).

The probe is the tile host itself (name lookup and a TCP connection): a reachable
IP address alone says nothing about whether tiles can be fetched.
"""

from __future__ import annotations

import socket

DEFAULT_PROBE = ("tile.openstreetmap.org", 443)


def is_online(
    host: str = DEFAULT_PROBE[0], port: int = DEFAULT_PROBE[1], timeout: float = 1.5
) -> bool:
    """True when ``host`` resolves and accepts a connection; never raises, never waits long."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
