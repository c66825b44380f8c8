"""Find gaps ▸ What if… driven as a planner would on the Trafford demo: proposed hubs placed
by clicking the map, the figures and the gap map changing at once, nothing added to the
asset list, the what-if saved as a scenario and undone."""

from __future__ import annotations

import dataclasses

import shapely
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from assetmap.core import areas
from assetmap.core.scenarios import store
from assetmap.qt.canvas.proposal_tool import ProposalTool
from assetmap.qt.legend import legend_entries
from assetmap.qt.map_scene import coverage_scenario, thematic_source
from support.qt import open_window, when_modal

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


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def column_texts(model, header: str) -> list[str]:
    column = headers(model).index(header)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def centre_of_area(session, area_set: str, code: str) -> tuple[float, float]:
    frame = areas.frame(session.project, area_set)
    point = frame.loc[frame["code"].astype(str) == code].geometry.iloc[0].representative_point()
    return point.x, point.y


def test_the_ranked_gaps_and_chart_show_the_what_if_marked_as_such(qtbot, session):
    window = open_window(qtbot, session)
    panel = find_food_bank_gaps(qtbot, window)
    today_rows = panel.model.rowCount()
    today_bars = panel.chart.labels()
    first = panel.model.code(0)
    assert panel.banner.isHidden() and panel.export_button.isEnabled()

    # a proposed food bank in the area to look at first
    panel.whatif.add_button.setChecked(True)
    place(qtbot, window, *centre_of_area(session, panel.result.params.area_set, first))
    food = panel.whatif.shown.comparison.group("food_banks")
    closed = {
        a.code: a.name
        for a in panel.whatif.shown.comparison.changed_areas
        if a.group == "food_banks" and not a.gap_after
    }
    assert first in closed and food.gaps_after == food.gaps_before - len(closed)

    # a clear line above the table and chart says this is not today
    assert panel.banner.isVisibleTo(panel)
    assert panel.banner.accessibleName().startswith("What if: 1 proposed asset — not today's map.")
    # the table lists the what-if's gaps, ranked, then the areas it closes, marked so
    model = panel.model
    assert model.rowCount() == today_rows
    ranks = column_texts(model, "Rank")
    assert ranks[: food.gaps_after] == [str(n) for n in range(1, food.gaps_after + 1)]
    assert ranks[food.gaps_after :] == ["Closed"] * len(closed)
    assert {model.code(r) for r in range(food.gaps_after, today_rows)} == set(closed)
    assert f"{len(closed)} areas no longer have a gap" in panel.banner.accessibleName()
    last = model.index(today_rows - 1, 0)
    assert last.data(Qt.ItemDataRole.ToolTipRole) == "No longer a gap with the proposals"
    assert last.siblingAtColumn(2).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    # the chart draws only the what-if's gaps; today's results cannot be exported as if
    assert not set(closed.values()) & set(panel.chart.labels())
    assert today_bars[0] not in panel.chart.labels()
    assert not panel.export_button.isEnabled()

    window.resize(1400, 900)
    panel.tabs.setCurrentIndex(0)
    panel.show_question(False)
    panel.results.grab().save("/tmp/whatif_ranked_panel.png")
    panel.tabs.setCurrentIndex(1)
    panel.results.grab().save("/tmp/whatif_chart_panel.png")
    panel.tabs.setCurrentIndex(0)

    qtbot.mouseClick(panel.banner.today_button, Qt.MouseButton.LeftButton)
    assert panel.whatif.proposals == [] and panel.banner.isHidden()
    assert model.rowCount() == today_rows and "Closed" not in column_texts(model, "Rank")
    assert panel.chart.labels() == today_bars
    assert panel.export_button.isEnabled()


def test_a_saved_scenario_is_deleted_after_asking_and_undo_brings_it_back(qtbot, session):
    window = open_window(qtbot, session)
    whatif = find_food_bank_gaps(qtbot, window).whatif
    whatif.add_button.setChecked(True)
    place(qtbot, window, *PARTINGTON)
    whatif.save_as("Partington hub")
    assert whatif.delete_button.isEnabled()

    when_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(whatif.delete_button, Qt.MouseButton.LeftButton)
    assert store.by_name(session.project, "Partington hub") is not None

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(whatif.delete_button, Qt.MouseButton.LeftButton)
    assert store.by_name(session.project, "Partington hub") is None
    assert whatif.open_combo.findText("Partington hub") < 0
    assert not whatif.delete_button.isEnabled()
    assert len(whatif.proposals) == 1  # still shown, and can be saved again

    window.act_undo.trigger()  # Edit ▸ Undo
    assert store.by_name(session.project, "Partington hub") is not None
    assert whatif.open_combo.findText("Partington hub") >= 0


def test_the_covered_ground_includes_the_proposals_while_a_what_if_is_shown(qtbot, session):
    window = open_window(qtbot, session)
    panel = find_food_bank_gaps(qtbot, window)
    panel.show_coverage.setChecked(True)
    source = thematic_source(session.model)
    partington = shapely.Point(*PARTINGTON)

    def covered() -> bool:
        polygons = source.coverage(session.layers.coverage, coverage_scenario(session.layers))
        return bool(shapely.intersects(polygons.geometries, partington).any())

    assert not covered()
    panel.whatif.add_button.setChecked(True)
    place(qtbot, window, *PARTINGTON)
    assert coverage_scenario(session.layers) == panel.whatif.scenario_id
    assert covered()
    window.canvas.centre_on(*PARTINGTON)
    assert window.canvas.wait_for_render()
    window.grab().save("/tmp/whatif_coverage.png")
    labels = [e.label for e in legend_entries(session.model) if e.kind == "coverage"]
    assert labels == ["Within 800 m of food banks and pantries or a proposed one"]

    panel.whatif.back_to_today()
    assert coverage_scenario(session.layers) == 0 and not covered()


def test_an_area_the_proposals_would_make_a_gap_keeps_its_rank_marked_new(qtbot, session):
    """Adding assets cannot make a gap today, but the table must say so if a question can."""
    window = open_window(qtbot, session)
    panel = find_food_bank_gaps(qtbot, window)
    result, model = panel.result, panel.model
    first = model.code(0)
    one = dataclasses.replace(result, table=result.for_category("food_banks"))
    model.set_rows(one, result.ranked_gaps("food_banks"), None, {first: True})
    rank = model.index(0, 0)
    assert rank.data() == "1 (new)"
    assert rank.data(Qt.ItemDataRole.ToolTipRole) == "A gap with the proposals, not today"
    assert model.index(1, 0).data() == "2"
