"""An import's category values go to the taxonomy's categories, and the report says how."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from assetmap.core import assets, categories
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import NEW_CATEGORY, AssetImportOptions


@pytest.fixture
def places(trafford) -> pd.DataFrame:
    """Real Trafford points (the libraries' positions), to give made-up rows a place."""
    frame = gpd.read_file(trafford / "assets" / "trafford_libraries.geojson")
    return pd.DataFrame({"lat": frame.geometry.y, "lon": frame.geometry.x})


def csv_of(tmp_path, places: pd.DataFrame, kinds: list[str], name: str = "assets.csv"):
    rows = pd.DataFrame(
        {
            "name": [f"Asset {i}" for i in range(len(kinds))],
            "kind": kinds,
            "lat": [places.lat.iloc[i % len(places)] for i in range(len(kinds))],
            "lon": [places.lon.iloc[i % len(places)] for i in range(len(kinds))],
        }
    )
    path = tmp_path / name
    rows.to_csv(path, index=False)
    return path


def by_kind(project) -> dict[str, str]:
    frame = assets.frame(project)
    names = dict(zip(frame["name"], frame["category"], strict=True))
    return names


def test_the_issues_values_go_to_the_taxonomy_not_to_new_categories(project, places, tmp_path):
    kinds = ["Library", "GP surgery", "Food bank", "Community centre", "School"]
    kinds += ["Libraries", "GP surgeries", "food banks", "Community Centres", "schools"]
    path = csv_of(tmp_path, places, kinds)
    before = {c.key for c in categories.all_categories(project)}
    report = import_assets(project, path, AssetImportOptions(category_field="kind"))
    assert {c.key for c in categories.all_categories(project)} == before
    counts = assets.frame(project)["category"].value_counts().to_dict()
    assert counts == {
        "libraries": 2,
        "gp_primary_care": 2,
        "food_banks": 2,
        "community_centres": 2,
        "schools": 2,
    }
    used = {u.value: (u.label, u.rows, u.new) for u in report.categories}
    assert used["Food bank"] == ("Food banks and pantries", 1, False)
    assert used["GP surgeries"] == ("GP and primary care", 1, False)
    assert not any("new categories" in n for n in report.notes)


def test_the_report_lists_every_value_commonest_first_with_what_was_new(project, places, tmp_path):
    kinds = ["Studios"] * 3 + ["Studio"] + ["Grass pitches"] * 5 + ["Ski slopes", ""]
    path = csv_of(tmp_path, places, kinds)
    report = import_assets(project, path, AssetImportOptions(category_field="kind"))
    assert [(u.value, u.rows) for u in report.categories] == [
        ("Grass pitches", 5),
        ("Studios", 3),
        ("", 1),
        ("Ski slopes", 1),
        ("Studio", 1),
    ]
    studio = [u for u in report.categories if u.value in ("Studio", "Studios")]
    assert studio[0].key == studio[1].key and studio[0].new  # one new category, not two
    lines = report.lines()
    start = lines.index("  categories (value in the file \u2192 category):")
    assert lines[start + 1 : start + 6] == [
        "    'Grass pitches' \u2192 Sport and leisure (5 rows, ends with 'pitches')",
        "    'Studios' \u2192 new category 'Studios' (3 rows)",
        "    (blank) \u2192 Uncategorised (1 row, blank)",
        "    'Ski slopes' \u2192 new category 'Ski slopes' (1 row)",
        "    'Studio' \u2192 new category 'Studios' (1 row)",
    ]
    assert report.as_dict()["categories"][0]["category"] == "sport_leisure"


def test_a_long_mapping_is_cut_short_in_the_printed_report(project, places, tmp_path):
    kinds = [f"Kind {i:02d}" for i in range(40)]
    report = import_assets(
        project,
        csv_of(tmp_path, places, kinds),
        AssetImportOptions(category_field="kind", unknown_categories="uncategorised"),
    )
    lines = report.category_lines()
    assert len(lines) == 1 + 25 + 1
    assert lines[-1] == "    \u2026 and 15 more values (15 rows)"
    assert len(report.category_lines(None)) == 41


def test_an_ambiguous_value_is_not_guessed_and_the_report_says_so(project, places, tmp_path):
    path = csv_of(tmp_path, places, ["Library and leisure centre", "Library"])
    report = import_assets(
        project, path, AssetImportOptions(category_field="kind", unknown_categories="uncategorised")
    )
    assert by_kind(project) == {"Asset 0": "uncategorised", "Asset 1": "libraries"}
    assert any(
        "'Library and leisure centre' could be 'Libraries' or 'Sport and leisure'" in note
        for note in report.notes
    )
    (mixed,) = [u for u in report.categories if u.value == "Library and leisure centre"]
    assert mixed.how == "could be more than one"


def test_a_value_mapped_by_hand_wins_even_over_a_match(project, places, tmp_path):
    path = csv_of(tmp_path, places, ["Library", "School", "Studios"])
    report = import_assets(
        project,
        path,
        AssetImportOptions(
            category_field="kind",
            category_map={"Library": NEW_CATEGORY, "Studios": "arts"},
        ),
    )
    found = by_kind(project)
    assert found["Asset 1"] == "schools" and found["Asset 2"] == "arts"
    made = categories.get(project, found["Asset 0"])
    assert made.label == "Library" and made.key != "libraries"  # asked for a new one
    assert {u.value: u.how for u in report.categories}["Studios"] == "chosen by hand"


def test_one_ambiguous_category_for_every_row_is_refused(project, places, tmp_path):
    path = csv_of(tmp_path, places, ["x", "y"])
    with pytest.raises(BadInputError) as refused:
        import_assets(project, path, AssetImportOptions(category="Library and leisure centre"))
    assert refused.value.field == "--category"
    assert "could be 'Libraries' or 'Sport and leisure'" in str(refused.value)
    assert assets.count(project) == 0


def test_rows_going_to_a_personal_data_category_are_flagged_and_the_report_says_so(
    project, places, tmp_path
):
    path = csv_of(tmp_path, places, ["Skills", "Skills", "Library"])
    report = import_assets(project, path, AssetImportOptions(category_field="kind"))
    assert (
        "2 assets are in 'Individuals' skills', which holds personal data: they are flagged and "
        "left out of exports unless personal data is included (--include-personal)"
    ) in report.notes
    frame = assets.frame(project)
    assert frame.set_index("name")["personal_data"].astype(bool).to_dict() == {
        "Asset 0": True,
        "Asset 1": True,
        "Asset 2": False,
    }
