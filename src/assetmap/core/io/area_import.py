"""Importing an area set (LSOAs, wards, any polygons) into a project.

Everything is checked and prepared before the project is touched; the
change itself is one ImportAreaSet command, so it is all-or-nothing and
undoable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import SupportsIndex

import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from assetmap.core import areas, gpkg
from assetmap.core.errors import BadInputError, place_in_file
from assetmap.core.geometry import (
    as_multipolygons,
    coordinate_problems,
    polygonal_part,
    repair_polygon,
)
from assetmap.core.i18n import translated
from assetmap.core.io.crs_check import check_coordinates
from assetmap.core.io.crs_guess import guess_crs
from assetmap.core.io.fields import guess_area_code_field, guess_area_name_field
from assetmap.core.io.readers import Table, read_table
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.io.values import is_missing, text_objects
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

_POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon


@dataclass
class AreaImportOptions:
    set_name: str
    code_field: str | None = None
    name_field: str | None = None
    layer: str | None = None
    accept_crs: bool = False  # import even when the coordinates do not fit the file's CRS


@dataclass
class PreparedAreas:
    info: areas.AreaSetInfo
    codes: list[str]
    names: list[str | None]
    extra: pd.DataFrame
    polygons: np.ndarray
    report: ImportReport
    source_rows: int = 0
    attribution: str | None = None
    extra_labels: dict[str, str] = field(default_factory=dict)


def prepare_areas(
    project: Project,
    path: str | Path,
    options: AreaImportOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedAreas:
    """Read, check, repair and reproject; raises BadInputError when nothing is usable."""
    steps = Steps(progress)
    name = options.set_name.strip()
    if not name:
        raise BadInputError(translated("an area set needs a name"), field="--set")
    if name in {i.name for i in areas.list_sets(project)}:
        raise BadInputError(
            translated("the project already has an area set named '{name}'").format(name=name),
            field="--set",
            hint=translated("choose another name"),
        )
    table = read_table(path, layer=options.layer, progress=steps.sub(0, 0.6), cancelled=cancelled)
    check_cancelled(cancelled)
    report = ImportReport(file=table.path.name, kind="areas", notes=list(table.notes))
    if table.geometry is None:
        raise BadInputError(
            translated(
                "has no geometry: area sets come from GeoJSON, GeoPackage or Shapefile files"
            ),
            file=table.path,
        )
    code_field, name_field = _choose_fields(table, options)
    steps(0.65, translated("Checking geometries"))
    keep, polygons = _check_geometries(table, report)
    keep &= _check_codes(table, code_field, report)
    check_cancelled(cancelled)
    _refuse_if_nothing_left(keep, report, table)
    crs = _source_crs(table, polygons[keep], report)
    keep &= _check_crs(table, polygons, keep, crs, options.accept_crs, report)
    _refuse_if_nothing_left(keep, report, table)
    steps(0.75, translated("Reprojecting"))
    polygons = _to_project_crs(project, crs, polygons, keep, table, report)
    _refuse_if_nothing_left(keep, report, table)
    check_cancelled(cancelled)
    report.rejected.sort(key=lambda issue: issue.row or 0)
    report.repaired.sort(key=lambda issue: issue.row or 0)
    polygons = as_multipolygons(polygons[keep])
    frame = table.frame[keep].reset_index(drop=True)
    codes = frame[code_field].astype(str).str.strip().tolist()
    names = text_objects(frame[name_field]).tolist() if name_field else [None] * len(frame)
    extra, labels = _extra_columns(frame, {code_field, name_field})
    report.imported = int(keep.sum())
    info = areas.AreaSetInfo(
        name=name,
        table=areas.unique_table_name(project, name),
        source=table.path.name,
        code_field=code_field,
        name_field=name_field,
        created_at=gpkg.utc_now(),
    )
    steps(1.0, translated("Ready to import"))
    return PreparedAreas(
        info, codes, names, extra, polygons, report, len(table), extra_labels=labels
    )


def _choose_fields(table: Table, options: AreaImportOptions) -> tuple[str, str | None]:
    columns = list(table.frame.columns)
    for wanted, flag in (
        (options.code_field, "--code-field"),
        (options.name_field, "--name-field"),
    ):
        if wanted is not None and wanted not in columns:
            raise BadInputError(
                translated("has no field '{column}' (fields: {fields})").format(
                    column=wanted, fields=", ".join(columns)
                ),
                file=table.path,
                field=flag,
            )
    code = options.code_field or guess_area_code_field(table.frame)
    if code is None:
        raise BadInputError(
            translated("no field looks like an area code (fields: {fields})").format(
                fields=", ".join(columns) or translated("none")
            ),
            file=table.path,
            hint=translated("name it with --code-field"),
        )
    name = options.name_field or guess_area_name_field(table.frame, code)
    return code, name


def _check_geometries(table: Table, report: ImportReport) -> tuple[np.ndarray, np.ndarray]:
    """Which features are usable areas, repaired where that is possible.

    Every feature is decided on its own: a broken one is rejected with its reason and
    never takes the rest of the file down with it.
    """
    geometry = np.asarray(table.geometry, dtype=object).copy()
    keep = np.ones(len(geometry), dtype=bool)
    rows, noun = table.row_numbers, table.row_noun
    issues = table.geometry_issues

    def reject(i: SupportsIndex, message: str) -> None:
        report.rejected.append(RowIssue(int(rows[i]), None, message, noun))
        keep[i] = False

    def repaired(i: SupportsIndex, message: str) -> None:
        report.repaired.append(RowIssue(int(rows[i]), None, message, noun))

    missing = shapely.is_missing(geometry) | shapely.is_empty(geometry)
    for i in np.flatnonzero(missing).tolist():
        reject(i, issues.unreadable.get(i, translated("has no geometry")))
    # numpy's stub for where() does not take None as the fill value
    for i, problem in enumerate(coordinate_problems(np.where(keep, geometry, None))):  # type: ignore[call-overload]
        if problem is not None:
            reject(i, problem)
    for i in np.flatnonzero(keep & ~np.isin(shapely.get_type_id(geometry), _POLYGONAL)).tolist():
        kind = geometry[i].geom_type
        part = polygonal_part(geometry[i]) if kind == "GeometryCollection" else None
        if part is None:
            reject(i, translated("is a {kind}, not an area").format(kind=kind))
        else:
            geometry[i] = part
            repaired(
                i,
                translated(
                    "is a {kind}; its polygons were kept and its other parts dropped"
                ).format(kind=kind),
            )
    checked = np.flatnonzero(keep)
    for i in checked[~shapely.is_valid(geometry[checked])]:
        fixed, reason = repair_polygon(geometry[i])
        if fixed is None:
            reject(
                i,
                translated("invalid geometry ({reason}) could not be repaired").format(
                    reason=reason
                ),
            )
        else:
            geometry[i] = fixed
            repaired(
                i, translated("invalid geometry ({reason}) was repaired").format(reason=reason)
            )
    for i, message in sorted(issues.fixed.items()):
        if keep[i]:
            repaired(i, message)
    return keep, geometry


def _check_codes(table: Table, code_field: str, report: ImportReport) -> np.ndarray:
    text = text_objects(table.frame[code_field])
    rows, noun = table.row_numbers, table.row_noun
    missing = text.isna().to_numpy()
    repeated = (text.duplicated(keep="first") & ~text.isna()).to_numpy()
    for i in np.flatnonzero(missing):
        message = translated("has no area code")
        report.rejected.append(RowIssue(int(rows[i]), code_field, message, noun))
    if repeated.any():
        first_row = dict(zip(text[~missing][::-1], rows[~missing][::-1], strict=True))
        for i in np.flatnonzero(repeated):
            first = place_in_file(None, int(first_row[text.iloc[i]]), None, noun)
            message = translated("code {code} is already used by {where}").format(
                code=text.iloc[i], where=first
            )
            report.rejected.append(RowIssue(int(rows[i]), code_field, message, noun))
    return ~(missing | repeated)


def _refuse_if_nothing_left(keep: np.ndarray, report: ImportReport, table: Table) -> None:
    if keep.any():
        return
    first = report.rejected[0].describe() if report.rejected else translated("the file is empty")
    raise BadInputError(
        translated("no feature could be imported ({n} rejected); first problem: {first}").format(
            n=len(report.rejected), first=first
        ),
        file=table.path,
    )


def _source_crs(table: Table, polygons: np.ndarray, report: ImportReport) -> CRS:
    """The file's coordinate system, or the one its values are plainly in."""
    if table.crs is not None:
        return table.crs
    crs, note = guess_crs(polygons)
    if crs is None:
        raise BadInputError(
            translated(
                "the file has no coordinate system and its coordinates are not "
                "longitude/latitude or British National Grid"
            ),
            file=table.path,
            hint=translated("save it with a .prj or as GeoJSON/GeoPackage"),
        )
    report.notes.append(note)
    return crs


def _check_crs(
    table: Table,
    polygons: np.ndarray,
    keep: np.ndarray,
    crs: CRS,
    accept: bool,
    report: ImportReport,
) -> np.ndarray:
    """Refuse a file whose coordinates cannot be in its CRS; reject the odd stray feature."""
    bounds = np.full((len(polygons), 4), np.nan)
    bounds[keep] = shapely.bounds(polygons[keep])
    check = check_coordinates(
        bounds[:, [0, 2]],
        bounds[:, [1, 3]],
        crs,
        file=table.path,
        accept=accept,
        what=translated("the features' coordinates"),
    )
    if check.note:
        report.notes.append(check.note)
    rows, noun = table.row_numbers, table.row_noun
    for i in np.flatnonzero(check.far & keep):
        message = translated("lies far outside the area {crs} is used for").format(crs=crs.name)
        report.rejected.append(RowIssue(int(rows[i]), None, message, noun))
    return ~check.far


def _to_project_crs(
    project: Project,
    crs: CRS,
    polygons: np.ndarray,
    keep: np.ndarray,
    table: Table,
    report: ImportReport,
) -> np.ndarray:
    """The kept polygons in the project's CRS; ``keep`` loses any that do not survive it.

    A polygon near the edge of what a projection can represent can come back infinite,
    empty or pinched; each such feature is repaired or rejected, never stored empty.
    """
    out = polygons.copy()
    idx = np.flatnonzero(keep)
    if not crs.equals(project.crs):
        import geopandas as gpd

        with np.errstate(all="ignore"):  # GEOS overflow warnings: the result is checked
            out[idx] = gpd.GeoSeries(polygons[idx], crs=crs).to_crs(project.crs).to_numpy()
        report.notes.append(
            translated("reprojected from {source} to {target}").format(
                source=crs.name, target=project.crs.name
            )
        )
    rows, noun = table.row_numbers, table.row_noun
    for i, problem in zip(idx, coordinate_problems(out[idx]), strict=True):
        if problem is not None:
            message = translated("cannot be reprojected to {crs} (the result {problem})").format(
                crs=project.crs.name, problem=problem
            )
            report.rejected.append(RowIssue(int(rows[i]), None, message, noun))
            keep[i] = False
    idx = np.flatnonzero(keep)
    broken = idx[~shapely.is_valid(out[idx])]
    repaired = 0
    for i in broken:
        # Reprojection can pinch a barely-valid ring; repair again, or reject if nothing is left.
        out[i], reason = repair_polygon(out[i])
        if out[i] is None:
            message = translated(
                "became invalid in {crs} ({reason}) and could not be repaired"
            ).format(crs=project.crs.name, reason=reason)
            report.rejected.append(RowIssue(int(rows[i]), None, message, noun))
            keep[i] = False
        else:
            repaired += 1
    if repaired:
        report.notes.append(
            translated("{n} geometries needed repair after reprojection").format(n=repaired)
        )
    return out


def _extra_columns(
    frame: pd.DataFrame, skip: set[str | None]
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The file's other attributes, kept under SQL-safe names (nothing is lost)."""
    taken: set[str] = set(areas.RESERVED_COLUMNS)
    out: dict[str, pd.Series] = {}
    labels: dict[str, str] = {}
    for column in frame.columns:
        if column in skip:
            continue
        safe = areas.column_name(str(column), taken)
        series = frame[column]
        if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
            # pandas-stubs lacks na_value=None, which pandas accepts
            series = pd.Series(series.to_numpy(dtype=object, na_value=None), index=frame.index)  # type: ignore[call-overload]
        elif not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)):
            series = pd.Series(
                [None if is_missing(v) else str(v) for v in series], index=frame.index, dtype=object
            )

        out[safe] = series
        labels[safe] = str(column)
    return pd.DataFrame(out, index=frame.index), labels
