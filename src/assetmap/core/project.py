"""The project: one GeoPackage file holding every layer and assetmap's own tables.

Every change goes through ``Project.transaction()``: one SQLite transaction,
committed before any view hears about it, so a crash loses at most the edit
in progress and views never draw state that was rolled back.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils
from pyproj import CRS

from assetmap import __version__
from assetmap.core import gpkg, schema
from assetmap.core.backup import backup_before_migration
from assetmap.core.errors import BadInputError, ProjectFileError
from assetmap.core.events import EventEmitter, ProjectEvents

DEFAULT_CRS = "EPSG:27700"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


class Project:
    """An open project file. Use ``Project.create`` or ``Project.open``."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.events = ProjectEvents()
        self._lock = threading.RLock()
        self._depth = 0
        self._pending: list[tuple[EventEmitter, dict[str, Any]]] = []
        self.srs_id = int(self.setting("srs_id"))
        self.crs = gpkg.crs_of(conn, self.srs_id)
        self._cache: dict[str, Any] = {}

    # ---- opening and closing -------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        name: str | None = None,
        crs: str | CRS = DEFAULT_CRS,
        overwrite: bool = False,
    ) -> Project:
        """Write a new, complete project file; a half-made file never appears at ``path``."""
        path = Path(path)
        if path.suffix.lower() != ".gpkg":
            raise BadInputError("a project file name must end in .gpkg", file=path)
        if path.exists() and not overwrite:
            raise BadInputError(
                "a file with this name already exists", file=path, hint="choose another name"
            )
        project_crs = _metric_crs(crs)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("BEGIN")
            gpkg.init(conn)
            srs_id = gpkg.register_srs(conn, project_crs)
            schema.create_version_table(conn)
            schema.migrate(conn, srs_id, __version__)
            write_settings(
                conn,
                {
                    "name": name or path.stem,
                    "srs_id": srs_id,
                    "crs": project_crs.to_string(),
                    "created_at": gpkg.utc_now(),
                    "created_with": __version__,
                },
            )
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=WAL")
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        conn.close()
        os.replace(tmp, path)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open a project for reading and writing, migrating an older schema first."""
        path = Path(path)
        _check_looks_like_sqlite(path)
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
            )
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA journal_mode=WAL")
            version = schema.version_of(conn)
        except sqlite3.OperationalError as exc:
            raise _locked_or_damaged(path, exc) from exc
        except sqlite3.DatabaseError as exc:
            raise ProjectFileError(
                f"{path.name} is damaged and cannot be read ({exc}). "
                "Restore it from a backup copy (see the .backups folder beside it)."
            ) from exc
        if version is None:
            conn.close()
            raise ProjectFileError(
                f"{path.name} is a GeoPackage but not an assetmap project. Create a project "
                "with 'assetmap new' and bring its layers in with import-areas or import-assets."
            )
        if version > schema.CURRENT_VERSION:
            conn.close()
            raise ProjectFileError(
                f"{path.name} was written by a newer assetmap (project schema {version}); this "
                f"is assetmap {__version__}, which reads up to schema {schema.CURRENT_VERSION}. "
                "Update assetmap to open it; the file was not changed."
            )
        if version < schema.CURRENT_VERSION:
            _migrate(path, conn)
        return cls(path, conn)

    def close(self) -> None:
        with self._lock:
            if self.conn is None:
                return
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions and events ------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change; nested calls become savepoints of the outer one."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self._begin()
            else:
                self.conn.execute(f"SAVEPOINT sp{self._depth}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                self._cache.clear()
                if outer:
                    self.conn.execute("ROLLBACK")
                    self._pending.clear()
                else:
                    self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                    self.conn.execute(f"RELEASE sp{self._depth}")
                raise
            self._depth -= 1
            if not outer:
                self.conn.execute(f"RELEASE sp{self._depth}")
                return
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._pending.clear()
                raise
            pending, self._pending = self._pending, []
        self._cache.clear()
        for emitter, payload in pending:
            emitter.emit(**payload)

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _locked_or_damaged(self.path, exc) from exc

    def notify(self, emitter: EventEmitter, **payload: Any) -> None:
        """Queue an event to be emitted once the current transaction commits."""
        if self._depth == 0:
            emitter.emit(**payload)
        else:
            self._pending.append((emitter, payload))

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def invalidate(self) -> None:
        """Forget derived data; writers call this when they change what it came from."""
        self._cache.clear()

    def cached(self, key: str, build: Any) -> Any:
        """Derived data (indexes, frames) kept until the next committed change."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    # ---- settings ------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM am_settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            write_settings(self.conn, {key: value})
            self.notify(self.events.settings_changed, key=key)

    @property
    def name(self) -> str:
        return str(self.setting("name", self.path.stem))

    @property
    def author(self) -> str:
        """Who the change log names: the project's author setting, else the OS user."""
        configured = self.setting("author")
        if configured:
            return str(configured)
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    def schema_version(self) -> int:
        return schema.version_of(self.conn) or 0


def write_settings(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    conn.executemany(
        "INSERT INTO am_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(k, json.dumps(v)) for k, v in values.items()],
    )


def _metric_crs(crs: str | CRS) -> CRS:
    try:
        value = CRS.from_user_input(crs)
    except Exception as exc:
        raise BadInputError(
            f"'{crs}' is not a coordinate system I know", field="crs", hint="e.g. EPSG:27700"
        ) from exc
    if not value.is_projected or value.axis_info[0].unit_name not in ("metre", "meter"):
        raise BadInputError(
            f"{value.name} is not a projected coordinate system in metres; distances and "
            "areas need one",
            field="crs",
            hint="use EPSG:27700 in Great Britain or the local UTM zone elsewhere",
        )
    return value


def _check_looks_like_sqlite(path: Path) -> None:
    if not path.exists():
        raise ProjectFileError(f"{path} does not exist.")
    if path.is_dir():
        raise ProjectFileError(f"{path} is a folder, not a project file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectFileError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    if head != SQLITE_MAGIC:
        raise ProjectFileError(
            f"{path.name} is not an assetmap project (it is not a GeoPackage/SQLite file, "
            "or it is damaged)."
        )


def _locked_or_damaged(path: Path, exc: sqlite3.Error) -> ProjectFileError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ProjectFileError(
            f"{path.name} is being changed by another program (another assetmap window, "
            "QGIS or a sync tool). Close it there, or wait, and try again."
        )
    if "readonly" in text or "read-only" in text:
        return ProjectFileError(f"{path.name} is read-only; copy it somewhere you can write.")
    return ProjectFileError(f"{path.name} could not be opened: {exc}.")


def _migrate(path: Path, conn: sqlite3.Connection) -> None:
    backup_before_migration(path, conn)
    srs_id = int(
        json.loads(conn.execute("SELECT value FROM am_settings WHERE key = 'srs_id'").fetchone()[0])
    )
    try:
        conn.execute("BEGIN IMMEDIATE")
        schema.migrate(conn, srs_id, __version__)
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _locked_or_damaged(path, exc) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
