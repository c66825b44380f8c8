"""Values met in real files are matched to the taxonomy by name, plural and synonym."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from assetmap.core.category_match import (
    EXACT,
    FOLDED,
    HEAD,
    PART,
    WITHIN,
    CategoryMatcher,
    folded,
    same_name,
)
from assetmap.core.taxonomy import Category, default_categories


@pytest.fixture(scope="module")
def matcher() -> CategoryMatcher:
    return CategoryMatcher(default_categories())


def key(matcher: CategoryMatcher, value: str) -> str | None:
    return matcher.match(value).key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Issue 9 item 13: each of these made a near-duplicate category.
        ("Library", "libraries"),
        ("GP surgery", "gp_primary_care"),
        ("Food bank", "food_banks"),
        ("Community centre", "community_centres"),
        ("School", "schools"),
        # Case, punctuation, spacing and plurals.
        ("libraries", "libraries"),
        ("GP surgeries", "gp_primary_care"),
        ("children's centres", "childrens_centres"),
        ("CHILDRENS CENTRE", "childrens_centres"),
        ("Children\u2019s Centre", "childrens_centres"),
        ("food banks and pantries", "food_banks"),
        ("Foodbank", "food_banks"),
        ("Food-banks", "food_banks"),
        ("  community   centres ", "community_centres"),
        ("Community Center", "community_centres"),
        ("Tenants & residents association", "community_groups"),
        ("gp_primary_care", "gp_primary_care"),  # a key, as scripts write it
        ("Pantries", "food_banks"),  # one part of "Food banks and pantries"
    ],
)
def test_the_issues_values_and_spellings_match(matcher, value, expected):
    assert key(matcher, value) == expected


def _values(path, column) -> list[str]:
    frame = pd.read_csv(path) if path.suffix == ".csv" else gpd.read_file(path)
    return sorted(str(v) for v in frame[column].dropna().unique())


# Every distinct type-like value of the Trafford sources, and where it belongs (None: nothing
# in the taxonomy says what it is, so it becomes a new category or Uncategorised).
TRAFFORD = {
    ("trafford_libraries.geojson", "Type"): {
        "Local authority run library": "libraries",
        "Lostock High School run library": "libraries",  # a library, not a school
        "Partnership run library": "libraries",
    },
    ("trafford_schools_and_colleges.geojson", "type"): {
        "Academies": "schools",
        "Colleges": "universities_colleges",
        "Free Schools": "schools",
        "Independent schools": "schools",
        "Local authority maintained schools": "schools",  # not the council
        "Other types": None,
        "Special schools": "schools",
    },
    ("trafford_care_homes.geojson", "type"): {
        "Nursing homes": "social_care",
        "Nursing homes|Residential homes": "social_care",
        "Residential homes": "social_care",
        "Residential homes|Homecare agencies|Supported living": "social_care",
    },
    ("trafford_dentists.geojson", "type"): {
        "Clinic|Dentist": "gp_primary_care",
        "Dentist": "gp_primary_care",
    },
    ("trafford_hospitals.geojson", "CLASSIFICA"): {"Hospital": "nhs_hospitals"},
    ("trafford_places_of_worship.geojson", "CLASSIFICA"): {"Place Of Worship": "faith_groups"},
    ("trafford_places_of_worship.geojson", "BUILDGTHEM"): {"Religious Buildings": "faith_groups"},
    ("trafford_post_offices.geojson", "CLASSIFICA"): {"Post Office": "local_businesses"},
    ("trafford_land_and_building_assets.csv", "OtherDetail"): {
        "Academy": "schools",
        "Being developed": None,
        "Commissioned service": None,
        "Joint venture": None,
        "Land": None,
        "Leisure": "sport_leisure",  # part of "Sport and leisure"
        "Managed allotments": "parks_green_spaces",
        "Management agreement": None,
        "Memorial": "heritage",
        "Parks": "parks_green_spaces",
        "Part management agreement": None,
        "School": "schools",
        "Town Hall": "council",
        "Undocumented Tenancy": None,
    },
    ("sports_facilities.geojson", "facility_type"): {
        "Artificial grass pitches": "sport_leisure",
        "Athletics": "sport_leisure",
        "Golf": "sport_leisure",
        "Grass pitches": "sport_leisure",
        "Health and fitness gym stations": "sport_leisure",
        "Ice rinks": "sport_leisure",
        "Indoor tennis courts": "sport_leisure",
        "Outdoor tennis courts": "sport_leisure",
        "Ski slopes": None,
        "Sports halls": "sport_leisure",
        "Squash courts": "sport_leisure",
        "Studios": None,
        "Swimming pools": "sport_leisure",
    },
}


@pytest.mark.parametrize(("source", "expected"), TRAFFORD.items(), ids=lambda s: str(s))
def test_every_type_in_the_trafford_sources_goes_where_a_planner_would_put_it(
    matcher, trafford, source, expected
):
    file_name, column = source
    values = _values(trafford / "assets" / file_name, column)
    assert values == sorted(expected)  # every distinct value of the real file is covered
    assert {v: key(matcher, v) for v in values} == expected


def test_sports_club_types_are_sport_not_arts_and_lists_of_sports_stay_sport(matcher, trafford):
    values = _values(trafford / "assets" / "sports_clubs.geojson", "category")
    found = {v: key(matcher, v) for v in values}
    assert found["Martial Arts"] == "sport_leisure"  # not "Arts"
    assert found["Cricket, Tennis"] == found["Netball, Basketball"] == "sport_leisure"
    assert found["Multi Sports"] == found["Water Sports"] == "sport_leisure"


def test_the_tier_says_how_good_a_match_is(matcher):
    assert matcher.match("Library").tier == EXACT
    assert matcher.match("Libraries").tier == EXACT  # the label itself
    assert matcher.match("GP surgeries").tier == FOLDED
    assert matcher.match("Leisure").tier == PART
    assert matcher.match("Local authority run library").tier == HEAD
    assert matcher.match("Priory Hospital Altrincham").tier == WITHIN
    assert matcher.match("GP surgeries").how == "matches 'GP surgery'"
    assert matcher.match("Local authority run library").how == "ends with 'library'"
    assert matcher.match("Health and fitness gym stations").how == "contains 'gym'"
    assert matcher.match("Ski slopes").how == "no match"


def test_an_exact_name_beats_a_looser_match_of_another_category(matcher):
    # "Martial arts" ends with "Arts" (a category) but is a synonym of Sport and leisure.
    assert key(matcher, "Martial arts") == "sport_leisure"
    # Ends with "schools" beats merely containing "local authority" (the council).
    assert key(matcher, "Local authority maintained schools") == "schools"


def test_a_value_naming_two_categories_is_not_guessed(matcher):
    for value in ("Library and leisure centre", "Community hub / food bank", "Church; school"):
        found = matcher.match(value)
        assert found.key is None and found.ambiguous, value
        assert found.how == "could be more than one category"
    assert set(matcher.match("Library and leisure centre").candidates) == {
        "libraries",
        "sport_leisure",
    }


def test_two_categories_with_the_same_synonym_tie_and_neither_is_guessed():
    cats = [
        Category("youth", "Youth clubs", "Other", "#000000", "circle", synonyms=("Youth hub",)),
        Category("hubs", "Hubs", "Other", "#000000", "square", synonyms=("Youth hub",)),
    ]
    found = CategoryMatcher(cats).match("Youth hubs")
    assert found.key is None and found.candidates == ("hubs", "youth")
    # An exact name is still preferred to a plural of the same name elsewhere.
    cats[1] = Category("hubs", "Hubs", "Other", "#000000", "square", synonyms=("Youth hubs",))
    assert CategoryMatcher(cats).match("Youth hub").key == "youth"


def test_synonyms_a_user_adds_are_matched():
    cats = [c for c in default_categories() if c.key != "arts"]
    arts = next(c for c in default_categories() if c.key == "arts")
    assert CategoryMatcher([*cats, arts]).match("Brass band").key is None
    taught = CategoryMatcher([*cats, Category(**{**arts.__dict__, "synonyms": ("Brass band",)})])
    assert taught.match("Brass bands").key == "arts"


def test_no_default_synonym_names_two_categories():
    """A synonym shared by two categories would make every value using it ambiguous."""
    owner: dict[str, str] = {}
    for category in default_categories():
        for name in (category.label, category.key, *category.synonyms):
            folded_name = "".join(folded(name))
            assert owner.setdefault(folded_name, category.key) == category.key, name


def test_same_name_ignores_case_punctuation_and_plurals():
    assert same_name("GP Surgeries", "gp surgery")
    assert same_name("Children's centre", "childrens centres")
    assert not same_name("Library", "Libraries and archives")
    assert not same_name("", "")


@pytest.mark.parametrize("value", ["Car park", "Caravan park", "Science Park", "Fire station"])
def test_a_word_that_makes_another_kind_of_thing_stops_a_match(value):
    assert CategoryMatcher(default_categories()).match(value).key is None
