"""`assetmap import-basemap PROJECT FILE [--margin M] [--buildings]`: exit codes 0/2/3."""

from __future__ import annotations

import shutil

import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from assetmap.core.basemap import store
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def gpkg(tmp_path, rutland_areas_file):
    path = tmp_path / "cli.gpkg"
    shutil.copy(rutland_areas_file, path)
    return path


def test_import_prints_counts_per_layer(gpkg, rutland_pbf, capsys):
    assert run("import-basemap", gpkg, rutland_pbf, "--margin", "500", "--buildings") == EXIT_OK
    out = capsys.readouterr().out
    assert "rutland-latest-20220720.osm.pbf (data of 2022-07-20): basemap of" in out
    for layer in ("roads", "railways", "waterways", "water", "green", "buildings", "places"):
        assert f"\n  {layer} " in out
    with Project.open(gpkg) as project:
        info = store.info(project)
        assert info.margin_m == 500 and info.buildings
        roads = info.layers["basemap_roads"]
    assert f"{roads:,}" in out
    assert run("info", gpkg) == EXIT_OK
    info_out = capsys.readouterr().out
    assert "basemap:" in info_out and "© OpenStreetMap contributors" in info_out


def test_bad_input_exits_3_naming_the_file(gpkg, tmp_path, stretford_osm, capsys):
    bad = tmp_path / "notes.osm.pbf"
    bad.write_text("not an extract")
    assert run("import-basemap", gpkg, bad) == EXIT_BAD_INPUT
    assert "notes.osm.pbf: is not an OpenStreetMap extract" in capsys.readouterr().err
    assert run("import-basemap", gpkg, stretford_osm) == EXIT_BAD_INPUT
    assert "does not cover the project" in capsys.readouterr().err
    assert run("import-basemap", gpkg, stretford_osm, "--margin", "-5") == EXIT_BAD_INPUT


def test_usage_errors_exit_2(gpkg, capsys):
    with pytest.raises(SystemExit) as caught:
        run("import-basemap", gpkg)
    assert caught.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as caught:
        run("import-basemap", gpkg, "x.osm.pbf", "--margin", "two km")
    assert caught.value.code == EXIT_USAGE
