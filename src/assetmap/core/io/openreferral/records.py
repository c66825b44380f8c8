"""One row per service at a location: the directory's records as the table the asset import
takes.

A service offered at three places is three assets, each with the organisation and service
details as fields; a service with no location is one asset left unplaced. Columns named as
asset fields become them; the others ("Organisation", "Service ID", ...) are kept as the
asset's custom fields, and KEY identifies the row when the directory is imported again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from assetmap.core.i18n import translatable, translated
from assetmap.core.io.openreferral.directory import Directory, Row

KEY = "Service at location ID"
TERMS = "Taxonomy terms"
IGNORED = translatable("coordinates ignored")
"""Ends a bad coordinate's message; the importer finds the rows it names by it."""
ASSET_FIELDS = (
    "name",
    "description",
    "address",
    "postcode",
    "contact",
    "phone",
    "website",
    "opening_hours",
    "audience",
    "status",
    "latitude",
    "longitude",
)
# HSDS service status -> asset status
STATUS = {"active": "active", "inactive": "closed", "defunct": "closed"}


@dataclass(frozen=True)
class BadCoordinates:
    """A location whose latitude or longitude cannot be a place on Earth."""

    record: int  # the row's number in the flattened table (its record number in the report)
    field: str
    message: str


@dataclass
class Records:
    frame: pd.DataFrame
    sources: list[str]  # where each row's service came from ("services.csv record 3")
    bad_coordinates: list[BadCoordinates]


def service_records(directory: Directory) -> Records:
    links = _Links(directory)
    rows: list[dict[str, object]] = []
    sources: list[str] = []
    bad: list[BadCoordinates] = []
    placed_services = set()
    sals = directory.rows("service_at_location")
    services = directory.by_id("service")
    locations = directory.by_id("location")
    for sal in sals:
        service = services.get(str(sal.get("service_id")))
        if service is None:
            continue
        placed_services.add(service["id"])
        location = locations.get(str(sal.get("location_id")), {})
        rows.append(_row(links, service, location, sal, len(rows) + 1, bad))
        sources.append(str(service.get("_source", "")))
    for service in directory.rows("service"):
        if service.get("id") not in placed_services:
            rows.append(_row(links, service, {}, {}, len(rows) + 1, bad))
            sources.append(str(service.get("_source", "")))
    frame = pd.DataFrame(rows, dtype=object)
    return Records(frame, sources, bad)


class _Links:
    """Children by the record they hang from, so each row finds its phones in one look-up."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.organizations = directory.by_id("organization")
        self.terms = directory.by_id("taxonomy_term")
        self.index: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        for table in ("phone", "schedule", "contact", "address", "language", "attribute"):
            for row in directory.rows(table):
                for link in ("service_at_location_id", "service_id", "location_id", "link_id"):
                    if row.get(link):
                        self.index[(table, link, str(row[link]))].append(row)
                if row.get("organization_id"):
                    self.index[(table, "organization_id", str(row["organization_id"]))].append(row)

    def first(self, table: str, *keys: tuple[str, object]) -> list[Row]:
        """The children of the most specific record that has any (a phone of the service at
        this location before the service's own, before the location's, the organisation's)."""
        for link, value in keys:
            if value:
                found = self.index.get((table, link, str(value)))
                if found:
                    return found
        return []


def _row(
    links: _Links,
    service: Row,
    location: Row,
    sal: Row,
    number: int,
    bad: list[BadCoordinates],
) -> dict[str, object]:
    org = links.organizations.get(str(service.get("organization_id")), {})
    keys = (
        ("service_at_location_id", sal.get("id")),
        ("service_id", service.get("id")),
        ("location_id", location.get("id")),
        ("organization_id", org.get("id")),
    )
    address = links.first("address", ("location_id", location.get("id")))
    phones = links.first("phone", *keys)
    contacts = links.first("contact", *keys)
    schedules = links.first("schedule", *keys[:3])
    languages = links.first("language", ("service_id", service.get("id")))
    lat, lon = _coordinates(location, sal.get("id") or service.get("id"), number, bad)
    status = str(service.get("status") or "active").lower()
    row: dict[str, object] = {
        "name": service.get("name"),
        "description": service.get("description"),
        "address": _address(address[0]) if address else None,
        "postcode": address[0].get("postal_code") if address else None,
        "contact": service.get("email") or _contact(contacts),
        "phone": _phone(phones),
        "website": service.get("url") or org.get("website"),
        "opening_hours": _opening_hours(schedules),
        "audience": service.get("eligibility_description"),
        "status": STATUS.get(status, "closed"),
        "latitude": lat,
        "longitude": lon,
        TERMS: "; ".join(_terms(links, service)) or None,
        "Organisation": org.get("name"),
        "Organisation ID": org.get("id") or service.get("organization_id"),
        "Organisation description": org.get("description"),
        "Service ID": service.get("id"),
        "Service status": service.get("status"),
        "Location ID": location.get("id"),
        "Location name": location.get("name"),
        KEY: sal.get("id") or _joined_key(service, location),
        "Fees": service.get("fees_description"),
        "Application process": service.get("application_process"),
        "Interpretation services": service.get("interpretation_services"),
        "Languages": ", ".join(str(lang.get("name")) for lang in languages if lang.get("name"))
        or None,
        "Minimum age": service.get("minimum_age"),
        "Maximum age": service.get("maximum_age"),
        "Alert": service.get("alert"),
    }
    return row


def _joined_key(service: Row, location: Row) -> str:
    """A service without a service_at_location id: its id and its location's identify it."""
    return f"{service.get('id')}@{location.get('id')}" if location else str(service.get("id"))


def _coordinates(
    location: Row, record_id: object, number: int, bad: list[BadCoordinates]
) -> tuple[float | None, float | None]:
    lat, lon = _number(location.get("latitude")), _number(location.get("longitude"))
    if lat is None and lon is None:
        return None, None
    where = translated("location {location} of record {record}").format(
        location=location.get("id"), record=record_id
    )
    source = str(location.get("_source") or "")
    if ".csv " in source:  # a data package: name the CSV and its row the location is on
        where = f"{source}, {where}"
    problems = []
    if lat is None or not -90 <= lat <= 90:
        problems.append(("latitude", location.get("latitude"), "-90 to 90"))
    if lon is None or not -180 <= lon <= 180:
        problems.append(("longitude", location.get("longitude"), "-180 to 180"))
    if not problems:
        return lat, lon
    for field, value, bounds in problems:
        message = _bad_coordinate(field).format(where=where, value=value, bounds=bounds)
        message += "; " + translated(IGNORED)
        bad.append(BadCoordinates(number, field, message))
    return None, None


def _bad_coordinate(field: str) -> str:
    if field == "latitude":
        return translated("{where}: latitude {value} is not a latitude ({bounds})")
    return translated("{where}: longitude {value} is not a longitude ({bounds})")


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value))
    except ValueError:
        return math.nan
    return number


def _address(address: Row) -> str | None:
    """The address's lines in order, a town given twice (city and state_province) once, and
    without the postcode (an asset's own field) where a line repeats it."""
    parts: list[str] = []
    postcode = str(address.get("postal_code") or "").strip()
    for key in ("address_1", "address_2", "city", "region", "state_province"):
        value = str(address.get(key) or "").strip()
        if value and value not in parts and value != postcode:
            parts.append(value)
    return ", ".join(parts) or None


def _phone(phones: list[Row]) -> str | None:
    for phone in phones:
        number = str(phone.get("number") or "").strip().strip('"').strip()
        if number:
            return number
    return None


def _contact(contacts: list[Row]) -> str | None:
    for contact in contacts:
        value = contact.get("email") or contact.get("name")
        if value:
            return str(value)
    return None


def _opening_hours(schedules: list[Row]) -> str | None:
    """The schedule as its description says, else its days and times ("TH,FR 10:00-18:00")."""
    texts = []
    for schedule in schedules:
        if schedule.get("description"):
            texts.append(str(schedule["description"]))
            continue
        days = str(schedule.get("byday") or "").strip()
        opens, closes = schedule.get("opens_at"), schedule.get("closes_at")
        hours = f"{_hhmm(opens)}-{_hhmm(closes)}" if opens and closes else ""
        text = " ".join(p for p in (days, hours) if p)
        if text:
            texts.append(text)
    return "; ".join(texts) or None


def _hhmm(value: object) -> str:
    return str(value)[:5]


def _terms(links: _Links, service: Row) -> list[str]:
    names = []
    for attribute in links.first("attribute", ("link_id", service.get("id"))):
        term = links.terms.get(str(attribute.get("taxonomy_term_id")))
        if term and term.get("name") and term["name"] not in names:
            names.append(str(term["name"]))
    return names
