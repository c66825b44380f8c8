"""A throwaway PostgreSQL + PostGIS server for tests (issue 13).

Debian's server binaries run a fresh cluster in a temporary directory as the unprivileged
user ``nobody`` (PostgreSQL refuses to run as root), listening on a Unix socket in that
directory and on 127.0.0.1 at a free port. Local socket connections are trusted; TCP
connections need a password, so one password role tests credentials the way a council's
server asks for them. Readiness is waited for by polling, never by sleeping a fixed time.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "apt-get install postgresql postgresql-15-postgis-3"
SUPERUSER = "assetmap_test"
PASSWORD_ROLE = "assetmap_pw"
PASSWORD = "s3cret-Test-pw"
DATABASE = "assetmap"
START_TIMEOUT_S = 60.0


class ServerUnavailable(Exception):
    """PostgreSQL or PostGIS is not installed here: the tests skip, saying what to install."""


@dataclass(frozen=True)
class PgServer:
    """A running test cluster: where to reach it and as whom."""

    socket_dir: Path
    port: int
    database: str = DATABASE

    def url(self, user: str = SUPERUSER, database: str | None = None) -> str:
        """A URL over the Unix socket (trusted: no password needed)."""
        name = database or self.database
        return f"postgresql://{user}@/{name}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, user: str = PASSWORD_ROLE, password: str | None = PASSWORD) -> str:
        """A URL over TCP, where the server asks for a password."""
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{self.database}"

    def psql(self, sql: str, *, user: str = SUPERUSER, database: str | None = None) -> str:
        """Run SQL as ``user`` through psql and return its unaligned output."""
        out = subprocess.run(
            [_binary("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-h", str(self.socket_dir), "-p", str(self.port), "-U", user,
             "-d", database or self.database, "-c", sql],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return out.stdout.strip()


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not found:
        raise ServerUnavailable(f"PostgreSQL server not installed: {INSTALL_HINT}")
    return Path(found[0]).parent


def _binary(name: str) -> str:
    path = _bin_dir() / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def _check_postgis(bin_dir: Path) -> None:
    major = bin_dir.parent.name
    if not glob.glob(f"/usr/share/postgresql/{major}/extension/postgis.control"):
        raise ServerUnavailable(
            f"PostGIS not installed for PostgreSQL {major}: "
            f"apt-get install postgresql-{major}-postgis-3"
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_nobody(args: list[str]) -> list[str]:
    return ["runuser", "-u", "nobody", "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    done = subprocess.run(_as_nobody(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def _write_hba(data: Path) -> None:
    (data / "pg_hba.conf").write_text(
        "local all all trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n"
        "host all all ::1/128 scram-sha-256\n"
    )


def _wait_ready(server: PgServer, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        probe = subprocess.run(
            [_binary("pg_isready"), "-q", "-h", str(server.socket_dir), "-p", str(server.port)],
            capture_output=True,
        )
        if probe.returncode == 0:
            return
        time.sleep(0.05)  # a poll interval, not a wait for readiness
    raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text(errors='replace')}")


def _prepare(server: PgServer) -> None:
    server.psql(f"CREATE DATABASE {DATABASE}", database="postgres")
    server.psql("CREATE EXTENSION postgis")
    server.psql(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}' CREATEDB")
    server.psql(f"GRANT CREATE ON DATABASE {DATABASE} TO {PASSWORD_ROLE}")


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    """Start a fresh cluster; stop it and remove its files on leaving, also after a failure."""
    bin_dir = _bin_dir()
    _check_postgis(bin_dir)
    root = Path(tempfile.mkdtemp(prefix="assetmap-pg-"))
    data = root / "data"
    log = root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, "nobody", "nogroup")
    os.chmod(root, 0o700)
    server = PgServer(socket_dir=root, port=_free_port())
    started = False
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
              "-E", "UTF8", "--no-locale", "--no-sync"])  # fmt: skip
        _write_hba(data)
        if os.geteuid() == 0:
            shutil.chown(data / "pg_hba.conf", "nobody", "nogroup")
        options = (
            f"-k {root} -p {server.port} -h 127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "start"])
        started = True
        _wait_ready(server, log)
        _prepare(server)
        yield server
    finally:
        if started:
            with contextlib.suppress(RuntimeError):
                _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(root, ignore_errors=True)
