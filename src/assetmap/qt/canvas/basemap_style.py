"""How the offline basemap looks: the colour, width and casing of each road, railway and
waterway class, the fills of water, green space and buildings, the scales at which each
layer and label appears, and the place-name styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

LAND = "#F4F3EF"  # the ground under the basemap: white roads read on it
ATTRIBUTION = "© OpenStreetMap contributors"
PRINT_LINE_SCALE = 0.8  # pixel widths look heavier on paper


@dataclass(frozen=True)
class LineStyle:
    """One class of line. Far out it is a thin ``colour`` line ``width`` px wide; at or below
    ``cased_below`` m/px a ``fill`` inside a ``casing``, as wide as ``metres`` on the ground
    but never under ``min_px`` nor over ``max_px``. Drawn when the scale is <= ``max_scale``."""

    colour: str
    width: float
    max_scale: float
    fill: str = ""
    casing: str = ""
    cased_below: float = 0.0
    metres: float = 0.0
    min_px: float = 0.0
    max_px: float = 24.0
    dash: tuple[float, ...] = ()

    def cased(self, scale: float) -> bool:
        return bool(self.fill) and scale <= self.cased_below

    def fill_px(self, scale: float) -> float:
        return min(max(self.metres / scale, self.min_px), self.max_px)

    def casing_px(self, scale: float) -> float:
        fill = self.fill_px(scale)
        return fill + min(max(fill * 0.25, 1.4), 3.0)


ROADS: dict[str, LineStyle] = {
    "motorway": LineStyle("#CDB98F", 1.7, 5000, "#F2DFB4", "#BFA677", 12.0, 22, 3.2),
    "trunk": LineStyle("#D2C29F", 1.5, 1200, "#F5E7C6", "#C5B08A", 12.0, 20, 3.0),
    "primary": LineStyle("#BFC4CA", 1.3, 400, "#FFFFFF", "#B3B9C0", 12.0, 17, 2.8),
    "secondary": LineStyle("#C6CBD0", 1.1, 150, "#FFFFFF", "#B9BFC6", 10.0, 15, 2.4),
    "tertiary": LineStyle("#CDD1D5", 1.0, 45, "#FFFFFF", "#BFC5CB", 7.0, 13, 2.0),
    "minor": LineStyle("#D4D7DB", 0.8, 12, "#FFFFFF", "#C8CDD2", 3.5, 10, 1.6),
    "path": LineStyle("#A4ABB3", 0.9, 3.0, dash=(3.0, 2.5)),
}
ROAD_ORDER = ("path", "minor", "tertiary", "secondary", "primary", "trunk", "motorway")
DEFAULT_ROAD = ROADS["minor"]

WATERWAYS: dict[str, LineStyle] = {
    "river": LineStyle("#A9C6DE", 1.3, 600, metres=12),
    "canal": LineStyle("#A9C6DE", 1.2, 150, metres=10),
    "stream": LineStyle("#B5CFE3", 0.8, 20),
    "drain": LineStyle("#BCD3E5", 0.7, 6),
}
DEFAULT_WATERWAY = WATERWAYS["stream"]

RAIL = LineStyle("#ABB1B8", 1.1, 600, fill="#FFFFFF", casing="#9EA5AD", cased_below=8.0,
                 min_px=1.2, max_px=2.0, dash=(4.0, 4.0))  # fmt: skip
RAILWAYS: dict[str, LineStyle] = {
    "rail": RAIL,
    "light_rail": LineStyle("#B3B9C0", 1.0, 150),
    "tram": LineStyle("#B9BEC5", 0.9, 40),
    "subway": LineStyle("#BFC4CA", 0.9, 20, dash=(3.0, 3.0)),
    "disused": LineStyle("#C9CDD2", 0.8, 8, dash=(2.0, 3.0)),
}
DEFAULT_RAILWAY = LineStyle("#B3B9C0", 1.0, 60)

WATER = "#C8DCEB"
GREEN: dict[str, str] = {
    "park": "#DDEBD3",
    "recreation": "#E2EDD9",
    "grass": "#E6EFDF",
    "cemetery": "#DFE7D9",
    "allotments": "#E4ECD9",
    "wood": "#D5E4CB",
    "scrub": "#DEE8D4",
    "farmland": "#EFF1E6",
}
DEFAULT_GREEN = "#E3EEDC"
BUILDING = "#E6E4E0"
BUILDING_EDGE = "#D6D2CC"
# Scales (m/px) at or below which each polygon layer is drawn.
WATER_MAX_SCALE = 20_000.0
GREEN_MAX_SCALE = 600.0
SMALL_GREEN_MAX_SCALE = 60.0  # farmland and grass fields: only when a town fills the view
BUILDINGS_MAX_SCALE = 4.0
BUILDING_EDGES_BELOW = 1.5
# Qt fills one path of many small rings in time that grows faster than the rings (6,452
# buildings of Newport: 237 ms in paths of 250, 17 ms in paths of 25), holding the GIL.
BUILDINGS_PER_TILE = 30
# OpenStreetMap is mapped to about a metre: simplifying it for views closer than ~4 m/px
# (half-pixel tolerances under a metre) costs a first render more than it saves drawing.
BASEMAP_FULL_DETAIL = 1.0


@dataclass(frozen=True)
class PlaceStyle:
    max_scale: float
    size: float  # times the map's label font
    weight: QFont.Weight
    colour: str
    upper: bool = False


PLACES: dict[str, PlaceStyle] = {
    "city": PlaceStyle(2500, 1.55, QFont.Weight.Bold, "#2F3740"),
    "town": PlaceStyle(500, 1.32, QFont.Weight.DemiBold, "#343C45"),
    "suburb": PlaceStyle(30, 0.95, QFont.Weight.DemiBold, "#66707B", upper=True),
    "village": PlaceStyle(80, 1.08, QFont.Weight.Medium, "#454E58"),
    "neighbourhood": PlaceStyle(8, 0.9, QFont.Weight.Medium, "#6A747E", upper=True),
    "hamlet": PlaceStyle(18, 0.92, QFont.Weight.Normal, "#59626C"),
}
MAJOR_PLACES = ("city", "town")
STREET_LABEL_SCALE = {"motorway": 10.0, "trunk": 10.0, "primary": 8.0, "secondary": 7.0,
                      "tertiary": 5.0, "minor": 3.2}  # fmt: skip
STREET_COLOUR = "#56606A"
STREET_SIZE = 0.88
WATER_LABEL_COLOUR = "#4A7099"
WATER_LABEL_MAX_SCALE = 120.0
RIVER_LABEL_MAX_SCALE = 12.0
HALO = QColor(255, 255, 255, 225)
SAME_NAME_GAP_PX = 320.0  # a street's name again only this far from where it already is
STREET_CANDIDATES = 500
