"""The merge's words: what a merge would do and did, in a community worker's terms, counted
with the right English plural (Welsh keeps the noun singular after a number)."""

from __future__ import annotations

from assetmap.core.merge import MergePlan
from assetmap.qt.i18n import translate

SUMMARY_ROWS = 7  # the lines of summary_rows


def merged_words(plan: MergePlan) -> str:
    """ "Merged field-copy.gpkg: 12 added, 30 updated, 2 deleted, 3 conflicts resolved"."""
    updated = len({u.uuid for u in plan.updated})
    parts = [
        translate("MergeCopy", "{n} added").format(n=len(plan.added)),
        translate("MergeCopy", "{n} updated").format(n=updated),
        translate("MergeCopy", "{n} deleted").format(n=len(plan.deleted)),
    ]
    if plan.conflicts:
        parts.append(
            _count(
                len(plan.conflicts),
                translate("MergeCopy", "{n} conflict resolved"),
                translate("MergeCopy", "{n} conflicts resolved"),
            )
        )
    return translate("MergeCopy", "Merged {name}: {parts}").format(
        name=plan.other_path.name, parts=", ".join(parts)
    )


def nothing_changed(said: str) -> str:
    """The error's words, ending by saying nothing was changed (most already do, in
    English or in the language the app speaks)."""
    said = said.strip()
    already = {"nothing was changed", translate("MergeCopy", "Nothing was changed").lower()}
    if any(words in said.lower() for words in already):
        return said
    return translate("MergeCopy", "{said}. Nothing was changed.").format(said=said.rstrip("."))


def _count(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated patterns with {n}) for ``n``."""
    return (one if n == 1 else many).format(n=f"{n:,}")


def summary_rows(plan: MergePlan) -> list[tuple[str, str]]:
    """What the merge would do, in a community worker's words (count, then what it means)."""
    updated = len({u.uuid for u in plan.updated} | {o.uuid for o in plan.outlines})
    new_categories = sum(1 for c in plan.categories if c.mine is None)
    removed = sum(1 for c in plan.categories if c.theirs is None)
    changed = len(plan.categories) - new_categories - removed
    other = plan.other_path.name
    return [
        (
            _assets(len(plan.added)),
            translate("MergeCopy", "new in {other}, to be added here").format(other=other),
        ),
        (
            _assets(updated),
            translate("MergeCopy", "changed in {other}, to be updated here").format(other=other),
        ),
        (
            _assets(len(plan.deleted)),
            translate("MergeCopy", "deleted in {other}, to be deleted here").format(other=other),
        ),
        (
            _count(
                len(plan.photos_added),
                translate("MergeCopy", "{n} photo"),
                translate("MergeCopy", "{n} photos"),
            ),
            translate("MergeCopy", "to be added ({removed} removed in {other})").format(
                removed=len(plan.photos_removed), other=other
            ),
        ),
        (
            _count(
                len(plan.categories),
                translate("MergeCopy", "{n} category"),
                translate("MergeCopy", "{n} categories"),
            ),
            translate(
                "MergeCopy", "{new} new, {changed} changed, {removed} removed in {other}"
            ).format(new=new_categories, changed=changed, removed=removed, other=other),
        ),
        (
            _count(
                len(plan.area_sets),
                translate("MergeCopy", "{n} set of areas"),
                translate("MergeCopy", "{n} sets of areas"),
            ),
            translate("MergeCopy", "and {indicators} to be added").format(
                indicators=_count(
                    len(plan.indicators),
                    translate("MergeCopy", "{n} indicator"),
                    translate("MergeCopy", "{n} indicators"),
                )
            ),
        ),
        (
            conflicts_words(len(plan.conflicts)),
            translate(
                "MergeCopy", "fields both copies changed differently: you choose which to keep"
            ),
        ),
    ]


def _assets(n: int) -> str:
    return _count(n, translate("MergeCopy", "{n} asset"), translate("MergeCopy", "{n} assets"))


def conflicts_words(n: int) -> str:
    return _count(
        n, translate("MergeCopy", "{n} conflict"), translate("MergeCopy", "{n} conflicts")
    )
