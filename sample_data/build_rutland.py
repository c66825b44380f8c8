"""Build the Rutland demo project, sample_data/rutland.gpkg, from sample_data/sources/ only.

Run from the repository root:

    python sample_data/build_rutland.py [--out PATH]

A second demo that needs no network at all: Rutland (England's smallest county: Oakham,
Uppingham, 54 villages, Rutland Water) with its 23 LSOAs (2011) and IMD 2019, an offline
basemap and its community assets, both from one OpenStreetMap extract. Everything goes through
assetmap's public core API, in this order: the area set, its indicators, the basemap, then the
assets (so assets outside the areas are flagged). The project is built under a temporary name
and moved into place only when complete. See sample_data/README.md for sources and methods.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from assetmap.core import search, summary
from assetmap.core.basemap import BasemapOptions, import_basemap, osm, store
from assetmap.core.imports import import_areas, import_assets, join_indicators
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions
from assetmap.core.io.osm_assets import KEPT_AS_FIELDS, one_per_site
from assetmap.core.io.report import ImportReport
from assetmap.core.project import Project
from build_common import build_into, output_path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
OSM_FILE = SOURCES / "osm" / "rutland-latest-20220720.osm.pbf"
NATIONAL = SOURCES / "national_rutland"
LSOA_FILE = NATIONAL / "rutland_lsoa2011_bsc.geojson"
IMD_FILE = NATIONAL / "rutland_imd2019_file1_imd.csv"
POPULATION_FILE = NATIONAL / "rutland_imd2019_file6_population.csv"
DEFAULT_OUT = HERE / "rutland.gpkg"

PROJECT_NAME = "Rutland community assets (demo, offline)"
CRS = "EPSG:27700"
LSOA_SET = "Neighbourhoods (LSOA 2011)"
EXPECTED_LSOAS = 23
ENGLAND_LSOAS = 32_844  # IMD 2019 ranks run from 1 (most deprived) to 32,844
IMD_KEY = "LSOA code (2011)"
IMD_RANK = "Index of Multiple Deprivation (IMD) Rank"
IMD_DECILE = "Index of Multiple Deprivation (IMD) Decile"
POPULATION = "Total population: mid 2015 (excluding prisoners)"

OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right. "
    "Source: Office for National Statistics."
)
IMD_2019 = (
    "Source: Ministry of Housing, Communities and Local Government, "
    "English Indices of Deprivation 2019"
)
OSM_LINE = store.SOURCE_ATTRIBUTION  # "... © OpenStreetMap contributors, ODbL 1.0"


# ---- assets from OpenStreetMap: tag -> taxonomy category -------------------------------------
@dataclass(frozen=True)
class Rule:
    key: str  # OSM key
    values: tuple[str, ...]
    category: str  # taxonomy key
    label: str  # what an unnamed one is called ("Playground, Ketton")


# First match wins, so the more specific rules come first.
RULES: tuple[Rule, ...] = (
    Rule("social_facility", ("food_bank",), "food_banks", "Food bank"),
    Rule("amenity", ("hospital",), "nhs_hospitals", "Hospital"),
    Rule("amenity", ("doctors", "clinic"), "gp_primary_care", "GP surgery"),
    Rule("healthcare", ("doctor", "clinic", "centre"), "gp_primary_care", "GP surgery"),
    Rule("amenity", ("dentist",), "gp_primary_care", "Dentist"),
    Rule("amenity", ("pharmacy",), "gp_primary_care", "Pharmacy"),
    Rule("amenity", ("college", "university"), "universities_colleges", "College"),
    Rule("amenity", ("townhall",), "council", "Council offices"),
    Rule("amenity", ("police",), "police", "Police station"),
    Rule("amenity", ("social_facility", "nursing_home"), "social_care", "Care home"),
    Rule("amenity", ("library",), "libraries", "Library"),
    Rule("amenity", ("kindergarten", "childcare"), "childrens_centres", "Pre-school"),
    Rule("amenity", ("school",), "schools", "School"),
    Rule("amenity", ("place_of_worship",), "faith_groups", "Place of worship"),
    Rule(
        "amenity",
        ("community_centre", "community_hall", "village_hall", "social_centre"),
        "community_centres",
        "Community centre",
    ),
    Rule("amenity", ("arts_centre", "theatre"), "arts", "Arts centre"),
    Rule("tourism", ("museum",), "heritage", "Museum"),
    Rule("amenity", ("marketplace",), "markets", "Market place"),
    Rule("amenity", ("pub",), "local_businesses", "Pub"),
    Rule("amenity", ("cafe",), "local_businesses", "Café"),
    Rule("amenity", ("post_office",), "local_businesses", "Post office"),
    Rule(
        "leisure",
        ("sports_centre", "fitness_centre", "golf_course", "stadium", "ice_rink"),
        "sport_leisure",
        "Sports centre",
    ),
    Rule("leisure", ("park", "common"), "parks_green_spaces", "Park"),
    Rule(
        "leisure",
        ("recreation_ground",),
        "parks_green_spaces",
        "Recreation ground",
    ),
    Rule("landuse", ("village_green", "recreation_ground"), "parks_green_spaces", "Village green"),
    Rule("leisure", ("playground",), "parks_green_spaces", "Playground"),
)
ASSET_WHERE = (
    "amenity IS NOT NULL OR leisure IS NOT NULL OR tourism = 'museum' OR healthcare IS NOT NULL "
    "OR social_facility IS NOT NULL"
)
PRIVATE = {"private", "no", "customers"}
# Tags that become the asset's own fields; every other tag is kept as a custom field.
STANDARD_TAGS = {"name", "phone", "contact:phone", "website", "contact:website", "opening_hours"}
DROPPED_TAGS = {"source", "source:name", "source:addr", "source:geometry", "fixme", "FIXME", "note"}


def osm_assets(lsoas: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, dict]:
    """Rutland's community assets from the extract, one row per asset, in lon/lat."""
    extract = osm.inspect_extract(OSM_FILE)
    with osm.osm_config() as base:
        options = osm.open_options(extract, base)
        points = osm.read_layer(OSM_FILE, "points", options, where=ASSET_WHERE)
        areas = osm.read_layer(
            OSM_FILE, "multipolygons", options, where=ASSET_WHERE + " OR landuse = 'village_green'"
        )
    rows = []
    for kind, frame in (("node", points), ("area", areas)):
        for record in frame.to_dict("records"):
            tags = {k: v for k, v in osm.tags(record.pop("other_tags", None)).items()}
            geometry = record.pop("geometry")
            for key, value in record.items():
                if key not in ("osm_id", "osm_way_id") and isinstance(value, str) and value:
                    tags.setdefault(key, value)
            rule = _rule(tags)
            if rule is None or tags.get("access") in PRIVATE:
                continue
            rows.append(_asset(kind, record, tags, rule, geometry))
    frame = gpd.GeoDataFrame(pd.DataFrame(rows, dtype=object), geometry="geometry", crs=4326)
    frame["name"] = pd.Series(
        [n if isinstance(n, str) else None for n in frame["name"]], index=frame.index, dtype=object
    )
    stats = {"matched": len(frame)}
    frame = one_per_site(frame, CRS)
    stats["after_merging_points_into_outlines"] = len(frame)
    county = shapely.union_all(lsoas.to_crs(4326).geometry.to_numpy())
    inside = frame.geometry.representative_point().within(county).to_numpy()
    stats["outside_rutland_dropped"] = int((~inside).sum())
    frame = frame[inside].reset_index(drop=True)
    _name_unnamed(frame, places)
    frame = frame.sort_values(["category", "name", "osm_id"], kind="stable").reset_index(drop=True)
    return frame, stats


def _rule(tags: dict[str, str]) -> Rule | None:
    for rule in RULES:
        if tags.get(rule.key) in rule.values:
            return rule
    return None


def _asset(kind: str, record: dict, tags: dict[str, str], rule: Rule, geometry: object) -> dict:
    if kind == "node":
        osm_id = f"node/{record['osm_id']}"
    elif record.get("osm_id"):
        osm_id = f"relation/{record['osm_id']}"
    else:
        osm_id = f"way/{record['osm_way_id']}"
    address = ", ".join(
        part
        for part in (
            " ".join(p for p in (tags.get("addr:housenumber"), tags.get("addr:street")) if p),
            tags.get("addr:village") or tags.get("addr:place"),
            tags.get("addr:town") or tags.get("addr:city"),
        )
        if part
    )
    custom = {
        k: v
        for k, v in sorted(tags.items())
        if k not in STANDARD_TAGS and k not in DROPPED_TAGS and not k.startswith("addr:")
    }
    return {
        "name": (tags.get("name") or "").strip() or None,
        "category": rule.category,
        "kind_label": rule.label,
        "address": address or None,
        "postcode": tags.get("addr:postcode"),
        "phone": tags.get("phone") or tags.get("contact:phone"),
        "website": tags.get("website") or tags.get("contact:website"),
        "opening_hours": tags.get("opening_hours"),
        "osm_id": osm_id,
        "osm_tags": json.dumps(custom, ensure_ascii=False, sort_keys=True),
        **{f"osm_{k}": v for k, v in custom.items() if k in KEPT_AS_FIELDS},
        "geometry": geometry,
    }


def _name_unnamed(frame: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> None:
    """'Playground, Ketton': an unnamed asset gets its kind and the nearest village's name."""
    missing = np.array([not isinstance(n, str) for n in frame["name"]], dtype=bool).nonzero()[0]
    if not len(missing):
        return
    settlements = places[places["class"].isin(["town", "village", "hamlet", "suburb"])]
    points = frame.geometry.iloc[missing].to_crs(CRS).representative_point().to_numpy()
    tree = shapely.STRtree(settlements.geometry.to_numpy())
    idx = tree.query_nearest(points, all_matches=False)[1]
    names = settlements["name"].to_numpy(dtype=object)[idx]
    for row, place in zip(missing, names, strict=True):
        frame.loc[row, "name"] = f"{frame.loc[row, 'kind_label']}, {place}"


# ---- IMD 2019: a need score from the rank ------------------------------------------------------
def write_need_csv(path: Path) -> None:
    """IMD 2019 publishes ranks (1 = most deprived of 32,844) and deciles in File 1; the score
    is in File 5, which is not among the sources. ``imd_need`` is the rank turned round into a
    0-100 percentile: the share of England's LSOAs that are less deprived (higher = more need).
    """
    frame = pd.read_csv(IMD_FILE, encoding="utf-8-sig", thousands=",", dtype={IMD_KEY: str})
    need = (ENGLAND_LSOAS - frame[IMD_RANK]) / ENGLAND_LSOAS * 100
    out = pd.DataFrame({"lsoa11cd": frame[IMD_KEY], "imd_need": need.round(2)})
    out.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


# ---- the build ----------------------------------------------------------------------------------
@dataclass
class Outcome:
    label: str
    report: ImportReport


def show(report: ImportReport) -> None:
    for line in report.lines(limit=10):
        print(line)
    print()


def build(path: Path) -> tuple[list[Outcome], dict]:
    outcomes: list[Outcome] = []
    with Project.create(path, name=PROJECT_NAME, crs=CRS, overwrite=True) as project:
        report = import_areas(
            project,
            LSOA_FILE,
            AreaImportOptions(LSOA_SET, code_field="LSOA11CD", name_field="LSOA11NM"),
            attribution=OGL,
        )
        show(report)
        outcomes.append(Outcome("LSOAs", report))
        with tempfile.TemporaryDirectory(prefix="assetmap-rutland-") as tmp:
            joins = [
                (POPULATION_FILE, IMD_KEY, [f"{POPULATION}:population"], OGL),
                (
                    IMD_FILE,
                    IMD_KEY,
                    [f"{IMD_RANK}:imd_rank", f"{IMD_DECILE}:imd_decile"],
                    IMD_2019,
                ),
            ]
            need_csv = Path(tmp) / "rutland_imd2019_need.csv"
            write_need_csv(need_csv)
            joins.append((need_csv, "lsoa11cd", ["imd_need"], IMD_2019))
            for file, key, fields, credit in joins:
                report = join_indicators(
                    project, file, IndicatorOptions(LSOA_SET, key, fields), attribution=credit
                )
                show(report)
                outcomes.append(Outcome(f"indicators <- {file.name}", report))

            report = import_basemap(project, OSM_FILE, BasemapOptions(buildings=True))
            show(report)
            outcomes.append(Outcome("basemap", report))

            lsoas = gpd.read_file(LSOA_FILE)
            places = store.layer(project, "basemap_places")
            assets, stats = osm_assets(lsoas, places)
            print(
                f"OSM assets: {stats['matched']} features matched the rules, "
                f"{stats['after_merging_points_into_outlines']} after merging points into their "
                f"outlines, {stats['outside_rutland_dropped']} outside Rutland left out"
            )
            asset_file = Path(tmp) / "rutland_osm_assets.geojson"
            assets.drop(columns="kind_label").to_file(asset_file, driver="GeoJSON")
            report = import_assets(
                project,
                asset_file,
                AssetImportOptions(
                    category_field="category",
                    unknown_categories="uncategorised",
                    name_field="name",
                    source=f"{OSM_FILE.name} (OpenStreetMap)",
                ),
                attribution=OSM_LINE,
            )
            show(report)
            outcomes.append(Outcome("assets", report))
        _check(project, outcomes)
        by_category = {c["label"]: c["assets"] for c in summary.by_category(project) if c["assets"]}
    return outcomes, by_category


def _check(project: Project, outcomes: list[Outcome]) -> None:
    info = summary.summary(project)
    problems = []
    sets = {s["name"]: s for s in info["area_sets"]}
    if sets[LSOA_SET]["areas"] != EXPECTED_LSOAS:
        problems.append(f"{sets[LSOA_SET]['areas']} LSOAs, not {EXPECTED_LSOAS}")
    for outcome in outcomes:
        if outcome.report.rejected:
            problems.append(f"{outcome.label}: {len(outcome.report.rejected)} rows rejected")
    uncategorised = next(c for c in info["categories"] if c["key"] == "uncategorised")
    if uncategorised["assets"]:
        problems.append(f"{uncategorised['assets']} assets ended up uncategorised")
    places = store.layer(project, "basemap_places")
    towns = set(places.loc[places["class"] == "town", "name"])
    if not {"Oakham", "Uppingham"} <= towns:
        problems.append(f"the basemap's towns are {sorted(towns)}, not Oakham and Uppingham")
    water = store.layer(project, "basemap_water")
    rutland_water = water[water["name"] == "Rutland Water"]
    if rutland_water.empty or rutland_water.area.sum() < 10e6:
        problems.append("Rutland Water is missing from the basemap or too small")
    if not any(h.kind == "place" for h in search.find(project, "Oakham")):
        problems.append("the Find box does not find Oakham")
    if problems:
        raise RuntimeError("the Rutland demo is not as intended: " + "; ".join(problems))


def main(argv: list[str] | None = None) -> int:
    out = output_path(__doc__.split("\n\n")[0], DEFAULT_OUT, argv)
    started = time.perf_counter()
    outcomes, by_category = build_into(out, build)
    print(f"{'category':45} {'assets':>6}")
    for label, count in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"{label:45} {count:>6}")
    size = out.stat().st_size
    print(f"\nWrote {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
