"""One form for an asset's field values, whichever way they were written, and the three-way
decision for one field.

The feed logs fields in the asset's terms (audience a list, custom a dict, flags booleans)
or, for imports, as stored; the files hold them as stored. Comparing across the two needs
one form, or an untouched field would look changed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assetmap.core import gpkg
from assetmap.core.changelog import FEED_FIELDS
from assetmap.core.model import custom_from_text, split_audience

__all__ = [
    "CONFLICT",
    "DELETED",
    "MERGED_FIELDS",
    "MINE",
    "POSITION",
    "SAME",
    "THEIRS",
    "canonical",
    "decide",
    "position",
]

POSITION = "position"
DELETED = "deleted"
# The fields weighed one by one (created_at never changes; deletion is weighed apart, as it
# can clash with any edit), then the point as one field.
MERGED_FIELDS = tuple(f for f in FEED_FIELDS if f not in ("created_at", DELETED))
SAME, MINE, THEIRS, CONFLICT = "same", "mine", "theirs", "conflict"
_FLAGS = ("personal_data", DELETED)


def canonical(field: str, value: Any) -> Any:
    if field == "audience":
        return (
            tuple(split_audience(value))
            if value is None or isinstance(value, str)
            else tuple(value)
        )
    if field == "custom":
        return custom_from_text(value) if value is None or isinstance(value, str) else dict(value)
    if field in _FLAGS:
        return bool(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def position(blob: bytes | None) -> tuple[float, float] | None:
    return None if blob is None else _position(bytes(blob))


@lru_cache(maxsize=65536)
def _position(blob: bytes) -> tuple[float, float] | None:
    point = gpkg.decode([blob])[0]
    if point is None or point.is_empty:
        return None
    return (float(point.x), float(point.y))


def decide(
    mine: Any,
    theirs: Any,
    mine_history: list[Any],
    theirs_history: list[Any],
    *,
    theirs_ahead: bool = False,
) -> str:
    """Whose value a field takes. A side's history is the value the field had where the
    copies diverged and every value it took since (empty: untouched). Changed on one side
    only, that side's value wins. A side whose history passes through the other's current
    value has moved on from it, so its value wins too; both having moved on to different
    values is a conflict. Untouched on both sides, the side that merged the other last holds
    the settled value: this copy, unless ``theirs_ahead`` (their merge of this copy, the
    latest, may have kept their value over this one's)."""
    if mine == theirs:
        return SAME
    if not theirs_history:
        return THEIRS if theirs_ahead and not mine_history else MINE
    if not mine_history or mine in theirs_history:
        return THEIRS
    if theirs in mine_history:
        return MINE
    return CONFLICT
