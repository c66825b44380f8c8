"""A phone's submission is checked field by field, in words a phone can show."""

from __future__ import annotations

import pytest
from pyproj import Transformer

from assetmap.core import categories
from assetmap.core.workshop.submission import SubmissionError, parse_submission

# Trafford's LSOAs span roughly this box in British National Grid.
EXTENT = (373_000.0, 386_000.0, 384_500.0, 399_000.0)
STRETFORD_LATLON = (53.4459, -2.3103)


@pytest.fixture
def keys(demo):
    cats = categories.all_categories(demo)
    return {
        "categories": [c.key for c in cats if not c.personal_data],
        "personal": [c.key for c in cats if c.personal_data],
    }


def parse(payload, keys, **options):
    return parse_submission(
        payload,
        categories=keys["categories"],
        personal=keys["personal"],
        extent=EXTENT,
        crs="EPSG:27700",
        **options,
    )


def good(**changes):
    payload = {
        "kind": "need",
        "category": "food_banks",
        "name": "  A food bank near the station  ",
        "note": "Nothing within walking distance\nfor families on Seymour Grove",
        "contributor": "Jo",
        "position": {"x": 379_480.0, "y": 396_110.0},
    }
    payload.update(changes)
    return payload


def test_a_good_submission_is_cleaned_and_kept(keys):
    got = parse(good(), keys)
    assert got.kind == "need" and got.category == "food_banks"
    assert got.name == "A food bank near the station"
    assert got.note == "Nothing within walking distance\nfor families on Seymour Grove"
    assert got.contributor == "Jo"
    assert (got.x, got.y) == (379_480.0, 396_110.0)


def test_a_phone_location_is_transformed_from_latitude_and_longitude(keys):
    lat, lon = STRETFORD_LATLON
    got = parse(good(position={"lat": lat, "lon": lon}), keys)
    # In Trafford (latitude and longitude the right way round), and back to the same place.
    assert EXTENT[0] < got.x < EXTENT[2] and EXTENT[1] < got.y < EXTENT[3]
    back = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    assert back.transform(got.x, got.y) == pytest.approx((lon, lat), abs=1e-7)
    top_level = {k: v for k, v in good().items() if k != "position"} | {"lat": lat, "lon": lon}
    assert parse(top_level, keys) == got


def test_the_contributor_is_optional_and_control_characters_are_removed(keys):
    got = parse(good(contributor="", name="Lunch\x00 club\u200b\x1b"), keys)
    assert got.contributor is None
    assert got.name == "Lunch club"
    assert parse(good(contributor=None), keys).contributor is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "<script>alert(1)</script>"}, "name", "web code"),
        ({"name": "Club <img src=x onerror=alert(1)>"}, "name", "web code"),
        ({"note": "see javascript:alert(1)"}, "note", "web code"),
        ({"note": "<!-- hidden -->"}, "note", "web code"),
        ({"contributor": "</b>Jo"}, "contributor", "web code"),
        ({"name": "   "}, "name", "is needed"),
        ({"name": "x" * 121}, "name", "at most 120"),
        ({"note": "x" * 1001}, "note", "at most 1000"),
        ({"contributor": "x" * 61}, "contributor", "at most 60"),
        ({"name": 42}, "name", "must be text"),
        ({"category": "dragons"}, "category", "not one of this map's"),
        ({"category": "individual_skills"}, "category", "personal details"),
        ({"category": None}, "category", "Choose a category"),
        ({"kind": "rumour"}, "kind", "here or missing"),
        ({"position": {"x": 300_000.0, "y": 396_110.0}}, "position", "outside the area"),
        ({"position": {"lat": 51.5, "lon": -0.12}}, "position", "outside the area"),
        ({"position": {"lat": 91, "lon": 0}}, "position", "could not be read"),
        ({"position": {"x": "379480", "y": 396_110.0}}, "position", "Tap the map"),
        ({"position": {"x": float("nan"), "y": 396_110.0}}, "position", "Tap the map"),
        ({"position": {"x": True, "y": 396_110.0}}, "position", "Tap the map"),
        ({"position": None}, "position", "Tap the map"),
    ],
)
def test_each_bad_field_is_named_in_plain_words(keys, changes, field, words):
    with pytest.raises(SubmissionError) as caught:
        parse(good(**changes), keys)
    assert caught.value.field == field
    assert words in caught.value.message


def test_a_pin_just_outside_the_extent_is_kept_within_the_margin(keys):
    just_outside = good(position={"x": EXTENT[2] + 1_500.0, "y": 396_110.0})
    assert parse(just_outside, keys).x == EXTENT[2] + 1_500.0
    with pytest.raises(SubmissionError):
        parse(just_outside, keys, margin_m=1_000.0)


def test_a_body_that_is_not_an_object_is_refused(keys):
    for payload in ([], "pin", None, 3):
        with pytest.raises(SubmissionError) as caught:
            parse(payload, keys)
        assert caught.value.field == "body"


def test_personal_data_categories_are_unknown_when_not_named(keys):
    with pytest.raises(SubmissionError) as caught:
        parse_submission(
            good(category="individual_skills"),
            categories=keys["categories"],
            extent=EXTENT,
            crs="EPSG:27700",
        )
    assert "not one of this map's" in caught.value.message
