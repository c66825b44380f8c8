"""Where the shared map lives and how to reach it, without ever keeping a password.

A target is a ``postgresql://user@host:port/db`` URL or a ``service=NAME`` entry of
pg_service.conf. A password comes from the URL typed on the command line (used once, never
stored), else the operating system's keyring (service "assetmap", user
``user@host:port/db``), else libpq's own means (PGPASSWORD, ~/.pgpass, the service file).
What is shown or stored is always the target with its password taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated

if TYPE_CHECKING:
    import psycopg

EXTRA_HINT = translatable("PostGIS support needs: pip install 'assetmap[postgis]'")
KEYRING_SERVICE = "assetmap"
CONNECT_TIMEOUT_S = 15
# Any scheme: a mistyped address (mysql://, postgis://) is shown in messages too.
_URL_PASSWORD = re.compile(r"([a-z][a-z0-9+.-]*://[^:/@\s?]*):[^@\s]*@", re.IGNORECASE)
_KEYWORD_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&\s]*", re.IGNORECASE)


class MissingExtraError(BadInputError):
    """psycopg is not installed: the optional extra is needed for anything on a server."""


def require_psycopg() -> Any:
    """Import psycopg on first use, so the app runs without the extra until a map is shared."""
    try:
        import psycopg
    except ImportError as exc:
        raise MissingExtraError(translated(EXTRA_HINT)) from exc
    return psycopg


def redact(text: str) -> str:
    """``text`` with every password in a URL or ``password=`` keyword replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    text = _QUERY_PASSWORD.sub(r"\1***", text)
    return _KEYWORD_PASSWORD.sub(r"\1***", text)


@dataclass(frozen=True)
class Target:
    """A server to publish to or sync with. ``stored`` is what may be written anywhere (the
    project file, a message): the target without its password."""

    conninfo: str
    stored: str
    password: str | None = field(default=None, repr=False)

    @property
    def keyring_user(self) -> str:
        """The keyring entry's user name: ``user@host:port/db``, as the docs tell people, or
        ``service=NAME`` for a service (its host and user are in the service file)."""
        params = _conninfo_params(self.conninfo)
        if "service" in params:
            return f"service={params['service']}"
        user, host = params.get("user", ""), params.get("host", "localhost")
        return f"{user}@{host}:{params.get('port', '5432')}/{params.get('dbname', '')}"


def parse_target(text: str) -> Target:
    """Read a target as typed; the password in it (if any) is kept apart from what is stored."""
    text = text.strip()
    if not text:
        raise BadInputError(
            translated("no database given"), field="TARGET", hint=translated(_TARGET_HINT)
        )
    if not (_is_url(text) or _is_service(text)):
        message = translated("not a database address: {address}").format(address=redact(text))
        raise BadInputError(message, field="TARGET", hint=translated(_TARGET_HINT))
    params = _conninfo_params(text)
    password = params.pop("password", None)
    stored = _without_password(text) if _is_url(text) else f"service={params['service']}"
    return Target(conninfo=_make_conninfo(params), stored=stored, password=password)


_TARGET_HINT = translatable(
    "give postgresql://USER@HOST:PORT/DATABASE or service=NAME (pg_service.conf)"
)


def _is_url(text: str) -> bool:
    return text.lower().startswith(("postgresql://", "postgres://"))


def _is_service(text: str) -> bool:
    return re.fullmatch(r"service=[\w.-]+", text) is not None


def _conninfo_params(text: str) -> dict[str, str]:
    psycopg = require_psycopg()
    try:
        params: dict[str, Any] = psycopg.conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError as exc:
        message = translated("cannot read the database address {address}: {error}")
        raise BadInputError(
            message.format(address=redact(text), error=redact(str(exc))),
            field="TARGET",
            hint=translated(_TARGET_HINT),
        ) from exc
    return {key: str(value) for key, value in params.items()}


def _make_conninfo(params: dict[str, str]) -> str:
    psycopg = require_psycopg()
    return str(psycopg.conninfo.make_conninfo(**params))


def _without_password(url: str) -> str:
    url = _URL_PASSWORD.sub(r"\1@", url)
    url = re.sub(r"([?&])password=[^&]*&?", r"\1", url, flags=re.IGNORECASE)
    return url.rstrip("?&")


def keyring_password(target: Target) -> str | None:
    """The password the OS keyring holds for this target, or None (no keyring, no entry)."""
    try:
        import keyring
        import keyring.errors
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, target.keyring_user)
    except (keyring.errors.KeyringError, RuntimeError, OSError):
        return None
    return found if isinstance(found, str) else None


def connect(target: Target) -> psycopg.Connection[Any]:
    """Open a connection; failures become a message naming the target, never its password."""
    pg = require_psycopg()
    extra: dict[str, Any] = {}
    password = target.password or keyring_password(target)
    if password:
        extra["password"] = password
    try:
        conn: psycopg.Connection[Any] = pg.connect(
            target.conninfo,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="assetmap",
            **extra,
        )
    except pg.OperationalError as exc:
        message = translated("cannot connect to {address}: {error}")
        raise BadInputError(
            message.format(address=target.stored, error=redact(str(exc)).strip()),
            field="TARGET",
            hint=translated(
                "check the address, that the server is running, and the password "
                "(keyring, PGPASSWORD or ~/.pgpass)"
            ),
        ) from exc
    return conn
