"""A directory's services become assets through the asset import: placed by coordinates or
postcode, categorised through the taxonomy mapping, updated (not duplicated) when imported
again, undoable, cancellable with nothing changed."""

from __future__ import annotations

import json

import pytest

from assetmap.core import assets
from assetmap.core.commands.base import CommandStack
from assetmap.core.errors import Cancelled
from assetmap.core.imports import import_openreferral
from assetmap.core.io.openreferral import OpenReferralOptions, read_terms

SAL = "e94c9f38-1e8f-4564-91d4-d53501ab1765"
LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"


def _only_asset(project):
    frame = assets.frame(project)
    assert len(frame) == 1
    return frame.iloc[0]


def test_the_examples_service_is_an_asset_with_its_organisation_and_service_details(
    project, hsds_csv
):
    import_openreferral(project, hsds_csv, OpenReferralOptions())
    asset = _only_asset(project)
    assert asset["name"] == "Community Counselling"
    assert asset["phone"] == "+44 1234 234567"
    assert asset["website"] == "http://example.com/counselling"
    assert asset["contact"] == "email@example.com"
    assert asset["postcode"] == "ABC 1234"
    assert asset["address"].startswith("1-30 Main Street, MyVillage, MyCity")
    assert "10 am to 6pm" in asset["opening_hours"]
    custom = json.loads(asset["custom"])
    assert custom["Organisation"] == "Example Organization Inc."
    assert custom["Service at location ID"] == SAL
    assert custom["Location ID"] == LOCATION
    assert SAL in asset["origin_key"]


def test_latitude_100_is_reported_with_file_record_and_field_and_not_placed(project, hsds_csv):
    report = import_openreferral(project, hsds_csv, OpenReferralOptions())
    assert report.imported == 1 and not report.rejected
    (issue,) = report.unplaced
    text = issue.describe(report.file)
    assert "hsds3_examples_csv" in text
    assert "locations.csv record 1" in text  # the CSV and its row the location is on
    assert "field 'latitude'" in text
    assert LOCATION in text and SAL in text
    assert "latitude 100 is not a latitude" in text
    assert _only_asset(project).geometry is None


def test_the_json_form_gives_the_same_asset(project, hsds_json, hsds_csv, tmp_path):
    import_openreferral(project, hsds_json / "service_full.json", OpenReferralOptions())
    from_json = _only_asset(project)
    from assetmap.core.project import Project

    with Project.create(tmp_path / "other.gpkg") as other:
        import_openreferral(other, hsds_csv, OpenReferralOptions())
        from_csv = _only_asset(other)
    for field in ("name", "description", "address", "postcode", "phone", "website", "contact"):
        assert from_json[field] == from_csv[field], field


def test_a_location_without_coordinates_is_placed_by_its_postcode(
    project, package_copy, edit_csv, sources
):
    edit_csv(package_copy / "locations.csv", {"latitude": "", "longitude": ""})
    edit_csv(package_copy / "addresses.csv", {"postal_code": "M15 4AB"})
    index = sources / "trafford" / "lookups" / "trafford_postcodes.csv"
    report = import_openreferral(project, package_copy, OpenReferralOptions(postcode_index=index))
    assert not report.unplaced
    asset = _only_asset(project)
    assert asset["postcode"] == "M15 4AB"
    assert asset.geometry is not None
    # M15 4AB is at -2.26046, 53.465578: about (383000, 396500) in British National Grid
    assert abs(asset.geometry.x - 382_900) < 500 and abs(asset.geometry.y - 396_500) < 500


def test_bad_coordinates_with_a_postcode_are_reported_and_placed_by_the_postcode(
    project, package_copy, edit_csv, sources
):
    edit_csv(package_copy / "addresses.csv", {"postal_code": "M15 4AB"})
    index = sources / "trafford" / "lookups" / "trafford_postcodes.csv"
    report = import_openreferral(project, package_copy, OpenReferralOptions(postcode_index=index))
    assert any("latitude 100" in i.message and "postcode" in i.message for i in report.repaired)
    assert _only_asset(project).geometry is not None


def test_importing_the_directory_again_updates_instead_of_duplicating(
    project, package_copy, edit_csv
):
    import_openreferral(project, package_copy, OpenReferralOptions())
    edit_csv(package_copy / "services.csv", {"name": "Community Counselling (renamed)"})
    report = import_openreferral(project, package_copy, OpenReferralOptions())
    assert report.reimport and report.updated == 1 and report.added == 0
    assert _only_asset(project)["name"] == "Community Counselling (renamed)"


def _with_term(edit_csv, package, term):
    edit_csv(package / "taxonomy_terms.csv", {"name": term})
    edit_csv(package / "attributes.csv", {"link_id": "ac148810-d857-441c-9679-408f346de14b"})


def test_taxonomy_terms_map_to_categories_by_the_default_mapping(project, package_copy, edit_csv):
    _with_term(edit_csv, package_copy, "Counselling")
    _, terms = read_terms(project, package_copy)
    assert [(t.term, t.services, t.category) for t in terms] == [
        ("Counselling", 1, "mental_health")
    ]
    report = import_openreferral(project, package_copy, OpenReferralOptions())
    assert _only_asset(project)["category"] == "mental_health"
    assert report.categories[0].value == "Counselling"


def test_a_chosen_category_overrides_the_default(project, package_copy, edit_csv):
    _with_term(edit_csv, package_copy, "Counselling")
    options = OpenReferralOptions(category_map={"Counselling": "charities"})
    import_openreferral(project, package_copy, options)
    assert _only_asset(project)["category"] == "charities"


def test_terms_go_through_the_same_matching_as_a_spreadsheet(project, package_copy, edit_csv):
    _with_term(
        edit_csv, package_copy, "food bank"
    )  # not in the defaults: matched by synonym/plural
    import_openreferral(project, package_copy, OpenReferralOptions())
    assert _only_asset(project)["category"] == "food_banks"


def test_the_import_is_undone_in_one_step(project, hsds_csv):
    stack = CommandStack(project)
    import_openreferral(project, hsds_csv, OpenReferralOptions(), stack=stack)
    assert len(assets.frame(project)) == 1
    stack.undo()
    assert len(assets.frame(project)) == 0


def test_cancel_leaves_the_project_unchanged(project, hsds_csv):
    with pytest.raises(Cancelled):
        import_openreferral(project, hsds_csv, OpenReferralOptions(), cancelled=lambda: True)
    assert len(assets.frame(project)) == 0
