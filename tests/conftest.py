"""Shared fixtures: real data copied into the repo, and fresh projects built from it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The throwaway PostgreSQL + PostGIS server (started only when a test asks for it).
pytest_plugins = ("support.pg_fixtures",)

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "sample_data" / "sources"
TRAFFORD = SOURCES / "trafford"
CODEPOINT = SOURCES / "codepoint" / "codepo_gb_m_sk_wa.zip"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def sources() -> Path:
    return SOURCES


@pytest.fixture(scope="session")
def trafford() -> Path:
    return TRAFFORD


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    """A copy of the shipped Trafford demo that a test may change."""
    path = tmp_path / "demo.gpkg"
    shutil.copy(REPO / "sample_data" / "trafford.gpkg", path)
    return path


@pytest.fixture
def project(tmp_path):
    """A new, empty project in British National Grid."""
    from assetmap.core.project import Project

    with Project.create(tmp_path / "test.gpkg", name="Test project") as p:
        yield p


@pytest.fixture
def lsoa_project(project):
    """A project with Trafford's 139 LSOA 2021 areas, population and IMD 2025."""
    from assetmap.core.imports import import_areas, join_indicators
    from assetmap.core.io.area_import import AreaImportOptions
    from assetmap.core.io.indicator_import import IndicatorOptions

    import_areas(
        project,
        TRAFFORD / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        AreaImportOptions("LSOA 2021"),
    )
    join_indicators(
        project,
        TRAFFORD / "population" / "trafford_pop_mid2024_lsoa21.csv",
        IndicatorOptions("LSOA 2021", "area_code", ["all_ages:population"], ["sex=Persons"]),
    )
    join_indicators(
        project,
        TRAFFORD / "deprivation" / "trafford_imd2025_lsoa21.csv",
        IndicatorOptions("LSOA 2021", "lsoa21_code", ["IMD_score:imd_score", "IMD_decile"]),
    )
    return project


@pytest.fixture
def tile_server():
    """A real HTTP tile server on 127.0.0.1 (tests/support/tile_server.py), stopped after."""
    from support.tile_server import TileServer

    server = TileServer()
    yield server
    server.stop()
