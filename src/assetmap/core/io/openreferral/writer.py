"""The project's assets as an Open Referral (HSDS 3.0) tabular data package in a zip.

Every asset is a service at a location: a service (name, description, website, e-mail,
status, eligibility), a location (its position in longitude/latitude) with an address, a
phone, a schedule (opening hours) and its category as a taxonomy term. The zip holds
datapackage.json (the HSDS 3.0 descriptor, every table) and one CSV per table, written with
the HSDS fields in order, so any HSDS tool (and assetmap's importer) reads it back.

Ids: an asset imported from a directory keeps the ids it came with (its custom fields
"Service ID", "Location ID", ...), so a directory passed through assetmap keeps its
identity; other assets get ids derived from their uuid, the same in every export.
Personal-data assets are never written, whatever the export options say: a service
directory is published.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from assetmap.core import categories, output
from assetmap.core.export.api import ExportReport
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import choose_assets
from assetmap.core.i18n import translated
from assetmap.core.io.openreferral.directory import Row
from assetmap.core.io.openreferral.records import KEY
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category

DESCRIPTOR = Path(__file__).parent / "data" / "hsds3_datapackage.json"
_NAMESPACE = uuid.UUID("6f1c0a52-3c1e-4c55-9a55-0e7a2f3d8b11")  # assetmap's HSDS ids
_STATUS = {"active": "active", "closed": "inactive", "proposed": "inactive"}
TAXONOMY_NAME = "assetmap categories"


@cache
def hsds_descriptor() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    return loaded


def table_fields() -> dict[str, list[str]]:
    """Each HSDS table's fields, in the descriptor's order."""
    return {
        r["name"]: [f["name"] for f in r["schema"]["fields"]]
        for r in hsds_descriptor()["resources"]
    }


def export_openreferral(
    project: Project,
    path: str | Path,
    options: ExportOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ExportReport:
    path = Path(path)
    if path.suffix.lower() != ".zip":
        raise_bad_suffix(path)
    output.check_target(path)
    steps = Steps(progress)
    steps(0.05, translated("Choosing what to export"))
    chosen = choose_assets(project, replace(options, include_personal=False))
    frame = _without_personal_categories(project, chosen.frame)
    check_cancelled(cancelled)
    steps(0.2, translated("Building the directory"))
    tables = build_tables(project, frame, cancelled)
    check_cancelled(cancelled)
    steps(0.8, translated("Writing {file}").format(file=path.name))
    with output.replacing(path) as tmp:
        write_zip(tmp, project, tables)
    steps(1.0, translated("Done"))
    left_out = len(chosen.frame) - len(frame) + chosen.personal_left_out
    notice = chosen.notice() if left_out == chosen.personal_left_out else ""
    if left_out and not notice:
        notice = translated("Left out: {n:,} assets holding personal data.").format(n=left_out)
    if tables.no_postcode:
        notice = " ".join(
            p
            for p in (
                notice,
                translated(
                    "{n:,} addresses without a postcode are in their location's description "
                    "(HSDS requires a postcode in an address)."
                ).format(n=tables.no_postcode),
            )
            if p
        )
    return ExportReport(path, len(frame), notice)


def raise_bad_suffix(path: Path) -> None:
    from assetmap.core.errors import BadInputError

    raise BadInputError(
        translated("an Open Referral directory is written as a .zip"), file=path, field="--out"
    )


def _without_personal_categories(project: Project, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    personal = {c.key for c in categories.all_categories(project) if c.personal_data}
    kept = frame[~frame["category"].isin(personal)].reset_index(drop=True)
    return kept


@dataclass
class Tables:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    no_postcode: int = 0
    _ids: set[tuple[str, str]] = field(default_factory=set)

    def add(self, table: str, row: Row) -> None:
        """Once per id: assets of one service share its service row."""
        if (table, row["id"]) in self._ids:
            return
        self._ids.add((table, row["id"]))
        self.rows.setdefault(table, []).append(row)

    def has(self, table: str, ident: str) -> bool:
        return (table, ident) in self._ids


def build_tables(
    project: Project, frame: gpd.GeoDataFrame, cancelled: CancelledFn | None = None
) -> Tables:
    tables = Tables()
    known = categories.by_key(project)
    taxonomy_id = _uuid(f"taxonomy/{project.path.name}")
    tables.add(
        "taxonomy",
        {
            "id": taxonomy_id,
            "name": TAXONOMY_NAME,
            "description": f"The asset categories of the assetmap project '{project.name}'",
        },
    )
    lonlat = _lon_lat(project, frame)
    for i, record in enumerate(frame.to_dict("records")):
        if i % 500 == 0:
            check_cancelled(cancelled)
        asset = {str(k): v for k, v in record.items()}
        _add_asset(tables, project, asset, lonlat[i], known, taxonomy_id)
    return tables


def _lon_lat(project: Project, frame: gpd.GeoDataFrame) -> list[tuple[float, float] | None]:
    to_wgs84 = Transformer.from_crs(project.crs, "EPSG:4326", always_xy=True)
    geometries = np.asarray(frame.geometry.array, dtype=object)
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    lons, lats = to_wgs84.transform(shapely.get_x(geometries), shapely.get_y(geometries))
    return [
        None if gone else (float(lon), float(lat))
        for gone, lon, lat in zip(missing, lons, lats, strict=True)
    ]


def _add_asset(
    tables: Tables,
    project: Project,
    asset: dict[str, Any],
    lonlat: tuple[float, float] | None,
    known: dict[str, Category],
    taxonomy_id: str,
) -> None:
    custom = _custom(asset.get("custom"))
    own = str(asset["uuid"])
    org_id = _organisation(tables, project, custom)
    service_id = _kept_id(custom.get("Service ID")) or _uuid(f"{own}/service")
    if tables.has("service", service_id) and not custom.get("Service ID"):
        service_id = _uuid(f"{own}/service")
    tables.add("service", _service_row(asset, custom, service_id, org_id))
    _add_category(tables, asset, known, service_id, taxonomy_id)
    location_id = _add_location(tables, asset, custom, lonlat, own)
    if location_id is not None:
        sal_id = _kept_id(custom.get(KEY)) or _uuid(f"{own}/service_at_location")
        if tables.has("service_at_location", sal_id):
            sal_id = _uuid(f"{own}/service_at_location")  # a copied asset: its own record
        tables.add(
            "service_at_location",
            {"id": sal_id, "service_id": service_id, "location_id": location_id},
        )
    _add_contacts(tables, asset, own, service_id)


def _organisation(tables: Tables, project: Project, custom: dict[str, Any]) -> str:
    """The asset's organisation as it came from a directory, else the project's own."""
    kept = _kept_id(custom.get("Organisation ID"))
    name = _text(custom.get("Organisation"))
    if kept and name:
        description = _text(custom.get("Organisation description")) or name
        tables.add("organization", {"id": kept, "name": name, "description": description})
        return kept
    ident = _uuid(f"organization/{project.path.name}")
    tables.add(
        "organization",
        {
            "id": ident,
            "name": project.name,
            "description": f"Community assets mapped in the assetmap project '{project.name}'",
        },
    )
    return ident


def _service_row(asset: dict[str, Any], custom: dict[str, Any], ident: str, org: str) -> Row:
    contact = _text(asset.get("contact"))
    return {
        "id": ident,
        "organization_id": org,
        "name": _text(asset.get("name")),
        "description": _text(asset.get("description")),
        "url": web_address(_text(asset.get("website"))),
        "email": contact if "@" in contact and " " not in contact else "",
        "status": _STATUS.get(_text(asset.get("status")), "active"),
        "eligibility_description": _text(asset.get("audience")),
        "fees_description": _text(custom.get("Fees")),
        "application_process": _text(custom.get("Application process")),
        "interpretation_services": _text(custom.get("Interpretation services")),
        "minimum_age": _number(custom.get("Minimum age")),
        "maximum_age": _number(custom.get("Maximum age")),
        "alert": _text(custom.get("Alert")),
    }


def _add_category(
    tables: Tables,
    asset: dict[str, Any],
    known: dict[str, Category],
    service_id: str,
    taxonomy_id: str,
) -> None:
    category = known.get(str(asset.get("category")))
    if category is None:
        return
    term_id = _uuid(f"taxonomy_term/{taxonomy_id}/{category.key}")
    tables.add(
        "taxonomy_term",
        {
            "id": term_id,
            "code": category.key,
            "name": category.label,
            "description": category.description or category.label,
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": taxonomy_id,
        },
    )
    tables.add(
        "attribute",
        {
            "id": _uuid(f"attribute/{service_id}/{term_id}"),
            "link_id": service_id,
            "taxonomy_term_id": term_id,
            "link_type": "service_type",
            "link_entity": "service",
        },
    )


def _add_location(
    tables: Tables,
    asset: dict[str, Any],
    custom: dict[str, Any],
    lonlat: tuple[float, float] | None,
    own: str,
) -> str | None:
    """The asset's place; None for an asset with neither a position nor an address."""
    address, postcode = _text(asset.get("address")), _text(asset.get("postcode"))
    if lonlat is None and not address and not postcode:
        return None
    ident = _kept_id(custom.get("Location ID")) or _uuid(f"{own}/location")
    if tables.has("location", ident) and not custom.get("Location ID"):
        ident = _uuid(f"{own}/location")
    row: Row = {
        "id": ident,
        "location_type": "physical",
        "name": _text(custom.get("Location name")) or _text(asset.get("name")),
        "latitude": f"{lonlat[1]:.7f}" if lonlat else "",
        "longitude": f"{lonlat[0]:.7f}" if lonlat else "",
    }
    if address and not postcode:
        row["description"] = address
        tables.no_postcode += 1
    tables.add("location", row)
    if postcode:
        tables.add("address", _address_row(ident, address, postcode))
    return ident


def _address_row(location_id: str, address: str, postcode: str) -> Row:
    """One address text split into HSDS's lines: first line, middle lines, town last (also
    as state_province, which HSDS requires and a UK address does not have). An asset with
    only a postcode gives it as its first line too, which the importer reads back as none."""
    # Split at ", " only: "Road,Urmston" stays one line, so the importer's ", " join gives
    # back the address as it was typed.
    parts = [p.strip() for p in address.split(", ") if p.strip()] or [postcode]
    town = parts[-1]
    return {
        "id": _uuid(f"address/{location_id}"),
        "location_id": location_id,
        "address_1": parts[0],
        "address_2": ", ".join(parts[1:-1]),
        "city": town,
        "state_province": town,
        "postal_code": postcode,
        "country": "GB",
        "address_type": "physical",
    }


def _add_contacts(tables: Tables, asset: dict[str, Any], own: str, service_id: str) -> None:
    phone = _text(asset.get("phone"))
    if phone:
        tables.add(
            "phone",
            {"id": _uuid(f"{own}/phone"), "service_id": service_id, "number": phone},
        )
    hours = _text(asset.get("opening_hours"))
    if hours:
        tables.add(
            "schedule",
            {"id": _uuid(f"{own}/schedule"), "service_id": service_id, "description": hours},
        )
    contact = _text(asset.get("contact"))
    if contact and not ("@" in contact and " " not in contact):
        tables.add(
            "contact",
            {"id": _uuid(f"{own}/contact"), "service_id": service_id, "name": contact},
        )


def write_zip(path: Path, project: Project, tables: Tables) -> None:
    descriptor = dict(hsds_descriptor())
    descriptor["name"] = "assetmap_export"
    descriptor["title"] = f"{project.name}: community assets (Open Referral HSDS 3.0)"
    fields = table_fields()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False))
        for resource in descriptor["resources"]:
            name = resource["name"]
            archive.writestr(resource["path"], _csv(fields[name], tables.rows.get(name, [])))


def _csv(fields: list[str], rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: v for k, v in row.items() if v not in (None, "")})
    return buffer.getvalue()


def web_address(text: str) -> str:
    """A website as the URI HSDS asks for: 'www.school.org.uk', as councils often write it,
    with the scheme it leaves out; anything else that is not a web address is not written."""
    if not text:
        return ""
    if "://" not in text:
        text = f"http://{text}"
    return text if " " not in text and "." in text else ""


def _uuid(text: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, text))


def _kept_id(value: Any) -> str | None:
    """An id an imported asset brought with it, if HSDS would accept it (a UUID)."""
    try:
        return str(uuid.UUID(str(value))) if value else None
    except ValueError:
        return None


def _custom(text: Any) -> dict[str, Any]:
    if not isinstance(text, str) or not text:
        return {}
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


def _number(value: Any) -> str:
    text = _text(value)
    try:
        float(text)
    except ValueError:
        return ""
    return text
