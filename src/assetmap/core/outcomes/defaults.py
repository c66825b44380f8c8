"""What a new outcome takes when the user does not say: the area set's population and need
indicators, found the way the Find gaps panel proposes them."""

from __future__ import annotations

from assetmap.core import areas
from assetmap.core.analysis.inputs import looks_like_need, looks_like_population
from assetmap.core.project import Project


def population_field(project: Project, area_set: str) -> str | None:
    named = [
        i.column
        for i in areas.indicators(project, area_set)
        if i.numeric and looks_like_population(i.column, i.label)
    ]
    return named[0] if named else None


def need_field(project: Project, area_set: str) -> str | None:
    named = [
        i.column
        for i in areas.indicators(project, area_set)
        if i.numeric and looks_like_need(i.column, i.label)
    ]
    return named[0] if named else None


def area_set(project: Project) -> str | None:
    """The first area set (the demo's neighbourhoods), for an outcome added without one."""
    sets = areas.list_sets(project)
    return sets[0].name if sets else None
