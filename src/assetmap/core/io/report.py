"""What an import did, row by row, so nothing is silently dropped."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowIssue:
    """One row that was repaired, left unplaced or rejected, and why."""

    row: int | None
    field: str | None
    message: str
    row_noun: str = "row"
    # What names the row when the file being imported cannot (an asset an earlier import
    # made that is no longer in the file): shown in the report's name column.
    label: str | None = None

    def describe(self, file: str | None = None) -> str:
        where = [file] if file else []
        if self.row is not None:
            where.append(f"{self.row_noun} {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.text}" if where else self.text

    @property
    def text(self) -> str:
        """The message with the row's name in front when the row carries one."""
        return f"'{self.label}' {self.message}" if self.label else self.message


@dataclass(frozen=True)
class CategoryUse:
    """Which category the rows with one value of the category column went to, and why."""

    value: str  # as in the file; "" for blank cells
    rows: int
    key: str
    label: str
    how: str  # "same name", "chosen by hand", "no match", ...
    new: bool = False  # a category this import makes

    def describe(self) -> str:
        value = f"'{self.value}'" if self.value else "(blank)"
        target = f"new category '{self.label}'" if self.new else self.label
        rows = "1 row" if self.rows == 1 else f"{self.rows:,} rows"
        why = "" if self.new else f", {self.how}"
        return f"{value} → {target} ({rows}{why})"


_CATEGORY_LINES = 25


@dataclass
class ImportReport:
    """The outcome of one import; printed by the CLI and shown by the GUI."""

    file: str
    kind: str  # "areas", "assets" or "indicators"
    imported: int = 0
    repaired: list[RowIssue] = field(default_factory=list)
    unplaced: list[RowIssue] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    out_of_area: int = 0
    committed: bool = False
    categories: list[CategoryUse] = field(default_factory=list)  # commonest value first
    # Importing a file again (assets): matched to the assets an earlier import made.
    reimport: bool = False
    match_key: str = ""  # in words: "name + postcode", "the identifier column 'URN'"
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted_here: int = 0  # rows of assets deleted in the project since: left out
    missing: list[RowIssue] = field(default_factory=list)  # earlier assets not in the file
    changed_rows: list[RowIssue] = field(default_factory=list)  # rows that updated an asset

    def reimport_summary(self) -> str:
        """'3 added, 5 updated, 50 unchanged, 2 no longer in the file (kept)'."""
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        parts.append(f"{len(self.missing)} no longer in the file (kept)")
        if self.deleted_here:
            parts.append(f"{self.deleted_here} deleted here (left out)")
        return ", ".join(parts)

    def summary(self) -> str:
        if self.reimport:
            head = f"{self.file}: imported again, matched by {self.match_key}: "
            return head + self.reimport_summary() + f", {len(self.rejected)} rejected"
        kept = f"{self.imported} imported"
        details = []
        if self.unplaced:
            details.append(f"{len(self.unplaced)} of them unplaced")
        if self.out_of_area:
            details.append(f"{self.out_of_area} outside the project's areas")
        if details:
            kept += f" ({', '.join(details)})"
        parts = [kept]
        if self.repaired:
            parts.append(f"{len(self.repaired)} repaired")
        parts.append(f"{len(self.rejected)} rejected")
        return f"{self.file}: " + ", ".join(parts)

    def lines(self, limit: int | None = 50) -> list[str]:
        """Human-readable report lines, most important first."""
        out = [self.summary()]
        out += [f"  note: {n}" for n in self.notes]
        out += self.category_lines(limit)
        if self.kind == "assets" and self.match_key and not self.reimport:
            out.append(f"  importing this file again matches rows by {self.match_key}")
        for title, issues in (
            ("no longer in the file (kept in the project)", self.missing),
            ("updated", self.changed_rows),
            ("rejected", self.rejected),
            ("unplaced (kept, place them later)", self.unplaced),
            ("repaired", self.repaired),
        ):
            if not issues:
                continue
            out.append(f"  {title}:")
            shown = issues if limit is None else issues[:limit]
            out += [f"    {i.describe(self.file)}" for i in shown]
            if limit is not None and len(issues) > limit:
                out.append(f"    … and {len(issues) - limit} more")
        return out

    def category_lines(self, limit: int | None = _CATEGORY_LINES) -> list[str]:
        """The value -> category mapping the import applied, one line per value."""
        if not self.categories:
            return []
        shown = self.categories if limit is None else self.categories[:limit]
        out = ["  categories (value in the file → category):"]
        out += [f"    {use.describe()}" for use in shown]
        if len(shown) < len(self.categories):
            rest = self.categories[len(shown) :]
            rows = sum(u.rows for u in rest)
            out.append(f"    … and {len(rest)} more values ({rows:,} rows)")
        return out

    def as_dict(self) -> dict[str, object]:
        def issues(items: list[RowIssue]) -> list[dict[str, object]]:
            return [{"row": i.row, "field": i.field, "message": i.text} for i in items]

        return {
            "file": self.file,
            "kind": self.kind,
            "imported": self.imported,
            "repaired": issues(self.repaired),
            "unplaced": issues(self.unplaced),
            "rejected": issues(self.rejected),
            "notes": list(self.notes),
            "out_of_area": self.out_of_area,
            "committed": self.committed,
            "reimport": self.reimport,
            "match_key": self.match_key,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted_here": self.deleted_here,
            "missing": issues(self.missing),
            "changed_rows": issues(self.changed_rows),
            "categories": [
                {
                    "value": u.value,
                    "rows": u.rows,
                    "category": u.key,
                    "label": u.label,
                    "how": u.how,
                    "new": u.new,
                }
                for u in self.categories
            ],
        }
