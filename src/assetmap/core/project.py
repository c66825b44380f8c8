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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import sqlite_utils
from pyproj import CRS

from assetmap import __version__
from assetmap.core import gpkg, schema
from assetmap.core.backup import backup_before_migration
from assetmap.core.errors import BadInputError, ProjectFileError
from assetmap.core.events import EventEmitter, ProjectEvents
from assetmap.core.i18n import translated

T = TypeVar("T")

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
        self._data_version = self._read_data_version()
        # Whether the latest write transaction began after another connection had committed
        # something this one had not yet seen (commands use it to tell a clash from a bug).
        self.changed_elsewhere = False

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
            raise BadInputError(translated("a project file name must end in .gpkg"), file=path)
        if path.exists() and not overwrite:
            raise BadInputError(
                translated("a file with this name already exists"),
                file=path,
                hint=translated("choose another name"),
            )
        project_crs = _metric_crs(crs)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            _check_not_in_use(path)
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
        _remove_stale_wal(path)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open a project for reading and writing, migrating an older schema first.

        Nothing is written until the file is known to be an assetmap project this version can
        write: the checks read it through a read-only connection, because even switching
        another application's SQLite file to WAL mode would change it.
        """
        path = Path(path)
        _check_looks_like_sqlite(path)
        version = _probe_version(path)
        _check_writable(path)
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
            )
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            raise _locked_or_damaged(path, exc) from exc
        if version < schema.CURRENT_VERSION:
            try:
                _migrate(path, conn)
            except BaseException:
                conn.close()
                raise
        return cls(path, conn)

    def close(self) -> None:
        with self._lock:
            if self.conn is None:
                return
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]  # closed: any later use fails loudly

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
            except BaseException as exc:
                self._depth -= 1
                self._cache.clear()
                if not outer:
                    self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                    self.conn.execute(f"RELEASE sp{self._depth}")
                    raise
                self._rollback()
                self._pending.clear()
                _raise_as_file_error(self.path, exc)
            self._depth -= 1
            if not outer:
                self.conn.execute(f"RELEASE sp{self._depth}")
                return
            try:
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                self._pending.clear()
                self._cache.clear()
                _raise_as_file_error(self.path, exc)
            pending, self._pending = self._pending, []
        self._cache.clear()
        for emitter, payload in pending:
            emitter.emit(**payload)

    def _rollback(self) -> None:
        # After a full disk SQLite may already have rolled back; a second failure must not
        # hide the first, which says what went wrong.
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _begin(self) -> None:
        """Start a write, first forgetting anything read before another connection wrote.

        Commands re-read what they depend on inside the transaction; a cache built from
        before another program's commit would make them act on a stale picture.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _locked_or_damaged(self.path, exc) from exc
        self.changed_elsewhere = self.forget_if_changed_elsewhere()

    def _read_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def forget_if_changed_elsewhere(self) -> bool:
        """Clear derived data when another connection (a worker, another program) committed.

        SQLite's data_version changes for this connection only when some *other* connection
        commits, so this costs one pragma and never fires for our own writes.
        """
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self._cache.clear()
        return True

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

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """Derived data (indexes, frames) kept until the next committed change, here or
        by another connection to the same file."""
        with self._lock:
            if not self.in_transaction:
                self.forget_if_changed_elsewhere()
            if key not in self._cache:
                self._cache[key] = build()
            value: T = self._cache[key]
            return value

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
            translated("'{crs}' is not a coordinate system I know").format(crs=crs),
            field="crs",
            hint=translated("e.g. EPSG:27700"),
        ) from exc
    if not value.is_projected or value.axis_info[0].unit_name not in ("metre", "meter"):
        message = translated(
            "{crs} is not a projected coordinate system in metres; distances and areas need one"
        )
        raise BadInputError(
            message.format(crs=value.name),
            field="crs",
            hint=translated("use EPSG:27700 in Great Britain or the local UTM zone elsewhere"),
        )
    return value


def _check_looks_like_sqlite(path: Path) -> None:
    if not path.exists():
        raise ProjectFileError(translated("{path} does not exist.").format(path=path))
    if path.is_dir():
        folder = translated("{path} is a folder, not a project file.")
        raise ProjectFileError(folder.format(path=path))
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        unread = translated("{file} cannot be read: {reason}.")
        raise ProjectFileError(unread.format(file=path.name, reason=exc.strerror)) from exc
    if head != SQLITE_MAGIC:
        not_ours = translated(
            "{file} is not an assetmap project (it is not a GeoPackage/SQLite file, or it is "
            "damaged)."
        )
        raise ProjectFileError(not_ours.format(file=path.name))


def _probe_version(path: Path) -> int:
    """The schema version, read without writing a byte (not even a WAL switch or -shm file
    for a file in rollback-journal mode); refuses files that are not ours or too new."""
    try:
        probe = sqlite3.connect(read_only_uri(path), uri=True, timeout=1)
    except sqlite3.Error as exc:
        raise _locked_or_damaged(path, exc) from exc
    try:
        version = schema.version_of(probe)
    except sqlite3.OperationalError as exc:
        raise _locked_or_damaged(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        damaged = translated(
            "{file} is damaged and cannot be read ({error}). Restore it from a backup copy "
            "(see the .backups folder beside it)."
        )
        raise ProjectFileError(damaged.format(file=path.name, error=exc)) from exc
    else:
        if version is not None and version <= schema.CURRENT_VERSION:
            _check_structure(probe, path)
    finally:
        probe.close()
    if version is None:
        raise ProjectFileError(_not_a_project(path))
    if version > schema.CURRENT_VERSION:
        newer = translated(
            "{file} was written by a newer assetmap (project schema {version}); this is "
            "assetmap {app_version}, which reads up to schema {current}. Update assetmap to "
            "open it; the file was not changed."
        )
        raise ProjectFileError(
            newer.format(
                file=path.name,
                version=version,
                app_version=__version__,
                current=schema.CURRENT_VERSION,
            )
        )
    return version


# Tables every project has had since schema 1; a file without one was damaged or edited by
# hand, and opening it would fail later, somewhere less clear.
_REQUIRED_TABLES = (
    "am_settings",
    "am_categories",
    "am_area_sets",
    "am_indicators",
    "am_change_log",
    "assets",
    "asset_footprints",
    "gpkg_spatial_ref_sys",
)


def _check_structure(conn: sqlite3.Connection, path: Path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in _REQUIRED_TABLES if t not in tables]
    if "am_area_sets" in tables:
        layers = [t for (t,) in conn.execute("SELECT table_name FROM am_area_sets")]
        missing += [t for t in layers if t not in tables]
    if missing:
        parts = translated(
            "{file} is an assetmap project with parts missing (table {tables}): it was "
            "damaged, or edited by another program. It was not changed; restore it from a "
            "backup copy (the .backups folder beside it)."
        )
        named = ", ".join(repr(t) for t in missing)
        raise ProjectFileError(parts.format(file=path.name, tables=named))
    row = conn.execute("SELECT value FROM am_settings WHERE key = 'srs_id'").fetchone()
    try:
        srs_id = int(json.loads(row[0])) if row else None
    except (TypeError, ValueError):
        srs_id = None
    known = (
        srs_id is not None
        and conn.execute(
            "SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)
        ).fetchone()
    )
    if not known:
        no_crs = translated(
            "{file} does not say which coordinate system it uses (its srs_id setting is "
            "missing or unknown): it was damaged, or edited by another program. It was not "
            "changed; restore it from a backup copy (the .backups folder beside it)."
        )
        raise ProjectFileError(no_crs.format(file=path.name))


def _not_a_project(path: Path) -> str:
    with path.open("rb") as fh:
        application_id = fh.read(72)[68:72]
    if application_id == b"GPKG":
        pattern = translated(
            "{file} is a GeoPackage but not an assetmap project; it was not changed. Create a "
            "project with 'assetmap new' and bring its layers in with import-areas or "
            "import-assets."
        )
    else:
        pattern = translated(
            "{file} is an SQLite database but not an assetmap project; it was not changed. "
            "Create a project with 'assetmap new' and bring its layers in with import-areas "
            "or import-assets."
        )
    return pattern.format(file=path.name)


def read_only_uri(path: Path) -> str:
    """A URI that reads the file without creating anything beside it.

    A read-only connection to a file in WAL mode still creates -wal and -shm files unless it
    is told the file is immutable; that is true while no -wal file exists (nobody has it open
    and nothing waits in a log), which is the usual state of a file at rest.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with path.open("rb") as fh:
        header = fh.read(20)
    in_wal_mode = header[18:20] == b"\x02\x02"
    if in_wal_mode and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def _check_writable(path: Path) -> None:
    """Every edit is saved at once, and SQLite keeps its write-ahead log beside the file:
    both the file and its folder must be writable, or opening would leave stray files."""
    if not os.access(path, os.W_OK):
        read_only = translated(
            "{file} is read-only, and assetmap saves every change into the project file. "
            "Copy it to a folder you can write to, or make it writable, and open it again; it "
            "was not changed."
        )
        raise ProjectFileError(read_only.format(file=path.name))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        folder = translated(
            "{file} is in a folder assetmap cannot write to ({folder}); SQLite keeps its "
            "journal beside the project. Copy the project to a folder you can write to; it was "
            "not changed."
        )
        raise ProjectFileError(folder.format(file=path.name, folder=path.resolve().parent))


def _check_not_in_use(path: Path) -> None:
    """Replacing a file another program has open corrupts the new one: that program's
    write-ahead log would be replayed into it. An exclusive lock tells whether anyone has it."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return
    except OSError as exc:
        kept = translated("{file} cannot be replaced: {reason}.")
        raise ProjectFileError(kept.format(file=path.name, reason=exc.strerror)) from exc
    probe = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        probe.execute("PRAGMA locking_mode=EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            in_use = translated(
                "{file} is open in another program (another assetmap window, QGIS or a sync "
                "tool), so it cannot be replaced. Close it there and try again; it was not "
                "changed."
            )
            raise ProjectFileError(in_use.format(file=path.name)) from exc
    except sqlite3.DatabaseError:
        pass  # not a readable database: nothing can have it open as one
    finally:
        probe.close()


def _remove_stale_wal(path: Path) -> None:
    """A -wal or -shm left by the replaced file must never be read as the new file's log."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _raise_as_file_error(path: Path, exc: BaseException) -> NoReturn:
    """Re-raise, putting SQLite's words for a full disk or a locked file in a user's terms."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "disk is full" in text or "disk i/o" in text:
            full = translated(
                "{file} could not be saved: the disk is full or the file could not be "
                "written. Nothing was changed; free some space and try again."
            )
            raise ProjectFileError(full.format(file=path.name)) from exc
        if any(word in text for word in ("locked", "busy", "readonly", "read-only")):
            raise _locked_or_damaged(path, exc) from exc
    raise exc


def _locked_or_damaged(path: Path, exc: sqlite3.Error) -> ProjectFileError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        busy = translated(
            "{file} is being changed by another program (another assetmap window, QGIS or a "
            "sync tool). Close it there, or wait, and try again."
        )
        return ProjectFileError(busy.format(file=path.name))
    if "readonly" in text or "read-only" in text:
        read_only = translated("{file} is read-only; copy it somewhere you can write.")
        return ProjectFileError(read_only.format(file=path.name))
    unopened = translated("{file} could not be opened: {error}.")
    return ProjectFileError(unopened.format(file=path.name, error=exc))


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
