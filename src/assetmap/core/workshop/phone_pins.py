"""The pins a phone may see: approved, active, placed assets of shared categories (needs
included), plus that phone's own contributions whatever their review.

Nothing else is ever read for a phone: no personal-data asset or category, no other
participant's pending pin, no contact details. Polling is incremental: the page sends the
feed sequence number it has seen and gets only the pins that came, changed or went since.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from assetmap.core import feed
from assetmap.core.assets import decode_points
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

# More changed assets than this since the phone's last poll: send everything again.
INCREMENTAL_MAX = 1_000

_COLUMNS = "uuid, name, category, pin_kind, review, description, contributor, geom"


@dataclass(frozen=True)
class PinsUpdate:
    seq: int
    pins: list[dict[str, Any]]
    removed: list[str]
    full: bool  # pins is everything: the page starts again from it

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "pins": self.pins, "removed": self.removed, "full": self.full}


def pins_update(
    project: Project,
    *,
    device: str | None,
    shared: Collection[str],
    since: int | None,
) -> PinsUpdate:
    """What a phone that has seen the feed up to ``since`` (None: nothing yet) needs.

    The sequence number is read before the pins, so a change committed in between is sent
    now and again next time (harmless), never missed.
    """
    seq = feed.latest_seq(project)
    changed = _changed_since(project, since, seq)
    if changed is None:
        return PinsUpdate(seq, read_pins(project, device=device, shared=shared), [], True)
    found = read_pins(project, device=device, shared=shared, uuids=changed)
    present = {p["uuid"] for p in found}
    return PinsUpdate(seq, found, sorted(set(changed) - present), False)


def _changed_since(project: Project, since: int | None, seq: int) -> list[str] | None:
    """The assets changed after ``since``; None when the phone must reload everything (a
    first poll, a file replaced under it, a category changed, a bulk change)."""
    if since is None or since < 0 or since > seq:
        return None
    uuids: dict[str, None] = {}
    for target in feed.targets_since(project, since):
        if target.uuid is not None:
            uuids[target.uuid] = None
        elif target.target is not None and target.target.startswith("category:"):
            return None  # a category became personal data, or changed colour
    return list(uuids) if len(uuids) <= INCREMENTAL_MAX else None


def read_pins(
    project: Project,
    *,
    device: str | None,
    shared: Collection[str],
    uuids: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    if not shared or (uuids is not None and not uuids):
        return []
    keys = list(shared)
    params: list[Any] = [*keys, device or ""]
    sql = (
        f"SELECT {_COLUMNS} FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 AND geom IS NOT NULL AND status = 'active' AND personal_data = 0 "
        f"AND category IN ({', '.join('?' for _ in keys)}) "
        "AND (review = 'approved' OR uuid IN "
        "(SELECT uuid FROM am_workshop_pins WHERE device = ?))"
    )
    if uuids is not None:
        wanted = list(uuids)
        sql += f" AND uuid IN ({', '.join('?' for _ in wanted)})"
        params += wanted
    rows = project.conn.execute(sql + " ORDER BY fid", params).fetchall()
    if not rows:
        return []
    xs, ys = decode_points([r[7] for r in rows])
    mine = _own(project, device, [r[0] for r in rows])
    return [
        _pin(row, float(x), float(y), row[0] in mine)
        for row, x, y in zip(rows, xs, ys, strict=True)
    ]


def _own(project: Project, device: str | None, uuids: list[str]) -> set[str]:
    if device is None:
        return set()
    found: set[str] = set()
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        sql = (
            "SELECT uuid FROM am_workshop_pins WHERE device = ? "
            f"AND uuid IN ({', '.join('?' for _ in chunk)})"
        )
        found.update(r[0] for r in project.conn.execute(sql, [device, *chunk]))
    return found


def _pin(row: tuple[Any, ...], x: float, y: float, mine: bool) -> dict[str, Any]:
    uuid, name, category, kind, review, note, contributor, _ = row
    pin: dict[str, Any] = {
        "uuid": uuid,
        "name": name,
        "category": category,
        "kind": kind,
        "x": round(x, 1),
        "y": round(y, 1),
        "mine": mine,
    }
    if mine:  # a phone sees its own note, name and review; nobody else's
        pin.update(review=review, note=note or "", contributor=contributor or "")
    return pin
