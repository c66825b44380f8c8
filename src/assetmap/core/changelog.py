"""The change log: who changed what, when, with the values before and after.

It is written in the same transaction as the change itself, so the log and
the data can never disagree; offline merging will read it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from assetmap.core import gpkg
from assetmap.core.project import Project


@dataclass(frozen=True)
class Change:
    """One record's change, as a command reports it."""

    target: str  # e.g. "asset:<uuid>", "category:<key>", "area_set:<name>"
    before: Any
    after: Any
    command: str | None = None  # set by groups, so each row names the edit that made it


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


def record(
    project: Project, *, action: str, command: str, description: str, changes: list[Change]
) -> None:
    at = gpkg.utc_now()
    who = project.author
    rows: list[tuple[str, str, str, str, str, str | None, str | None, str | None]] = [
        (
            at,
            who,
            action,
            c.command or command,
            description,
            c.target,
            _dump(c.before),
            _dump(c.after),
        )
        for c in changes
    ] or [(at, who, action, command, description, None, None, None)]

    project.conn.executemany(
        "INSERT INTO am_change_log (at, who, action, command, description, target, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def entries(project: Project, *, target: str | None = None, limit: int = 1000) -> list[LogEntry]:
    sql = (
        "SELECT id, at, who, action, command, description, target, before, after FROM am_change_log"
    )
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
