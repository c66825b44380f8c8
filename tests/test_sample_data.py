"""The shipped demo projects: current, readable by GDAL, and what their build scripts make."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pyogrio
import pytest

from assetmap.core.basemap import store
from assetmap.core.project import Project
from assetmap.core.schema import CURRENT_VERSION
from assetmap.core.search import find
from assetmap.core.summary import attributions, summary

DEMOS = ("trafford.gpkg", "rutland.gpkg")


@pytest.mark.parametrize("name", DEMOS)
def test_a_shipped_demo_is_at_the_current_schema(repo_root, name):
    """An out-of-date demo would be migrated on every first run: rebuild it
    (python sample_data/build_demo.py, python sample_data/build_rutland.py)."""
    conn = sqlite3.connect(f"file:{repo_root / 'sample_data' / name}?mode=ro", uri=True)
    try:
        version = conn.execute("SELECT max(version) FROM am_schema").fetchone()[0]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200  # GeoPackage 1.2
    finally:
        conn.close()
    assert version == CURRENT_VERSION


def test_the_rutland_demo_is_an_offline_county(repo_root, tmp_path):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    layers = dict(pyogrio.list_layers(path))
    for table in ("basemap_roads", "basemap_water", "basemap_places", "assets"):
        assert table in layers
    with Project.open(path) as project:
        info = summary(project)
        assert info["assets"]["total"] == 345 and info["assets"]["unplaced"] == 0
        (area_set,) = info["area_sets"]
        assert area_set["areas"] == 23
        assert {"population", "imd_rank", "imd_decile", "imd_need"} <= {
            i["column"] for i in area_set["indicators"]
        }
        assert store.has_basemap(project)
        assert any("OpenStreetMap contributors" in line for line in attributions(project))
        hits = find(project, "Oakham")
        assert hits[0].kind == "place" and hits[0].label == "Oakham"
        assert any(h.kind == "street" for h in find(project, "Burley Road"))


def test_the_rutland_build_script_makes_the_shipped_demo(repo_root, tmp_path):
    out = tmp_path / "rebuilt.gpkg"
    run = subprocess.run(
        [sys.executable, str(repo_root / "sample_data" / "build_rutland.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    shipped = tmp_path / "shipped.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", shipped)
    with Project.open(out) as rebuilt, Project.open(shipped) as original:
        mine, theirs = summary(rebuilt), summary(original)
        for key in ("assets", "categories", "area_sets"):
            assert mine[key] == theirs[key]
        assert store.info(rebuilt).features == store.info(original).features
