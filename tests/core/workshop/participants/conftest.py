"""The participants' service served for real on 127.0.0.1 (see tests/support/workshop_http.py)."""

from support.workshop_http import serve, server, workshop_file  # noqa: F401
