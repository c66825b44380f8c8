"""Refusing coordinates that cannot be in the coordinate system a file says they are in.

A wrong label does not fail loudly: longitude/latitude labelled as British National Grid
import "fine" as a 1 cm patch at the grid's origin, in the sea beyond Scilly, and eastings
labelled as longitude/latitude are rejected row by row as out of range. Looking at where the
data land, read in the declared system, catches both before anything is imported and lets
the error say which system the values look like. A user who knows better can confirm.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyproj import CRS, Transformer

from assetmap.core.errors import BadInputError
from assetmap.core.geometry import ABSURD_COORDINATE
from assetmap.core.i18n import translated
from assetmap.core.io.crs_guess import WGS84, describe, guess_from_bounds, lonlat_region

# "Far" outside a CRS's area of use: UTM zones and national grids are routinely used a zone's
# width beyond their official edges (UTM 30N for all of Great Britain), so a degree or two
# outside is normal and several degrees is not.
FAR_DEGREES = 3.0
_WORLD = (-180.0, -90.0, 180.0, 90.0)


class CrsMismatchError(BadInputError):
    """The coordinates do not fit their coordinate system; the user may import anyway."""

    def __init__(
        self, message: str, *, file: str | Path | None, suggestion: CRS | None = None
    ) -> None:
        super().__init__(message, file=file)
        self.suggestion = suggestion


@dataclass
class CoordinateCheck:
    far: np.ndarray  # per row: far outside the area the coordinate system is used in
    note: str | None = None  # for the report, when the user imported a mismatch anyway


def check_coordinates(
    x: np.ndarray,
    y: np.ndarray,
    crs: CRS,
    *,
    file: str | Path | None,
    accept: bool,
    what: str = "the coordinates",
    refuse_unexplained: bool = True,
) -> CoordinateCheck:
    """Raise CrsMismatchError when most rows cannot be in ``crs``, unless ``accept``.

    ``x`` and ``y`` hold one or more positions per row (a point, or a polygon's bounds
    corners). Rows with a NaN, an absurd value or the 0, 0 placeholder are left to the
    caller's own row checks. Each row votes, so a few typing errors neither hide a wrong
    label nor condemn a right one. Returns which rows lie far outside the coordinate
    system's area, for the caller to reject when only a few do. With ``refuse_unexplained``
    False, a mismatch is refused only when the values look like another coordinate system
    (columns taken as latitude and longitude that hold placeholders are the rows' problem).
    """
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    y = np.asarray(y, dtype=float).reshape(len(y), -1)
    usable = _usable(x, y)
    far = np.zeros(len(x), dtype=bool)
    if not usable.any():
        return CoordinateCheck(far)
    far[usable] = ~_near_area_of_use(x[usable], y[usable], crs).all(axis=1)
    disguised = np.zeros(len(x), dtype=bool)
    disguised[usable] = _lonlat_in_disguise(x[usable], y[usable], crs)
    problem = None
    if far[usable].mean() > 0.5:
        bounds = _bounds(x[far], y[far])
        problem = _far_outside(bounds, crs, what)
    elif disguised[usable].mean() > 0.5:
        bounds = _bounds(x[disguised], y[disguised])
        problem = _tiny_at_origin(bounds, crs, what)
    if problem is None:
        return CoordinateCheck(far)
    suggestion = guess_from_bounds(bounds)
    if suggestion is not None and suggestion.equals(crs):
        suggestion = None
    if suggestion is None and not refuse_unexplained:
        return CoordinateCheck(far)
    if not accept:
        advice = (
            translated("; they look like {crs} ({code})").format(
                crs=describe(suggestion), code=_code(suggestion)
            )
            if suggestion is not None
            else translated("; check which coordinate system the data were saved in")
        )
        raise CrsMismatchError(problem + advice, file=file, suggestion=suggestion)
    note = translated("{problem}; imported anyway, as confirmed").format(problem=problem)
    return CoordinateCheck(far, note)


def _usable(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        usable = np.asarray((np.isfinite(x) & np.isfinite(y)).all(axis=1))
        usable &= (np.abs(x) <= ABSURD_COORDINATE).all(axis=1)
        usable &= (np.abs(y) <= ABSURD_COORDINATE).all(axis=1)
        usable &= ~((x == 0) & (y == 0)).all(axis=1)
    return usable


def _near_area_of_use(x: np.ndarray, y: np.ndarray, crs: CRS) -> np.ndarray:
    lon, lat = _to_lonlat(x, y, crs)
    w, s, e, n = lonlat_region(crs)
    with np.errstate(invalid="ignore"):
        near_lat = (lat >= s - FAR_DEGREES) & (lat <= n + FAR_DEGREES)
        if w <= e:
            near_lon = (lon >= w - FAR_DEGREES) & (lon <= e + FAR_DEGREES)
        else:  # the area crosses the antimeridian (New Zealand, Fiji, Alaska)
            near_lon = (lon >= w - FAR_DEGREES) | (lon <= e + FAR_DEGREES)
        on_earth = (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    near: np.ndarray = near_lat & near_lon & on_earth
    return near


def _to_lonlat(x: np.ndarray, y: np.ndarray, crs: CRS) -> tuple[np.ndarray, np.ndarray]:
    """Values outside a projection's domain come back infinite, and count as outside.

    Longitude/latitude on the system's own datum (OSGB36 for the National Grid): undoing
    the projection alone is a third of the cost of going on to WGS 84, and datums differ
    by well under a hundredth of a degree, against the FAR_DEGREES the test allows.
    """
    if crs.is_geographic and crs.equals(WGS84):
        return x, y
    lonlat = crs.geodetic_crs or WGS84
    lon, lat = transformer(crs, lonlat).transform(x.ravel(), y.ravel())
    return np.asarray(lon).reshape(x.shape), np.asarray(lat).reshape(y.shape)


_transformers = threading.local()


def transformer(source: CRS, target: CRS) -> Transformer:
    """An always-x/y Transformer, made once per thread: making one costs 40 ms (PROJ looks
    up the best operation), and an import asks for the same pair several times. Per thread
    because a Transformer must not be shared between threads."""
    cache: dict[tuple[CRS, CRS], Transformer] | None = getattr(_transformers, "cache", None)
    if cache is None:
        cache = _transformers.cache = {}
    key = (source, target)
    found = cache.get(key)
    if found is None:
        if len(cache) >= 16:
            cache.clear()
        found = cache[key] = Transformer.from_crs(source, target, always_xy=True)
    return found


def _lonlat_in_disguise(x: np.ndarray, y: np.ndarray, crs: CRS) -> np.ndarray:
    """Per row: projected coordinates within ±180/±90 that read as degrees fall in its area.

    Read as metres they are a patch smaller than a football pitch at the projection's false
    origin, which national grids put off the land they map; read as degrees they fall in
    the area the projection is for. Both must hold, and the CRS must state its area, so a
    local grid with small numbers is left alone.
    """
    if not crs.is_projected or lonlat_region(crs) == _WORLD:
        return np.zeros(len(x), dtype=bool)
    w, s, e, n = lonlat_region(crs)
    return np.asarray(((x >= w) & (x <= e) & (y >= s) & (y <= n)).all(axis=1))


def _bounds(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    return (float(x.min()), float(y.min()), float(x.max()), float(y.max()))


def _far_outside(bounds: tuple[float, float, float, float], crs: CRS, what: str) -> str:
    if crs.is_geographic:
        return translated(
            "{what} ({extent}) cannot be longitude/latitude in {crs} ({code}): longitude runs "
            "from -180 to 180 and latitude from -90 to 90"
        ).format(what=what, extent=_extent(bounds), crs=crs.name, code=_code(crs))
    area = crs.area_of_use
    where = f" ({area.name.rstrip('.')})" if area is not None else ""
    return translated(
        "{what} ({extent}) lie far outside the area {crs} ({code}) is used for{where}, so they "
        "cannot be in that coordinate system"
    ).format(what=what, extent=_extent(bounds), crs=crs.name, code=_code(crs), where=where)


def _tiny_at_origin(bounds: tuple[float, float, float, float], crs: CRS, what: str) -> str:
    minx, miny, maxx, maxy = bounds
    unit = crs.axis_info[0].unit_name if crs.axis_info else "metre"
    unit = "m" if unit == "metre" else unit
    return translated(
        "{what} ({extent}), read as {crs} ({code}), would all lie in a {width:.2g} × "
        "{height:.2g} {unit} patch at that system's origin, away from the land it maps"
    ).format(
        what=what,
        extent=_extent(bounds),
        crs=crs.name,
        code=_code(crs),
        width=maxx - minx,
        height=maxy - miny,
        unit=unit,
    )


def _extent(bounds: tuple[float, float, float, float]) -> str:
    minx, miny, maxx, maxy = bounds
    return translated("x from {minx:.6g} to {maxx:.6g}, y from {miny:.6g} to {maxy:.6g}").format(
        minx=minx, miny=miny, maxx=maxx, maxy=maxy
    )


def _code(crs: CRS) -> str:
    authority = crs.to_authority()
    return f"{authority[0]}:{authority[1]}" if authority else translated("a custom system")
