"""OpenStreetMap features as assets: the Rutland demo's own assets are matched by OSM id, not
duplicated; a fresh Newport project gets its libraries, churches and parks with their OSM ids,
addresses and site outlines; an edited mapping is used; bad input changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assetmap.core import assets
from assetmap.core.commands.base import CommandStack
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.imports import import_areas, import_osm_assets
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.osm_assets import OsmAssetOptions
from assetmap.core.io.osm_tag_rules import TagRule, default_rules, read_rules
from assetmap.core.project import Project
from assetmap.core.schema import FOOTPRINTS_TABLE


@pytest.fixture(scope="session")
def rutland_pbf(sources: Path) -> Path:
    return sources / "osm" / "rutland-latest-20220720.osm.pbf"


@pytest.fixture(scope="session")
def newport_pbf(sources: Path) -> Path:
    return sources / "osm" / "newport-2023-06-13.osm.pbf"


@pytest.fixture(scope="session")
def newport_lsoas(sources: Path) -> Path:
    """Newport's 95 LSOAs (2011), cut from the national file (see its SOURCE.txt)."""
    return sources / "national_newport" / "newport_lsoa2011_bsc.geojson"


@pytest.fixture
def newport(tmp_path, newport_lsoas):
    with Project.create(tmp_path / "newport.gpkg", name="Newport") as project:
        import_areas(project, newport_lsoas, AreaImportOptions("LSOAs", "LSOA11CD", "LSOA11NM"))
        yield project


def _osm_ids(project: Project) -> list[str]:
    frame = assets.frame(project)
    return [json.loads(c)["osm_id"] for c in frame["custom"]]


def _sources(project: Project) -> list[tuple[str, str]]:
    rows = project.conn.execute("SELECT file_name, attribution FROM am_sources").fetchall()
    return [(str(f), str(a or "")) for f, a in rows]


def test_the_rutland_demo_assets_are_matched_by_osm_id_not_duplicated(
    repo_root, rutland_pbf, tmp_path
):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    with Project.open(path) as project:
        before = len(assets.frame(project))
        report = import_osm_assets(project, rutland_pbf, OsmAssetOptions())
        assert report.reimport
        assert (report.added, report.updated) == (0, 0)
        assert len(assets.frame(project)) == before == 345
        # The matched assets now name the extract, so the next import of it matches them.
        refs = {r for (r,) in project.conn.execute("SELECT origin_ref FROM assets")}
        assert refs == {rutland_pbf.name}
        assert any("© OpenStreetMap contributors" in a for f, a in _sources(project)
                   if f == rutland_pbf.name)  # fmt: skip


def test_newport_features_become_assets_with_their_osm_id_address_and_outline(newport, newport_pbf):
    report = import_osm_assets(newport, newport_pbf, OsmAssetOptions())
    frame = assets.frame(newport)
    assert report.imported == len(frame) > 100
    assert not report.rejected
    ids = _osm_ids(newport)
    assert len(set(ids)) == len(ids)
    assert all(i.split("/")[0] in ("node", "way", "relation") for i in ids)
    by_category = frame["category"].value_counts()
    for key in ("libraries", "faith_groups", "parks_green_spaces", "schools"):
        assert by_category.get(key, 0) > 0, key
    assert frame["out_of_area"].eq(0).all()  # only features within the project's areas
    assert frame["address"].notna().any() and frame["website"].notna().any()
    assert frame["opening_hours"].notna().any()
    # A park mapped as an outline keeps the outline as its site's footprint.
    sites = newport.conn.execute(f"SELECT count(*) FROM {FOOTPRINTS_TABLE}").fetchone()[0]
    ways = sum(1 for i in ids if not i.startswith("node/"))
    assert sites == ways > 0
    assert any("OpenStreetMap" in a and "ODbL" in a for _, a in _sources(newport))


def test_importing_newport_again_updates_and_undo_takes_the_import_out(newport, newport_pbf):
    stack = CommandStack(newport)
    import_osm_assets(newport, newport_pbf, OsmAssetOptions(), stack=stack)
    first = sorted(_osm_ids(newport))
    uuid = assets.frame(newport)["uuid"].iloc[0]
    newport.conn.execute("UPDATE assets SET name = 'Renamed here' WHERE uuid = ?", (uuid,))
    newport.conn.commit()
    again = import_osm_assets(newport, newport_pbf, OsmAssetOptions(), stack=stack)
    assert again.reimport and again.added == 0 and again.updated == 1
    assert sorted(_osm_ids(newport)) == first
    stack.undo()
    stack.undo()
    assert len(assets.frame(newport)) == 0


def test_an_edited_mapping_decides_what_is_imported_and_where(newport, newport_pbf):
    rules = [
        TagRule("amenity", "place_of_worship", "Quiet places", "Place of worship"),
        TagRule("amenity", "library", "library"),
    ]
    report = import_osm_assets(newport, newport_pbf, OsmAssetOptions(rules=rules))
    frame = assets.frame(newport)
    keys = set(frame["category"])
    assert "libraries" in keys  # 'library' matched the project's Libraries (singular)
    assert keys - {"libraries"} == {"quiet_places"}  # a new category
    assert any(u.value == "library" and u.key == "libraries" for u in report.categories)


def test_the_shipped_mapping_holds_the_rutland_rules():
    rules = {(r.tag, r.value): r.category for r in default_rules()}
    assert rules[("amenity", "library")] == "Libraries"
    assert rules[("amenity", "place_of_worship")] == "Faith groups"
    assert rules[("leisure", "park")] == "Parks and green spaces"
    assert default_rules()[0] == TagRule(
        "social_facility", "food_bank", "Food banks and pantries", "Food bank"
    )


def test_a_mapping_row_without_a_category_is_named(tmp_path):
    path = tmp_path / "mapping.csv"
    path.write_text("tag,value,category\namenity,library,Libraries\namenity,pub,\n")
    with pytest.raises(BadInputError) as error:
        read_rules(path)
    assert (error.value.file, error.value.row, error.value.field) == ("mapping.csv", 3, "category")


def test_a_project_without_areas_is_told_to_import_them_first(project, rutland_pbf):
    with pytest.raises(BadInputError, match="no areas"):
        import_osm_assets(project, rutland_pbf, OsmAssetOptions())
    assert len(assets.frame(project)) == 0


def test_a_file_that_is_not_an_extract_is_refused(project, tmp_path):
    path = tmp_path / "not.osm.pbf"
    path.write_text("hello")
    with pytest.raises(BadInputError, match="not an OpenStreetMap extract"):
        import_osm_assets(project, path, OsmAssetOptions())


def test_cancelling_leaves_the_project_as_it_was(repo_root, rutland_pbf, tmp_path):
    path = tmp_path / "rutland.gpkg"
    shutil.copy(repo_root / "sample_data" / "rutland.gpkg", path)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with Project.open(path) as project:
        before = project.conn.execute("SELECT origin_ref, count(*) FROM assets").fetchall()
        with pytest.raises(Cancelled):
            import_osm_assets(project, rutland_pbf, OsmAssetOptions(), cancelled=cancelled)
        after = project.conn.execute("SELECT origin_ref, count(*) FROM assets").fetchall()
        assert after == before
