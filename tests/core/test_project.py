"""Opening, creating, migrating and refusing project files."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from assetmap.core import areas, assets, backup, categories, schema
from assetmap.core.errors import BadInputError, ProjectFileError
from assetmap.core.project import Project
from assetmap.core.taxonomy import GROUP_COLOURS, default_categories, group_names


def test_new_project_has_the_default_taxonomy(project):
    cats = categories.all_categories(project)
    assert {c.group for c in cats} == set(group_names())
    keys = {c.key for c in cats}
    assert {"food_banks", "mental_health", "nhs_hospitals", "individual_skills"} <= keys
    skills = categories.get(project, "individual_skills")
    assert skills.personal_data and skills.group == "People and culture"
    assert all(c.colour == GROUP_COLOURS[c.group] for c in cats)
    # Within a group every category has its own shape, so colour-blind users can tell them apart.
    for group in group_names():
        symbols = [c.symbol for c in cats if c.group == group]
        assert len(symbols) == len(set(symbols))
    assert len(cats) == len(default_categories())


def test_project_settings_and_crs(project):
    assert project.name == "Test project"
    assert project.crs.to_epsg() == 27700
    project.set_setting("author", "Asha")
    assert project.author == "Asha"


def test_create_refuses_an_existing_file_and_non_metric_crs(tmp_path, project):
    with pytest.raises(BadInputError, match="already exists"):
        Project.create(project.path)
    with pytest.raises(BadInputError, match="not a projected coordinate system in metres"):
        Project.create(tmp_path / "wgs.gpkg", crs="EPSG:4326")
    with pytest.raises(BadInputError, match=r"\.gpkg"):
        Project.create(tmp_path / "notes.txt")
    assert not (tmp_path / "wgs.gpkg").exists()


def test_any_metric_crs_works(tmp_path):
    with Project.create(tmp_path / "utm.gpkg", crs="EPSG:32633") as p:
        assert p.crs.to_epsg() == 32633


def test_opening_a_missing_or_non_project_file_says_so(tmp_path):
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.open(tmp_path / "nope.gpkg")
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database")
    with pytest.raises(ProjectFileError, match="not an assetmap project"):
        Project.open(text)


def test_a_plain_geopackage_is_not_taken_for_a_project(tmp_path, trafford):
    import geopandas as gpd

    plain = tmp_path / "wards.gpkg"
    gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson").to_file(plain)
    with pytest.raises(ProjectFileError, match="GeoPackage but not an assetmap project"):
        Project.open(plain)


def test_a_damaged_file_gets_a_message_not_a_traceback(project):
    path = project.path
    project.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match="damaged"):
        Project.open(path)


def test_a_file_from_a_newer_assetmap_is_refused_unchanged(project):
    path = project.path
    with project.transaction():
        project.conn.execute(
            "INSERT INTO am_schema VALUES (?, 'x', '99.0', 'from the future')",
            (schema.CURRENT_VERSION + 1,),
        )
    project.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="newer assetmap"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_locked_project_gets_a_clear_message(project, monkeypatch):
    import assetmap.core.project as project_module

    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(project.path, timeout=0.1, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        second = Project.open(project.path)
        with (
            pytest.raises(ProjectFileError, match="being changed by another program"),
            second.transaction(),
        ):
            pass
        second.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_project_written_by_schema_1_opens_migrated_with_backup(tmp_path, repo_root):
    path = tmp_path / "old.gpkg"
    shutil.copy(repo_root / "tests" / "data" / "project_schema_v1.gpkg", path)
    with Project.open(path) as p:
        assert p.schema_version() == schema.CURRENT_VERSION
        libraries = assets.frame(p)
        assert len(libraries) == 13
        assert set(libraries["review"]) == {"approved"}  # migration 2 added it, 9 renamed it
        first = assets.get(p, "00000000-0000-4000-8000-000000000000")
        assert first.custom["Type"]
        assert areas.count(p, "Wards") == 21
        p.conn.execute("SELECT count(*) FROM am_analysis_runs").fetchone()
    copies = backup.list_backups(path)
    assert len(copies) == 1 and "before-upgrade" in copies[0].name
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT max(version) FROM am_schema").fetchone()[0] == 1


def test_failed_transaction_changes_nothing_and_emits_nothing(project):
    heard = []
    project.events.categories_changed.connect(lambda **kw: heard.append(kw))
    with pytest.raises(RuntimeError), project.transaction():
        project.conn.execute("DELETE FROM am_categories")
        project.notify(project.events.categories_changed)
        raise RuntimeError("power cut")
    assert len(categories.all_categories(project)) == len(default_categories())
    assert heard == []


def test_nested_transactions_roll_back_only_the_inner_part(project):
    with project.transaction():
        project.conn.execute("UPDATE am_categories SET label = 'A' WHERE key = 'arts'")
        with pytest.raises(ValueError), project.transaction():
            project.conn.execute("UPDATE am_categories SET label = 'B' WHERE key = 'arts'")
            raise ValueError
    assert categories.get(project, "arts").label == "A"


def test_rotating_backups_keep_the_newest(project):
    for _ in range(7):
        backup.backup(project.path, project.conn, reason="test", keep=5)
    assert len(backup.list_backups(project.path)) == 5
