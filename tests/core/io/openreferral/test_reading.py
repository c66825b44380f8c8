"""Both published forms of a directory read to the same records."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from assetmap.core.errors import BadInputError
from assetmap.core.io.openreferral import read_directory

SERVICE = "ac148810-d857-441c-9679-408f346de14b"
LOCATION = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"
SAL = "e94c9f38-1e8f-4564-91d4-d53501ab1765"


def _ids(directory, table):
    return [row["id"] for row in directory.rows(table)]


def test_tabular_package_as_folder_zip_or_descriptor_reads_the_same(hsds_csv, tmp_path):
    archive = tmp_path / "directory.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in hsds_csv.iterdir():
            z.write(file, f"package/{file.name}")  # zips often hold a folder
    for source in (hsds_csv, archive, hsds_csv / "datapackage.json"):
        directory = read_directory(source)
        assert directory.form == "tabular data package"
        assert _ids(directory, "service") == [SERVICE]
        assert _ids(directory, "service_at_location") == [SAL]
        assert directory.rows("location")[0]["latitude"] == "100"


def test_json_full_records_and_api_pages_read_the_same(hsds_json, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("service_at_location_list.json", "organization_list.json"):
        shutil.copy(hsds_json / name, pages / name)
    for source in (
        hsds_json / "service_full.json",
        hsds_json / "service_at_location_full.json",
        hsds_json / "organization_full.json",
        pages,
        hsds_json,
    ):
        directory = read_directory(source)
        assert directory.form == "JSON"
        assert _ids(directory, "service") == [SERVICE], source
        assert _ids(directory, "service_at_location") == [SAL], source
        assert _ids(directory, "location") == [LOCATION], source
        assert directory.rows("service")[0]["organization_id"], source


def test_a_list_of_services_without_locations_reads(hsds_json):
    directory = read_directory(hsds_json / "service_list.json")
    assert _ids(directory, "service") == [SERVICE]
    assert directory.rows("service_at_location") == []


def test_a_file_that_is_not_a_directory_is_refused_by_name(tmp_path):
    stray = tmp_path / "notes.json"
    stray.write_text(json.dumps({"hello": "world"}))
    with pytest.raises(BadInputError, match="has no services") as error:
        read_directory(stray)
    assert "notes.json" in str(error.value)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BadInputError, match="not an Open Referral directory"):
        read_directory(empty)
