"""What one printed map shows, gathered once: layers, scene, legend, gap map and words.

The canvas's own ``SceneBuilder`` and ``legend_entries`` do the drawing decisions; they
read a ``PrintSource`` here (a ``core.session.SessionView``, as the GUI's session model
is): the project, a private copy of
the map layers (an export never changes what the window shows or saves) and only the
assets this export may carry (hidden categories, the table's filter and personal data
already applied by ``choose_assets``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QLocale

from assetmap import __version__
from assetmap.core import areas, categories
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.errors import BadInputError
from assetmap.core.export import analysis_source
from assetmap.core.export.characters import readable
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import MAP_COLUMNS, ChosenAssets, choose_assets
from assetmap.core.export.theme import choose_theme
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.core.taxonomy import Category
from assetmap.qt.area_polygons import area_polygons
from assetmap.qt.canvas.scene import Scene
from assetmap.qt.export.attribution import attribution_lines
from assetmap.qt.i18n import current_language, translate
from assetmap.qt.legend import LegendEntry, legend_entries
from assetmap.qt.map_scene import (
    SceneBuilder,
    ThematicPlan,
    ThematicSource,
    thematic_source,
)

_POINT_COLUMNS = ["uuid", "name", "category", "review", "pin_kind", "x", "y"]


class PrintSource:
    """What ``SceneBuilder`` and the legend read (a ``SessionView``), for one export: a
    snapshot, so its versions never move."""

    def __init__(self, project: Project, layers: MapLayers, points: pd.DataFrame) -> None:
        self.project = project
        self.layers = layers
        self._points = points
        self.points_version = 0
        self.areas_version = 0
        self._areas: dict[str, np.ndarray] = {}
        self._categories: list[Category] | None = None

    @property
    def is_open(self) -> bool:
        return self.project.conn is not None

    def points(self) -> pd.DataFrame:
        return self._points

    def categories(self) -> list[Category]:
        """The project's categories, their labels as a page shows them."""
        if self._categories is None:
            self._categories = [
                replace(c, label=readable(c.label), group=readable(c.group))
                for c in categories.all_categories(self.project)
            ]
        return self._categories

    def area_geometries(self, name: str) -> np.ndarray:
        if name not in self._areas:
            self._areas[name] = areas.frame(self.project, name).geometry.to_numpy()
        return self._areas[name]


@dataclass
class MapContent:
    """Everything a printed map page draws, made on whichever thread exports."""

    project_name: str
    options: ExportOptions
    layers: MapLayers
    source: PrintSource
    chosen: ChosenAssets
    scene: Scene
    legend: list[LegendEntry]
    plan: ThematicPlan | None
    result: AnalysisResult | None  # the run behind the gap map or coverage, if any
    extent: tuple[float, float, float, float]
    fit_margin: float
    title: str
    subtitle: str
    sources: list[str]
    made: str  # "Made with assetmap 1.0 on 3 March 2026 by …"
    notice: str  # what was left out (or put in) of this export
    crs_name: str
    author: str = ""  # who made it (the PDF's Author)

    @property
    def shows_analysis(self) -> bool:
        return self.result is not None

    def method_text(self) -> str:
        if self.result is None:
            return ""
        run = translate("Report", " (run {run}, {date})").format(
            run=self.result.run_id, date=_date_words(self.result.created_at)
        )
        method = readable(self.result.method)
        return method + run if self.result.run_id is not None else method


def gather(
    project: Project,
    options: ExportOptions,
    *,
    layers: MapLayers | None = None,
    extent: tuple[float, float, float, float] | None = None,
    result: AnalysisResult | None = None,
) -> MapContent:
    """Resolve the options against the project: which layers, assets, gap map and words."""
    layers = MapLayers.from_json((layers or MapLayers.load(project)).to_json())
    if result is None:
        result = analysis_source.resolve(project, options.analysis)
    if result is not None:
        _show_result(project, options, layers, result)
    if options.area_set is not None:
        name = areas.get_set(project, options.area_set).name
        if name not in layers.area_order:
            layers.area_order.append(name)
        if not layers.area_style(name).visible:
            layers.area_styles[name] = replace(layers.area_style(name), visible=True)
    if options.categories is None:
        keys = [c.key for c in categories.all_categories(project)]
        options = replace(options, categories=tuple(layers.visible_categories(keys)))
    chosen = choose_assets(project, options, columns=MAP_COLUMNS, for_map=True)

    source = PrintSource(project, layers, _points(chosen))
    # Coverage merged at once: an export waits for it rather than print without it.
    themes = thematic_source(source, in_background=False)
    if result is not None:
        themes.remember(result)  # read once: a national run is a third of a second
    scene = SceneBuilder(source).scene()
    legend = [replace(e, label=readable(e.label)) for e in legend_entries(source)]
    plan = _shown_plan(source, themes)
    shown_run = plan.style.run_id if plan is not None else None
    coverage = layers.coverage
    if shown_run is None and coverage is not None and themes.coverage_info(coverage) is not None:
        shown_run = coverage.run_id
    method_result = None
    if shown_run is not None:
        method_result = result if result is not None and result.run_id == shown_run else None
        method_result = method_result or themes.result(shown_run)
    fit_margin = 0.0 if extent is not None else 0.03
    return MapContent(
        project_name=project.name,
        options=options,
        layers=layers,
        source=source,
        chosen=chosen,
        scene=scene,
        legend=legend,
        plan=plan,
        result=method_result,
        extent=extent or _extent(source, options, plan, scene),
        fit_margin=fit_margin,
        title=readable((options.title or "").strip() or project.name),
        subtitle=_subtitle(options, plan),
        sources=[readable(s) for s in _sources(project, scene, layers)],
        made=_made(project, options),
        notice=readable(_notice(chosen, options)),
        crs_name=str(project.crs.name),
        author=author(project, options),
    )


# ---- the gap map -----------------------------------------------------------------------------
def _show_result(
    project: Project, options: ExportOptions, layers: MapLayers, result: AnalysisResult
) -> None:
    style = choose_theme(project, options, result, layers.thematic)
    layers.thematic = style
    if layers.coverage is not None and (
        layers.coverage.run_id != style.run_id or layers.coverage.category != style.category
    ):
        layers.coverage = None
    name = style.area_set
    if name not in layers.area_order:
        layers.area_order.append(name)
    if not layers.area_style(name).visible:
        layers.area_styles[name] = replace(layers.area_style(name), visible=True)


def _shown_plan(source: PrintSource, themes: ThematicSource) -> ThematicPlan | None:
    thematic = source.layers.thematic
    if thematic is None or thematic.area_set not in source.layers.visible_area_sets():
        return None
    plan = themes.plan(thematic)
    if plan is None or len(plan.classes) != len(area_polygons(source).get(thematic.area_set)):
        return None
    return plan


# ---- assets, extent and words ------------------------------------------------------------
def _points(chosen: ChosenAssets) -> pd.DataFrame:
    frame = chosen.frame
    geometry = frame.geometry.to_numpy()
    placed = ~(shapely.is_missing(geometry) | shapely.is_empty(geometry))
    rows = frame[placed]
    out = pd.DataFrame(
        {
            "uuid": rows["uuid"].to_numpy(),
            "name": rows["name"].to_numpy(),
            "category": rows["category"].to_numpy(),
            "review": rows["review"].to_numpy() if "review" in rows else "approved",
            "pin_kind": rows["pin_kind"].to_numpy() if "pin_kind" in rows else "asset",
            "x": shapely.get_x(geometry[placed]),
            "y": shapely.get_y(geometry[placed]),
        },
        columns=_POINT_COLUMNS,
    )
    return out[np.isfinite(out["x"].to_numpy(dtype=float))].reset_index(drop=True)


def _extent(
    source: PrintSource, options: ExportOptions, plan: ThematicPlan | None, scene: Scene
) -> tuple[float, float, float, float]:
    names = [options.area_set] if options.area_set else source.layers.visible_area_sets()
    boxes = []
    for name in names:
        polygons = area_polygons(source).get(name)
        if polygons.present.any():
            b = polygons.bounds[polygons.present]
            boxes.append((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))
    points = source.points()
    if not boxes and len(points):
        pad = 250.0
        x, y = points["x"], points["y"]
        boxes.append((x.min() - pad, y.min() - pad, x.max() + pad, y.max() + pad))
    streets = scene.basemap.geometry.bounds if scene.basemap is not None else None
    if not boxes and streets is not None:  # a map of the streets alone
        boxes.append(streets)
    if not boxes:
        raise BadInputError(
            "there is nothing to draw: the map shows no areas and no placed assets",
            hint="show an area set or some assets first",
        )
    arr = np.array(boxes, dtype=float)
    return (arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max())


def _sources(project: Project, scene: Scene, layers: MapLayers) -> list[str]:
    """What the map owes: the basemap's and the tiles' attribution (unless a source line of
    the project already says it), the standard licence lines, then the project's sources.
    Tiles are credited whenever they are shown, whether or not the cache held any."""
    owed = list(scene.attributions)
    if layers.basemap.tiles_visible:
        tiles = layers.basemap.tile_source_object()
        if tiles is not None and tiles.attribution and tiles.attribution not in owed:
            owed.append(tiles.attribution)
    lines = attribution_lines(project)
    return [a for a in owed if not any(a in line for line in lines)] + lines


def _subtitle(options: ExportOptions, plan: ThematicPlan | None) -> str:
    if options.subtitle is not None and options.subtitle.strip():
        return readable(options.subtitle.strip())
    if plan is None:
        return ""
    return readable(f"{plan.category_label}: {_lower_first(plan.caption)}")


def author(project: Project, options: ExportOptions) -> str:
    """Who made the map: the export's author, else the project's."""
    return readable((options.author or "").strip() or str(project.setting("author") or "").strip())


def _made(project: Project, options: ExportOptions) -> str:
    name = author(project, options)
    by = translate("Report", " by {name}").format(name=name) if name else ""
    when = _date_words(_dt.date.today().isoformat())
    return translate("Report", "Made with assetmap {version} on {date}{by}.").format(
        version=__version__, date=when, by=by
    )


def _notice(chosen: ChosenAssets, options: ExportOptions) -> str:
    notice = chosen.notice()
    if options.include_personal and "personal_data" in chosen.frame:
        n = int(chosen.frame["personal_data"].astype(bool).sum())
        if n:
            notice = f"{_personal_words(n)} {notice}".strip()
    return notice


def _personal_words(n: int) -> str:
    """The warning an export holding personal data carries (one asset or several)."""
    if n == 1:
        return translate(
            "Report",
            "Includes 1 asset holding personal data, by the choice of whoever made this "
            "export: share it with care.",
        )
    return translate(
        "Report",
        "Includes {n:,} assets holding personal data, by the choice of whoever made this "
        "export: share it with care.",
    ).format(n=n)


def _date_words(text: str) -> str:
    """ "2026-03-05..." -> "5 March 2026", the month in the app's language ("5 Mawrth 2026");
    any other text is kept as it is."""
    try:
        day = _dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return str(text)
    return f"{day.day} {QLocale(current_language()).monthName(day.month)} {day.year}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
