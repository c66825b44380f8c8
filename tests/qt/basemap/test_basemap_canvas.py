"""The offline basemap on the map, as a user sees it on the Rutland demo: roads and
Rutland Water in their colours under the data, gone when the Layers panel hides them;
town names that never overlap other labels; the Find box reaching towns and streets; and
the OpenStreetMap attribution on the map while the basemap is shown."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage

from assetmap.qt.canvas import basemap as style
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.canvas.scene import Scene
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.panels.layers_panel import BASEMAP_VECTOR, LayersPanel
from support.qt import open_window

COUNTY = (489_000.0, 305_500.0, 40.0)  # the whole of Rutland in a 900 × 700 map
PLAIN = Scene().background  # the map's ground with no basemap
OSM = "© OpenStreetMap contributors"


# ---- helpers ------------------------------------------------------------------------------------
class Map:
    """A canvas on the session's scene that keeps the last scene it rendered (its label
    boxes say where names were drawn)."""

    def __init__(self, qtbot, session, size=(900, 700)) -> None:
        self.builder = SceneBuilder(session.model)
        self.scenes: list[Scene] = []
        self.canvas = MapCanvas(self._scene)
        qtbot.addWidget(self.canvas)
        self.canvas.resize(*size)
        self.canvas.show()
        qtbot.waitExposed(self.canvas)
        session.layersChanged.connect(lambda _layer: self.canvas.refresh())

    def _scene(self) -> Scene:
        scene = self.builder.scene(self.canvas.view)
        self.scenes.append(scene)
        return scene

    def show(self, x: float, y: float, scale: float) -> QImage:
        self.canvas.centre_on(x, y, scale)
        return self.rendered()

    def rendered(self) -> QImage:
        assert self.canvas.wait_for_render()
        return self.canvas.grab_map()

    @property
    def scene(self) -> Scene:
        return self.scenes[-1]

    def screen(self, x: float, y: float) -> QPointF:
        return self.canvas.view.to_screen(x, y)

    def free(self, point: QPointF, margin: float = 3.0) -> bool:
        """Inside the map and clear of every label drawn."""
        view = self.canvas.view
        if not (margin <= point.x() <= view.width - margin):
            return False
        if not (margin <= point.y() <= view.height - margin):
            return False
        spot = QRectF(point.x() - margin, point.y() - margin, 2 * margin, 2 * margin)
        return not any(spot.intersects(r) for r in self.scene.placed_labels)


def colour_at(image: QImage, point: QPointF) -> QColor:
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def distance(colour: QColor, expected: str) -> int:
    want = QColor(expected)
    pairs = zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    return max(abs(a - b) for a, b in pairs)


def strongest_near(image: QImage, point: QPointF, away_from: str, radius: int = 1) -> QColor:
    """The pixel around ``point`` least like ``away_from``: a thin antialiased line's core."""
    best, best_d = QColor(), -1
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            c = colour_at(image, point + QPointF(dx, dy))
            if distance(c, away_from) > best_d:
                best, best_d = c, distance(c, away_from)
    return best


def hide_data(session) -> None:
    """Areas and assets off: only the basemap is left on the map."""
    for name in session.layers.area_order:
        session.layers.set_area_style(name, visible=False)
    session.layers.set_assets(assets_visible=False)


def click_check(qtbot, panel: LayersPanel, kind: str, key: str = "") -> None:
    """Click the tick box of a Layers panel row, where the style draws it."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    tree = panel.tree
    index = panel.item_for(kind, key).index()
    tree.scrollTo(index)
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualRect(index)
    tree.itemDelegateForIndex(index).initStyleOption(option, index)
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def oakham(frames) -> tuple[float, float]:
    places = frames["basemap_places"]
    town = places[(places["name"] == "Oakham") & (places["class"] == "town")]
    assert len(town) == 1
    point = town.geometry.iloc[0]
    return point.x, point.y


def a606(frames) -> list[shapely.LineString]:
    """The A606 (Oakham to Stamford) where OpenStreetMap calls it a trunk road, longest
    stretch first."""
    roads = frames["basemap_roads"]
    rows = roads[(roads["ref"] == "A606") & (roads["class"] == "trunk")]
    assert len(rows)
    parts = shapely.get_parts(rows.geometry.to_numpy())
    return sorted(parts, key=lambda p: -p.length)


def oakham_bypass(frames) -> shapely.LineString:
    """The A606 round Oakham (Burley Park Way): its longest stretch in the data."""
    roads = frames["basemap_roads"]
    rows = roads[(roads["ref"] == "A606") & (roads["name"] == "Burley Park Way")]
    parts = shapely.get_parts(rows.geometry.to_numpy())
    return max(parts, key=lambda p: p.length)


def rutland_water(frames) -> shapely.Geometry:
    water = frames["basemap_water"]
    largest = water.iloc[int(np.argmax(water.geometry.area.to_numpy()))]
    assert largest["name"] == "Rutland Water"
    return largest.geometry


def open_water_spots(frames) -> list[shapely.Point]:
    """Points well inside Rutland Water, 80 m or more from any road, railway or stream, so
    nothing but the water is drawn there (labels are checked on screen)."""
    lake = rutland_water(frames).buffer(-250)
    lines = np.concatenate(
        [
            frames[t].geometry.to_numpy()
            for t in ("basemap_roads", "basemap_railways", "basemap_waterways")
        ]
    )
    tree = shapely.STRtree(lines)
    minx, miny, maxx, maxy = lake.bounds
    xs, ys = np.meshgrid(np.arange(minx, maxx, 200.0), np.arange(miny, maxy, 200.0))
    grid = shapely.points(xs.ravel(), ys.ravel())
    inside = grid[shapely.contains(lake, grid)]
    near = tree.query(inside, predicate="dwithin", distance=80.0)[0]
    spots = np.delete(inside, np.unique(near))
    assert len(spots) > 20
    return list(spots)


def water_pixel(m: Map, image: QImage, spots: list[shapely.Point]) -> QPointF:
    for spot in spots:
        point = m.screen(spot.x, spot.y)
        if m.free(point, margin=4):
            return point
    raise AssertionError("every open-water spot is under a label")


def road_pixel(m: Map, *lines: shapely.LineString) -> QPointF:
    """A point along the first of ``lines`` that is on screen and clear of labels there,
    from the line's middle outwards."""
    for line in lines:
        for f in (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75):
            p = line.interpolate(f, normalized=True)
            point = m.screen(p.x, p.y)
            if m.free(point, margin=4):
                return point
    raise AssertionError("the road is under labels all along")


# ---- roads and water --------------------------------------------------------------------------
def test_roads_and_rutland_water_are_drawn_in_their_colours_and_hide_with_the_layer(
    qtbot, rutland_session, rutland_frames
):
    session = rutland_session
    hide_data(session)
    m = Map(qtbot, session)
    spots = open_water_spots(rutland_frames)

    image = m.show(*COUNTY)
    assert m.scene.basemap is not None
    trunk = style.ROADS["trunk"]
    assert m.canvas.view.scale > trunk.cased_below  # far out: a thin line in its colour
    road = road_pixel(m, *a606(rutland_frames))
    colour = strongest_near(image, road, style.LAND)
    assert distance(colour, trunk.colour) <= 24, colour.name()
    water = water_pixel(m, image, spots)
    assert distance(colour_at(image, water), style.WATER) <= 3
    # Away from everything (the corner, outside the county) is the basemap's land.
    assert distance(colour_at(image, QPointF(4, 4)), style.LAND) <= 3

    # Hidden, all of it goes: the plain background where the road and the water were.
    session.layers.set_basemap(visible=False)
    image = m.rendered()
    assert m.scene.basemap is None
    for point in (road, water):
        assert distance(strongest_near(image, point, PLAIN), PLAIN) <= 2
    session.layers.set_basemap(visible=True)
    image = m.rendered()
    assert distance(colour_at(image, water), style.WATER) <= 3


def test_the_layers_panel_tick_hides_and_shows_the_basemap(qtbot, rutland_session, rutland_frames):
    session = rutland_session
    hide_data(session)
    panel = LayersPanel(session)
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    qtbot.waitExposed(panel)
    m = Map(qtbot, session)
    image = m.show(*COUNTY)
    water = water_pixel(m, image, open_water_spots(rutland_frames))
    assert distance(colour_at(image, water), style.WATER) <= 3
    click_check(qtbot, panel, BASEMAP_VECTOR)  # "Streets and places (OpenStreetMap)"
    assert not session.layers.basemap.visible
    assert distance(colour_at(m.rendered(), water), PLAIN) <= 2
    click_check(qtbot, panel, BASEMAP_VECTOR)
    assert session.layers.basemap.visible
    assert distance(colour_at(m.rendered(), water), style.WATER) <= 3


def test_close_in_a_main_road_is_its_fill_inside_a_casing(qtbot, rutland_session, rutland_frames):
    session = rutland_session
    hide_data(session)
    m = Map(qtbot, session)
    bypass = oakham_bypass(rutland_frames)
    middle = bypass.interpolate(0.5, normalized=True)
    scale = 2.0
    image = m.show(middle.x, middle.y, scale)
    trunk = style.ROADS["trunk"]
    assert trunk.cased(scale) and trunk.fill_px(scale) >= 6
    road = road_pixel(m, bypass)
    assert distance(colour_at(image, road), trunk.fill) <= 4, colour_at(image, road).name()
    # Across the road, just beyond the fill: the casing's grey-brown, then land or green.
    ahead = bypass.interpolate(bypass.project(middle) + 5.0)
    dx, dy = ahead.x - middle.x, ahead.y - middle.y  # along the road, in metres
    norm = np.hypot(dx, dy)
    across = QPointF(-dy / norm, -dx / norm)  # screen y is flipped
    edge = road + across * ((trunk.fill_px(scale) + trunk.casing_px(scale)) / 4)
    assert distance(colour_at(image, edge), trunk.casing) <= 40, colour_at(image, edge).name()
    outside = road + across * (trunk.casing_px(scale) / 2 + 4)
    assert distance(colour_at(image, outside), trunk.fill) > 10


# ---- labels -------------------------------------------------------------------------------------
def test_towns_are_named_at_county_scale_and_no_labels_overlap(
    qtbot, rutland_session, rutland_frames
):
    m = Map(qtbot, rutland_session)  # areas and assets shown, with their own labels
    image = m.show(*COUNTY)
    scene = m.scene
    assert "Oakham" in scene.placed_texts and "Uppingham" in scene.placed_texts
    box = scene.placed_labels[scene.placed_texts.index("Oakham")]
    assert box.contains(m.screen(*oakham(rutland_frames)))  # centred on the town
    town = style.PLACES["town"].colour
    inked = [
        distance(colour_at(image, QPointF(x + 0.5, y + 0.5)), town)
        for x in range(int(box.left()), int(box.right()))
        for y in range(int(box.top()), int(box.bottom()))
    ]
    assert sum(d <= 30 for d in inked) > 20  # the word is drawn in the town colour
    assert len(scene.placed_labels) > 10  # villages and area codes too
    for i, a in enumerate(scene.placed_labels):
        for j in range(i + 1, len(scene.placed_labels)):
            assert not a.intersects(scene.placed_labels[j]), (
                scene.placed_texts[i],
                scene.placed_texts[j],
            )


def test_street_names_appear_close_in_without_overlapping(qtbot, rutland_session, rutland_frames):
    m = Map(qtbot, rutland_session)
    x, y = oakham(rutland_frames)
    m.show(x, y, 1.5)
    scene = m.scene
    streets = set(rutland_frames["basemap_roads"]["name"].dropna())
    named = [t for t in scene.placed_texts if t in streets]
    assert len(named) >= 3, scene.placed_texts
    rects = scene.placed_labels
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1 :]), scene.placed_texts[i]


def test_hiding_basemap_labels_leaves_the_roads(qtbot, rutland_session):
    m = Map(qtbot, rutland_session)
    m.show(*COUNTY)
    assert "Oakham" in m.scene.placed_texts
    rutland_session.layers.set_basemap(labels=False)
    m.rendered()
    assert "Oakham" not in m.scene.placed_texts
    assert m.scene.basemap is not None


# ---- the Find box ---------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, rutland_session):
    return open_window(qtbot, rutland_session)


def choose_in_find_box(qtbot, window, typed: str, pick: str) -> None:
    """Type into the Find box and click the suggestion that starts with ``pick``."""
    box = window.find_box
    window.act_find.trigger()
    box.clear()
    qtbot.keyClicks(box, typed)
    popup = box.completer().popup()
    model = popup.model()

    def suggested() -> list:
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        return [i for i in rows if str(i.data()).startswith(pick)]

    qtbot.waitUntil(lambda: popup.isVisible() and bool(suggested()), timeout=3000)
    match = suggested()
    popup.scrollTo(match[0])
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(match[0]).center())  # fmt: skip


def test_find_box_goes_to_oakham_and_to_a_street(qtbot, window, rutland_frames):
    x, y = oakham(rutland_frames)
    before = window.canvas.view
    assert np.hypot(before.cx - x, before.cy - y) > 1000  # the county view is elsewhere
    choose_in_find_box(qtbot, window, "Oakham", "Oakham  —  Town")
    view = window.canvas.view
    assert np.hypot(view.cx - x, view.cy - y) < 300
    assert view.scale < before.scale / 3  # zoomed in to the town
    assert window.canvas.wait_for_render()

    roads = rutland_frames["basemap_roads"]
    burley = shapely.union_all(roads[roads["name"] == "Burley Road"].geometry.to_numpy())
    choose_in_find_box(qtbot, window, "Burley R", "Burley Road")
    view = window.canvas.view
    minx, miny, maxx, maxy = view.bounds()
    centre = shapely.Point(view.cx, view.cy)
    assert burley.distance(centre) < 200  # the street is in the middle of the map
    assert view.scale < 10
    assert window.canvas.wait_for_render()


# ---- attribution ------------------------------------------------------------------------------
def test_attribution_on_the_map_while_the_basemap_is_shown(qtbot, window):
    assert window._attribution.startswith(OSM)  # what the map shows
    window.session.layers.set_basemap(visible=False)
    window.canvas.refresh()
    assert window.canvas.wait_for_render()
    assert not window._attribution.startswith(OSM)
