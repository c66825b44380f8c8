"""A merge in words (the CLI prints these lines; a dialog can show them) and as CSV rows:
what was added, updated, deleted, and each conflict with how it was resolved."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.core import gpkg, output
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.merge.outlines import OUTLINE
from assetmap.core.merge.values import POSITION

if TYPE_CHECKING:
    from assetmap.core.merge.category_plan import CategoryChange
    from assetmap.core.merge.plan import Conflict, MergePlan

__all__ = ["CSV_COLUMNS", "report_lines", "report_rows", "shown", "write_csv"]

CSV_COLUMNS = ("change", "uuid", "name", "field", "base", "mine", "theirs", "result")
_SHOWN = 8  # items listed under each heading before "and N more"


def shown(field: str, value: Any) -> str:
    """A value as people read it: text quoted, a point as its coordinates, nothing as '(empty)'."""
    if field == OUTLINE:
        return _outline_words(value)
    if value is None or value == () or value == {}:
        return "(not placed)" if field == POSITION else "(empty)"
    if field == POSITION:
        return f"({value[0]:.1f}, {value[1]:.1f})"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return f"'{value}'"


def _outline_words(blob: bytes | None) -> str:
    shape = None if blob is None else gpkg.decode([bytes(blob)])[0]
    if shape is None or shape.is_empty:
        return "(no outline)"
    return f"an outline of {shape.area:,.0f} m²"


def resolution_words(plan: MergePlan, conflict: Conflict, chosen: Mapping[Any, Any]) -> str:
    pick = plan.choice(conflict, chosen)
    how = "" if conflict.key in chosen else f" (--prefer {plan.prefer})"
    if pick is None:
        return "not resolved"
    if pick == "mine":
        return f"kept mine{how}"
    if pick == "theirs":
        return f"took theirs{how}"
    return f"set to {shown(conflict.field, pick)}"


def report_lines(plan: MergePlan, chosen: Mapping[tuple[str, str], Any]) -> list[str]:
    split = plan.divergence
    lines = [
        f"Merging {plan.other_path.name} ({plan.other.copy_label or 'a copy'}, copy id "
        f"{plan.other.copy_id[:8]}) into {plan.this_path.name}: the copies diverged after "
        f"change {split.this_seq} here and {split.other_seq} there ({split.how})"
    ]
    if plan.is_empty:
        return [*lines, "Nothing to merge: this project already has every change in it."]
    lines += _section(
        f"Added: {_n(len(plan.added), 'asset')}", [f"  + '{a.name}'" for a in plan.added]
    )
    updated = plan.updated
    assets = len({u.uuid for u in updated})
    lines += _section(
        f"Updated: {_n(len(updated), 'field')} on {_n(assets, 'asset')}",
        [
            f"  ~ '{u.name}' {u.field}: {shown(u.field, u.mine)} -> {shown(u.field, u.theirs)}"
            for u in updated
        ],
    )
    lines += _section(
        f"Deleted: {_n(len(plan.deleted), 'asset')}", [f"  - '{u.name}'" for u in plan.deleted]
    )
    lines += _section(
        f"Photos added: {len(plan.photos_added)}; removed: {len(plan.photos_removed)}",
        [f"  + {p.file_name}" for p in plan.photos_added]
        + [f"  - {p.file_name}" for p in plan.photos_removed],
    )
    lines += _section(
        f"Site outlines replaced: {len(plan.outlines)}",
        [f"  ~ '{o.name}' outline" for o in plan.outlines],
    )
    lines += _section(
        f"Categories added, changed or removed: {len(plan.categories)}",
        [_category_line(c) for c in plan.categories]
        + [f"  = {why}" for why in plan.categories_kept],
    )
    lines += _section(
        f"Area sets added: {len(plan.area_sets)}; indicators added: {len(plan.indicators)}",
        [f"  + {s.info.name} ({len(s.frame)} areas)" for s in plan.area_sets]
        + [f"  + {i.label} ({i.area_set})" for i in plan.indicators],
    )
    lines += _section(
        f"Conflicts: {len(plan.conflicts)}",
        [
            f"  ! '{c.name}' {c.field}: was {shown(c.field, c.base)}, mine "
            f"{shown(c.field, c.mine)}, theirs {shown(c.field, c.theirs)}: "
            f"{resolution_words(plan, c, chosen)}"
            for c in plan.conflicts
        ],
    )
    return lines


def _category_line(change: CategoryChange) -> str:
    if change.mine is None:
        return f"  + {change.theirs_label}"
    if change.theirs is None:
        return f"  - {change.mine_label} (deleted in the other copy, used by no asset here)"
    if change.fields == ["label"]:
        return f"  ~ {change.mine_label} -> {change.theirs_label}"
    return f"  ~ {change.mine_label}: {', '.join(change.fields)}"


def _section(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    more = [f"  ... and {len(items) - _SHOWN} more"] if len(items) > _SHOWN else []
    return [heading, *items[:_SHOWN], *more]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def report_rows(plan: MergePlan, chosen: Mapping[tuple[str, str], Any]) -> list[list[str]]:
    """Every change, one per row, nothing cut short (the CSV a coordinator keeps)."""
    rows = [["added", a.uuid, a.name, "", "", "", "", "added"] for a in plan.added]
    rows += [
        [
            "deleted" if u in plan.deleted else "updated",
            u.uuid,
            u.name,
            u.field,
            "",
            shown(u.field, u.mine),
            shown(u.field, u.theirs),
            "took theirs",
        ]
        for u in plan.updates
    ]
    rows += [
        ["photo added", p.asset_uuid, "", p.file_name, "", "", "", "added"]
        for p in plan.photos_added
    ]
    rows += [
        ["photo removed", p.asset_uuid, "", p.file_name, "", "", "", "removed"]
        for p in plan.photos_removed
    ]
    rows += [
        ["outline", o.uuid, o.name, OUTLINE, "", shown(OUTLINE, o.mine), shown(OUTLINE, o.theirs),
         "took theirs"]
        for o in plan.outlines
    ]  # fmt: skip
    rows += [_category_row(c) for c in plan.categories]
    rows += [["area set", "", s.info.name, "", "", "", "", "added"] for s in plan.area_sets]
    rows += [["indicator", "", i.area_set, i.column, "", "", "", "added"] for i in plan.indicators]
    rows += [
        [
            "conflict",
            c.uuid,
            c.name,
            c.field,
            shown(c.field, c.base),
            shown(c.field, c.mine),
            shown(c.field, c.theirs),
            resolution_words(plan, c, chosen),
        ]
        for c in plan.conflicts
    ]
    return rows


def _category_row(change: CategoryChange) -> list[str]:
    if change.mine is None or change.theirs is None:
        added = change.mine is None
        label = change.theirs_label if added else change.mine_label
        result = "added" if added else "removed"
        return ["category", change.key, label or "", "", "", "", "", result]
    fields = change.fields
    mine = "; ".join(shown(f, getattr(change.mine, f)) for f in fields)
    theirs = "; ".join(shown(f, getattr(change.theirs, f)) for f in fields)
    name = change.theirs_label or ""
    return ["category", change.key, name, ", ".join(fields), "", mine, theirs, "took theirs"]


def write_csv(
    plan: MergePlan, chosen: Mapping[tuple[str, str], Any], path: str | Path, field: str | None
) -> Path:
    """The whole report at ``path`` (cells a spreadsheet would run as formulas
    neutralised), or nothing there and any older file kept, on failure."""
    path = output.check_target(path, field)
    staged = output.Staged(field)
    try:
        with staged.open(path, newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows([neutralise(c) for c in row] for row in report_rows(plan, chosen))
        staged.commit()
    except OSError as exc:
        raise output.write_error(exc, path, field) from exc
    finally:
        staged.discard()
    return path
