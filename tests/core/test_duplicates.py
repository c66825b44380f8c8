"""Finding, merging and dismissing duplicate assets, on the real Trafford demo.

The pairs below were checked by hand against the demo's own rows (name, address, postcode,
source file) on 7 December 2026:

- Crescent Dental Care, 2 Crescent Road, Hale, WA15 9NA, 0161 929 8111: two identical rows of
  the NHS dentists list at one point. The same practice twice: a duplicate.
- Halecroft Grange, 295 Hale Road, Hale Barns, WA15 8SN and Oakfield Croft, 1 Oakfield, Sale,
  M33 6NB: each twice in the CQC care-homes list under two CQC ids (a home registered again,
  e.g. after a change of provider). One building each: duplicates on the map.
- Coppice Library (libraries list, Coppice Avenue, Sale, M33 4ND) and "Coppice Library and
  Wellbeing Centre" (the council's mental-health directory, Coppice Avenue, M33 4ND, placed by
  postcode 204 m off): the same building under its longer name. A duplicate.
- Davyhulme Medical Centre (GP list, 130 Broadway, M41 7WJ) and "Allied Pharmacy Davyhulme
  Medical Centre" (pharmacies list, at the medical centre): a pharmacy inside the surgery,
  two services. NOT a duplicate: the user marks it so.
- Altrincham Grammar School for Boys (schools list, WA14 2RS) and "The Grammar" (leisure
  centres list, the school's sports centre, same postcode): the name rule sees 'grammar' in
  both. NOT a duplicate.
- Partington Library and Wellbeing Centre (libraries list) and "Partington Library &
  Wellbeing Centre" (mental-health directory, placed by postcode): the same building, 50.1 m
  apart, different postcodes, so found only with a slightly wider radius (60 m).
- Shay Lane Medical Centre (Kelman) and (Patel), WA15 8NZ: two GP practices sharing a
  building, names 89% alike: under the 90% threshold, rightly not paired.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from assetmap.core import assets, attachments
from assetmap.core.commands import AddAttachment, CommandStack, MarkNotDuplicate, MergeAssets
from assetmap.core.duplicates import DuplicatePair, find_duplicates, normalised_name, write_csv
from assetmap.core.errors import Cancelled
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.project import Project

PHOTO = Path(__file__).parents[1] / "data" / "camera_photo.jpg"


@pytest.fixture
def demo(demo_copy: Path):
    with Project.open(demo_copy) as project:
        project.set_setting("author", "Planner")
        yield project


def _names(pair: DuplicatePair) -> set[str]:
    return {pair.name_a, pair.name_b}


def _find(pairs: list[DuplicatePair], a: str, b: str) -> DuplicatePair | None:
    return next((p for p in pairs if _names(p) == {a, b}), None)


def test_the_real_pairs_of_the_trafford_demo_are_found(demo):
    started = time.perf_counter()
    pairs = find_duplicates(demo)
    print(f"found {len(pairs)} pairs in {time.perf_counter() - started:.3f} s")
    found = {frozenset(_names(p)) for p in pairs}
    assert found == {
        frozenset({"Crescent Dental Care"}),
        frozenset({"Halecroft Grange"}),
        frozenset({"Oakfield Croft"}),
        frozenset({"Coppice Library", "Coppice Library and Wellbeing Centre"}),
        frozenset({"Davyhulme Medical Centre", "Allied Pharmacy Davyhulme Medical Centre"}),
        frozenset({"Altrincham Grammar School for Boys", "The Grammar"}),
    }
    crescent = _find(pairs, "Crescent Dental Care", "Crescent Dental Care")
    assert crescent is not None and crescent.distance_m == 0
    assert [r.kind for r in crescent.rules] == ["name", "postcode"]
    coppice = _find(pairs, "Coppice Library", "Coppice Library and Wellbeing Centre")
    assert coppice is not None and [r.kind for r in coppice.rules] == ["postcode"]
    assert coppice.distance_m == pytest.approx(204, abs=1)
    assert "threshold 90%" in coppice.rule_words
    assert {coppice.category_a, coppice.category_b} == {"Libraries", "Mental health"}
    # the two surgeries sharing Shay Lane Medical Centre are 89% alike: not paired
    assert not any("Shay Lane" in p.name_a for p in pairs)


def test_a_wider_radius_finds_partington_library_50_m_off(demo):
    def partington(pairs: list[DuplicatePair]) -> DuplicatePair | None:
        return next((p for p in pairs if p.name_a.startswith("Partington Library")), None)

    assert partington(find_duplicates(demo)) is None
    wider = partington(find_duplicates(demo, within_m=60))
    assert wider is not None and wider.rule_words == "same name 50 m apart"


def test_the_same_ods_code_pairs_a_pharmacy_listed_twice_under_other_names(
    demo, trafford, tmp_path
):
    # A second list (say a council's directory) holding three real pharmacies of the NHS
    # list under other names, moved 300 m, with their real ODS codes written another way.
    source = json.loads((trafford / "assets" / "trafford_pharmacies.geojson").read_text())
    features = source["features"][:3]
    originals = {f["properties"]["pharmacy_name"] for f in features}
    for n, feature in enumerate(features):
        props = feature["properties"]
        feature["properties"] = {
            "name": f"Chemist number {n + 1}",
            "ods_code": f" {props['organisation_data_service_code'].lower()} ",
        }
        lon, lat = feature["geometry"]["coordinates"]
        feature["geometry"]["coordinates"] = [lon + 0.0045, lat]
    directory = tmp_path / "directory.geojson"
    directory.write_text(json.dumps({**source, "features": features}))
    import_assets(demo, directory, AssetImportOptions(category="gp_primary_care"))

    pairs = [p for p in find_duplicates(demo) if any(r.kind == "identifier" for r in p.rules)]
    assert len(pairs) == 3
    for pair in pairs:
        assert {n.startswith("Chemist number") for n in _names(pair)} == {True, False}
        assert _names(pair) & originals
        assert pair.rule_words.startswith("same ")
        assert pair.distance_m == pytest.approx(300, abs=15)
    # Ward codes and local authority codes repeat across assets: never an identity
    assert not any("ward" in p.rule_words.casefold() for p in find_duplicates(demo))


def test_not_a_duplicate_is_remembered_across_runs_and_undone(demo_copy):
    with Project.open(demo_copy) as project:
        stack = CommandStack(project)
        pairs = find_duplicates(project)
        grammar = _find(pairs, "Altrincham Grammar School for Boys", "The Grammar")
        assert grammar is not None
        stack.push(MarkNotDuplicate(grammar.uuid_b, grammar.uuid_a))
        assert _find(find_duplicates(project), "The Grammar", grammar.name_a) is None
    with Project.open(demo_copy) as project:
        assert len(find_duplicates(project)) == len(pairs) - 1
        # a pharmacy in the surgery, marked then undone: asked about again
        surgery = _find(
            pairs, "Davyhulme Medical Centre", "Allied Pharmacy Davyhulme Medical Centre"
        )
        assert surgery is not None
        stack = CommandStack(project)
        stack.push(MarkNotDuplicate(surgery.uuid_a, surgery.uuid_b))
        assert len(find_duplicates(project)) == len(pairs) - 2
        stack.undo()
        assert len(find_duplicates(project)) == len(pairs) - 1
    with sqlite3.connect(demo_copy) as conn:
        row = conn.execute("SELECT uuid_a, uuid_b, decided_by FROM am_not_duplicates").fetchone()
    assert row[:2] == (grammar.uuid_a, grammar.uuid_b) and row[2]


def test_merge_keeps_every_field_moves_photos_and_undo_restores_both(demo):
    stack = CommandStack(demo)
    pair = _find(find_duplicates(demo), "Coppice Library", "Coppice Library and Wellbeing Centre")
    assert pair is not None
    library = pair.uuid_a if pair.name_a == "Coppice Library" else pair.uuid_b
    directory = pair.uuid_b if library == pair.uuid_a else pair.uuid_a
    stack.push(AddAttachment(directory, "front.jpg", PHOTO.read_bytes()))
    keep_before, other_before = assets.get(demo, library), assets.get(demo, directory)
    photo = attachments.list_for(demo, directory)[0]

    stack.push(MergeAssets(library, directory, {"name": "other", "category": "keep"}))

    kept = assets.get(demo, library)
    assert kept.name == "Coppice Library and Wellbeing Centre"  # the user's choice
    assert kept.category == keep_before.category  # both had one: kept, as chosen
    assert kept.phone == "0161 912 3560"  # only the directory had a phone: taken
    assert kept.custom["Type"] == "Partnership run library"  # the library's own field
    assert (kept.x, kept.y) == (keep_before.x, keep_before.y)
    assert [p.id for p in attachments.list_for(demo, library)] == [photo.id]
    gone = assets.get(demo, directory)
    assert gone.deleted and gone.custom["merged_into"] == library
    assert stack.undo_text == "Merge 'Coppice Library and Wellbeing Centre' into 'Coppice Library'"
    logged = demo.conn.execute(
        "SELECT DISTINCT at, command FROM am_change_log WHERE description = ?",
        (stack.undo_text,),
    ).fetchall()
    # one entry in the feed, each row naming the part of the merge it records
    assert len({at for at, _ in logged}) == 1
    assert {c for _, c in logged} == {"edit_asset", "move_attachment", "delete_asset"}

    stack.undo()
    assert assets.get(demo, library) == keep_before_after_undo(demo, keep_before)
    assert assets.get(demo, directory) == keep_before_after_undo(demo, other_before)
    assert [p.id for p in attachments.list_for(demo, directory)] == [photo.id]
    assert attachments.list_for(demo, library) == []
    stack.redo()
    assert assets.get(demo, directory).deleted


def keep_before_after_undo(project: Project, before):
    """An undone asset is its old self except for updated_at, which moves on every write."""
    return before.with_changes(updated_at=assets.get(project, before.uuid).updated_at)


def test_csv_neutralises_cells_and_the_finder_can_be_cancelled(demo, tmp_path):
    pairs = find_duplicates(demo)
    risky = DuplicatePair("a", "b", "=HYPERLINK(1)", "x", "c", "c", None, pairs[0].rules)
    out = write_csv([*pairs, risky], tmp_path / "pairs.csv")
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("score,name_a,category_a")
    assert "'=HYPERLINK(1)" in text and len(text.splitlines()) == len(pairs) + 2
    with pytest.raises(Cancelled):
        find_duplicates(demo, cancelled=lambda: True)


def test_names_normalise_the_words_lists_disagree_on():
    assert normalised_name("The Coppice Library & Wellbeing Centre.") == (
        normalised_name("coppice library and wellbeing centre")
    )
