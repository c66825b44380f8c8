"""The CLI's import matches categories and says how; personal data stays out of exports."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main
from assetmap.core import assets
from assetmap.core.project import Project

# People offering their skills to neighbours: what ABCD calls individuals' assets.
PEOPLE = [
    ("Maya Okafor", "Bike repairs and maintenance"),
    ("Tomasz Nowak", "Plumbing, happy to advise"),
    ("Grace Ellison", "Knitting circle host"),
    ("Imran Siddiqui", "Maths tutoring for GCSE"),
]


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def places(trafford) -> gpd.GeoDataFrame:
    return gpd.read_file(trafford / "assets" / "trafford_libraries.geojson")


@pytest.fixture
def skills_csv(tmp_path, places):
    table = pd.DataFrame(
        {
            "name": [name for name, _ in PEOPLE],
            "description": [skill for _, skill in PEOPLE],
            "lat": places.geometry.y.iloc[: len(PEOPLE)].to_numpy(),
            "lon": places.geometry.x.iloc[: len(PEOPLE)].to_numpy(),
        }
    )
    path = tmp_path / "skills.csv"
    table.to_csv(path, index=False)
    return path


def exported_text(path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def test_peoples_skills_are_flagged_without_asking_and_left_out_of_every_export(
    demo_copy, skills_csv, tmp_path, capsys
):
    code = run("import-assets", demo_copy, skills_csv, "--category", "Individuals' skills")
    assert code == EXIT_OK
    out = capsys.readouterr().out
    assert "4 assets are in 'Individuals' skills', which holds personal data" in out
    with Project.open(demo_copy) as project:
        frame = assets.frame(project)
        mine = frame[frame["source"] == "skills.csv"]
        assert len(mine) == 4 and mine["personal_data"].astype(bool).all()

    for suffix in ("csv", "geojson", "html", "gpkg"):
        left_out = tmp_path / f"without.{suffix}"
        assert run("export", demo_copy, "--out", left_out, "--quiet") == EXIT_OK
        text = exported_text(left_out)
        assert "Stretford Library" in text or suffix == "gpkg"  # the rest is there
        for name, skill in PEOPLE:
            assert name not in text and skill not in text, (suffix, name)

        included = tmp_path / f"with.{suffix}"
        code = run("export", demo_copy, "--out", included, "--include-personal", "--quiet")
        assert code == EXIT_OK
        text = exported_text(included)
        for name, _skill in PEOPLE:
            assert name in text, (suffix, name)


def test_the_gpkg_export_without_personal_data_has_none_of_their_rows(
    demo_copy, skills_csv, tmp_path
):
    assert run("import-assets", demo_copy, skills_csv, "--category", "individual_skills") == 0
    out = tmp_path / "out.gpkg"
    assert run("export", demo_copy, "--out", out, "--quiet") == EXIT_OK
    exported = gpd.read_file(out, layer="assets")
    assert not set(exported["name"]) & {name for name, _ in PEOPLE}
    assert len(exported) > 100


def test_the_cli_prints_the_category_mapping_it_applied(tmp_path, places, capsys):
    project = tmp_path / "new.gpkg"
    assert run("new", project) == EXIT_OK
    kinds = ["Library", "GP surgery", "Food bank", "Community centre", "School", "Ski slopes"]
    table = pd.DataFrame(
        {
            "name": [f"Place {i}" for i in range(len(kinds) + 2)],
            "type": [*kinds, "Libraries", "Ski slopes"],
            "lat": places.geometry.y.iloc[: len(kinds) + 2].to_numpy(),
            "lon": places.geometry.x.iloc[: len(kinds) + 2].to_numpy(),
        }
    )
    path = tmp_path / "places.csv"
    table.to_csv(path, index=False)
    capsys.readouterr()
    assert run("import-assets", project, path, "--category-field", "type", "--quiet") == 0
    out = capsys.readouterr().out.splitlines()
    start = out.index("  categories (value in the file \u2192 category):")
    assert out[start + 1 : start + 8] == [
        "    'Ski slopes' \u2192 new category 'Ski slopes' (2 rows)",
        "    'Community centre' \u2192 Community centres (1 row, same name)",
        "    'Food bank' \u2192 Food banks and pantries (1 row, same name)",
        "    'GP surgery' \u2192 GP and primary care (1 row, same name)",
        "    'Libraries' \u2192 Libraries (1 row, same name)",
        "    'Library' \u2192 Libraries (1 row, same name)",
        "    'School' \u2192 Schools (1 row, same name)",
    ]
    assert any("new categories made" in line and "'Ski slopes'" in line for line in out)


def test_an_ambiguous_category_for_every_row_exits_3(demo_copy, skills_csv, capsys):
    code = run("import-assets", demo_copy, skills_csv, "--category", "Library and leisure centre")
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "could be 'Libraries' or 'Sport and leisure'" in err and "--category" in err


def test_rejected_assets_stay_out_of_an_export_unless_asked(demo_copy, tmp_path, capsys):
    from assetmap.core.commands import CommandStack
    from assetmap.core.commands.review import SetReview

    with Project.open(demo_copy) as project:
        frame = assets.frame(project)
        library = frame[frame["name"] == "Stretford Library"]["uuid"].iloc[0]
        CommandStack(project).push(SetReview((library,), "rejected"))
    without, with_rejected = tmp_path / "without.csv", tmp_path / "with.csv"
    assert run("export", demo_copy, "--out", without, "--quiet") == EXIT_OK
    assert "Left out: 1 rejected asset." in capsys.readouterr().out
    assert library not in set(pd.read_csv(without, encoding="utf-8-sig")["uuid"])
    assert run("export", demo_copy, "--out", with_rejected, "--include-rejected") == EXIT_OK
    assert "Left out" not in capsys.readouterr().out
    rows = pd.read_csv(with_rejected, encoding="utf-8-sig")
    assert rows.loc[rows["uuid"] == library, "review"].tolist() == ["rejected"]
