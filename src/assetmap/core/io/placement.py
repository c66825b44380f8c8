"""Turning a row's coordinates, geometry or postcode into a point in the project CRS.

Each row ends up placed, unplaced (kept, to be placed later) or rejected, and
every decision that is not the obvious one is written to the report with the
row and field, so a planner can check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import SupportsIndex

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from shapely.geometry.base import BaseGeometry

from assetmap.core.geometry import (
    collapsed_point,
    coordinate_problems,
    polygonal_part,
    repair_polygon,
)
from assetmap.core.i18n import translated
from assetmap.core.io.crs_check import CrsMismatchError, check_coordinates, transformer
from assetmap.core.io.crs_guess import BNG, WGS84, guess_crs, lonlat_region
from assetmap.core.io.damaged_geometry import GeometryIssues
from assetmap.core.io.numbers import parse_numbers
from assetmap.core.io.postcodes import PostcodeIndex, is_partial_postcode, normalise_postcodes
from assetmap.core.io.report import ImportReport, RowIssue

PLACED, UNPLACED, REJECTED = "placed", "unplaced", "rejected"
_MARGIN_DEG = 0.5


@dataclass
class Placement:
    points: np.ndarray  # shapely Point in the project CRS, or None
    footprints: np.ndarray  # polygon site outline in the project CRS, or None
    state: np.ndarray  # PLACED / UNPLACED / REJECTED per row
    unplaced_reason: np.ndarray  # message per row (for UNPLACED rows)


@dataclass
class CoordinateSpec:
    """Where a row's location comes from; at most one of the groups is set."""

    lat: str | None = None
    lon: str | None = None
    x: str | None = None
    y: str | None = None
    xy_crs: CRS | None = None
    wkt: str | None = None
    wkt_crs: CRS | None = None


class RowPlacer:
    """Places the rows of one table; collects issues in the report as it goes."""

    def __init__(
        self,
        project_crs: CRS,
        region: tuple[float, float, float, float] | None,
        rows: np.ndarray,
        noun: str,
        report: ImportReport,
        *,
        file: Path | None = None,
        accept_crs: bool = False,
    ) -> None:
        self.crs = project_crs
        self.file = file
        self.accept_crs = accept_crs
        # Where assets plausibly are, in lon/lat: the project's areas, else the CRS's area of use.
        self.region = region or lonlat_region(project_crs)
        self.area_of_use = lonlat_region(project_crs)
        self.rows = rows
        self.noun = noun
        self.report = report
        n = len(rows)
        self.lon = np.full(n, np.nan)
        self.lat = np.full(n, np.nan)
        self.state = np.full(n, UNPLACED, dtype=object)
        # The reason a row is unplaced, in the user's language; rows still without one are
        # the ones a postcode may place.
        self.no_coordinates = translated("has no coordinates")
        self.reason = np.full(n, self.no_coordinates, dtype=object)
        self.footprints = np.full(n, None, dtype=object)
        self.points = np.full(n, None, dtype=object)

    # ---- issues --------------------------------------------------------------
    def reject(self, i: SupportsIndex, field: str | None, message: str) -> None:
        self.state[i] = REJECTED
        self.report.rejected.append(RowIssue(int(self.rows[i]), field, message, self.noun))

    def repaired(self, i: SupportsIndex, field: str | None, message: str) -> None:
        self.report.repaired.append(RowIssue(int(self.rows[i]), field, message, self.noun))

    def _check_crs(
        self, x: np.ndarray, y: np.ndarray, crs: CRS, what: str, *, declared: bool = True
    ) -> None:
        """Refuse coordinates that cannot be in ``crs`` before placing any row with them."""
        check = check_coordinates(
            x,
            y,
            crs,
            file=self.file,
            accept=self.accept_crs,
            what=what,
            refuse_unexplained=declared,
        )
        if check.note:
            self.report.notes.append(check.note)

    # ---- sources of a location ------------------------------------------------
    def from_lat_lon(self, lat: pd.Series, lon: pd.Series, lat_name: str, lon_name: str) -> None:
        lats, lat_bad = parse_numbers(lat)
        lons, lon_bad = parse_numbers(lon)
        for i in np.flatnonzero(lat_bad):
            self.reject(
                i,
                lat_name,
                translated("latitude '{value}' is not a number").format(value=lat.iloc[i]),
            )
        for i in np.flatnonzero(lon_bad & ~lat_bad):
            self.reject(
                i,
                lon_name,
                translated("longitude '{value}' is not a number").format(value=lon.iloc[i]),
            )
        what = translated("the values of '{x}'/'{y}'").format(x=lon_name, y=lat_name)
        try:
            self._check_crs(lons, lats, WGS84, what, declared=False)
        except CrsMismatchError as error:
            if error.suggestion is None or not error.suggestion.is_projected:
                raise
            raise CrsMismatchError(
                translated(
                    "{problem}; map them as eastings and northings (x and y) instead"
                ).format(problem=error.message),
                file=self.file,
                suggestion=error.suggestion,
            ) from None
        self._accept_lonlat(lons, lats, lat_name, lon_name, lat_bad | lon_bad)

    def _accept_lonlat(
        self, lons: np.ndarray, lats: np.ndarray, lat_name: str, lon_name: str, bad: np.ndarray
    ) -> None:
        both = ~np.isnan(lons) & ~np.isnan(lats) & ~bad
        half = (np.isnan(lons) ^ np.isnan(lats)) & ~bad
        for i in np.flatnonzero(half):
            self.reason[i] = translated("has only one of latitude/longitude")
        in_region = self._in(self.region, lons, lats)
        swapped_in = self._in(self.region, lats, lons)
        for i in np.flatnonzero(both):
            la, lo = lats[i], lons[i]
            if la == 0 and lo == 0:
                self.reject(
                    i, lat_name, translated("0, 0 is a placeholder ('null island'), not a location")
                )
            elif not in_region[i] and swapped_in[i]:
                self.lon[i], self.lat[i] = la, lo
                self.state[i] = PLACED
                self.repaired(
                    i,
                    lat_name,
                    translated(
                        "latitude and longitude were swapped ({lat:g}, {lon:g}); fixed"
                    ).format(lat=la, lon=lo),
                )
            elif not -90 <= la <= 90:
                self.reject(
                    i,
                    lat_name,
                    translated(
                        "latitude {lat:g} is outside -90..90 (a placeholder or a typing error)"
                    ).format(lat=la),
                )
            elif not -180 <= lo <= 180:
                self.reject(
                    i,
                    lon_name,
                    translated(
                        "longitude {lon:g} is outside -180..180 (a placeholder or a typing error)"
                    ).format(lon=lo),
                )
            elif not self._in(self.area_of_use, np.array([lo]), np.array([la]))[0]:
                self.reject(
                    i,
                    lat_name,
                    translated(
                        "{lat:g}, {lon:g} is far outside the area the project's coordinate system "
                        "({crs}) covers"
                    ).format(lat=la, lon=lo, crs=self.crs.name),
                )
            else:
                self.lon[i], self.lat[i] = lo, la
                self.state[i] = PLACED

    def from_xy(self, x: pd.Series, y: pd.Series, x_name: str, y_name: str, crs: CRS) -> None:
        xs, x_bad = parse_numbers(x)
        ys, y_bad = parse_numbers(y)
        for i in np.flatnonzero(x_bad):
            self.reject(i, x_name, translated("'{value}' is not a number").format(value=x.iloc[i]))
        for i in np.flatnonzero(y_bad & ~x_bad):
            self.reject(i, y_name, translated("'{value}' is not a number").format(value=y.iloc[i]))
        bad = x_bad | y_bad
        what = translated("the values of '{x}'/'{y}'").format(x=x_name, y=y_name)
        self._check_crs(xs, ys, crs, what)
        if crs.is_geographic:
            self._accept_lonlat(xs, ys, y_name, x_name, bad)
            return
        both = ~np.isnan(xs) & ~np.isnan(ys) & ~bad
        zero = both & (xs == 0) & (ys == 0)
        for i in np.flatnonzero(zero):
            self.reject(i, x_name, translated("0, 0 is a placeholder, not a location"))
        both &= ~zero
        if crs.equals(self.crs):
            # Already in the project's CRS (eastings/northings in a BNG project): no
            # round trip through longitude/latitude, which costs a second per 200,000 rows.
            ok = both & self._in_projected_area_of_use(xs, ys)
            self._reject_outside(both & ~ok, xs, ys, x_name, crs)
            self.points[ok] = shapely.points(xs[ok], ys[ok])
            self.state[ok] = PLACED
            return
        to_lonlat = transformer(crs, WGS84)
        lons, lats = to_lonlat.transform(xs, ys)
        valid = both & np.isfinite(lons) & np.isfinite(lats)
        ok = valid & self._in(self.area_of_use, lons, lats)
        self._reject_outside(both & ~ok, xs, ys, x_name, crs)
        self.lon[ok], self.lat[ok] = lons[ok], lats[ok]
        self.state[ok] = PLACED

    def _reject_outside(
        self, rows: np.ndarray, xs: np.ndarray, ys: np.ndarray, field: str, crs: CRS
    ) -> None:
        for i in np.flatnonzero(rows):
            self.reject(
                i,
                field,
                translated("{x:g}, {y:g} is outside the area {crs} covers").format(
                    x=xs[i], y=ys[i], crs=crs.name
                ),
            )

    def _in_projected_area_of_use(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        w, s, e, n = self.area_of_use
        to_project = transformer(WGS84, self.crs)
        minx, miny, maxx, maxy = to_project.transform_bounds(
            w - _MARGIN_DEG, s - _MARGIN_DEG, e + _MARGIN_DEG, n + _MARGIN_DEG
        )
        with np.errstate(invalid="ignore"):
            return (xs >= minx) & (xs <= maxx) & (ys >= miny) & (ys <= maxy)

    def from_geometry(
        self,
        geometry: np.ndarray,
        crs: CRS | None,
        field: str | None,
        issues: GeometryIssues | None = None,
    ) -> None:
        geometry = np.asarray(geometry, dtype=object)
        issues = issues or GeometryIssues()
        for i, message in issues.unreadable.items():
            self.reject(i, field, message)
        present = ~(shapely.is_missing(geometry) | shapely.is_empty(geometry))
        present &= self.state != REJECTED
        # numpy's stub for where() does not take None as the fill value
        for i, problem in enumerate(coordinate_problems(np.where(present, geometry, None))):  # type: ignore[call-overload]
            if problem is not None:
                self.reject(i, field, problem)
                present[i] = False
        if crs is None:
            crs, note = guess_crs(geometry[present])
            if crs is None:
                raise ValueError("no coordinate system")
            self.report.notes.append(note)
        idx = np.flatnonzero(present)
        if not len(idx):
            return
        bounds = shapely.bounds(geometry[idx])
        what = translated("the features' coordinates")
        self._check_crs(bounds[:, [0, 2]], bounds[:, [1, 3]], crs, what)
        with np.errstate(all="ignore"):  # overflow in the projection: checked just below
            projected = gpd.GeoSeries(geometry[idx], crs=crs).to_crs(self.crs).to_numpy()
        for k, problem in enumerate(coordinate_problems(projected)):
            if problem is not None:
                self.reject(
                    idx[k],
                    field,
                    translated("cannot be put in {crs} (it {problem})").format(
                        crs=self.crs.name, problem=problem
                    ),
                )
        for i, message in issues.fixed.items():
            if self.state[i] != REJECTED:
                self.repaired(i, field, message)
        for k, row in enumerate(idx):
            if self.state[row] != REJECTED:
                self._place_geometry(int(row), projected[k], field)
        self._reject_outside_area_of_use(np.flatnonzero(self.state == PLACED), field)

    def _place_geometry(self, i: int, geom: BaseGeometry, field: str | None) -> None:
        kind = geom.geom_type
        if kind == "GeometryCollection":
            part = polygonal_part(geom)
            if part is None:
                self.reject(i, field, _not_a_place(kind))
                return
            geom, kind = part, part.geom_type
            self.repaired(i, field, translated("is a GeometryCollection; placed from its polygons"))
        if kind in ("Polygon", "MultiPolygon"):  # a site with a footprint
            self._place_site(i, geom, field)
            return
        if kind == "Point":
            self.points[i] = geom
        elif kind == "MultiPoint":  # one asset at several doors
            self.points[i] = geom.centroid
            self.repaired(i, field, translated("several points; placed at their centre"))
        else:
            self.reject(i, field, _not_a_place(kind))
            return
        self.state[i] = PLACED

    def _place_site(self, i: int, outline: BaseGeometry, field: str | None) -> None:
        """A site's point is inside its outline; an outline with no area still gives a point."""
        if not outline.is_valid:
            fixed, reason = repair_polygon(outline)
            if fixed is not None:
                outline = fixed
                self.repaired(
                    i,
                    field,
                    translated("invalid site outline ({reason}) was repaired").format(
                        reason=reason
                    ),
                )
            else:
                point = collapsed_point(outline)
                if point is None:
                    self.reject(
                        i,
                        field,
                        translated("invalid site outline ({reason}) could not be used").format(
                            reason=reason
                        ),
                    )
                    return
                self.points[i] = point
                self.state[i] = PLACED
                self.repaired(
                    i,
                    field,
                    translated("site outline has no area ({reason}); placed at its point").format(
                        reason=reason
                    ),
                )
                return
        self.footprints[i] = outline
        self.points[i] = _inside_point(outline)
        self.state[i] = PLACED

    def _reject_outside_area_of_use(self, idx: np.ndarray, field: str | None) -> None:
        if not len(idx):
            return
        pts = np.array([self.points[i] for i in idx], dtype=object)
        lon, lat = transformer(self.crs, WGS84).transform(shapely.get_x(pts), shapely.get_y(pts))
        inside = self._in(self.area_of_use, lon, lat)
        for k in np.flatnonzero(~inside):
            i = idx[k]
            self.points[i] = self.footprints[i] = None
            self.reject(
                i,
                field,
                translated("lies outside the area {crs} covers").format(crs=self.crs.name),
            )

    def from_wkt(self, values: pd.Series, field: str, crs: CRS) -> None:
        text = values.astype(object).where(values.notna(), None)
        geoms = shapely.from_wkt(text.to_numpy(dtype=object), on_invalid="ignore")
        for i in np.flatnonzero(text.notna().to_numpy() & shapely.is_missing(geoms)):
            fixed = shapely.from_wkt(text.iloc[i], on_invalid="fix")  # closes open rings
            if fixed is not None and not fixed.is_empty:
                geoms[i] = fixed
                self.repaired(
                    i, field, translated("a ring of its outline was not closed; it was closed")
                )
            else:
                self.reject(
                    i,
                    field,
                    translated("'{text}' is not valid WKT").format(text=str(text.iloc[i])[:40]),
                )
        self.from_geometry(geoms, crs, field)

    def from_postcodes(
        self, postcodes: pd.Series, field: str, index: PostcodeIndex | None
    ) -> np.ndarray:
        """Place the rows still unplaced by postcode; returns which rows were placed so."""
        waiting = (self.state == UNPLACED) & (self.reason == self.no_coordinates)
        waiting &= shapely.is_missing(self.points)
        placed = np.zeros(len(waiting), dtype=bool)
        if not waiting.any():
            return placed
        rows = np.flatnonzero(waiting)
        normal = normalise_postcodes(postcodes.iloc[rows]).to_numpy(dtype=object)
        if index is not None:
            x, y = index.lookup(pd.Series(normal))
            found = ~np.isnan(x)
            self.points[rows[found]] = shapely.points(x[found], y[found])
            self.state[rows[found]] = PLACED
            placed[rows[found]] = True
        for k, i in enumerate(rows):
            if not placed[i]:
                self.reason[i] = _postcode_reason(postcodes.iloc[i], normal[k], index)
        return placed

    def finish(self) -> Placement:
        lonlat = np.flatnonzero(~np.isnan(self.lon) & (self.state == PLACED))
        if len(lonlat):
            to_project = transformer(WGS84, self.crs)
            x, y = to_project.transform(self.lon[lonlat], self.lat[lonlat])
            self.points[lonlat] = shapely.points(x, y)
        self.points[self.state != PLACED] = None
        self.footprints[self.state != PLACED] = None
        unplaced = np.flatnonzero(self.state == UNPLACED)
        for i in unplaced:
            self.report.unplaced.append(
                RowIssue(int(self.rows[i]), None, str(self.reason[i]), self.noun)
            )
        return Placement(self.points, self.footprints, self.state, self.reason)

    @staticmethod
    def _in(
        region: tuple[float, float, float, float], lon: np.ndarray, lat: np.ndarray
    ) -> np.ndarray:
        w, s, e, n = region
        with np.errstate(invalid="ignore"):
            return (
                (lon >= w - _MARGIN_DEG)
                & (lon <= e + _MARGIN_DEG)
                & (lat >= s - _MARGIN_DEG)
                & (lat <= n + _MARGIN_DEG)
            )


def _inside_point(polygon: BaseGeometry) -> BaseGeometry:
    """The analysis point of a site: its centroid, or a point inside when that falls outside."""
    centroid = polygon.centroid
    return centroid if polygon.contains(centroid) else polygon.point_on_surface()


def _postcode_reason(raw: object, normal: object, index: PostcodeIndex | None) -> str:
    text = "" if raw is None or (isinstance(raw, float) and np.isnan(raw)) else str(raw).strip()
    if not text:
        return translated("has no coordinates and no postcode")
    if normal is None or (isinstance(normal, float) and np.isnan(normal)):
        if is_partial_postcode(text):
            pattern = translated("has no coordinates and '{text}' is only part of a postcode")
        else:
            pattern = translated("has no coordinates and '{text}' is not a valid postcode")
        return pattern.format(text=text)
    if index is None:
        pattern = translated(
            "has no coordinates; postcode {postcode} needs a postcode index (--postcode-index)"
        )
    else:
        pattern = translated(
            "has no coordinates and postcode {postcode} is not in the postcode index"
        )
    return pattern.format(postcode=normal)


def _not_a_place(kind: str) -> str:
    return translated("is a {kind}; an asset is a point or a site").format(kind=kind)


def default_xy_crs(x: pd.Series, y: pd.Series) -> CRS | None:
    from assetmap.core.io.fields import xy_look_like_bng, xy_look_like_lonlat

    if xy_look_like_lonlat(x, y):
        return WGS84
    if xy_look_like_bng(x, y):
        return BNG
    return None
