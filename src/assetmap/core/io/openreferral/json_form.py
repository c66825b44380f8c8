"""Reading HSDS 3.0 JSON: full records (service, service_at_location, organization) and the
paginated lists an API returns ({"contents": [...], "page_number": 1, ...}), one file or a
folder of saved pages.

Nested records are unfolded into the tables of the tabular form, each child keeping the id
of its parent as the CSVs do, so both forms become assets by the same code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.openreferral.directory import Directory, Row
from assetmap.core.progress import CancelledFn, check_cancelled

FORM = translatable("JSON")


def is_json(path: Path) -> bool:
    if path.is_dir():
        return any(path.glob("*.json"))
    return path.suffix.lower() == ".json"


def read_json(path: Path, cancelled: CancelledFn | None = None) -> Directory:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    directory = Directory(path=path, form=FORM)
    for file in files:
        check_cancelled(cancelled)
        for number, item in enumerate(_items(file), start=1):
            _add_item(directory, item, _record(file.name, number))
    if not directory.rows("service"):
        raise BadInputError(
            translated(
                "has no services: expected HSDS service, service_at_location or organization "
                "records, or a page of them ({example})"
            ).format(example='{"contents": [...]}'),
            file=path,
        )
    return directory


def _record(file: str, number: int) -> str:
    return translated("{file} record {n}").format(file=file, n=number)


def _items(file: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadInputError(
            translated("is not JSON ({error})").format(error=exc), file=file
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise BadInputError(translated("holds something other than HSDS records"), file=file)
    return items


def _add_item(directory: Directory, item: dict[str, Any], source: str) -> None:
    """Each record by its kind, told from its fields: list endpoints return records of one
    kind each (organisations, locations, taxonomy terms), not only services."""
    keys = set(item)
    if "service" in keys and "location" in keys:
        service = dict(item["service"] or {})
        service["service_at_locations"] = [{k: v for k, v in item.items() if k != "service"}]
        _add_service(directory, service, source)
    elif keys & _SERVICE_ONLY:
        _add_service(directory, item, source)
    elif "location_type" in keys or "latitude" in keys:
        _add_location(directory, item, source)
    elif "term_uri" in keys or "taxonomy" in keys or "code" in keys:
        directory.add("taxonomy_term", _scalars(item))
    elif "services" in keys or "legal_status" in keys or "year_incorporated" in keys:
        _add_organization(directory, item, source)
    elif "version" in keys:
        directory.add("taxonomy", _scalars(item))


# Fields only a service record has.
_SERVICE_ONLY = {"status", "service_at_locations", "organization", "eligibility_description"}


def _scalars(record: dict[str, Any], **links: Any) -> Row:
    row: Row = {
        k: _text(v) for k, v in record.items() if not isinstance(v, dict | list) and v is not None
    }
    row.update({k: v for k, v in links.items() if v is not None})
    return row


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _add_organization(directory: Directory, org: dict[str, Any], source: str) -> None:
    directory.add("organization", _scalars(org, _source=source))
    for location in org.get("locations") or []:
        _add_location(directory, location, source, organization_id=org.get("id"))
    for service in org.get("services") or []:
        service = dict(service)
        service.setdefault("organization", {k: v for k, v in org.items() if k != "services"})
        _add_service(directory, service, source)


def _add_service(directory: Directory, service: dict[str, Any], source: str) -> None:
    org = service.get("organization") or {}
    org_id = org.get("id") or service.get("organization_id")
    if org:
        directory.add("organization", _scalars(org, _source=source))
    sid = service.get("id")
    directory.add("service", _scalars(service, organization_id=org_id, _source=source))
    _add_children(directory, service, source, service_id=sid)
    for attribute in service.get("attributes") or []:
        _add_attribute(directory, attribute, sid, "service")
    for sal in service.get("service_at_locations") or []:
        location = sal.get("location") or {}
        lid = location.get("id") or sal.get("location_id")
        directory.add("service_at_location", _scalars(sal, service_id=sid, location_id=lid))
        if location:
            _add_location(directory, location, source)
        _add_children(directory, sal, source, service_at_location_id=sal.get("id"))


def _add_location(
    directory: Directory, location: dict[str, Any], source: str, **links: Any
) -> None:
    lid = location.get("id")
    directory.add("location", _scalars(location, _source=source, **links))
    for address in location.get("addresses") or []:
        directory.add("address", _scalars(address, location_id=lid))
    _add_children(directory, location, source, location_id=lid)


def _add_children(directory: Directory, parent: dict[str, Any], source: str, **link: Any) -> None:
    """Phones, schedules, contacts and languages, linked to the record they sit under."""
    for table, key in (
        ("phone", "phones"),
        ("schedule", "schedules"),
        ("contact", "contacts"),
        ("language", "languages"),
        ("cost_option", "cost_options"),
    ):
        for child in parent.get(key) or []:
            directory.add(table, _scalars(child, **link))


def _add_attribute(
    directory: Directory, attribute: dict[str, Any], link_id: Any, entity: str
) -> None:
    term = attribute.get("taxonomy_term") or {}
    term_id = term.get("id") or attribute.get("taxonomy_term_id")
    if term:
        directory.add("taxonomy_term", _scalars(term))
    directory.add(
        "attribute",
        _scalars(attribute, link_id=link_id, link_entity=entity, taxonomy_term_id=term_id),
    )
