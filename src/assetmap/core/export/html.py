"""The interactive HTML map: one file that opens and shows everything with no network.

Built with folium (Leaflet): the area set as a choropleth of a gap analysis (or a light
fill) with tooltips, the assets as one switchable layer per category (clustered when there
are many) with popups, a title, a legend and the data's attributions. Leaflet and its two
plugins are inlined (html_web.py); online basemap tiles are added only when asked for and
the map shows everything without them.

Every user string (names, addresses, labels, titles, area names) is HTML-escaped before it
reaches the page, and reaches scripts only inside JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import folium
import numpy as np
from branca.element import Figure
from folium.template import Template

from assetmap import __version__
from assetmap.core import areas, output
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.date_words import date_words
from assetmap.core.export import html_areas, html_assets, html_web
from assetmap.core.export.html_areas import Theme, text
from assetmap.core.export.html_assets import CategoryLayer
from assetmap.core.export.html_packed import PackedGeoJson
from assetmap.core.export.html_symbols import safe_colour, symbol_svg
from assetmap.core.export.html_web import Raw
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import ChosenAssets
from assetmap.core.i18n import translated
from assetmap.core.layers import MapLayers
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.summary import attributions
from assetmap.core.symbols import LEGEND_SAMPLE, NEED_LABEL, PENDING_LABEL

if TYPE_CHECKING:
    import geopandas as gpd

CANVAS_ABOVE = 3_000  # areas; more than this and they are drawn on a canvas, not as SVG
OSM_ATTRIBUTION = (
    '© <a href="https://www.openstreetmap.org/copyright" target="_blank" '
    'rel="noopener noreferrer">OpenStreetMap</a> contributors'
)
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# Cluster badges say "61k", not "61269" spilling out of the circle.
CLUSTER_ICON = """function (cluster) {
  var n = cluster.getChildCount();
  var label = n < 1000 ? String(n) : (n < 10000 ? (n / 1000).toFixed(1) + 'k'
                                                : Math.round(n / 1000) + 'k');
  var size = n < 100 ? 'small' : (n < 1000 ? 'medium' : 'large');
  return L.divIcon({html: '<div><span>' + label + '</span></div>',
                    className: 'marker-cluster marker-cluster-' + size,
                    iconSize: L.point(40, 40)});
}"""
HIGHLIGHT = {"weight": 2.5, "color": "#1F2328", "opacity": 1.0}  # an area under the pointer
DEFAULT_VIEW = ([54.0, -2.5], 6)  # Great Britain, when there is nothing to fit the map to


@dataclass
class HtmlReport:
    path: Path
    size_bytes: int
    areas: dict[str, int] = field(default_factory=dict)  # area features drawn, per set
    markers: int = 0  # assets drawn
    unplaced: int = 0  # chosen assets with no place, so not on the map
    clustered: bool = False
    tolerance_m: float = 0.0  # how much the area outlines were simplified, at most


def write_html(
    project: Project,
    path: str | Path,
    options: ExportOptions,
    chosen: ChosenAssets,
    area_sets: list[str],
    result: AnalysisResult | None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    online_basemap: bool | None = None,
) -> HtmlReport:
    """Write the map to ``path`` (under a temporary name, renamed when complete).

    ``online_basemap`` adds OpenStreetMap tiles under the data (default: the options'
    ``online_basemap`` if they have one, else off); offline they simply do not appear.
    """
    path = output.check_target(path)
    if online_basemap is None:
        online_basemap = bool(getattr(options, "online_basemap", False))
    page, report = render_html(project, options, chosen, area_sets, result, progress,
                               cancelled, online_basemap=online_basemap)  # fmt: skip
    steps = Steps(progress)
    steps(0.95, translated("Writing {file}").format(file=path.name))
    data = page.encode("utf-8")
    output.write_bytes(path, data)
    report.path = path
    report.size_bytes = len(data)
    steps(
        1.0,
        translated("Wrote {file} ({size} MB)").format(
            file=path.name, size=f"{len(data) / 1e6:.1f}"
        ),
    )
    return report


def render_html(
    project: Project,
    options: ExportOptions,
    chosen: ChosenAssets,
    area_sets: list[str],
    result: AnalysisResult | None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    online_basemap: bool = False,
) -> tuple[str, HtmlReport]:
    """The page as text, and what it holds."""
    steps = Steps(progress)
    report = HtmlReport(Path(), 0)
    title = (options.title or project.name or translated("Community assets")).strip()
    fmap = html_web.OfflineMap(
        location=DEFAULT_VIEW[0],
        zoom_start=DEFAULT_VIEW[1],
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
    )
    fmap.options.update(max_zoom=19, min_zoom=2)
    figure = fmap.get_root()
    assert isinstance(figure, Figure)  # a map's root element is always its page
    figure.title = text(title)
    if online_basemap:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap",
                         max_zoom=19).add_to(fmap)  # fmt: skip

    # ---- areas
    main_set = result.params.area_set if result is not None else None
    main_set = main_set or (area_sets[0] if area_sets else None)
    sets = ([main_set] if main_set else []) + [s for s in area_sets if s != main_set]
    theme: Theme | None = None
    area_layers: list[folium.GeoJson] = []
    bounds: list[np.ndarray] = []
    styles = MapLayers.load(project)
    n_main = areas.count(project, main_set) if main_set else 0
    fmap.options["prefer_canvas"] = n_main > CANVAS_ABOVE
    report.tolerance_m = html_areas.simplify_tolerance(n_main)
    for i, name in enumerate(sets):
        check_cancelled(cancelled)
        steps(
            0.05 + 0.4 * i / max(len(sets), 1),
            translated("Drawing the areas of {name}").format(name=name),
        )
        frame = areas.frame(project, name)
        tolerance = html_areas.simplify_tolerance(len(frame))
        digits = html_areas.decimals(len(frame))
        geoms, box = html_areas.lonlat_shapes(frame, tolerance, digits)
        if i == 0:
            if result is not None:
                choice = html_areas.choose_theme(project, options, result)
                rows = html_areas.results_by_area(result, choice.category, frame["code"])
                theme = html_areas.build_theme(result, choice, rows)
            layer = _main_area_layer(project, name, frame, geoms, digits, theme, result, styles)
        else:
            layer = _outline_layer(name, geoms, digits, styles)
        layer.add_to(fmap)
        area_layers.append(layer)
        report.areas[name] = sum(g is not None for g in geoms)
        if box is not None:
            bounds.append(box)

    # ---- assets
    check_cancelled(cancelled)
    steps(0.5, translated("Placing the assets"))
    layers, report.unplaced = html_assets.category_layers(project, chosen.frame)
    report.markers = sum(len(layer.rows) for layer in layers)
    report.clustered = report.markers > html_assets.CLUSTER_ABOVE
    html_web.add_libraries(figure, report.clustered)
    figure.header.add_child(Raw(f"<style>{PAGE_CSS}</style>"), name="am_css")
    cluster = None
    if report.clustered:
        # folium's plugins have no annotations
        cluster = html_web.OfflineMarkerCluster(  # type: ignore[no-untyped-call]
            name="Assets",
            control=False,
            options={"chunkedLoading": True, "showCoverageOnHover": False,
                     "maxClusterRadius": 50, "spiderfyDistanceMultiplier": 1.5},
            icon_create_function=CLUSTER_ICON,
        ).add_to(fmap)  # fmt: skip
    groups = []
    for category in layers:
        name = _layer_label(category)
        group = (
            # folium's plugins have no annotations
            html_web.OfflineSubGroup(cluster, name=name)  # type: ignore[no-untyped-call]
            if cluster is not None
            else folium.FeatureGroup(name=name)
        )
        group.add_to(fmap)
        groups.append(group)
        # every row starts with the marker's latitude and longitude
        lat = cast("list[float]", [r[0] for r in category.rows])
        lon = cast("list[float]", [r[1] for r in category.rows])
        bounds.append(np.array([min(lon), min(lat), max(lon), max(lat)]))

    check_cancelled(cancelled)
    steps(0.6, translated("Legend and notes"))
    overlays = len(area_layers) + len(groups)
    folium.LayerControl(position="topright", collapsed=overlays > 8).add_to(fmap)
    if bounds:
        box = np.vstack(bounds)
        fmap.fit_bounds([[float(box[:, 1].min()), float(box[:, 0].min())],
                         [float(box[:, 3].max()), float(box[:, 2].max())]],
                        padding=(12, 12))  # fmt: skip
    figure.html.add_child(Raw(_title_html(title, options)), name="am_title")
    legend = _legend_html(theme, main_set, styles, layers)
    figure.html.add_child(Raw(legend), name="am_legend")
    about = _about_html(project, chosen, result if theme is not None else None, report)
    figure.html.add_child(Raw(about), name="am_about")
    script = html_assets.page_script(
        fmap.get_name(),
        layers,
        [g.get_name() for g in groups],
        cluster.get_name() if cluster is not None else None,
        [layer.get_name() for layer in area_layers],
        sets,
    )
    _Script(script).add_to(fmap)

    check_cancelled(cancelled)
    steps(0.7, translated("Writing the page"))
    page = figure.render()
    remote = html_web.remote_resources(page)
    if remote:  # a folium change brought a CDN link back: never ship a map that needs one
        raise RuntimeError(f"the HTML map would load remote files: {remote[:3]}")
    return page, report


class _Script(html_web.VerbatimParts):
    """Script text added verbatim (built from escaped JSON and folium's variable names)."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca's elements have no annotations
        self._name = "AssetmapPage"
        self.code = code


# ---- layers -----------------------------------------------------------------------------------
def _features(geoms: np.ndarray, columns: list[list[str]]) -> list[dict[str, Any]]:
    """Ids and tooltip values of the areas with a shape (folium styles and checks these;
    the shapes themselves go into the page packed: html_packed)."""
    return [
        {
            "type": "Feature",
            "id": i,
            "properties": {f"f{j}": column[i] for j, column in enumerate(columns)},
            "geometry": None,
        }
        for i, geom in enumerate(geoms)
        if geom is not None
    ]


def _main_area_layer(
    project: Project,
    name: str,
    frame: gpd.GeoDataFrame,
    geoms: np.ndarray,
    digits: int,
    theme: Theme | None,
    result: AnalysisResult | None,
    styles: MapLayers,
) -> folium.GeoJson:
    style = styles.area_style(name)
    aliases, columns = html_areas.tooltip_fields(project, result, theme, frame)
    features = _features(geoms, columns)
    if theme is not None:
        fills = theme.colours
        opacity = html_areas.CHOROPLETH_OPACITY
    else:
        fills = [style.fill or html_areas.PLAIN_FILL] * len(frame)
        opacity = 0.6 * style.opacity if style.fill else 0.0
    outline = safe_colour(style.outline, html_areas.OUTLINE)
    # Thousands of outlines at national scale would hide the colours: hairlines there.
    many = len(frame) > CANVAS_ABOVE
    weight = 0.3 if many else max(0.5, float(style.outline_width))
    line_opacity = 0.5 if many else 0.9
    # One dict per colour, shared by its areas: the layer encodes each distinct look once.
    by_colour = {
        colour: {"fillColor": safe_colour(colour, html_areas.PLAIN_FILL), "fillOpacity": opacity,
                 "color": outline, "weight": weight, "opacity": line_opacity}
        for colour in set(fills)
    }  # fmt: skip
    looks = [by_colour[colour] for colour in fills]
    data = {"type": "FeatureCollection", "features": features}
    layer = PackedGeoJson(
        data,
        geoms[geoms != None],  # noqa: E711 (elementwise: the areas with a shape)
        digits,
        name=_set_label(name, theme),
        style_function=lambda f: looks[f["id"]],
        highlight_function=lambda f: HIGHLIGHT,
        smooth_factor=1.0,
    )
    if features:
        folium.GeoJsonTooltip(
            fields=[f"f{j}" for j in range(len(columns))],
            aliases=aliases,
            sticky=True,
            class_name="am-tooltip",
        ).add_to(layer)
    return layer


def _outline_layer(name: str, geoms: np.ndarray, digits: int, styles: MapLayers) -> folium.GeoJson:
    style = styles.area_style(name)
    colour = safe_colour(style.outline, "#57606A")
    look = {"fill": False, "color": colour, "weight": max(1.0, float(style.outline_width)),
            "opacity": 0.9}  # fmt: skip
    data = {"type": "FeatureCollection", "features": _features(geoms, [])}
    return PackedGeoJson(
        data,
        geoms[geoms != None],  # noqa: E711 (elementwise: the areas with a shape)
        digits,
        name=f'<span class="am-layer">{text(name)}</span>',
        style_function=lambda f: look,
        interactive=False,
        smooth_factor=1.0,
    )


def _set_label(name: str, theme: Theme | None) -> str:
    named = text(name)
    if theme is not None:
        named = translated("{name} (gap map)").format(name=named)
    return f'<span class="am-layer">{named}</span>'


def _layer_label(layer: CategoryLayer) -> str:
    return (
        f'<span class="am-layer" data-category="{text(layer.key)}">'
        f'<span class="am-symbol">{layer.legend_icon()}</span>{text(layer.label)} '
        f'<span class="am-count">({len(layer.rows):,})</span></span>'
    )


# ---- title, legend, notes ---------------------------------------------------------------------
def _today() -> str:
    return date_words(dt.date.today().isoformat())


def _title_html(title: str, options: ExportOptions) -> str:
    parts = [f'<div id="am-title" class="am-title"><h1>{text(title)}</h1>']
    if options.subtitle and options.subtitle.strip():
        parts.append(f'<p class="am-subtitle">{text(options.subtitle)}</p>')
    byline = _today() + (f" · {text(options.author)}" if options.author else "")
    parts.append(f'<p class="am-byline">{byline}</p></div>')
    return "".join(parts)


def _legend_html(
    theme: Theme | None, main_set: str | None, styles: MapLayers, layers: list[CategoryLayer]
) -> str:
    out = ['<div id="am-legend" class="am-legend" hidden><details open><summary>'
           + translated("Legend") + "</summary>"]  # fmt: skip
    if theme is not None:
        out.append(f'<div class="am-legend-block"><div class="am-legend-title">'
                   f"{text(theme.title)}</div>")  # fmt: skip
        if theme.grid:
            out.append(_bivariate_grid(theme))
        for cls in theme.classes:
            out.append(_swatch_row(cls.colour, text(cls.label), cls.count))
        out.append("</div>")
    elif main_set is not None:
        fill = safe_colour(styles.area_style(main_set).fill, html_areas.PLAIN_FILL)
        out.append('<div class="am-legend-block">'
                   + _swatch_row(fill, text(main_set), None) + "</div>")  # fmt: skip
    if layers:
        out.append('<div class="am-legend-block"><div class="am-legend-title">'
                   + translated("Assets") + "</div>")  # fmt: skip
        for layer in layers:
            out.append(
                f'<div class="am-legend-row" data-category="{text(layer.key)}">'
                f'<span class="am-symbol">{layer.legend_icon()}</span>'
                f'<span class="am-legend-label">{text(layer.label)}</span>'
                f'<span class="am-count">{len(layer.rows):,}</span></div>'
            )
        out.append("</div>")
    out.append(_need_legend(layers))
    out.append(_pending_legend(layers))
    out.append("</details></div>")
    return "".join(out)


def _need_legend(layers: list[CategoryLayer]) -> str:
    """The need pin's symbol, when any pin on the map is a need ("" otherwise)."""
    needs = sum(len(layer.needs) for layer in layers)
    icon = symbol_svg("circle", LEGEND_SAMPLE, 12, need=True)
    return _mark_legend(
        translated("Workshop pins"), "am-legend-need", icon, translated(NEED_LABEL), needs
    )


def _pending_legend(layers: list[CategoryLayer]) -> str:
    """The dashed ring, when any asset on the map is awaiting review ("" otherwise)."""
    waiting = sum(len(layer.pending) for layer in layers)
    icon = symbol_svg("circle", LEGEND_SAMPLE, 12, pending=True)
    return _mark_legend(
        translated("Review"), "am-legend-pending", icon, translated(PENDING_LABEL), waiting
    )


def _mark_legend(title: str, css: str, icon: str, label: str, count: int) -> str:
    if not count:
        return ""
    return (
        f'<div class="am-legend-block"><div class="am-legend-title">{title}</div>'
        f'<div class="am-legend-row {css}"><span class="am-symbol">{icon}</span>'
        f'<span class="am-legend-label">{label}</span>'
        f'<span class="am-count">{count:,}</span></div></div>'
    )


def _swatch_row(colour: str, label: str, count: int | None) -> str:
    counted = f'<span class="am-count">{count:,}</span>' if count is not None else ""
    return (
        f'<div class="am-legend-row"><span class="am-swatch" style="background:{colour}"></span>'
        f'<span class="am-legend-label">{label}</span>{counted}</div>'
    )


def _bivariate_grid(theme: Theme) -> str:
    cells = []
    areas_pattern = translated("{n:,} areas")
    for row in theme.grid:
        cells.append(
            "<tr>"
            + "".join(
                f'<td style="background:{c.colour};color:{_ink(c.colour)}" '
                f'title="{areas_pattern.format(n=c.count)}">'
                f'<span class="am-cell-count">{c.count:,}</span></td>'
                for c in row
            )
            + "</tr>"
        )
    return (
        '<div class="am-bivariate"><div class="am-axis-y">'
        f"{text(theme.need_axis)} →</div><table>{''.join(cells)}</table>"
        f'<div class="am-axis-x">{text(theme.provision_axis)} →</div></div>'
    )


def _ink(colour: str) -> str:
    """Dark text on light colours, white on dark ones."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#1F2328" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#FFFFFF"


def _about_html(
    project: Project, chosen: ChosenAssets, result: AnalysisResult | None, report: HtmlReport
) -> str:
    out = ['<div id="am-about" class="am-about" hidden><details><summary>'
           + translated("About this map") + "</summary>"]  # fmt: skip
    notes = []
    if chosen.notice():
        notes.append(text(chosen.notice()))
    if report.unplaced:
        n = report.unplaced
        unplaced = (
            translated("{n:,} asset with no place yet is not on the map.")
            if n == 1
            else translated("{n:,} assets with no place yet are not on the map.")
        )
        notes.append(unplaced.format(n=n))
    if notes:
        out.append('<p class="am-notice">' + " ".join(notes) + "</p>")
    if result is not None:
        made = text(result.created_at[:10])
        run = (
            translated("Gap analysis run {run}, made {date}.").format(run=result.run_id, date=made)
            if result.run_id is not None
            else translated("Gap analysis made {date}.").format(date=made)
        )
        out.append(
            "<h2>" + translated("How the figures were made") + "</h2>"
            f'<p class="am-method">{text(result.method)}</p><p class="am-run">{run}</p>'
        )
    sources = attributions(project)
    if sources:
        out.append("<h2>" + translated("Data sources") + "</h2><ul>"
                   + "".join(f"<li>{text(s)}</li>" for s in sources) + "</ul>")  # fmt: skip
    used = html_web.LIBRARIES if report.clustered else html_web.LIBRARIES[:1]
    libraries = ", ".join(f"{lib.name} {lib.version}" for lib in used)
    made = translated("Made with assetmap {version} on {date}; map drawn with {libraries}.")
    words = made.format(version=text(__version__), date=_today(), libraries=libraries)
    out.append(f'<p class="am-made">{words}</p></details></div>')
    return "".join(out)


PAGE_CSS = """
html, body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.leaflet-container { background: #F6F8FA; font-family: inherit; }
.am-title { position: absolute; z-index: 1000; top: 10px; left: 50%; transform: translateX(-50%);
  max-width: min(60vw, 720px); background: rgba(255,255,255,0.94); padding: 6px 14px;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,0.25); text-align: center;
  pointer-events: none; color: #1F2328; }
.am-title h1 { font-size: 1.15rem; margin: 0; line-height: 1.3; }
.am-title p { margin: 2px 0 0; font-size: 0.85rem; color: #57606A; }
.am-control { background: rgba(255,255,255,0.96); padding: 6px 10px; color: #1F2328;
  font-size: 0.8rem; line-height: 1.35; }
.am-control summary { cursor: pointer; font-weight: 600; }
.am-legend details[open] { max-height: 55vh; overflow-y: auto; min-width: 180px; max-width: 300px; }
.am-about details[open] { max-height: 45vh; overflow-y: auto; max-width: min(420px, 80vw); }
.am-about h2 { font-size: 0.85rem; margin: 8px 0 2px; }
.am-about p, .am-about ul { margin: 2px 0 4px; }
.am-about ul { padding-left: 16px; }
.am-notice { color: #1F2328; }
.am-legend-block { margin-top: 6px; }
.am-legend-title { font-weight: 600; margin-bottom: 2px; }
.am-legend-row { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.am-legend-label { flex: 1; white-space: normal; }
.am-count { color: #57606A; font-variant-numeric: tabular-nums; }
.am-swatch { display: inline-block; width: 18px; height: 12px; border: 1px solid #8C959F; }
.am-symbol { display: inline-flex; width: 16px; justify-content: center; vertical-align: middle; }
.am-layer .am-symbol { margin-right: 3px; }
.am-bivariate { display: grid; grid-template-columns: auto auto; align-items: center; gap: 2px 4px;
  margin: 4px 0; }
.am-bivariate table { border-collapse: collapse; }
.am-bivariate td { width: 30px; height: 22px; text-align: center; border: 1px solid #fff;
  font-size: 0.7rem; color: #1F2328; }
.am-axis-y { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 0.75rem; }
.am-axis-x { grid-column: 2; font-size: 0.75rem; }
.am-marker { background: none; border: none; }
.am-marker svg { display: block; }
.am-popup-name { font-weight: 600; font-size: 0.95rem; margin-bottom: 4px; }
.am-popup-review { color: #B3261E; font-weight: 600; margin-bottom: 4px; }
.am-legend-pending .am-symbol { width: 26px; }
.am-popup table { border-collapse: collapse; }
.am-popup th { text-align: left; padding: 1px 8px 1px 0; color: #57606A; font-weight: normal;
  vertical-align: top; }
.am-popup td { padding: 1px 0; overflow-wrap: anywhere; }
.am-tooltip th { color: #57606A; font-weight: normal; }
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large {
  background-color: rgba(31, 35, 40, 0.22); }
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div {
  background-color: rgba(255, 255, 255, 0.95); border: 2px solid #1F2328; color: #1F2328;
  font-weight: 600; }
.marker-cluster div { width: 26px; height: 26px; margin-left: 7px; margin-top: 7px; }
.marker-cluster span { line-height: 22px; }
"""
