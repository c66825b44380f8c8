"""Real files used by several io tests; `sources` comes from tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def land_assets_csv(sources: Path) -> Path:
    """Trafford's land and building asset register: 608 rows, non-ASCII text, many blanks."""
    return sources / "trafford" / "assets" / "trafford_land_and_building_assets.csv"


@pytest.fixture(scope="session")
def wards_geojson(sources: Path) -> Path:
    return sources / "trafford" / "boundaries" / "trafford_ward2023_generalised.geojson"
