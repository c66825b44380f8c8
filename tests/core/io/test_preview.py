"""The import preview guesses what a plain import would do, on the files councils publish."""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest

from assetmap.core.errors import BadInputError
from assetmap.core.io import preview as preview_module
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets
from assetmap.core.io.preview import (
    GEOMETRY,
    LAT_LON,
    NO_COORDINATES,
    XY,
    area_codes,
    preview,
)
from assetmap.core.io.readers import read_table


@pytest.fixture
def land_register(trafford):
    return trafford / "assets" / "trafford_land_and_building_assets.csv"


@pytest.fixture
def demo(tmp_path, repo_root):
    import shutil

    from assetmap.core.project import Project

    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        yield project


def test_land_register_guesses_name_postcode_and_wgs84_xy(land_register):
    result = preview(land_register, "assets")
    assert result.fields["name"] == "PropertyName"
    assert result.fields["postcode"] == "PostCode"
    assert result.coordinates is not None
    assert result.coordinates.source == XY
    assert result.coordinates.columns == {"x": "GeoX", "y": "GeoY"}
    # GeoX/GeoY hold longitude/latitude, not metres: the values say so, not the names.
    assert result.coordinates.crs == "EPSG:4326"
    assert "WGS 84" in result.coordinates.description
    # No single address column: the importer joins the parts, and the preview says which.
    assert result.address_parts == ["StreetNumber", "StreetName", "PostTown"]


def test_first_rows_are_text_with_the_numbers_the_user_sees(land_register):
    result = preview(land_register, "assets", rows=5)
    assert result.row_count == 608 and result.row_noun == "row"
    assert result.row_numbers == [2, 3, 4, 5, 6]  # the header is line 1
    first = dict(zip(result.columns, result.rows[0], strict=True))
    assert first["PropertyName"] == "Altrincham Town Hall"
    assert first["UPRN"] == "100012797623"  # a code, not 1.0e11
    assert first["StreetNumber"] == ""  # blank, not "nan"
    assert all(isinstance(cell, str) for row in result.rows for cell in row)
    assert result.layers[0].name == "trafford_land_and_building_assets"


def test_preview_guesses_are_what_the_importer_uses(demo, land_register):
    """A user who accepts every guess gets the plain import: the GUI and the CLI agree."""
    result = preview(land_register, "assets")
    prepared = prepare_assets(demo, land_register, AssetImportOptions(category="council"))
    coordinate_keys = set(result.coordinates.columns)
    assert prepared.mapping == {**result.fields, **result.coordinates.columns}
    assert coordinate_keys == {"x", "y"}


def test_pharmacies_geojson_is_placed_by_its_geometry(trafford):
    result = preview(trafford / "assets" / "trafford_pharmacies.geojson", "assets")
    assert result.fields["name"] == "pharmacy_name"
    assert result.coordinates.source == GEOMETRY
    assert result.coordinates.columns == {}
    assert result.has_geometry and result.geometry_type == "Point"
    assert result.crs == "EPSG:4326"
    assert result.row_noun == "feature" and result.row_count == 57
    # Seven opening_hours_<day> columns make one opening-hours field.
    assert len(result.opening_days) == 7


def test_community_hubs_csv_has_lat_lon_and_most_fields(trafford):
    result = preview(trafford / "assets" / "trafford_community_hubs.csv", "assets")
    assert result.coordinates.source == LAT_LON
    assert result.coordinates.columns == {"lat": "lat", "lon": "lon"}
    assert result.fields == {
        "name": "community_hub",
        "address": "address",
        "postcode": "postcode",
        "contact": "email",
        "phone": "telephone",
        "website": "website",
        "opening_hours": "opening_hours",
    }


def test_a_table_without_coordinates_says_so(tmp_path, trafford):
    source = trafford / "assets" / "trafford_community_hubs.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    stripped = tmp_path / "hubs_no_coordinates.csv"
    stripped.write_text(
        "\n".join(line.rsplit(",", 2)[0] for line in lines) + "\n", encoding="utf-8"
    )
    result = preview(stripped, "assets")
    assert result.coordinates.source == NO_COORDINATES
    assert result.fields["postcode"] == "postcode"


def test_imd_2025_key_is_the_column_matching_the_demo_lsoas(demo, trafford):
    codes = area_codes(demo, "Neighbourhoods (LSOA 2021)")
    assert len(codes) == 139
    result = preview(
        trafford / "deprivation" / "trafford_imd2025_lsoa21.csv", "indicators", area_codes=codes
    )
    assert result.fields == {"key": "lsoa21_code"}
    assert result.key_shares["lsoa21_code"] == 1.0
    assert result.row_filter is None  # one row per area
    assert {"IMD_score", "IMD_decile", "IMD_rank"} <= set(result.numeric_columns)
    assert "lsoa21_code" not in result.numeric_columns


def test_imd_2019_keys_do_not_match_2021_areas(demo, trafford):
    """LSOA 2011 codes mostly carry over to 2021, but not all: the share says how many."""
    codes = area_codes(demo, "Neighbourhoods (LSOA 2021)")
    path = trafford / "deprivation" / "trafford_imd2019_domains_lsoa11.csv"
    result = preview(path, "indicators", area_codes=codes)
    key = result.fields["key"]
    assert 0.5 < result.key_shares[key] < 1.0


def test_population_by_sex_offers_a_persons_filter(demo, trafford):
    codes = area_codes(demo, "Neighbourhoods (LSOA 2021)")
    path = trafford / "population" / "trafford_pop_mid2024_lsoa21.csv"
    result = preview(path, "indicators", area_codes=codes)
    assert result.fields == {"key": "area_code"}
    found = result.row_filter
    assert found is not None
    assert found.rows_per_key == 3
    assert found.field == "sex" and found.value == "Persons"
    assert set(found.values) == {"Persons", "Females", "Males"}
    assert found.where == "sex=Persons"
    assert "all_ages" in result.numeric_columns and "area_name" not in result.numeric_columns


def test_msoa_boundaries_guess_code_and_name(trafford):
    result = preview(trafford / "boundaries" / "trafford_msoa2021_generalised.geojson", "areas")
    assert result.fields == {"code": "area_code", "name": "area_name"}
    assert result.row_count == 28 and result.geometry_type == "MultiPolygon"


def test_a_geopackage_with_two_layers_lists_both(tmp_path, trafford):
    path = tmp_path / "two_layers.gpkg"
    pharmacies = gpd.read_file(trafford / "assets" / "trafford_pharmacies.geojson")
    wards = gpd.read_file(trafford / "boundaries" / "trafford_ward2023_generalised.geojson")
    pyogrio.write_dataframe(pharmacies, path, layer="pharmacies")
    pyogrio.write_dataframe(wards, path, layer="wards")

    as_areas = preview(path, "areas")
    assert [(i.name, i.feature_count) for i in as_areas.layers] == [
        ("pharmacies", 57),
        ("wards", 21),
    ]
    assert as_areas.layer == "wards"  # the polygon layer, for areas
    assert preview(path, "assets").layer == "pharmacies"  # the point layer, for assets
    chosen = preview(path, "assets", layer="wards")
    assert chosen.layer == "wards" and chosen.row_count == 21


def test_the_file_is_read_once(monkeypatch, land_register):
    calls = []

    def counting_read_table(*args, **kwargs):
        calls.append(args)
        return read_table(*args, **kwargs)

    monkeypatch.setattr(preview_module, "read_table", counting_read_table)
    result = preview(land_register, "assets")
    assert len(calls) == 1
    assert result.table is not None and len(result.table) == 608


def test_an_unreadable_file_names_itself(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("not data")
    with pytest.raises(BadInputError, match="notes.docx"):
        preview(path, "assets")
