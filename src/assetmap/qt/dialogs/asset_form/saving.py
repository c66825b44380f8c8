"""What OK pushes: the form's values as core commands, one undo step for the asset and its
photos, and only the fields the user changed when editing (so the change log and merges see
just that)."""

from __future__ import annotations

from typing import Any

from assetmap.core.commands import AddAsset, EditAsset
from assetmap.core.commands.attachments import AddAttachment, RemoveAttachment
from assetmap.core.commands.base import Command, CommandGroup
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.dialogs.asset_form.photos import PendingPhoto
from assetmap.qt.i18n import translate


def clean(value: Any) -> Any:
    """How the store will keep a value (stripped text, empty as None), for comparisons."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def hours_lines(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def new_asset_command(
    xy: tuple[float, float], values: dict[str, Any], photos: list[PendingPhoto]
) -> Command:
    uuid = new_uuid()
    asset = Asset(uuid=uuid, x=xy[0], y=xy[1], **values)
    attached = [AddAttachment(uuid, p.file_name, p.data) for p in photos]
    if not attached:
        return AddAsset(asset)
    return CommandGroup([AddAsset(asset), *attached], _with_photos_label(asset.name, len(photos)))


def edit_command(
    original: Asset,
    values: dict[str, Any],
    removed: list[int],
    photos: list[PendingPhoto],
) -> Command | None:
    """The edit, the photos removed and the photos added; None when nothing changed."""
    uuid = original.uuid
    changed = changed_values(original, values)
    commands: list[Command] = [EditAsset(uuid, changed)] if changed else []
    commands += [RemoveAttachment(i) for i in removed]
    commands += [AddAttachment(uuid, p.file_name, p.data) for p in photos]
    if len(commands) <= 1:
        return commands[0] if commands else None
    return CommandGroup(
        commands, translate("AssetForm", "Edit '{name}'").format(name=values["name"])
    )


def changed_values(original: Asset, values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if clean(getattr(original, key)) != value}


def added_uuid(command: Command) -> str:
    first = command.commands[0] if isinstance(command, CommandGroup) else command
    assert isinstance(first, AddAsset)
    return first.asset.uuid


def _with_photos_label(name: str, photos: int) -> str:
    """The undo step's name; two English patterns, since English plurals need them."""
    if photos == 1:
        pattern = translate("AssetForm", "Add asset '{name}' with {n} photo")
    else:
        pattern = translate("AssetForm", "Add asset '{name}' with {n} photos")
    return pattern.format(name=name, n=photos)
