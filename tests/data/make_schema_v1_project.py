"""Write tests/data/project_schema_v1.gpkg: a project as assetmap's schema 1 wrote it.

Kept (with its output) so that every later schema change is tested against a
real old file. Run from the repo root: python tests/data/make_schema_v1_project.py
Uses real Trafford data: the 21 wards of 2023 and the 13 libraries.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import geopandas as gpd
import shapely

from assetmap.core import gpkg, schema
from assetmap.core.project import write_settings

HERE = Path(__file__).parent
SOURCES = HERE.parent.parent / "sample_data" / "sources" / "trafford"
OUT = HERE / "project_schema_v1.gpkg"
STAMP = "2026-11-25T12:00:00.000Z"


def main() -> None:
    OUT.unlink(missing_ok=True)
    conn = sqlite3.connect(OUT, isolation_level=None)
    conn.execute("BEGIN")
    gpkg.init(conn)
    srs_id = gpkg.register_srs(conn, gpd.GeoSeries([], crs=27700).crs)
    schema.create_version_table(conn)
    schema.migrate(conn, srs_id, "0.1.0", target=1)
    write_settings(
        conn,
        {
            "name": "Schema 1 project",
            "srs_id": srs_id,
            "crs": "EPSG:27700",
            "created_at": STAMP,
            "created_with": "0.1.0",
        },
    )
    libraries = gpd.read_file(SOURCES / "assets" / "trafford_libraries.geojson").to_crs(27700)
    blobs = gpkg.encode(libraries.geometry.to_numpy(), srs_id)
    for i, (row, blob) in enumerate(zip(libraries.itertuples(), blobs, strict=True)):
        conn.execute(
            "INSERT INTO assets (geom, uuid, name, category, address, postcode, website, status,"
            " personal_data, custom, created_at, updated_at, deleted, out_of_area)"
            " VALUES (?, ?, ?, 'libraries', ?, ?, ?, 'active', 0, ?, ?, ?, 0, 0)",
            (
                blob,
                f"00000000-0000-4000-8000-{i:012d}",
                row.Name,
                row.Address,
                row.Postcode,
                row.Website,
                json.dumps({"Type": row.Type}),
                STAMP,
                STAMP,
            ),
        )
    wards = gpd.read_file(SOURCES / "boundaries" / "trafford_ward2023_generalised.geojson")
    wards = wards.to_crs(27700)
    gpkg.add_feature_table(
        conn, "areas_wards", "MULTIPOLYGON", srs_id, "code TEXT NOT NULL, name TEXT"
    )
    conn.execute(
        "INSERT INTO am_area_sets VALUES ('Wards', 'areas_wards', "
        "'trafford_ward2023_generalised.geojson', 'area_code', 'area_name', ?)",
        (STAMP,),
    )
    polys = [shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in wards.geometry]
    for code, name, blob in zip(
        wards.area_code, wards.area_name, gpkg.encode(polys, srs_id), strict=True
    ):
        conn.execute(
            "INSERT INTO areas_wards (geom, code, name) VALUES (?, ?, ?)", (blob, code, name)
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
