"""The live tally on the projector: how many pins of each category and kind, approved and
awaiting review. Rejected and withdrawn pins are not counted."""

from __future__ import annotations

from dataclasses import dataclass

from assetmap.core import categories
from assetmap.core.model import PIN_KINDS
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


@dataclass(frozen=True)
class TallyRow:
    category: str
    label: str  # the category's label, as people read it
    kind: str  # "asset" or "need"
    approved: int
    pending: int

    @property
    def total(self) -> int:
        return self.approved + self.pending


@dataclass(frozen=True)
class Tally:
    rows: tuple[TallyRow, ...]  # sorted by category label, assets before needs

    def total(self, kind: str | None = None, review: str | None = None) -> int:
        """All pins, or those of one kind and/or review state ("approved", "pending")."""
        rows = [r for r in self.rows if kind is None or r.kind == kind]
        if review == "approved":
            return sum(r.approved for r in rows)
        if review == "pending":
            return sum(r.pending for r in rows)
        if review is not None:
            return 0
        return sum(r.total for r in rows)


def tally(project: Project, workshop_id: str | None) -> Tally:
    """A workshop's live pins; ``None``: every approved asset and need in the project."""
    params: tuple[str, ...] = ()
    if workshop_id is None:
        where = "review = 'approved'"
    else:
        where, params = "workshop_id = ? AND review IN ('approved', 'pending')", (workshop_id,)
    found = project.conn.execute(
        f"SELECT category, pin_kind, sum(review = 'approved'), sum(review = 'pending') "
        f"FROM {ASSETS_TABLE} WHERE deleted = 0 AND {where} GROUP BY category, pin_kind",
        params,
    ).fetchall()
    labels = {c.key: c.label for c in categories.all_categories(project)}
    rows = [
        TallyRow(key, labels.get(key, key), kind, int(approved), int(pending))
        for key, kind, approved, pending in found
    ]
    order = {kind: i for i, kind in enumerate(PIN_KINDS)}
    rows.sort(key=lambda r: (r.label.casefold(), order.get(r.kind, len(order)), r.category))
    return Tally(tuple(rows))
