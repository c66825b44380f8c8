"""A copy of the Trafford demo knows it is a copy: the same project, a copy id of its own,
where it left the source's change feed; a copy for the field really leaves out personal data
and photos; the source is never written; a copy that cannot be written leaves nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from assetmap.core import changelog, copies
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.commands.attachments import AddAttachment
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.project import Project

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "tests" / "data" / "camera_photo.jpg"
HEX32 = frozenset("0123456789abcdef")


def is_uuid_hex(text: str) -> bool:
    return len(text) == 32 and set(text) <= HEX32


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


@pytest.fixture
def prepared(demo):
    """The demo with two assets holding personal data (a befriending volunteer's home and a
    carer's group that meets at someone's house, as a worker might record them) and a photo
    on one of them and on a GP surgery."""
    stack = CommandStack(demo)
    rows = demo.conn.execute(
        "SELECT uuid FROM assets WHERE deleted = 0 ORDER BY name LIMIT 3"
    ).fetchall()
    personal, public = [r[0] for r in rows[:2]], rows[2][0]
    for uuid in personal:
        stack.push(EditAsset(uuid, {"personal_data": True}))
    photo = PHOTO.read_bytes()
    stack.push(AddAttachment(personal[0], "doorway.jpg", photo))
    stack.push(AddAttachment(public, "front.jpg", photo))
    return demo, personal, public


def fingerprint(path: Path) -> dict[str, str]:
    """The project file and its write-ahead log, byte for byte."""
    names = [path, Path(f"{path}-wal")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in names if p.exists()}


def test_a_new_project_is_the_original(project):
    who = copies.identity(project)
    assert is_uuid_hex(who.project_id) and is_uuid_hex(who.copy_id)
    assert who.project_id != who.copy_id
    assert (who.copy_label, who.copied_from, who.copied_at_seq, who.left_out) == ("", "", 0, ())
    assert not who.is_copy


@pytest.mark.parametrize("name", ["trafford_schema_v7.gpkg", "project_schema_v1.gpkg"])
def test_an_old_file_gets_its_identity_when_upgraded(tmp_path, name):
    path = tmp_path / name
    shutil.copy(REPO / "tests" / "data" / name, path)
    with Project.open(path) as project:
        who = copies.identity(project)
        assert project.schema_version() >= 11
    assert is_uuid_hex(who.project_id) and not who.is_copy and who.copied_at_seq == 0
    with Project.open(path) as again:  # made once, not again on every opening
        assert copies.identity(again) == who


def test_two_old_files_copied_by_hand_stay_one_project_when_each_is_upgraded(tmp_path):
    source = REPO / "tests" / "data" / "trafford_schema_v7.gpkg"
    office, field = tmp_path / "office.gpkg", tmp_path / "field.gpkg"
    shutil.copy(source, office)
    shutil.copy(source, field)
    with Project.open(office) as a, Project.open(field) as b:
        one, two = copies.identity(a), copies.identity(b)
    assert one.project_id == two.project_id  # both keep the moment the project was made
    assert one.copy_id != two.copy_id
    other_path = tmp_path / "rutland.gpkg"  # another project altogether
    shutil.copy(REPO / "sample_data" / "rutland.gpkg", other_path)
    with Project.open(other_path) as other:
        assert copies.identity(other).project_id != one.project_id


def test_a_copy_is_the_same_project_from_a_known_point(prepared, tmp_path):
    demo, personal, _ = prepared
    source = copies.identity(demo)
    report = copies.save_copy(demo, tmp_path / "jo.gpkg", label="Field copy for Jo")
    copy = report.identity
    assert copy.project_id == source.project_id
    assert is_uuid_hex(copy.copy_id) and copy.copy_id != source.copy_id
    assert copy.copied_from == source.copy_id and copy.copy_label == "Field copy for Jo"
    assert copy.copied_at_seq == changelog.latest_seq(demo) > 600
    assert copy.left_out == ()
    assert report.assets == 501 and report.personal_left_out == 0
    assert report.size_bytes == (tmp_path / "jo.gpkg").stat().st_size
    assert PHOTO.read_bytes()[-64:] in (tmp_path / "jo.gpkg").read_bytes()  # photos kept
    with Project.open(tmp_path / "jo.gpkg") as opened:  # everything is still there
        assert copies.identity(opened) == copy
        assert opened.conn.execute("SELECT count(*) FROM am_attachments").fetchone()[0] == 2
        kept = opened.conn.execute("SELECT count(*) FROM assets WHERE personal_data = 1")
        assert kept.fetchone()[0] == 2
    # A copy of the copy names the copy it came from.
    with Project.open(tmp_path / "jo.gpkg") as opened:
        again = copies.save_copy(opened, tmp_path / "jo2.gpkg", label="Jo's spare")
    assert again.identity.copied_from == copy.copy_id
    assert again.identity.project_id == source.project_id


def test_a_field_copy_leaves_out_personal_data_and_photos_for_real(prepared, tmp_path):
    demo, personal, public = prepared
    source_files = fingerprint(demo.path)
    photo = PHOTO.read_bytes()
    out = tmp_path / "field.gpkg"
    report = copies.save_copy(
        demo, out, label="Field copy for Jo", personal_data=False, attachments=False
    )
    assert fingerprint(demo.path) == source_files  # the source was not written
    assert report.assets == 499 and report.personal_left_out == 2
    assert report.attachments_left_out == 1  # the other photo went with its personal asset
    assert set(report.identity.left_out) == {"personal_data", "attachments"}
    # Read the file itself, not through the app.
    conn = sqlite3.connect(out)
    try:
        marks = ",".join("?" * len(personal))
        for table, column in (("assets", "uuid"), ("asset_footprints", "asset_uuid"),
                              ("am_attachments", "asset_uuid")):  # fmt: skip
            found = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} IN ({marks})",
                                 personal).fetchone()[0]  # fmt: skip
            assert found == 0, table
        assert conn.execute("SELECT count(*) FROM am_attachments").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM assets").fetchone()[0] == 499
        logged = conn.execute(
            "SELECT before, after, geom_before, geom_after, description FROM am_change_log "
            f"WHERE uuid IN ({marks})", personal,
        ).fetchall()  # fmt: skip
        assert logged  # the feed keeps its rows, so its sequence has no holes ...
        assert {row[:4] for row in logged} == {(None, None, None, None)}  # ... but not the data
        assert {row[4] for row in logged} == {copies.LEFT_OUT_DESCRIPTION}
        seq = conn.execute("SELECT max(id) FROM am_change_log").fetchone()[0]
        assert seq == report.identity.copied_at_seq
    finally:
        conn.close()
    data = out.read_bytes()
    assert photo[-64:] not in data  # VACUUM: not even in free pages
    names = demo.conn.execute(
        f"SELECT name FROM assets WHERE uuid IN ({marks})", personal
    ).fetchall()
    for (name,) in names:
        assert name.encode() not in data


def test_a_copy_into_a_folder_that_cannot_be_written_is_refused_leaving_nothing(demo, tmp_path):
    if os.geteuid() == 0:  # root writes wherever a mode says no: sysfs refuses even root
        folder = Path("/sys")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
    before = sorted(os.listdir(folder))
    with pytest.raises(BadInputError, match="cannot be written to|could not be written"):
        copies.save_copy(demo, folder / "field.gpkg", label="x")
    assert sorted(os.listdir(folder)) == before
    assert sorted(p.name for p in demo.path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_copy_over_the_project_itself_is_refused(demo):
    with pytest.raises(BadInputError, match="own files"):
        copies.save_copy(demo, demo.path, label="x")


def test_cancel_leaves_nothing_and_an_older_file_as_it_was(demo, tmp_path):
    out = tmp_path / "field.gpkg"
    out.write_bytes(b"an older file")
    with pytest.raises(Cancelled):
        copies.save_copy(demo, out, label="x", cancelled=lambda: True)
    assert out.read_bytes() == b"an older file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_default_label_says_the_date_in_words():
    from datetime import date

    assert copies.default_label(date(2026, 12, 7)) == "Field copy, 7 December 2026"
