"""Reviewing assets: approve contributions into the map, or reject them, many at once.

Review is apart from verification: approving says "this belongs on the map", while
verified_date says someone checked the asset still exists. Each asset remembers who
reviewed it and when; undo puts back the previous state, reviewer and time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from assetmap.core import assets, gpkg
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.model import REVIEW_STATES
from assetmap.core.project import Project

_REVIEW_COLUMNS = ("review", "reviewed_by", "reviewed_at")
_VERBS = {
    "approved": translatable("Approve '{name}'"),
    "pending": translatable("Mark '{name}' for review"),
    "rejected": translatable("Reject '{name}'"),
}
_VERBS_MANY = {
    "approved": translatable("Approve {n} assets"),
    "pending": translatable("Mark {n} assets for review"),
    "rejected": translatable("Reject {n} assets"),
}


@dataclass
class SetReview(Command):
    """Set the review state of one or many assets (one undo step)."""

    uuids: tuple[str, ...]
    state: str
    name: ClassVar[str] = "set_review"
    _before: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _label: str = field(default="", repr=False)
    _stamps: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.uuids = tuple(dict.fromkeys(self.uuids))

    @property
    def text(self) -> str:
        if len(self.uuids) == 1 and self._label:
            one = _VERBS.get(self.state, translatable("Review '{name}'"))
            return translated(one).format(name=self._label)
        many = _VERBS_MANY.get(self.state, translatable("Review {n} assets"))
        return translated(many).format(n=len(self.uuids))

    def apply(self, project: Project) -> list[Change]:
        if self.state not in REVIEW_STATES:
            message = translated("review must be one of {states}, not '{value}'").format(
                states=", ".join(REVIEW_STATES), value=self.state
            )
            raise BadInputError(message, field="review")
        if not self.uuids:
            raise BadInputError(translated("choose at least one asset to review"))
        current = {u: assets.get(project, u) for u in self.uuids}
        self._label = current[self.uuids[0]].name
        self._before = {u: {c: getattr(a, c) for c in _REVIEW_COLUMNS} for u, a in current.items()}
        after = {"review": self.state, "reviewed_by": project.author, "reviewed_at": gpkg.utc_now()}
        changed = [u for u in self.uuids if self._before[u]["review"] != self.state]
        for uuid in changed:
            assets.update(project, uuid, after, now=after["reviewed_at"])
        self._stamp(project)
        _notify(project, tuple(changed))
        return [Change(f"asset:{u}", self._before[u], after) for u in changed]

    def revert(self, project: Project) -> list[Change]:
        changes = []
        now = gpkg.utc_now()
        for uuid, before in self._before.items():
            if before["review"] == self.state:
                continue
            after = {c: getattr(assets.get(project, uuid), c) for c in _REVIEW_COLUMNS}
            assets.update(project, uuid, before, now=now)
            changes.append(Change(f"asset:{uuid}", after, before))
        self._stamp(project)
        _notify(project, tuple(self._before))
        return changes

    def _stamp(self, project: Project) -> None:
        self._stamps = {u: assets.content_stamp(project, u) for u in self.uuids}

    def undo_conflict(self, project: Project) -> str | None:
        return self._changed_since(project, "undo")

    def redo_conflict(self, project: Project) -> str | None:
        return self._changed_since(project, "redo")

    def _changed_since(self, project: Project, action: str) -> str | None:
        return assets.changed_since(project, self._stamps, action, translated("the review"))


def approve(uuids: Iterable[str]) -> SetReview:
    return SetReview(tuple(uuids), "approved")


def reject(uuids: Iterable[str]) -> SetReview:
    return SetReview(tuple(uuids), "rejected")


def _notify(project: Project, uuids: tuple[str, ...]) -> None:
    if uuids:
        project.notify(project.events.assets_changed, uuids=uuids, kind="changed")


__all__ = ["SetReview", "approve", "reject"]
