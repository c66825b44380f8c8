"""Every project is a valid GeoPackage by GDAL's own validator (BRIEF §8), including projects
written by older versions once opened, and the shipped demos."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pytest
import shapely

from assetmap.core import assets, categories, gpkg, schema_outcomes
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.project import Project
from assetmap.core.schema import FOOTPRINTS_TABLE

VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")
needs_validator = pytest.mark.skipif(
    not (VALIDATOR.is_file() and SYSTEM_PYTHON.is_file()),
    reason="GDAL's validate_gpkg.py is missing (Debian package python3-gdal; .ci/run installs it)",
)


def validate(path: Path) -> str:
    """The validator's complaints; empty when the file is valid. -k: keep going after one."""
    result = subprocess.run(
        [str(SYSTEM_PYTHON), str(VALIDATOR), "-k", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return (result.stdout + result.stderr).strip()


@needs_validator
def test_a_new_project_is_a_valid_geopackage(project):
    project.close()
    assert validate(project.path) == ""


@needs_validator
def test_a_project_with_areas_assets_and_sites_is_valid(lsoa_project, trafford):
    # Places of worship come as building outlines: asset sites in the MULTIPOLYGON layer.
    import_assets(
        lsoa_project,
        trafford / "assets" / "trafford_places_of_worship.geojson",
        AssetImportOptions(category="faith_groups"),
    )
    assert assets.count(lsoa_project) > 0
    lsoa_project.close()
    assert validate(lsoa_project.path) == ""


@needs_validator
@pytest.mark.parametrize("demo", ["trafford.gpkg", "rutland.gpkg"])
def test_the_shipped_demos_are_valid(repo_root, demo):
    assert validate(repo_root / "sample_data" / demo) == ""


def old_project_with_a_leak_and_a_collection(tmp_path: Path, repo_root: Path) -> Path:
    """A schema-1 project (as written then) holding what older versions let through: a
    person's skills not flagged as personal data, and a site outline that a repair had
    turned into a geometry collection."""
    path = tmp_path / "old.gpkg"
    shutil.copy(repo_root / "tests" / "data" / "project_schema_v1.gpkg", path)
    conn = sqlite3.connect(path, isolation_level=None)
    srs_id = int(json.loads(conn.execute("SELECT value FROM am_settings WHERE key = 'srs_id'")
                            .fetchone()[0]))  # fmt: skip
    uuid = conn.execute("SELECT uuid FROM assets ORDER BY fid LIMIT 1").fetchone()[0]
    conn.execute("UPDATE assets SET category = 'individual_skills', personal_data = 0 "
                 "WHERE uuid = ?", (uuid,))  # fmt: skip
    outline = shapely.GeometryCollection(
        [
            shapely.box(378000, 396000, 378050, 396040),
            shapely.LineString([(378050, 396040), (378090, 396090)]),
        ]
    )
    blob = gpkg.encode(np.array([outline], dtype=object), srs_id)[0]
    conn.execute(f"INSERT INTO {FOOTPRINTS_TABLE} (asset_uuid, geom) VALUES (?, ?)", (uuid, blob))
    conn.close()
    return path


def test_opening_an_old_project_fixes_what_the_validator_and_privacy_rules_need(
    tmp_path, repo_root
):
    path = old_project_with_a_leak_and_a_collection(tmp_path, repo_root)
    conn = sqlite3.connect(path)
    keys = [r[0] for r in conn.execute("SELECT key FROM am_categories ORDER BY sort_order, label")]
    conn.close()
    with Project.open(path) as project:
        skills = assets.frame(project, where="category = 'individual_skills'")
        assert skills["personal_data"].tolist() == [1]
        site = assets.footprint(project, skills["uuid"].iloc[0])
        assert site.geom_type == "MultiPolygon" and site.area == pytest.approx(50 * 40)
        columns = {r[1]: r for r in project.conn.execute("PRAGMA table_info(am_categories)")}
        assert columns["id"][2] == "INTEGER" and columns["id"][5] == 1  # the primary key
        assert "Food bank" in categories.get(project, "food_banks").synonyms
        seeds = schema_outcomes.SEED_KEYS_V15  # added by migration 15, in their groups
        assert [c.key for c in categories.all_categories(project) if c.key not in seeds] == keys


@needs_validator
def test_an_old_project_is_valid_once_opened(tmp_path, repo_root):
    path = old_project_with_a_leak_and_a_collection(tmp_path, repo_root)
    assert "Req 119" in validate(path)  # as older versions wrote it
    Project.open(path).close()
    assert validate(path) == ""
