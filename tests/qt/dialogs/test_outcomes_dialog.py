"""Analysis ▸ Outcomes on the Trafford demo: add an outcome by keyboard, see it evaluated in
the table, its failing areas and its chart; undo takes it away."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from assetmap.core.commands.assets import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.core.outcomes import history, store
from assetmap.qt.dialogs.outcome_form import OutcomeForm
from assetmap.qt.dialogs.outcomes import OutcomesDialog

TITLE = "Every neighbourhood within 800 m of a food bank or pantry"


def fill_form_by_keyboard(qtbot) -> None:
    form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OutcomeForm))
    qtbot.keyClicks(form.title, TITLE)
    form.target.setFocus()
    qtbot.keyClicks(form.target, "Food banks")  # type-ahead in the combo box
    form.threshold.selectAll()
    qtbot.keyClicks(form.threshold, "60")
    form.has_date.setChecked(True)
    form.grab().save("/tmp/outcome_form.png")
    qtbot.keyClick(form, Qt.Key.Key_Return)


def wait_evaluated(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.job.busy and bool(dialog.statuses), timeout=60_000)


def test_add_an_outcome_see_its_figures_failing_areas_and_chart(qtbot, session):
    dialog = OutcomesDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    QTimer.singleShot(0, lambda: fill_form_by_keyboard(qtbot))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    (outcome,) = store.all_outcomes(session.project)
    assert (outcome.title, outcome.target, outcome.threshold) == (TITLE, "food_banks", 0.6)
    assert outcome.target_date is not None and outcome.population_field == "population"
    wait_evaluated(qtbot, dialog)
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    status = dialog.statuses[outcome.uuid]
    assert row[0] == TITLE and row[2] == f"{status.now.areas_meeting} of 139"
    assert row[3].endswith("of 241,025")
    assert dialog.failing.rowCount() == 139 - status.now.areas_meeting
    first = dialog.failing.item(0, 1).text()
    assert first == status.failing["area_code"].iloc[0]  # most need first
    dialog.grab().save("/tmp/outcomes_dialog.png")

    # A new pantry in the neediest failing area, evaluated again: the chart has two points.
    from assetmap.core import areas

    shapes = areas.frame(session.project, "Neighbourhoods (LSOA 2021)").set_index("code")
    point = shapes.loc[first].geometry.representative_point()
    session.push(AddAsset(Asset(new_uuid(), "New pantry", "food_banks", x=point.x, y=point.y)))
    qtbot.mouseClick(dialog.evaluate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(history.history(session.project, outcome.uuid)) == 2, timeout=60_000
    )
    wait_evaluated(qtbot, dialog)
    assert dialog.table.item(0, 4).text().startswith("+")
    assert len(dialog.chart._points) == 2
    image = dialog.chart.grab().toImage()
    blue = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).name() == "#0072b2"
    )
    dialog.grab().save("/tmp/outcomes_dialog_two_runs.png")
    assert blue > 10  # the areas line is drawn
    dialog.grab().save("/tmp/outcomes_dialog_two_runs.png")

    session.undo()  # the pantry
    session.undo()  # the outcome
    assert store.all_outcomes(session.project) == []
    assert dialog.table.rowCount() == 0
