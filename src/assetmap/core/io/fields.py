"""Guessing which source column means what, from names and values.

Councils name the same thing a dozen ways (PostCode, post_code, Postcode);
these guesses are what the CLI uses silently and what the GUI's mapping
preview starts from, so the user only corrects the odd one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
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


# ---- custom fields: what to keep, how to call it, what type it is ------------------------
# Styling that another map program stored with each feature (GeoJSON simplestyle-spec 1.1.0,
# uMap, KML converted by togeojson, GDAL's OGR_STYLE): how that program drew the point, not a
# fact about the asset. 'title' and 'description' are simplestyle too but they are content.
_STYLING_NAMES = frozenset(
    {
        "marker-color",
        "marker-size",
        "marker-symbol",
        "stroke-width",
        "stroke-opacity",
        "fill-opacity",
        "_umap_options",
        "_storage_options",
        "styleurl",
        "stylehash",
        "stylemaphash",
        "ogr_style",
    }
)
_STYLING_PREFIXES = ("marker-", "stroke-", "fill-", "icon-", "label-")
# 'stroke' and 'fill' alone are styling only when they hold colours: a stroke-services list
# may well have a 'stroke' column of Yes/No.
_COLOUR_NAMES = frozenset({"stroke", "fill"})
_COLOUR = re.compile(r"^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def is_styling_name(name: str) -> bool:
    """marker-color, stroke-width, _umap_options...: styling whatever the values."""
    lower = str(name).strip().lower()
    return lower in _STYLING_NAMES or lower.startswith(_STYLING_PREFIXES)


def styling_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that only say how another map program drew each feature (marker-color, ...)."""
    found = []
    for column in frame.columns:
        name = str(column).strip().lower()
        if is_styling_name(name) or (name in _COLOUR_NAMES and _all_colours(frame[column])):
            found.append(column)
    return found


def _all_colours(values: pd.Series) -> bool:
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    return bool(len(text)) and bool(text.str.match(_COLOUR).all())


# Words written in capitals whatever the column's case (checked lower-case).
ABBREVIATIONS: dict[str, str] = {
    w.lower(): w
    for w in (
        "URN", "UPRN", "USRN", "UKPRN", "ODS", "NHS", "GP", "ID", "IDs", "URL", "URI", "UK",
        "IMD", "LSOA", "MSOA", "OA", "LA", "LAD", "ONS", "CQC", "OSM", "OS", "ICB", "ICS",
        "CCG", "PCN", "FSM", "SEN", "SEND", "ISCED", "WKT", "CRS", "BNG", "EPSG", "GSS",
        "DfE", "CIC", "VCS", "VCSE", "CIO", "WiFi", "QR", "PDF", "HTML", "API",
    )
}  # fmt: skip
_PROPER = {d: d.title() for d in _DAYS}
_SEPARATORS = re.compile(r"[\s_.:/\\-]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_ONS_FIELD = re.compile(r"^[a-z]{2,6}\d{2}(cd|nm|nmw)$", re.IGNORECASE)


def name_words(name: str) -> list[str]:
    """'organisation_data_service_code', 'PropertyName', 'osm_ref:edubase' as words."""
    words: list[str] = []
    for part in _SEPARATORS.split(str(name).strip()):
        if not part:
            continue
        if _ONS_FIELD.match(part) or part.isupper() or part.islower():
            words.append(part)
        else:
            words += _CAMEL.findall(part) or [part]
    return words


def human_label(name: str) -> str:
    """What a person would call a source column: 'organisation_data_service_code' is
    'Organisation data service code', 'PropertyName' 'Property name', 'URN' stays 'URN'."""
    text = str(name).strip()
    shouting = text.isupper()  # ESTABLISHMENT_NAME, FEATCODE: shapefile habits
    if " " in text and "_" not in text and not shouting:
        return text[:1].upper() + text[1:]  # 'Referral method', 'Step-free access': as written
    out = []
    for word in name_words(name):
        lower = word.lower()
        if lower in ABBREVIATIONS:
            out.append(ABBREVIATIONS[lower])
        elif _ONS_FIELD.match(word):
            out.append(word.upper())
        elif lower in _PROPER:
            out.append(_PROPER[lower])
        elif word.isupper() and not shouting:
            out.append(word)  # OrganisationURI, GeoX: capitals the source wrote on purpose
        else:
            out.append(lower)
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else str(name)


def shown_label(name: str, label: str | None) -> str:
    """The stored label, unless it is still the raw column name: then one made from it.

    Imports before labels were made stored the name as the label; reading it this way shows
    those projects human labels without rewriting them.
    """
    if label and label.strip() and label != name:
        return label
    return human_label(name)


# A column named like these holds codes or identifiers: text, whatever its values look like.
_ID_WORDS = frozenset(
    {
        "code", "codes", "cd", "id", "ids", "ref", "refs", "reference", "urn", "uprn", "usrn",
        "ukprn", "ods", "postcode", "pcd", "pcds", "zip", "phone", "telephone", "tel",
        "mobile", "fax", "isbn", "nhs", "gss", "ons", "uri", "url",
    }
)  # fmt: skip
_ID_LAST_WORDS = frozenset({"number", "no", "num", "nr", "numbers"})  # 'number of beds' counts
_ID_SUFFIXES = ("code", "postcode", "uprn", "phone", "cd")


def is_identifier_name(name: str) -> bool:
    """'establishment_number', 'URN', 'organisation_data_service_code', 'FEATCODE', 'site_id'."""
    words = [w.lower() for w in name_words(name)]
    if not words:
        return False
    if any(w in _ID_WORDS for w in words) or words[-1] in _ID_LAST_WORDS:
        return True
    joined = _norm(name)
    return joined.endswith(_ID_SUFFIXES) or bool(_ONS_FIELD.match(joined))


def has_leading_zeros(values: pd.Series) -> bool:
    """'01234' kept as text: a number would lose the zero the source wrote."""
    if pd.api.types.is_numeric_dtype(values):
        return False
    text = values.dropna().astype(str).str.strip()
    return bool(text.str.match(r"^0\d").any())


def custom_field_type(name: str, values: pd.Series) -> str:
    """text, integer, number or boolean; codes and identifiers are always text."""
    if is_identifier_name(name) or has_leading_zeros(values):
        return "text"
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    return "text"


def identifier_text(values: pd.Series) -> pd.Series:
    """Numbers the source stored for a code (7503, 1617486414.0) as the text it wrote."""
    return pd.Series([as_written(v) for v in values], index=values.index, dtype=object)


def as_written(value: object) -> object:
    """A number the source stored for a code, as the text it wrote: 7503, 1617486414.0 ->
    '7503', '1617486414'."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return None
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return value
