"""Importing area sets: any polygon file, any CRS, codes and names guessed, bad rows reported."""

from __future__ import annotations

import zipfile

import geopandas as gpd
import pytest
import shapely

from assetmap.core import areas
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_areas
from assetmap.core.io.area_import import AreaImportOptions


def test_lsoa_codes_and_names_are_guessed(project, trafford):
    report = import_areas(
        project,
        trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        AreaImportOptions("LSOA 2021"),
    )
    assert report.imported == 139 and report.rejected == []
    frame = areas.frame(project, "LSOA 2021")
    assert frame["code"].str.match(r"E0\d{7}").all()
    assert frame["name"].str.startswith("Trafford").all()
    assert frame.crs.to_epsg() == 27700
    # Trafford covers about 106 km².
    assert frame.geometry.area.sum() / 1e6 == pytest.approx(106, rel=0.05)


def test_ons_column_names_are_recognised(project, trafford):
    import_areas(
        project,
        trafford / "boundaries" / "martinjc_wards2013_E08000009.geojson",
        AreaImportOptions("Wards 2013"),
    )
    info = areas.get_set(project, "Wards 2013")
    assert (info.code_field, info.name_field) == ("WD13CD", "WD13NM")
    frame = areas.frame(project, "Wards 2013")
    assert "Stretford" in set(frame["name"])
    assert "wd13nmw" in frame.columns  # the file's other attributes are kept


def test_zipped_shapefile_in_another_crs(project, trafford, tmp_path):
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    folder = tmp_path / "shp"
    folder.mkdir()
    wards.to_crs(3857).to_file(folder / "wards.shp")
    archive = tmp_path / "wards_2023.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for part in folder.iterdir():
            z.write(part, f"Wards/{part.name}")
    report = import_areas(project, archive, AreaImportOptions("Wards 2023"))
    assert report.imported == 21
    assert any("Pseudo-Mercator" in n for n in report.notes)
    frame = areas.frame(project, "Wards 2023")
    expected = wards.to_crs(27700).set_index("area_code").geometry
    for row in frame.itertuples():
        assert row.geometry.symmetric_difference(expected[row.code]).area < 1.0  # m²


def test_invalid_and_missing_geometries_are_repaired_or_rejected(project, trafford, tmp_path):
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    ring = list(wards.geometry.iloc[0].exterior.coords)
    # A self-crossing outline: two far-apart vertices of the first ward swapped.
    half = len(ring) // 2
    ring[1], ring[half] = ring[half], ring[1]
    wards.loc[0, "geometry"] = shapely.Polygon(ring)
    wards.loc[1, "geometry"] = None
    wards.loc[2, "geometry"] = wards.geometry.iloc[2].centroid
    wards.loc[3, "area_code"] = wards.loc[4, "area_code"]
    path = tmp_path / "messy_wards.gpkg"
    wards.to_file(path, layer="wards")
    assert not shapely.is_valid(wards.geometry.iloc[0])
    report = import_areas(project, path, AreaImportOptions("Wards"))
    assert report.imported == 18
    assert [(i.row, "repaired" in i.message) for i in report.repaired] == [(1, True)]
    rejected = {i.row: i.message for i in report.rejected}
    assert rejected[2] == "has no geometry"
    assert rejected[3] == "is a Point, not an area"
    assert "already used by feature 4" in rejected[5]
    frame = areas.frame(project, "Wards")
    assert frame.geometry.is_valid.all()


def test_no_usable_feature_changes_nothing(project, trafford, tmp_path):
    points = gpd.read_file(trafford / "assets" / "trafford_libraries.geojson")
    path = tmp_path / "points.geojson"
    points.to_file(path)
    with pytest.raises(BadInputError, match="no feature could be imported"):
        import_areas(
            project,
            path,
            AreaImportOptions("Libraries"),
        )
    assert areas.list_sets(project) == []


def test_name_clash_and_missing_code_field(project, trafford):
    path = trafford / "boundaries" / "trafford_ward2023_generalised.geojson"
    import_areas(project, path, AreaImportOptions("Wards"))
    with pytest.raises(BadInputError, match="already has an area set named 'Wards'"):
        import_areas(project, path, AreaImportOptions("Wards"))
    with pytest.raises(BadInputError, match="has no field 'WD23CD'") as err:
        import_areas(project, path, AreaImportOptions("Other", code_field="WD23CD"))
    assert "area_code" in str(err.value)


def test_csv_is_not_an_area_file(project, trafford):
    with pytest.raises(BadInputError, match="has no geometry"):
        import_areas(
            project,
            trafford / "lookups" / "gm_lsoa21_to_ward22_bestfit.csv",
            AreaImportOptions("Lookup"),
        )
