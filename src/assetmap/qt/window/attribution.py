"""The attribution line at the foot of the map: the basemap's and tiles' own first
(© OpenStreetMap contributors), then the data's sources, short; About and exports carry the
full text."""

from __future__ import annotations

from assetmap.core.project import Project
from assetmap.core.summary import attributions

SHOWN_SOURCES = 3


def map_attribution(project: Project, shown: list[str]) -> str:
    """``shown`` are the basemap's and tiles' lines; the data's sources follow, at most three."""
    lines = [
        line
        for line in attributions(project)
        if not any(a in line for a in shown)  # the basemap's own source line
    ]
    text = " · ".join(shown + [_short_attribution(line) for line in lines[:SHOWN_SOURCES]])
    return text + (" · …" if len(lines) > SHOWN_SOURCES else "")


def _short_attribution(line: str) -> str:
    """The map keeps attribution short; About and exports carry the full text."""
    line = line.strip()
    return line if len(line) <= 90 else line[:87] + "…"
