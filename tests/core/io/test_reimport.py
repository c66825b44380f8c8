"""Importing an updated Trafford file again updates the assets it made, never duplicates them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assetmap.cli import main
from assetmap.core import assets
from assetmap.core.commands import CommandStack
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.project import Project


def _updated_copy(source, folder, name=None, *, change, drop, add):
    """The file as its publisher might send it next year: rows changed, gone and new."""
    data = json.loads(source.read_text(encoding="utf-8"))
    features = data["features"]
    for index, props in change.items():
        features[index]["properties"].update(props)
    kept = [f for i, f in enumerate(features) if i not in drop]
    for props in add:
        extra = json.loads(json.dumps(features[0]))
        extra["properties"].update(props)
        extra["geometry"]["coordinates"] = [-2.30, 53.43]
        kept.append(extra)
    data["features"] = kept
    path = folder / (name or source.name)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _live(project, file_name):
    return assets.frame(project, where="origin_ref = ?", params=(file_name,))


def test_an_updated_file_imported_again_updates_keeps_and_adds(demo_copy, trafford, tmp_path):
    source = trafford / "assets" / "trafford_libraries.geojson"
    first = json.loads(source.read_text(encoding="utf-8"))["features"]
    changed_name = first[2]["properties"]["Name"]
    gone = {first[5]["properties"]["Name"], first[6]["properties"]["Name"]}
    path = _updated_copy(
        source,
        tmp_path,
        change={2: {"Address": "1 New Street, Sale"}},
        drop={5, 6},
        add=[{"Name": "Partington Library Pop-up", "Postcode": "M31 4BX"}],
    )
    with Project.open(demo_copy) as project:
        before = _live(project, source.name).set_index("name")
        stack = CommandStack(project)
        report = import_assets(project, path, AssetImportOptions(category="Libraries"), stack=stack)
        assert report.reimport and report.match_key == "name + postcode"
        assert (report.added, report.updated, report.unchanged) == (1, 1, 10)
        assert {m.label for m in report.missing} == gone
        counts = "1 added, 1 updated, 10 unchanged, 2 no longer in the file (kept)"
        assert counts in report.summary()
        after = _live(project, source.name).set_index("name")
        assert len(after) == 14  # nothing deleted, one added, no duplicates
        assert after.loc[changed_name, "address"] == "1 New Street, Sale"
        assert after.loc[changed_name, "uuid"] == before.loc[changed_name, "uuid"]
        batch = after.loc[changed_name, "import_batch"]
        assert batch == after.loc["Partington Library Pop-up", "import_batch"]  # the new batch
        assert gone <= set(after.index)  # listed and kept
        # Undo puts back the previous values and removes only the added asset.
        stack.undo()
        restored = _live(project, source.name).set_index("name")
        assert len(restored) == 13
        assert restored.loc[changed_name, "address"] == before.loc[changed_name, "address"]
        old_batch = before.loc[changed_name, "import_batch"]
        assert restored.loc[changed_name, "import_batch"] == old_batch
        stack.redo()
        assert len(_live(project, source.name)) == 14


def test_an_identifier_column_matches_rows_whose_names_changed(demo_copy, trafford, tmp_path):
    source = trafford / "assets" / "trafford_care_homes.geojson"
    first = json.loads(source.read_text(encoding="utf-8"))["features"]
    renamed_id = first[0]["properties"]["cqc_id"]
    path = _updated_copy(
        source,
        tmp_path,
        change={0: {"name": "Renamed Care Home"}, 1: {"telephone": 1619990000.0}},
        drop={10},
        add=[{"name": "New Home", "cqc_id": "1-NEW", "postcode": "M33 7XX"}],
    )
    with Project.open(demo_copy) as project:
        options = AssetImportOptions(category="Social care", id_field="cqc_id")
        import_assets(project, source, options)  # the demo's phones were tidied; the file's now
        report = import_assets(project, path, options)
        assert report.match_key == "the identifier column 'cqc_id'"
        assert (report.added, report.updated, report.unchanged) == (1, 2, 53), report.lines()
        assert len(report.missing) == 1
        homes = _live(project, source.name)
        assert len(homes) == 57
        renamed = homes[homes["name"] == "Renamed Care Home"]
        assert json.loads(renamed["custom"].iloc[0])["cqc_id"] == renamed_id
        assert renamed["origin_key"].iloc[0] == f"id=cqc_id:{renamed_id}"
        # Without the identifier, name and postcode (as now stored) match the same assets.
        again = import_assets(project, path, AssetImportOptions(category="Social care"))
        assert again.match_key == "name + postcode"
        assert (again.added, again.updated, again.unchanged) == (0, 0, 56)
        assert len(again.missing) == 1 and len(_live(project, source.name)) == 57


def test_the_cli_prints_the_counts_the_key_and_the_rows_no_longer_in_the_file(
    demo_copy, trafford, tmp_path, capsys
):
    source = trafford / "assets" / "trafford_libraries.geojson"
    path = _updated_copy(source, tmp_path, change={0: {"Website": "https://x.example"}},
                         drop={1}, add=[])  # fmt: skip
    report_csv = tmp_path / "report.csv"
    code = main(["import-assets", str(demo_copy), str(path), "--category", "Libraries",
                 "--quiet", "--report", str(report_csv)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "matched by name + postcode: 0 added, 1 updated, 11 unchanged" in out
    assert "no longer in the file (kept in the project):" in out
    text = report_csv.read_text(encoding="utf-8")
    assert "no longer in the file" in text and "updated website" in text


def test_a_first_import_names_the_key_a_second_one_would_use(project, trafford, capsys):
    code = main(["import-assets", str(project.path),
                 str(trafford / "assets" / "trafford_food_banks.geojson"), "--quiet"])  # fmt: skip
    assert code == 0
    assert "importing this file again matches rows by name + postcode" in capsys.readouterr().out


def test_a_missing_identifier_column_is_refused(project, trafford):
    with pytest.raises(BadInputError, match="--id-field"):
        import_assets(
            project,
            trafford / "assets" / "trafford_libraries.geojson",
            AssetImportOptions(id_field="no_such"),
        )


def test_another_assetmap_project_is_refused_with_a_pointer_to_merging(demo_copy, tmp_path, capsys):
    target = tmp_path / "mine.gpkg"
    Project.create(target).close()
    before = target.read_bytes()
    code = main(["import-assets", str(target), str(demo_copy), "--quiet"])
    err = capsys.readouterr().err
    assert code == 3
    assert "demo.gpkg: is an assetmap project" in err and "merging projects" in err
    assert target.read_bytes() == before
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM assets").fetchone()[0] == 0
    conn.close()


def test_an_updated_file_under_a_new_name_replaces_the_one_it_names(demo_copy, trafford, tmp_path):
    source = trafford / "assets" / "trafford_libraries.geojson"
    first = json.loads(source.read_text(encoding="utf-8"))["features"]
    renamed_file = _updated_copy(
        source, tmp_path, "libraries_2027.geojson",
        change={2: {"Address": "1 New Street, Sale"}}, drop={5}, add=[],
    )  # fmt: skip
    with Project.open(demo_copy) as project:
        before = len(assets.frame(project))
        stack = CommandStack(project)
        options = AssetImportOptions(category="Libraries", replaces=source.name)
        report = import_assets(project, renamed_file, options, stack=stack)
        assert report.reimport
        assert (report.added, report.updated, report.unchanged) == (0, 1, 11)
        assert [m.label for m in report.missing] == [first[5]["properties"]["Name"]]
        assert len(assets.frame(project)) == before  # nothing added twice
        # The matched assets now belong to the new file; undo gives them back to the old one.
        assert len(_live(project, "libraries_2027.geojson")) == 12
        stack.undo()
        assert len(_live(project, "libraries_2027.geojson")) == 0
        assert len(_live(project, source.name)) == 13
        stack.redo()
        again = import_assets(project, renamed_file, AssetImportOptions(category="Libraries"))
        assert (again.added, again.updated, again.unchanged) == (0, 0, 12)


def test_replacing_a_file_never_imported_names_the_files_that_were(demo_copy, trafford):
    with Project.open(demo_copy) as project, pytest.raises(BadInputError) as caught:
        import_assets(
            project,
            trafford / "assets" / "trafford_libraries.geojson",
            AssetImportOptions(category="Libraries", replaces="libraries_2019.csv"),
        )
    message = str(caught.value)
    assert "no assets were imported from a file named 'libraries_2019.csv'" in message
    assert "trafford_libraries.geojson" in message


def test_the_cli_takes_the_file_an_update_replaces(demo_copy, trafford, tmp_path, capsys):
    source = trafford / "assets" / "trafford_libraries.geojson"
    path = _updated_copy(source, tmp_path, "libraries_new.geojson", change={}, drop=set(), add=[])
    code = main(["import-assets", str(demo_copy), str(path), "--category", "Libraries",
                 "--replaces", source.name, "--quiet"])  # fmt: skip
    assert code == 0
    assert "0 added, 0 updated, 13 unchanged" in capsys.readouterr().out
