"""Real OpenStreetMap extracts (sample_data/sources/osm) and projects built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assetmap.core.basemap import BasemapOptions, import_basemap
from assetmap.core.imports import import_areas
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.project import Project

LSOA_SET = "LSOA 2011"


@pytest.fixture(scope="session")
def osm_dir(sources: Path) -> Path:
    return sources / "osm"


@pytest.fixture(scope="session")
def rutland_pbf(osm_dir: Path) -> Path:
    return osm_dir / "rutland-latest-20220720.osm.pbf"


@pytest.fixture(scope="session")
def levenshulme_osm(osm_dir: Path) -> Path:
    return osm_dir / "manchester_levenshulme-20221216.osm"


@pytest.fixture(scope="session")
def stretford_osm(osm_dir: Path) -> Path:
    return osm_dir / "trafford_stretford_kingsway-20240322.osm"


@pytest.fixture(scope="session")
def rutland_lsoas(sources: Path) -> Path:
    return sources / "national_rutland" / "rutland_lsoa2011_bsc.geojson"


@pytest.fixture(scope="session")
def rutland_areas_file(tmp_path_factory, rutland_lsoas) -> Path:
    """A project with Rutland's 23 LSOAs and no basemap yet (copied by each test)."""
    path = tmp_path_factory.mktemp("rutland") / "areas.gpkg"
    with Project.create(path, name="Rutland") as project:
        import_areas(
            project,
            rutland_lsoas,
            AreaImportOptions(LSOA_SET, code_field="LSOA11CD", name_field="LSOA11NM"),
        )
    return path


@pytest.fixture(scope="session")
def rutland_basemap_file(tmp_path_factory, rutland_areas_file, rutland_pbf):
    """The LSOAs plus the basemap of the whole county, with buildings: built once."""
    path = tmp_path_factory.mktemp("rutland_basemap") / "basemap.gpkg"
    shutil.copy(rutland_areas_file, path)
    with Project.open(path) as project:
        report = import_basemap(project, rutland_pbf, BasemapOptions(buildings=True))
    return path, report


@pytest.fixture
def rutland_areas(tmp_path, rutland_areas_file):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(rutland_areas_file, path)
    with Project.open(path) as project:
        yield project


@pytest.fixture
def rutland(tmp_path, rutland_basemap_file):
    """A fresh copy of the Rutland project with its basemap, for tests that read or change it."""
    path = tmp_path / "rutland_basemap.gpkg"
    shutil.copy(rutland_basemap_file[0], path)
    with Project.open(path) as project:
        yield project
