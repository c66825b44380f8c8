"""What the map shows and how: Qt-free layer models the canvas adapts to.

The napari pattern: the model (this module) holds visibility, order and
style and emits ``changed``; the Qt canvas keeps a renderer per layer type
and redraws when told. Styles are stored in the project's settings so a
project opens looking as it was left; they are view settings, not data, so
changing them is not an undoable edit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from assetmap.core import areas
from assetmap.core.events import EventEmitter
from assetmap.core.project import Project

SETTINGS_KEY = "map_layers"

# Light fills and thin grey outlines so assets stand out (BRIEF section 10).
AREA_FILLS = ("#EEF1F4", "#F4F1EA", "#EAF2EE", "#F3ECF2")
# Sets with more areas than this (LSOAs: codes like "Trafford 025E") start unlabelled.
LABELLED_SET_MAX_AREAS = 60


@dataclass(frozen=True)
class AreaStyle:
    visible: bool = True
    opacity: float = 1.0
    fill: str = "#EEF1F4"  # "" draws no fill (outlines only)

    outline: str = "#8C959F"
    outline_width: float = 0.6
    labels: bool = True
    # Over a basemap the fill is see-through, so streets and places show under the areas.
    fill_over_basemap: float = 0.35


@dataclass(frozen=True)
class CategoryStyle:
    visible: bool = True
    size: float = 9.0  # symbol size in pixels at 100 % zoom of the screen


THEMATIC_MODES = ("measure", "bivariate", "gaps", "indicator")


@dataclass(frozen=True)
class ThematicStyle:
    """One area set coloured by the results of a gap-analysis run (a choropleth).

    It names the run rather than holding figures, so the map can always say how they were
    made; ``mode`` is a measure's classes, need against provision (3×3), or gap yes/no.
    Mode "indicator" colours the set by one of its joined indicators (``indicator``, a
    column of the set) instead, with no run behind it (``run_id`` 0).
    """

    area_set: str
    run_id: int
    category: str  # a category key, or "*" for any of the run's categories
    mode: str = "measure"
    measure: str = "coverage"  # a key of core.analysis.classify.MEASURES
    scheme: str = "quantiles"
    k: int = 5
    palette: str = "YlGnBu"
    reversed: bool = False
    indicator: str = ""  # the indicator column, in mode "indicator"
    # A what-if shown over the run (Find gaps ▸ What if…): its result is held in memory only,
    # under this number; where it is not known (a reopened project, an export) the map
    # shows the run itself. 0: none.
    scenario: int = 0

    def __post_init__(self) -> None:
        if self.mode not in THEMATIC_MODES:
            raise ValueError(f"mode must be one of {', '.join(THEMATIC_MODES)}")


@dataclass(frozen=True)
class CoverageStyle:
    """The ground within a run's distance of its assets, washed over the areas.

    A pale wash with a dark edge: covered ground fades, so the gaps keep their full colour
    whatever palette the areas are drawn in.
    """

    run_id: int
    category: str
    colour: str = "#FFFFFF"
    opacity: float = 0.55
    outline: str = "#08519C"


# Tile sources a project can name (see core.tiles.source): a preset key, "custom" (the
# template and attribution are in the style), or "file" (one of the added MBTiles files).
TILE_PRESET = "osm"


@dataclass(frozen=True)
class BasemapStyle:
    """The basemap under the data: the project's own vector basemap (an imported OSM
    extract) and raster tiles, each shown or not, and where the tiles come from."""

    visible: bool = True  # the vector basemap, when the project has one
    labels: bool = True  # its place, street and water names
    tiles_visible: bool = False
    tile_source: str = TILE_PRESET  # a preset key, "custom" or "file"
    tile_opacity: float = 1.0
    custom_name: str = ""
    custom_url: str = ""
    custom_attribution: str = ""
    custom_max_zoom: int = 19
    custom_bulk_download: bool = False
    tile_file: str = ""  # the MBTiles file shown when tile_source == "file"
    files: tuple[str, ...] = ()  # MBTiles files the user added (read-only)

    def tile_source_object(self) -> Any:
        """The ``core.tiles.TileSource`` named (None: a custom or file source that cannot be
        used, e.g. a file that is gone; the caller says so rather than failing)."""
        from assetmap.core.tiles import source as tiles

        if self.tile_source in ("custom", "file"):
            return tiles.from_json(self.tile_source_json())
        return tiles.PRESETS.get(self.tile_source, tiles.OPENSTREETMAP)

    def tile_source_json(self) -> dict[str, Any] | None:
        """What core.tiles.source.from_json reads (None: the preset named)."""
        if self.tile_source == "custom" and self.custom_url:
            return {
                "name": self.custom_name,
                "url_template": self.custom_url,
                "attribution": self.custom_attribution,
                "max_zoom": self.custom_max_zoom,
                "bulk_download_allowed": self.custom_bulk_download,
            }
        if self.tile_source == "file" and self.tile_file:
            return {"mbtiles_path": self.tile_file}
        return None


@dataclass
class MapLayers:
    """The layer list of one project: area sets (bottom, in order) and the asset categories."""

    area_styles: dict[str, AreaStyle] = field(default_factory=dict)
    area_order: list[str] = field(default_factory=list)  # bottom first
    category_styles: dict[str, CategoryStyle] = field(default_factory=dict)
    assets_visible: bool = True
    asset_opacity: float = 1.0
    asset_labels: bool = True
    thematic: ThematicStyle | None = None
    coverage: CoverageStyle | None = None
    basemap: BasemapStyle = field(default_factory=BasemapStyle)
    changed: EventEmitter = field(default_factory=lambda: EventEmitter("layers_changed"))

    # ---- queries -----------------------------------------------------------------
    def area_style(self, name: str) -> AreaStyle:
        return self.area_styles.get(name, AreaStyle())

    def category_style(self, key: str) -> CategoryStyle:
        return self.category_styles.get(key, CategoryStyle())

    def visible_categories(self, keys: list[str]) -> list[str]:
        if not self.assets_visible:
            return []
        return [k for k in keys if self.category_style(k).visible]

    def visible_area_sets(self) -> list[str]:
        return [n for n in self.area_order if self.area_style(n).visible]

    # ---- changes -----------------------------------------------------------------
    def set_area_style(self, name: str, **changes: Any) -> None:
        self.area_styles[name] = replace(self.area_style(name), **changes)
        self.changed.emit(layer=f"areas:{name}")

    def set_category_style(self, key: str, **changes: Any) -> None:
        self.category_styles[key] = replace(self.category_style(key), **changes)
        self.changed.emit(layer=f"category:{key}")

    def set_symbol_size(self, keys: list[str], size: float) -> None:
        """One change for many categories (the asset style dialog sets them all at once)."""
        for key in keys:
            self.category_styles[key] = replace(self.category_style(key), size=size)
        self.changed.emit(layer="assets")

    def set_categories_visible(self, keys: list[str], visible: bool) -> None:

        for key in keys:
            self.category_styles[key] = replace(self.category_style(key), visible=visible)
        self.changed.emit(layer="assets")

    def set_assets(self, **changes: Any) -> None:
        for name, value in changes.items():
            if name not in ("assets_visible", "asset_opacity", "asset_labels"):
                raise ValueError(name)
            setattr(self, name, value)
        self.changed.emit(layer="assets")

    def set_thematic(self, style: ThematicStyle | None) -> None:
        """Colour an area set by a run's results (None: back to its plain fill)."""
        if style == self.thematic:
            return
        self.thematic = style
        self.changed.emit(layer="thematic")

    def set_coverage(self, style: CoverageStyle | None) -> None:
        if style == self.coverage:
            return
        self.coverage = style
        self.changed.emit(layer="coverage")

    def set_basemap(self, **changes: Any) -> None:
        """Show or hide the basemap or the tiles, or change where tiles come from."""
        if "files" in changes:
            changes["files"] = tuple(dict.fromkeys(str(f) for f in changes["files"]))
        style = replace(self.basemap, **changes)
        if style == self.basemap:
            return
        self.basemap = style
        self.changed.emit(layer="basemap")

    def move_area_set(self, name: str, position: int) -> None:
        """Change drawing order; position counts from the bottom."""
        self.area_order.remove(name)
        self.area_order.insert(max(0, min(position, len(self.area_order))), name)
        self.changed.emit(layer="order")

    def sync(self, project: Project) -> None:
        """Follow the project's area sets and categories after imports and merges."""
        sets = areas.list_sets(project)
        names = [i.name for i in sets]
        self.area_order = [n for n in self.area_order if n in names]
        counts = {
            i.name: areas.count(project, i.name) for i in sets if i.name not in self.area_styles
        }
        # New sets go finest (most areas) at the bottom; only the bottom one is filled,
        # coarser ones are drawn as outlines on top, and only sets of readable size get labels.
        for name in sorted(counts, key=lambda n: -counts[n]):
            filled = not any(self.area_style(n).fill for n in self.area_order)
            self.area_order.append(name)
            self.area_styles[name] = AreaStyle(
                fill=AREA_FILLS[0] if filled else "",
                outline="#8C959F" if filled else "#57606A",
                outline_width=0.6 if filled else 1.4,
                labels=counts[name] <= LABELLED_SET_MAX_AREAS,
            )
        if self.thematic is not None and self.thematic.area_set not in names:
            self.thematic = None
        # Styles of categories that are gone (merged away) are kept: undoing the merge
        # brings the category back looking as it did.
        self.changed.emit(layer="all")

    # ---- persistence -------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "area_styles": {k: asdict(v) for k, v in self.area_styles.items()},
            "area_order": list(self.area_order),
            "category_styles": {k: asdict(v) for k, v in self.category_styles.items()},
            "assets_visible": self.assets_visible,
            "asset_opacity": self.asset_opacity,
            "asset_labels": self.asset_labels,
            # a what-if shown over the run is for this session only
            "thematic": asdict(replace(self.thematic, scenario=0)) if self.thematic else None,
            "coverage": asdict(self.coverage) if self.coverage else None,
            "basemap": {**asdict(self.basemap), "files": list(self.basemap.files)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> MapLayers:
        data = data or {}
        layers = cls()
        layers.area_styles = {
            k: AreaStyle(**_known(AreaStyle, v)) for k, v in data.get("area_styles", {}).items()
        }
        layers.area_order = list(data.get("area_order", []))
        layers.category_styles = {
            k: CategoryStyle(**_known(CategoryStyle, v))
            for k, v in data.get("category_styles", {}).items()
        }
        layers.assets_visible = bool(data.get("assets_visible", True))
        layers.asset_opacity = float(data.get("asset_opacity", 1.0))
        layers.asset_labels = bool(data.get("asset_labels", True))
        layers.thematic = _optional(ThematicStyle, data.get("thematic"))
        layers.coverage = _optional(CoverageStyle, data.get("coverage"))
        basemap = data.get("basemap")
        if isinstance(basemap, dict) and isinstance(basemap.get("files"), list):
            basemap = {**basemap, "files": tuple(str(f) for f in basemap["files"])}
        layers.basemap = _optional(BasemapStyle, basemap) or BasemapStyle()
        return layers

    @classmethod
    def load(cls, project: Project) -> MapLayers:
        layers = cls.from_json(project.setting(SETTINGS_KEY))
        layers.sync(project)
        return layers

    def save(self, project: Project) -> None:
        project.set_setting(SETTINGS_KEY, self.to_json())


def _optional(kind: type, values: object) -> Any:
    """A saved style, or None when there is none or it cannot be read (it is only a view)."""
    if not isinstance(values, dict):
        return None
    try:
        return kind(**_known(kind, values))
    except (TypeError, ValueError):
        return None


def _known(kind: type[Any], values: dict[str, Any]) -> dict[str, Any]:
    """Ignore style keys a newer version wrote, so its projects still open."""
    names = set(kind.__dataclass_fields__)
    return {k: v for k, v in values.items() if k in names}
