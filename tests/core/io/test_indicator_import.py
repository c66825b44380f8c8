"""Joining population and deprivation onto area sets, as the files are really published."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from assetmap.core import areas
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_areas, join_indicators
from assetmap.core.io import limits
from assetmap.core.io.area_import import AreaImportOptions
from assetmap.core.io.indicator_import import IndicatorOptions


def test_population_and_imd_join_by_code(lsoa_project, trafford):
    frame = areas.frame(lsoa_project, "LSOA 2021").set_index("code")
    population = pd.read_csv(trafford / "population" / "trafford_pop_mid2024_lsoa21.csv")
    persons = population[population["sex"] == "Persons"].set_index("area_code")["all_ages"]
    assert (frame["population"] == persons.reindex(frame.index)).all()
    assert frame["population"].sum() == persons.sum() > 230_000
    imd = pd.read_csv(trafford / "deprivation" / "trafford_imd2025_lsoa21.csv").set_index(
        "lsoa21_code"
    )
    assert frame["imd_score"].to_numpy() == pytest.approx(
        imd["IMD_score"].reindex(frame.index).to_numpy()
    )
    indicators = {i.column: i for i in areas.indicators(lsoa_project, "LSOA 2021")}
    assert indicators["population"].label == "Population" and indicators["population"].numeric
    assert indicators["imd_decile"].label == "IMD_decile"


def test_duplicate_keys_are_refused_with_a_hint(lsoa_project, trafford):
    with pytest.raises(BadInputError) as err:
        join_indicators(
            lsoa_project,
            trafford / "population" / "trafford_pop_mid2024_lsoa21.csv",
            IndicatorOptions("LSOA 2021", "area_code", ["aged_65_and_over"]),
        )
    message = str(err.value)
    assert "row 2" in message and "'area_code'" in message and "--where" in message
    assert "aged_65_and_over" not in areas.frame(lsoa_project, "LSOA 2021").columns


def test_national_imd_2019_with_bom_and_thousands_separators(project, trafford, sources, tmp_path):
    import_areas(
        project,
        trafford / "boundaries" / "trafford_lsoa2011_generalised.geojson",
        AreaImportOptions("LSOA 2011"),
    )
    report = join_indicators(
        project,
        sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz",
        IndicatorOptions(
            "LSOA 2011",
            "LSOA code (2011)",
            [
                "Index of Multiple Deprivation (IMD) Rank:imd_rank",
                "Index of Multiple Deprivation (IMD) Decile:imd_decile",
            ],
        ),
    )
    assert report.imported == 138
    assert any("32706 rows match no area" in n for n in report.notes)
    frame = areas.frame(project, "LSOA 2011").set_index("code")
    with gzip.open(
        sources / "england_imd2019" / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz",
        "rt",
        encoding="utf-8-sig",
    ) as fh:
        raw = pd.read_csv(fh, dtype=str).set_index("LSOA code (2011)")
    expected = raw["Index of Multiple Deprivation (IMD) Rank"].str.replace(",", "").astype(float)
    assert (frame["imd_rank"] == expected.reindex(frame.index)).all()
    assert frame["imd_rank"].max() > 1000  # "29,199" read as 29199, not 29.199 or text


def test_keys_that_match_nothing_are_bad_input(lsoa_project, trafford):
    with pytest.raises(BadInputError, match="none of the 21 keys match"):
        join_indicators(
            lsoa_project,
            trafford / "deprivation" / "trafford_ward2023_imd2025_score.csv",
            IndicatorOptions("LSOA 2021", "area_code", ["value"]),
        )


def test_text_columns_stay_text_and_odd_numbers_are_reported(project, trafford, tmp_path):
    import_areas(
        project,
        trafford / "boundaries" / "trafford_ward2023_generalised.geojson",
        AreaImportOptions("Wards"),
    )
    scores = pd.read_csv(
        trafford / "deprivation" / "trafford_ward2023_imd2025_score.csv", dtype=str
    )
    scores.loc[3, "value"] = "n/k"
    path = tmp_path / "ward_scores.xlsx"
    scores.to_excel(path, index=False)
    report = join_indicators(
        project, path, IndicatorOptions("Wards", "area_code", ["value:imd_score", "measure"])
    )
    (bad,) = report.repaired
    assert (bad.row, bad.field) == (5, "value") and "not a number" in bad.message
    frame = areas.frame(project, "Wards").set_index("code")
    assert frame["imd_score"].isna().sum() == 1
    assert set(frame["measure"]) == {"Weighted Score"}
    kinds = {i.column: i.numeric for i in areas.indicators(project, "Wards")}
    assert kinds == {"imd_score": True, "measure": False}


def test_field_names_with_colons_can_be_joined_and_renamed(project, trafford, tmp_path):
    import_areas(
        project,
        trafford / "boundaries" / "trafford_ward2023_generalised.geojson",
        AreaImportOptions("Wards"),
    )
    scores = pd.read_csv(trafford / "deprivation" / "trafford_ward2023_imd2025_score.csv")
    scores = scores.rename(columns={"value": "Score: IMD 2025"})
    path = tmp_path / "scores.csv"
    scores.to_csv(path, index=False)
    join_indicators(project, path, IndicatorOptions("Wards", "area_code", ["Score: IMD 2025"]))
    join_indicators(
        project, path, IndicatorOptions("Wards", "area_code", ["Score: IMD 2025:imd_score"])
    )
    frame = areas.frame(project, "Wards")
    assert {"score_imd_2025", "imd_score"} <= set(frame.columns)
    labels = {i.column: i.label for i in areas.indicators(project, "Wards")}
    assert labels["score_imd_2025"] == "Score: IMD 2025"


def _codes(trafford, count):
    areas_file = trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson"
    features = json.loads(areas_file.read_text())["features"][:count]
    return features, [f["properties"]["area_code"] for f in features]


def _indicator_csv(path, codes, columns):
    rows = [",".join(["area_code", *(f"v{i}" for i in range(columns))])]
    rows += [
        ",".join([code, *(str(n + i) for i in range(columns))]) for n, code in enumerate(codes)
    ]
    path.write_text("\n".join(rows) + "\n")
    return path


def test_a_census_table_of_2500_columns_gives_the_columns_named(project, trafford, tmp_path):
    import_areas(
        project,
        trafford / "boundaries" / "trafford_lsoa2021_generalised.geojson",
        AreaImportOptions("LSOA 2021"),
    )
    _, codes = _codes(trafford, 139)
    census = _indicator_csv(tmp_path / "census.csv", codes, 2_500)
    with pytest.raises(limits.LimitError) as err:
        join_indicators(project, census, IndicatorOptions("LSOA 2021", "area_code"))
    assert str(err.value) == (
        "census.csv: has 2,501 columns; assetmap reads at most 1,000 columns (delete the "
        "columns you do not need and save a copy, or name the columns to join with --fields)"
    )
    report = join_indicators(
        project, census, IndicatorOptions("LSOA 2021", "area_code", ["v7", "v2499:last"])
    )
    assert report.imported == 139
    frame = areas.frame(project, "LSOA 2021").set_index("code")
    assert frame.loc[codes[3], "v7"] == 10 and frame.loc[codes[3], "last"] == 2502
    with pytest.raises(BadInputError, match=r"has no field 'v9999' \(fields: area_code, v0, "):
        join_indicators(project, census, IndicatorOptions("LSOA 2021", "area_code", ["v9999"]))


def test_joining_past_the_columns_a_table_holds_is_refused_before_any_change(
    project, trafford, tmp_path
):
    # An area set imported with all of its file's 998 extra columns, then a wide indicator file:
    # SQLite holds 2,000 columns in a table ("too many columns" was a traceback).
    features, codes = _codes(trafford, 5)
    for feature in features:
        feature["properties"].update({f"extra_{i}": i for i in range(998)})
    wide_areas = tmp_path / "areas.geojson"
    wide_areas.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    import_areas(project, wide_areas, AreaImportOptions("Wide", code_field="area_code"))
    info = areas.get_set(project, "Wide")
    before = areas.table_columns(project, info.table)
    indicators = _indicator_csv(tmp_path / "indicators.csv", codes, 999)
    with pytest.raises(limits.LimitError) as err:
        join_indicators(project, indicators, IndicatorOptions("Wide", "area_code"))
    assert "joining 999 columns would give area set 'Wide'" in str(err.value)
    assert "a table holds at most 2,000: there is room for" in str(err.value)
    assert areas.table_columns(project, info.table) == before
