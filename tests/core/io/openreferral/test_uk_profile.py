"""Open Referral UK directories read as HSDS 3.0 ones: the UK profile's examples (fictional
records, CC BY-SA 4.0 © Open Referral; sample_data/sources/open_referral/oruk_uk_profile),
whose descriptor names some files in the singular (address.csv, schedule.csv, ...)."""

from __future__ import annotations

import shutil

import pytest

from assetmap.core import assets
from assetmap.core.imports import import_openreferral
from assetmap.core.io.openreferral import OpenReferralOptions

PLURAL_TWINS = ("addresses.csv", "schedules.csv", "taxonomies.csv")


@pytest.fixture(scope="session")
def uk_profile(sources):
    return sources / "open_referral" / "oruk_uk_profile"


@pytest.fixture
def uk_folder(uk_profile, tmp_path):
    folder = tmp_path / "oruk"
    shutil.copytree(uk_profile / "examples" / "csv", folder)
    return folder


def _imported(project, source):
    report = import_openreferral(project, source, OpenReferralOptions())
    frame = assets.frame(project)
    assert len(frame) == 1, report
    return report, frame.iloc[0]


def _check_the_example_service(report, asset):
    assert asset["name"] == "Community Counselling"
    assert asset["postcode"] == "ABC 1234"
    assert asset["address"].startswith("1-30 Main Street")
    assert "10 am to 6pm" in asset["opening_hours"]
    (issue,) = report.unplaced
    assert "latitude 100 is not a latitude" in issue.describe(report.file)
    assert asset.geometry is None


def test_the_uk_example_folder_is_read(project, uk_folder):
    _check_the_example_service(*_imported(project, uk_folder))


def test_the_uk_profile_singular_file_names_are_read_without_the_plural_ones(project, uk_folder):
    for name in PLURAL_TWINS:
        (uk_folder / name).unlink()
    report, asset = _imported(project, uk_folder)
    _check_the_example_service(report, asset)
    # address.csv has no second address line, addresses.csv has: the singular file was read
    assert "MyVillage" not in asset["address"]


def test_the_uk_profile_descriptor_names_the_files(project, uk_folder, uk_profile):
    shutil.copy(uk_profile / "datapackage.json", uk_folder / "datapackage.json")
    report, asset = _imported(project, uk_folder)
    _check_the_example_service(report, asset)
    assert "MyVillage" not in asset["address"]  # the descriptor names address.csv


@pytest.mark.parametrize(
    "name", ["service_full.json", "organization_full.json", "service_at_location_list.json"]
)
def test_the_uk_json_examples_give_the_service(project, uk_profile, name):
    report, asset = _imported(project, uk_profile / "examples" / name)
    assert asset["name"] == "Community Counselling"
    (issue,) = report.unplaced
    assert "latitude 100 is not a latitude" in issue.describe(report.file)
