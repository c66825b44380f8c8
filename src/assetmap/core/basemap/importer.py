"""Importing an OpenStreetMap extract as the project's offline basemap.

Like the other importers: ``prepare_basemap`` reads, classifies, reprojects and clips without
touching the project; ``ImportBasemap`` (core.basemap.command) writes it in one transaction,
replacing any basemap the project had, and is undoable. ``import_basemap`` does both.

The extract is clipped to the bounds of all the project's area sets plus a margin (2 km by
default), in the project CRS; the same box in lon/lat is GDAL's spatial filter, so a
national extract is parsed once per layer but only the neighbourhood is kept. A project with
no area sets gets the whole extract (said in the report).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from assetmap.core import areas
from assetmap.core.basemap import classify, gazetteer, osm, store
from assetmap.core.commands.base import CommandStack
from assetmap.core.errors import BadInputError
from assetmap.core.geometry import as_multipolygons
from assetmap.core.i18n import translated
from assetmap.core.io.report import ImportReport
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

DEFAULT_MARGIN_M = 2000.0
MISSING_MEMBERS_NOTE = (
    "multipolygon relations with members missing from the extract (usual where an area "
    "crosses the extract's edge) are left out by GDAL's OSM driver, not half-drawn"
)


@dataclass
class BasemapOptions:
    margin_m: float = DEFAULT_MARGIN_M
    buildings: bool = False


@dataclass
class BasemapReport(ImportReport):
    """An ImportReport whose ``imported`` is the number of features, with counts per layer."""

    layers: dict[str, int] = field(default_factory=dict)
    streets: int = 0
    extract_date: str | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        date = f" (data of {self.extract_date[:10]})" if self.extract_date else ""
        return f"{self.file}{date}: basemap of {self.imported:,} features" + (
            f", {len(self.repaired)} repaired" if self.repaired else ""
        )

    def lines(self, limit: int | None = 50) -> list[str]:
        out = [self.summary()]
        for table, count in self.layers.items():
            out.append(f"  {table.removeprefix('basemap_'):<10} {count:>9,}")
        out.append(f"  {'streets':<10} {self.streets:>9,} (named streets the Find box knows)")
        out += [f"  note: {n}" for n in self.notes]
        return out

    def as_dict(self) -> dict[str, object]:
        data = super().as_dict()
        data.update(layers=dict(self.layers), streets=self.streets, extract_date=self.extract_date)
        return data


@dataclass
class PreparedBasemap:
    frames: dict[str, pd.DataFrame]  # table -> attribute columns (store.LAYERS order)
    geometries: dict[str, np.ndarray]  # table -> geometries in the project CRS
    streets: pd.DataFrame
    record: dict[str, object]
    report: BasemapReport

    @property
    def counts(self) -> dict[str, int]:
        return {table: len(frame) for table, frame in self.frames.items()}


def import_basemap(
    project: Project,
    path: str | Path,
    options: BasemapOptions | None = None,
    *,
    stack: CommandStack | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> BasemapReport:
    """Prepare and commit in one call (CLI, GUI worker, scripts); undoable through ``stack``."""
    from assetmap.core.basemap.command import ImportBasemap

    started = time.perf_counter()
    steps = Steps(progress)
    prepared = prepare_basemap(
        project, path, options or BasemapOptions(), progress=steps.sub(0, 0.85), cancelled=cancelled
    )
    check_cancelled(cancelled)
    steps(0.88, translated("Writing the basemap to the project"))
    (stack or CommandStack(project)).push(ImportBasemap(prepared), project=project)
    prepared.report.committed = True
    prepared.report.seconds = time.perf_counter() - started
    steps(1.0, translated("Done"))
    return prepared.report


def prepare_basemap(
    project: Project,
    path: str | Path,
    options: BasemapOptions,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> PreparedBasemap:
    steps = Steps(progress)
    if not np.isfinite(options.margin_m) or options.margin_m < 0:
        raise BadInputError(
            translated("the margin must be a distance in metres, 0 or more (not {margin})").format(
                margin=options.margin_m
            ),
            field="--margin",
        )
    path = Path(path)
    steps(0.0, translated("Opening {file}").format(file=path.name))
    extract = osm.inspect_extract(path)
    report = BasemapReport(file=path.name, kind="basemap", extract_date=extract.extract_date)
    box, bbox_lonlat = _region(project, options, extract, report)
    check_cancelled(cancelled)

    with osm.osm_config() as base:
        open_options = osm.open_options(extract, base)

        def read(layer: str, where: str, start: float, end: float) -> pd.DataFrame:
            sub = steps.sub(start, end)
            sub(0.0, f"Reading {layer} from {path.name}")
            return osm.read_layer(
                path,
                layer,
                open_options,
                where=where,
                bbox=bbox_lonlat,
                progress=sub,
                cancelled=cancelled,
            )

        points = read("points", classify.PLACE_WHERE, 0.0, 0.2)
        lines = read("lines", classify.LINE_WHERE, 0.2, 0.5)
        area_where = classify.AREA_WHERE
        if options.buildings:
            area_where += " OR " + classify.BUILDING_WHERE
        polygons = read("multipolygons", area_where, 0.5, 0.8)

    broken = sum(int(f.attrs.get("broken", 0)) for f in (points, lines, polygons))
    if broken:
        report.notes.append(
            f"{broken} features were left out: their nodes are missing from the extract, so "
            "GDAL could not build their shape"
        )
    steps(0.82, translated("Sorting features into layers"))
    water = classify.water(polygons)
    classified = {
        "basemap_roads": classify.roads(lines),
        "basemap_railways": classify.railways(lines),
        "basemap_waterways": classify.waterways(lines),
        "basemap_water": water,
        "basemap_green": classify.green(polygons, set(water["osm_id"].dropna())),
        "basemap_buildings": (
            classify.buildings(polygons) if options.buildings else classify.buildings(polygons[:0])
        ),
        "basemap_places": classify.places(points, polygons),
    }
    if not any(len(frame) for frame in classified.values()):
        _nothing_in_region(path, extract, bbox_lonlat)
    check_cancelled(cancelled)

    steps(0.88, translated("Reprojecting and clipping"))
    to_project = Transformer.from_crs(4326, project.crs, always_xy=True)
    frames: dict[str, pd.DataFrame] = {}
    geometries: dict[str, np.ndarray] = {}
    repaired = 0
    for spec in store.LAYERS:
        frame = classified[spec.table]
        geoms = _reproject(frame["geometry"].to_numpy(dtype=object), to_project)
        if spec.geometry_type == "MULTILINESTRING":
            geoms = _clip_lines(geoms, box)
        elif spec.geometry_type == "MULTIPOLYGON":
            geoms, fixed = _clip_polygons(geoms, box)
            repaired += fixed
        else:
            geoms = _clip_points(geoms, box)
        keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        frames[spec.table] = frame.drop(columns="geometry")[keep].reset_index(drop=True)
        geometries[spec.table] = geoms[keep]
        check_cancelled(cancelled)
    if repaired:
        report.notes.append(f"{repaired} invalid OSM polygons were repaired (make_valid)")

    steps(0.95, translated("Indexing street names"))
    streets = gazetteer.build_streets(
        frames["basemap_roads"],
        geometries["basemap_roads"],
        frames["basemap_places"],
        geometries["basemap_places"],
    )
    report.layers = {table: len(frame) for table, frame in frames.items()}
    report.streets = len(streets)
    report.imported = sum(report.layers.values())
    if not options.buildings:
        report.notes.append("buildings were not asked for (--buildings adds them)")
    report.notes.append(MISSING_MEMBERS_NOTE)
    record = {
        "source_file": path.name,
        "source_size": extract.size,
        "extract_date": extract.extract_date,
        "bounds": [float(v) for v in box] if box is not None else None,
        "bounds_lonlat": [round(float(v), 7) for v in bbox_lonlat] if bbox_lonlat else None,
        "margin_m": float(options.margin_m) if box is not None else None,
        "buildings": options.buildings,
        "layers": report.layers,
        "streets": len(streets),
    }
    steps(1.0, translated("Ready to import"))
    return PreparedBasemap(frames, geometries, streets, record, report)


# ---- where ----------------------------------------------------------------------------------
def _region(
    project: Project, options: BasemapOptions, extract: osm.ExtractInfo, report: BasemapReport
) -> tuple[tuple[float, float, float, float] | None, tuple[float, float, float, float] | None]:
    """The clip box in the project CRS and GDAL's filter box in lon/lat (None, None: all)."""
    polygons = areas.all_polygons(project)
    if not len(polygons):
        report.notes.append(
            "the project has no area sets, so the whole extract was imported (import the "
            "neighbourhoods first to clip the basemap to them)"
        )
        return None, None
    minx, miny, maxx, maxy = shapely.total_bounds(polygons)
    m = float(options.margin_m)
    box = (minx - m, miny - m, maxx + m, maxy + m)
    to_lonlat = Transformer.from_crs(project.crs, 4326, always_xy=True)
    west, south, east, north = to_lonlat.transform_bounds(*box, densify_pts=21)
    lonlat = (float(west), float(south), float(east), float(north))
    if extract.bounds is not None:
        covered = _overlap_share(extract.bounds, lonlat)
        areas_lonlat = to_lonlat.transform_bounds(minx, miny, maxx, maxy, densify_pts=21)
        areas_covered = _overlap_share(extract.bounds, areas_lonlat)
        if covered == 0:
            pattern = translated(
                "does not cover the project: the extract spans {extract} but the project's "
                "areas with a {margin} m margin span {areas}"
            )
            raise BadInputError(
                pattern.format(
                    extract=_describe(extract.bounds), margin=f"{m:,.0f}", areas=_describe(lonlat)
                ),
                file=extract.path,
                hint=translated("use an extract of the project's region"),
            )
        if areas_covered < 0.95:  # a margin reaching past the extract is usual, not news
            note = translated(
                "the extract covers only about {share} of the project's areas (extract "
                "{extract}; areas {areas}); the basemap is blank beyond it"
            )
            report.notes.append(
                note.format(
                    share=f"{areas_covered:.0%}",
                    extract=_describe(extract.bounds),
                    areas=_describe(areas_lonlat),
                )
            )
    return box, lonlat


def _overlap_share(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Share of box b's area that box a covers."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    area = (b[2] - b[0]) * (b[3] - b[1])
    return float(width * height / area) if area > 0 else 1.0


def _describe(bounds: tuple[float, ...]) -> str:
    w, s, e, n = bounds
    return translated("lon {west} to {east}, lat {south} to {north}").format(
        west=f"{w:.4f}", east=f"{e:.4f}", south=f"{s:.4f}", north=f"{n:.4f}"
    )


def _nothing_in_region(
    path: Path, extract: osm.ExtractInfo, bbox_lonlat: tuple[float, ...] | None
) -> None:
    if bbox_lonlat is None:
        raise BadInputError(
            translated("has no roads, railways, water, green spaces or places to draw"), file=path
        )
    spans = extract.bounds or osm.data_bounds(path)
    where = (
        translated("the extract spans {bounds}").format(bounds=_describe(spans))
        if spans
        else translated("the extract has no features")
    )
    pattern = translated(
        "does not cover the project: {where} but the project's areas with the margin span "
        "{areas}, where it has no roads, water, green spaces or places"
    )
    raise BadInputError(
        pattern.format(where=where, areas=_describe(bbox_lonlat)),
        file=path,
        hint=translated("use an extract of the project's region"),
    )


# ---- geometry -------------------------------------------------------------------------------
def _reproject(geoms: np.ndarray, transformer: Transformer) -> np.ndarray:
    if not len(geoms):
        return np.array([], dtype=object)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(*xy.T)))


def _inside(geoms: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    b = shapely.bounds(geoms)
    return (b[:, 0] >= box[0]) & (b[:, 1] >= box[1]) & (b[:, 2] <= box[2]) & (b[:, 3] <= box[3])


def _clip_lines(geoms: np.ndarray, box: tuple[float, float, float, float] | None) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object)
    if box is not None and len(geoms):
        crossing = np.flatnonzero(~_inside(geoms, box))
        if len(crossing):
            geoms = geoms.copy()
            geoms[crossing] = [_line_part(g) for g in shapely.clip_by_rect(geoms[crossing], *box)]
    return store.multilines(geoms)


def _line_part(geometry: BaseGeometry) -> BaseGeometry | None:
    """clip_by_rect can leave points where a line touches the box: keep the lines."""
    if geometry is None or geometry.is_empty:
        return None
    if geometry.geom_type in ("LineString", "MultiLineString"):
        return geometry
    lines = [g for g in shapely.get_parts(geometry) if g.geom_type == "LineString"]
    return shapely.multilinestrings(lines) if lines else None


def _clip_polygons(
    geoms: np.ndarray, box: tuple[float, float, float, float] | None
) -> tuple[np.ndarray, int]:
    geoms = np.asarray(geoms, dtype=object).copy()
    if not len(geoms):
        return geoms, 0
    invalid = np.flatnonzero(~shapely.is_valid(geoms))
    for i in invalid:
        geoms[i] = _polygonal(shapely.make_valid(geoms[i]))
    if box is not None:
        present = ~shapely.is_missing(geoms)
        crossing = np.flatnonzero(present & ~_inside_or_missing(geoms, box))
        if len(crossing):
            clipper = shapely.box(*box)
            clipped = shapely.intersection(geoms[crossing], clipper)
            geoms[crossing] = [_polygonal(g) for g in clipped]
    present = np.flatnonzero(~shapely.is_missing(geoms))
    geoms[present] = as_multipolygons(geoms[present])
    return geoms, len(invalid)


def _inside_or_missing(geoms: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    out = np.ones(len(geoms), dtype=bool)
    present = np.flatnonzero(~shapely.is_missing(geoms))
    if len(present):
        out[present] = _inside(geoms[present], box)
    return out


def _polygonal(geometry: BaseGeometry | None) -> BaseGeometry | None:
    if geometry is None or geometry.is_empty:
        return None
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if not merged.is_empty else None


def _clip_points(geoms: np.ndarray, box: tuple[float, float, float, float] | None) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object).copy()
    if box is not None and len(geoms):
        outside = ~_inside(geoms, box)
        geoms[outside] = None
    return geoms


__all__ = [
    "BasemapOptions",
    "BasemapReport",
    "DEFAULT_MARGIN_M",
    "PreparedBasemap",
    "import_basemap",
    "prepare_basemap",
]
