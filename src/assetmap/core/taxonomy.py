"""The default category taxonomy of a new project (BRIEF section 9).

Colour says the group and shape says the category: six Okabe-Ito colours stay
distinguishable for colour-blind users, and shapes tell apart the up-to-eight
categories inside one group.
"""

from __future__ import annotations

from dataclasses import dataclass

UNCATEGORISED = "uncategorised"

SYMBOLS = (
    "circle",
    "square",
    "triangle",
    "diamond",
    "pentagon",
    "hexagon",
    "star",
    "triangle_down",
    "cross",
    "plus",
)

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
GROUP_COLOURS: dict[str, str] = {
    "Anchor institutions": "#0072B2",
    "Public services": "#56B4E9",
    "Voluntary and community": "#009E73",
    "Spaces": "#E69F00",
    "Local economy": "#D55E00",
    "People and culture": "#CC79A7",
    "Other": "#7F7F7F",
}


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    group: str
    colour: str
    symbol: str
    personal_data: bool = False
    sort_order: int = 0
    description: str = ""


_TAXONOMY: dict[str, list[tuple[str, str]]] = {
    "Anchor institutions": [
        ("nhs_hospitals", "NHS trusts and hospitals"),
        ("gp_primary_care", "GP and primary care"),
        ("universities_colleges", "Universities and colleges"),
        ("council", "Council"),
        ("police", "Police"),
        ("housing_associations", "Housing associations"),
        ("large_employers", "Large employers"),
    ],
    "Public services": [
        ("social_care", "Social care"),
        ("mental_health", "Mental health"),
        ("addiction_recovery", "Addiction and recovery"),
        ("housing_homelessness", "Housing and homelessness support"),
        ("employment", "Jobcentre and employment"),
        ("libraries", "Libraries"),
        ("childrens_centres", "Children's centres and family hubs"),
        ("schools", "Schools"),
    ],
    "Voluntary and community": [
        ("charities", "Charities"),
        ("mutual_aid", "Mutual-aid groups"),
        ("community_groups", "Community and tenants' groups"),
        ("faith_groups", "Faith groups"),
        ("volunteer_centres", "Volunteer centres"),
        ("food_banks", "Food banks and pantries"),
    ],
    "Spaces": [
        ("community_centres", "Community centres"),
        ("parks_green_spaces", "Parks and green spaces"),
        ("sport_leisure", "Sport and leisure"),
        ("meeting_rooms", "Meeting rooms"),
    ],
    "Local economy": [
        ("local_businesses", "Local businesses"),
        ("markets", "Markets"),
        ("social_enterprises", "Social enterprises"),
        ("credit_unions", "Credit unions"),
    ],
    "People and culture": [
        ("individual_skills", "Individuals' skills"),
        ("heritage", "Heritage"),
        ("arts", "Arts"),
        ("local_stories", "Local stories"),
    ],
    "Other": [(UNCATEGORISED, "Uncategorised")],
}

PERSONAL_DATA_CATEGORIES = frozenset({"individual_skills"})


def default_categories() -> list[Category]:
    out: list[Category] = []
    order = 0
    for group, entries in _TAXONOMY.items():
        for position, (key, label) in enumerate(entries):
            out.append(
                Category(
                    key=key,
                    label=label,
                    group=group,
                    colour=GROUP_COLOURS[group],
                    symbol=SYMBOLS[position % len(SYMBOLS)],
                    personal_data=key in PERSONAL_DATA_CATEGORIES,
                    sort_order=order,
                )
            )
            order += 1
    return out


def group_names() -> list[str]:
    return list(_TAXONOMY)
