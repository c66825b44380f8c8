"""Gap maps' data: which class each area of a set falls in for a kept analysis run
(``ThematicPlan``, which the legend reads too), and the merged circles of a coverage layer,
merged in a worker when there are many. One source per session, shared by the map, the
legend and the print exports.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QObject, Signal

from assetmap.core import areas
from assetmap.core.analysis import classify, runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.measures import coverage_geometry
from assetmap.core.analysis.wording import gap_caption, need_heading, need_label
from assetmap.core.errors import AssetmapError
from assetmap.core.i18n import translated
from assetmap.core.layers import CoverageStyle, MapLayers, ThematicStyle
from assetmap.core.session import SessionView
from assetmap.qt.canvas.polygons import PolygonSet
from assetmap.qt.i18n import translate
from assetmap.qt.workers import Task, run_once

log = logging.getLogger(__name__)

COVERAGE_IN_GUI_THREAD = 1000  # more assets than this: the circles are merged in a worker
PLANS_KEPT = 8
SCENARIOS_KEPT = 2
# Tile caches are keyed by a classes version; every distinct colouring gets its own.
_versions = itertools.count(1)


@dataclass(frozen=True)
class ThematicPlan:
    """What a thematic style draws: a class per area (in ``areas.frame`` order, -1 = no
    data), the colour of each class, and the words the legend puts beside them."""

    style: ThematicStyle
    classes: np.ndarray
    colours: list[str]
    labels: list[str]
    category_label: str
    caption: str
    version: int
    hatch_version: int

    @property
    def has_no_data(self) -> bool:
        return bool((self.classes < 0).any())


@dataclass(frozen=True)
class CoverageInfo:
    """What the coverage layer shows, for the legend (the geometry may still be coming)."""

    style: CoverageStyle
    label: str
    distance_m: float


class ThematicSource(QObject):
    """Per-session caches of runs, plans and coverage circles, shared by map and legend.

    ``in_background``: big coverage is merged in a worker and the map draws without it
    until ``coverageReady``; an export merges it at once, as it waits rather than print
    a map without it."""

    coverageReady = Signal()

    def __init__(self, session: SessionView, *, in_background: bool = True) -> None:
        super().__init__()
        # Weakly: the one source per session is kept in a WeakKeyDictionary keyed by the
        # session, and a value holding its key would keep every closed project in memory.
        self._session = weakref.ref(session)
        self.in_background = in_background
        self._results: dict[int, AnalysisResult | None] = {}
        self._scenarios: dict[int, AnalysisResult] = {}
        self._codes: dict[str, np.ndarray] = {}
        self._plans: dict[ThematicStyle, ThematicPlan | None] = {}
        self._areas_version = session.areas_version
        self._coverage: dict[tuple, PolygonSet] = {}
        self._pending: dict[tuple, Task] = {}

    @property
    def session(self) -> SessionView:
        session = self._session()
        assert session is not None, "a thematic source outlived its session"
        return session

    def _follow_areas(self) -> None:
        """Plans and codes belong to the area sets as they were: forget them when a set
        changes."""
        if self.session.areas_version != self._areas_version:
            self._areas_version = self.session.areas_version
            self._codes.clear()
            self._plans.clear()

    # ---- runs ------------------------------------------------------------------------
    def result(self, run_id: int) -> AnalysisResult | None:
        """A kept run (runs never change, so each is read once)."""
        if run_id not in self._results:
            try:
                self._results[run_id] = runs.load(self.session.project, run_id)
            except AssetmapError:
                self._results[run_id] = None
        return self._results[run_id]

    def remember(self, result: AnalysisResult) -> None:
        """A run the panel has just read: no need to read it again."""
        if result.run_id is not None:
            self._results[result.run_id] = result

    def remember_scenario(self, number: int, result: AnalysisResult) -> None:
        """A what-if's result, drawn for styles naming ``number`` (never kept; see
        ThematicStyle.scenario)."""
        self._scenarios[number] = result
        while len(self._scenarios) > SCENARIOS_KEPT:  # a national result is tens of MB
            self._scenarios.pop(next(iter(self._scenarios)))
        for key in [k for k in self._coverage if k[-1] and k[-1] not in self._scenarios]:
            del self._coverage[key]  # a what-if's circles, no longer drawn

    def area_codes(self, name: str) -> np.ndarray:
        self._follow_areas()
        if name not in self._codes:
            codes = areas.frame(self.session.project, name)["code"].astype(str)
            self._codes[name] = codes.to_numpy()
        return self._codes[name]

    # ---- thematic plans --------------------------------------------------------------------
    def plan(self, style: ThematicStyle | None) -> ThematicPlan | None:
        if style is None:
            return None
        self._follow_areas()
        if style not in self._plans:
            if len(self._plans) >= PLANS_KEPT:
                self._plans.pop(next(iter(self._plans)))
            self._plans[style] = self._make_plan(style)
        return self._plans[style]

    def _make_plan(self, style: ThematicStyle) -> ThematicPlan | None:
        if style.mode == "indicator":
            return self._indicator_plan(style)
        result = self._scenarios.get(style.scenario) or self.result(style.run_id)
        if result is None or result.params.area_set != style.area_set:
            return None
        rows = result.for_category(style.category)
        if not len(rows):
            return None
        try:
            codes = self.area_codes(style.area_set)
        except AssetmapError:
            return None
        position = pd.Index(rows["area_code"].astype(str)).get_indexer(pd.Index(codes))
        need = need_label(self.session.project, result)
        classes, colours, labels, caption = _colouring(result, rows, position, style, need)
        return ThematicPlan(
            style=style,
            classes=classes,
            colours=colours,
            labels=labels,
            category_label=str(rows["category_label"].iloc[0]),
            caption=caption,
            version=next(_versions),
            hatch_version=next(_versions),
        )

    def _indicator_plan(self, style: ThematicStyle) -> ThematicPlan | None:
        """An indicator drawn on its own, classed as gap maps are, titled by its label."""
        project = self.session.project
        try:
            found = {i.column: i for i in areas.indicators(project, style.area_set)}
            frame = areas.frame(project, style.area_set)
        except AssetmapError:
            return None
        indicator = found.get(style.indicator)
        if indicator is None or style.indicator not in frame:
            return None
        values = pd.to_numeric(frame[style.indicator], errors="coerce").to_numpy(dtype=float)
        breaks = classify.classify(values, style.scheme, style.k)
        return ThematicPlan(
            style=style,
            classes=breaks.classes,
            colours=classify.palette(style.palette, breaks.k, style.reversed),
            labels=list(breaks.labels),
            category_label=indicator.label,
            caption=translate("Thematic", "{scheme}, by area of “{areas}”").format(
                scheme=classify.SCHEMES[style.scheme], areas=style.area_set
            ),
            version=next(_versions),
            hatch_version=next(_versions),
        )

    # ---- coverage ----------------------------------------------------------------------------
    def _coverage_result(self, style: CoverageStyle, scenario: int) -> AnalysisResult | None:
        """The what-if's result (its proposals counted) when one is known, else the run."""
        return self._scenarios.get(scenario) or self.result(style.run_id)

    def coverage_info(self, style: CoverageStyle | None, scenario: int = 0) -> CoverageInfo | None:
        """``scenario``: the what-if drawn over the same run (``coverage_scenario``)."""
        if style is None:
            return None
        result = self._coverage_result(style, scenario)
        if result is None:
            return None
        rows = result.for_category(style.category)
        if not len(rows):
            return None
        d = result.params.distance_m
        name = str(rows["category_label"].iloc[0])
        words = (
            translate("Thematic", "Within {distance} m of {category} or a proposed one")
            if scenario in self._scenarios
            else translate("Thematic", "Within {distance} m of {category}")
        )
        label = words.format(distance=f"{d:,.0f}", category=_lower_first(name))
        return CoverageInfo(style, label, d)

    def coverage(self, style: CoverageStyle | None, scenario: int = 0) -> PolygonSet | None:
        """The merged circles, or None while a worker is still merging them; with a
        what-if's ``scenario``, its proposals' circles too."""
        if style is None:
            return None
        result = self._coverage_result(style, scenario)
        if result is None:
            return None
        scenario = scenario if scenario in self._scenarios else 0
        key = (style.run_id, style.category, self.session.points_version, scenario)
        if key in self._coverage:
            return self._coverage[key]
        x, y = result.counted_points(style.category)
        distance = result.params.distance_m
        if not self.in_background or len(x) <= COVERAGE_IN_GUI_THREAD:
            self._coverage[key] = _circles(x, y, distance)
            return self._coverage[key]
        if key not in self._pending:
            self._merge_in_background(key, x, y, distance)
        return None

    def _merge_in_background(self, key: tuple, x: np.ndarray, y: np.ndarray, d: float) -> None:
        self._pending[key] = run_once(
            self,
            lambda _progress, _cancelled: _circles(x, y, d),
            lambda polygons: self._coverage_done(key, polygons),
            lambda exc, text: self._coverage_failed(key, text),
        )

    def _coverage_done(self, key: tuple, polygons: PolygonSet) -> None:
        self._pending.pop(key, None)
        session = self._session()
        if session is None or not session.is_open:  # closed while the worker merged
            return
        self._coverage[key] = polygons
        self.coverageReady.emit()

    def _coverage_failed(self, key: tuple, details: str) -> None:
        self._pending.pop(key, None)
        log.error("coverage circles failed: %s", details)

    def coverage_pending(self) -> bool:
        return bool(self._pending)


def coverage_scenario(layers: MapLayers) -> int:
    """The what-if whose proposals the coverage wash includes: the one the gap map draws,
    when it is drawn over the coverage's own run (0: none, today's assets only)."""
    thematic, coverage = layers.thematic, layers.coverage
    if thematic is None or coverage is None or thematic.run_id != coverage.run_id:
        return 0
    return thematic.scenario


def thematic_source(session: SessionView, *, in_background: bool = True) -> ThematicSource:
    """The session's one ThematicSource (made on first use; ``in_background`` applies
    then: an export asks for its own snapshot's source before building its scene)."""
    source = _SOURCES.get(session)
    if source is None:
        source = _SOURCES[session] = ThematicSource(session, in_background=in_background)
    return source


_SOURCES: weakref.WeakKeyDictionary[SessionView, ThematicSource] = weakref.WeakKeyDictionary()


def _colouring(
    result: AnalysisResult,
    rows: pd.DataFrame,
    position: np.ndarray,
    style: ThematicStyle,
    need_label: str | None = None,
) -> tuple[np.ndarray, list[str], list[str], str]:
    """Classes per area (areas missing from the run get -1), colours, labels and caption
    (naming the need indicator by its label, as the analysis panel does)."""
    found = position >= 0

    def column(name: str, missing: float) -> np.ndarray:
        values = rows[name].to_numpy(dtype=float)
        return np.where(found, values[np.where(found, position, 0)], missing)

    d = f"{result.params.distance_m:,.0f} m"
    if style.mode == "bivariate":
        classes = classify.bivariate_classes(
            column("need_tercile", 0).astype(int), column("provision_tercile", 0).astype(int)
        )
        provision = (
            translate("Thematic", "assets per 1,000 people")
            if result.params.provision == "per_1000"
            else translate("Thematic", "area within {distance} of an asset").format(distance=d)
        )
        labels = [translate("Thematic", "class {n}").format(n=i + 1) for i in range(9)]
        caption = translate("Thematic", "{need} against {provision}").format(
            need=need_heading(result, need_label), provision=provision
        )
        return classes, list(classify.BIVARIATE), labels, caption
    if style.mode == "gaps":
        gap = column("gap", np.nan)
        classes = np.where(np.isnan(gap), -1, np.where(gap > 0, 1, 0)).astype(np.int64)
        ramp = classify.palette(style.palette, 5)  # gaps always the darker: no reversing
        caption = gap_caption(result.params)
        return (
            classes,
            [ramp[0], ramp[-1]],
            [translate("Thematic", "No gap"), translate("Thematic", "Gap")],
            caption,
        )
    measure = classify.MEASURES[style.measure]
    values = column(measure.column, np.nan) * measure.scale
    breaks = classify.classify(
        values, style.scheme, style.k, unit=measure.unit, whole=measure.whole
    )
    colours = classify.palette(style.palette, breaks.k, style.reversed)
    return breaks.classes, colours, list(breaks.labels), translated(measure.label).format(d=d)


def _circles(x: np.ndarray, y: np.ndarray, distance: float) -> PolygonSet:
    merged = coverage_geometry(
        np.asarray(shapely.points(x, y)) if len(x) else np.array([]), distance
    )
    return PolygonSet(shapely.get_parts(merged))


def _lower_first(text: str) -> str:
    """ "Mental health" reads as "mental health" mid-sentence; "GP practices" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
