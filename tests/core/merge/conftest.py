"""Two copies of the Trafford demo: the office's and one handed out for the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from assetmap.core import copies
from assetmap.core.project import Project


@pytest.fixture
def office(demo_copy: Path) -> Path:
    return demo_copy


@pytest.fixture
def field_copy(office: Path, tmp_path: Path) -> Path:
    with Project.open(office) as project:
        return copies.save_copy(project, tmp_path / "field.gpkg", label="Sale ward walk").path
