"""The project opener, given files that are not (or no longer) usable projects: each is
refused with a message naming the file and the problem, and the file is left as it was."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from assetmap.cli import EXIT_BAD_INPUT, main


@pytest.fixture
def opened(tmp_path, capsys) -> Callable[[Path, tuple[str, ...]], str]:
    """Try to open ``path`` as a project (info, and an import into it): both refused, the
    file and its folder unchanged."""

    def check(path: Path, says: tuple[str, ...]) -> str:
        before = path.read_bytes() if path.is_file() else None
        listing = sorted(p.name for p in path.parent.iterdir())
        messages = []
        for args in (["info", path], ["join-indicators", path, path, "--set", "x",
                                      "--key-field", "k"]):  # fmt: skip
            capsys.readouterr()
            code = main([str(a) for a in args])
            err = capsys.readouterr().err
            assert code == EXIT_BAD_INPUT, err
            assert "Traceback" not in err and err.startswith("assetmap: error: ")
            for phrase in says:
                assert phrase.lower() in err.lower(), f"{phrase!r} not in: {err}"
            messages.append(err)
        if before is not None:
            assert path.read_bytes() == before
        assert sorted(p.name for p in path.parent.iterdir()) == listing
        return messages[0]

    return check


@pytest.fixture
def demo(tmp_path, demo_at_current_schema) -> Path:
    folder = tmp_path / "projects"
    folder.mkdir()
    path = folder / "broken.gpkg"
    shutil.copy(demo_at_current_schema, path)
    return path


def edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()


def test_an_empty_file(tmp_path, opened):
    path = tmp_path / "empty.gpkg"
    path.write_bytes(b"")
    opened(path, ("empty.gpkg", "not an assetmap project"))


def test_random_bytes(tmp_path, opened):
    path = tmp_path / "noise.gpkg"
    path.write_bytes(bytes(range(256)) * 64)
    opened(path, ("noise.gpkg", "not an assetmap project"))


def test_a_text_file_named_like_a_project(tmp_path, opened):
    path = tmp_path / "notes.gpkg"
    path.write_text("name,postcode\nLibrary,M32 0TH\n", encoding="utf-8")
    opened(path, ("notes.gpkg", "not an assetmap project"))


def test_a_truncated_project(tmp_path, demo, opened):
    path = tmp_path / "half.gpkg"
    path.write_bytes(demo.read_bytes()[:8192])
    opened(path, ("half.gpkg", "damaged"))


def test_a_project_with_a_corrupted_page(demo, opened):
    data = bytearray(demo.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    demo.write_bytes(bytes(data))
    opened(demo, ("broken.gpkg", "damaged"))


def test_a_folder_named_like_a_project(tmp_path, opened):
    path = tmp_path / "folder.gpkg"
    path.mkdir()
    (tmp_path / "placeholder").write_text("")
    opened(path, ("folder.gpkg", "folder"))


def test_a_missing_file(tmp_path, opened):
    (tmp_path / "placeholder").write_text("")
    opened(tmp_path / "missing.gpkg", ("missing.gpkg", "does not exist"))


def test_a_plain_geopackage(tmp_path, trafford, opened):
    import geopandas as gpd

    path = tmp_path / "wards.gpkg"
    gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson").to_file(path)
    opened(path, ("wards.gpkg", "a GeoPackage but not an assetmap project"))


@pytest.mark.parametrize("journal", ["delete", "wal", "truncate"])
def test_another_applications_database(tmp_path, opened, journal):
    path = tmp_path / "app.gpkg"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    opened(path, ("app.gpkg", "an SQLite database but not an assetmap project"))


def test_a_project_from_a_newer_assetmap(demo, opened):
    edit(demo, "INSERT INTO am_schema VALUES (99, '2030-01-01', '9.0', 'future')")
    opened(demo, ("broken.gpkg", "newer assetmap", "schema 99"))


@pytest.mark.parametrize("table", ["assets", "am_settings", "am_categories", "asset_footprints"])
def test_a_project_missing_one_of_its_tables(demo, opened, table):
    edit(demo, f"DROP TABLE {table}")
    opened(demo, ("broken.gpkg", "parts missing", table))


def test_a_project_whose_area_layer_was_deleted_elsewhere(demo, opened):
    conn = sqlite3.connect(demo)
    table = conn.execute("SELECT table_name FROM am_area_sets").fetchone()[0]
    conn.close()
    edit(demo, f'DROP TABLE "{table}"')
    opened(demo, ("broken.gpkg", "parts missing", table))


@pytest.mark.parametrize("value", [None, json.dumps("EPSG:27700"), "424242", "{"])
def test_a_project_without_a_usable_coordinate_system(demo, opened, value):
    if value is None:
        edit(demo, "DELETE FROM am_settings WHERE key = 'srs_id'")
    else:
        edit(demo, f"UPDATE am_settings SET value = '{value}' WHERE key = 'srs_id'")
    opened(demo, ("broken.gpkg", "coordinate system"))
