"""Photos live inside the project file: only real images, at most 10 MB, undoable, logged
without their bytes."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest

from assetmap.core import attachments, changelog
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.commands.attachments import AddAttachment, RemoveAttachment
from assetmap.core.commands.base import CommandGroup
from assetmap.core.errors import BadInputError
from assetmap.core.model import Asset, new_uuid


def png_bytes(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (0, 114, 178)) -> bytes:
    """A valid PNG made by hand, so the test needs no imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def stack(project):
    return CommandStack(project)


@pytest.fixture
def club(project, stack) -> str:
    asset = Asset(
        uuid=new_uuid(),
        name="Tuesday lunch club",
        category="community_centres",
        x=379_480.0,
        y=396_110.0,
    )
    stack.push(AddAsset(asset))
    return asset.uuid


def stored_rows(project) -> list[tuple]:
    return project.conn.execute(
        "SELECT id, asset_uuid, file_name, deleted FROM am_attachments ORDER BY id"
    ).fetchall()


def test_a_photo_is_stored_in_the_project_and_reads_back_byte_for_byte(project, stack, club):
    photo = png_bytes()
    stack.push(AddAttachment(club, "lunch.png", photo, "image/png"))

    [info] = attachments.list_for(project, club)
    assert (info.file_name, info.mime_type, info.size) == ("lunch.png", "image/png", len(photo))
    assert info.created_at
    assert attachments.data(project, info.id) == photo
    assert attachments.count(project, club) == 1


def test_a_jpeg_from_a_camera_is_accepted_as_jpeg(project, stack, club, repo_root):
    photo = (repo_root / "tests" / "data" / "camera_photo.jpg").read_bytes()  # a real JPEG
    stack.push(AddAttachment(club, "IMG_0042.JPG", photo, None))

    [info] = attachments.list_for(project, club)
    assert info.mime_type == "image/jpeg"
    assert attachments.data(project, info.id) == photo


def test_a_text_file_renamed_jpg_is_refused_and_nothing_is_stored(project, stack, club):
    text = b"Minutes of the tenants' meeting, 3 March\n"
    with pytest.raises(BadInputError) as error:
        stack.push(AddAttachment(club, "minutes.jpg", text, "image/jpeg"))

    assert "minutes.jpg" in str(error.value)
    assert "JPEG, PNG, WebP or GIF" in str(error.value)
    assert error.value.field == "photos"
    assert stored_rows(project) == []
    assert stack.undo_text == "Add asset 'Tuesday lunch club'"  # nothing new to undo


def test_a_photo_over_10_mb_is_refused_with_its_name_and_the_limit(project, stack, club):
    big = png_bytes() + b"\x00" * (10 * 1024 * 1024)
    with pytest.raises(BadInputError) as error:
        stack.push(AddAttachment(club, "huge.png", big, "image/png"))

    message = str(error.value)
    assert "huge.png" in message and "10 MB" in message
    assert stored_rows(project) == []


def test_exactly_10_mb_is_still_accepted(project, stack, club):
    photo = png_bytes()
    photo += b"\x00" * (attachments.MAX_BYTES - len(photo))
    stack.push(AddAttachment(club, "just-fits.png", photo))
    assert attachments.list_for(project, club)[0].size == attachments.MAX_BYTES


def test_the_type_comes_from_the_contents_not_the_name_or_the_claim(project, stack, club):
    stack.push(AddAttachment(club, "really-a-png.jpg", png_bytes(), "image/jpeg"))
    assert attachments.list_for(project, club)[0].mime_type == "image/png"


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"GIF87a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        (b"%PDF-1.7\n", None),
        (b"", None),
    ],
)
def test_image_types_are_recognised_by_their_first_bytes(head, mime):
    assert attachments.sniff_mime_type(head) == mime


def test_only_the_file_name_is_kept_not_the_folders_it_came_from(project, stack, club):
    stack.push(AddAttachment(club, r"C:\Users\ann\Pictures\club.png", png_bytes()))
    stack.push(AddAttachment(club, "/home/ann/Pictures/hall.png", png_bytes()))
    names = [i.file_name for i in attachments.list_for(project, club)]
    assert names == ["club.png", "hall.png"]


def test_a_photo_needs_a_live_asset(project, stack, club):
    with pytest.raises(BadInputError, match="no asset"):
        stack.push(AddAttachment(new_uuid(), "stray.png", png_bytes()))
    assert stored_rows(project) == []


def test_undo_and_redo_of_adding_a_photo(project, stack, club):
    photo = png_bytes()
    stack.push(AddAttachment(club, "lunch.png", photo))
    [before] = attachments.list_for(project, club)

    stack.undo()
    assert attachments.list_for(project, club) == []
    assert stored_rows(project) == []  # undoing an add leaves no tombstone

    stack.redo()
    [after] = attachments.list_for(project, club)
    assert after == before  # same id, so later commands that name it still work
    assert attachments.data(project, after.id) == photo


def test_removing_a_photo_keeps_a_tombstone_and_undo_brings_it_back(project, stack, club):
    stack.push(AddAttachment(club, "lunch.png", png_bytes()))
    [info] = attachments.list_for(project, club)

    remove = RemoveAttachment(info.id)
    stack.push(remove)
    assert remove.text == "Remove photo 'lunch.png'"
    assert attachments.list_for(project, club) == []
    assert stored_rows(project) == [(info.id, club, "lunch.png", 1)]

    stack.undo()
    assert attachments.list_for(project, club) == [info]
    stack.redo()
    assert attachments.list_for(project, club) == []


def test_removing_twice_or_a_missing_photo_is_refused(project, stack, club):
    stack.push(AddAttachment(club, "lunch.png", png_bytes()))
    [info] = attachments.list_for(project, club)
    stack.push(RemoveAttachment(info.id))
    with pytest.raises(BadInputError, match="already removed"):
        stack.push(RemoveAttachment(info.id))
    with pytest.raises(BadInputError, match="no photo"):
        stack.push(RemoveAttachment(99_999))


def test_the_change_log_has_name_size_and_sha256_but_not_the_bytes(project, stack, club):
    photo = png_bytes(8, 8)
    stack.push(AddAttachment(club, "lunch.png", photo))
    [info] = attachments.list_for(project, club)
    stack.push(RemoveAttachment(info.id))

    removed, added = changelog.entries(project, target=f"attachment:{info.id}")
    digest = hashlib.sha256(photo).hexdigest()
    assert (added.command, added.before) == ("add_attachment", None)
    assert added.after == {
        "asset_uuid": club,
        "file_name": "lunch.png",
        "mime_type": "image/png",
        "size": len(photo),
        "sha256": digest,
    }
    assert removed.command == "remove_attachment"
    assert (removed.before["deleted"], removed.after["deleted"]) == (False, True)
    assert removed.after["sha256"] == digest
    raw = project.conn.execute("SELECT group_concat(after) FROM am_change_log").fetchone()[0]
    assert len(raw) < len(photo) * 2 + 2000 and "IDAT" not in raw


def test_one_undo_takes_back_a_new_asset_with_its_photos(project, stack):
    asset = Asset(
        uuid=new_uuid(), name="Mosque food bank", category="food_banks", x=379_000.0, y=396_000.0
    )
    stack.push(
        CommandGroup(
            [
                AddAsset(asset),
                AddAttachment(asset.uuid, "front.png", png_bytes()),
                AddAttachment(asset.uuid, "shelves.png", png_bytes(2, 2)),
            ],
            "Add asset 'Mosque food bank' with 2 photos",
        )
    )
    assert stack.undo_text == "Add asset 'Mosque food bank' with 2 photos"
    assert len(attachments.list_for(project, asset.uuid)) == 2

    stack.undo()
    assert stored_rows(project) == []
    assert project.conn.execute("SELECT count(*) FROM assets").fetchone()[0] == 0

    stack.redo()
    assert [i.file_name for i in attachments.list_for(project, asset.uuid)] == [
        "front.png",
        "shelves.png",
    ]


def test_a_refused_photo_keeps_the_whole_group_out(project, stack):
    asset = Asset(uuid=new_uuid(), name="Lunch club", category="community_centres")
    with pytest.raises(BadInputError):
        stack.push(
            CommandGroup(
                [AddAsset(asset), AddAttachment(asset.uuid, "notes.jpg", b"just text")],
                "Add asset with photos",
            )
        )
    assert project.conn.execute("SELECT count(*) FROM assets").fetchone()[0] == 0
    assert stored_rows(project) == []


def test_photo_commands_tell_views_which_asset_changed(project, stack, club):
    heard: list[tuple] = []
    project.events.assets_changed.connect(lambda uuids, kind: heard.append((uuids, kind)))
    stack.push(AddAttachment(club, "lunch.png", png_bytes()))
    stack.undo()
    assert heard == [((club,), "changed"), ((club,), "changed")]
