"""Importing assets from the messy files councils really have."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from assetmap.core import assets, categories, summary
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets

CODEPOINT_NAME = "codepo_gb_m_sk_wa.zip"
TO_BNG = Transformer.from_crs(4326, 27700, always_xy=True)


@pytest.fixture
def land_register(trafford):
    return trafford / "assets" / "trafford_land_and_building_assets.csv"


@pytest.fixture
def codepoint(sources):
    return sources / "codepoint" / CODEPOINT_NAME


def test_land_register_keeps_every_row_and_lists_the_unplaced(lsoa_project, land_register):
    source = pd.read_csv(land_register, dtype=str)
    no_coords = source["GeoX"].isna()
    report = import_assets(lsoa_project, land_register, AssetImportOptions(category="council"))
    frame = assets.frame(lsoa_project)
    assert len(frame) == len(source) == 608  # none lost
    assert report.imported == 608 and report.rejected == []
    unplaced = frame[frame.geometry.isna()]
    # Without a postcode index, every row lacking coordinates stays unplaced, listed by row.
    assert len(unplaced) == no_coords.sum() == len(report.unplaced)
    assert {i.row for i in report.unplaced} == set(source.index[no_coords] + 2)
    moss_view = report.unplaced[0]
    assert moss_view.row == 5 and "'M31' is only part of a postcode" in moss_view.message
    # Nothing in the source is dropped: unmapped columns survive as custom fields.
    town_hall = frame[frame["name"] == "Altrincham Town Hall"].iloc[0]
    custom = json.loads(town_hall["custom"])
    assert custom["UPRN"] == "100012797623" and custom["TenureType"] == "Freehold"
    assert town_hall["address"] == "Market Street, Altrincham"


def test_land_register_swapped_coordinates_are_fixed_and_reported(lsoa_project, land_register):
    report = import_assets(lsoa_project, land_register, AssetImportOptions(category="council"))
    swapped = [i for i in report.repaired if "swapped" in i.message]
    assert len(swapped) == 1 and swapped[0].row == 387
    source = pd.read_csv(land_register, dtype=str)
    row = source.iloc[387 - 2]
    frame = assets.frame(lsoa_project)
    placed = frame[frame["name"] == row["PropertyName"]].geometry.iloc[0]
    x, y = TO_BNG.transform(float(row["GeoY"]), float(row["GeoX"]))  # the corrected order
    assert placed.distance(gpd.points_from_xy([x], [y])[0]) < 1


def test_land_register_with_code_point_places_full_postcodes(
    lsoa_project, land_register, codepoint
):
    report = import_assets(
        lsoa_project,
        land_register,
        AssetImportOptions(category="council", postcode_index=codepoint),
    )
    assert len(assets.frame(lsoa_project)) == 608
    by_postcode = [n for n in report.notes if "placed by postcode" in n]
    assert by_postcode and int(by_postcode[0].split()[0]) > 10
    reasons = " ".join(i.message for i in report.unplaced)
    assert "only part of a postcode" in reasons  # "M31", "WA14" can never be placed
    assert summary.attributions(lsoa_project)[-1].startswith("Contains OS data")


def test_mental_health_directory_placed_by_postcode(lsoa_project, trafford, codepoint, tmp_path):
    """As a council directory arrives: postcodes, no coordinates."""
    source = gpd.read_file(trafford / "assets" / "trafford_mental_health_services.geojson")
    csv = tmp_path / "mental_health_services.csv"
    pd.DataFrame(source.drop(columns="geometry")).to_csv(csv, index=False)
    report = import_assets(
        lsoa_project, csv, AssetImportOptions(category="mental_health", postcode_index=codepoint)
    )
    frame = assets.frame(lsoa_project)
    assert len(frame) == 60 and report.rejected == []
    placed = frame[frame.geometry.notna()].copy()
    assert len(placed) == 59
    # The one that cannot be placed has a mistyped postcode, and says so.
    (bad,) = report.unplaced
    assert "WA154 1HF" in bad.message and "not a valid postcode" in bad.message
    # Placed within the postcode's unit (~100 m) of where the directory put it.
    truth = source.to_crs(27700).geometry  # same order as the file's rows
    distances = truth[placed.index].distance(placed.geometry, align=False)
    assert np.median(distances) < 100
    # Manchester services are kept, flagged out of area; Trafford ones are not.
    outside = set(placed[placed["out_of_area"] == 1]["name"])
    assert {"LGBT Foundation", "42nd Street", "Samaritans"} <= outside
    assert "Old Trafford Wellbeing Centre" not in outside


def test_open_referral_placeholder_coordinates_are_rejected(project, sources):
    locations = sources / "open_referral" / "hsds3_examples_csv" / "locations.csv"
    with pytest.raises(BadInputError) as err:
        import_assets(project, locations, AssetImportOptions(category="charities"))
    message = str(err.value)
    assert "locations.csv" in message and "row 2" in message and "'latitude'" in message
    assert "latitude 100 is outside -90..90" in message
    assert assets.count(project, "1") == 0  # nothing changed
    assert summary.summary(project)["sources"] == []


def test_cp1252_csv_imports_with_its_accents(project, trafford, tmp_path):
    """A spreadsheet saved by Excel on Windows: cp1252, with é, ’ and non-breaking spaces."""
    defibs = gpd.read_file(trafford / "assets" / "trafford_defibrillators.geojson")
    table = pd.DataFrame(defibs.drop(columns="geometry"))
    table["lon"], table["lat"] = defibs.geometry.x, defibs.geometry.y
    text = table.to_csv(index=False)
    assert {"é", "’"} <= set(text)
    path = tmp_path / "defibrillators_cp1252.csv"
    path.write_bytes(text.encode("cp1252"))
    report = import_assets(
        project, path, AssetImportOptions(category="uncategorised", name_field="Location")
    )
    assert any("1252" in n for n in report.notes)
    frame = assets.frame(project)
    assert report.imported == len(defibs) and report.rejected == []
    assert set(frame["name"]) == set(defibs["Location"].str.strip())
    assert any("é" in n for n in frame["name"]) or any("é" in str(a) for a in frame["address"])


def test_csv_with_bom_eastings_and_thousands_separators(project, trafford, tmp_path):
    hubs = pd.read_csv(trafford / "assets" / "trafford_community_hubs.csv")
    x, y = TO_BNG.transform(hubs["lon"].to_numpy(), hubs["lat"].to_numpy())
    hubs = hubs.drop(columns=["lon", "lat"])
    hubs["Easting"] = [f"{v:,.0f}" for v in x]  # "376,543" as Excel writes it
    hubs["Northing"] = [f"{v:,.0f}" for v in y]
    path = tmp_path / "hubs_bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + hubs.to_csv(index=False).encode("utf-8"))
    report = import_assets(project, path, AssetImportOptions(category="mutual_aid"))
    frame = assets.frame(project)
    assert report.imported == 6 and len(frame) == 6
    assert frame["name"].iloc[0] == "Altrincham"  # first column found despite the BOM
    assert any("British National Grid" in n for n in report.notes)
    assert frame.geometry.x.iloc[0] == pytest.approx(round(x[0]), abs=0.01)


def test_category_field_matches_the_taxonomy_and_makes_new_categories_for_the_rest(
    project, trafford
):
    path = trafford / "assets" / "trafford_schools_and_colleges.geojson"
    before = {c.key for c in categories.all_categories(project)}
    report = import_assets(project, path, AssetImportOptions(category_field="type"))
    made = [c for c in categories.all_categories(project) if c.key not in before]
    assert [c.label for c in made] == ["Other types"]  # the one value naming no kind of asset
    counts = assets.frame(project)["category"].value_counts().to_dict()
    assert counts == {"schools": 101, "universities_colleges": 1, made[0].key: 1}
    assert any("new categories" in n and "'Other types'" in n for n in report.notes)
    used = {u.value: (u.key, u.how, u.new) for u in report.categories}
    assert used["Local authority maintained schools"] == ("schools", "ends with 'schools'", False)
    assert used["Academies"] == ("schools", "matches 'Academy'", False)
    assert used["Other types"] == (made[0].key, "new category", True)


def test_unknown_values_can_go_to_uncategorised(project, trafford):
    path = trafford / "assets" / "trafford_schools_and_colleges.geojson"
    before = len(categories.all_categories(project))
    import_assets(
        project,
        path,
        AssetImportOptions(
            category_field="type",
            category_map={"Colleges": "schools"},  # by hand, over its own match
            unknown_categories="uncategorised",
        ),
    )
    assert len(categories.all_categories(project)) == before
    counts = assets.frame(project)["category"].value_counts().to_dict()
    assert counts == {"schools": 102, "uncategorised": 1}  # 'Other types' matches nothing


def test_polygon_sites_keep_their_footprint(project, trafford):
    import_assets(
        project,
        trafford / "assets" / "trafford_hospitals.geojson",
        AssetImportOptions(category="nhs_hospitals"),
    )
    frame = assets.frame(project)
    assert len(frame) == 20
    for row in frame.itertuples():
        site = assets.footprint(project, row.uuid)
        assert site is not None and site.area > 0
        assert site.covers(row.geometry)  # the analysis point lies on the site


def test_wkt_column_and_explicit_fields(project, trafford, tmp_path):
    gps = gpd.read_file(trafford / "assets" / "trafford_general_practices.geojson").to_crs(27700)
    table = pd.DataFrame(
        {"Practice": gps["name"], "Where": gps.geometry.to_wkt(), "Tel": gps["telephone"]}
    )
    path = tmp_path / "gps.csv"
    table.to_csv(path, index=False)
    import_assets(
        project,
        path,
        AssetImportOptions(
            category="gp_primary_care",
            name_field="Practice",
            wkt_field="Where",
            crs="EPSG:27700",
            field_map={"phone": "Tel"},
        ),
    )
    frame = assets.frame(project)
    assert list(frame["name"]) == list(gps["name"])
    assert list(frame["phone"]) == list(gps["telephone"].where(gps["telephone"].notna(), None))
    assert frame.geometry.distance(gps.geometry.reset_index(drop=True)).max() < 0.01


def test_xlsx_import_with_bad_rows_reported(project, trafford, tmp_path):
    hubs = pd.read_csv(trafford / "assets" / "trafford_community_hubs.csv", dtype=str)
    hubs.loc[1, "lat"] = "fifty-three"
    hubs.loc[2, ["lat", "lon"]] = ["0", "0"]
    path = tmp_path / "hubs.xlsx"
    hubs.to_excel(path, index=False)
    report = import_assets(project, path, AssetImportOptions(category="mutual_aid"))
    assert report.imported == 4
    rejected = {(i.row, i.field): i.message for i in report.rejected}
    assert "is not a number" in rejected[(3, "lat")]
    assert "placeholder" in rejected[(4, "lat")]


def test_missing_field_named_by_user_is_a_clear_error(project, land_register):
    with pytest.raises(BadInputError, match="has no field 'Nmae'") as err:
        import_assets(project, land_register, AssetImportOptions(name_field="Nmae"))
    assert "PropertyName" in str(err.value)


def test_prepare_is_a_dry_run(project, land_register):
    prepared = prepare_assets(project, land_register, AssetImportOptions(category="council"))
    assert len(prepared.rows) == 608
    assert assets.count(project, "1") == 0


def test_cancel_changes_nothing(project, land_register):
    from assetmap.core.errors import Cancelled

    with pytest.raises(Cancelled):
        import_assets(
            project, land_register, AssetImportOptions(category="council"), cancelled=lambda: True
        )
    assert assets.count(project, "1") == 0
