"""OSM tags to basemap classes: the few classes a muted basemap draws, and nothing else.

Each function takes a layer as read by ``osm.read_layer`` and returns a frame with ``class``,
``name`` (and ``ref``/``population`` where the layer has them), ``osm_id`` and ``geometry``,
keeping only the features that belong to the layer. The class lists below are the contract
the map canvas styles from (``store.CLASSES``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import shapely

from assetmap.core.basemap.osm import tags

# ---- roads ------------------------------------------------------------------------------
ROAD_CLASSES = {
    **{k: k for k in ("motorway", "trunk", "primary", "secondary", "tertiary")},
    **{f"{k}_link": k for k in ("motorway", "trunk", "primary", "secondary", "tertiary")},
    # Streets: what a resident calls a road. Pedestrianised streets are streets (they have
    # street names and addresses), and "road" is OSM's "classification unknown".
    **{
        k: "minor"
        for k in (
            "unclassified",
            "residential",
            "living_street",
            "service",
            "pedestrian",
            "road",
            "busway",
        )
    },
    **{k: "path" for k in ("footway", "cycleway", "bridleway", "path", "track", "steps")},
}
RAILWAY_CLASSES = {
    "rail": "rail",
    "light_rail": "light_rail",
    "tram": "tram",
    "subway": "subway",
    "narrow_gauge": "narrow_gauge",
    "preserved": "preserved",
    "miniature": "miniature",
    "funicular": "funicular",
    "monorail": "monorail",
    "disused": "disused",
}
WATERWAY_CLASSES = {
    "river": "river",
    "tidal_channel": "river",
    "stream": "stream",
    "brook": "stream",
    "canal": "canal",
    "drain": "drain",
    "ditch": "drain",
}
PLACE_CLASSES = {
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "hamlet",
    "suburb": "suburb",
    "borough": "suburb",
    "quarter": "suburb",
    "neighbourhood": "neighbourhood",
    "locality": "locality",
    "isolated_dwelling": "isolated_dwelling",
}
# Larger places first: the Find box ranks by this, and a map labels in this order.
PLACE_ORDER = (
    "city",
    "town",
    "suburb",
    "village",
    "neighbourhood",
    "hamlet",
    "locality",
    "isolated_dwelling",
)
WATER_CLASSES = ("water", "reservoir", "riverbank", "wetland")
GREEN_CLASSES = (
    "park",
    "recreation",
    "cemetery",
    "allotments",
    "wood",
    "scrub",
    "grass",
    "farmland",
)

# First matching rule wins: a park that is also tagged grass is a park.
_GREEN_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cemetery", "landuse", ("cemetery",)),
    ("cemetery", "amenity", ("grave_yard",)),
    ("park", "leisure", ("park", "garden", "common", "dog_park")),
    (
        "recreation",
        "leisure",
        ("recreation_ground", "playground", "pitch", "golf_course", "miniature_golf"),
    ),
    ("recreation", "landuse", ("recreation_ground", "village_green")),
    ("allotments", "landuse", ("allotments",)),
    ("wood", "natural", ("wood",)),
    ("wood", "landuse", ("forest",)),
    ("scrub", "natural", ("scrub", "heath")),
    ("grass", "landuse", ("grass", "meadow")),
    ("grass", "natural", ("grassland",)),
    ("farmland", "landuse", ("farmland", "orchard", "vineyard", "plant_nursery")),
)

LINE_WHERE = "highway IS NOT NULL OR railway IS NOT NULL OR waterway IS NOT NULL"
PLACE_WHERE = "place IS NOT NULL"
AREA_WHERE = (
    "natural IS NOT NULL OR landuse IS NOT NULL OR leisure IS NOT NULL OR water IS NOT NULL "
    "OR waterway IS NOT NULL OR wetland IS NOT NULL OR amenity = 'grave_yard' "
    "OR place IS NOT NULL"
)
BUILDING_WHERE = "building IS NOT NULL AND building <> 'no'"


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    values = frame[column].astype(object)
    return values.where(values.notna(), None)


def _clean_names(values: pd.Series) -> pd.Series:
    stripped = values.map(lambda v: v.strip() if isinstance(v, str) else None)
    return stripped.where(stripped.astype(bool), None)


def _result(
    frame: pd.DataFrame, keep: np.ndarray, classes: pd.Series, **extra: pd.Series
) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "class": classes[keep].to_numpy(dtype=object),
            "name": _clean_names(_text(frame, "name"))[keep].to_numpy(dtype=object),
            **{k: v[keep].to_numpy(dtype=object) for k, v in extra.items()},
            "osm_id": _osm_ids(frame)[keep].to_numpy(dtype=object),
        }
    )
    out["geometry"] = frame["geometry"].to_numpy(dtype=object)[keep]
    return out


def _osm_ids(frame: pd.DataFrame) -> pd.Series:
    """'node/1', 'way/2' or 'relation/3': a feature's address on openstreetmap.org."""
    ids = _text(frame, "osm_id")
    if "osm_way_id" not in frame:  # GDAL's points layer holds nodes, its lines layer ways
        layer = frame.attrs.get("layer") or ("points" if "place" in frame else "lines")
        kind = "node" if layer == "points" else "way"
        return ids.map(lambda i: f"{kind}/{i}" if i is not None else None).astype(object)
    # multipolygons: relation ids in osm_id, closed ways in osm_way_id
    ways = _text(frame, "osm_way_id")
    return pd.Series(
        [
            f"relation/{r}" if r is not None else (f"way/{w}" if w is not None else None)
            for r, w in zip(ids, ways, strict=True)
        ],
        index=frame.index,
        dtype=object,
    )


def roads(lines: pd.DataFrame) -> pd.DataFrame:
    classes = _text(lines, "highway").map(ROAD_CLASSES)
    keep = classes.notna().to_numpy()
    ref = _clean_names(_text(lines, "ref"))
    return _result(lines, keep, classes, ref=ref)


def railways(lines: pd.DataFrame) -> pd.DataFrame:
    classes = _text(lines, "railway").map(RAILWAY_CLASSES)
    keep = classes.notna().to_numpy() & _text(lines, "highway").isna().to_numpy()  # not a road
    return _result(lines, keep, classes)


def waterways(lines: pd.DataFrame) -> pd.DataFrame:
    classes = _text(lines, "waterway").map(WATERWAY_CLASSES)
    keep = classes.notna().to_numpy()
    return _result(lines, keep, classes)


def water(areas: pd.DataFrame) -> pd.DataFrame:
    natural = _text(areas, "natural")
    water_tag = _text(areas, "water")
    landuse = _text(areas, "landuse")
    waterway = _text(areas, "waterway")
    classes = pd.Series([None] * len(areas), index=areas.index, dtype=object)
    is_water = (
        (natural == "water")
        | water_tag.notna()
        | landuse.isin(("reservoir", "basin"))
        | waterway.isin(("riverbank", "dock"))
    )
    classes[is_water] = "water"
    classes[is_water & ((water_tag == "reservoir") | (landuse == "reservoir"))] = "reservoir"
    classes[is_water & ((water_tag == "river") | (waterway == "riverbank"))] = "riverbank"
    wetland = (natural == "wetland") | _text(areas, "wetland").notna()
    classes[wetland & ~is_water] = "wetland"
    keep = classes.notna().to_numpy()
    return _result(areas, keep, classes)


def green(areas: pd.DataFrame, water_frame_ids: set[str] | None = None) -> pd.DataFrame:
    classes = pd.Series([None] * len(areas), index=areas.index, dtype=object)
    for cls, key, values in reversed(_GREEN_RULES):  # reversed: earlier rules overwrite
        match = _text(areas, key).isin(values)
        classes[match] = cls
    keep = classes.notna().to_numpy()
    if water_frame_ids:  # a feature drawn as water is not drawn again as green
        keep = keep & ~_osm_ids(areas).isin(water_frame_ids).to_numpy()
    return _result(areas, keep, classes)


def buildings(areas: pd.DataFrame) -> pd.DataFrame:
    building = _text(areas, "building")
    keep = (building.notna() & (building != "no")).to_numpy()
    classes = pd.Series(["building"] * len(areas), index=areas.index, dtype=object)
    return _result(areas, keep, classes)


def places(points: pd.DataFrame, areas: pd.DataFrame | None = None) -> pd.DataFrame:
    """Named places; a place mapped only as an area is kept as a point inside it."""
    classes = _text(points, "place").map(PLACE_CLASSES)
    names = _clean_names(_text(points, "name"))
    keep = (classes.notna() & names.notna()).to_numpy()
    population = _population(points)
    out = _result(points, keep, classes, population=population)
    if areas is not None and len(areas):
        area_classes = _text(areas, "place").map(PLACE_CLASSES)
        area_names = _clean_names(_text(areas, "name"))
        seen = set(zip(out["class"], out["name"].str.lower(), strict=True))
        area_keep = (area_classes.notna() & area_names.notna()).to_numpy()
        area_keep = area_keep & np.array(
            [
                (c, str(n).lower()) not in seen
                for c, n in zip(area_classes, area_names, strict=True)
            ],
            dtype=bool,
        )
        if area_keep.any():
            extra = _result(areas, area_keep, area_classes, population=_population(areas))
            extra["geometry"] = shapely.point_on_surface(extra["geometry"].to_numpy())
            out = pd.concat([out, extra], ignore_index=True)
    return out


_DIGITS = re.compile(r"\d+")


def _population(frame: pd.DataFrame) -> pd.Series:
    """'10,922' or '10 922' -> 10922; anything else ('approx. 500', '1.2k') -> None."""
    values = _text(frame, "population")
    if "other_tags" in frame and values.isna().all():
        values = frame["other_tags"].map(lambda t: tags(t).get("population"))

    def parse(value: object) -> int | None:
        if not isinstance(value, str):
            return None
        compact = value.strip().replace(",", "").replace(" ", "").replace("\u202f", "")
        return int(compact) if _DIGITS.fullmatch(compact) else None

    return values.map(parse).astype(object)
