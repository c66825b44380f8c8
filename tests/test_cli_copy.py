"""`assetmap copy` and what `assetmap info` says about copies, on the Trafford demo."""

from __future__ import annotations

import json
import sqlite3

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


def info(path, capsys) -> dict:
    capsys.readouterr()
    assert run("info", path, "--json") == EXIT_OK
    return json.loads(capsys.readouterr().out)["identity"]


def test_a_field_copy_from_the_command_line(demo_copy, tmp_path, capsys):
    with Project.open(demo_copy) as project:
        first = project.conn.execute("SELECT uuid FROM assets ORDER BY name LIMIT 1").fetchone()[0]
        CommandStack(project).push(EditAsset(first, {"personal_data": True}))
    source = info(demo_copy, capsys)
    out = tmp_path / "jo.gpkg"
    assert run("copy", demo_copy, out, "--label", "Field copy for Jo", "--no-personal") == EXIT_OK
    said = capsys.readouterr().out
    assert "500 assets" in said and "left out: 1 personal-data asset\n" in said
    copy = info(out, capsys)
    assert copy["project_id"] == source["project_id"] and copy["copy_id"] != source["copy_id"]
    assert copy["copied_from"] == source["copy_id"] and copy["copy_label"] == "Field copy for Jo"
    assert copy["left_out"] == ["personal_data"]
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM assets WHERE uuid = ?", (first,)).fetchone() == (
            0,
        )
    assert run("info", out) == EXIT_OK
    text = capsys.readouterr().out
    assert f"project id: {source['project_id']}" in text and "copy: Field copy for Jo" in text


def test_the_default_label_and_an_existing_file(demo_copy, tmp_path, capsys):
    out = tmp_path / "copy.gpkg"
    assert run("copy", demo_copy, out) == EXIT_OK
    assert info(out, capsys)["copy_label"].startswith("Field copy, ")
    before = out.read_bytes()
    assert run("copy", demo_copy, out) == EXIT_BAD_INPUT
    assert "copy.gpkg, field 'OUT': a file with this name already exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert run("copy", demo_copy, out, "--force", "--no-attachments") == EXIT_OK
    assert info(out, capsys)["left_out"] == ["attachments"]


def test_a_copy_to_a_missing_folder_is_refused(demo_copy, tmp_path, capsys):
    assert run("copy", demo_copy, tmp_path / "nowhere" / "copy.gpkg") == EXIT_BAD_INPUT
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
