"""Data exports: GeoPackage, GeoJSON, CSV and XLSX.

GeoPackages are written as version 1.2 (QGIS 3.22 flags GDAL's default 1.4 as
"partially supported"); GeoJSON follows RFC 7946 (longitude/latitude); CSV and
XLSX cells that start with = + - @ are neutralised so they cannot run as formulas.
Every file is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from assetmap.core import areas, assets, categories, gpkg
from assetmap.core.analysis import results_csv
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.export.selection import ChosenAssets
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.model import custom_from_text
from assetmap.core.project import Project
from assetmap.core.summary import attributions

ASSET_COLUMNS = (
    "uuid", "name", "category", "category_label", "group", "description", "address", "postcode",
    "contact", "phone", "website", "opening_hours", "audience", "status", "verified_date",
    "source", "personal_data", "out_of_area", "review", "custom", "created_at", "updated_at",
)  # fmt: skip


def asset_table(project: Project, chosen: ChosenAssets) -> gpd.GeoDataFrame:
    """Assets with their category's label and group, in the order of ASSET_COLUMNS."""
    cats = categories.by_key(project)
    frame = chosen.frame.copy()
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
) -> Path:
    tmp = _tmp(path)
    layers: list[tuple[str, gpd.GeoDataFrame, str]] = [
        ("assets", asset_table(project, chosen), chosen.notice() or "Community assets")
    ]
    sites = _sites(project, chosen)
    if len(sites):
        layers.append(("asset_sites", sites, "Outlines of assets that are sites"))
    for name in area_sets:
        layers.append((_layer_name("areas", name), area_table(project, name), f"Area set {name}"))
    if result is not None:
        for key in dict.fromkeys(result.table["category"]):
            layers.append(
                (_layer_name("gaps", key), gap_table(project, result, key), result.method)
            )
    for i, (layer, frame, description) in enumerate(layers):
        pyogrio.write_dataframe(
            frame,
            tmp,
            layer=layer,
            driver="GPKG",
            append=i > 0,
            dataset_options={"VERSION": "1.2"} if i == 0 else None,
            layer_options={"DESCRIPTION": description[:4000]},
        )
    tmp.replace(path)
    return path


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
def write_geojson(project: Project, path: Path, frame: gpd.GeoDataFrame) -> Path:
    tmp = _tmp(path)
    out = frame.to_crs(4326)
    pyogrio.write_dataframe(out, tmp, driver="GeoJSON", layer_options={"RFC7946": "YES"})
    tmp.replace(path)
    return path


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


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(neutralise)).rename(columns=neutralise)


def write_csv(project: Project, path: Path, chosen: ChosenAssets,
              result: AnalysisResult | None) -> Path:  # fmt: skip
    if result is not None:
        return results_csv.write(result, path)
    tmp = _tmp(path)
    _safe(assets_for_sheet(project, chosen)).to_csv(tmp, index=False, encoding="utf-8-sig")
    tmp.replace(path)
    return path


def write_xlsx(
    project: Project,
    path: Path,
    chosen: ChosenAssets,
    area_sets: list[str],
    result: AnalysisResult | None,
    title: str,
) -> Path:
    tmp = _tmp(path)
    with pd.ExcelWriter(tmp, engine="openpyxl") as book:
        _safe(_about(project, title, chosen, result)).to_excel(
            book, sheet_name="About", index=False
        )
        _safe(assets_for_sheet(project, chosen)).to_excel(book, sheet_name="Assets", index=False)
        for name in area_sets:
            sheet = pd.DataFrame(area_table(project, name).drop(columns="geometry"))
            _safe(sheet).to_excel(book, sheet_name=_sheet_name(name), index=False)
        if result is not None:
            frame = results_csv.display_frame(result)
            _safe(frame).to_excel(book, sheet_name="Gap analysis", index=False)
    tmp.replace(path)
    return path


def _about(project: Project, title: str, chosen: ChosenAssets,
           result: AnalysisResult | None) -> pd.DataFrame:  # fmt: skip
    rows = [
        ("Title", title),
        ("Project", project.name),
        ("Exported", gpkg.utc_now()),
        ("Assets", f"{len(chosen.frame):,}"),
    ]
    if chosen.notice():
        rows.append(("Left out", chosen.notice()))
    if result is not None:
        rows.append(("Gap analysis method", result.method))
    rows += [("Data source", line) for line in attributions(project)]
    return pd.DataFrame(rows, columns=["", "Value"])


def _sheet_name(name: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]


def _tmp(path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.partial{path.suffix}")
    tmp.unlink(missing_ok=True)
    return tmp
