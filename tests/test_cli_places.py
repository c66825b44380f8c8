"""`assetmap new PROJECT --place NAME`: a project for a local authority, offline."""

from __future__ import annotations

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import areas
from assetmap.core.places import AREA_SET
from assetmap.core.project import Project


def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_new_for_a_place_by_name(tmp_path, capsys):
    path = tmp_path / "rutland.gpkg"
    assert run("new", path, "--place", "Rutland", "--name", "Rutland assets") == EXIT_OK
    out = capsys.readouterr().out
    assert "for Rutland (E06000017, England): 23 neighbourhoods (LSOA 2011)" in out
    assert "imd_rank" in out and "postcodes" in out
    with Project.open(path) as project:
        assert project.name == "Rutland assets"
        assert areas.count(project, AREA_SET) == 23
    assert run("info", path) == EXIT_OK
    assert "postcode index:" in capsys.readouterr().out


def test_new_for_a_welsh_place_says_there_is_no_imd(tmp_path, capsys):
    path = tmp_path / "newport.gpkg"
    assert run("new", path, "--place", "W06000022") == EXIT_OK
    out = capsys.readouterr().out
    assert "no population or deprivation figures" in out
    assert "Note: Newport is in Wales. The English Indices of Deprivation 2019" in out
    assert run("info", path) == EXIT_OK
    assert "note: Newport is in Wales" in capsys.readouterr().out


def test_an_unknown_place_lists_suggestions_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "x.gpkg"
    assert run("new", path, "--place", "Leicestershir") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "no local authority in England or Wales is called 'Leicestershir'" in err
    assert "North West Leicestershire (E07000134" in err
    assert not path.exists()
