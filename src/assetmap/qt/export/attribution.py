"""The words a printed map owes its data sources.

The project's own attribution lines come first in spirit, but the standard licence lines
(Open Government Licence, Ordnance Survey, ONS, OpenStreetMap) are added when a source
names the publisher and its own line does not already carry the required wording.
"""

from __future__ import annotations

import datetime as _dt

from assetmap.core.project import Project
from assetmap.core.summary import attributions

OGL = "Contains public sector information licensed under the Open Government Licence v3.0."
OSM = "© OpenStreetMap contributors, available under the Open Database Licence (ODbL)."
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
    """Standard licence lines that apply and are missing, then the project's sources."""
    lines = attributions(project)
    text = " ".join(lines).lower()
    year = year or _dt.date.today().year
    extra = []
    if any(cue in text for cue in _PUBLIC_SECTOR) and "open government licence" not in text:
        extra.append(OGL)
    if (
        "ordnance survey" in text or "os data" in text or "os open" in text
    ) and "contains os data" not in text:
        extra.append(f"Contains OS data © Crown copyright and database right {year}.")
    if "office for national statistics" in text and not (
        "source: office for national statistics" in text or "national statistics data" in text
    ):
        extra.append(
            "Source: Office for National Statistics licensed under the Open Government "
            "Licence v3.0."
        )
    if ("openstreetmap" in text or "osm " in text) and not (
        "odbl" in text or "open database licen" in text
    ):
        extra.append(OSM)
    return [_sentence(line) for line in extra + lines]


def _sentence(line: str) -> str:
    """Sources are printed one after another: each ends with a full stop, or they run on."""
    line = line.strip()
    return line if not line or line[-1] in ".!?)" else line + "."
