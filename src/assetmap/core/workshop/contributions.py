"""What participants contributed in a workshop, and which phone may change each pin.

A contribution is an ordinary asset row (``workshop_id`` set); which phone submitted it is
kept in ``am_workshop_pins`` as the SHA-256 of the phone's secret, never the secret itself.
Pins the facilitator adds have no phone, so no participant can change them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from assetmap.core import gpkg
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

PINS_TABLE = "am_workshop_pins"


class NotYourPin(BadInputError):
    """A phone tried to change or withdraw a pin it did not submit (HTTP 403)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or translated("You can only change or withdraw your own pins."))


@dataclass(frozen=True)
class Contribution:
    uuid: str
    workshop_id: str
    kind: str  # "asset" or "need"
    category: str
    name: str
    note: str
    contributor: str | None
    x: float | None  # project CRS; None only if someone has since unplaced it
    y: float | None
    review: str
    submitted_at: str
    device: str | None  # the phone's hash; None for the facilitator's own pins
    deleted: bool  # withdrawn by the participant (or deleted at the desk)


def device_hash(secret: str) -> str:
    """What is stored for a phone's secret: enough to recognise it, useless to forge it."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


_SELECT = f"""
    SELECT a.uuid, a.workshop_id, a.pin_kind, a.category, a.name, a.description,
           a.contributor, a.geom, a.review, coalesce(p.submitted_at, a.created_at),
           p.device, a.deleted
    FROM {ASSETS_TABLE} AS a LEFT JOIN {PINS_TABLE} AS p ON p.uuid = a.uuid
"""


def contributions(
    project: Project,
    workshop_id: str,
    *,
    review: str | None = None,
    include_withdrawn: bool = False,
) -> list[Contribution]:
    """Newest first. Withdrawn pins are left out unless asked for."""
    where = ["a.workshop_id = ?"]
    params: list[Any] = [workshop_id]
    if review is not None:
        where.append("a.review = ?")
        params.append(review)
    if not include_withdrawn:
        where.append("a.deleted = 0")
    rows = project.conn.execute(
        f"{_SELECT} WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(p.submitted_at, a.created_at) DESC, a.fid DESC",
        params,
    ).fetchall()
    return [_from_row(r) for r in rows]


def get_contribution(project: Project, uuid: str) -> Contribution:
    row = project.conn.execute(f"{_SELECT} WHERE a.uuid = ?", (uuid,)).fetchone()
    if row is None or row[1] is None:
        raise KeyError(f"no workshop contribution with id {uuid}")
    return _from_row(row)


def _from_row(row: tuple[Any, ...]) -> Contribution:
    x = y = None
    if row[7] is not None:
        point = gpkg.decode([row[7]])[0]
        if point is not None and not point.is_empty:
            x, y = float(point.x), float(point.y)
    return Contribution(
        uuid=row[0],
        workshop_id=row[1],
        kind=row[2],
        category=row[3],
        name=row[4],
        note=row[5] or "",
        contributor=row[6],
        x=x,
        y=y,
        review=row[8],
        submitted_at=row[9],
        device=row[10],
        deleted=bool(row[11]),
    )


def pending_from_device(project: Project, workshop_id: str, device: str) -> list[str]:
    """The uuids of one phone's live pins awaiting review ("approve all from this person")."""
    rows = project.conn.execute(
        f"SELECT a.uuid FROM {ASSETS_TABLE} AS a JOIN {PINS_TABLE} AS p ON p.uuid = a.uuid "
        "WHERE p.workshop_id = ? AND p.device = ? AND a.review = 'pending' AND a.deleted = 0 "
        "ORDER BY p.submitted_at, a.fid",
        (workshop_id, device),
    ).fetchall()
    return [r[0] for r in rows]


def owned_by(project: Project, uuid: str, device: str) -> bool:
    row = project.conn.execute(f"SELECT device FROM {PINS_TABLE} WHERE uuid = ?", (uuid,))
    found = row.fetchone()
    return found is not None and found[0] == device


def submitted_count(project: Project, workshop_id: str) -> int:
    """How many pins phones have submitted in a workshop (withdrawn ones too): the cap."""
    row = project.conn.execute(
        f"SELECT count(*) FROM {PINS_TABLE} WHERE workshop_id = ?", (workshop_id,)
    ).fetchone()
    return int(row[0])


# ---- writing (commands only, inside a project transaction) ----------------------------
def record_device(
    project: Project, uuid: str, workshop_id: str, device: str, submitted_at: str
) -> None:
    project.conn.execute(
        f"INSERT INTO {PINS_TABLE} (uuid, workshop_id, device, submitted_at) VALUES (?, ?, ?, ?)",
        (uuid, workshop_id, device, submitted_at),
    )


def forget_device(project: Project, uuid: str) -> None:
    project.conn.execute(f"DELETE FROM {PINS_TABLE} WHERE uuid = ?", (uuid,))
