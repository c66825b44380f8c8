"""Build the Trafford demo project, sample_data/trafford.gpkg, from sample_data/sources/ only.

Run from the repository root:

    python sample_data/build_demo.py [--out PATH]

Everything goes through assetmap's public core API (the same calls the CLI and the app use),
in this order: area sets first (so assets outside them are flagged "out of area"), then the
indicators joined to them, then the assets. The project is built under a temporary name beside
the output and moved into place only when complete, so a failed build never leaves a half-made
demo. Each import's report is printed. See sample_data/README.md for sources and methods.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from assetmap.core import summary
from assetmap.core.imports import import_areas, import_assets, join_indicators
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions
from assetmap.core.io.report import ImportReport
from assetmap.core.project import Project
from build_common import build_into, output_path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
TRAFFORD = SOURCES / "trafford"
ASSETS = TRAFFORD / "assets"
CODEPOINT = SOURCES / "codepoint" / "codepo_gb_m_sk_wa.zip"
DERIVED = HERE / "derived"
WARD_POPULATION_CSV = DERIVED / "ward2023_population_mid2024.csv"
DEFAULT_OUT = HERE / "trafford.gpkg"

PROJECT_NAME = "Trafford community assets (demo)"
CRS = "EPSG:27700"
LSOA_SET = "Neighbourhoods (LSOA 2021)"
WARD_SET = "Wards (2023)"
LSOA_FILE = TRAFFORD / "boundaries" / "trafford_lsoa2021_generalised.geojson"
WARD_FILE = TRAFFORD / "boundaries" / "trafford_ward2023_generalised.geojson"
POPULATION_FILE = TRAFFORD / "population" / "trafford_pop_mid2024_lsoa21.csv"
IMD_LSOA_FILE = TRAFFORD / "deprivation" / "trafford_imd2025_lsoa21.csv"
IMD_WARD_FILE = TRAFFORD / "deprivation" / "trafford_ward2023_imd2025_score.csv"
EXPECTED_LSOAS, EXPECTED_WARDS = 139, 21

# ---- attribution lines (see sample_data/README.md) ------------------------------------------
OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right. "
    "Source: Office for National Statistics."
)
IMD_2025 = (
    "Source: Ministry of Housing, Communities and Local Government, "
    "English Indices of Deprivation 2025"
)
# The same line the core derives from the Code-Point Open zip (Doc/licence.txt: 2025 release).
CODEPOINT_LINE = (
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Contains National Statistics data © Crown copyright and database right 2025."
)
VIA = ", via Trafford Data Lab."


def attribution(*lines: str) -> str:
    return "\n".join((OGL, *lines))


# ---- the asset sources ----------------------------------------------------------------------
@dataclass
class AssetSource:
    label: str
    file: str  # under sources/trafford/assets
    options: AssetImportOptions
    credit: str
    prepare: Callable[[Path, Path], Path] | None = None  # (source, temp dir) -> file to import
    extra_credit: list[str] = field(default_factory=list)


SCHOOL_TYPES = {
    "Local authority maintained schools": "schools",
    "Academies": "schools",
    "Free Schools": "schools",
    "Independent schools": "schools",
    "Special schools": "schools",
    "Colleges": "universities_colleges",  # The Trafford and Stockport College Group (16+)
    "Other types": "universities_colleges",  # only Brentwood Community College (ages 19-23)
}
HOSPITAL_NAMES = {
    "Trafford General Hospital": "nhs_hospitals",
    "Altrincham Hospital": "nhs_hospitals",
    "Priory Hospital Altrincham": "mental_health",  # independent mental-health hospital
}
# OS building outlines of one name closer than this are one site (a hospital's or church's
# several buildings), so a site is counted once.
SITE_GAP_M = 100.0


def _same_site_buildings(source: Path, tmp: Path) -> Path:
    """One asset per site: OS building outlines of the same name within SITE_GAP_M merged."""
    frame = gpd.read_file(source).to_crs(CRS)
    site = pd.Series(-1, index=frame.index)
    next_site = 0
    for _, group in frame.groupby("DISTNAME", sort=True):
        zones = shapely.get_parts(shapely.union_all(group.geometry.buffer(SITE_GAP_M / 2).values))
        for zone in zones:
            members = group.index[group.geometry.intersects(zone)]
            site[members] = next_site
            next_site += 1
    if (site < 0).any():
        raise RuntimeError(f"{source.name}: some buildings were not assigned to a site")
    frame["site"] = site
    merged = frame.dissolve(
        by="site",
        aggfunc={
            "DISTNAME": "first",
            "ID": lambda ids: ";".join(sorted(ids)),
            "BUILDGTHEM": "first",
            "CLASSIFICA": "first",
            "FEATCODE": "first",
        },
    )
    merged["buildings"] = frame.groupby("site").size()
    merged = merged.rename(columns={"ID": "os_ids"}).reset_index(drop=True)
    merged = merged.sort_values("DISTNAME", kind="stable").reset_index(drop=True)
    out = tmp / source.name
    merged.to_crs(4326).to_file(out, driver="GeoJSON")
    print(f"{source.name}: {len(frame)} OS building outlines merged into {len(merged)} sites")
    return out


def _uk_phone(value: object) -> object:
    """Source quirk: telephone numbers were stored as numbers (1617486414.0, leading 0 lost)."""
    if isinstance(value, float) and value == value and value.is_integer():
        digits = f"0{int(value)}"
        if len(digits) == 11 and digits[:2] == "01" and digits[3] == "1":
            return f"{digits[:4]} {digits[4:7]} {digits[7:]}"  # 0161 xxx xxxx
        if len(digits) == 11:
            return f"{digits[:5]} {digits[5:]}"
        return digits
    return value


def _fix_phones(source: Path, tmp: Path) -> Path:
    frame = gpd.read_file(source)
    frame["telephone"] = pd.Series([_uk_phone(v) for v in frame["telephone"]], dtype=object)
    out = tmp / source.name
    frame.to_file(out, driver="GeoJSON")
    return out


def _name_hubs(source: Path, tmp: Path) -> Path:
    """The file names each hub by its town only ("Sale"); give it its full name."""
    frame = gpd.read_file(source)
    frame.insert(0, "name", frame["community_hub"] + " Community Response Hub")
    out = tmp / source.name
    frame.to_file(out, driver="GeoJSON")
    return out


def _directory_without_coordinates(source: Path, tmp: Path) -> Path:
    """The directory as a council spreadsheet would be: postcodes, no coordinates."""
    frame = gpd.read_file(source).drop(columns="geometry")
    out = tmp / (source.stem + ".csv")
    frame.to_csv(out, index=False, encoding="utf-8", lineterminator="\n")
    return out


ASSET_SOURCES = [
    AssetSource(
        "Libraries",
        "trafford_libraries.geojson",
        AssetImportOptions(category="libraries", name_field="Name"),
        "Libraries: DCMS libraries list as amended by Trafford Council (2023)" + VIA,
    ),
    AssetSource(
        "Pharmacies",
        "trafford_pharmacies.geojson",
        AssetImportOptions(category="gp_primary_care", name_field="pharmacy_name"),
        "Pharmacies: NHS Business Services Authority (2024-25 Q4)" + VIA,
    ),
    AssetSource(
        "GP practices",
        "trafford_general_practices.geojson",
        AssetImportOptions(category="gp_primary_care", name_field="name"),
        "GP practices: NHS Digital" + VIA,
    ),
    AssetSource(
        "Dentists",
        "trafford_dentists.geojson",
        AssetImportOptions(category="gp_primary_care", name_field="name"),
        "Dentists: NHS" + VIA,
        prepare=_fix_phones,
    ),
    AssetSource(
        "Schools and colleges",
        "trafford_schools_and_colleges.geojson",
        AssetImportOptions(
            category_field="type",
            category_map=SCHOOL_TYPES,
            unknown_categories="uncategorised",
            name_field="name",
        ),
        "Schools and colleges: Department for Education, Get Information about Schools" + VIA,
    ),
    AssetSource(
        "Children's centres",
        "trafford_childrens_centres.geojson",
        AssetImportOptions(category="childrens_centres", name_field="name"),
        "Children's centres: Department for Education" + VIA,
    ),
    AssetSource(
        "Food banks",
        "trafford_food_banks.geojson",
        AssetImportOptions(category="food_banks", name_field="Name"),
        "Food banks: Greater Manchester Poverty Action (2018)" + VIA,
    ),
    AssetSource(
        "Community response hubs",
        "trafford_community_hubs.geojson",
        AssetImportOptions(category="mutual_aid", name_field="name"),
        "Community response hubs: Trafford Council" + VIA,
        prepare=_name_hubs,
    ),
    AssetSource(
        "Leisure centres",
        "trafford_leisure_centres.geojson",
        AssetImportOptions(category="sport_leisure", name_field="name"),
        "Leisure centres: Trafford Council" + VIA,
    ),
    AssetSource(
        "Jobcentre Plus",
        "trafford_jobcentreplus.geojson",
        AssetImportOptions(category="employment", name_field="Name"),
        "Jobcentre Plus offices: Department for Work and Pensions" + VIA,
    ),
    AssetSource(
        "Care homes",
        "trafford_care_homes.geojson",
        AssetImportOptions(category="social_care", name_field="name"),
        "Care homes: Care Quality Commission" + VIA,
        prepare=_fix_phones,
    ),
    AssetSource(
        "Hospitals",
        "trafford_hospitals.geojson",
        AssetImportOptions(
            category_field="DISTNAME",
            category_map=HOSPITAL_NAMES,
            unknown_categories="uncategorised",
            name_field="DISTNAME",
        ),
        "Hospitals and places of worship: Ordnance Survey, OS OpenMap - Local" + VIA,
        prepare=_same_site_buildings,
    ),
    AssetSource(
        "Places of worship",
        "trafford_places_of_worship.geojson",
        AssetImportOptions(category="faith_groups", name_field="DISTNAME"),
        "Hospitals and places of worship: Ordnance Survey, OS OpenMap - Local" + VIA,
        prepare=_same_site_buildings,
    ),
    AssetSource(
        "Mental-health services directory (placed by postcode)",
        "trafford_mental_health_services.geojson",
        AssetImportOptions(
            category="mental_health",
            name_field="name",
            postcode_field="postcode",
            postcode_index=CODEPOINT,
        ),
        "Mental-health services: Trafford Council directory (2018)" + VIA,
        prepare=_directory_without_coordinates,
        extra_credit=[CODEPOINT_LINE],
    ),
]


# ---- derived: ward population -----------------------------------------------------------------
def lsoa_persons() -> pd.DataFrame:
    population = pd.read_csv(POPULATION_FILE, dtype={"area_code": str})
    persons = population[population["sex"] == "Persons"][["area_code", "all_ages"]]
    if len(persons) != EXPECTED_LSOAS or not persons["area_code"].is_unique:
        raise RuntimeError(f"{POPULATION_FILE.name}: expected one Persons row per LSOA")
    return persons


def write_ward_population(out: Path = WARD_POPULATION_CSV) -> pd.DataFrame:
    """Sum mid-2024 LSOA populations into the ward holding each LSOA's representative point."""
    lsoas = gpd.read_file(LSOA_FILE).to_crs(CRS)
    wards = gpd.read_file(WARD_FILE).to_crs(CRS)[["area_code", "area_name", "geometry"]]
    if len(lsoas) != EXPECTED_LSOAS or len(wards) != EXPECTED_WARDS:
        raise RuntimeError(f"expected {EXPECTED_LSOAS} LSOAs and {EXPECTED_WARDS} wards")
    points = gpd.GeoDataFrame(
        {"lsoa_code": lsoas["area_code"]}, geometry=lsoas.representative_point(), crs=CRS
    )
    joined = gpd.sjoin(points, wards, how="left", predicate="within")
    per_lsoa = joined.groupby("lsoa_code")["area_code"].agg(["count", "first"])
    bad = per_lsoa[per_lsoa["count"] != 1]
    if len(per_lsoa) != EXPECTED_LSOAS or len(bad):
        raise RuntimeError(f"LSOAs not in exactly one ward: {', '.join(bad.index)}")
    persons = lsoa_persons().set_index("area_code")["all_ages"]
    missing = sorted(set(per_lsoa.index) - set(persons.index))
    if missing:
        raise RuntimeError(f"LSOAs with no mid-2024 population: {', '.join(missing)}")
    lsoa_ward = per_lsoa["first"].rename("ward_code")
    table = (
        pd.DataFrame({"ward_code": lsoa_ward, "population": persons.reindex(lsoa_ward.index)})
        .groupby("ward_code")
        .agg(population=("population", "sum"), lsoas=("population", "size"))
        .reset_index()
    )
    table = wards[["area_code", "area_name"]].merge(
        table, left_on="area_code", right_on="ward_code", how="left"
    )
    if table["lsoas"].isna().any():
        empty = ", ".join(table.loc[table["lsoas"].isna(), "area_name"])
        raise RuntimeError(f"wards holding no LSOA: {empty}")
    if int(table["population"].sum()) != int(persons.sum()):
        raise RuntimeError("ward populations do not add up to the LSOA total")
    table = table.rename(columns={"area_name": "ward_name"})[
        ["ward_code", "ward_name", "population", "lsoas"]
    ]
    table = table.astype({"population": int, "lsoas": int}).sort_values("ward_code")
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    table.to_csv(part, index=False, encoding="utf-8", lineterminator="\n")
    os.replace(part, out)
    print(
        f"{out.name}: {EXPECTED_LSOAS} LSOAs placed in {len(table)} wards, "
        f"population {int(table['population'].sum()):,}"
    )
    return table


# ---- the build -------------------------------------------------------------------------------
@dataclass
class Outcome:
    label: str
    report: ImportReport
    out_of_area: int = 0


def show(report: ImportReport) -> None:
    for line in report.lines(limit=None):
        print(line)
    print()


def build(path: Path) -> list[Outcome]:
    outcomes: list[Outcome] = []
    with Project.create(path, name=PROJECT_NAME, crs=CRS, overwrite=True) as project:
        boundaries = "Boundaries: Office for National Statistics" + VIA
        for set_name, file in ((LSOA_SET, LSOA_FILE), (WARD_SET, WARD_FILE)):
            report = import_areas(
                project,
                file,
                AreaImportOptions(set_name, code_field="area_code", name_field="area_name"),
                attribution=attribution(boundaries),
            )
            show(report)
            outcomes.append(Outcome(set_name, report))

        population = "Population: Office for National Statistics, mid-2024 estimates" + VIA
        joins = [
            (
                LSOA_SET,
                POPULATION_FILE,
                IndicatorOptions(
                    LSOA_SET, "area_code", fields=["all_ages:population"], where=["sex=Persons"]
                ),
                attribution(population),
            ),
            (
                LSOA_SET,
                IMD_LSOA_FILE,
                IndicatorOptions(
                    LSOA_SET,
                    "lsoa21_code",
                    fields=["IMD_score:imd_score", "IMD_decile:imd_decile", "IMD_rank:imd_rank"],
                ),
                attribution(IMD_2025),
            ),
            (
                WARD_SET,
                WARD_POPULATION_CSV,
                IndicatorOptions(WARD_SET, "ward_code", fields=["population"]),
                attribution(population),
            ),
            (
                WARD_SET,
                IMD_WARD_FILE,
                IndicatorOptions(
                    WARD_SET,
                    "area_code",
                    fields=["value:imd_score"],
                    where=["indicator=Index of Multiple Deprivation", "measure=Weighted Score"],
                ),
                attribution(IMD_2025, "Ward scores: Trafford Data Lab (ward_data)."),
            ),
        ]
        for set_name, file, options, credit in joins:
            report = join_indicators(project, file, options, attribution=credit)
            show(report)
            outcomes.append(Outcome(f"{set_name} <- {file.name}", report))

        with tempfile.TemporaryDirectory(prefix="assetmap-demo-") as tmp:
            for source in ASSET_SOURCES:
                original = ASSETS / source.file
                file = source.prepare(original, Path(tmp)) if source.prepare else original
                options = replace(source.options, source=f"{source.file} (Trafford Data Lab)")
                before = _out_of_area(project)
                report = import_assets(
                    project,
                    file,
                    options,
                    attribution=attribution(source.credit, *source.extra_credit),
                )
                show(report)
                outcomes.append(Outcome(source.label, report, _out_of_area(project) - before))
        _check(project, outcomes)
    return outcomes


def _out_of_area(project: Project) -> int:
    return summary.asset_counts(project)["out_of_area"]


def _check(project: Project, outcomes: list[Outcome]) -> None:
    info = summary.summary(project)
    sets = {s["name"]: s for s in info["area_sets"]}
    problems = []
    if sets[LSOA_SET]["areas"] != EXPECTED_LSOAS or sets[WARD_SET]["areas"] != EXPECTED_WARDS:
        problems.append("area sets do not hold 139 LSOAs and 21 wards")
    for outcome in outcomes:
        if outcome.report.rejected:
            problems.append(f"{outcome.label}: {len(outcome.report.rejected)} rows rejected")
    uncategorised = next(c for c in info["categories"] if c["key"] == "uncategorised")
    if uncategorised["assets"]:
        problems.append(f"{uncategorised['assets']} assets ended up uncategorised")
    if problems:
        raise RuntimeError("the demo is not as intended: " + "; ".join(problems))


def print_table(outcomes: list[Outcome]) -> None:
    print(f"{'source':55} {'imported':>8} {'unplaced':>8} {'rejected':>8} {'out of area':>11}")
    for o in outcomes:
        if o.report.kind != "assets":
            continue
        r = o.report
        print(
            f"{o.label:55} {r.imported:>8} {len(r.unplaced):>8} {len(r.rejected):>8} "
            f"{o.out_of_area:>11}"
        )


def main(argv: list[str] | None = None) -> int:
    out = output_path(__doc__.split("\n\n")[0], DEFAULT_OUT, argv)
    started = time.perf_counter()
    write_ward_population()
    outcomes = build_into(out, build)
    print_table(outcomes)
    size = out.stat().st_size
    print(f"\nWrote {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
