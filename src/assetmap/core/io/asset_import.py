"""Importing assets from GeoJSON, GeoPackage, Shapefile, CSV and XLSX.

``prepare_assets`` does all the reading, guessing and checking without
touching the project and returns the rows ready to insert plus the report;
``ImportAssets`` (core.commands.imports) writes them in one transaction.
The GUI shows the report of a prepare before the user commits.
"""

from __future__ import annotations

import uuid as uuidlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from assetmap.core import areas, gpkg, postcode_store
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import crs_check, identity
from assetmap.core.io.asset_categories import (
    NEW_CATEGORY,
    UNKNOWN_NEW,
    UNKNOWN_UNCATEGORISED,
    choose_categories,
    personal_data_note,
)
from assetmap.core.io.asset_values import (
    address_parts,
    address_values,
    clean_text,
    custom_json,
    fill_missing_names,
    opening_hours_values,
    postcode_text,
    status_values,
)
from assetmap.core.io.crs_guess import WGS84
from assetmap.core.io.fields import (
    custom_field_type,
    guess_asset_fields,
    guess_coordinate_fields,
    human_label,
    identifier_text,
    opening_day_columns,
    styling_columns,
)
from assetmap.core.io.placement import (
    PLACED,
    REJECTED,
    UNPLACED,
    Placement,
    RowPlacer,
    default_xy_crs,
)
from assetmap.core.io.postcodes import PostcodeIndex, normalise_postcodes
from assetmap.core.io.project_files import refuse_assetmap_project
from assetmap.core.io.readers import Table, read_table
from assetmap.core.io.reimport_report import describe_plan
from assetmap.core.io.report import ImportReport
from assetmap.core.model import new_uuids
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category


@dataclass
class AssetImportOptions:
    category: str | None = None
    category_field: str | None = None
    # source value -> category key (or NEW_CATEGORY); other values are matched by name
    category_map: dict[str, str] = field(default_factory=dict)
    unknown_categories: str = UNKNOWN_NEW
    name_field: str | None = None
    lat_field: str | None = None
    lon_field: str | None = None
    x_field: str | None = None
    y_field: str | None = None
    crs: str | None = None
    wkt_field: str | None = None
    postcode_field: str | None = None
    postcode_index: str | Path | None = None
    field_map: dict[str, str] = field(default_factory=dict)  # asset field -> source column
    skip_fields: list[str] = field(default_factory=list)  # source columns not to keep
    layer: str | None = None
    source: str | None = None
    personal_data: bool = False
    accept_crs: bool = False  # import even when the coordinates do not fit their CRS
    # Importing the file again: the column that identifies a row (a URN, an ODS code), else
    # the asset fields whose values together do (core.io.identity; None: its default).
    id_field: str | None = None
    match_key: tuple[str, ...] | None = None
    # The earlier file this one is an updated version of, by the name it was imported under
    # ("libraries_2025.csv" for "libraries_2026.csv"); None: a file of the same name.
    replaces: str | None = None
    # Other files whose assets rows may match too: an OpenStreetMap id names the same feature
    # in every extract, whatever the file (or the demo's converted file) was called.
    also_match_files: tuple[str, ...] = ()


@dataclass
class PreparedAssets:
    rows: pd.DataFrame  # assets.COLUMNS as stored values
    points: np.ndarray
    footprints: np.ndarray  # per row, None when the asset is not a site
    new_categories: list[Category]
    report: ImportReport
    batch: str
    source_file: str
    postcodes: pd.DataFrame | None  # postcode, x, y to keep in the project's index
    field_defs: list[tuple[str, str, str]]  # custom field name, label, type
    mapping: dict[str, str]  # what was used: asset field -> column
    attribution: str | None = None
    postcode_source: str | None = None
    ignored_fields: list[str] = field(default_factory=list)  # map styling, not kept
    row_numbers: np.ndarray | None = None  # each row's number in the file, for the change feed
    key: identity.ImportKey = field(default_factory=identity.ImportKey)
    owned: tuple[str, ...] = ()  # the columns the file gives, which an import again updates
    plan: identity.Plan | None = None  # matched against earlier imports when prepared
    earlier_file: str = (
        ""  # whose assets rows are matched to: this file's name or the one it replaces
    )
    also_match_files: tuple[str, ...] = ()  # other files whose assets rows are matched to


def prepare_assets(
    project: Project,
    path: str | Path,
    options: AssetImportOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedAssets:
    steps = Steps(progress)
    refuse_assetmap_project(path)
    table = read_table(path, layer=options.layer, progress=steps.sub(0, 0.4), cancelled=cancelled)
    return prepare_table(project, table, options, progress=steps.sub(0.4, 1.0), cancelled=cancelled)


def prepare_table(
    project: Project,
    table: Table,
    options: AssetImportOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedAssets:
    """The rows of a table already read (from a file, or built by another importer such as
    the OpenStreetMap one) prepared as ``prepare_assets`` prepares a file's."""
    steps = Steps(progress)
    check_cancelled(cancelled)
    report = ImportReport(file=table.path.name, kind="assets", notes=list(table.notes))
    if len(table) == 0:
        raise BadInputError(translated("has no rows to import"), file=table.path)
    mapping = _field_mapping(table, options)
    steps(0.45, translated("Placing assets"))
    index = _postcode_index(project, options, report, steps.sub(0.45, 0.6), cancelled)
    placement = _place(project, table, options, mapping, index, report)
    check_cancelled(cancelled)
    steps(0.75, translated("Matching categories"))
    keep = placement.state != REJECTED
    if not keep.any():
        first = report.rejected[0].describe() if report.rejected else ""
        raise BadInputError(
            translated("no row could be imported: all {n} were rejected. First: {first}").format(
                n=len(table), first=first
            ),
            file=table.path,
        )
    frame = table.frame[keep].reset_index(drop=True)
    row_numbers = table.row_numbers[keep]
    points = placement.points[keep]
    # The out-of-area test is the slowest step and runs without the GIL: overlap it with
    # everything that does not need its answer (matching earlier imports does not).
    with ThreadPoolExecutor(max_workers=1) as pool:
        outside = pool.submit(areas.points_outside, areas.area_tree(project), points)
        cats, new_categories = choose_categories(project, frame, options, report)
        steps(0.85, translated("Building asset records"))
        rows = _asset_rows(frame, mapping, cats, options, table, report, row_numbers)
        batch = uuidlib.uuid4().hex
        rows["import_batch"] = batch
        _record_origin(project, rows, table, row_numbers)
        key = identity.chosen_key(
            list(table.frame.columns), mapping, options.id_field, options.match_key, table.path
        )
        id_values = frame[key.id_column] if key.id_column else None
        if id_values is not None and pd.api.types.is_numeric_dtype(id_values):
            id_values = identifier_text(id_values)
        rows["origin_key"] = identity.row_keys(key, rows, points, id_values)
        owned = _owned_columns(frame, mapping, options)
        earlier_file = identity.earlier_file(project, options.replaces, table.path.name)
        matched = (earlier_file, *options.also_match_files)
        plan = identity.plan(project, key, rows, points, matched, owned)
        rows["out_of_area"] = outside.result().astype(int)
    describe_plan(report, plan, rows, row_numbers)
    report.out_of_area = int(rows["out_of_area"].sum())
    report.imported = int(keep.sum())
    custom_cols = _custom_columns(frame, mapping, options)
    ignored = _ignored_styling(frame, mapping, options)
    if ignored:
        report.notes.append(
            translated("styling properties ignored: {names}").format(names=", ".join(ignored))
        )
    steps(1.0, translated("Ready to import"))
    return PreparedAssets(
        rows=rows,
        points=points,
        footprints=placement.footprints[keep],
        new_categories=new_categories,
        report=report,
        batch=batch,
        source_file=table.path.name,
        postcodes=_postcodes_to_keep(project, index, rows),
        field_defs=[(c, human_label(c), custom_field_type(c, frame[c])) for c in custom_cols],
        mapping=mapping,
        attribution=index.attribution if index is not None and index.attribution else None,
        postcode_source=index.source if index is not None else None,
        ignored_fields=ignored,
        row_numbers=row_numbers,
        key=key,
        owned=owned,
        plan=plan,
        earlier_file=earlier_file,
        also_match_files=options.also_match_files,
    )


# ---- importing again -------------------------------------------------------------------
def _record_origin(
    project: Project, rows: pd.DataFrame, table: Table, row_numbers: np.ndarray
) -> None:
    """Each asset names its file and row; the person importing approves it into the map."""
    rows["origin_kind"] = "import"
    rows["origin_ref"] = table.path.name
    rows["origin_row"] = pd.Series(np.asarray(row_numbers, dtype=int).tolist(), dtype=object)
    rows["reviewed_by"] = project.author
    rows["reviewed_at"] = rows["created_at"]


def _owned_columns(
    frame: pd.DataFrame, mapping: dict[str, str], options: AssetImportOptions
) -> tuple[str, ...]:
    """The asset columns whose values come from the file: an import again may update these
    and no others (a status or category set here stays when the file has none)."""
    owned = ["name", "custom"]
    if options.category or options.category_field:
        owned.append("category")
    for column in ("description", "postcode", "contact", "phone", "website", "audience"):
        if column in mapping:
            owned.append(column)
    if "address" in mapping or address_parts(frame, mapping):
        owned.append("address")
    if "opening_hours" in mapping or opening_day_columns(list(frame.columns)):
        owned.append("opening_hours")
    owned += [c for c in ("status", "verified_date") if c in mapping]
    return tuple(owned)


# ---- which column is what ----------------------------------------------------------
def _field_mapping(table: Table, options: AssetImportOptions) -> dict[str, str]:
    columns = list(table.frame.columns)
    named = {
        "name": options.name_field,
        "postcode": options.postcode_field,
        "lat": options.lat_field,
        "lon": options.lon_field,
        "x": options.x_field,
        "y": options.y_field,
        "wkt": options.wkt_field,
        "category": options.category_field,
        **options.field_map,
    }
    explicit = {k: v for k, v in named.items() if v}
    for column in options.skip_fields:
        if column not in columns:
            raise BadInputError(_no_field(column, columns), file=table.path, field="--skip-fields")
    for key, column in explicit.items():
        if column not in columns:
            raise BadInputError(
                _no_field(column, columns),
                file=table.path,
                field=f"--{key.replace('_', '-')}-field" if key in _FLAG_FIELDS else key,
            )
    if bool(options.lat_field) != bool(options.lon_field):
        raise BadInputError(
            translated("give both --lat-field and --lon-field"), field="--lat-field"
        )
    if bool(options.x_field) != bool(options.y_field):
        raise BadInputError(translated("give both --x-field and --y-field"), field="--x-field")
    mapping = guess_asset_fields(columns)
    if table.geometry is None and not any(k in explicit for k in ("lat", "x", "wkt")):
        mapping.update(guess_coordinate_fields(table.frame))
    mapping = {k: v for k, v in mapping.items() if v not in explicit.values()}
    mapping.update(explicit)
    if "name" not in mapping:
        raise BadInputError(
            translated("no field looks like the asset's name (fields: {fields})").format(
                fields=", ".join(columns)
            ),
            file=table.path,
            hint=translated("name it with --name-field"),
        )
    return mapping


_FLAG_FIELDS = {"name", "postcode", "lat", "lon", "x", "y", "wkt", "category"}
_COORDINATE_KEYS = ("lat", "lon", "x", "y", "wkt")


def _custom_columns(
    frame: pd.DataFrame, mapping: dict[str, str], options: AssetImportOptions
) -> list[str]:
    """Every column no asset field used: kept with each asset, so nothing is lost, but for
    another program's map styling (marker-color), which says nothing about the asset."""
    used = set(mapping.values()) | set(options.skip_fields)
    used.update(address_parts(frame, mapping))
    used.update(c for _, c in opening_day_columns(list(frame.columns)))
    used.update(styling_columns(frame))
    return [c for c in frame.columns if c not in used]


def _ignored_styling(
    frame: pd.DataFrame, mapping: dict[str, str], options: AssetImportOptions
) -> list[str]:
    chosen = set(mapping.values()) | set(options.skip_fields)
    return [str(c) for c in styling_columns(frame) if c not in chosen]


# ---- where each row is -------------------------------------------------------------
def _postcode_index(
    project: Project,
    options: AssetImportOptions,
    report: ImportReport,
    progress: ProgressFn,
    cancelled: CancelledFn | None,
) -> PostcodeIndex | None:
    if options.postcode_index:
        index = PostcodeIndex.from_file(
            options.postcode_index, progress=progress, cancelled=cancelled
        )
        return index.to_crs(project.crs)
    return postcode_store.load(project)


def _place(
    project: Project,
    table: Table,
    options: AssetImportOptions,
    mapping: dict[str, str],
    index: PostcodeIndex | None,
    report: ImportReport,
) -> Placement:
    region = _areas_region(project)
    placer = RowPlacer(
        project.crs,
        region,
        table.row_numbers,
        table.row_noun,
        report,
        file=table.path,
        accept_crs=options.accept_crs,
    )
    frame = table.frame
    explicit_crs = _parse_crs(options.crs) if options.crs else None
    if table.geometry is not None and not any(k in mapping for k in _COORDINATE_KEYS):
        try:
            placer.from_geometry(table.geometry, table.crs, None, table.geometry_issues)
        except ValueError as exc:
            raise BadInputError(
                translated(
                    "the file has no coordinate system and its coordinates are not "
                    "longitude/latitude or British National Grid"
                ),
                file=table.path,
            ) from exc
    elif "lat" in mapping:
        placer.from_lat_lon(
            frame[mapping["lat"]], frame[mapping["lon"]], mapping["lat"], mapping["lon"]
        )
    elif "x" in mapping:
        x, y = frame[mapping["x"]], frame[mapping["y"]]
        crs = explicit_crs or default_xy_crs(x, y)
        if crs is None:
            raise BadInputError(
                translated("cannot tell the coordinate system of fields '{x}'/'{y}'").format(
                    x=mapping["x"], y=mapping["y"]
                ),
                file=table.path,
                hint=translated("give it with --crs, e.g. --crs EPSG:27700"),
            )
        if explicit_crs is None:
            report.notes.append(
                translated("'{x}'/'{y}' read as {crs}").format(
                    x=mapping["x"], y=mapping["y"], crs=crs.name
                )
            )
        placer.from_xy(x, y, mapping["x"], mapping["y"], crs)
    elif "wkt" in mapping:
        placer.from_wkt(frame[mapping["wkt"]], mapping["wkt"], explicit_crs or CRS.from_epsg(4326))
    if "postcode" in mapping:
        placed = placer.from_postcodes(frame[mapping["postcode"]], mapping["postcode"], index)
        if index is not None and placed.any():
            report.notes.append(
                translated("{n} assets placed by postcode (postcode index: {source})").format(
                    n=int(placed.sum()), source=index.source
                )
            )
    return placer.finish()


def _areas_region(project: Project) -> tuple[float, float, float, float] | None:
    """The project's areas as lon/lat bounds (for spotting swapped coordinates)."""
    polygons = areas.all_polygons(project)
    if not len(polygons):
        return None
    minx, miny, maxx, maxy = shapely.total_bounds(polygons)
    to_lonlat = crs_check.transformer(project.crs, WGS84)
    west, south, east, north = to_lonlat.transform_bounds(minx, miny, maxx, maxy)
    return float(west), float(south), float(east), float(north)


def _parse_crs(text: str) -> CRS:
    try:
        return CRS.from_user_input(text)
    except Exception as exc:
        raise BadInputError(
            translated("'{text}' is not a coordinate system I know").format(text=text),
            field="--crs",
        ) from exc


def _no_field(column: str, columns: list[str]) -> str:
    return translated("has no field '{column}' (fields: {fields})").format(
        column=column, fields=", ".join(columns)
    )


# ---- categories ------------------------------------------------------------------------
# ---- the rows ----------------------------------------------------------------------------
def _asset_rows(
    frame: pd.DataFrame,
    mapping: dict[str, str],
    category_keys: pd.Series,
    options: AssetImportOptions,
    table: Table,
    report: ImportReport,
    row_numbers: np.ndarray,
) -> pd.DataFrame:
    n = len(frame)
    now = gpkg.utc_now()

    def text(field: str) -> pd.Series:
        column = mapping.get(field)
        if column is None:
            return pd.Series([None] * n, dtype=object)
        return clean_text(frame[column])

    rows = pd.DataFrame(
        {
            "uuid": new_uuids(n),
            "name": text("name"),
            "category": category_keys.to_numpy(),
            "description": text("description"),
            "address": address_values(frame, mapping, text("address")),
            "postcode": postcode_text(text("postcode")),
            "contact": text("contact"),
            "phone": text("phone"),
            "website": text("website"),
            "opening_hours": opening_hours_values(frame, text("opening_hours")),
            "audience": text("audience"),
            "status": status_values(
                text("status"), mapping.get("status"), report, row_numbers, table
            ),
            "verified_date": text("verified_date"),
            "source": options.source or table.path.name,
            "personal_data": int(options.personal_data),
            "custom": custom_json(frame, _custom_columns(frame, mapping, options)),
            "created_at": now,
            "updated_at": now,
            "deleted": 0,
            "review": "approved",
        },
        # Object columns: pandas 3 would otherwise convert text to Arrow and back.
        dtype=object,
    )
    fill_missing_names(rows, report, row_numbers, table.row_noun, mapping["name"])
    return rows


def _postcodes_to_keep(
    project: Project, index: PostcodeIndex | None, rows: pd.DataFrame
) -> pd.DataFrame | None:
    """The postcodes of the project's neighbourhood, so later imports and Find work offline."""
    if index is None or index is postcode_store.cached_index(project):
        return None
    polygons = areas.all_polygons(project)
    if len(polygons):
        minx, miny, maxx, maxy = shapely.total_bounds(polygons)
        margin = 5_000.0  # metres around the areas
        near = index.within((minx - margin, miny - margin, maxx + margin, maxy + margin))
        frame = near.frame
    else:
        used = normalise_postcodes(rows["postcode"]).dropna().unique()
        frame = index.frame[index.frame.index.isin(used)]
    return frame.reset_index(names="postcode")[["postcode", "x", "y"]]


__all__ = [
    "AssetImportOptions",
    "NEW_CATEGORY",
    "PLACED",
    "PreparedAssets",
    "UNKNOWN_NEW",
    "UNKNOWN_UNCATEGORISED",
    "UNPLACED",
    "describe_plan",
    "personal_data_note",
    "prepare_assets",
    "prepare_table",
]
