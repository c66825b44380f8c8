"""The change log: who changed what, when, with the values before and after.

It is written in the same transaction as the change itself, so the log and the data can
never disagree. Every row's id is its sequence number in the project's change feed
(``core.feed`` reads it): AUTOINCREMENT never hands an id out twice, so a reader that has
seen up to some id has seen everything committed before it. Asset rows name the asset
(``uuid``), keep its point before and after (GeoPackage blobs) and say where the change
came from (``origin``), which is enough to replay or merge them elsewhere.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from assetmap.core import gpkg
from assetmap.core.assets import COLUMNS, PROVENANCE
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE, FOOTPRINTS_TABLE

TABLE = "am_change_log"
_COLUMNS = (
    "at, who, action, command, description, target, uuid, before, after, "
    "geom_before, geom_after, origin"
)
ASSET_PREFIX = "asset:"
# A polygon site's outline (geom_before/geom_after), logged apart from its asset's point.
FOOTPRINT_PREFIX = "footprint:"


@dataclass(frozen=True)
class Origin:
    """Where a change came from: "desk" (someone at this computer, ``by``), "import"
    (``file`` and ``row``); later "workshop", "merge" and "sync" (``file`` or ``session``
    naming the copy, database or workshop)."""

    kind: str
    by: str | None = None
    file: str | None = None
    row: int | None = None
    session: str | None = None

    def to_json(self) -> str:
        values = {k: v for k, v in asdict(self).items() if v is not None}
        return json.dumps(values, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None, *, default_by: str | None = None) -> Origin:
        """Rows without one were written at the desk by whoever the row names."""
        try:
            values = json.loads(text) if text else None
        except ValueError:
            values = None
        if not isinstance(values, dict) or not isinstance(values.get("kind"), str):
            return cls("desk", by=default_by)
        row = values.get("row")
        return cls(
            kind=values["kind"],
            by=_text_or_none(values.get("by")),
            file=_text_or_none(values.get("file")),
            row=row if isinstance(row, int) else None,
            session=_text_or_none(values.get("session")),
        )


def desk(author: str) -> Origin:
    return Origin("desk", by=author)


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Change:
    """One record's change, as a command reports it.

    For an asset (target ``asset:<uuid>``) the point before and after goes in
    ``geom_before``/``geom_after`` as GeoPackage blobs (None: no asset, or not placed).
    ``uuid`` names the asset a change belongs to when the target is something of it (a
    photo); ``origin`` overrides the command's origin for this record.
    """

    target: str  # e.g. "asset:<uuid>", "category:<key>", "area_set:<name>"
    before: Any
    after: Any
    command: str | None = None  # set by groups, so each row names the edit that made it
    uuid: str | None = None
    geom_before: bytes | None = None
    geom_after: bytes | None = None
    origin: Origin | None = None

    @property
    def asset_uuid(self) -> str | None:
        if self.uuid is not None:
            return self.uuid
        if self.target.startswith(ASSET_PREFIX):
            return self.target[len(ASSET_PREFIX) :]
        return None


@dataclass(frozen=True)
class Entry:
    """What every row one command run writes has in common."""

    at: str
    who: str
    action: str  # "do", "undo", "redo"
    command: str
    describe: Callable[[], str]  # the command's text, read when rows are written
    origin: Origin


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: str
    who: str
    action: str  # "do", "undo", "redo"
    command: str
    description: str
    target: str | None
    before: Any
    after: Any


# The entry of the command running on this thread: bulk writers (an import's rows) log
# through it from inside the command, before rows they are about to delete are gone.
_current: ContextVar[Entry | None] = ContextVar("assetmap_change_log_entry", default=None)


@contextlib.contextmanager
def entry(
    project: Project,
    *,
    action: str,
    command: str,
    describe: Callable[[], str],
    origin: Origin | None = None,
) -> Iterator[Entry]:
    """Log one command run (inside its transaction); listeners of ``feed_written`` hear
    which sequence numbers it took once the transaction commits."""
    first = latest_seq(project) + 1
    current = Entry(
        at=gpkg.utc_now(),
        who=project.author,
        action=action,
        command=command,
        describe=describe,
        origin=origin or desk(project.author),
    )
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)
    last = latest_seq(project)
    if last >= first:
        project.notify(project.events.feed_written, first=first, last=last)


def current_entry() -> Entry:
    found = _current.get()
    if found is None:
        raise RuntimeError("asset rows are logged only while a command runs on a CommandStack")
    return found


def record(project: Project, log: Entry, changes: list[Change]) -> None:
    description = log.describe()
    rows = [_row(log, description, c) for c in changes] or [
        (log.at, log.who, log.action, log.command, description)
        + (None,) * 6
        + (log.origin.to_json(),)
    ]
    project.conn.executemany(
        f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
    )


def _row(log: Entry, description: str, change: Change) -> tuple[Any, ...]:
    return (
        log.at,
        log.who,
        log.action,
        change.command or log.command,
        description,
        change.target,
        change.asset_uuid,
        _dump(change.before),
        _dump(change.after),
        change.geom_before,
        change.geom_after,
        (change.origin or log.origin).to_json(),
    )


def latest_seq(project: Project) -> int:
    """The newest sequence number in the feed (0 for none)."""
    return int(project.conn.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}").fetchone()[0])


# ---- assets logged in SQL: an import's 200,000 rows without a Python loop ---------------
# The asset columns a feed row carries (geometry apart): uuid is its own column,
# updated_at is the row's time, out_of_area follows the area sets, an import's batch and
# the asset's provenance are in the row's origin.
_NOT_IN_FEED = ("uuid", "updated_at", "import_batch", "out_of_area", *PROVENANCE)
FEED_FIELDS = tuple(c for c in COLUMNS if c not in _NOT_IN_FEED)
_JSON_COLUMNS = ("custom",)  # stored as JSON text, logged as the object it holds


def record_imported_assets(
    project: Project,
    rows: pd.DataFrame,
    written: dict[str, Any],
    row_numbers: Sequence[int],
    file: str,
) -> None:
    """One feed row per asset an import just inserted (``rows`` as given to
    ``assets.insert_frame``, in order, and ``written`` as it returned), with its fields,
    point and origin (file and row).

    Built inside SQLite from the rows just written. Values every row shares are written
    once into the statement, so SQLite only builds JSON for the columns that vary: at
    200,000 assets this is the difference between under a second and two.
    """
    n = len(rows)
    if n == 0:
        return
    last = int(project.conn.execute(f"SELECT max(fid) FROM {ASSETS_TABLE}").fetchone()[0])
    first = last - n + 1
    _check_contiguous(project, rows, first, last)
    fields, constant = _shared_and_varying(written)
    log = current_entry()
    origin = Origin("import", file=file, row=0).to_json()
    origin_head = origin[: origin.rindex(":") + 1]  # ...,"row": then the row number, then }
    project.conn.execute(
        f"INSERT INTO {TABLE} ({_COLUMNS}) "
        f"SELECT ?, ?, ?, ?, ?, '{ASSET_PREFIX}' || a.uuid, a.uuid, NULL, "
        f"{_fields_json(fields, constant)}, NULL, a.geom, ? || r.value || '}}' "
        f"FROM json_each(?) AS r JOIN {ASSETS_TABLE} AS a ON a.fid = ? + r.key",
        (
            log.at,
            log.who,
            log.action,
            log.command,
            log.describe(),
            origin_head,
            json.dumps([int(r) for r in row_numbers]),
            first,
        ),
    )


def record_removed_assets(project: Project, where: str, params: Sequence[Any]) -> None:
    """One feed row per asset matching ``where`` that is about to be removed for good (the
    undo of an import): call it before the rows are deleted."""
    log = current_entry()
    project.conn.execute(
        f"INSERT INTO {TABLE} ({_COLUMNS}) "
        f"SELECT ?, ?, ?, ?, ?, '{ASSET_PREFIX}' || a.uuid, a.uuid, "
        f"{_fields_json(list(FEED_FIELDS), {})}, NULL, a.geom, NULL, ? "
        f"FROM {ASSETS_TABLE} AS a WHERE {where} ORDER BY a.fid",
        (
            log.at,
            log.who,
            log.action,
            log.command,
            log.describe(),
            log.origin.to_json(),
            *params,
        ),
    )


def record_footprints(
    project: Project,
    where: str,
    params: Sequence[Any],
    *,
    removing: bool,
    origin: Origin | None = None,
) -> None:
    """One feed row per site outline of the assets matching ``where`` (on ``a``): just
    written (its outline after), or about to be removed (call it first: its outline before)."""
    log = current_entry()
    before, after = ("f.geom", "NULL") if removing else ("NULL", "f.geom")
    project.conn.execute(
        f"INSERT INTO {TABLE} ({_COLUMNS}) "
        f"SELECT ?, ?, ?, ?, ?, '{FOOTPRINT_PREFIX}' || a.uuid, a.uuid, NULL, NULL, "
        f"{before}, {after}, ? FROM {FOOTPRINTS_TABLE} AS f "
        f"JOIN {ASSETS_TABLE} AS a ON a.uuid = f.asset_uuid WHERE {where} ORDER BY a.fid",
        (
            log.at,
            log.who,
            log.action,
            log.command,
            log.describe(),
            (origin or log.origin).to_json(),
            *params,
        ),
    )


def _check_contiguous(project: Project, rows: pd.DataFrame, first: int, last: int) -> None:
    """The rows of one INSERT in one write transaction take consecutive fids (SQLite's
    AUTOINCREMENT); the feed's row numbers rely on it, so say so if that ever changes."""
    ends = project.conn.execute(
        f"SELECT uuid FROM {ASSETS_TABLE} WHERE fid IN (?, ?) ORDER BY fid", (first, last)
    ).fetchall()
    expected = [rows["uuid"].iloc[0], rows["uuid"].iloc[-1]][: len({first, last})]
    if [u for (u,) in ends] != expected:
        raise RuntimeError("the imported assets did not get consecutive fids")


def _shared_and_varying(written: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    present = [c for c in FEED_FIELDS if c in written]
    constant = {c: _plain(written[c]) for c in present if written[c] is not None}
    return [c for c in present if c not in constant], constant


def _fields_json(varying: list[str], constant: dict[str, Any]) -> str:
    """SQL for one asset's fields as a JSON object: the shared part as literal text, then
    ``json_object`` over the varying columns of ``a``."""
    shared = {k: json.loads(v) if k in _JSON_COLUMNS else v for k, v in constant.items()}
    head = json.dumps(shared, ensure_ascii=False, separators=(",", ":"))[:-1]
    if not varying:
        return _sql_text(head + "}")
    pairs = ", ".join(
        f"'{c}', json(a.{c})" if c in _JSON_COLUMNS else f"'{c}', a.{c}" for c in varying
    )
    if not constant:
        return f"json_object({pairs})"
    return f"{_sql_text(head + ',')} || substr(json_object({pairs}), 2)"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def entries(project: Project, *, target: str | None = None, limit: int = 1000) -> list[LogEntry]:
    sql = f"SELECT id, at, who, action, command, description, target, before, after FROM {TABLE}"
    params: tuple[Any, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        params = (target,)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = project.conn.execute(sql, (*params, limit)).fetchall()
    return [
        LogEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _load(r[7]), _load(r[8])) for r in rows
    ]


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)
