"""What an import would do with a file, shown before anything is imported.

The GUI's column-mapping step starts from the same guesses the importers make when the CLI runs
without options, so what the user sees preselected is what a plain import would have done; the
user then corrects the odd column. The file is read once, whole, and kept on the Preview: the
guesses that look at values (unique codes, coordinate ranges, numeric columns, key matches) must
see the same rows the importer will, and the dialog needs the distinct values of a column
without a second read.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from assetmap.core import areas
from assetmap.core.i18n import translated
from assetmap.core.io.fields import (
    ASSET_FIELD_CANDIDATES,
    address_part_columns,
    find_column,
    guess_area_code_field,
    guess_area_name_field,
    guess_asset_fields,
    guess_coordinate_fields,
    opening_day_columns,
)
from assetmap.core.io.indicator_import import NUMERIC_SHARE
from assetmap.core.io.numbers import looks_numeric
from assetmap.core.io.placement import default_xy_crs
from assetmap.core.io.readers import LayerInfo, Table, list_layers, read_table
from assetmap.core.io.table import rows_read
from assetmap.core.io.values import is_missing, text_objects
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

KINDS = ("areas", "assets", "indicators")
ASSET_FIELDS: tuple[str, ...] = tuple(ASSET_FIELD_CANDIDATES)

GEOMETRY, LAT_LON, XY, WKT, NO_COORDINATES = "geometry", "latlon", "xy", "wkt", "none"

#: Values that name the whole population in files that split it (sex, age band, ...).
_TOTAL_WORDS = ("persons", "all persons", "all", "total", "people", "all people", "both")
_CATEGORY_NAMES = ("category", "categories", "asset_category", "category_name", "asset_type")
_KEY_SAMPLE_ROWS = 1_000
_NUMERIC_SAMPLE_ROWS = 1_000
_NUMERIC_SAMPLE_SHARE = 0.5
_MAX_FILTER_VALUES = 50
_POLYGONAL = ("polygon", "multipolygon")
_POINTLIKE = ("point", "multipoint")


@dataclass(frozen=True)
class CoordinateGuess:
    """Where the importer would take each row's location from, and why, in the user's words."""

    source: str  # GEOMETRY, LAT_LON, XY, WKT or NO_COORDINATES
    columns: dict[str, str]  # lat/lon, x/y or wkt -> source column
    crs: str | None  # "EPSG:4326" etc.: of the x/y values, the WKT or the file's geometry
    description: str


@dataclass(frozen=True)
class RowFilter:
    """A column that splits each area's rows (sex: Persons/Females/Males) and the value to keep."""

    rows_per_key: int
    field: str
    values: list[str]
    value: str

    @property
    def where(self) -> str:
        return f"{self.field}={self.value}"


@dataclass
class Preview:
    """The first rows of a file and the guessed mappings, for the import dialogs."""

    path: Path
    kind: str
    layers: list[LayerInfo]
    layer: str | None
    columns: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    row_noun: str
    row_count: int
    geometry_type: str | None
    crs: str | None
    notes: list[str]
    fields: dict[str, str]  # target -> source column, as guessed (see the kind)
    coordinates: CoordinateGuess | None = None
    coordinate_columns: dict[str, str] = field(default_factory=dict)
    address_parts: list[str] = field(default_factory=list)
    opening_days: list[str] = field(default_factory=list)
    category_column: str | None = None
    numeric_columns: list[str] = field(default_factory=list)
    key_shares: dict[str, float] = field(default_factory=dict)
    row_filter: RowFilter | None = None
    table: Table | None = field(default=None, repr=False, compare=False)

    @property
    def has_geometry(self) -> bool:
        return self.table is not None and self.table.geometry is not None

    @property
    def frame(self) -> pd.DataFrame:
        assert self.table is not None
        return self.table.frame


def preview(
    path: str | Path,
    kind: str,
    layer: str | None = None,
    rows: int = 20,
    *,
    area_codes: Collection[str] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Preview:
    """Read ``path`` once and guess what each column is for an import of ``kind``.

    ``area_codes`` are the codes of the area set indicators would join to: the key column is
    the one whose values match them best. Raises BadInputError for a file that cannot be read.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    steps = Steps(progress)
    layers = list_layers(path)
    check_cancelled(cancelled)
    chosen = layer if layer is not None else _default_layer(layers, kind)
    table = read_table(path, layer=chosen, progress=steps.sub(0.05, 0.8), cancelled=cancelled)
    steps(0.85, translated("Guessing the columns"))
    result = _base_preview(table, kind, layers, rows)
    _GUESSERS[kind](result, table, area_codes)
    steps(1.0, rows_read(result.row_count, result.row_noun))
    return result


def _default_layer(layers: list[LayerInfo], kind: str) -> str | None:
    """None where the reader picks the only layer itself; else the first that fits the kind.

    A GeoPackage with several layers cannot be read without naming one.
    """
    if len(layers) < 2:
        return None
    wanted = {"areas": _POLYGONAL, "assets": _POINTLIKE}.get(kind, ())
    for info in layers:
        if (info.geometry_type or "").lower() in wanted:
            return info.name
    return layers[0].name


def _base_preview(table: Table, kind: str, layers: list[LayerInfo], rows: int) -> Preview:
    head = table.frame.head(rows)
    return Preview(
        path=table.path,
        kind=kind,
        layers=layers,
        layer=table.layer,
        columns=[str(c) for c in table.frame.columns],
        rows=[[cell_text(v) for v in record] for record in head.itertuples(index=False)],
        row_numbers=[int(n) for n in table.row_numbers[:rows]],
        row_noun=table.row_noun,
        row_count=len(table),
        geometry_type=_geometry_type(table, layers),
        crs=_crs_text(table),
        notes=list(table.notes),
        fields={},
        table=table,
    )


def cell_text(value: object) -> str:
    """A cell as the user would read it: blank for missing, whole floats without '.0'."""
    if is_missing(value):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _geometry_type(table: Table, layers: list[LayerInfo]) -> str | None:
    if table.geometry is None:
        return None
    for info in layers:
        if info.name == table.layer or len(layers) == 1:
            return info.geometry_type
    return None


def _crs_text(table: Table) -> str | None:
    if table.crs is None:
        return None
    authority = table.crs.to_authority()
    return ":".join(authority) if authority else table.crs.name


# ---- areas -------------------------------------------------------------------------------
def _guess_areas(result: Preview, table: Table, area_codes: Collection[str] | None) -> None:
    code = guess_area_code_field(table.frame)
    name = guess_area_name_field(table.frame, code)
    result.fields = {k: v for k, v in (("code", code), ("name", name)) if v is not None}


# ---- assets ------------------------------------------------------------------------------
def _guess_assets(result: Preview, table: Table, area_codes: Collection[str] | None) -> None:
    """The importer's own guesses (asset_import._field_mapping) rebuilt from fields.py."""
    columns = result.columns
    result.fields = guess_asset_fields(columns)
    result.coordinate_columns = guess_coordinate_fields(table.frame)
    result.coordinates = guess_coordinates(table)
    if "address" not in result.fields:
        taken = list(result.fields.values()) + list(result.coordinate_columns.values())
        result.address_parts = address_part_columns(columns, taken)
    result.opening_days = [column for _, column in opening_day_columns(columns)]
    result.category_column = find_column(columns, _CATEGORY_NAMES)


def guess_coordinates(table: Table) -> CoordinateGuess:
    """Geometry wins when the file has it; else lat/lon, x/y (CRS from the values) or WKT."""
    if table.geometry is not None:
        crs = _crs_text(table)
        if table.crs is not None:
            text = translated("the file's own geometry in {crs}").format(crs=table.crs.name)
        else:
            text = translated("the file's own geometry (coordinate system guessed)")
        return CoordinateGuess(GEOMETRY, {}, crs, text)
    found = guess_coordinate_fields(table.frame)
    if "lat" in found:
        text = translated("latitude '{lat}', longitude '{lon}'").format(
            lat=found["lat"], lon=found["lon"]
        )
        return CoordinateGuess(LAT_LON, found, "EPSG:4326", text)
    if "x" in found:
        return _xy_guess(table, found)
    if "wkt" in found:
        text = translated("WKT geometry in '{column}'").format(column=found["wkt"])
        return CoordinateGuess(WKT, found, "EPSG:4326", text)
    return CoordinateGuess(NO_COORDINATES, {}, None, translated("no coordinate columns"))


def _xy_guess(table: Table, found: dict[str, str]) -> CoordinateGuess:
    crs = default_xy_crs(table.frame[found["x"]], table.frame[found["y"]])
    x, y = found["x"], found["y"]
    if crs is None:
        text = translated("'{x}'/'{y}', coordinate system unknown").format(x=x, y=y)
        return CoordinateGuess(XY, found, None, text)
    authority = ":".join(crs.to_authority() or ("", ""))
    text = translated("'{x}'/'{y}' read as {crs}").format(x=x, y=y, crs=crs.name)
    return CoordinateGuess(XY, found, authority or None, text)


def distinct_values(frame: pd.DataFrame, column: str, limit: int = 500) -> list[tuple[str, int]]:
    """(value, rows) for a category column, commonest first, as the importer compares them."""
    counts = text_objects(frame[column]).dropna().value_counts(sort=True)
    return [(str(value), int(count)) for value, count in counts.head(limit).items()]


# ---- indicators --------------------------------------------------------------------------
def _guess_indicators(result: Preview, table: Table, area_codes: Collection[str] | None) -> None:
    frame = table.frame
    result.numeric_columns = numeric_columns(frame)
    key = None
    if area_codes:
        result.key_shares = key_match_shares(frame, area_codes)
        key = best_key(result.key_shares)
    key = key or guess_area_code_field(frame)
    if key is not None:
        result.fields = {"key": key}
        result.row_filter = suggest_row_filter(frame, key)


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    """Columns the indicator importer would store as numbers (same share of number cells).

    Parsing a text column of 200,000 names as numbers takes a second, so a column whose first
    rows are mostly text is taken as text without reading the rest.
    """
    return [str(c) for c in frame.columns if _looks_numeric(frame[c])]


def _looks_numeric(values: pd.Series) -> bool:
    head = values.head(_NUMERIC_SAMPLE_ROWS)
    if len(values) > len(head) and not looks_numeric(head, min_share=_NUMERIC_SAMPLE_SHARE):
        return False
    return looks_numeric(values, min_share=NUMERIC_SHARE)


def key_match_shares(frame: pd.DataFrame, codes: Collection[str]) -> dict[str, float]:
    """Per column, the share of filled rows whose value is one of the area codes.

    Only columns with a match in their first rows are counted over the whole file, so a wide
    file of numbers costs little.
    """
    wanted = set(map(str, codes))
    shares: dict[str, float] = {}
    for column in frame.columns:
        if not _text_like(frame[column]):
            continue
        if not _matches_any(frame[column].head(_KEY_SAMPLE_ROWS), wanted):
            continue
        values = text_objects(frame[column]).dropna()
        shares[str(column)] = float(values.isin(wanted).mean()) if len(values) else 0.0
    return shares


def best_key(shares: dict[str, float]) -> str | None:
    """The column matching most; the first such column on a tie (files put the key first)."""
    if not shares:
        return None
    best = max(shares.values())
    return next(c for c, share in shares.items() if share == best) if best > 0 else None


def _text_like(values: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values))


def _matches_any(values: pd.Series, wanted: set[str]) -> bool:
    return bool(text_objects(values).isin(wanted).any())


def rows_per_key(frame: pd.DataFrame, key: str) -> int:
    """How many rows the commonest key has: more than one means the file needs a row filter."""
    keys = text_objects(frame[key]).dropna()
    return int(keys.value_counts().max()) if len(keys) else 0


def suggest_row_filter(frame: pd.DataFrame, key: str) -> RowFilter | None:
    """For files with several rows per area, the column telling them apart and a value to keep.

    The value suggested is the whole population ("Persons", "All", "Total") when there is one.
    """
    repeats = rows_per_key(frame, key)
    if repeats < 2:
        return None
    keys = text_objects(frame[key])
    candidates = [_splitting_column(frame, keys, c, repeats) for c in frame.columns if c != key]
    found = [c for c in candidates if c is not None]
    if not found:
        return None
    column, values = min(found, key=lambda item: _filter_rank(frame, item, repeats))
    return RowFilter(repeats, column, values, _total_value(values))


def _filter_rank(
    frame: pd.DataFrame, item: tuple[str, list[str]], repeats: int
) -> tuple[bool, bool, int]:
    """Text columns with exactly one value per repeat first: sex, not a count that happens to."""
    column, values = item
    return (
        not _text_like(frame[column]) or _all_numbers(values),
        len(values) != repeats,
        len(values),
    )


def _all_numbers(values: list[str]) -> bool:
    return looks_numeric(pd.Series(values, dtype=object))


def _splitting_column(
    frame: pd.DataFrame, keys: pd.Series, column: str, repeats: int
) -> tuple[str, list[str]] | None:
    """The column with few values that, with the key, identifies every row."""
    values = text_objects(frame[column])
    distinct = values.dropna().unique()
    if not 2 <= len(distinct) <= max(repeats, 2) * 4 or len(distinct) > _MAX_FILTER_VALUES:
        return None
    pairs = pd.DataFrame({"key": keys, "value": values}).dropna()
    if pairs.duplicated().any():
        return None
    return str(column), [str(v) for v in distinct]


def _total_value(values: list[str]) -> str:
    lowered = {v.lower(): v for v in values}
    for word in _TOTAL_WORDS:
        if word in lowered:
            return lowered[word]
    return values[0]


def area_codes(project: Project, set_name: str) -> set[str]:
    """The codes of an area set, for matching an indicator file's key column."""
    return set(areas.frame(project, set_name)["code"].astype(str))


_GUESSERS = {"areas": _guess_areas, "assets": _guess_assets, "indicators": _guess_indicators}

__all__ = [
    "ASSET_FIELDS",
    "CoordinateGuess",
    "GEOMETRY",
    "LAT_LON",
    "NO_COORDINATES",
    "Preview",
    "RowFilter",
    "WKT",
    "XY",
    "area_codes",
    "best_key",
    "cell_text",
    "distinct_values",
    "guess_coordinates",
    "key_match_shares",
    "numeric_columns",
    "preview",
    "rows_per_key",
    "suggest_row_filter",
]
