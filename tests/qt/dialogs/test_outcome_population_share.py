"""Analysis ▸ Outcomes ▸ Add: an outcome for the most deprived areas home to a share of the
people, chosen by keyboard, shown in the table and on the report's outcomes page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from assetmap.core.outcomes import store
from assetmap.qt.dialogs.outcome_form import SHARE, OutcomeForm
from assetmap.qt.dialogs.outcomes import OutcomesDialog
from assetmap.qt.export.report_outcomes import outcomes_table

TITLE = "The most deprived quarter of us within 800 m of a pantry"


def choose_a_quarter_of_the_people(qtbot) -> None:
    form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OutcomeForm))
    qtbot.keyClicks(form.title, TITLE)
    form.target.setFocus()
    qtbot.keyClicks(form.target, "Food banks")
    assert not form.share.isEnabled()  # only for a share of the people
    form.band.setFocus()
    qtbot.keyClick(form.band, Qt.Key.Key_End)  # the last choice: a share of the people
    assert form.band.currentData() == SHARE and form.share.isEnabled()
    form.share.selectAll()
    qtbot.keyClicks(form.share, "25")
    form.grab().save("/tmp/htmlpop_outcome_form_share.png")
    qtbot.keyClick(form, Qt.Key.Key_Return)


def test_an_outcome_for_a_share_of_the_people(qtbot, session):
    dialog = OutcomesDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    QTimer.singleShot(0, lambda: choose_a_quarter_of_the_people(qtbot))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    (outcome,) = store.all_outcomes(session.project)
    assert (outcome.population_share, outcome.need_band) == (0.25, None)
    qtbot.waitUntil(lambda: not dialog.job.busy and bool(dialog.statuses), timeout=60_000)
    status = dialog.statuses[outcome.uuid]
    assert status.now is not None and 0 < status.now.areas < 139
    assert (
        dialog.table.item(0, 1)
        .text()
        .endswith("the most deprived areas home to 25 % of the people")
    )
    assert dialog.table.item(0, 2).text() == f"{status.now.areas_meeting} of {status.now.areas}"
    dialog.grab().save("/tmp/htmlpop_outcomes_share.png")

    page = outcomes_table(session.project)
    assert page is not None
    assert "the most deprived areas home to 25 % of the people" in page.rows[0][0]


def test_editing_shows_the_share_it_was_given(qtbot, session):
    from assetmap.core.commands.outcomes import AddOutcome
    from assetmap.core.outcomes.model import Outcome

    outcome = Outcome(TITLE, "food_banks", "Neighbourhoods (LSOA 2021)",
                      population_field="population", need_field="imd_score",
                      population_share=0.3)  # fmt: skip
    session.push(AddOutcome(outcome))
    form = OutcomeForm(session.project, outcome=outcome)
    qtbot.addWidget(form)
    assert form.band.currentData() == SHARE and form.share.value() == 30
    assert form.outcome() == outcome
