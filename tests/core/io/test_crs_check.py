"""Coordinates that cannot be in the coordinate system their file declares (or that was chosen
for them) are refused with the likely system, unless the user confirms; real data near the
edges of a system's area is not."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import CRS

from assetmap.core import areas, assets
from assetmap.core.imports import import_areas, import_assets
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.asset_import import AssetImportOptions
from assetmap.core.io.crs_check import CrsMismatchError, check_coordinates
from assetmap.core.io.readers import read_table

NATIONAL_LSOA = Path("/work/shared/data/national/england_wales_lsoa2011_bsc.geojson.gz")


@pytest.fixture
def wards(trafford) -> Path:
    return trafford / "boundaries" / "trafford_ward2023_generalised.geojson"


@pytest.fixture
def lonlat_labelled_bng(wards, tmp_path) -> Path:
    """Trafford's wards in longitude/latitude, with a crs member saying British National Grid."""
    collection = json.loads(wards.read_text())
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    path = tmp_path / "wards_labelled_bng.geojson"
    path.write_text(json.dumps(collection))
    return path


def relabelled(wards: Path, path: Path, true_epsg: int, label_epsg: int) -> Path:
    frame = gpd.read_file(wards).to_crs(true_epsg)
    frame.set_crs(label_epsg, allow_override=True).to_file(path)
    return path


def test_lonlat_labelled_as_british_national_grid_is_refused(project, lonlat_labelled_bng):
    """Before: imported 'fine' as 21 wards in a 0.23 m × 0.12 m patch off Cornwall."""
    with pytest.raises(CrsMismatchError) as error:
        import_areas(project, lonlat_labelled_bng, AreaImportOptions("Wards"))
    message = str(error.value)
    assert message.startswith("wards_labelled_bng.geojson: ")
    assert "x from -2.47844 to -2.25302, y from 53.3574 to 53.4804" in message
    assert "British National Grid (EPSG:27700)" in message and "0.23 × 0.12 m patch" in message
    assert message.endswith("they look like longitude/latitude (EPSG:4326)")
    assert error.value.suggestion == CRS.from_epsg(4326)
    assert areas.list_sets(project) == []


def test_confirmed_it_is_imported_as_labelled_and_the_report_says_so(project, lonlat_labelled_bng):
    report = import_areas(project, lonlat_labelled_bng, AreaImportOptions("Wards", accept_crs=True))
    assert report.imported == 21
    assert any("imported anyway, as confirmed" in note for note in report.notes)
    assert areas.frame(project, "Wards").total_bounds[2] < 1  # where the file said: the origin


@pytest.mark.parametrize(
    ("name", "true_epsg", "label_epsg", "words"),
    [
        ("wards_bng_labelled_wgs84.gpkg", 27700, 4326, "cannot be longitude/latitude"),
        ("wards_bng_labelled_lambert93.shp", 27700, 2154, "far outside the area RGF93 v1"),
    ],
)
def test_grid_values_under_the_wrong_label_suggest_british_national_grid(
    project, wards, tmp_path, name, true_epsg, label_epsg, words
):
    path = relabelled(wards, tmp_path / name, true_epsg, label_epsg)
    if path.suffix == ".shp":
        assert "Lambert" in path.with_suffix(".prj").read_text()  # a wrong .prj, as found
    with pytest.raises(CrsMismatchError) as error:
        import_areas(project, path, AreaImportOptions("Wards"))
    message = str(error.value)
    assert words in message and "x from 368283 to 383298" in message
    assert message.endswith("they look like British National Grid (EPSG:27700)")
    assert areas.list_sets(project) == []


def test_a_stray_far_away_feature_is_rejected_alone(project, wards, tmp_path):
    """One ward typed with its easting in the wrong place lands in the Bay of Biscay: that
    feature is rejected, the file is not refused."""
    frame = gpd.read_file(wards).to_crs(27700)
    frame.loc[5, "geometry"] = shapely.affinity.translate(frame.geometry[5], xoff=-3_000_000)
    path = tmp_path / "wards.gpkg"
    frame.to_file(path)
    report = import_areas(project, path, AreaImportOptions("Wards"))
    assert report.imported == 20
    assert [(i.row, i.message) for i in report.rejected] == [
        (6, "lies far outside the area OSGB36 / British National Grid is used for")
    ]


# ---- assets ---------------------------------------------------------------------------------
def test_lonlat_columns_read_as_eastings_northings_are_refused(project, trafford):
    hubs = trafford / "assets" / "trafford_community_hubs.csv"
    options = AssetImportOptions(x_field="lon", y_field="lat", crs="EPSG:27700")
    with pytest.raises(CrsMismatchError) as error:
        import_assets(project, hubs, options)
    message = str(error.value)
    assert message.startswith("trafford_community_hubs.csv: the values of 'lon'/'lat' (x from")
    assert message.endswith("they look like longitude/latitude (EPSG:4326)")
    assert assets.count(project) == 0

    options.accept_crs = True
    report = import_assets(project, hubs, options)
    assert report.imported == 6 and any("as confirmed" in n for n in report.notes)


def test_eastings_in_latitude_longitude_columns_are_refused(project, trafford, tmp_path):
    libraries = gpd.read_file(trafford / "assets" / "trafford_libraries.geojson").to_crs(27700)
    table = pd.DataFrame(
        {"name": libraries["Name"], "lat": libraries.geometry.y, "lon": libraries.geometry.x}
    )
    path = tmp_path / "libraries.csv"
    table.to_csv(path, index=False)
    with pytest.raises(CrsMismatchError) as error:
        import_assets(project, path, AssetImportOptions(category="libraries"))
    assert str(error.value).endswith(
        "they look like British National Grid (EPSG:27700); "
        "map them as eastings and northings (x and y) instead"
    )
    assert assets.count(project) == 0


def test_a_point_file_labelled_british_national_grid_in_lonlat_is_refused(
    project, trafford, tmp_path
):
    path = relabelled(
        trafford / "assets" / "trafford_libraries.geojson", tmp_path / "libraries.gpkg", 4326, 27700
    )
    with pytest.raises(CrsMismatchError, match=r"look like longitude/latitude \(EPSG:4326\)"):
        import_assets(project, path, AssetImportOptions(category="libraries"))
    assert assets.count(project) == 0


# ---- real data near the edges is left alone ------------------------------------------------
def bounds_of(geometry) -> tuple:
    b = shapely.bounds(geometry)
    return b[:, [0, 2]], b[:, [1, 3]]


def assert_fits(x, y, crs) -> None:
    check = check_coordinates(x, y, crs, file="data", accept=False)
    assert not check.far.any() and check.note is None


def test_shetland_scilly_and_the_channel_in_british_national_grid_fit(project):
    """Lerwick, Muckle Flugga (the UK's far north), St Agnes (Scilly) and Rockall's neighbour
    St Kilda, in British National Grid, as a national file has them."""
    lonlat = gpd.GeoSeries(
        [
            shapely.Point(-1.145, 60.155).buffer(0.01),
            shapely.Point(-0.886, 60.855).buffer(0.01),
            shapely.Point(-6.345, 49.890).buffer(0.01),
            shapely.Point(-8.575, 57.810).buffer(0.01),
        ],
        crs=4326,
    )
    bng = lonlat.to_crs(27700).to_numpy()
    assert_fits(*bounds_of(bng), CRS.from_epsg(27700))


@pytest.mark.parametrize(
    "file",
    [
        "trafford/boundaries/trafford_lsoa2021_generalised.geojson",
        "national_rutland/rutland_lsoa2011_bsc.geojson",
    ],
)
def test_trafford_and_rutland_fit_in_both_systems(sources, file):
    table = read_table(sources / file)
    assert_fits(*bounds_of(table.geometry), table.crs)
    in_bng = gpd.GeoSeries(table.geometry, crs=table.crs).to_crs(27700).to_numpy()
    assert_fits(*bounds_of(in_bng), CRS.from_epsg(27700))


@pytest.mark.skipif(not NATIONAL_LSOA.exists(), reason="needs the national LSOA file")
def test_every_lsoa_of_england_and_wales_fits_british_national_grid():
    table = read_table(NATIONAL_LSOA)
    in_bng = gpd.GeoSeries(table.geometry, crs=table.crs).to_crs(27700).to_numpy()
    assert_fits(*bounds_of(in_bng), CRS.from_epsg(27700))
