"""Reading a vector file whose geometries GEOS refuses to build, feature by feature.

pyogrio hands GDAL's geometries to GEOS in one call, and one unclosed ring or truncated
geometry makes that call raise for the whole file. Decoding them one by one instead keeps
every other feature, closes rings that were left open and says which features could not
be read and why, so the importer can reject just those.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
from shapely.errors import GEOSException

from assetmap.core.i18n import translatable, translated

if TYPE_CHECKING:
    from pyogrio.raw import _Meta  # the stub's name for what read() says of a layer


@dataclass
class GeometryIssues:
    """Per feature position (0-based): what was fixed while reading, or why it was unreadable."""

    fixed: dict[int, str] = field(default_factory=dict)
    unreadable: dict[int, str] = field(default_factory=dict)


def read_feature_by_feature(
    source: str, layer: str | None, *, use_arrow: bool
) -> tuple[gpd.GeoDataFrame, GeometryIssues]:
    """The layer as read_dataframe gives it, with broken geometries closed or left empty."""
    with warnings.catch_warnings():
        # GDAL warns of each unclosed ring; the issues say it per feature instead.
        warnings.simplefilter("ignore", RuntimeWarning)
        attributes = pyogrio.read_dataframe(
            source, layer=layer, read_geometry=False, use_arrow=use_arrow
        )
        meta, wkb = _raw_geometry(source, layer, use_arrow=use_arrow)
    geometry, issues = decode(wkb)
    frame = gpd.GeoDataFrame(
        pd.DataFrame(attributes), geometry=gpd.GeoSeries(geometry), crs=meta.get("crs")
    )
    return frame, issues


def _raw_geometry(source: str, layer: str | None, *, use_arrow: bool) -> tuple[_Meta, np.ndarray]:
    """The features' WKB as stored: through Arrow, GDAL hands it over without parsing it."""
    if not use_arrow:
        meta, _, wkb, _ = pyogrio.raw.read(source, layer=layer, columns=[])
        assert wkb is not None  # read_geometry (the default) is on
        return meta, wkb
    meta, table = pyogrio.raw.read_arrow(source, layer=layer, columns=[])
    column = table.column(meta.get("geometry_name") or "wkb_geometry")
    return meta, np.array(column.to_pylist(), dtype=object)


def decode(wkb: np.ndarray) -> tuple[np.ndarray, GeometryIssues]:
    """Shapely geometries from WKB: None where a feature has none or it cannot be read."""
    geometry = shapely.from_wkb(wkb, on_invalid="ignore")
    issues = GeometryIssues()
    present = np.array([value is not None for value in wkb], dtype=bool)
    for i in np.flatnonzero(present & shapely.is_missing(geometry)):
        problem = _why_unreadable(wkb[i])
        fixed = shapely.from_wkb(wkb[i], on_invalid="fix")
        if fixed is not None and not fixed.is_empty:
            geometry[i] = fixed
            issues.fixed[int(i)] = translated("{problem}; it was closed").format(problem=problem)
        else:
            issues.unreadable[int(i)] = translated("its geometry cannot be read: {problem}").format(
                problem=problem
            )
    return geometry, issues


def _why_unreadable(value: bytes) -> str:
    try:
        shapely.from_wkb(value)
    except GEOSException as error:
        message = str(error).split(": ", 1)[-1]
    else:  # pragma: no cover - only called for values GEOS refused
        return translated("unknown problem")
    for known, words in _PROBLEMS.items():
        if known in message:
            return translated(words)
    return translated("it is damaged ({message})").format(message=message)


_PROBLEMS = {
    "do not form a closed linestring": translatable("a ring of its outline is not closed"),
    "Invalid number of points in LinearRing": translatable(
        "a ring of its outline has fewer than 4 points"
    ),
    "Input buffer is smaller": translatable("it is cut short (the file may be truncated)"),
}
