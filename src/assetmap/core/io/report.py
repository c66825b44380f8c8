"""What an import did, row by row, so nothing is silently dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from assetmap.core.errors import place_in_file
from assetmap.core.i18n import translated


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
        where = place_in_file(file, self.row, self.field, self.row_noun)
        return f"{where}: {self.text}" if where else self.text

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
        value = f"'{self.value}'" if self.value else translated("(blank)")
        target = (
            translated("new category '{label}'").format(label=self.label)
            if self.new
            else self.label
        )
        rows = (
            translated("1 row") if self.rows == 1 else translated("{n:,} rows").format(n=self.rows)
        )
        why = "" if self.new else f", {translated(self.how)}"
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
        parts = [
            translated("{n} added").format(n=self.added),
            translated("{n} updated").format(n=self.updated),
            translated("{n} unchanged").format(n=self.unchanged),
            translated("{n} no longer in the file (kept)").format(n=len(self.missing)),
        ]
        if self.deleted_here:
            parts.append(translated("{n} deleted here (left out)").format(n=self.deleted_here))
        return ", ".join(parts)

    def summary(self) -> str:
        if self.reimport:
            head = translated("{file}: imported again, matched by {key}: ").format(
                file=self.file, key=self.match_key
            )
            rejected = translated("{n} rejected").format(n=len(self.rejected))
            return f"{head}{self.reimport_summary()}, {rejected}"
        kept = translated("{n} imported").format(n=self.imported)
        details = []
        if self.unplaced:
            details.append(translated("{n} of them unplaced").format(n=len(self.unplaced)))
        if self.out_of_area:
            details.append(translated("{n} outside the project's areas").format(n=self.out_of_area))
        if details:
            kept += f" ({', '.join(details)})"
        parts = [kept]
        if self.repaired:
            parts.append(translated("{n} repaired").format(n=len(self.repaired)))
        parts.append(translated("{n} rejected").format(n=len(self.rejected)))
        return f"{self.file}: " + ", ".join(parts)

    def lines(self, limit: int | None = 50) -> list[str]:
        """Human-readable report lines, most important first."""
        out = [self.summary()]
        out += ["  " + translated("note: {note}").format(note=n) for n in self.notes]
        out += self.category_lines(limit)
        if self.kind == "assets" and self.match_key and not self.reimport:
            out.append(
                "  "
                + translated("importing this file again matches rows by {key}").format(
                    key=self.match_key
                )
            )
        for title, issues in (
            (translated("no longer in the file (kept in the project):"), self.missing),
            (translated("updated:"), self.changed_rows),
            (translated("rejected:"), self.rejected),
            (translated("unplaced (kept, place them later):"), self.unplaced),
            (translated("repaired:"), self.repaired),
        ):
            if not issues:
                continue
            out.append(f"  {title}")
            shown = issues if limit is None else issues[:limit]
            out += [f"    {i.describe(self.file)}" for i in shown]
            if limit is not None and len(issues) > limit:
                more = translated("… and {n} more").format(n=len(issues) - limit)
                out.append(f"    {more}")
        return out

    def category_lines(self, limit: int | None = _CATEGORY_LINES) -> list[str]:
        """The value -> category mapping the import applied, one line per value."""
        if not self.categories:
            return []
        shown = self.categories if limit is None else self.categories[:limit]
        out = ["  " + translated("categories (value in the file → category):")]
        out += [f"    {use.describe()}" for use in shown]
        if len(shown) < len(self.categories):
            rest = self.categories[len(shown) :]
            rows = sum(u.rows for u in rest)
            more = translated("… and {n} more values ({rows:,} rows)")
            out.append("    " + more.format(n=len(rest), rows=rows))
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
