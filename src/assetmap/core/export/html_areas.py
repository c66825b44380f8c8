"""Areas for the HTML map: simplified, in longitude/latitude, coloured by a gap analysis.

Geometry is simplified as a coverage (shared edges stay shared, so no slivers open between
neighbours), reprojected to EPSG:4326 and written with 5 decimals (about a metre). Every
string a feature carries is HTML-escaped here, because folium's tooltips put them into the
page as HTML.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from assetmap.core.analysis import classify, wording
from assetmap.core.analysis.engine import ALL_CHOSEN_LABEL, AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.core.export import theme
from assetmap.core.export.characters import readable
from assetmap.core.export.options import ExportOptions
from assetmap.core.i18n import translatable, translated
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project

DECIMALS = 5  # about 1 m of latitude
PLAIN_FILL = "#EEF1F4"
OUTLINE = "#8C959F"
CHOROPLETH_OPACITY = 0.75
GAP_PALETTE = "YlOrRd"  # gaps dark red, the rest pale yellow (as on the app's map)
NO_FIGURE = "–"


def simplify_tolerance(n_areas: int) -> float:
    """Metres: detail nobody sees at the map's scale, fewer points for the browser to draw."""
    if n_areas <= 1_000:
        return 2.0
    if n_areas <= 10_000:
        return 10.0
    return 25.0


def decimals(n_areas: int) -> int:
    """Decimals of a degree kept: about 1 m, or about 10 m for a national set, whose
    outlines are already simplified by 25 m (a third off the page's size)."""
    return DECIMALS if n_areas <= 10_000 else DECIMALS - 1


def lonlat_shapes(
    frame: gpd.GeoDataFrame, tolerance: float, digits: int = DECIMALS
) -> tuple[np.ndarray, np.ndarray | None]:
    """The areas simplified in the project's metres, then in EPSG:4326 rounded to ``digits``
    (None where an area has no shape), and their bounds (west, south, east, north; None
    when there are none)."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    simple = geoms.copy()
    if present.any() and tolerance > 0 and worth_simplifying(geoms[present], tolerance):
        try:
            simple[present] = shapely.coverage_simplify(geoms[present], tolerance)
        except shapely.errors.GEOSException:  # not a clean coverage: one area at a time
            simple[present] = shapely.simplify(geoms[present], tolerance, preserve_topology=True)
    lonlat = np.full(len(geoms), None, dtype=object)
    to_lonlat = Transformer.from_crs(frame.crs, 4326, always_xy=True)

    def rounded_lonlat(xy: np.ndarray) -> np.ndarray:
        lon, lat = to_lonlat.transform(xy[:, 0], xy[:, 1])
        return np.round(np.column_stack([lon, lat]), digits)

    lonlat[present] = shapely.transform(simple[present], rounded_lonlat)
    bounds = shapely.total_bounds(lonlat[present]) if present.any() else None
    return lonlat, bounds


SIMPLIFY_SAMPLE = 500  # areas looked at to judge whether simplifying is worth its time
SIMPLIFY_GAIN = 0.1  # the share of points it must remove from them


def worth_simplifying(geoms: np.ndarray, tolerance: float) -> bool:
    """Whether simplifying at ``tolerance`` would remove a tenth of the points, judged on a
    sample of the areas one at a time. Published generalised boundaries (the national
    LSOAs) are already that coarse: simplifying them as a coverage took two seconds of a
    national map and removed 2 % of the points."""
    sample = geoms[:: max(1, len(geoms) // SIMPLIFY_SAMPLE)]
    before = int(shapely.get_num_coordinates(sample).sum())
    after = int(shapely.get_num_coordinates(shapely.simplify(sample, tolerance)).sum())
    return after < (1 - SIMPLIFY_GAIN) * before


# Characters a user's text keeps only as character references. Braces: branca compiles the
# output of every folium element as a Jinja template once more, so "{{ ... }}" would run.
# "(" and "@": text then never reads as CSS's url(...) or @import, wherever it lands.
# Line and paragraph separators: they end a line inside a script's strings in old browsers.
_REFERENCES = str.maketrans(
    {"{": "&#123;", "}": "&#125;", "(": "&#40;", "@": "&#64;",
     "\u2028": "&#8232;", "\u2029": "&#8233;"}
)  # fmt: skip


# What text() changes: markup, the references above, controls, surrogates, edge spaces.
_NEEDS_ESCAPING = re.compile(r"[&<>\"'{}(@\u2028\u2029\x00-\x1f\x7f\ud800-\udfff]|^\s|\s$")


def text(value: object) -> str:
    """A user's value as escaped HTML text ("" for a blank), with control characters shown
    as their symbols (core.export.characters)."""
    if isinstance(value, str) and value and not _NEEDS_ESCAPING.search(value):
        return value  # most names and codes: a national map has 70,000 of them
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    escaped = html.escape(readable(str(value).strip()), quote=True)
    return escaped.translate(_REFERENCES)


def numbers(values: Iterable[object], step: float = 1.0, unit: str = "") -> list[str]:
    """number() of each value, each distinct value formatted once."""
    done: dict[object, str] = {}
    out = []
    for v in values:
        shown = done.get(v)
        if shown is None:
            shown = done[v] = number(v, step, unit)
        out.append(shown)
    return out


def number(value: object, step: float = 1.0, unit: str = "") -> str:
    try:
        v = float(value)  # type: ignore[arg-type]  # any value: what float() refuses is caught
    except (TypeError, ValueError):
        return NO_FIGURE
    if math.isnan(v):
        return NO_FIGURE
    return classify.format_number(v, step) + unit


# ---- what the choropleth shows ---------------------------------------------------------------
@dataclass
class LegendClass:
    colour: str
    label: str
    count: int


@dataclass
class Theme:
    """A run's figures for one category, as colours per area and a legend."""

    category: str
    category_label: str
    mode: str  # measure, gap or bivariate
    title: str  # the legend's heading, plain text
    colours: list[str]
    classes: list[LegendClass] = field(default_factory=list)
    grid: list[list[LegendClass]] = field(default_factory=list)  # bivariate: need rows, top first
    need_axis: str = ""
    provision_axis: str = ""


@dataclass(frozen=True)
class ThemeChoice:
    category: str
    measure: str
    scheme: str = "quantiles"
    k: int = 5
    palette: str | None = None
    reverse: bool | None = None  # None: the measure's default, its worst areas darkest


def choose_theme(project: Project, options: ExportOptions, result: AnalysisResult) -> ThemeChoice:
    """The gap map the printed map would show (core.export.theme), in this module's terms."""
    style = theme.choose_theme(project, options, result, MapLayers.load(project).thematic)
    measure = theme.measure_of(style)
    if measure in ("gap", "bivariate"):
        return ThemeChoice(style.category, measure)
    return ThemeChoice(
        style.category, measure, style.scheme, style.k, style.palette, style.reversed
    )


def _category_label(result: AnalysisResult, key: str) -> str:
    rows = result.table.loc[result.table["category"] == key, "category_label"]
    if len(rows):
        return str(rows.iloc[0])
    return translated(ALL_CHOSEN_LABEL) if key == ALL_CHOSEN else key


def results_by_area(result: AnalysisResult, category: str, codes: pd.Series) -> pd.DataFrame:
    """The run's rows for one category in the order of the area frame (blank when missing)."""
    rows = result.for_category(category).drop_duplicates("area_code").set_index("area_code")
    return rows.reindex(codes.astype(str).to_numpy()).reset_index(drop=True)


def build_theme(result: AnalysisResult, choice: ThemeChoice, rows: pd.DataFrame) -> Theme:
    label = _category_label(result, choice.category)
    d = f"{result.params.distance_m:g} m"
    if choice.measure == "bivariate":
        return _bivariate_theme(result, choice, rows, label, d)
    if choice.measure == "gap":
        ramp = classify.palette(choice.palette or GAP_PALETTE, 5)  # gaps always the darker
        no_gap_colour, gap_colour = ramp[0], ramp[-1]
        gap = rows["gap"].astype("boolean")
        colours = [
            classify.NO_DATA_COLOUR if pd.isna(g) else (gap_colour if g else no_gap_colour)
            for g in gap
        ]
        classes = [
            LegendClass(gap_colour, translated("Gap"), int((gap == True).sum())),  # noqa: E712
            LegendClass(no_gap_colour, translated("No gap"), int((gap == False).sum())),  # noqa: E712
        ]
        missing = int(gap.isna().sum())
        if missing:
            classes.append(
                LegendClass(classify.NO_DATA_COLOUR, translated(classify.NO_DATA_LABEL), missing)
            )
        title = translated("{label}: gap = {definition}").format(
            label=label, definition=wording.gap_definition(result.params)
        )
        return Theme(choice.category, label, "gap", title, colours, classes)
    measure = classify.MEASURES[choice.measure]
    values = pd.to_numeric(rows[measure.column], errors="coerce").to_numpy(dtype=float)
    values = values * measure.scale
    breaks = classify.classify(values, choice.scheme, choice.k, unit=translated(measure.unit),
                               whole=measure.whole)  # fmt: skip
    # Light to dark as the values rise, by default flipped where low values are the bad ones
    # (coverage, provision) so the worst areas are the darkest, as on the app's map.
    reverse = choice.reverse
    if reverse is None:
        reverse = bool(getattr(measure, "low_is_bad", False))
    ramp = classify.palette(choice.palette or measure.palette, max(breaks.k, 1), reverse)
    colours = [classify.NO_DATA_COLOUR if c < 0 else ramp[c] for c in breaks.classes]
    classes = [
        LegendClass(ramp[i], text_label, breaks.counts[i])
        for i, text_label in enumerate(breaks.labels)
    ]
    if breaks.no_data:
        no_data = translated(classify.NO_DATA_LABEL)
        classes.append(LegendClass(classify.NO_DATA_COLOUR, no_data, breaks.no_data))
    title = translated("{label}: {measure}").format(
        label=label, measure=_lower_first(translated(measure.label), d)
    )
    return Theme(choice.category, label, "measure", title, colours, classes)


def _lower_first(label: str, d: str) -> str:
    label = label.replace("{d}", d)
    return label[:1].lower() + label[1:]


def _bivariate_theme(
    result: AnalysisResult, choice: ThemeChoice, rows: pd.DataFrame, label: str, d: str
) -> Theme:
    need = rows["need_tercile"].fillna(0).astype(int).to_numpy()
    provision = rows["provision_tercile"].fillna(0).astype(int).to_numpy()
    index = classify.bivariate_classes(need, provision)
    colours = [classify.NO_DATA_COLOUR if i < 0 else classify.BIVARIATE[i] for i in index]
    grid = []
    for n in (3, 2, 1):  # the top row is the most need
        row = []
        for p in (3, 2, 1):  # left to right: less and less provision
            i = classify.bivariate_index(n, p)
            row.append(LegendClass(classify.BIVARIATE[i], "", int((index == i).sum())))
        grid.append(row)
    provision_name = (
        translated("assets per 1,000 people")
        if result.params.provision == "per_1000"
        else translated("coverage at {distance}").format(distance=d)
    )
    missing = int((index < 0).sum())
    no_data = translated(classify.NO_DATA_LABEL)
    classes = [LegendClass(classify.NO_DATA_COLOUR, no_data, missing)] if missing else []
    return Theme(
        choice.category,
        label,
        "bivariate",
        translated("{label}: need against provision").format(label=label),
        colours,
        classes,
        grid,
        need_axis=translated("More need"),
        provision_axis=translated("Less provision ({provision})").format(provision=provision_name),
    )


# ---- tooltips ---------------------------------------------------------------------------------
def tooltip_fields(
    project: Project, result: AnalysisResult | None, theme: Theme | None, frame: gpd.GeoDataFrame
) -> tuple[list[str], list[list[str]]]:
    """Aliases (escaped) and per-area values (escaped) for the area tooltips."""
    aliases = [translated("Area"), translated("Code")]
    columns = [
        [text(v) or NO_FIGURE for v in frame["name"]],
        [text(v) or NO_FIGURE for v in frame["code"]],
    ]
    if result is None or theme is None:
        return aliases, columns
    rows = results_by_area(result, theme.category, frame["code"])
    d = f"{result.params.distance_m:g} m"
    label = text(theme.category_label)
    assets_of = translated("Assets ({category})").format(category=label)
    figures: list[tuple[str, list[str]]] = [(assets_of, numbers(rows["assets"]))]
    if result.params.population_field is not None:
        figures += [
            (translated("Population"), numbers(rows["population"])),
            (translated("Assets per 1,000 people"), numbers(rows["per_1000"], 0.01)),
        ]
    figures += [
        (translated("Assets per km²"), numbers(rows["density_km2"], 0.01)),
        (translated("Nearest asset"), numbers(rows["nearest_m"], 1, " m")),
        (
            translated("Area within {distance}").format(distance=d),
            numbers(pd.to_numeric(rows["coverage"], errors="coerce") * 100, 0.1, " %"),
        ),
        (translated("Gap"), [NO_FIGURE if pd.isna(g) else _yes_no(g) for g in rows["gap"]]),
    ]
    if result.params.need_field is not None:
        need = text(wording.need_label(project, result) or "")
        figures += [
            (wording.need_heading(result, need), numbers(rows["need"], 0.001)),
            (translated("Need and provision"), [_thirds(n, p) for n, p in zip(rows["need_tercile"],
                                                               rows["provision_tercile"],
                                                               strict=True)]),
            (translated("Priority (1 = first)"), [NO_FIGURE if not v or v != v else f"{int(v):,}"
                                      for v in rows["priority"]]),
        ]  # fmt: skip
    notes = [text(v) for v in rows["note"]]
    if any(notes):
        figures.append((translated("Note"), [n or NO_FIGURE for n in notes]))
    for alias, values in figures:
        aliases.append(alias)
        columns.append(values)
    return aliases, columns


def _yes_no(gap: object) -> str:
    return translated("yes") if gap else translated("no")


_THIRDS = {1: translatable("lowest"), 2: translatable("middle"), 3: translatable("highest")}


def _thirds(need: object, provision: object) -> str:
    try:
        n, p = int(need), int(provision)  # type: ignore[call-overload]  # refusals are caught
    except (TypeError, ValueError):
        return NO_FIGURE
    if n not in _THIRDS or p not in _THIRDS:
        return NO_FIGURE
    return translated("{need} third of need, {provision} of provision").format(
        need=translated(_THIRDS[n]), provision=translated(_THIRDS[p])
    )
