"""The asset record and the field vocabulary shared by importers, forms and exports."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np

STATUSES = ("active", "closed", "proposed")
# Reviewed: whether an asset is approved into the map. Not to be confused with *verified*
# (verified_date: someone checked the asset still exists).
REVIEW_STATES = ("approved", "pending", "rejected")
REVIEW_WORDS = {"approved": "Approved", "pending": "Awaiting review", "rejected": "Rejected"}
# Where an asset came from; origin_ref names the file, person, session, copy or database.
ORIGIN_KINDS = ("import", "desk", "workshop", "merge", "sync")
# What a pin says: "this is here" (an asset) or "this is missing here" (a need or idea).
PIN_KINDS = ("asset", "need")
ORIGIN_WORDS = {
    "import": "Imported",
    "desk": "Added here",
    "workshop": "Workshop",
    "merge": "Merged copy",
    "sync": "Synced database",
}

# The editable text fields, in the order a form shows them, with user-facing labels.
TEXT_FIELDS: dict[str, str] = {
    "description": "Description",
    "address": "Address",
    "postcode": "Postcode",
    "contact": "Contact",
    "phone": "Phone",
    "website": "Website",
    "opening_hours": "Opening hours",
    "verified_date": "Verified on",
    "source": "Source",
}


def new_uuid() -> str:
    return new_uuids(1)[0]


def new_uuids(n: int) -> list[str]:
    """Time-ordered UUIDs (RFC 9562 version 7) for ``n`` new assets.

    Ordered ids append to the end of the uuid index instead of landing at random
    places in it, which makes inserting 200,000 imported assets several times faster;
    the random bits keep ids from different laptops apart for merging.
    """
    if n <= 0:
        return []
    millis = time.time_ns() // 1_000_000
    raw = np.zeros((n, 16), dtype=np.uint8)
    raw[:, :6] = np.frombuffer(millis.to_bytes(6, "big"), dtype=np.uint8)
    seq = np.arange(n, dtype=np.uint64)
    # 12 bits of sequence after the version nibble, then 30 more after the variant bits,
    # then 32 random bits: ids sort in creation order within a batch.
    raw[:, 6] = 0x70 | ((seq >> np.uint64(38)) & np.uint64(0x0F)).astype(np.uint8)
    raw[:, 7] = ((seq >> np.uint64(30)) & np.uint64(0xFF)).astype(np.uint8)
    raw[:, 8] = 0x80 | ((seq >> np.uint64(24)) & np.uint64(0x3F)).astype(np.uint8)
    raw[:, 9] = ((seq >> np.uint64(16)) & np.uint64(0xFF)).astype(np.uint8)
    raw[:, 10] = ((seq >> np.uint64(8)) & np.uint64(0xFF)).astype(np.uint8)
    raw[:, 11] = (seq & np.uint64(0xFF)).astype(np.uint8)
    raw[:, 12:] = np.frombuffer(os.urandom(4 * n), dtype=np.uint8).reshape(n, 4)
    return _format_uuids(raw)


_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
# Positions of the 32 hex digits within the 36 characters of 8-4-4-4-12.
_DIGIT_AT = np.array([i for i in range(36) if i not in (8, 13, 18, 23)])


def _format_uuids(raw: np.ndarray) -> list[str]:
    """Canonical 8-4-4-4-12 text for each row of 16 bytes, without a Python loop per id."""
    n = len(raw)
    digits = np.empty((n, 32), dtype=np.uint8)
    digits[:, 0::2] = _HEX[raw >> 4]
    digits[:, 1::2] = _HEX[raw & 0x0F]
    chars = np.full((n, 36), ord("-"), dtype=np.uint8)
    chars[:, _DIGIT_AT] = digits
    text = chars.tobytes().decode("ascii")
    return [text[i : i + 36] for i in range(0, 36 * n, 36)]


@dataclass(frozen=True)
class Asset:
    """One community asset. x/y are in the project CRS; None means unplaced."""

    uuid: str
    name: str
    category: str
    description: str | None = None
    address: str | None = None
    postcode: str | None = None
    contact: str | None = None
    phone: str | None = None
    website: str | None = None
    opening_hours: str | None = None
    audience: tuple[str, ...] = ()
    status: str = "active"
    verified_date: str | None = None
    source: str | None = None
    personal_data: bool = False
    custom: dict[str, Any] = field(default_factory=dict)
    x: float | None = None
    y: float | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted: bool = False
    review: str = "approved"
    out_of_area: bool = False
    origin_kind: str = "desk"
    origin_ref: str | None = None  # file name, person, session, copy or database
    origin_row: int | None = None  # the row of the imported file
    origin_key: str | None = None  # what matches the row again on re-import
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    pin_kind: str = "asset"  # "asset": this is here; "need": this is missing here
    workshop_id: str | None = None  # the workshop session it was contributed in
    contributor: str | None = None  # the participant's chosen display name

    @property
    def placed(self) -> bool:
        return self.x is not None and self.y is not None

    def with_changes(self, **changes: Any) -> Asset:
        return replace(self, **changes)

    def editable_values(self) -> dict[str, Any]:
        """The fields an EditAsset command may change, as stored values."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}

    def origin_text(self) -> str:
        """'Imported from libraries.csv, row 4', 'Added here by AB': for cards and tooltips."""
        return origin_text(self.origin_kind, self.origin_ref, self.origin_row)


def origin_text(kind: str | None, ref: str | None, row: int | None = None) -> str:
    if kind == "import":
        where = f"Imported from {ref}" if ref else "Imported"
        return f"{where}, row {row}" if row is not None else where
    if kind == "desk":
        return f"Added here by {ref}" if ref else "Added here"
    words = {"workshop": "Workshop session", "merge": "Merged from", "sync": "Synced from"}
    head = words.get(str(kind), str(kind or "Unknown").capitalize())
    return f"{head} {ref}" if ref else head


EDITABLE_FIELDS = (
    "name",
    "category",
    *TEXT_FIELDS,
    "audience",
    "status",
    "personal_data",
    "custom",
    "review",
)

ASSET_FIELD_NAMES = tuple(f.name for f in fields(Asset))


def audience_to_text(tags: tuple[str, ...] | list[str] | str | None) -> str | None:
    """Audience tags are stored as '; '-joined text so QGIS users can read them."""
    if tags is None:
        return None
    if isinstance(tags, str):
        tags = split_audience(tags)
    cleaned = [t.strip() for t in tags if t and t.strip()]
    return "; ".join(cleaned) if cleaned else None


def split_audience(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = [p.strip() for p in text.replace(",", ";").split(";")]
    return tuple(p for p in parts if p)


def custom_to_text(custom: dict[str, Any] | None) -> str | None:
    if not custom:
        return None
    return json.dumps(custom, ensure_ascii=False, sort_keys=True, default=str)


def custom_from_text(text: str | None) -> dict[str, Any]:
    if not isinstance(text, str) or not text:  # NULL arrives as None or NaN from a frame
        return {}

    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}
