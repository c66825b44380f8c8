"""The export is an HSDS 3.0 tabular data package that validates against the published
schema, leaves personal data out, and comes back through the importer with nothing lost."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile

import frictionless
import pytest

from assetmap.core import assets
from assetmap.core.errors import Cancelled
from assetmap.core.export.options import ExportOptions
from assetmap.core.imports import import_openreferral
from assetmap.core.io.openreferral import OpenReferralOptions
from assetmap.core.io.openreferral.writer import export_openreferral
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

CONTACT_FIELDS = ("name", "category", "address", "postcode", "phone", "contact", "opening_hours")


@pytest.fixture
def demo(demo_copy):
    with Project.open(demo_copy) as project:
        yield project


def _unpack(archive, folder):
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
    return folder


def _validate_against_published_schema(folder, schema):
    """Validate the CSVs with the published descriptor, not the one the export wrote."""
    shutil.copy(schema, folder / "datapackage.json")
    limit = csv.field_size_limit()
    try:
        report = frictionless.validate(str(folder / "datapackage.json"))
    finally:
        # frictionless raises the csv module's field limit for the whole process when its
        # CSV parser is imported; assetmap's readers (and their tests) rely on the default.
        csv.field_size_limit(limit)
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    return report.valid, errors


def test_the_export_validates_against_the_published_hsds_schema(demo, tmp_path, hsds_schema):
    out = tmp_path / "directory.zip"
    report = export_openreferral(demo, out, ExportOptions())
    assert report.assets == len(assets.frame(demo))
    folder = _unpack(out, tmp_path / "unpacked")
    written = json.loads((folder / "datapackage.json").read_text())
    published = json.loads(hsds_schema.read_text())
    assert written["resources"] == published["resources"]
    valid, errors = _validate_against_published_schema(folder, hsds_schema)
    assert valid, errors[:10]


def test_the_validation_would_catch_a_broken_package(demo, tmp_path, hsds_schema):
    """The check is real: a service pointing at a missing organisation fails it."""
    out = tmp_path / "directory.zip"
    export_openreferral(demo, out, ExportOptions())
    folder = _unpack(out, tmp_path / "unpacked")
    (folder / "organizations.csv").write_text("id,name,description\n")
    valid, errors = _validate_against_published_schema(folder, hsds_schema)
    assert not valid and any("organization" in e for e in errors)


def test_export_then_import_into_a_fresh_project_gives_the_same_assets(demo, tmp_path):
    out = tmp_path / "directory.zip"
    export_openreferral(demo, out, ExportOptions())
    before = assets.frame(demo).sort_values("name", kind="stable").reset_index(drop=True)
    with Project.create(tmp_path / "fresh.gpkg") as fresh:
        import_openreferral(fresh, out, OpenReferralOptions())
        after = assets.frame(fresh).sort_values("name", kind="stable").reset_index(drop=True)
    assert len(after) == len(before)
    for field in CONTACT_FIELDS + ("description", "status"):
        want = before[field].fillna("").astype(str).tolist()
        got = after[field].fillna("").astype(str).tolist()
        assert got == want, field
    # A website written without its scheme ('www.school.org.uk') goes out as a URI
    for want, got in zip(before["website"].fillna(""), after["website"].fillna(""), strict=True):
        assert got == want or got == f"http://{want}"
    placed = before.geometry.notna() & ~before.geometry.is_empty
    assert (after.geometry.notna() & ~after.geometry.is_empty).tolist() == placed.tolist()
    moved = before.geometry[placed].distance(after.geometry[placed])
    assert moved.max() < 0.05  # metres: longitude/latitude are written to 7 decimals


def test_an_imported_directory_keeps_its_ids_when_exported_again(project, hsds_csv, tmp_path):
    import_openreferral(project, hsds_csv, OpenReferralOptions())
    out = tmp_path / "again.zip"
    export_openreferral(project, out, ExportOptions())
    folder = _unpack(out, tmp_path / "unpacked")
    services = (folder / "services.csv").read_text()
    organisations = (folder / "organizations.csv").read_text()
    assert "ac148810-d857-441c-9679-408f346de14b" in services
    assert "Example Organization Inc." in organisations


def test_personal_data_assets_are_never_exported(demo, tmp_path):
    frame = assets.frame(demo)
    secret = frame["uuid"].iloc[:3].tolist()
    with demo.conn:
        demo.conn.executemany(
            f"UPDATE {ASSETS_TABLE} SET personal_data = 1 WHERE uuid = ?", [(u,) for u in secret]
        )
    out = tmp_path / "directory.zip"
    report = export_openreferral(demo, out, ExportOptions(include_personal=True))
    assert report.assets == len(frame) - 3
    assert "personal data" in report.notice
    names = set(frame.loc[frame["uuid"].isin(secret), "name"])
    services = _unpack(out, tmp_path / "unpacked") / "services.csv"
    text = services.read_text()
    assert not any(f",{name}," in text for name in names)


def test_cancel_writes_no_file(demo, tmp_path):
    out = tmp_path / "directory.zip"
    with pytest.raises(Cancelled):
        export_openreferral(demo, out, ExportOptions(), cancelled=lambda: True)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if "directory" in p.name]  # no partial file
