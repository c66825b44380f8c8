"""Data exports: GeoPackage, GeoJSON, CSV and XLSX.

GeoPackages are written as version 1.2 (QGIS 3.22 flags GDAL's default 1.4 as
"partially supported"); GeoJSON follows RFC 7946 (longitude/latitude); CSV and
XLSX cells that start with = + - @ are neutralised so they cannot run as formulas.
Every file is written under a temporary name and renamed when complete (core.output),
and any text the project holds is written as exactly as the format allows
(core.export.characters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors

from assetmap.core import areas, assets, categories, gpkg, output
from assetmap.core.analysis import results_csv
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.export import characters
from assetmap.core.export.selection import ChosenAssets
from assetmap.core.i18n import translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.model import custom_from_text
from assetmap.core.project import Project
from assetmap.core.summary import attributions

FrameT = TypeVar("FrameT", bound=pd.DataFrame)

ASSET_COLUMNS = (
    "uuid", "name", "category", "category_label", "group", "description", "address", "postcode",
    "contact", "phone", "website", "opening_hours", "audience", "status", "verified_date",
    "source", "personal_data", "out_of_area", "review", "reviewed_by", "reviewed_at",
    "origin", "origin_from", "origin_row", "pin_kind", "workshop_id", "contributor", "custom",
    "created_at", "updated_at",
)  # fmt: skip
# Provenance under the names a GIS user reads: the project's origin_kind and origin_ref say
# how the asset came (import, desk, workshop, merge, sync) and from what (file, person,
# session, copy, database). origin_key is left out: it only matches rows on re-import.
# pin_kind says "asset" (this is here) or "need" (this is missing here, from a workshop).
_PROVENANCE_NAMES = {"origin_kind": "origin", "origin_ref": "origin_from"}


def asset_table(project: Project, chosen: ChosenAssets) -> gpd.GeoDataFrame:
    """Assets with their category's label and group, in the order of ASSET_COLUMNS."""
    cats = categories.by_key(project)
    frame = chosen.frame.rename(columns=_PROVENANCE_NAMES)
    # A whole number or nothing: GIS programs get an integer field, not 4.0.
    frame["origin_row"] = frame["origin_row"].astype("Int64")
    frame["category_label"] = frame["category"].map(lambda k: cats[k].label if k in cats else k)
    frame["group"] = frame["category"].map(lambda k: cats[k].group if k in cats else "")
    frame["personal_data"] = frame["personal_data"].astype(bool)
    frame["out_of_area"] = frame["out_of_area"].astype(bool)
    return gpd.GeoDataFrame(frame[list(ASSET_COLUMNS)], geometry=frame.geometry, crs=project.crs)


def area_table(project: Project, name: str) -> gpd.GeoDataFrame:
    frame = areas.frame(project, name)
    return frame.drop(columns=["fid"], errors="ignore")


def gap_table(project: Project, result: AnalysisResult, key: str) -> gpd.GeoDataFrame:
    """One category's results on the area polygons, for GIS users."""
    shapes = areas.frame(project, result.params.area_set)[["code", "geometry"]]
    rows = result.for_category(key).drop(columns=["category"])
    merged = shapes.merge(rows, left_on="code", right_on="area_code", how="left")
    return gpd.GeoDataFrame(merged.drop(columns=["code"]), geometry="geometry", crs=project.crs)


# ---- GeoPackage --------------------------------------------------------------------------
def write_gpkg(
    project: Project,
    path: Path,
    chosen: ChosenAssets,
    area_sets: list[str],
    result: AnalysisResult | None,
) -> int:
    """Write the GeoPackage; returns how many text values held a NUL (written as U+FFFD)."""
    layers: list[tuple[str, gpd.GeoDataFrame, str]] = [
        ("assets", asset_table(project, chosen), chosen.notice() or translated("Community assets"))
    ]
    sites = _sites(project, chosen)
    if len(sites):
        layers.append(("asset_sites", sites, translated("Outlines of assets that are sites")))
    for name in area_sets:
        described = translated("Area set {name}").format(name=name)
        layers.append((_layer_name("areas", name), area_table(project, name), described))
    if result is not None:
        for key in dict.fromkeys(result.table["category"]):
            layers.append(
                (_layer_name("gaps", key), gap_table(project, result, key), result.method)
            )
    nuls = 0
    with output.replacing(path) as tmp:
        for i, (layer, frame, description) in enumerate(layers):
            nuls += _count_nuls(frame)
            _write_layer(
                path,
                _text_columns(frame, characters.for_gdal),
                tmp,
                layer=layer,
                driver="GPKG",
                append=i > 0,
                dataset_options={"VERSION": "1.2"} if i == 0 else None,
                layer_options={"DESCRIPTION": characters.for_gdal(description)[:4000]},
            )
    return nuls


def _write_layer(path: Path, frame: gpd.GeoDataFrame, tmp: Path, **options: Any) -> None:
    """GDAL says a full disk in its own words ("Cannot write feature"): name the file."""
    try:
        pyogrio.write_dataframe(frame, tmp, **options)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise output.failed_writer(exc, path) from exc


def _sites(project: Project, chosen: ChosenAssets) -> gpd.GeoDataFrame:
    uuids = chosen.frame["uuid"].tolist()
    rows = []
    for uuid in uuids:
        outline = assets.footprint(project, uuid)
        if outline is not None:
            rows.append((uuid, outline))
    frame = pd.DataFrame(rows, columns=["asset_uuid", "geometry"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=project.crs)


def _layer_name(prefix: str, name: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_") or "all"
    return f"{prefix}_{slug}"


# ---- GeoJSON ------------------------------------------------------------------------------
def write_geojson(project: Project, path: Path, frame: gpd.GeoDataFrame) -> int:
    """Write the GeoJSON; returns how many text values held a NUL (written as U+FFFD)."""
    out = _text_columns(frame.to_crs(4326), characters.for_gdal)
    with output.replacing(path) as tmp:
        _write_layer(path, out, tmp, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    return _count_nuls(frame)


# ---- text --------------------------------------------------------------------------------------
def _text_columns(frame: FrameT, clean: Callable[[str], str]) -> FrameT:
    """``clean`` applied to every string value and column name (other values kept)."""
    out = frame.copy()
    for column in _text_names(out):
        out[column] = out[column].map(lambda v: clean(v) if isinstance(v, str) else v)
    return out.rename(columns=lambda c: clean(c) if isinstance(c, str) else c)


def _text_names(frame: pd.DataFrame) -> list[object]:
    return [
        c
        for c in frame.columns
        if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])
    ]


def _count_nuls(frame: pd.DataFrame) -> int:
    return int(sum(frame[c].map(characters.has_nul).sum() for c in _text_names(frame)))


# ---- CSV and XLSX ----------------------------------------------------------------------------
def assets_for_sheet(project: Project, chosen: ChosenAssets) -> pd.DataFrame:
    """Assets as a spreadsheet: one row each, coordinates as numbers, custom fields as columns."""
    table = asset_table(project, chosen)
    lonlat = table.geometry.to_crs(4326)
    sheet = pd.DataFrame(table.drop(columns=["geometry", "custom"]))
    present = ~table.geometry.isna()
    sheet["longitude"] = np.where(present, lonlat.x.round(6), np.nan)
    sheet["latitude"] = np.where(present, lonlat.y.round(6), np.nan)
    sheet["easting"] = np.where(present, table.geometry.x.round(1), np.nan)
    sheet["northing"] = np.where(present, table.geometry.y.round(1), np.nan)
    custom = pd.DataFrame([custom_from_text(v) for v in table["custom"]], index=sheet.index)
    custom.columns = [f"custom: {c}" for c in custom.columns]
    return pd.concat([sheet, custom], axis=1)


def _safe(frame: pd.DataFrame, clean: Callable[[str], str] = characters.encodable) -> pd.DataFrame:
    """Cells that cannot run as formulas, with the text made writable by ``clean``."""
    safe: pd.DataFrame = frame.apply(lambda column: column.map(neutralise))
    safe = safe.rename(columns=neutralise)
    return _text_columns(safe, clean)


def write_csv(project: Project, path: Path, chosen: ChosenAssets,
              result: AnalysisResult | None, need_label: str | None = None) -> Path:  # fmt: skip
    if result is not None:
        return write_results_csv(result, path, need_label)
    with output.replacing(path) as tmp:
        _safe(assets_for_sheet(project, chosen)).to_csv(tmp, index=False, encoding="utf-8-sig")
    return path


def write_results_csv(result: AnalysisResult, path: Path, need_label: str | None = None) -> Path:
    """The analysis's CSV and its method note beside it, both or neither."""
    output.check_target(results_csv.method_path(path))
    with output.replacing_folder(path) as folder:
        results_csv.write(result, folder / path.name, need_label)
    return path


def write_xlsx(
    project: Project,
    path: Path,
    chosen: ChosenAssets,
    area_sets: list[str],
    result: AnalysisResult | None,
    title: str,
    need_label: str | None = None,
) -> Path:
    sheets = [
        (translated("About"), _about(project, title, chosen, result)),
        (translated("Assets"), assets_for_sheet(project, chosen)),
    ]
    for name in area_sets:
        sheets.append((name, pd.DataFrame(area_table(project, name).drop(columns="geometry"))))
    if result is not None:
        sheets.append((translated("Gap analysis"), results_csv.display_frame(result, need_label)))
    names = _sheet_names([name for name, _ in sheets])
    with (
        output.replacing(path) as tmp,
        output.letting_go_quietly(),
        pd.ExcelWriter(tmp, engine="openpyxl") as book,
    ):
        for name, (_, frame) in zip(names, sheets, strict=True):
            _safe(frame, characters.for_xlsx).to_excel(book, sheet_name=name, index=False)
    return path


def _about(project: Project, title: str, chosen: ChosenAssets,
           result: AnalysisResult | None) -> pd.DataFrame:  # fmt: skip
    rows = [
        (translated("Title"), title),
        (translated("Project"), project.name),
        (translated("Exported"), gpkg.utc_now()),
        (translated("Assets"), f"{len(chosen.frame):,}"),
    ]
    if chosen.notice():
        rows.append((translated("Left out"), chosen.notice()))
    if result is not None:
        rows.append((translated("Gap analysis method"), result.method))
    rows += [(translated("Data source"), line) for line in attributions(project)]
    return pd.DataFrame(rows, columns=["", translated("Value")])


def _sheet_names(wanted: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\ or control characters,
    not blank, and each different from the others (Excel ignores case)."""
    names: list[str] = []
    for want in wanted:
        base = re.sub(r"[\[\]:*?/\\]", " ", characters.for_xml_name(want)).strip(" '")[:31]
        base = base or "Sheet"
        name, n = base, 2
        while name.lower() in {t.lower() for t in names}:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names
