"""What the phone page needs to draw the map: names, categories, area outlines, tile grid.

Outlines are simplified to about 5 m and rounded to 0.1 m: plenty for a phone screen, and a
few hundred kilobytes at most even for a borough's small areas.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import shapely

from assetmap.core import areas, categories, symbols
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category
from assetmap.core.workshop.page_words import page_language, page_words
from assetmap.core.workshop.tilegrid import TileGrid

SIMPLIFY_M = 5.0


def shared_categories(project: Project) -> list[Category]:
    """Categories phones may see and use: never a personal-data one."""
    return [c for c in categories.all_categories(project) if not c.personal_data]


def category_json(category: Category) -> dict[str, Any]:
    """``outline``: the category's symbol as on the map (core.symbols, radius 1, y down), so
    phones tell categories apart by shape as well as colour; None for a circle."""
    points = symbols.outline(category.symbol, 2.0)
    return {
        "key": category.key,
        "label": category.label,
        "group": category.group,
        "colour": category.colour,
        "shape": category.symbol,
        "outline": None if points is None else [[round(x, 3), round(y, 3)] for x, y in points],
    }


def area_outlines(project: Project) -> list[dict[str, Any]]:
    """Each area set as a GeoJSON FeatureCollection in project coordinates."""
    return [
        {"name": info.name, "geojson": _collection(areas.frame(project, info.name).geometry)}
        for info in areas.list_sets(project)
    ]


def _collection(geometries: Any) -> dict[str, Any]:
    shapes = np.asarray(geometries, dtype=object)
    shapes = shapes[~(shapely.is_missing(shapes) | shapely.is_empty(shapes))]
    simple = shapely.simplify(shapes, SIMPLIFY_M, preserve_topology=True)
    rounded = shapely.set_precision(simple, 0.1)
    features = [
        {"type": "Feature", "properties": {}, "geometry": json.loads(shapely.to_geojson(g))}
        for g in rounded
        if not shapely.is_empty(g)
    ]
    return {"type": "FeatureCollection", "features": features}


def config_json(
    project: Project,
    *,
    workshop: dict[str, Any],
    grid: TileGrid,
    extent: tuple[float, float, float, float],
    has_tiles: bool,
) -> dict[str, Any]:
    return {
        "project": project.name,
        "workshop": workshop,
        "crs": project.crs.to_string(),
        "extent": list(extent),  # what the page first shows; the grid adds a margin
        "grid": grid.to_json(),
        "categories": [category_json(c) for c in shared_categories(project)],
        "areas": area_outlines(project),
        "has_tiles": has_tiles,
        "words": page_words(),
        "lang": page_language(),
    }
