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

    def describe(self, file: str | None = None) -> str:
        where = [file] if file else []
        if self.row is not None:
            where.append(f"{self.row_noun} {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


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

    def summary(self) -> str:
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
        for title, issues in (
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

    def as_dict(self) -> dict[str, object]:
        def issues(items: list[RowIssue]) -> list[dict[str, object]]:
            return [{"row": i.row, "field": i.field, "message": i.message} for i in items]

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
        }
