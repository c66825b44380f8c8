"""How categories are counted and ordered wherever they are listed: by group, taxonomy first."""

from __future__ import annotations

from assetmap.core import summary
from assetmap.core.taxonomy import Category, group_names
from assetmap.qt.session import Session


def category_counts(session: Session) -> dict[str, int]:
    """Live assets per category, placed or not: what 'how many libraries' means to users."""
    return {row["key"]: row["assets"] for row in summary.by_category(session.project)}


def need_counts(session: Session) -> dict[str, int]:
    """Workshop needs per category ("this is missing here"): pins, but not assets."""
    return {row["key"]: row["needs"] for row in summary.by_category(session.project)}


def ordered_categories(cats: list[Category]) -> list[Category]:
    return [c for _group, members in categories_by_group(cats) for c in members]


def categories_by_group(cats: list[Category]) -> list[tuple[str, list[Category]]]:
    """Groups in the taxonomy's order, then any the project added, alphabetically."""
    known = group_names()
    present = list(dict.fromkeys(c.group for c in cats))
    order = [g for g in known if g in present] + sorted(g for g in present if g not in known)
    return [(g, [c for c in cats if c.group == g]) for g in order]
