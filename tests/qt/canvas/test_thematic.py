"""Gap maps on the canvas: each area in its class colour, the 3×3 need-against-provision
map, areas with no figure hatched, and the coverage wash, checked on pixels of the demo."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import shapely
import shiboken6
from PySide6.QtGui import QColor

from assetmap.core import areas
from assetmap.core.analysis import classify
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.layers import CoverageStyle, ThematicStyle
from assetmap.qt import thematic
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.legend import LegendWidget
from assetmap.qt.map_scene import HATCH_COLOUR, SceneBuilder, thematic_source

LSOA = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"
MH = "mental_health"


@pytest.fixture
def run(session):
    params = AnalysisParams(LSOA, (MH, "libraries"), 800.0, "population", "imd_score")
    return analyse(session.project, params)


@pytest.fixture
def canvas(qtbot, session):
    widget = MapCanvas(SceneBuilder(session.model).scene)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def colour_at(canvas: MapCanvas, x: float, y: float) -> QColor:
    canvas.centre_on(x, y, scale=4.0)
    canvas.render_now()
    image = canvas.grab_map()
    point = canvas.view.to_screen(x, y)
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def near(colour: QColor, expected: str, tolerance: int = 10) -> bool:
    target = QColor(expected)
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def clear_spot(session, geometry, margin: float = 80.0) -> shapely.Point | None:
    """A point well inside ``geometry``, away from its edge, ward lines and asset symbols."""
    points = session.points()
    symbols = shapely.STRtree(shapely.points(points["x"], points["y"]))
    wards = shapely.union_all(
        shapely.boundary(areas.frame(session.project, WARDS).geometry.to_numpy())
    )
    inner = geometry.buffer(-margin)
    if inner.is_empty:
        return None
    grid = shapely.points(
        *np.meshgrid(
            np.linspace(inner.bounds[0], inner.bounds[2], 25),
            np.linspace(inner.bounds[1], inner.bounds[3], 25),
        )
    ).ravel()
    for spot in grid[shapely.contains(inner, grid)]:
        if not len(symbols.query(spot.buffer(60))) and spot.distance(wards) > 40:
            return spot
    return None


def rows_with_spots(session, table, order):
    frame = areas.frame(session.project, LSOA).set_index("code")
    for _, row in table.sort_values(order).iterrows():
        spot = clear_spot(session, frame.loc[row["area_code"]].geometry)
        if spot is not None:
            yield row, spot


def test_coverage_choropleth_draws_the_least_covered_area_in_the_first_colour(session, run, canvas):
    style = ThematicStyle(LSOA, run.run_id, MH, measure="coverage", palette="YlGnBu", k=5)
    session.layers.set_thematic(style)
    table = run.for_category(MH)
    row, spot = next(rows_with_spots(session, table, "coverage"))
    assert row["coverage"] == table["coverage"].min()
    plan = thematic_source(session.model).plan(style)
    first = classify.palette("YlGnBu", len(plan.labels))[0]
    assert near(colour_at(canvas, spot.x, spot.y), first)
    # The best covered area is in the last (darkest) colour.
    row, spot = next(rows_with_spots(session, table[table["coverage"] >= 1], "area_code"))
    assert near(colour_at(canvas, spot.x, spot.y), classify.palette("YlGnBu", len(plan.labels))[-1])
    # Turned off, the plain light fill is back.
    session.layers.set_thematic(None)
    assert near(colour_at(canvas, spot.x, spot.y), session.layers.area_style(LSOA).fill)


def test_bivariate_map_gives_the_top_priority_area_the_most_striking_colour(session, run, canvas):
    session.layers.set_thematic(ThematicStyle(LSOA, run.run_id, MH, mode="bivariate"))
    table = run.for_category(MH)
    ranked = table[table["priority"] > 0]
    row, spot = next(rows_with_spots(session, ranked, "priority"))
    assert (row["need_tercile"], row["provision_tercile"]) == (3, 1)
    assert near(colour_at(canvas, spot.x, spot.y), "#3b4994")
    row, spot = next(
        rows_with_spots(
            session, ranked[(ranked.need_tercile == 1) & (ranked.provision_tercile == 3)], "need"
        )
    )
    assert near(colour_at(canvas, spot.x, spot.y), "#e8e8e8")


def test_areas_missing_from_the_run_are_hatched_as_no_data(session, run, canvas):
    table = run.for_category(MH)
    row, spot = next(rows_with_spots(session, table, "area_code"))
    # As if the area had been imported after the run: the run has no figure for it.
    with session.project.transaction() as conn:
        conn.execute(
            "DELETE FROM am_analysis_results WHERE run_id = ? AND area_code = ?",
            (run.run_id, row["area_code"]),
        )
    style = ThematicStyle(LSOA, run.run_id, MH, measure="coverage")
    session.layers.set_thematic(style)
    canvas.centre_on(spot.x, spot.y, scale=4.0)
    canvas.render_now()
    image = canvas.grab_map()
    centre = canvas.view.to_screen(spot.x, spot.y)
    seen = {
        QColor(image.pixel(round(centre.x()) + dx, round(centre.y()) + dy)).name()
        for dx in range(-6, 7)
        for dy in range(-6, 7)
    }
    assert any(near(QColor(c), classify.NO_DATA_COLOUR, 6) for c in seen)
    assert any(near(QColor(c), HATCH_COLOUR, 16) for c in seen)  # the diagonal lines
    legend = LegendWidget(session)
    assert classify.NO_DATA_LABEL in legend.labels("class")


def test_coverage_wash_covers_ground_near_a_service_and_not_far_from_any(session, run, canvas):
    session.layers.set_thematic(ThematicStyle(LSOA, run.run_id, MH, measure="coverage"))
    services = session.points().query("category == @MH and status == 'active'")
    tree = shapely.STRtree(shapely.points(services["x"], services["y"]))
    frame = areas.frame(session.project, LSOA)
    near_spot = far_spot = None
    for geometry in frame.geometry:
        spot = clear_spot(session, geometry, margin=40.0)
        if spot is None:
            continue
        distance = tree.query_nearest(spot, return_distance=True)[1][0]
        if near_spot is None and distance < 300:
            near_spot = spot
        if far_spot is None and distance > 2000:
            far_spot = spot
    assert near_spot is not None and far_spot is not None
    before = [colour_at(canvas, p.x, p.y).getRgb() for p in (near_spot, far_spot)]
    session.layers.set_coverage(CoverageStyle(run.run_id, MH))
    after = [colour_at(canvas, p.x, p.y).getRgb() for p in (near_spot, far_spot)]
    assert after[1] == before[1]  # 2 km from any service: untouched
    assert after[0] != before[0]
    assert sum(after[0][:3]) > sum(before[0][:3])  # washed paler
    legend = LegendWidget(session)
    assert "Within 800 m of mental health" in legend.labels("coverage")


def test_legend_lists_the_classes_with_units_as_drawn(session, run):
    legend = LegendWidget(session)
    session.layers.set_thematic(ThematicStyle(LSOA, run.run_id, MH, measure="nearest_m"))
    labels = legend.labels("class")
    assert labels and all(label.endswith(" m") for label in labels)
    assert labels[0].startswith("0–")
    assert "Distance to the nearest asset" in legend.labels("caption")
    assert LSOA not in legend.labels("area")  # its plain entry gives way to the classes
    session.layers.set_thematic(ThematicStyle(LSOA, run.run_id, MH, mode="bivariate"))
    (grid,) = [e for e in legend.entries() if e.kind == "bivariate"]
    assert grid.colours == classify.BIVARIATE
    assert grid.axes == ("More need", "Less provision")
    image = legend.render_to_image(260)
    assert image.height() > 120
    session.layers.set_thematic(ThematicStyle(LSOA, run.run_id, MH, mode="gaps"))
    assert legend.labels("class") == ["No gap", "Gap"]


def test_coverage_merged_after_its_project_was_closed_goes_nowhere_quietly(
    qtbot, session, run, monkeypatch
):
    """A national project's circles are merged in a worker; the window may open another
    project (closing and deleting this session) before the worker is done."""
    monkeypatch.setattr(thematic, "COVERAGE_IN_GUI_THREAD", 0)  # merged in a worker
    project_closed, merge = threading.Event(), thematic._circles

    def merge_once_closed(*args):
        project_closed.wait(30)
        return merge(*args)

    monkeypatch.setattr(thematic, "_circles", merge_once_closed)
    source = thematic_source(session.model)
    assert source.coverage(CoverageStyle(run.run_id, MH)) is None  # on its way
    (task,) = source._pending.values()
    session.close()
    shiboken6.delete(session)  # File ▸ Open… another project
    with qtbot.waitSignal(task.finished, timeout=30_000):
        project_closed.set()
