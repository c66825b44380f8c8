"""The default category taxonomy of a new project (BRIEF section 9).

Colour says the group and shape says the category: six Okabe-Ito colours stay
distinguishable for colour-blind users, and shapes tell apart the up-to-eight
categories inside one group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assetmap.core.i18n import translatable, translated

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
    # Other names people give this kind of asset in spreadsheets ("GP surgery", "Food bank"),
    # so an import matches them to this category instead of making a near-duplicate one.
    synonyms: tuple[str, ...] = ()
    # Months after which an asset of this category is due for checking again (issue 16).
    # A setting of this copy, not part of what merge and sync compare (the shared server
    # has no such column), hence compare=False.
    review_months: int = field(default=12, compare=False)


# How often assets change enough to need a call: food banks open and close within months,
# schools rarely; anything else, a year.
DEFAULT_REVIEW_MONTHS = 12
REVIEW_MONTHS: dict[str, int] = {"food_banks": 6, "schools": 24}


def default_review_months(key: str) -> int:
    return REVIEW_MONTHS.get(key, DEFAULT_REVIEW_MONTHS)


_TAXONOMY: dict[str, list[tuple[str, str]]] = {
    translatable("Anchor institutions"): [
        ("nhs_hospitals", translatable("NHS trusts and hospitals")),
        ("gp_primary_care", translatable("GP and primary care")),
        ("universities_colleges", translatable("Universities and colleges")),
        ("council", translatable("Council")),
        ("police", translatable("Police")),
        ("housing_associations", translatable("Housing associations")),
        ("large_employers", translatable("Large employers")),
    ],
    translatable("Public services"): [
        ("social_care", translatable("Social care")),
        ("mental_health", translatable("Mental health")),
        ("addiction_recovery", translatable("Addiction and recovery")),
        ("housing_homelessness", translatable("Housing and homelessness support")),
        ("employment", translatable("Jobcentre and employment")),
        ("libraries", translatable("Libraries")),
        ("childrens_centres", translatable("Children's centres and family hubs")),
        ("schools", translatable("Schools")),
        ("integrated_care", translatable("Integrated care (NHS and social care)")),
        ("self_care_prevention", translatable("Self-care and prevention")),
    ],
    translatable("Voluntary and community"): [
        ("charities", translatable("Charities")),
        ("mutual_aid", translatable("Mutual-aid groups")),
        ("community_groups", translatable("Community and tenants' groups")),
        ("faith_groups", translatable("Faith groups")),
        ("volunteer_centres", translatable("Volunteer centres")),
        ("food_banks", translatable("Food banks and pantries")),
        ("coordination_hubs", translatable("Community hubs and coordination centres")),
    ],
    translatable("Spaces"): [
        ("community_centres", translatable("Community centres")),
        ("parks_green_spaces", translatable("Parks and green spaces")),
        ("sport_leisure", translatable("Sport and leisure")),
        ("meeting_rooms", translatable("Meeting rooms")),
    ],
    translatable("Local economy"): [
        ("local_businesses", translatable("Local businesses")),
        ("markets", translatable("Markets")),
        ("social_enterprises", translatable("Social enterprises")),
        ("credit_unions", translatable("Credit unions")),
    ],
    translatable("People and culture"): [
        ("individual_skills", translatable("Individuals' skills")),
        ("heritage", translatable("Heritage")),
        ("arts", translatable("Arts")),
        ("local_stories", translatable("Local stories")),
    ],
    translatable("Other"): [(UNCATEGORISED, translatable("Uncategorised"))],
}

PERSONAL_DATA_CATEGORIES = frozenset({"individual_skills"})

# Words found in council, NHS and voluntary-sector lists for each default category (the Trafford
# and Rutland sources among them). Matching ignores case, punctuation and plurals and finds a
# name at the end of a longer value ("Local authority run library"), so each entry is one
# distinct name; it must not also be a name of another category, or values using it would be
# ambiguous (tests/core/test_category_match.py checks).
DEFAULT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "nhs_hospitals": ("Hospital", "NHS trust", "Hospital trust", "Acute trust", "A&E"),
    "gp_primary_care": (
        "GP",
        "GP surgery",
        "GP practice",
        "Doctor",
        "Doctors' surgery",
        "Surgery",
        "Health centre",
        "Medical centre",
        "Primary care",
        "Pharmacy",
        "Chemist",
        "Dentist",
        "Dental practice",
        "Clinic",
    ),
    "universities_colleges": ("University", "College", "Further education", "Sixth form college"),
    "council": (
        "Council office",
        "Town hall",
        "Local authority",
        "Council services",
        "Civic centre",
    ),
    "police": ("Police station", "Police"),
    "housing_associations": ("Housing association", "Social landlord", "Registered provider"),
    "large_employers": ("Employer", "Large employer"),
    "social_care": (
        "Adult social care",
        "Care home",
        "Residential home",
        "Nursing home",
        "Homecare agency",
        "Home care",
        "Domiciliary care",
        "Supported living",
        "Day centre",
    ),
    "mental_health": (
        "Mental health support",
        "Mental health service",
        "Counselling",
        "Talking therapies",
        "Wellbeing service",
    ),
    "addiction_recovery": (
        "Addiction",
        "Recovery",
        "Drug and alcohol service",
        "Alcohol service",
        "Substance misuse",
    ),
    "housing_homelessness": (
        "Homelessness",
        "Homelessness support",
        "Homeless service",
        "Housing advice",
        "Night shelter",
        "Hostel",
    ),
    "employment": ("Jobcentre", "Job centre", "Jobcentre Plus", "Employment support", "Careers"),
    "libraries": ("Library", "Public library", "Mobile library"),
    "childrens_centres": (
        "Children's centre",
        "Family hub",
        "Sure Start",
        "Nursery",
        "Pre-school",
        "Childcare",
    ),
    "schools": ("School", "Primary school", "Secondary school", "Academy", "Special school"),
    "charities": ("Charity", "Registered charity"),
    "mutual_aid": ("Mutual aid", "Mutual-aid group"),
    "community_groups": (
        "Community group",
        "Tenants' group",
        "Tenants' association",
        "Residents' association",
        "Tenants and residents association",
    ),
    "faith_groups": (
        "Faith group",
        "Place of worship",
        "Church",
        "Mosque",
        "Gurdwara",
        "Temple",
        "Synagogue",
        "Chapel",
        "Religious building",
    ),
    "volunteer_centres": ("Volunteer centre", "Volunteering"),
    "food_banks": (
        "Food bank",
        "Foodbank",
        "Food pantry",
        "Pantry",
        "Community fridge",
        "Food club",
    ),
    "community_centres": ("Community centre", "Community hall", "Village hall", "Community hub"),
    "parks_green_spaces": (
        "Park",
        "Green space",
        "Playground",
        "Play area",
        "Allotment",
        "Community garden",
    ),
    "sport_leisure": (
        "Leisure centre",
        "Sports centre",
        "Swimming pool",
        "Gym",
        "Sports club",
        "Playing field",
        "Sports hall",
        "Sports ground",
        "Pitch",
        "Tennis court",
        "Squash court",
        "Golf course",
        "Bowling green",
        "Ice rink",
        # Sports that council and club lists use as a type of their own.
        "Athletics",
        "Badminton",
        "Bowling",
        "Cricket",
        "Football",
        "Golf",
        "Hockey",
        "Martial arts",
        "Netball",
        "Rugby",
        "Swimming",
        "Tennis",
    ),
    "meeting_rooms": ("Meeting room", "Room hire", "Meeting space"),
    "local_businesses": (
        "Local business",
        "Shop",
        "Business",
        "Retail",
        "Post office",
        "Pub",
        "Cafe",
    ),
    "markets": ("Market", "Market hall", "Market place"),
    "social_enterprises": ("Social enterprise", "Community interest company", "CIC"),
    "credit_unions": ("Credit union",),
    "integrated_care": (
        "Integrated care",
        "Integrated care team",
        "Integrated neighbourhood team",
    ),
    "self_care_prevention": (
        "Self-care",
        "Prevention service",
        "Social prescribing",
        "Stop smoking service",
    ),
    "coordination_hubs": (
        "Coordination centre",
        "Community coordination centre",
        "Neighbourhood hub",
    ),
    "individual_skills": ("Skills", "Personal skills", "Skills and talents"),
    "heritage": (
        "Heritage site",
        "Museum",
        "Historic building",
        "Listed building",
        "Monument",
        "Memorial",
    ),
    "arts": ("Arts centre", "Gallery", "Theatre", "Arts group"),
    "local_stories": ("Local story", "Local history", "Oral history"),
}


def default_categories(*, in_english: bool = False) -> list[Category]:
    """The seed categories worded in the language chosen now: a project created in the Welsh
    app starts with Welsh names, and keeps them whatever language opens it later.
    ``in_english``: as a project made before they could be Welsh has them, for a migration
    adding seeds to its English groups."""
    word = (lambda text: text) if in_english else translated
    out: list[Category] = []
    order = 0
    for group, entries in _TAXONOMY.items():
        for position, (key, label) in enumerate(entries):
            out.append(
                Category(
                    key=key,
                    label=word(label),
                    group=word(group),
                    colour=GROUP_COLOURS[group],
                    symbol=SYMBOLS[position % len(SYMBOLS)],
                    personal_data=key in PERSONAL_DATA_CATEGORIES,
                    sort_order=order,
                    synonyms=DEFAULT_SYNONYMS.get(key, ()),
                    review_months=default_review_months(key),
                )
            )
            order += 1
    return out


def group_names() -> list[str]:
    """The default groups in the language chosen now, in their order."""
    return [translated(group) for group in _TAXONOMY]


def group_colour(group: str) -> str | None:
    """The colour of a default group named in English or in the language chosen now (a
    project made in Welsh has Welsh group names); None for a group of the user's own."""
    if group in GROUP_COLOURS:
        return GROUP_COLOURS[group]
    by_translation = {translated(name): colour for name, colour in GROUP_COLOURS.items()}
    return by_translation.get(group)
