"""Site outlines (a hospital's or a church's building) of assets both copies have, weighed
three ways like a field: the feed logs each outline replaced as a ``footprint:<uuid>`` row
with the outline before and after, so a new outline from one side is taken, and two
different new outlines are a conflict (field ``outline``).

Outlines are compared by their shape (normalised WKB), not the stored bytes, so the same
outline written twice never looks changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import shapely

from assetmap.core import gpkg
from assetmap.core.changelog import FOOTPRINT_PREFIX
from assetmap.core.feed import FeedChange
from assetmap.core.merge.values import CONFLICT, THEIRS, decide
from assetmap.core.schema import FOOTPRINTS_TABLE

__all__ = [
    "OUTLINE",
    "OutlineChange",
    "OutlineConflict",
    "plan_outlines",
    "shape_key",
    "stored_outlines",
]

OUTLINE = "outline"
_CHUNK = 500


@dataclass(frozen=True)
class OutlineChange:
    """One asset's outline replaced by another (stored blobs; None: no outline)."""

    uuid: str
    name: str
    mine: bytes | None = field(repr=False)
    theirs: bytes | None = field(repr=False)


@dataclass(frozen=True)
class OutlineConflict:
    uuid: str
    base: bytes | None = field(repr=False)
    mine: bytes | None = field(repr=False)
    theirs: bytes | None = field(repr=False)


def shape_key(blob: bytes | None) -> bytes | None:
    if blob is None:
        return None
    geometry = gpkg.decode([bytes(blob)])[0]
    if geometry is None or geometry.is_empty:
        return None
    return bytes(shapely.to_wkb(shapely.normalize(geometry)))


def plan_outlines(
    this: sqlite3.Connection,
    other: sqlite3.Connection,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    names: dict[str, str],
    *,
    theirs_ahead: bool,
) -> tuple[list[OutlineChange], list[OutlineConflict]]:
    """Outlines to take from the other copy, and the ones both changed differently, among
    ``names`` (uuid -> name: assets both copies have and either changed since they
    diverged)."""
    wanted = list(names)
    mine, theirs = stored_outlines(this, wanted), stored_outlines(other, wanted)
    mine_hist, theirs_hist = _histories(feeds[0]), _histories(feeds[1])
    changes: list[OutlineChange] = []
    conflicts: list[OutlineConflict] = []
    for uuid in wanted:
        a, b = mine.get(uuid), theirs.get(uuid)
        ha, hb = mine_hist.get(uuid, []), theirs_hist.get(uuid, [])
        keys_a, keys_b = [shape_key(x) for x in ha], [shape_key(x) for x in hb]
        verdict = decide(shape_key(a), shape_key(b), keys_a, keys_b, theirs_ahead=theirs_ahead)
        if verdict == THEIRS:
            changes.append(OutlineChange(uuid, names[uuid], a, b))
        elif verdict == CONFLICT:
            conflicts.append(OutlineConflict(uuid, (ha or hb)[0], a, b))
    return changes, conflicts


def stored_outlines(conn: sqlite3.Connection, uuids: list[str]) -> dict[str, bytes]:
    """uuid -> stored outline blob, for the assets among ``uuids`` that have one."""
    out: dict[str, bytes] = {}
    for start in range(0, len(uuids), _CHUNK):
        chunk = uuids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT asset_uuid, geom FROM {FOOTPRINTS_TABLE} WHERE asset_uuid IN ({marks})",
            chunk,
        )
        out.update((uuid, bytes(blob)) for uuid, blob in rows if blob is not None)
    return out


def _histories(feed: Iterable[FeedChange]) -> dict[str, list[Any]]:
    """uuid -> the outline where the copies diverged and each outline since (blobs)."""
    out: dict[str, list[Any]] = {}
    for change in feed:
        if change.uuid is None or not (change.target or "").startswith(FOOTPRINT_PREFIX):
            continue
        history = out.get(change.uuid)
        if history is None:
            history = out[change.uuid] = [change.geometry_before]
        history.append(change.geometry_after)
    return out
