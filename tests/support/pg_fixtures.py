"""A real PostgreSQL + PostGIS server for the shared-map tests (tests/pg, and the Qt
dialogs that publish and sync), started once per session, only when a test asks for it.

Each test gets a database of its own (made from a template that has PostGIS), so a test's
published schema never meets another's. Where PostgreSQL or PostGIS is not installed the
tests skip with the reason and the command that installs them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from support.pg_server import (
    DATABASE,
    PASSWORD_ROLE,
    PgServer,
    ServerUnavailable,
    running_server,
)

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostGIS tests need psycopg: pip install 'assetmap[postgis]'")
    try:
        with running_server() as server:
            yield server
    except ServerUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def pg_db(pg_server: PgServer) -> Iterator[PgServer]:
    """A fresh database with PostGIS, on the session's server; dropped afterwards."""
    name = f"test_{next(_numbers)}"
    pg_server.psql(f"CREATE DATABASE {name} TEMPLATE {DATABASE}", database="postgres")
    db = PgServer(socket_dir=pg_server.socket_dir, port=pg_server.port, database=name)
    db.psql(f"GRANT CREATE ON DATABASE {name} TO {PASSWORD_ROLE}")
    yield db
    pg_server.psql(f"DROP DATABASE {name} WITH (FORCE)", database="postgres")
