"""Outcomes kept in the project (am_outcomes): read, written and removed by the commands."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from assetmap.core import gpkg
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project

TABLE = "am_outcomes"
_FIELDS = (
    "uuid",
    "title",
    "target",
    "area_set",
    "distance_m",
    "threshold",
    "need_band",
    "population_field",
    "need_field",
    "target_date",
    "population_share",
)


def all_outcomes(project: Project) -> list[Outcome]:
    """In the order they were agreed (added)."""
    rows = project.conn.execute(f"SELECT {', '.join(_FIELDS)} FROM {TABLE} ORDER BY id")
    return [_outcome(row) for row in rows.fetchall()]


def by_uuid(project: Project, uuid: str) -> Outcome | None:
    row = project.conn.execute(
        f"SELECT {', '.join(_FIELDS)} FROM {TABLE} WHERE uuid = ?", (uuid,)
    ).fetchone()
    return _outcome(row) if row else None


def insert(project: Project, outcome: Outcome, row_id: int | None = None) -> int:
    """Add an outcome (at ``row_id``, when undo puts a removed one back in its place)."""
    values = described(outcome)
    names = ("id", *_FIELDS, "created_at")
    cursor = project.conn.execute(
        f"INSERT INTO {TABLE} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        (row_id, *(values[f] for f in _FIELDS), gpkg.utc_now()),
    )
    return int(cursor.lastrowid or 0)


def update(project: Project, outcome: Outcome) -> None:
    values = described(outcome)
    changes = ", ".join(f"{f} = ?" for f in _FIELDS[1:])
    project.conn.execute(
        f"UPDATE {TABLE} SET {changes} WHERE uuid = ?",
        (*(values[f] for f in _FIELDS[1:]), outcome.uuid),
    )


def delete(project: Project, uuid: str) -> int | None:
    """Remove an outcome (its evaluations stay, for undo); returns the row id it had."""
    row = project.conn.execute(f"SELECT id FROM {TABLE} WHERE uuid = ?", (uuid,)).fetchone()
    project.conn.execute(f"DELETE FROM {TABLE} WHERE uuid = ?", (uuid,))
    return int(row[0]) if row else None


def described(outcome: Outcome) -> dict[str, Any]:
    """The outcome as plain values, as the change feed records it."""
    return asdict(outcome)


def _outcome(row: tuple[Any, ...]) -> Outcome:
    values = dict(zip(_FIELDS, row, strict=True))
    band = values["need_band"]
    values["need_band"] = None if band is None else int(band)
    share = values["population_share"]
    values["population_share"] = None if share is None else float(share)
    return Outcome(**values)
