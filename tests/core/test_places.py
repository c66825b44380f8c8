"""A project for a place from the shipped starter pack: what a user gets with no network and
no file to find (issue 15, item 2)."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pandas as pd
import pytest

from assetmap.core import areas, categories, postcode_store, search, summary
from assetmap.core.i18n import using_language
from assetmap.core.io.starter import StarterPack, UnknownPlaceError
from assetmap.core.places import AREA_SET, new_project_for_place, place_notes
from assetmap.core.project import Project


@pytest.fixture(scope="module")
def pack():
    with StarterPack() as opened:
        yield opened


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to reach the network fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a project for a place must be made offline")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_the_pack_covers_england_and_wales(pack):
    assert len(pack.places) == 339  # 317 English districts (2019), 22 Welsh principal areas
    assert sum(p.lsoas for p in pack.places) == 34_753
    assert {p.country for p in pack.places} == {"England", "Wales"}
    assert sum(p.country == "Wales" for p in pack.places) == 22


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Leicester", "E06000016"),
        ("  leicester ", "E06000016"),
        ("E06000017", "E06000017"),
        ("e06000017", "E06000017"),
        ("Bristol", "E06000023"),  # "Bristol, City of"
        ("Vale of Glamorgan", "W06000014"),  # "The Vale of Glamorgan"
        ("St Helens", "E08000013"),  # "St. Helens"
        ("Newport", "W06000022"),
    ],
)
def test_a_place_is_found_by_name_or_code(pack, query, code):
    assert pack.find(query).code == code


def test_an_unknown_place_lists_the_closest(pack):
    with pytest.raises(UnknownPlaceError) as caught:
        pack.find("Lester")
    assert caught.value.suggestions[0].name == "Leicester"
    assert "no local authority in England or Wales is called 'Lester'" in str(caught.value)
    assert "Leicester (E06000016" in str(caught.value)


def test_a_county_that_is_not_a_district_is_not_guessed(pack):
    with pytest.raises(UnknownPlaceError) as caught:
        pack.find("Leicestershire")
    names = [p.name for p in caught.value.suggestions]
    assert names[0] == "North West Leicestershire"


def test_a_former_district_names_the_authority_it_is_part_of(pack):
    with pytest.raises(UnknownPlaceError) as caught:
        pack.find("Poole")
    assert "part of Bournemouth, Christchurch and Poole (E06000058)" in str(caught.value)
    assert caught.value.suggestions[0].code == "E06000058"


def test_rutland_from_the_pack_matches_the_demo(tmp_path, pack, offline, repo_root):
    started = time.perf_counter()
    made = new_project_for_place(tmp_path / "rutland.gpkg", "Rutland", pack=pack)
    took = time.perf_counter() - started
    assert took < 10, f"a project for Rutland took {took:.1f} s"
    assert made.areas == pack.find("Rutland").lsoas == 23
    assert made.notes == []
    with Project.open(tmp_path / "rutland.gpkg") as project:
        frame = areas.frame(project, AREA_SET)
        assert len(frame) == 23
        labels = {i.column: i.label for i in areas.indicators(project, AREA_SET)}
        assert labels == {
            "population": "Population",
            "imd_rank": "IMD rank",
            "imd_decile": "IMD decile",
            "imd_need": "IMD need",
        }
        assert frame["population"].notna().all() and frame["population"].sum() > 35_000
        assert frame["imd_decile"].between(1, 10).all()
        with Project.open(repo_root / "sample_data" / "rutland.gpkg") as demo:
            shipped = areas.frame(demo, AREA_SET).set_index("code")
        mine = frame.set_index("code")
        assert set(mine.index) == set(shipped.index)
        assert (mine["imd_rank"] == shipped.loc[mine.index, "imd_rank"]).all()
        assert (mine["population"] == shipped.loc[mine.index, "population"]).all()


def test_leicester_has_its_neighbourhoods_figures_and_postcodes_offline(tmp_path, pack, offline):
    path = tmp_path / "leicester.gpkg"
    made = new_project_for_place(path, "Leicester", pack=pack)
    assert made.areas == 192 and made.postcodes > 10_000
    with Project.open(path) as project:
        assert project.name == "Leicester community assets"
        frame = areas.frame(project, AREA_SET)
        assert len(frame) == 192
        assert frame["imd_rank"].notna().all() and frame["population"].notna().all()
        # a postcode look-up, as postcode placement and Find do, works from the project alone
        index = postcode_store.load(project)
        x, y = index.lookup(pd.Series(["le1 1aa"]))
        assert (x[0], y[0]) == (459318.0, 304176.0)
        assert any(h.kind == "postcode" for h in search.find(project, "LE1 1AA"))
        lines = summary.attributions(project)
        assert any("Office for National Statistics" in line for line in lines)
        assert any("English Indices of Deprivation 2019" in line for line in lines)
        assert any("Code-Point Open" in line for line in lines)


def test_a_welsh_place_has_no_imd_and_says_so(tmp_path, pack):
    path = tmp_path / "newport.gpkg"
    made = new_project_for_place(path, "Newport", pack=pack)
    assert made.areas == 95
    assert made.indicators == []
    assert "English Indices of Deprivation 2019 cover England only" in made.notes[0]
    with Project.open(path) as project:
        assert areas.indicators(project, AREA_SET) == []
        assert "no deprivation (IMD) figures" in place_notes(project)[0]
        assert not any("Deprivation" in line for line in summary.attributions(project))
        assert postcode_store.count(project) > 5_000


def test_a_project_made_in_welsh_names_its_areas_and_categories_in_welsh(tmp_path, pack):
    path = tmp_path / "casnewydd.gpkg"
    with using_language("cy"):
        new_project_for_place(path, "Newport", pack=pack)
    with Project.open(path) as project:
        assert [s.name for s in areas.list_sets(project)] == ["Cymdogaethau (ACEHI 2011)"]
        assert "Llyfrgelloedd" in {c.label for c in categories.all_categories(project)}


def test_an_unknown_place_makes_no_file(tmp_path, pack):
    path = tmp_path / "nowhere.gpkg"
    with pytest.raises(UnknownPlaceError):
        new_project_for_place(path, "Atlantis", pack=pack)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_unless_replacing_is_asked(tmp_path, pack):
    path = tmp_path / "mine.gpkg"
    path.write_bytes(b"my work")
    with pytest.raises(Exception, match="already exists"):
        new_project_for_place(path, "Rutland", pack=pack)
    assert path.read_bytes() == b"my work"
    new_project_for_place(path, "Rutland", pack=pack, overwrite=True)
    with Project.open(path) as project:
        assert areas.count(project, AREA_SET) == 23


def test_cancel_leaves_nothing_behind(tmp_path, pack):
    from assetmap.core.errors import Cancelled

    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        new_project_for_place(tmp_path / "r.gpkg", "Rutland", pack=pack, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_the_postcodes_added_can_be_undone(tmp_path, pack):
    from assetmap.core.commands.base import CommandStack
    from assetmap.core.commands.postcodes import AddPostcodes

    with Project.create(tmp_path / "p.gpkg") as project:
        stack = CommandStack(project)
        frame = pd.DataFrame({"postcode": ["LE1 1AA"], "x": [459318.0], "y": [304176.0]})
        stack.push(AddPostcodes(frame, "test", "Contains OS data"))
        assert postcode_store.count(project) == 1
        stack.undo()
        assert postcode_store.count(project) == 0
        assert summary.attributions(project) == []
        assert project.setting("postcode_source") is None
        stack.redo()
        assert postcode_store.load(project).lookup(pd.Series(["LE1 1AA"]))[0][0] == 459318.0


def test_the_pack_ships_in_the_wheel_with_its_attributions(repo_root):
    import fnmatch

    import tomllib

    import assetmap
    from assetmap.core.io.starter import PACK_PATH

    package = Path(assetmap.__file__).resolve().parent
    config = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["assetmap"]
    for path in (PACK_PATH, PACK_PATH.with_name("README.md")):
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative
    readme = PACK_PATH.with_name("README.md").read_text(encoding="utf-8")
    for credit in ("Office for National Statistics", "Indices of Deprivation 2019", "Code-Point"):
        assert credit in readme
