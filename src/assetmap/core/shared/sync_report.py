"""A sync in words and as CSV: what comes down (the merge's own report of the pull) and what
goes up, so the CLI, a dry run and the window tell it the same way."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assetmap.core.i18n import translated
from assetmap.core.merge.report import report_lines, report_rows, write_rows
from assetmap.core.shared.sync_plan import PushPlan

_SHOWN = 8


def sync_lines(
    pull: Any, push: PushPlan, chosen: Mapping[tuple[str, str], Any], *, can_push: bool
) -> list[str]:
    """Down then up; ``pull`` is the sync's merge plan."""
    down = report_lines(pull, chosen)[1:]
    nothing = "  " + translated("nothing new")
    lines = [translated("From the server:")]
    lines += [f"  {line}" for line in down] if down else [nothing]
    if pull.is_empty:
        lines[1:] = [nothing]
    if can_push:
        lines.append(translated("To the server:"))
    else:
        lines.append(translated("To the server (not sent: read-only role):"))
    lines += [f"  {line}" for line in push_lines(push)]
    return lines


def push_lines(push: PushPlan) -> list[str]:
    if push.is_empty:
        return [translated("nothing to send")]
    new = [a for a in push.assets if a.is_new]
    changed = [a for a in push.assets if not a.is_new]
    lines = [translated("new assets: {n}").format(n=len(new))]
    lines += [f"  + '{a.name}'" for a in new[:_SHOWN]]
    lines += _more(len(new))
    lines += [translated("changed assets: {n}").format(n=len(changed))]
    lines += [f"  ~ '{a.name}': {', '.join(_fields(a.values, a.moves))}" for a in changed[:_SHOWN]]
    lines += _more(len(changed))
    counts = translated("site outlines: {outlines}; photos: {photos}; categories: {categories}")
    lines += [
        counts.format(
            outlines=len(push.outlines), photos=len(push.photos), categories=len(push.categories)
        )
    ]
    added = translated("  + category '{label}'")
    lines += [added.format(label=c.after.label) for c in push.categories if c.before is None]
    return lines


def _fields(values: dict[str, Any], moves: bool) -> list[str]:
    names = [n for n in values if n != "updated_at"]
    return names + ([translated("position")] if moves else [])


def _more(n: int) -> list[str]:
    return [translated("  and {n} more").format(n=n - _SHOWN)] if n > _SHOWN else []


def write_csv(
    pull: Any,
    push: PushPlan,
    chosen: Mapping[tuple[str, str], Any],
    path: str | Path,
    field: str | None,
) -> Path:
    """Every change each way (the merge report's columns; pushed rows say "sent"), or
    nothing at ``path`` on failure."""
    return write_rows(report_rows(pull, chosen) + _push_rows(push), path, field)


def _push_rows(push: PushPlan) -> list[list[str]]:
    rows = []
    for a in push.assets:
        kind = "sent new" if a.is_new else "sent"
        for name in _fields(a.values, a.moves) if not a.is_new else [""]:
            was = "" if a.before is None else str(a.before.get(name, ""))
            now = "" if a.is_new else str(a.values.get(name, ""))
            rows.append([kind, a.uuid, a.name, name, "", was, now, "sent"])
    rows += [["sent outline", o.uuid, "", "outline", "", "", "", "sent"] for o in push.outlines]
    rows += [["sent photo", p.asset_uuid, p.file_name, "deleted" if p.data is None else "",
              "", "", str(p.deleted), "sent"] for p in push.photos]  # fmt: skip
    rows += [["sent category", c.key, c.after.label, "", "", "", "", "sent"]
             for c in push.categories]  # fmt: skip
    return rows
