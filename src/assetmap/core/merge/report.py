"""A merge in words (the CLI prints these lines; a dialog can show them) and as CSV rows:
what was added, updated, deleted, and each conflict with how it was resolved."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.core import gpkg, output
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.merge.outlines import OUTLINE
from assetmap.core.merge.values import POSITION

if TYPE_CHECKING:
    from assetmap.core.merge.category_plan import CategoryChange
    from assetmap.core.merge.plan import Conflict, MergePlan

__all__ = ["CSV_COLUMNS", "report_lines", "report_rows", "shown", "write_csv"]

CSV_COLUMNS = ("change", "uuid", "name", "field", "base", "mine", "theirs", "result")
_SHOWN = 8  # items listed under each heading before "and N more"
# How the copies' common point was found: the words code compares stay English in the plan
# (Divergence.how) and are translated only where a person reads them.
_HOW = {
    "last merge": translatable("last merge"),
    "their last merge": translatable("their last merge"),
    "copied from this": translatable("copied from this"),
    "copied from it": translatable("copied from it"),
    "shared history": translatable("shared history"),
}


def shown(field: str, value: Any) -> str:
    """A value as people read it: text quoted, a point as its coordinates, nothing as '(empty)'."""
    if field == OUTLINE:
        return _outline_words(value)
    if value is None or value == () or value == {}:
        return translated("(not placed)") if field == POSITION else translated("(empty)")
    if field == POSITION:
        return f"({value[0]:.1f}, {value[1]:.1f})"
    if isinstance(value, bool):
        return translated("yes") if value else translated("no")
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return f"'{value}'"


def _outline_words(blob: bytes | None) -> str:
    shape = None if blob is None else gpkg.decode([bytes(blob)])[0]
    if shape is None or shape.is_empty:
        return translated("(no outline)")
    return translated("an outline of {area:,.0f} m²").format(area=shape.area)


def resolution_words(plan: MergePlan, conflict: Conflict, chosen: Mapping[Any, Any]) -> str:
    pick = plan.choice(conflict, chosen)
    by_default = conflict.key not in chosen
    if pick is None:
        return translated("not resolved")
    if pick == "mine" and by_default:
        return translated("kept mine (--prefer {prefer})").format(prefer=plan.prefer)
    if pick == "mine":
        return translated("kept mine")
    if pick == "theirs" and by_default:
        return translated("took theirs (--prefer {prefer})").format(prefer=plan.prefer)
    if pick == "theirs":
        return translated("took theirs")
    return translated("set to {value}").format(value=shown(conflict.field, pick))


def report_lines(plan: MergePlan, chosen: Mapping[tuple[str, str], Any]) -> list[str]:
    split = plan.divergence
    head = translated(
        "Merging {other} ({label}, copy id {copy_id}) into {this}: the copies diverged after "
        "change {this_seq} here and {other_seq} there ({how})"
    )
    lines = [
        head.format(
            other=plan.other_path.name,
            label=plan.other.copy_label or translated("a copy"),
            copy_id=plan.other.copy_id[:8],
            this=plan.this_path.name,
            this_seq=split.this_seq,
            other_seq=split.other_seq,
            how=translated(_HOW[split.how]) if split.how in _HOW else split.how,
        )
    ]
    if plan.is_empty:
        return [
            *lines,
            translated("Nothing to merge: this project already has every change in it."),
        ]
    lines += _section(
        translated("Added: {assets}").format(assets=_n_assets(len(plan.added))),
        [f"  + '{a.name}'" for a in plan.added],
    )
    updated = plan.updated
    assets = len({u.uuid for u in updated})
    lines += _section(
        translated("Updated: {fields} on {assets}").format(
            fields=_n_fields(len(updated)), assets=_n_assets(assets)
        ),
        [
            f"  ~ '{u.name}' {u.field}: {shown(u.field, u.mine)} -> {shown(u.field, u.theirs)}"
            for u in updated
        ],
    )
    lines += _section(
        translated("Deleted: {assets}").format(assets=_n_assets(len(plan.deleted))),
        [f"  - '{u.name}'" for u in plan.deleted],
    )
    lines += _section(
        translated("Photos added: {added}; removed: {removed}").format(
            added=len(plan.photos_added), removed=len(plan.photos_removed)
        ),
        [f"  + {p.file_name}" for p in plan.photos_added]
        + [f"  - {p.file_name}" for p in plan.photos_removed],
    )
    lines += _section(
        translated("Site outlines replaced: {n}").format(n=len(plan.outlines)),
        [translated("  ~ '{name}' outline").format(name=o.name) for o in plan.outlines],
    )
    lines += _section(
        translated("Categories added, changed or removed: {n}").format(n=len(plan.categories)),
        [_category_line(c) for c in plan.categories]
        + [f"  = {why}" for why in plan.categories_kept],
    )
    lines += _section(
        translated("Area sets added: {sets}; indicators added: {indicators}").format(
            sets=len(plan.area_sets), indicators=len(plan.indicators)
        ),
        [
            translated("  + {name} ({n} areas)").format(name=s.info.name, n=len(s.frame))
            for s in plan.area_sets
        ]
        + [f"  + {i.label} ({i.area_set})" for i in plan.indicators],
    )
    lines += _section(
        translated("Conflicts: {n}").format(n=len(plan.conflicts)),
        [_conflict_line(plan, c, chosen) for c in plan.conflicts],
    )
    return lines


def _conflict_line(plan: MergePlan, c: Conflict, chosen: Mapping[Any, Any]) -> str:
    line = translated("  ! '{name}' {field}: was {base}, mine {mine}, theirs {theirs}: {result}")
    return line.format(
        name=c.name,
        field=c.field,
        base=shown(c.field, c.base),
        mine=shown(c.field, c.mine),
        theirs=shown(c.field, c.theirs),
        result=resolution_words(plan, c, chosen),
    )


def _category_line(change: CategoryChange) -> str:
    if change.mine is None:
        return f"  + {change.theirs_label}"
    if change.theirs is None:
        gone = translated("  - {label} (deleted in the other copy, used by no asset here)")
        return gone.format(label=change.mine_label)
    if change.fields == ["label"]:
        return f"  ~ {change.mine_label} -> {change.theirs_label}"
    return f"  ~ {change.mine_label}: {', '.join(change.fields)}"


def _section(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    more = (
        [translated("  ... and {n} more").format(n=len(items) - _SHOWN)]
        if len(items) > _SHOWN
        else []
    )
    return [heading, *items[:_SHOWN], *more]


def _n_assets(count: int) -> str:
    if count == 1:
        return translated("{n} asset").format(n=count)
    return translated("{n} assets").format(n=count)


def _n_fields(count: int) -> str:
    if count == 1:
        return translated("{n} field").format(n=count)
    return translated("{n} fields").format(n=count)


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
    """The whole report at ``path``, or nothing there and any older file kept, on failure."""
    return write_rows(report_rows(plan, chosen), path, field)


def write_rows(rows: list[list[str]], path: str | Path, field: str | None) -> Path:
    """Report rows under the report's columns (cells a spreadsheet would run as formulas
    neutralised), staged so a failure leaves nothing half-written; the sync report too."""
    path = output.check_target(path, field)
    staged = output.Staged(field)
    try:
        with staged.open(path, newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows([neutralise(c) for c in row] for row in rows)
        staged.commit()
    except OSError as exc:
        raise output.write_error(exc, path, field) from exc
    finally:
        staged.discard()
    return path
