"""Reading and writing the project's category table (the editable taxonomy)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from assetmap.core.category_match import CategoryMatcher, same_name
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import (
    DEFAULT_REVIEW_MONTHS,
    GROUP_COLOURS,
    SYMBOLS,
    UNCATEGORISED,
    Category,
    group_colour,
)

_COLUMNS = (
    "key, label, group_name, colour, symbol, personal_data, sort_order, description, synonyms, "
    "review_months"
)


def all_categories(project: Project) -> list[Category]:
    return list(project.cached("categories", lambda: read_all(project.conn)))


def read_all(conn: sqlite3.Connection) -> list[Category]:
    """From any connection: another copy of the project read for a merge, too, or the
    shared server's categories, which have no review interval (the default stands in)."""
    rows = conn.execute(f"SELECT {_columns_of(conn)} FROM am_categories ORDER BY sort_order, label")
    return [_row_to_category(r) for r in rows.fetchall()]


def _columns_of(conn: sqlite3.Connection) -> str:
    names = {str(r[1]) for r in conn.execute("PRAGMA table_info(am_categories)")}
    if "review_months" in names:
        return _COLUMNS
    return _COLUMNS.replace("review_months", f"{DEFAULT_REVIEW_MONTHS} AS review_months")


def by_key(project: Project) -> dict[str, Category]:
    return {c.key: c for c in all_categories(project)}


def get(project: Project, key: str) -> Category:
    row = project.conn.execute(
        f"SELECT {_columns_of(project.conn)} FROM am_categories WHERE key = ?", (key,)
    ).fetchone()
    if row is None:
        raise KeyError(f"no category '{key}'")
    return _row_to_category(row)


def _row_to_category(row: tuple[Any, ...]) -> Category:
    key, label, group, colour, symbol, personal, order, description, synonyms, months = row
    return Category(
        key=key,
        label=label,
        group=group,
        colour=colour,
        symbol=symbol,
        personal_data=bool(personal),
        sort_order=int(order),
        description=description or "",
        synonyms=synonyms_from_text(synonyms),
        review_months=int(months) if months else DEFAULT_REVIEW_MONTHS,
    )


def synonyms_from_text(text: str | None) -> tuple[str, ...]:
    """Stored as a JSON list so a synonym may hold any punctuation ("Tenants', residents')."""
    if not text:
        return ()
    try:
        values = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(v) for v in values if str(v).strip()) if isinstance(values, list) else ()


def synonyms_to_text(synonyms: tuple[str, ...]) -> str | None:
    return json.dumps(list(synonyms), ensure_ascii=False) if synonyms else None


def _values(category: Category) -> tuple[object, ...]:
    return (
        category.label,
        category.group,
        category.colour,
        category.symbol,
        int(category.personal_data),
        category.sort_order,
        category.description,
        synonyms_to_text(category.synonyms),
        category.review_months,
    )


def insert(project: Project, category: Category) -> None:
    project.conn.execute(
        f"INSERT INTO am_categories ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (category.key, *_values(category)),
    )


def update(project: Project, category: Category) -> None:
    cursor = project.conn.execute(
        "UPDATE am_categories SET label = ?, group_name = ?, colour = ?, symbol = ?, "
        "personal_data = ?, sort_order = ?, description = ?, synonyms = ?, review_months = ? "
        "WHERE key = ?",
        (*_values(category), category.key),
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no category '{category.key}'")


def delete(project: Project, key: str) -> None:
    project.conn.execute("DELETE FROM am_categories WHERE key = ?", (key,))


def slug(text: str) -> str:
    """A stable key from a label: 'Tenants' groups!' -> 'tenants_groups'."""
    value = re.sub(r"[^0-9a-z]+", "_", text.strip().lower()).strip("_")
    return value or "category"


def unique_key(project: Project, label: str) -> str:
    existing = {c.key for c in all_categories(project)}
    base = slug(label)
    key, n = base, 2
    while key in existing:
        key, n = f"{base}_{n}", n + 1
    return key


def new_category(project: Project, label: str, group: str = "Other") -> Category:
    """A category for a value met in an import: grey-ish group colour, next free shape."""
    cats = all_categories(project)
    in_group = [c for c in cats if c.group == group]
    return Category(
        key=unique_key(project, label),
        label=label.strip(),
        group=group,
        colour=group_colour(group) or GROUP_COLOURS["Other"],
        symbol=SYMBOLS[len(in_group) % len(SYMBOLS)],
        sort_order=max((c.sort_order for c in cats), default=0) + 1,
    )


def matcher(project: Project) -> CategoryMatcher:
    """Matches imported values to the project's categories by name, plural and synonym."""
    return CategoryMatcher(all_categories(project))


def resolve(project: Project, text: str) -> Category | None:
    """Find a category by key or label, ignoring case and punctuation (strict: for names the
    user typed for a category, not values from a file; those go through ``matcher``)."""
    wanted = slug(text)
    for c in all_categories(project):
        if wanted in (c.key, slug(c.label)):
            return c
    return None


def name_owner(project: Project, text: str, besides: str | None = None) -> Category | None:
    """The category (other than ``besides``) that already goes by ``text``: its label, key or
    a synonym, plurals and punctuation aside. A second category with that name would make
    every value using it ambiguous."""
    for category in all_categories(project):
        if category.key == besides:
            continue
        if any(same_name(text, n) for n in (category.label, category.key, *category.synonyms)):
            return category
    return None


def flagged_count(project: Project, key: str) -> int:
    """Live assets of a category flagged as personal data (what unmarking it would affect)."""
    row = project.conn.execute(
        f"SELECT count(*) FROM {ASSETS_TABLE} WHERE category = ? AND personal_data = 1 "
        "AND deleted = 0",
        (key,),
    ).fetchone()
    return int(row[0])


def uncategorised(project: Project) -> Category:
    return get(project, UNCATEGORISED)
