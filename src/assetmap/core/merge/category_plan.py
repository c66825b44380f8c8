"""Categories in a merge, matched by key (a renamed category keeps its key, so a rename on
one side finds the category on the other).

Every field of a category (its name, group, colour, symbol, personal-data mark, order,
description, other names) is weighed three ways like an asset's: changed on one side only,
it takes that side's value; changed on both to different values, it is a conflict (uuid
``category:<key>``). A category new on the other side is added. One deleted on one side
since the copies diverged is deleted on the other too, unless assets there still use it
(then it stays, and the report says why); one deleted here is not brought back, unless
assets coming in need it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from assetmap.core import categories
from assetmap.core.commands.categories import EDITABLE_FIELDS
from assetmap.core.feed import FeedChange
from assetmap.core.i18n import translated
from assetmap.core.merge.values import CONFLICT, THEIRS, decide
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import Category

__all__ = [
    "CATEGORY_FIELDS",
    "CATEGORY_PREFIX",
    "CategoryChange",
    "CategoryPlan",
    "plan_categories",
    "plan_removals",
]

CATEGORY_PREFIX = "category:"
CATEGORY_FIELDS = EDITABLE_FIELDS


@dataclass(frozen=True)
class CategoryChange:
    """One category as the merge leaves it: new here (``mine`` None), removed here
    (``theirs`` None), or some of its fields taken from the other copy."""

    key: str
    mine: Category | None = field(repr=False)
    theirs: Category | None = field(repr=False)

    @property
    def mine_label(self) -> str | None:
        return None if self.mine is None else self.mine.label

    @property
    def theirs_label(self) -> str | None:
        return None if self.theirs is None else self.theirs.label

    @property
    def fields(self) -> list[str]:
        """The fields taken (an added or removed category: none, it is whole)."""
        if self.mine is None or self.theirs is None:
            return []
        return [f for f in CATEGORY_FIELDS if _value(self.mine, f) != _value(self.theirs, f)]


@dataclass(frozen=True)
class CategoryConflict:
    """A field of one category both copies changed, to different values."""

    key: str
    label: str
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass
class CategoryPlan:
    changes: list[CategoryChange]
    conflicts: list[CategoryConflict]
    kept: list[str]  # why a category deleted on one side stays
    # this copy's categories that have conflicts: resolving one rewrites it from here
    in_conflict: dict[str, Category] = field(default_factory=dict)


def target(key: str) -> str:
    return f"{CATEGORY_PREFIX}{key}"


def key_of(target_text: str) -> str | None:
    if not target_text.startswith(CATEGORY_PREFIX):
        return None
    return target_text[len(CATEGORY_PREFIX) :]


def plan_categories(
    this: sqlite3.Connection,
    other: sqlite3.Connection,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    *,
    theirs_ahead: bool,
) -> CategoryPlan:
    """Categories new or changed on the other side, and conflicts; removals come later
    (``plan_removals``), once it is known which assets will use which category."""
    mine = {c.key: c for c in categories.read_all(this)}
    theirs = {c.key: c for c in categories.read_all(other)}
    mine_hist, theirs_hist = _histories(feeds[0]), _histories(feeds[1])
    plan = CategoryPlan([], [], [])
    for key, other_category in theirs.items():
        here = mine.get(key)
        if here is None:
            if not mine_hist.get(key, _History()).deleted:
                plan.changes.append(CategoryChange(key, None, other_category))
            continue
        _weigh(plan, here, other_category, mine_hist.get(key), theirs_hist.get(key), theirs_ahead)
    return plan


def _weigh(
    plan: CategoryPlan,
    mine: Category,
    theirs: Category,
    mine_hist: _History | None,
    theirs_hist: _History | None,
    theirs_ahead: bool,
) -> None:
    taken: dict[str, Any] = {}
    for name in CATEGORY_FIELDS:
        a, b = _value(mine, name), _value(theirs, name)
        ha = mine_hist.fields.get(name, []) if mine_hist else []
        hb = theirs_hist.fields.get(name, []) if theirs_hist else []
        verdict = decide(a, b, ha, hb, theirs_ahead=theirs_ahead)
        if verdict == THEIRS:
            taken[name] = b
        elif verdict == CONFLICT:
            plan.conflicts.append(CategoryConflict(mine.key, mine.label, name, (ha or hb)[0], a, b))
            plan.in_conflict[mine.key] = mine
    if taken:
        plan.changes.append(CategoryChange(mine.key, mine, with_values(mine, taken)))


def with_values(category: Category, values: dict[str, Any]) -> Category:
    return replace(category, **values)


def plan_removals(
    plan: CategoryPlan,
    this: sqlite3.Connection,
    other: sqlite3.Connection,
    feeds: tuple[list[FeedChange], list[FeedChange]],
    used_after: set[str],
) -> None:
    """Categories deleted on the other side since the copies diverged, removed here too
    when no asset here will use them after the merge and nobody changed them here since.
    A category deleted here that incoming assets need is added back (their category must
    exist)."""
    mine = {c.key: c for c in categories.read_all(this)}
    theirs = {c.key: c for c in categories.read_all(other)}
    mine_hist, theirs_hist = _histories(feeds[0]), _histories(feeds[1])
    for key, here in mine.items():
        gone_there = key not in theirs and theirs_hist.get(key, _History()).deleted
        if not gone_there:
            continue
        if key in used_after:
            still = translated("'{label}' stays: assets here still use it")
            plan.kept.append(still.format(label=here.label))
        elif mine_hist.get(key, _History()).fields:
            changed = translated("'{label}' stays: it was changed here since")
            plan.kept.append(changed.format(label=here.label))
        else:
            plan.changes.append(CategoryChange(key, here, None))
    for key in sorted(used_after - set(mine)):
        if key in theirs and not any(c.key == key for c in plan.changes):
            plan.changes.append(CategoryChange(key, None, theirs[key]))


def used_categories(conn: sqlite3.Connection) -> dict[str, str]:
    """uuid -> category of every asset (deleted ones too: undoing a deletion needs it)."""
    return dict(conn.execute(f"SELECT uuid, category FROM {ASSETS_TABLE}").fetchall())


@dataclass
class _History:
    fields: dict[str, list[Any]] = field(default_factory=dict)
    deleted: bool = False


def _histories(feed: Iterable[FeedChange]) -> dict[str, _History]:
    """key -> each field's value where the copies diverged and every value since, and
    whether the category was deleted (and not added back) since."""
    out: dict[str, _History] = {}
    for change in feed:
        key = key_of(change.target or "")
        if key is None:
            continue
        before, after = change.fields_before, change.fields_after
        history = out.setdefault(key, _History())
        if isinstance(before, dict) and after is None:
            history.deleted = True
            continue
        if before is None and isinstance(after, dict):
            history.deleted = False
        for name in CATEGORY_FIELDS:
            changed = isinstance(after, dict) and name in after
            if changed and isinstance(before, dict) and name in before:
                changed = _canonical(name, before[name]) != _canonical(name, after[name])
            if changed:
                assert isinstance(after, dict)
                values = history.fields.get(name)
                if values is None:
                    values = history.fields[name] = (
                        [_canonical(name, before[name])]
                        if isinstance(before, dict) and name in before
                        else []
                    )
                values.append(_canonical(name, after[name]))
    return out


def _value(category: Category, name: str) -> Any:
    return _canonical(name, getattr(category, name))


def _canonical(name: str, value: Any) -> Any:
    if name == "synonyms":
        return tuple(value or ())
    if name == "personal_data":
        return bool(value)
    if name == "sort_order":
        return int(value or 0)
    if isinstance(value, str):
        return value.strip()
    return value
