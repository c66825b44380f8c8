"""The asset record and the field vocabulary shared by importers, forms and exports."""

from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass, field, fields, replace
from typing import Any

STATUSES = ("active", "closed", "proposed")
REVIEW_STATES = ("verified", "pending", "rejected")

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
    return str(uuidlib.uuid4())


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
    review: str = "verified"
    out_of_area: bool = False

    @property
    def placed(self) -> bool:
        return self.x is not None and self.y is not None

    def with_changes(self, **changes: Any) -> Asset:
        return replace(self, **changes)

    def editable_values(self) -> dict[str, Any]:
        """The fields an EditAsset command may change, as stored values."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


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
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}
