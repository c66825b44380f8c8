"""assetmap import-osm-assets: assets from an extract through a (shipped or given) mapping."""

from __future__ import annotations

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import assets
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_import_osm_assets_with_a_mapping_file(tmp_path, sources, capsys):
    project = tmp_path / "rutland.gpkg"
    lsoas = sources / "national_rutland" / "rutland_lsoa2011_bsc.geojson"
    assert run("new", project) == EXIT_OK
    assert run("import-areas", project, lsoas, "--set", "LSOA", "--quiet") == EXIT_OK
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("tag,value,category\namenity,library,Libraries\n")
    pbf = sources / "osm" / "rutland-latest-20220720.osm.pbf"
    assert run("import-osm-assets", project, pbf, "--mapping", mapping, "--quiet") == EXIT_OK
    assert "4 " in capsys.readouterr().out
    with Project.open(project) as p:
        assert set(assets.frame(p)["category"]) == {"libraries"}
    assert run("import-osm-assets", project, pbf, "--mapping", mapping, "--quiet") == EXIT_OK
    assert "0 added" in capsys.readouterr().out


def test_a_bad_mapping_is_named_with_row_and_field(tmp_path, sources, capsys):
    project = tmp_path / "p.gpkg"
    assert run("new", project) == EXIT_OK
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("tag,value,category\namenity,,Libraries\n")
    pbf = sources / "osm" / "rutland-latest-20220720.osm.pbf"
    assert run("import-osm-assets", project, pbf, "--mapping", mapping) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "mapping.csv" in err and "2" in err and "value" in err
