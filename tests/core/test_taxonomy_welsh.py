"""A project created while the app is in Welsh starts with Welsh category names; one created
in English keeps today's names (the Welsh needs the lead's filled catalogue)."""

from __future__ import annotations

from assetmap.core import i18n
from assetmap.core.taxonomy import default_categories, group_colour, group_names


def test_new_project_categories_are_welsh_in_welsh() -> None:
    with i18n.using_language("cy"):
        by_key = {c.key: c for c in default_categories()}
        groups = group_names()
    assert by_key["food_banks"].label == "Banciau bwyd a phantrïoedd bwyd"
    assert by_key["libraries"].group == "Gwasanaethau cyhoeddus"
    assert by_key["uncategorised"].label == "Heb gategori"
    assert groups[0] == "Sefydliadau angor"
    assert by_key["food_banks"].synonyms[0] == "Food bank"  # spreadsheets stay English


def test_categories_stay_english_by_default() -> None:
    by_key = {c.key: c for c in default_categories()}
    assert by_key["food_banks"].label == "Food banks and pantries"
    assert by_key["libraries"].group == "Public services"
    assert group_names()[-1] == "Other"


def test_a_welsh_group_keeps_its_colour() -> None:
    with i18n.using_language("cy"):
        assert group_colour("Mannau") == group_colour("Spaces") == "#E69F00"
    assert group_colour("My own group") is None


def test_seeds_added_to_an_old_project_stay_english() -> None:
    """A migration adds seed categories to English groups, whatever the app's language."""
    with i18n.using_language("cy"):
        by_key = {c.key: c for c in default_categories(in_english=True)}
    assert by_key["coordination_hubs"].group == "Voluntary and community"
    assert by_key["coordination_hubs"].label == "Community hubs and coordination centres"
