"""Importing an area set (LSOAs, wards, any polygons) into a project.

Everything is checked and prepared before the project is touched; the
change itself is one ImportAreaSet command, so it is all-or-nothing and
undoable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from assetmap.core import areas, gpkg
from assetmap.core.errors import BadInputError
from assetmap.core.geometry import as_multipolygons
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
        raise BadInputError("an area set needs a name", field="--set")
    if name in {i.name for i in areas.list_sets(project)}:
        raise BadInputError(
            f"the project already has an area set named '{name}'",
            field="--set",
            hint="choose another name",
        )
    table = read_table(path, layer=options.layer, progress=steps.sub(0, 0.6), cancelled=cancelled)
    check_cancelled(cancelled)
    report = ImportReport(file=table.path.name, kind="areas", notes=list(table.notes))
    if table.geometry is None:
        raise BadInputError(
            "has no geometry: area sets come from GeoJSON, GeoPackage or Shapefile files",
            file=table.path,
        )
    code_field, name_field = _choose_fields(table, options)
    steps(0.65, "Checking geometries")
    keep, polygons = _check_geometries(table, report)
    keep &= _check_codes(table, code_field, report)
    check_cancelled(cancelled)
    if not keep.any():
        raise BadInputError(
            f"no feature could be imported ({len(report.rejected)} rejected); first problem: "
            + (report.rejected[0].describe() if report.rejected else "the file is empty"),
            file=table.path,
        )
    steps(0.75, "Reprojecting")
    polygons = _to_project_crs(project, table, polygons[keep], report)
    check_cancelled(cancelled)
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
    steps(1.0, "Ready to import")
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
                f"has no field '{wanted}' (fields: {', '.join(columns)})",
                file=table.path,
                field=flag,
            )
    code = options.code_field or guess_area_code_field(table.frame)
    if code is None:
        raise BadInputError(
            f"no field looks like an area code (fields: {', '.join(columns) or 'none'})",
            file=table.path,
            hint="name it with --code-field",
        )
    name = options.name_field or guess_area_name_field(table.frame, code)
    return code, name


def _check_geometries(table: Table, report: ImportReport) -> tuple[np.ndarray, np.ndarray]:
    geometry = np.asarray(table.geometry, dtype=object)
    keep = np.ones(len(geometry), dtype=bool)
    rows, noun = table.row_numbers, table.row_noun
    missing = shapely.is_missing(geometry) | shapely.is_empty(geometry)
    for i in np.flatnonzero(missing):
        report.rejected.append(RowIssue(int(rows[i]), None, "has no geometry", noun))
    keep &= ~missing
    present = np.flatnonzero(keep)
    types = shapely.get_type_id(geometry[present])
    for i in present[~np.isin(types, _POLYGONAL)]:
        kind = geometry[i].geom_type
        report.rejected.append(RowIssue(int(rows[i]), None, f"is a {kind}, not an area", noun))
        keep[i] = False
    checked = np.flatnonzero(keep)
    invalid = checked[~shapely.is_valid(geometry[checked])]
    geometry = geometry.copy()
    for i in invalid:
        reason = shapely.is_valid_reason(geometry[i])
        fixed = _polygonal_part(shapely.make_valid(geometry[i]))
        if fixed is None:
            report.rejected.append(
                RowIssue(
                    int(rows[i]), None, f"invalid geometry ({reason}) could not be repaired", noun
                )
            )
            keep[i] = False
        else:
            geometry[i] = fixed
            report.repaired.append(
                RowIssue(int(rows[i]), None, f"invalid geometry ({reason}) was repaired", noun)
            )
    return keep, geometry


def _polygonal_part(geometry: shapely.Geometry) -> shapely.Geometry | None:
    """make_valid can return a collection with stray lines; keep the area."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if not merged.is_empty else None


def _check_codes(table: Table, code_field: str, report: ImportReport) -> np.ndarray:
    text = text_objects(table.frame[code_field])
    rows, noun = table.row_numbers, table.row_noun
    missing = text.isna().to_numpy()
    repeated = (text.duplicated(keep="first") & ~text.isna()).to_numpy()
    for i in np.flatnonzero(missing):
        report.rejected.append(RowIssue(int(rows[i]), code_field, "has no area code", noun))
    if repeated.any():
        first_row = dict(zip(text[~missing][::-1], rows[~missing][::-1], strict=True))
        for i in np.flatnonzero(repeated):
            message = f"code {text.iloc[i]} is already used by {noun} {first_row[text.iloc[i]]}"
            report.rejected.append(RowIssue(int(rows[i]), code_field, message, noun))
    return ~(missing | repeated)


def _to_project_crs(
    project: Project, table: Table, polygons: np.ndarray, report: ImportReport
) -> np.ndarray:
    crs = table.crs
    if crs is None:
        crs, note = guess_crs(polygons)
        if crs is None:
            raise BadInputError(
                "the file has no coordinate system and its coordinates are not longitude/latitude "
                "or British National Grid",
                file=table.path,
                hint="save it with a .prj or as GeoJSON/GeoPackage",
            )
        report.notes.append(note)
    import geopandas as gpd

    series = gpd.GeoSeries(polygons, crs=crs)
    if not crs.equals(project.crs):
        series = series.to_crs(project.crs)
        report.notes.append(f"reprojected from {crs.name} to {project.crs.name}")
    result = series.to_numpy()
    broken = ~shapely.is_valid(result)
    if broken.any():
        # Reprojection can pinch a barely-valid ring; repair again silently but say so.
        result = result.copy()
        result[broken] = [_polygonal_part(shapely.make_valid(g)) for g in result[broken]]
        report.notes.append(f"{int(broken.sum())} geometries needed repair after reprojection")
    return as_multipolygons(result)


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
            series = pd.Series(series.to_numpy(dtype=object, na_value=None), index=frame.index)
        elif not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)):
            series = pd.Series(
                [None if is_missing(v) else str(v) for v in series], index=frame.index, dtype=object
            )

        out[safe] = series
        labels[safe] = str(column)
    return pd.DataFrame(out, index=frame.index), labels
