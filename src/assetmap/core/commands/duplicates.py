"""Resolving a likely duplicate: merge the two assets, or remember they are not one.

A merge is built from the ordinary asset commands (edit, move, delete) plus a photo's move,
so the change feed says exactly what happened to each asset and undo restores both. The
merged-away asset stays as a tombstone whose extra field ``merged_into`` names the kept
one, so its history (and a later merge of copies) can still find where it went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from assetmap.core import assets, duplicates
from assetmap.core import attachments as store
from assetmap.core.changelog import Change
from assetmap.core.commands.assets import DeleteAsset, EditAsset, MoveAsset
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.model import Asset
from assetmap.core.project import Project

MERGED_INTO = "merged_into"


@dataclass
class MarkNotDuplicate(Command):
    """Remember that two assets are different places, so the finder stops pairing them."""

    uuid_a: str
    uuid_b: str
    name: ClassVar[str] = "mark_not_duplicate"
    _was_marked: bool = field(default=False, repr=False)

    @property
    def text(self) -> str:
        return translated("Mark as not a duplicate")

    def _target(self) -> str:
        a, b = duplicates.ordered(self.uuid_a, self.uuid_b)
        return f"not_duplicate:{a}:{b}"

    def apply(self, project: Project) -> list[Change]:
        if self.uuid_a == self.uuid_b:
            raise BadInputError(translated("an asset cannot be a duplicate of itself"))
        pair = duplicates.ordered(self.uuid_a, self.uuid_b)
        self._was_marked = pair in duplicates.not_duplicates(project)
        duplicates.remember_not_duplicate(project, self.uuid_a, self.uuid_b, by=project.author)
        return [Change(self._target(), None, {"decided_by": project.author})]

    def revert(self, project: Project) -> list[Change]:
        # Marked already (in another window, or twice): undo leaves the earlier decision.
        if not self._was_marked:
            duplicates.forget_not_duplicate(project, self.uuid_a, self.uuid_b)
        return [Change(self._target(), {"decided_by": project.author}, None)]


@dataclass
class _MovePhoto(Command):
    """A photo handed from one asset to another (part of a merge)."""

    attachment_id: int
    from_uuid: str
    to_uuid: str
    name: ClassVar[str] = "move_attachment"

    @property
    def text(self) -> str:
        return translated("Move photo")

    def apply(self, project: Project) -> list[Change]:
        return self._move(project, self.from_uuid, self.to_uuid)

    def revert(self, project: Project) -> list[Change]:
        return self._move(project, self.to_uuid, self.from_uuid)

    def _move(self, project: Project, source: str, target: str) -> list[Change]:
        store.set_asset(project, self.attachment_id, target)
        for uuid in (source, target):
            project.notify(project.events.assets_changed, uuids=(uuid,), kind="changed")
        return [
            Change(
                f"attachment:{self.attachment_id}",
                {"asset_uuid": source},
                {"asset_uuid": target},
                uuid=target,
            )
        ]


@dataclass
class MergeAssets(Command):
    """Merge ``other`` into ``keep``: every field from both, ``choices`` deciding where both
    have a different value (field name -> "keep", "other" or the value to use)."""

    keep: str
    other: str
    choices: dict[str, Any] = field(default_factory=dict)
    name: ClassVar[str] = "merge_assets"
    _parts: CommandGroup | None = field(default=None, repr=False)
    _names: tuple[str, str] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        # Worded when shown, so Edit > Undo follows the language chosen since.
        if self._names is None:
            return translated("Merge duplicate assets")
        other, keep = self._names
        return translated("Merge '{other}' into '{keep}'").format(other=other, keep=keep)

    def apply(self, project: Project) -> list[Change]:
        # Built once from the assets as they are at the first apply; redo replays the
        # same parts, which check themselves that nobody changed the assets since.
        if self._parts is None:
            self._parts = CommandGroup(self._build(project), self.text)
        return self._parts.apply(project)

    def revert(self, project: Project) -> list[Change]:
        assert self._parts is not None
        return self._parts.revert(project)

    def _build(self, project: Project) -> list[Command]:
        keep, other = _live(project, self.keep), _live(project, self.other)
        if keep.uuid == other.uuid:
            raise BadInputError(translated("an asset cannot be merged with itself"))
        self._names = (other.name, keep.name)
        parts: list[Command] = []
        values = duplicates.merged_values(keep, other, self.choices)
        if values:
            parts.append(EditAsset(keep.uuid, values))
        if not keep.placed and other.placed:
            parts.append(MoveAsset(keep.uuid, other.x, other.y))
        parts += [
            _MovePhoto(info.id, other.uuid, keep.uuid)
            for info in store.list_for(project, other.uuid, include_deleted=True)
        ]
        parts.append(EditAsset(other.uuid, {"custom": {**other.custom, MERGED_INTO: keep.uuid}}))
        parts.append(DeleteAsset(other.uuid))
        return parts


def _live(project: Project, uuid: str) -> Asset:
    found = assets.find(project, uuid)
    if found is None or found.deleted:
        raise BadInputError(
            translated("there is no asset with id {uuid} to merge").format(uuid=uuid)
        )
    return found
