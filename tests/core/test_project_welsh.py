"""A file assetmap cannot open says so in Welsh when the app is in Welsh; the English stays
as it was. Needs the Welsh of the project's messages in the core's catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.core import i18n
from assetmap.core.errors import BadInputError, ProjectFileError
from assetmap.core.project import Project


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def test_a_file_that_is_not_a_project_is_refused_in_welsh(tmp_path: Path):
    notes = tmp_path / "notes.gpkg"
    notes.write_text("not a database", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="is not an assetmap project"):
        Project.open(notes)
    with i18n.using_language("cy"), pytest.raises(ProjectFileError) as raised:
        Project.open(notes)
    assert "Nid yw notes.gpkg yn brosiect assetmap" in str(raised.value)


def test_a_new_project_needs_a_gpkg_name_in_welsh(tmp_path: Path):
    with i18n.using_language("cy"), pytest.raises(BadInputError) as raised:
        Project.create(tmp_path / "trafford.sqlite")
    assert "rhaid i enw ffeil prosiect orffen â .gpkg" in str(raised.value)
