"""Workshop sessions: a name, place, date and facilitator, and whether the session has ended.

Reading only; ``core.commands.workshop`` writes them (undoably, logged in the feed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assetmap.core.date_words import date_words
from assetmap.core.i18n import translated
from assetmap.core.project import Project

TABLE = "am_workshops"
_COLUMNS = "id, name, place, date, facilitator, created_at, ended_at, auto_approve"


@dataclass(frozen=True)
class Workshop:
    id: str
    name: str
    place: str
    date: str  # ISO yyyy-mm-dd
    facilitator: str
    created_at: str
    ended_at: str | None
    auto_approve: bool

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    def details(self) -> str:
        """'Victoria Hall · 9 December 2026 · run by Sam': the line under its name, on the
        panel and on the summary."""
        parts = [p for p in (self.place, date_words(self.date)) if p]
        if self.facilitator:
            parts.append(translated("run by {facilitator}").format(facilitator=self.facilitator))
        return " · ".join(parts)

    def as_row(self) -> dict[str, Any]:
        """As stored (and as the change feed logs it)."""
        return {
            "id": self.id,
            "name": self.name,
            "place": self.place,
            "date": self.date,
            "facilitator": self.facilitator,
            "created_at": self.created_at,
            "ended_at": self.ended_at,
            "auto_approve": int(self.auto_approve),
        }


def _from_row(row: tuple[Any, ...]) -> Workshop:
    return Workshop(
        id=row[0],
        name=row[1],
        place=row[2] or "",
        date=row[3] or "",
        facilitator=row[4] or "",
        created_at=row[5],
        ended_at=row[6],
        auto_approve=bool(row[7]),
    )


def list_workshops(project: Project) -> list[Workshop]:
    """Newest first (by when each was created; the id breaks ties)."""
    rows = project.conn.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY created_at DESC, rowid DESC"
    ).fetchall()
    return [_from_row(r) for r in rows]


def get_workshop(project: Project, workshop_id: str) -> Workshop:
    row = project.conn.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} WHERE id = ?", (workshop_id,)
    ).fetchone()
    if row is None:
        raise KeyError(f"no workshop session with id {workshop_id}")
    return _from_row(row)


def find_workshop(project: Project, workshop_id: str) -> Workshop | None:
    try:
        return get_workshop(project, workshop_id)
    except KeyError:
        return None


def current_workshop(project: Project) -> Workshop | None:
    """The newest session that has not ended: the one a facilitator is running."""
    return next((w for w in list_workshops(project) if not w.ended), None)


# ---- writing (commands only, inside a project transaction) ----------------------------
def insert(project: Project, workshop: Workshop) -> None:
    row = workshop.as_row()
    marks = ", ".join("?" for _ in row)
    project.conn.execute(
        f"INSERT INTO {TABLE} ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
    )


def update(project: Project, workshop_id: str, values: dict[str, Any]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in values)
    cursor = project.conn.execute(
        f"UPDATE {TABLE} SET {assignments} WHERE id = ?", (*values.values(), workshop_id)
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no workshop session with id {workshop_id}")


def delete(project: Project, workshop_id: str) -> None:
    project.conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (workshop_id,))
