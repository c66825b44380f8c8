"""The words a printed map owes its data sources.

The project's own attribution lines come first in spirit, but the standard licence lines
(Open Government Licence, Ordnance Survey, ONS, OpenStreetMap) are added when a source
names the publisher and its own line does not already carry the required wording.
"""

from __future__ import annotations

import datetime as _dt

from assetmap.core.project import Project
from assetmap.core.summary import attributions
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

# The publishers' own wording, in the app's language where they publish a Welsh one.
OGL = QT_TRANSLATE_NOOP(
    "Report",
    "Contains public sector information licensed under the Open Government Licence v3.0.",
)
OSM = QT_TRANSLATE_NOOP(
    "Report", "© OpenStreetMap contributors, available under the Open Database Licence (ODbL)."
)
_PUBLIC_SECTOR = (
    "office for national statistics",
    "ordnance survey",
    "os data",
    "nhs",
    "department for",
    "ministry of",
    "council",
    "crown copyright",
    "ons ",
)


def attribution_lines(project: Project, year: int | None = None) -> list[str]:
    """Standard licence lines that apply and are missing, then the project's sources (which
    are the project's own words, checked in English: the standard lines are English there)."""
    lines = attributions(project)
    text = " ".join(lines).lower()
    year = year or _dt.date.today().year
    extra = []
    if any(cue in text for cue in _PUBLIC_SECTOR) and "open government licence" not in text:
        extra.append(translate("Report", OGL))
    if (
        "ordnance survey" in text or "os data" in text or "os open" in text
    ) and "contains os data" not in text:
        extra.append(
            translate(
                "Report", "Contains OS data © Crown copyright and database right {year}."
            ).format(year=year)
        )
    if "office for national statistics" in text and not (
        "source: office for national statistics" in text or "national statistics data" in text
    ):
        extra.append(
            translate(
                "Report",
                "Source: Office for National Statistics licensed under the Open Government "
                "Licence v3.0.",
            )
        )
    if ("openstreetmap" in text or "osm " in text) and not (
        "odbl" in text or "open database licen" in text
    ):
        extra.append(translate("Report", OSM))
    return [_sentence(line) for line in extra + lines]


def _sentence(line: str) -> str:
    """Sources are printed one after another: each ends with a full stop, or they run on."""
    line = line.strip()
    return line if not line or line[-1] in ".!?)" else line + "."
