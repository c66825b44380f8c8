"""The layers panel and the legend, driven like a user would, checked on the map's pixels."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QToolButton

from assetmap.core import areas
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.panels.layers_panel import LayersPanel, LegendWidget
from assetmap.qt.session import Session

LSOA = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"
BACKGROUND = "#FAFBFC"


# ---- helpers ------------------------------------------------------------------------------------
def make_panel(qtbot, session) -> LayersPanel:
    panel = LayersPanel(session)
    qtbot.addWidget(panel)
    panel.resize(300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def make_canvas(qtbot, session) -> MapCanvas:
    canvas = MapCanvas(SceneBuilder(session.model).scene)
    qtbot.addWidget(canvas)
    canvas.resize(900, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.zoom_to(session.full_extent())
    assert canvas.wait_for_render()
    return canvas


def colour_at(canvas: MapCanvas, x: float, y: float) -> QColor:
    canvas.render_now()
    image = canvas.grab_map()
    point = canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def near(colour: QColor, expected: str, tolerance: int = 12) -> bool:
    want = QColor(expected)
    pairs = zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    return all(abs(a - b) <= tolerance for a, b in pairs)


def isolated_asset(session, canvas: MapCanvas, category: str) -> tuple[float, float]:
    """An asset of ``category`` with no other within 40 m, centred at 2 m a pixel: its pixel
    is its own symbol's."""
    points = session.points()
    xy = points[["x", "y"]].to_numpy()
    for row in np.flatnonzero(points["category"].to_numpy() == category):
        if np.sort(np.hypot(*(xy - xy[row]).T))[1] > 40:
            x, y = float(xy[row, 0]), float(xy[row, 1])
            canvas.centre_on(x, y, scale=2.0)
            assert canvas.wait_for_render()
            return x, y
    raise AssertionError(f"no isolated {category} asset")


def empty_spot(session, name: str) -> tuple[float, float]:
    """An interior point of an area with no asset within 300 m."""
    points = session.points()
    tree = shapely.STRtree(shapely.points(points["x"], points["y"]))
    for geometry in areas.frame(session.project, name).geometry:
        spot = shapely.point_on_surface(geometry)
        if geometry.contains(spot.buffer(150)) and not len(tree.query(spot.buffer(300))):
            return spot.x, spot.y
    raise AssertionError("no empty spot")


def click_check(qtbot, panel: LayersPanel, kind: str, key: str = "") -> None:
    """Click the tick box of a row, where the style draws it."""
    tree = panel.tree
    index = panel.item_for(kind, key).index()
    tree.scrollTo(index)
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualRect(index)
    tree.itemDelegateForIndex(index).initStyleOption(option, index)
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def press_on(qtbot, panel: LayersPanel, kind: str, key: str, keyname, modifier=None) -> None:
    panel.select_layer(kind, key)
    panel.tree.setFocus()
    modifier = modifier or Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(panel.tree, keyname, modifier)


def rows_under(panel: LayersPanel, kind: str) -> list[str]:
    root = panel.item_for(kind)
    return [root.child(r).text() for r in range(root.rowCount())]


def swatch(dialog, name: str) -> QToolButton:
    found = [b for b in dialog.findChildren(QToolButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


# ---- visibility ---------------------------------------------------------------------------------
def test_unticking_libraries_hides_them_on_the_map(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    x, y = isolated_asset(session, canvas, "libraries")
    assert near(colour_at(canvas, x, y), session.category("libraries").colour)
    assert panel.item_for("category", "libraries").text() == "Libraries (13)"

    click_check(qtbot, panel, "category", "libraries")

    assert not session.layers.category_style("libraries").visible
    assert not near(colour_at(canvas, x, y), session.category("libraries").colour, 40)
    group = panel.item_for("group", "Public services")
    assert group.checkState() == Qt.CheckState.PartiallyChecked

    click_check(qtbot, panel, "category", "libraries")
    assert session.layers.category_style("libraries").visible
    assert near(colour_at(canvas, x, y), session.category("libraries").colour)


def test_unticking_a_group_hides_all_its_categories(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    x, y = isolated_asset(session, canvas, "gp_primary_care")
    public = [c.key for c in session.categories() if c.group == "Anchor institutions"]
    before = int(session.visible_point_mask().sum())

    press_on(qtbot, panel, "group", "Anchor institutions", Qt.Key.Key_Space)

    assert not any(session.layers.category_style(k).visible for k in public)
    assert int(session.visible_point_mask().sum()) == before - 140  # 2 + 136 + 2 in the demo
    assert not near(colour_at(canvas, x, y), "#0072B2", 40)
    gp = panel.item_for("category", "gp_primary_care")
    assert gp.checkState() == Qt.CheckState.Unchecked

    # A partly ticked group becomes fully ticked on the next press.
    press_on(qtbot, panel, "category", "gp_primary_care", Qt.Key.Key_Space)
    group = panel.item_for("group", "Anchor institutions")
    assert group.checkState() == Qt.CheckState.PartiallyChecked
    press_on(qtbot, panel, "group", "Anchor institutions", Qt.Key.Key_Space)
    assert all(session.layers.category_style(k).visible for k in public)


def test_unticking_assets_hides_every_asset(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    x, y = isolated_asset(session, canvas, "schools")
    click_check(qtbot, panel, "assets")
    assert not session.layers.assets_visible
    assert not near(colour_at(canvas, x, y), "#56B4E9", 40)
    # Categories keep their own ticks for when assets come back.
    assert panel.item_for("category", "schools").checkState() == Qt.CheckState.Checked


def test_hiding_an_area_set(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    click_check(qtbot, panel, "assets")
    click_check(qtbot, panel, "area", WARDS)
    assert not session.layers.area_style(WARDS).visible
    x, y = empty_spot(session, LSOA)
    assert near(colour_at(canvas, x, y), session.layers.area_style(LSOA).fill, 2)

    press_on(qtbot, panel, "area", LSOA, Qt.Key.Key_Space)

    assert not session.layers.area_style(LSOA).visible
    assert near(colour_at(canvas, x, y), BACKGROUND, 2)
    root = panel.item_for("areas")
    assert root.checkState() == Qt.CheckState.Unchecked


def test_the_panel_follows_changes_made_elsewhere(qtbot, session):
    panel = make_panel(qtbot, session)
    session.layers.set_categories_visible(["schools"], False)
    assert panel.item_for("category", "schools").checkState() == Qt.CheckState.Unchecked
    session.layers.set_area_style(WARDS, visible=False)
    assert panel.item_for("area", WARDS).checkState() == Qt.CheckState.Unchecked


def test_empty_categories_are_hidden_until_asked_for(qtbot, session):
    panel = make_panel(qtbot, session)
    assert panel.item_for("category", "council") is None
    assert panel.item_for("group", "Local economy") is None
    qtbot.mouseClick(panel.show_empty, Qt.MouseButton.LeftButton)
    assert panel.item_for("category", "council").text() == "Council (0)"
    assert panel.item_for("group", "Local economy") is not None


def test_a_workshop_need_is_counted_apart_from_the_assets(qtbot, session):
    from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
    from assetmap.core.workshop.submission import Submission

    panel = make_panel(qtbot, session)
    before = panel.item_for("category", "mental_health").text()
    create = CreateWorkshop("Stretford evening", "Library", "2026-12-09", "Ann")
    session.push(create)
    missing = Submission("need", "mental_health", "Somewhere to talk", "", None, 379_480, 396_110)
    session.push(AddContribution(str(create.workshop_id), missing, None, review="approved"))
    assert before == "Mental health (61)"
    qtbot.waitUntil(
        lambda: panel.item_for("category", "mental_health").text() == "Mental health (61 · 1 need)"
    )


# ---- order --------------------------------------------------------------------------------------
def test_moving_an_area_set_changes_the_drawing_order(qtbot, session):
    panel = make_panel(qtbot, session)
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    assert session.layers.area_order == [LSOA, WARDS]  # bottom first
    assert rows_under(panel, "areas") == [WARDS, LSOA]  # top of the list = drawn on top

    panel.select_layer("area", LSOA)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)

    assert session.layers.area_order == [WARDS, LSOA]
    assert rows_under(panel, "areas") == [LSOA, WARDS]
    assert legend.labels("area") == [LSOA, WARDS]
    assert panel.current_layer() == ("area", LSOA)
    assert not panel.up_button.isEnabled()

    qtbot.keyClick(panel.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert session.layers.area_order == [LSOA, WARDS]
    assert MapLayers.load(session.project).area_order == [LSOA, WARDS]


def test_dropping_an_area_set_on_another_reorders(qtbot, session):
    panel = make_panel(qtbot, session)
    panel.select_layer("area", LSOA)
    target = panel.tree.visualRect(panel.item_for("area", WARDS).index())
    drop = QDropEvent(
        QPointF(target.center().x(), target.top() + 2),
        Qt.DropAction.MoveAction,
        QMimeData(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.tree.dropEvent(drop)
    assert session.layers.area_order == [WARDS, LSOA]
    assert rows_under(panel, "areas") == [LSOA, WARDS]


# ---- legend -------------------------------------------------------------------------------------
def test_legend_lists_exactly_the_visible_categories(qtbot, session):
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    panel = make_panel(qtbot, session)
    on_map = set(session.points()["category"])
    expected = [c.label for c in session.categories() if c.key in on_map]
    assert len(expected) == 13
    assert sorted(legend.labels()) == sorted(expected)
    assert legend.labels("area") == [WARDS, LSOA]
    assert "Local economy" not in legend.labels("group")  # no assets in it
    tall = legend.render_to_image(260).height()

    click_check(qtbot, panel, "category", "libraries")
    assert "Libraries" not in legend.labels()
    assert len(legend.labels()) == 12
    assert legend.render_to_image(260).height() < tall

    press_on(qtbot, panel, "group", "Anchor institutions", Qt.Key.Key_Space)
    assert "Anchor institutions" not in legend.labels("group")
    click_check(qtbot, panel, "assets")
    assert legend.labels() == []
    assert "Libraries" not in legend.canvas.accessibleDescription()


def test_legend_draws_each_symbol_in_its_colour(qtbot, session):
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    image = legend.render_to_image(260)
    colours = {
        QColor(image.pixel(x, y)).name().upper()
        for x in range(0, 60)
        for y in range(image.height())
    }
    for cat in session.categories():
        if cat.key in set(session.points()["category"]):
            assert cat.colour.upper() in colours, cat.label


# ---- style --------------------------------------------------------------------------------------
def test_style_dialog_changes_an_area_fill_and_it_persists(qtbot, session, demo_path):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    click_check(qtbot, panel, "assets")
    click_check(qtbot, panel, "area", WARDS)
    x, y = empty_spot(session, LSOA)
    assert near(colour_at(canvas, x, y), "#EEF1F4", 2)

    press_on(qtbot, panel, "area", LSOA, Qt.Key.Key_Return)
    dialog = panel.style_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(swatch(dialog.fill, "Yellow (#F0E442)"), Qt.MouseButton.LeftButton)
    assert dialog.fill.label.text() == "Yellow #F0E442"
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    assert session.layers.area_style(LSOA).fill == "#F0E442"
    assert near(colour_at(canvas, x, y), "#F0E442", 2)
    assert panel.style_dialog is None

    reopened = Session(Project.open(demo_path))
    try:
        assert reopened.layers.area_style(LSOA).fill == "#F0E442"
        assert not reopened.layers.area_style(WARDS).visible
    finally:
        reopened.close()


def test_no_fill_leaves_only_outlines(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    click_check(qtbot, panel, "assets")
    x, y = empty_spot(session, LSOA)
    panel.select_layer("area", LSOA)
    qtbot.mouseClick(panel.style_button, Qt.MouseButton.LeftButton)
    dialog = panel.style_dialog
    qtbot.mouseClick(dialog.no_fill, Qt.MouseButton.LeftButton)
    assert not dialog.fill.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert session.layers.area_style(LSOA).fill == ""
    assert near(colour_at(canvas, x, y), BACKGROUND, 2)


def test_cancel_changes_nothing(qtbot, session):
    panel = make_panel(qtbot, session)
    before = session.layers.area_style(LSOA)
    press_on(qtbot, panel, "area", LSOA, Qt.Key.Key_Return)
    dialog = panel.style_dialog
    qtbot.mouseClick(swatch(dialog.fill, "Yellow (#F0E442)"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert session.layers.area_style(LSOA) == before


def test_asset_style_sets_symbol_size_for_map_and_legend(qtbot, session):
    panel = make_panel(qtbot, session)
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    with qtbot.waitActive(panel):
        panel.activateWindow()
    press_on(qtbot, panel, "assets", "", Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.style_dialog
    dialog.symbol_size.selectAll()
    qtbot.keyClicks(dialog.symbol_size.lineEdit(), "14")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert session.layers.category_style("libraries").size == 14.0
    assert {e.size for e in legend.entries() if e.kind == "category"} == {14.0}
    assert MapLayers.load(session.project).category_style("schools").size == 14.0


def test_category_style_is_an_undoable_data_edit(qtbot, session):
    panel = make_panel(qtbot, session)
    canvas = make_canvas(qtbot, session)
    x, y = isolated_asset(session, canvas, "libraries")
    press_on(qtbot, panel, "category", "libraries", Qt.Key.Key_Return)
    dialog = panel.style_dialog
    qtbot.mouseClick(swatch(dialog, "Vermillion (#D55E00)"), Qt.MouseButton.LeftButton)
    dialog.symbol_combo.setFocus()
    qtbot.keyClicks(dialog.symbol_combo, "Star")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)

    libraries = session.category("libraries")
    assert (libraries.colour, libraries.symbol) == ("#D55E00", "star")
    assert near(colour_at(canvas, x, y), "#D55E00")
    session.undo()
    assert session.category("libraries").colour == "#56B4E9"
    assert near(colour_at(canvas, x, y), "#56B4E9")


def test_an_empty_project_says_what_is_missing(qtbot, empty_session):
    panel = make_panel(qtbot, empty_session)
    legend = LegendWidget(empty_session)
    qtbot.addWidget(legend)
    assert rows_under(panel, "areas") == ["None yet: import boundaries from the File menu"]
    assert rows_under(panel, "assets") == ["No assets yet"]
    assert legend.entries() == []
    assert legend.canvas.accessibleDescription() == "Nothing is shown on the map."
    press_on(qtbot, panel, "hint", "", Qt.Key.Key_Return)
    assert panel.style_dialog is None
    qtbot.mouseClick(panel.show_empty, Qt.MouseButton.LeftButton)
    assert panel.item_for("category", "libraries").text() == "Libraries (0)"
