"""Community assets from an OpenStreetMap extract: amenities and similar features as assets.

The features are read with GDAL's OSM driver (core.basemap.osm), only around the project's
areas, and only those a tag rule (core.io.osm_tag_rules) names; an outline (a way or a
multipolygon) becomes a site, its point inside it and its outline kept as the footprint. The
rows then go through the ordinary asset import (``prepare_table``), so categories, the import
report, undo and importing again are the spreadsheet import's. The import key is the OSM id
(node/123, way/456): it names the same feature in every extract, so a later extract (or the
Rutland demo's assets, built from OSM) is matched, not duplicated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from assetmap.core import areas
from assetmap.core.basemap import osm, store
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.io import crs_check
from assetmap.core.io.asset_categories import UNKNOWN_NEW
from assetmap.core.io.asset_import import AssetImportOptions, PreparedAssets, prepare_table
from assetmap.core.io.crs_guess import WGS84
from assetmap.core.io.osm_tag_rules import TagRule, default_rules, first_match, tag_keys
from assetmap.core.io.table import Table
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE

ID_FIELD = "osm_id"
ATTRIBUTION = f"OpenStreetMap data {store.ATTRIBUTION}, {store.LICENCE}"
PRIVATE = {"private", "no", "customers"}
# Tags that become the asset's own fields; the others are kept in osm_tags.
STANDARD_TAGS = {"name", "phone", "contact:phone", "website", "contact:website", "opening_hours"}
DROPPED_TAGS = {"source", "source:name", "source:addr", "source:geometry", "fixme", "FIXME", "note"}
# Tags worth an extra field of their own (as the Rutland demo keeps them); the rest stay in
# osm_tags.
KEPT_AS_FIELDS = (
    "amenity",
    "leisure",
    "landuse",
    "tourism",
    "healthcare",
    "social_facility",
    "religion",
    "denomination",
    "operator",
    "ref:edubase",
    "isced:level",
    "wheelchair",
    "wikidata",
)
SAME_SITE_M = 30.0  # a feature's point inside or this close to its outline is the same asset
LAYERS = ("points", "multipolygons")


@dataclass
class OsmAssetOptions:
    rules: list[TagRule] | None = None  # None: the shipped mapping
    # category value -> category key (or NEW_CATEGORY): the dialog's choices
    category_map: dict[str, str] = field(default_factory=dict)
    unknown_categories: str = UNKNOWN_NEW


def prepare_osm_assets(
    project: Project,
    path: str | Path,
    options: OsmAssetOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedAssets:
    steps = Steps(progress)
    rules = options.rules if options.rules is not None else default_rules()
    if not rules:
        raise BadInputError(translated("the tag mapping is empty: no feature would be imported"))
    table = read_osm_table(project, path, rules, progress=steps.sub(0, 0.6), cancelled=cancelled)
    asset_options = AssetImportOptions(
        category_field="category",
        category_map=dict(options.category_map),
        unknown_categories=options.unknown_categories,
        name_field="name",
        field_map={c: c for c in ("address", "postcode", "phone", "website", "opening_hours")},
        source=f"{table.path.name} (OpenStreetMap)",
        id_field=ID_FIELD,
        also_match_files=tuple(f for f in osm_files(project) if f != table.path.name),
    )
    return prepare_table(
        project, table, asset_options, progress=steps.sub(0.6, 1.0), cancelled=cancelled
    )


def osm_files(project: Project) -> list[str]:
    """The files whose imported assets carry an OSM id: a feature imported from any of them
    (another extract, the demo's converted file) is the same asset."""
    rows = project.conn.execute(
        f"SELECT DISTINCT origin_ref FROM {ASSETS_TABLE} WHERE origin_kind = 'import' "
        "AND origin_ref IS NOT NULL AND json_valid(custom) "
        f"AND json_extract(custom, '$.{ID_FIELD}') IS NOT NULL"
    ).fetchall()
    return [str(r[0]) for r in rows]


# ---- reading the extract ---------------------------------------------------------------------
def read_osm_table(
    project: Project,
    path: str | Path,
    rules: list[TagRule],
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Table:
    """The mapped features within the project's areas, one row per asset, in lon/lat."""
    steps = Steps(progress)
    extract = osm.inspect_extract(path)
    polygons = areas.all_polygons(project)
    if not len(polygons):
        raise BadInputError(
            translated("the project has no areas, so there is nowhere to take assets from"),
            file=extract.path,
            hint=translated("import the neighbourhoods' boundaries first (File ▸ Import ▸ Areas)"),
        )
    bbox = _lonlat_bounds(project, polygons)
    records: list[dict[str, Any]] = []
    broken = 0
    with osm.osm_config() as base:
        open_options = osm.open_options(extract, base)
        for k, layer in enumerate(LAYERS):
            frame = osm.read_layer(
                extract.path,
                layer,
                open_options,
                where=_where(layer, rules),
                bbox=bbox,
                progress=steps.sub(k / len(LAYERS) * 0.8, (k + 1) / len(LAYERS) * 0.8),
                cancelled=cancelled,
            )
            broken += int(frame.attrs.get("broken", 0))
            records += _features(layer, frame, rules)
    check_cancelled(cancelled)
    steps(0.85, translated("Keeping the features within the project's areas"))
    frame = _frame(records)
    frame = one_per_site(frame, project.crs)
    frame = _within_areas(project, frame)
    if not len(frame):
        raise BadInputError(
            translated("has no feature the tag mapping names within the project's areas"),
            file=extract.path,
            hint=translated("check that the extract covers the project's areas"),
        )
    _name_unnamed(project, frame)
    frame = frame.sort_values(["category", "name", ID_FIELD], kind="stable")
    frame = frame.reset_index(drop=True)
    geometry = frame.pop("geometry").to_numpy(dtype=object)
    notes = [
        translated("{n} OpenStreetMap features within the project's areas").format(n=len(frame))
    ]
    if broken:
        notes.append(
            translated("{n} features the extract holds only in part were left out").format(n=broken)
        )
    steps(1.0, translated("Features read"))
    return Table(
        frame=frame.drop(columns=["kind_label"]),
        geometry=geometry,
        crs=CRS.from_epsg(4326),
        path=extract.path,
        layer=None,
        row_numbers=np.arange(1, len(frame) + 1),
        row_noun="feature",
        encoding=None,
        notes=notes,
    )


def _lonlat_bounds(project: Project, polygons: np.ndarray) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = shapely.total_bounds(polygons)
    to_lonlat = crs_check.transformer(project.crs, WGS84)
    west, south, east, north = to_lonlat.transform_bounds(minx, miny, maxx, maxy)
    return float(west), float(south), float(east), float(north)


def _layer_columns(layer: str) -> set[str]:
    """The tags GDAL gives the layer as columns (osm.OSMCONF); others are in other_tags."""
    section = osm.OSMCONF.split(f"[{layer}]", 1)[1].split("\n[", 1)[0]
    for line in section.replace("\\\n", "").splitlines():
        if line.startswith("attributes="):
            return set(line.removeprefix("attributes=").split(","))
    return set()


def _where(layer: str, rules: list[TagRule]) -> str:
    """Only features carrying a mapped tag: the driver skips the rest before building them."""
    columns = _layer_columns(layer)
    clauses = []
    for tag in tag_keys(rules):
        if tag in columns:
            clauses.append(f'"{tag}" IS NOT NULL')
        else:
            quoted = json.dumps(tag).replace("'", "''")
            clauses.append(f"other_tags LIKE '%{quoted}%'")
    return " OR ".join(clauses)


def _features(layer: str, frame: pd.DataFrame, rules: list[TagRule]) -> list[dict[str, Any]]:
    out = []
    for record in frame.to_dict("records"):
        tags = dict(osm.tags(record.pop("other_tags", None)))
        geometry = record.pop("geometry")
        for key, value in record.items():
            if key not in ("osm_id", "osm_way_id") and isinstance(value, str) and value:
                tags.setdefault(str(key), value)
        rule = first_match(rules, tags)
        if rule is None or tags.get("access") in PRIVATE:
            continue
        out.append(_asset(_osm_id(layer, record), tags, rule, geometry))
    return out


def _osm_id(layer: str, record: dict[Any, Any]) -> str:
    if layer == "points":
        return f"node/{record['osm_id']}"
    if record.get("osm_id"):
        return f"relation/{record['osm_id']}"
    return f"way/{record['osm_way_id']}"


def _asset(osm_id: str, tags: dict[str, str], rule: TagRule, geometry: object) -> dict[str, Any]:
    extra = {
        k: v
        for k, v in sorted(tags.items())
        if k not in STANDARD_TAGS and k not in DROPPED_TAGS and not k.startswith("addr:")
    }
    return {
        "name": (tags.get("name") or "").strip() or None,
        "category": rule.category,
        "kind_label": rule.shown_label,
        "address": _address(tags),
        "postcode": tags.get("addr:postcode"),
        "phone": tags.get("phone") or tags.get("contact:phone"),
        "website": tags.get("website") or tags.get("contact:website"),
        "opening_hours": tags.get("opening_hours"),
        ID_FIELD: osm_id,
        "osm_tags": _tags_text(extra),
        **{f"osm_{k}": v for k, v in extra.items() if k in KEPT_AS_FIELDS},
        "geometry": geometry,
    }


def _address(tags: dict[str, str]) -> str | None:
    street = " ".join(p for p in (tags.get("addr:housenumber"), tags.get("addr:street")) if p)
    parts = (
        street,
        tags.get("addr:village") or tags.get("addr:place"),
        tags.get("addr:town") or tags.get("addr:city"),
    )
    return ", ".join(p for p in parts if p) or None


def _tags_text(tags: dict[str, str]) -> str:
    """The other tags as JSON, written as GDAL writes its JSON fields (the Rutland demo's
    assets went through a GeoJSON file), so importing the demo's extract again changes
    nothing."""
    if not tags:
        return "{ }"
    inner = ", ".join(f"{_json_text(k)}: {_json_text(v)}" for k, v in tags.items())
    return "{ " + inner + " }"


def _json_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("/", "\\/")


def _frame(records: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    if not records:
        return gpd.GeoDataFrame({"name": [], "category": [], ID_FIELD: [], "kind_label": []},
                                geometry=[], crs=4326)  # fmt: skip
    frame = pd.DataFrame(records, dtype=object)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)


def one_per_site(frame: gpd.GeoDataFrame, crs: CRS | str) -> gpd.GeoDataFrame:
    """An amenity mapped both as a point and an outline is one asset: keep the outline, with
    the point's name when the outline has none."""
    if not len(frame):
        return frame
    metric = frame.to_crs(crs)
    is_area = metric.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    drop = np.zeros(len(frame), dtype=bool)
    if is_area.any() and (~is_area).any():
        area_idx = np.flatnonzero(is_area)
        tree = shapely.STRtree(metric.geometry.to_numpy()[area_idx])
        pts = np.flatnonzero(~is_area)
        p, a = tree.query(
            metric.geometry.to_numpy()[pts], predicate="dwithin", distance=SAME_SITE_M
        )
        names = np.array([n if isinstance(n, str) else None for n in frame["name"]], dtype=object)
        categories = frame["category"].to_numpy(dtype=object)
        for i, j in zip(pts[p], area_idx[a], strict=True):
            if drop[i] or categories[i] != categories[j]:
                continue
            if names[i] and names[j] and names[i].casefold() != names[j].casefold():
                continue  # two named places side by side (a pub beside a church)
            if not names[j] and names[i]:
                frame.loc[frame.index[j], "name"] = names[i]
                names[j] = names[i]
            drop[i] = True
    return frame[~drop].reset_index(drop=True)


def _within_areas(project: Project, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if not len(frame):
        return frame
    points = frame.to_crs(project.crs).geometry.representative_point().to_numpy()
    outside = areas.points_outside(areas.area_tree(project), points)
    return frame[~outside].reset_index(drop=True)


def _name_unnamed(project: Project, frame: gpd.GeoDataFrame) -> None:
    """'Playground, Ketton': an unnamed feature gets its kind and, when the project has a
    basemap, the nearest town or village's name (as the Rutland demo names them)."""
    missing = np.flatnonzero([not isinstance(n, str) for n in frame["name"]])
    if not len(missing):
        return
    labels = frame["kind_label"].to_numpy(dtype=object)[missing]
    places = _settlements(project)
    if places is None:
        for row, label in zip(missing, labels, strict=True):
            frame.loc[row, "name"] = str(label)
        return
    outlines = gpd.GeoSeries(frame.geometry.to_numpy()[missing], crs=4326).to_crs(project.crs)
    points = outlines.representative_point().to_numpy()
    tree = shapely.STRtree(places.geometry.to_numpy())
    nearest = tree.query_nearest(points, all_matches=False)[1]
    names = places["name"].to_numpy(dtype=object)[nearest]
    for row, label, place in zip(missing, labels, names, strict=True):
        frame.loc[row, "name"] = f"{label}, {place}"


def _settlements(project: Project) -> gpd.GeoDataFrame | None:
    if not store.has_basemap(project):
        return None
    places = store.layer(project, "basemap_places")
    places = places[places["class"].isin(["town", "village", "hamlet", "suburb"])]
    places = places[places["name"].notna()]
    return places if len(places) else None


__all__ = [
    "ATTRIBUTION",
    "ID_FIELD",
    "OsmAssetOptions",
    "osm_files",
    "prepare_osm_assets",
    "read_osm_table",
]
