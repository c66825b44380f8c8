"""Edit > Undo names what it undoes in the app's language: a command's words are looked up
when they are shown, so a switch to Welsh is followed at once. Needs the Welsh of the
commands' words in the core's catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.core import i18n
from assetmap.core.commands import CommandStack
from assetmap.core.commands.assets import DeleteAsset, EditAsset
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def first_asset(project: Project) -> tuple[str, str]:
    uuid, name = project.conn.execute(
        "SELECT uuid, name FROM assets WHERE deleted = 0 ORDER BY fid LIMIT 1"
    ).fetchone()
    return uuid, name


def test_edit_undo_names_the_change_in_welsh(demo_copy: Path):
    with Project.open(demo_copy) as project:
        stack = CommandStack(project)
        uuid, name = first_asset(project)
        stack.push(EditAsset(uuid, {"phone": "0161 000 0000", "opening_hours": "Mon 9-5"}))
        assert stack.undo_text == "Edit phone, opening hours"
        with i18n.using_language("cy"):
            assert stack.undo_text == "Golygu ffôn, oriau agor"
        stack.push(DeleteAsset(uuid))
        with i18n.using_language("cy"):
            assert stack.undo_text == f"Dileu '{name}'"


def test_a_refused_edit_says_why_in_welsh(demo_copy: Path):
    with Project.open(demo_copy) as project:
        uuid, _ = first_asset(project)
        with i18n.using_language("cy"), pytest.raises(BadInputError) as raised:
            CommandStack(project).push(EditAsset(uuid, {"name": "  "}))
    assert "mae angen enw ar ased" in str(raised.value)
