"""Commands for an asset's photos: add and remove (group them with the asset edit in a
``CommandGroup`` so one undo takes back a whole form).

The change log gets each photo's file name, size and SHA-256 rather than its bytes:
enough to tell photos apart when merging, without doubling the file's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from assetmap.core import assets, gpkg
from assetmap.core import attachments as store
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project


def _target(attachment_id: int) -> str:
    return f"attachment:{attachment_id}"


def _changed(project: Project, asset_uuid: str) -> None:
    # Photos are part of what a user sees of an asset, so views refresh its card.
    project.notify(project.events.assets_changed, uuids=(asset_uuid,), kind="changed")


def _summary(asset_uuid: str, file_name: str, mime_type: str, data: bytes) -> dict[str, Any]:
    return {
        "asset_uuid": asset_uuid,
        "file_name": file_name,
        "mime_type": mime_type,
        "size": len(data),
        "sha256": store.sha256(data),
    }


def _require_live_asset(project: Project, uuid: str) -> None:
    asset = assets.find(project, uuid)
    if asset is None or asset.deleted:
        message = translated("there is no asset with id {uuid} to attach a photo to")
        raise BadInputError(message.format(uuid=uuid), field="photos")


@dataclass
class AddAttachment(Command):
    """Attach an image; its type is taken from its bytes, whatever ``mime_type`` claims."""

    asset_uuid: str
    file_name: str
    data: bytes = field(repr=False)
    mime_type: str | None = None
    name: ClassVar[str] = "add_attachment"
    attachment_id: int | None = field(default=None, repr=False)
    _created: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return translated("Add photo '{name}'").format(name=store.clean_file_name(self.file_name))

    def apply(self, project: Project) -> list[Change]:
        _require_live_asset(project, self.asset_uuid)
        mime = store.check_image(self.file_name, self.data)
        file_name = store.clean_file_name(self.file_name)
        self._created = self._created or gpkg.utc_now()
        self.attachment_id = store.insert(
            project,
            asset_uuid=self.asset_uuid,
            file_name=file_name,
            mime_type=mime,
            data=self.data,
            created_at=self._created,
            attachment_id=self.attachment_id,
        )
        _changed(project, self.asset_uuid)
        summary = _summary(self.asset_uuid, file_name, mime, self.data)
        return [Change(_target(self.attachment_id), None, summary, uuid=self.asset_uuid)]

    def revert(self, project: Project) -> list[Change]:
        assert self.attachment_id is not None
        info = store.get(project, self.attachment_id)
        summary = _summary(self.asset_uuid, info.file_name, info.mime_type, self.data)
        store.purge(project, self.attachment_id)
        _changed(project, self.asset_uuid)
        return [Change(_target(self.attachment_id), summary, None, uuid=self.asset_uuid)]


@dataclass
class RemoveAttachment(Command):
    """Soft delete: the photo stays as a tombstone so undo and merging can see it."""

    attachment_id: int
    name: ClassVar[str] = "remove_attachment"
    _label: str = field(default="", repr=False)

    @property
    def text(self) -> str:
        if self._label:
            return translated("Remove photo '{name}'").format(name=self._label)
        return translated("Remove photo")

    def apply(self, project: Project) -> list[Change]:
        info = self._info(project)
        if info.deleted:
            message = translated("the photo '{name}' is already removed")
            raise BadInputError(message.format(name=info.file_name), field="photos")
        self._label = info.file_name
        return self._set(project, info, deleted=True)

    def revert(self, project: Project) -> list[Change]:
        return self._set(project, self._info(project), deleted=False)

    def _info(self, project: Project) -> store.AttachmentInfo:
        try:
            return store.get(project, self.attachment_id)
        except KeyError as exc:
            message = translated("there is no photo with id {id}").format(id=self.attachment_id)
            raise BadInputError(message, field="photos") from exc

    def _set(self, project: Project, info: store.AttachmentInfo, *, deleted: bool) -> list[Change]:
        store.set_deleted(project, info.id, deleted)
        _changed(project, info.asset_uuid)
        summary = _summary(
            info.asset_uuid, info.file_name, info.mime_type, store.data(project, info.id)
        )
        before = {**summary, "deleted": not deleted}
        after = {**summary, "deleted": deleted}
        return [Change(_target(info.id), before, after, uuid=info.asset_uuid)]
