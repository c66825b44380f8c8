"""Reading the HSDS tabular data package: datapackage.json and its CSVs, in a folder or a zip.

A publisher may also hand over the CSVs without the descriptor; their standard file names
(organizations.csv, service_at_location.csv, ...) are enough to tell the tables apart.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io import archives
from assetmap.core.io.openreferral.directory import Directory, Row
from assetmap.core.progress import CancelledFn, check_cancelled

FORM = translatable("tabular data package")
DESCRIPTOR = "datapackage.json"

# File names the HSDS examples use, for a folder of CSVs without a descriptor.
_FILE_TABLES = {
    "organizations": "organization",
    "services": "service",
    "locations": "location",
    "service_at_location": "service_at_location",
    "service_at_locations": "service_at_location",
    "addresses": "address",
    "phones": "phone",
    "schedules": "schedule",
    "contacts": "contact",
    "attributes": "attribute",
    "taxonomy_terms": "taxonomy_term",
    "taxonomies": "taxonomy",
    "languages": "language",
    "cost_options": "cost_option",
    "programs": "program",
}
# The Open Referral UK profile's descriptor names some files in the singular (address.csv,
# attribute.csv, schedule.csv, taxonomy.csv); they are read when the plural one is absent.
_SINGULAR_FILES = {table: table for table in set(_FILE_TABLES.values())}


def is_tabular(path: Path) -> bool:
    """A folder or zip holding datapackage.json or HSDS-named CSVs, or the descriptor itself."""
    if path.name.lower() == DESCRIPTOR:
        return True
    names = _member_names(path)
    return DESCRIPTOR in {PurePosixPath(n).name for n in names} or bool(_csv_tables(names))


def read_tabular(path: Path, cancelled: CancelledFn | None = None) -> Directory:
    if path.name.lower() == DESCRIPTOR:
        path = path.parent
    read = _reader(path)
    names = _member_names(path)
    descriptor = next((n for n in names if PurePosixPath(n).name == DESCRIPTOR), None)
    if descriptor is not None:
        base = PurePosixPath(descriptor).parent
        resources = _resources(path, read(descriptor))
        files = {table: str(base / member) for table, member in resources.items()}
    else:
        files = _csv_tables(names)
    directory = Directory(path=path, form=FORM)
    for table, member in files.items():
        check_cancelled(cancelled)
        if member not in names:
            raise BadInputError(
                translated("datapackage.json names '{member}', which is missing").format(
                    member=member
                ),
                file=path,
            )
        for row in _csv_rows(path, member, read(member)):
            directory.add(table, row)
    if not directory.rows("service"):
        raise BadInputError(
            translated("has no services (services.csv is missing or empty)"), file=path
        )
    return directory


def _reader(path: Path) -> Callable[[str], bytes]:
    if path.is_dir():
        return lambda member: (path / member).read_bytes()
    archives.check_zip_directory(path)
    return lambda member: archives.read_member(path, member)


def _member_names(path: Path) -> list[str]:
    if path.is_dir():
        return sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return [i.filename for i in archive.infolist() if not i.is_dir()]
    return []


def _csv_tables(names: list[str]) -> dict[str, str]:
    """Table -> member for a folder without a descriptor: the HSDS file names first."""
    csvs = {PurePosixPath(n).stem.lower(): n for n in names if n.lower().endswith(".csv")}
    found: dict[str, str] = {}
    for spelling in (_FILE_TABLES, _SINGULAR_FILES):
        for stem, table in spelling.items():
            if stem in csvs:
                found.setdefault(table, csvs[stem])
    return found


def _resources(path: Path, raw: bytes) -> dict[str, str]:
    """Table name -> CSV path from the descriptor, for the tables that are there."""
    try:
        descriptor = json.loads(raw.decode("utf-8-sig"))
        resources = descriptor["resources"]
        return {str(r["name"]): str(r["path"]) for r in resources if r.get("path")}
    except (ValueError, KeyError, TypeError) as exc:
        raise BadInputError(
            translated("datapackage.json is not a data package descriptor ({error})").format(
                error=exc
            ),
            file=path,
        ) from exc


def _csv_rows(path: Path, member: str, raw: bytes) -> list[Row]:
    """Every value as text, blanks as None; a record's number kept for the report."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    rows = []
    name = PurePosixPath(member).name
    try:
        for number, record in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=1):
            row: Row = {k.strip(): (v.strip() or None) for k, v in record.items() if k and v}
            row["_source"] = translated("{file} record {n}").format(file=name, n=number)
            rows.append(row)
    except csv.Error as exc:
        raise BadInputError(
            translated("{file}, record {n}: cannot be read as CSV ({error})").format(
                file=name, n=len(rows) + 1, error=exc
            ),
            file=path,
        ) from exc
    return rows
