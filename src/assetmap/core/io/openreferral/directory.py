"""An Open Referral (HSDS 3.0) directory as its tables, whichever form it was published in.

The tabular data package and the JSON an API returns describe the same records; both are
read into one shape (table name -> rows of text keyed by field) so that turning records into
assets is written once. Table names are the HSDS resource names, singular ("service",
"service_at_location", "taxonomy_term").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Row = dict[str, Any]

# The resources turned into assets, and those only kept as details.
TABLES = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "phone",
    "schedule",
    "contact",
    "attribute",
    "taxonomy_term",
    "taxonomy",
    "language",
    "cost_option",
    "program",
)


@dataclass
class Directory:
    """A directory's rows per table, each table's rows in the order the source gave them."""

    path: Path
    form: str  # "tabular data package" or "JSON"
    tables: dict[str, list[Row]] = field(default_factory=dict)
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def by_id(self, table: str) -> dict[str, Row]:
        return {str(row["id"]): row for row in self.rows(table) if row.get("id")}

    def add(self, table: str, row: Row) -> None:
        """Add a row once: API responses repeat a location or phone under every service."""
        rows = self.tables.setdefault(table, [])
        ident = row.get("id")
        if ident:
            if (table, str(ident)) in self._seen:
                return
            self._seen.add((table, str(ident)))
        rows.append(row)

    def count(self, table: str) -> int:
        return len(self.rows(table))
