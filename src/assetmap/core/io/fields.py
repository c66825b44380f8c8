"""Guessing which source column means what, from names and values.

Councils name the same thing a dozen ways (PostCode, post_code, Postcode);
these guesses are what the CLI uses silently and what the GUI's mapping
preview starts from, so the user only corrects the odd one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from assetmap.core.io.numbers import parse_numbers


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def find_column(columns: Iterable[str], candidates: Sequence[str]) -> str | None:
    """The first column whose normalised name equals a candidate, in candidate order."""
    lookup: dict[str, str] = {}
    for column in columns:
        lookup.setdefault(_norm(column), column)
    for candidate in candidates:
        hit = lookup.get(_norm(candidate))
        if hit is not None:
            return hit
    return None


# ---- areas ----------------------------------------------------------------------------
_AREA_CODE_NAMES = (
    "area_code",
    "code",
    "lsoa21cd",
    "lsoa11cd",
    "msoa21cd",
    "msoa11cd",
    "wd24cd",
    "wd23cd",
    "wd22cd",
    "wd21cd",
    "wd13cd",
    "lad23cd",
    "lad21cd",
    "oa21cd",
    "geo_code",
    "gss_code",
    "id",
)
_AREA_NAME_NAMES = (
    "area_name",
    "name",
    "lsoa21nm",
    "lsoa11nm",
    "msoa21nm",
    "msoa11nm",
    "wd24nm",
    "wd23nm",
    "wd22nm",
    "wd21nm",
    "wd13nm",
    "lad23nm",
    "lad21nm",
    "geo_label",
    "label",
)
_ONS_CODE = re.compile(r"^[EWSNK]\d{8}$")


def guess_area_code_field(frame: pd.DataFrame) -> str | None:
    """Name first (area_code, LSOA21CD, ...), then any *CD column, then ONS-code values."""
    columns = list(frame.columns)
    hit = find_column(columns, _AREA_CODE_NAMES)
    if hit is not None and frame[hit].notna().all() and frame[hit].is_unique:
        return hit
    for column in columns:
        if re.fullmatch(r"[A-Za-z]{2,6}\d{2}CD", str(column), flags=re.IGNORECASE):
            return column
    for column in columns:
        values = frame[column].dropna().astype(str)
        if len(values) and values.str.match(_ONS_CODE).all() and values.is_unique:
            return column
    return hit


def guess_area_name_field(frame: pd.DataFrame, code_field: str | None = None) -> str | None:
    columns = [c for c in frame.columns if c != code_field]
    hit = find_column(columns, _AREA_NAME_NAMES)
    if hit is not None:
        return hit
    if code_field and re.fullmatch(r".*CD", str(code_field), flags=re.IGNORECASE):
        sibling = str(code_field)[:-2] + ("NM" if str(code_field)[-2:].isupper() else "nm")
        if sibling in frame.columns:
            return sibling
    for column in columns:
        # *NM but not the Welsh-language *NMW column.
        if re.fullmatch(r"[A-Za-z]{2,6}\d{2}NM", str(column), flags=re.IGNORECASE):
            return column
    return None


# ---- assets ----------------------------------------------------------------------------
ASSET_FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "asset_name",
        "site_name",
        "property_name",
        "propertyname",
        "organisation",
        "organisation_name",
        "service_name",
        "pharmacy_name",
        "community_hub",
        "title",
        "location",
        "establishment_name",
        "practice_name",
        "distname",
    ),
    "description": ("description", "desc", "details", "notes", "summary", "about"),
    "address": (
        "address",
        "full_address",
        "address_1",
        "address1",
        "street_address",
        "addressline1",
    ),
    "postcode": (
        "postcode",
        "post_code",
        "postal_code",
        "postalcode",
        "zip",
        "zipcode",
        "pcd",
        "pcds",
    ),
    "contact": ("contact", "contact_name", "contact_person", "email", "e_mail", "email_address"),
    "phone": ("phone", "telephone", "tel", "telephone_number", "phone_number", "contact_number"),
    "website": ("website", "url", "web", "web_address", "homepage", "link"),
    "opening_hours": ("opening_hours", "opening_times", "openinghours", "hours", "open"),
    "audience": ("audience", "audiences", "who_for", "target_group", "client_group"),
    "status": ("status", "asset_status"),
    "verified_date": (
        "verified_date",
        "last_verified",
        "verified",
        "date_verified",
        "last_checked",
    ),
}
_ADDRESS_PARTS = (
    "street_number",
    "streetnumber",
    "house_number",
    "address_1",
    "address1",
    "address_2",
    "address2",
    "address_3",
    "address3",
    "street",
    "street_name",
    "streetname",
    "locality",
    "town",
    "post_town",
    "posttown",
    "city",
)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

LAT_NAMES = ("lat", "latitude", "lat_wgs84", "y_lat", "latitude_wgs84", "geo_lat")
LON_NAMES = (
    "lon",
    "lng",
    "long",
    "longitude",
    "lon_wgs84",
    "long_wgs84",
    "x_lon",
    "geo_lon",
    "longitude_wgs84",
)
X_NAMES = (
    "easting",
    "eastings",
    "x",
    "geox",
    "x_coordinate",
    "xcoord",
    "oseast1m",
    "bng_e",
    "east",
    "grid_ref_easting",
)
Y_NAMES = (
    "northing",
    "northings",
    "y",
    "geoy",
    "y_coordinate",
    "ycoord",
    "osnrth1m",
    "bng_n",
    "north",
    "grid_ref_northing",
)
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape")


def guess_asset_fields(columns: Sequence[str]) -> dict[str, str]:
    """asset field -> source column for every field a name suggests."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field, candidates in ASSET_FIELD_CANDIDATES.items():
        hit = find_column([c for c in columns if c not in used], candidates)
        if hit is not None:
            mapping[field] = hit
            used.add(hit)
    return mapping


def address_part_columns(columns: Sequence[str], taken: Iterable[str]) -> list[str]:
    """Columns that together make an address when no single address column exists."""
    skip = set(taken)
    wanted = {_norm(p) for p in _ADDRESS_PARTS}
    return [c for c in columns if c not in skip and _norm(c) in wanted]


def opening_day_columns(columns: Sequence[str]) -> list[tuple[str, str]]:
    """(day, column) pairs such as opening_hours_monday, in week order."""
    found = []
    for day in _DAYS:
        for column in columns:
            norm = _norm(column)
            if norm.endswith(day) and ("open" in norm or "hours" in norm):
                found.append((day, column))
                break
    return found


def guess_coordinate_fields(frame: pd.DataFrame) -> dict[str, str]:
    """lat/lon, x/y or wkt columns, by name; the importer then checks the values."""
    columns = list(frame.columns)
    found: dict[str, str] = {}
    lat, lon = find_column(columns, LAT_NAMES), find_column(columns, LON_NAMES)
    if lat and lon:
        found.update(lat=lat, lon=lon)
    else:
        x, y = find_column(columns, X_NAMES), find_column(columns, Y_NAMES)
        if x and y:
            found.update(x=x, y=y)
    wkt = find_column(columns, WKT_NAMES)
    if wkt and not found:
        found["wkt"] = wkt
    return found


def xy_look_like_lonlat(x: pd.Series, y: pd.Series) -> bool:
    """Generic x/y columns (GeoX/GeoY) often hold longitude/latitude; tell by the values."""
    xs, _ = parse_numbers(x)
    ys, _ = parse_numbers(y)
    both = ~(pd.isna(xs) | pd.isna(ys))
    if not both.any():
        return False
    fits = (abs(xs[both]) <= 180) & (abs(ys[both]) <= 180)
    return bool(fits.mean() >= 0.9)


def xy_look_like_bng(x: pd.Series, y: pd.Series) -> bool:
    xs, _ = parse_numbers(x)
    ys, _ = parse_numbers(y)
    both = ~(pd.isna(xs) | pd.isna(ys))
    if not both.any():
        return False
    fits = (xs[both] >= 0) & (xs[both] <= 700_000) & (ys[both] >= 0) & (ys[both] <= 1_300_000)
    return bool(fits.mean() >= 0.9) and bool((xs[both] > 1000).mean() >= 0.9)
