"""Find gaps ▸ What if… driven as a planner would on the Trafford demo: proposed hubs placed
by clicking the map, the figures and the gap map changing at once, nothing added to the
asset list, the what-if saved as a scenario and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assetmap.core.scenarios import store
from assetmap.qt.canvas.proposal_tool import ProposalTool
from support.qt import open_window

PARTINGTON = (371_500.0, 391_800.0)
CARRINGTON = (374_300.0, 393_000.0)


def find_food_bank_gaps(qtbot, window):
    panel = window.analysis
    window.show_find_gaps()
    panel.category_item("Food banks and pantries").setCheckState(0, Qt.CheckState.Checked)
    panel.population.setCurrentIndex(panel.population.findText("Population"))
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy and panel.result is not None, timeout=30_000)
    assert panel.whatif.isEnabled()
    return panel


def click_map(qtbot, window, x: float, y: float) -> None:
    point = window.canvas.view.to_screen(x, y).toPoint()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=point)


def place(qtbot, window, x: float, y: float) -> None:
    whatif = window.analysis.whatif
    count = len(whatif.proposals)
    click_map(qtbot, window, x, y)
    assert len(whatif.proposals) == count + 1
    qtbot.waitUntil(lambda: not whatif.job.busy and whatif.shown is not None, timeout=60_000)


def test_a_proposed_hub_changes_the_gaps_without_entering_the_asset_list(qtbot, session):
    window = open_window(qtbot, session)
    panel = find_food_bank_gaps(qtbot, window)
    whatif = panel.whatif
    assets_before = window.table.model.total_count()
    placed_before = len(session.points())
    today_run = session.layers.thematic.run_id

    qtbot.mouseClick(whatif.add_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.canvas.tool, ProposalTool)
    assert window.canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    place(qtbot, window, *PARTINGTON)
    food = whatif.shown.comparison.group("food_banks")
    assert food.gaps_after < food.gaps_before
    assert "gaps 111 →" in whatif.figures.text()
    # the gap map recoloured to the scenario's result (held in memory, never kept as a run)
    assert session.layers.thematic.scenario == whatif.scenario_id > 0
    assert session.layers.thematic.run_id == today_run
    place(qtbot, window, *CARRINGTON)
    two = whatif.shown.comparison.group("food_banks")
    assert two.gaps_after <= food.gaps_after
    assert whatif.list.count() == 2
    # never in the asset list
    assert window.table.model.total_count() == assets_before
    assert len(session.points()) == placed_before

    window.resize(1400, 900)
    window.grab().save("/tmp/whatif_window.png")
    panel.grab().save("/tmp/whatif_panel.png")
    whatif.grab().save("/tmp/whatif_section.png")

    # Escape on the map ends placing; Delete in the list removes the chosen proposal
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not whatif.add_button.isChecked()
    assert not isinstance(window.canvas.tool, ProposalTool)
    whatif.list.setCurrentRow(1)
    whatif.list.setFocus()
    qtbot.keyClick(whatif.list, Qt.Key.Key_Delete)
    assert [p.label for p in whatif.proposals] == ["Proposal 1"]
    qtbot.waitUntil(lambda: not whatif.job.busy, timeout=60_000)
    assert whatif.shown.comparison.group("food_banks").gaps_after == food.gaps_after

    # save as a named scenario (undoable), then back to today
    saved = whatif.save_as("Partington hub")
    assert store.by_name(session.project, "Partington hub") == saved
    assert whatif.open_combo.findText("Partington hub") >= 0
    qtbot.mouseClick(whatif.today_button, Qt.MouseButton.LeftButton)
    assert whatif.proposals == [] and whatif.shown is None
    assert session.layers.thematic.scenario == 0
    whatif.open_scenario("Partington hub")
    qtbot.waitUntil(lambda: not whatif.job.busy and whatif.shown is not None, timeout=60_000)
    assert [p.label for p in whatif.proposals] == ["Proposal 1"]
    session.undo()
    assert store.by_name(session.project, "Partington hub") is None
    assert whatif.open_combo.findText("Partington hub") < 0


def test_enter_places_a_proposal_at_the_cross_hair(qtbot, session):
    window = open_window(qtbot, session)
    panel = find_food_bank_gaps(qtbot, window)
    panel.whatif.add_button.setChecked(True)
    window.canvas.centre_on(*PARTINGTON)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    (proposal,) = panel.whatif.proposals
    assert (proposal.x, proposal.y) == PARTINGTON and proposal.category == "food_banks"
