"""Merging another copy of the project into this one (issue 12): ``plan_merge`` works out
what would change (the dry run), ``MergeCopy`` does it as one undoable command.

base: the other copy, read-only, and where the two diverged; values: one form for field
values and the three-way decision; plan: the plan; apply: the command; report: the plan in
words and as CSV.
"""

from __future__ import annotations

from assetmap.core.merge.apply import MergeCopy
from assetmap.core.merge.plan import (
    PREFERENCES,
    CategoryChange,
    Conflict,
    FieldUpdate,
    MergePlan,
    NewAsset,
    Photo,
    plan_merge,
)

__all__ = [
    "PREFERENCES",
    "CategoryChange",
    "Conflict",
    "FieldUpdate",
    "MergeCopy",
    "MergePlan",
    "NewAsset",
    "Photo",
    "plan_merge",
]
