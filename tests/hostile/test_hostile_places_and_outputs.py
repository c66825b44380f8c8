"""Hostile places and outputs: coordinates in the wrong system or no place on Earth, polygons
no repair can save, and output paths that cannot be written. Each is refused whole, the
project byte-identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def areas_file(folder: Path, name: str, rings: list, crs: str | None = None) -> Path:
    features = [
        {
            "type": "Feature",
            "properties": {"code": f"A{i}", "name": f"Area {i}"},
            "geometry": {"type": "Polygon", "coordinates": ring},
        }
        for i, ring in enumerate(rings)
    ]
    document: dict = {"type": "FeatureCollection", "features": features}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    path = folder / name
    path.write_text(json.dumps(document))
    return path


def test_longitude_latitude_labelled_as_british_national_grid(inputs, refused, trafford):
    wards = json.loads(
        (trafford / "boundaries" / "trafford_ward2023_generalised.geojson").read_text()
    )
    wards["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    path = inputs / "wards_bng.geojson"
    path.write_text(json.dumps(wards))
    refusal = refused("import-areas", path, "--set", "Wards", says=("wards_bng.geojson",))
    assert "EPSG:4326" in refusal.message and "--accept-crs" in refusal.message


def test_lonlat_asset_columns_read_as_eastings(inputs, refused):
    path = inputs / "swapped.csv"
    path.write_text("name,x,y\nSale Library,-2.318,53.424\nStretford Library,-2.31,53.447\n")
    args = ("--x-field", "x", "--y-field", "y", "--crs", "EPSG:27700")
    refusal = refused("import-assets", path, *args, says=("swapped.csv",))
    assert "EPSG:4326" in refusal.message


def test_areas_that_are_no_place_on_earth(inputs, refused):
    huge = [[[1e300, 1e300], [2e300, 1e300], [2e300, 2e300], [1e300, 2e300], [1e300, 1e300]]]
    path = areas_file(inputs, "far.geojson", [huge, huge], crs="urn:ogc:def:crs:EPSG::27700")
    refused("import-areas", path, "--set", "Far", says=("far.geojson", "rejected"))


@pytest.mark.parametrize(
    "ring",
    [
        [[[-2.3, 53.4], [-2.2, 53.4]]],  # two points
        [[[-2.3, 53.4], [-2.3, 53.4], [-2.3, 53.4], [-2.3, 53.4]]],  # one point four times
    ],
    ids=["two-point ring", "ring of one point"],
)
def test_areas_whose_every_ring_collapses(inputs, refused, ring):
    path = areas_file(inputs, "flat.geojson", [ring, ring])
    refused("import-areas", path, "--set", "Flat", says=("flat.geojson", "rejected"))


def test_an_import_report_that_cannot_be_written(inputs, refused, trafford):
    source = trafford / "assets" / "trafford_libraries.geojson"
    report = inputs / "missing" / "report.csv"
    refused("import-assets", source, "--report", report, says=("report.csv", "--report"))


def test_a_report_over_the_project_itself(project_file, refused, trafford):
    source = trafford / "assets" / "trafford_libraries.geojson"
    refused("import-assets", source, "--report", project_file, says=("--report",))


def test_analysis_results_that_cannot_be_written(inputs, refused):
    out = inputs / "nowhere" / "gaps.csv"
    args = ("--set", "Neighbourhoods (LSOA 2021)", "--out", out)
    refused("analyse", *args, says=("gaps.csv",))


@pytest.mark.parametrize("suffix", [".csv", ".gpkg", ".xlsx", ".html", ".pdf"])
def test_an_export_into_a_folder_that_does_not_exist(inputs, refused, suffix):
    out = inputs / "nowhere" / f"map{suffix}"
    refused("export", "--out", out, says=(f"map{suffix}", "does not exist"))
