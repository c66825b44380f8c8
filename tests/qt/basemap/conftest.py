"""Fixtures for the offline basemap on screen and on paper: a private copy of the Rutland
demo (an OpenStreetMap extract of Rutland imported into the project) and a Session on it."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture
def rutland_path(tmp_path, repo_root):
    """A writable copy of sample_data/rutland.gpkg (tests never touch the original)."""
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    return path


@pytest.fixture
def rutland_session(qtbot, rutland_path):
    from assetmap.core.project import Project
    from assetmap.qt.session import Session

    s = Session(Project.open(rutland_path))
    yield s
    s.close()


@pytest.fixture
def rutland_frames(rutland_path):
    """The basemap's tables as the store reads them (a separate connection, closed after)."""
    from assetmap.core.basemap import store
    from assetmap.core.project import Project

    with Project.open(rutland_path) as project:
        return store.layers(project)
