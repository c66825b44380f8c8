"""Photos attached to assets, kept inside the project file (table am_attachments).

Keeping the bytes in the GeoPackage means the one file a worker hands on carries its
photos too. Only images are accepted, recognised by their first bytes rather than the
file name, so a renamed document never slips in and every stored blob can be shown.
Removed photos stay as tombstones (deleted = 1) so undo and merging can find them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.project import Project

TABLE = "am_attachments"
MAX_BYTES = 10 * 1024 * 1024
ALLOWED_KINDS = translatable("JPEG, PNG, WebP or GIF")


@dataclass(frozen=True)
class AttachmentInfo:
    """What lists and cards need; the bytes are read separately because they are large."""

    id: int
    asset_uuid: str
    file_name: str
    mime_type: str
    size: int
    created_at: str
    deleted: bool = False


# ---- recognising images ----------------------------------------------------------
def sniff_mime_type(data: bytes) -> str | None:
    """The image type the bytes themselves announce, or None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def clean_file_name(file_name: str) -> str:
    """Only the last part of a path is kept: a folder name says nothing about the photo
    and may say something about the person who took it."""
    name = PureWindowsPath(str(file_name or "")).name.strip()
    if not name:
        raise BadInputError(translated("a photo needs a file name"), field="photos")
    return name


def check_image(file_name: str, data: bytes) -> str:
    """Refuse what cannot be shown or would bloat the project; returns the mime type."""
    name = clean_file_name(file_name)
    if len(data) > MAX_BYTES:
        message = translated("'{name}' is {size:.1f} MB; a photo can be at most {most} MB")
        raise BadInputError(
            message.format(name=name, size=len(data) / 1024 / 1024, most=MAX_BYTES // 1024 // 1024),
            field="photos",
            hint=translated("make it smaller in a photo editor first"),
        )
    mime = sniff_mime_type(bytes(data[:16]))
    if mime is None:
        message = translated(
            "'{name}' is not a {kinds} image (checked from its contents, not its name)"
        )
        raise BadInputError(
            message.format(name=name, kinds=translated(ALLOWED_KINDS)), field="photos"
        )
    return mime


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- reading ---------------------------------------------------------------------
_SELECT = (
    f"SELECT id, asset_uuid, file_name, mime_type, length(data), created_at, deleted FROM {TABLE}"
)


def list_for(
    project: Project, asset_uuid: str, *, include_deleted: bool = False
) -> list[AttachmentInfo]:
    """An asset's photos in the order they were added."""
    sql = _SELECT + " WHERE asset_uuid = ?"
    if not include_deleted:
        sql += " AND deleted = 0"
    rows = project.conn.execute(sql + " ORDER BY id", (asset_uuid,)).fetchall()
    return [_row_to_info(r) for r in rows]


def get(project: Project, attachment_id: int) -> AttachmentInfo:
    row = project.conn.execute(_SELECT + " WHERE id = ?", (int(attachment_id),)).fetchone()
    if row is None:
        raise KeyError(f"no attachment with id {attachment_id}")
    return _row_to_info(row)


def data(project: Project, attachment_id: int) -> bytes:
    row = project.conn.execute(
        f"SELECT data FROM {TABLE} WHERE id = ?", (int(attachment_id),)
    ).fetchone()
    if row is None:
        raise KeyError(f"no attachment with id {attachment_id}")
    return bytes(row[0])


def count(project: Project, asset_uuid: str) -> int:
    return int(
        project.conn.execute(
            f"SELECT count(*) FROM {TABLE} WHERE asset_uuid = ? AND deleted = 0", (asset_uuid,)
        ).fetchone()[0]
    )


def _row_to_info(row: tuple[Any, ...]) -> AttachmentInfo:
    id_, asset_uuid, file_name, mime, size, created_at, deleted = row
    return AttachmentInfo(
        id=int(id_),
        asset_uuid=asset_uuid,
        file_name=file_name,
        mime_type=mime or "application/octet-stream",
        size=int(size or 0),
        created_at=created_at,
        deleted=bool(deleted),
    )


# ---- writing (inside a project transaction; only commands call these) -----------------
def insert(
    project: Project,
    *,
    asset_uuid: str,
    file_name: str,
    mime_type: str,
    data: bytes,
    created_at: str,
    attachment_id: int | None = None,
) -> int:
    """``attachment_id`` lets redo bring a photo back under the id later commands know."""
    cursor = project.conn.execute(
        f"INSERT INTO {TABLE} (id, asset_uuid, file_name, mime_type, data, created_at, deleted)"
        " VALUES (?, ?, ?, ?, ?, ?, 0)",
        (attachment_id, asset_uuid, file_name, mime_type, bytes(data), created_at),
    )
    row_id = attachment_id if attachment_id is not None else cursor.lastrowid
    assert row_id is not None  # an INSERT always sets lastrowid
    return row_id


def set_deleted(project: Project, attachment_id: int, deleted: bool) -> None:
    cursor = project.conn.execute(
        f"UPDATE {TABLE} SET deleted = ? WHERE id = ?", (int(deleted), int(attachment_id))
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no attachment with id {attachment_id}")


def set_asset(project: Project, attachment_id: int, asset_uuid: str) -> None:
    """Hand a photo to another asset (merging two assets that were one place)."""
    project.conn.execute(
        f"UPDATE {TABLE} SET asset_uuid = ? WHERE id = ?", (asset_uuid, int(attachment_id))
    )


def purge(project: Project, attachment_id: int) -> None:
    """Remove a photo completely (the undo of adding it)."""
    project.conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (int(attachment_id),))
