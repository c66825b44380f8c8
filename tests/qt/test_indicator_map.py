"""Indicators on the map (issue 16 item 3): any joined indicator drawn as a choropleth with
the gap maps' classes and colour ramps, its legend titled by the indicator's label, and the
label editable (undoably), on the Trafford demo."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from assetmap.core import areas
from assetmap.core.analysis import classify
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.dialogs.indicator_map import IndicatorMapDialog
from assetmap.qt.legend import legend_entries
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.thematic import thematic_source

LSOA = "Neighbourhoods (LSOA 2021)"


def choose(qtbot, session, indicator: str, scheme: str = "quantiles") -> IndicatorMapDialog:
    dialog = IndicatorMapDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_combo.setCurrentIndex(dialog.set_combo.findData(LSOA))
    dialog.indicator_combo.setCurrentIndex(dialog.indicator_combo.findData(indicator))
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData(scheme))
    return dialog


def test_imd_score_is_drawn_in_classes_with_its_label_as_the_legend_title(qtbot, session):
    session.layers.set_area_style("Wards (2023)", visible=False)
    dialog = choose(qtbot, session, "imd_score")
    dialog.grab().save("/tmp/checked_indicator_dialog.png")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    style = session.layers.thematic
    assert style is not None and style.mode == "indicator" and style.indicator == "imd_score"
    plan = thematic_source(session.model).plan(style)
    frame = areas.frame(session.project, LSOA)
    expected = classify.classify(frame["imd_score"].to_numpy(dtype=float), "quantiles", 5)
    assert np.array_equal(plan.classes, expected.classes)
    headings = [e.label for e in legend_entries(session.model) if e.kind == "heading"]
    assert "IMD score" in headings
    assert "imd_score" not in headings
    # The most and least deprived areas are drawn in different colours, as their classes say.
    canvas = MapCanvas(SceneBuilder(session.model).scene)
    qtbot.addWidget(canvas)
    canvas.resize(700, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    low, high = int(np.nanargmin(frame["imd_score"])), int(np.nanargmax(frame["imd_score"]))
    colours = []
    for row in (low, high):
        point = frame.geometry.iloc[row].representative_point()
        canvas.centre_on(point.x, point.y, scale=5.0)
        canvas.render_now()
        image = canvas.grab_map().convertToFormat(QImage.Format.Format_RGB32)
        dpr = image.devicePixelRatio()
        at = canvas.view.to_screen(point.x, point.y)
        colours.append(QColor(image.pixel(round(at.x() * dpr), round(at.y() * dpr))).name())
    canvas.grab_map().save("/tmp/checked_indicator_map.png")
    assert colours[0] != colours[1]
    assert colours[1].upper() == plan.colours[plan.classes[high]].upper()


def test_the_label_is_edited_in_the_dialog_and_undone(qtbot, session):
    dialog = choose(qtbot, session, "imd_rank")
    dialog.label_edit.clear()
    qtbot.keyClicks(dialog.label_edit, "Deprivation rank (1 = most deprived)")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    labels = {i.column: i.label for i in areas.indicators(session.project, LSOA)}
    assert labels["imd_rank"] == "Deprivation rank (1 = most deprived)"
    headings = [e.label for e in legend_entries(session.model) if e.kind == "heading"]
    assert "Deprivation rank (1 = most deprived)" in headings
    session.undo()
    labels = {i.column: i.label for i in areas.indicators(session.project, LSOA)}
    assert labels["imd_rank"] == "IMD rank"


def test_a_label_another_indicator_has_is_refused_in_the_dialog(qtbot, session):
    dialog = choose(qtbot, session, "imd_rank")
    dialog.label_edit.setText("Population")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "already called" in dialog.error.text()
    assert session.layers.thematic is None
