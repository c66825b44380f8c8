"""Reading the change feed: every committed change since a sequence number, with what it
takes to replay it (see ``core.changelog`` for how it is written).

A reader remembers the last ``seq`` it handled and asks for ``changes_since(project, seq)``:
a watcher in the app (``core.watch``), and later merging copies or syncing a database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import shapely

from assetmap.core import gpkg
from assetmap.core.changelog import ASSET_PREFIX, TABLE, Origin, latest_seq
from assetmap.core.model import custom_from_text, split_audience
from assetmap.core.project import Project

__all__ = ["FeedChange", "FeedTarget", "changes_since", "latest_seq", "targets_since"]

_FLAGS = ("personal_data", "deleted", "out_of_area")


@dataclass(frozen=True)
class FeedChange:
    """One logged change. For an asset (``uuid`` set, target ``asset:<uuid>``) the fields
    are in the asset's own terms (audience a list, custom a dict, flags booleans) and the
    point before and after is a GeoPackage blob (None: no asset then, or not placed).
    JSON is parsed on first use: a watcher that only needs uuids does not pay for it."""

    seq: int
    at: str
    who: str
    action: str  # "do", "undo", "redo"
    command: str
    description: str
    target: str | None
    uuid: str | None
    geometry_before: bytes | None = field(repr=False)
    geometry_after: bytes | None = field(repr=False)
    _before: str | None = field(repr=False)
    _after: str | None = field(repr=False)
    _origin: str | None = field(repr=False)

    @cached_property
    def fields_before(self) -> Any:
        return self._fields(self._before)

    @cached_property
    def fields_after(self) -> Any:
        return self._fields(self._after)

    @cached_property
    def origin(self) -> Origin:
        return Origin.from_json(self._origin, default_by=self.who)

    @property
    def is_asset(self) -> bool:
        return self.target is not None and self.target.startswith(ASSET_PREFIX)

    @property
    def kind(self) -> str:
        """What happened to the target: "added", "removed" or "changed". A soft delete
        (and its undo) counts as removing (and adding) the asset, as views see it."""
        if self._before is None and self._after is not None:
            return "added"
        if self._after is None and self._before is not None:
            return "removed"
        after = self.fields_after
        if self.is_asset and isinstance(after, dict) and "deleted" in after:
            return "removed" if after["deleted"] else "added"
        return "changed"

    def shape_before(self) -> shapely.Geometry | None:
        return _shape(self.geometry_before)

    def shape_after(self) -> shapely.Geometry | None:
        return _shape(self.geometry_after)

    def _fields(self, text: str | None) -> Any:
        value = None if text is None else json.loads(text)
        return _asset_terms(value) if self.is_asset and isinstance(value, dict) else value


def changes_since(project: Project, seq: int, *, limit: int | None = None) -> list[FeedChange]:
    """Committed changes with a sequence number above ``seq``, oldest first."""
    sql = (
        "SELECT id, at, who, action, command, description, target, uuid, geom_before, "
        f"geom_after, before, after, origin FROM {TABLE} WHERE id > ? ORDER BY id"
    )
    params: tuple[int, ...] = (seq,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (seq, limit)
    return [FeedChange(*row) for row in project.conn.execute(sql, params)]


@dataclass(frozen=True)
class FeedTarget:
    """What a view needs to hear about one change: which record, and whether it came, went
    or changed. Read without the fields and points, so noticing a 200,000-row import made
    elsewhere costs a fraction of reading it whole."""

    seq: int
    target: str | None
    uuid: str | None
    kind: str

    @property
    def is_asset(self) -> bool:
        return self.target is not None and self.target.startswith(ASSET_PREFIX)


# FeedChange.kind, worked out by SQLite from the logged JSON.
_KIND_SQL = f"""CASE
  WHEN before IS NULL AND after IS NOT NULL THEN 'added'
  WHEN after IS NULL AND before IS NOT NULL THEN 'removed'
  WHEN target LIKE '{ASSET_PREFIX}%' AND json_valid(after)
       AND json_type(after, '$.deleted') IS NOT NULL
    THEN CASE WHEN json_extract(after, '$.deleted') THEN 'removed' ELSE 'added' END
  ELSE 'changed' END"""


def targets_since(project: Project, seq: int) -> list[FeedTarget]:
    """The records changed since ``seq`` (oldest first), as ``changes_since`` would name
    them, without their contents."""
    sql = f"SELECT id, target, uuid, {_KIND_SQL} FROM {TABLE} WHERE id > ? ORDER BY id"
    return [FeedTarget(*row) for row in project.conn.execute(sql, (seq,))]


def record_targets_since(project: Project, seq: int) -> list[FeedTarget]:
    """Like ``targets_since`` but only the rows that are not about one asset (categories,
    area sets, fields, the basemap, an import's summary): a few, however large the import."""
    sql = (
        f"SELECT id, target, uuid, {_KIND_SQL} FROM {TABLE} "
        "WHERE id > ? AND uuid IS NULL ORDER BY id"
    )
    return [FeedTarget(*row) for row in project.conn.execute(sql, (seq,))]


def _asset_terms(values: dict[str, Any]) -> dict[str, Any]:
    """Imports log the stored form (audience as '; '-joined text, flags as 0/1); commands
    log the Asset's. Readers get one form."""
    out = dict(values)
    if isinstance(out.get("audience"), str) or ("audience" in out and out["audience"] is None):
        out["audience"] = list(split_audience(out["audience"]))
    if "custom" in out and not isinstance(out["custom"], dict):
        out["custom"] = custom_from_text(out["custom"])
    for flag in _FLAGS:
        if isinstance(out.get(flag), int):
            out[flag] = bool(out[flag])
    return out


def _shape(blob: bytes | None) -> shapely.Geometry | None:
    return None if blob is None else gpkg.decode([blob])[0]
