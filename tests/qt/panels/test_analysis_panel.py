"""The "Find gaps" panel driven as a planner would, on the Trafford demo."""

from __future__ import annotations

import csv
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog

from assetmap.core import areas
from assetmap.core.analysis import classify, inputs, runs
from assetmap.qt.legend import LegendWidget
from assetmap.qt.panels.analysis_panel import AnalysisPanel

LSOA = "Neighbourhoods (LSOA 2021)"
MH = "mental_health"


@pytest.fixture
def panel(qtbot, session):
    widget = AnalysisPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ask_about_mental_health(panel) -> None:
    panel.category_item("Mental health").setCheckState(0, Qt.CheckState.Checked)
    panel.population.setCurrentIndex(panel.population.findText("Population"))
    panel.need.setCurrentIndex(panel.need.findText("IMD score"))


def find_gaps(qtbot, panel) -> None:
    before = panel.result
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy and panel.result is not before, timeout=30_000)
    assert panel.error.isHidden(), panel.error.text()


def kept_runs(session) -> int:
    return session.project.conn.execute("SELECT count(*) FROM am_analysis_runs").fetchone()[0]


def test_finds_gaps_in_a_worker_while_the_window_stays_responsive(
    qtbot, session, panel, monkeypatch
):
    ask_about_mental_health(panel)
    # The work waits for the window's timer to fire while the panel is busy: it fires only
    # if the event loop runs on while the analysis does (on the GUI thread it never would).
    real_load, window_ticked, seen = inputs.load, threading.Event(), {}

    def load_once_the_window_has_ticked(project, params):
        seen["ticked"] = window_ticked.wait(30)
        return real_load(project, params)

    monkeypatch.setattr(inputs, "load", load_once_the_window_has_ticked)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: panel.busy and window_ticked.set())
    timer.start()
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.busy and panel.progress.isVisible() and panel.cancel_button.isVisible()
    assert not panel.find_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60_000)
    timer.stop()
    assert seen == {"ticked": True}
    assert panel.error.isHidden(), panel.error.text()
    assert kept_runs(session) == 1
    result = panel.result
    assert result.params.categories == (MH,)
    assert result.params.population_field == "population"
    assert result.params.need_field == "imd_score"
    # The same figures as the command line gives: 58 of Trafford's 139 LSOAs have a gap.
    assert "58 of 139 areas" in panel.summary.text()
    assert panel.method.text() == result.method and "800 m" in panel.method.text()
    # The map now shows need against provision for the run, as the legend says.
    thematic = session.layers.thematic
    assert (thematic.run_id, thematic.category, thematic.mode) == (result.run_id, MH, "bivariate")
    assert panel.question.isHidden()  # the question folds away to make room


def test_ranked_table_puts_high_need_and_low_provision_first(qtbot, session, panel):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    model = panel.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:5] == [
        "Rank",
        "Area",
        "Need / provision",
        "Need (IMD score)",
        "Within 800 m (%)",
    ]
    assert "Nearest asset (m)" in headers and "Per 1,000 people" in headers
    table = panel.result.for_category(MH).set_index("area_code")
    codes = [model.code(r) for r in range(model.rowCount())]
    assert len(codes) == table["gap"].sum() == 58  # gaps only
    first = table.loc[codes[0]]
    assert (first["need_tercile"], first["provision_tercile"]) == (3, 1)
    assert first["need"] == table[table["provision_tercile"] == 1]["need"].max()
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[0] == "1" and row[1] == first["area_name"]
    nearest = row[headers.index("Nearest asset (m)")]
    assert nearest.isdigit()  # whole metres, no spurious decimals
    assert row[headers.index("Within 800 m (%)")].count(".") <= 1


def test_ranked_table_shows_the_need_and_provision_class_that_orders_it(qtbot, session, panel):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    model = panel.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    column = headers.index("Need / provision")
    need = headers.index("Need (IMD score)")
    classes = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    needs = [float(model.data(model.index(r, need))) for r in range(model.rowCount())]
    assert classes[0] == "High / low"
    first = model.index(0, column)
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == "High need, low provision"
    # The swatch is the area's colour on the need-against-provision map.
    assert model.data(first, Qt.ItemDataRole.DecorationRole) == QColor(
        classify.bivariate_colour(3, 1)
    )
    # Where a lower need ranks above a higher one, the class says why: the classes come in
    # blocks, and within a block need only falls.
    blocks = [c for i, c in enumerate(classes) if i == 0 or classes[i - 1] != c]
    assert len(blocks) == len(set(blocks)) > 1
    jumps = [i for i in range(1, len(needs)) if needs[i] > needs[i - 1]]
    assert jumps and all(classes[i] != classes[i - 1] for i in jumps)
    assert panel.rank_caption.text() == (
        "Areas with a gap. Ranked: high need with low provision first, then by need. "
        "Click one to see it on the map."
    )
    # The swatch is drawn in the table, so the table and the map read together.
    panel.tabs.setCurrentIndex(0)
    table = panel.table
    qtbot.waitUntil(table.isVisible)
    cell = table.visualRect(first)
    image = table.viewport().grab(cell).toImage()
    swatch = QColor(classify.bivariate_colour(3, 1)).rgb()
    pixels = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert swatch in pixels
    # The chart groups its bars under the same classes.
    panel.tabs.setCurrentIndex(1)
    assert panel.chart.data.bars[0].group == "High need, low provision"
    image = panel.chart.render_to_image(420, 520)
    colours = {image.pixel(x, y) for x in range(0, 420, 2) for y in range(0, 520, 2)}
    assert QColor(classify.bivariate_colour(3, 1)).rgb() in colours


def test_clicking_or_entering_a_row_asks_the_map_to_zoom_to_that_area(qtbot, panel):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    panel.tabs.setCurrentIndex(0)
    table = panel.table
    first = panel.model.index(0, 1)
    with qtbot.waitSignal(panel.zoomToArea, timeout=2000) as clicked:
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center()
        )
    assert clicked.args == [LSOA, panel.model.code(0)]
    table.setFocus()
    table.setCurrentIndex(panel.model.index(2, 1))
    with qtbot.waitSignal(panel.zoomToArea, timeout=2000) as entered:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert entered.args == [LSOA, panel.model.code(2)]


def test_cancel_during_a_run_keeps_nothing(qtbot, session, panel, monkeypatch):
    real_load, cancel_pressed = inputs.load, threading.Event()

    def slow_load(project, params):  # a big area set: still loading when Cancel is pressed
        cancel_pressed.wait(30)
        return real_load(project, params)

    monkeypatch.setattr(inputs, "load", slow_load)
    ask_about_mental_health(panel)
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.busy
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    cancel_pressed.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    assert panel.status.text() == "Stopped. Nothing was kept."
    assert kept_runs(session) == 0
    assert panel.result is None and session.layers.thematic is None
    assert panel.find_button.isEnabled() and panel.cancel_button.isHidden()


def test_problems_are_said_in_plain_words(qtbot, session, panel):
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible()
    assert panel.error.text() == "Tick at least one kind of asset to look for."
    assert not panel.busy and kept_runs(session) == 0


def test_a_group_tick_chooses_its_categories_with_assets_and_leaves_out_the_rest(
    qtbot, session, panel
):
    group = panel.category_item("Voluntary and community")
    panel.categories.setCurrentItem(group)
    qtbot.keyClick(panel.categories, Qt.Key.Key_Space)  # tick the group as a user would
    assert group.checkState(0) == Qt.CheckState.Checked and group.isExpanded()
    with_assets = {"mutual_aid", "faith_groups", "food_banks"}
    empty = {"charities", "community_groups", "volunteer_centres", "coordination_hubs"}
    assert set(panel.chosen_categories()) == with_assets
    assert panel.chosen_groups() == ["Voluntary and community"]
    params = panel.params()
    assert params.groups == ("Voluntary and community",) and set(params.skipped) == empty
    # The kinds left out are greyed and say why.
    charities = panel.category_item("Charities")
    assert charities.text(0) == "Charities (0)"
    assert (
        charities.foreground(0).color() != panel.category_item("Faith groups").foreground(0).color()
    )
    assert "No assets of this kind" in charities.toolTip(0)
    find_gaps(qtbot, panel)
    assert set(panel.result.params.categories) == with_assets
    assert (
        "Left out 4 categories with no assets to count: Charities, Community and tenants' "
        "groups, Volunteer centres, Community hubs and coordination centres"
        in panel.summary.text().replace("&#x27;", "'")
    )
    assert "Left out 4 categories" in panel.result.method
    # Unticking the group clears every one of its kinds.
    panel.show_question(True)
    panel.categories.setCurrentItem(group)
    qtbot.keyClick(panel.categories, Qt.Key.Key_Space)
    assert panel.chosen_categories() == [] and panel.chosen_groups() == []


def test_an_empty_kind_ticked_on_its_own_is_analysed_and_every_area_is_a_gap(qtbot, panel):
    charities = panel.category_item("Charities")
    charities.setCheckState(0, Qt.CheckState.Checked)
    group = panel.category_item("Voluntary and community")
    assert group.checkState(0) == Qt.CheckState.PartiallyChecked
    assert panel.params().categories == ("charities",) and panel.params().skipped == ()
    find_gaps(qtbot, panel)
    assert "139 of 139 areas" in panel.summary.text()
    assert "no assets of this kind to count, so every area is a gap" in panel.summary.text()
    assert "Left out" not in panel.summary.text()


def test_a_group_with_no_assets_has_no_tick_of_its_own(panel):
    economy = panel.category_item("Local economy")
    assert not economy.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert economy.data(0, Qt.ItemDataRole.CheckStateRole) is None
    panel.category_item("Markets").setCheckState(0, Qt.CheckState.Checked)
    assert panel.chosen_categories() == ["markets"] and panel.chosen_groups() == []


def test_the_kinds_with_assets_follow_the_assets(qtbot, session, panel):
    from assetmap.core.commands import AddAsset
    from assetmap.core.model import Asset, new_uuid

    assert panel.category_item("Charities").text(0) == "Charities (0)"
    x, y = session.points()[["x", "y"]].iloc[0]
    session.push(AddAsset(Asset(uuid=new_uuid(), name="Age UK", category="charities", x=x, y=y)))
    charities = panel.category_item("Charities")
    assert charities.text(0) == "Charities (1)" and charities.toolTip(0) == ""
    panel.category_item("Voluntary and community").setCheckState(0, Qt.CheckState.Checked)
    assert "charities" in panel.chosen_categories()


def test_show_on_map_options_change_the_map_and_legend(qtbot, session, panel):
    ask_about_mental_health(panel)
    panel.category_item("Libraries").setCheckState(0, Qt.CheckState.Checked)
    find_gaps(qtbot, panel)
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    panel.show_combo.setCurrentIndex(panel.show_combo.findData("coverage"))
    style = session.layers.thematic
    assert (style.mode, style.measure, style.palette, style.reversed) == (
        "measure",
        "coverage",
        "YlOrRd",
        True,  # least covered darkest
    )
    assert all(label.endswith(" %") for label in legend.labels("class"))
    panel.scheme.setCurrentIndex(panel.scheme.findData("equal_interval"))
    assert legend.labels("class")[:2] == ["0–20 %", "20–40 %"]
    panel.show_coverage.setChecked(True)
    assert session.layers.coverage.run_id == panel.result.run_id
    assert any(label.startswith("Within 800 m") for label in legend.labels("coverage"))
    # "Any of the chosen categories" maps, ranks and charts the two together.
    panel.category_combo.setCurrentIndex(
        panel.category_combo.findText("Any of the chosen categories")
    )
    assert session.layers.thematic.category == "*"
    assert set(panel.chart.labels()) == {"Mental health", "Libraries"}
    # Only the assets looked for stay on the map.
    visible = session.layers.visible_categories([c.key for c in session.categories()])
    assert set(visible) == {MH, "libraries"}
    panel.only_chosen.setChecked(False)
    assert "schools" in session.layers.visible_categories(["schools"])


def test_chart_draws_the_areas_to_look_at_first(qtbot, panel):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    chart = panel.chart
    labels = chart.labels()
    assert 0 < len(labels) <= 15
    assert labels[0] == panel.model.data(panel.model.index(0, 1))
    image = chart.render_to_image(420, 420)
    colours = {image.pixel(x, y) for x in range(0, 420, 3) for y in range(0, 420, 3)}
    assert len(colours) > 10  # not blank
    bar = QColor(chart.colour).rgb()
    assert bar in colours


def test_export_writes_the_csv_and_the_method(qtbot, tmp_path, panel, monkeypatch):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    target = tmp_path / "gaps"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "gaps.csv"
    with written.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 139
    assert "Area within 800 m of an asset (%)" in rows[0]
    assert (tmp_path / "gaps.method.txt").read_text(encoding="utf-8").startswith("Gap analysis")
    assert "gaps.csv" in panel.status.text()


def test_export_to_a_place_that_cannot_take_it_says_so_and_writes_nothing(
    qtbot, tmp_path, panel, monkeypatch
):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    folder = tmp_path / "usb stick"  # chosen, then unplugged
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(folder / "gaps"), ""))
    )
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible()
    assert panel.error.text().startswith("The results could not be saved: gaps.csv: the folder")
    assert not folder.exists()


def test_earlier_runs_can_be_picked_again(qtbot, session, panel):
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    first = panel.result.run_id
    panel.show_question(True)
    panel.distance.setValue(400)
    find_gaps(qtbot, panel)
    assert panel.result.params.distance_m == 400
    assert panel.run_combo.count() == 2
    assert "Neighbourhoods (LSOA 2021)" in panel.run_combo.itemText(0)
    panel.run_combo.setCurrentIndex(panel.run_combo.findData(first))
    assert panel.result.run_id == first
    assert session.layers.thematic.run_id == first
    # A new panel (the project reopened) shows the run the map shows.
    again = AnalysisPanel(session)
    qtbot.addWidget(again)
    assert again.result.run_id == first
    assert [r.id for r in runs.list_runs(session.project)] == sorted([first, first + 1])


def test_main_window_raises_the_panel_and_zooms_to_an_area(qtbot, session):
    from assetmap.qt.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.act_find_gaps.trigger()
    assert window.dock_analysis.isVisible()
    assert window.analysis.visibleRegion().isEmpty() is False
    code = "E01006159"
    window.analysis.zoomToArea.emit(LSOA, code)
    frame = areas.frame(session.project, LSOA)
    geometry = frame[frame["code"] == code].geometry.iloc[0]
    minx, miny, maxx, maxy = window.canvas.view.bounds()
    bx = geometry.bounds
    assert minx <= bx[0] and maxx >= bx[2] and miny <= bx[1] and maxy >= bx[3]
    assert (maxx - minx) < 3 * (bx[2] - bx[0]) + 3 * (bx[3] - bx[1])  # zoomed in on it
    assert window.selection_overlay.area.equals(geometry)


def test_needs_raised_in_workshops_are_a_column_of_their_own_when_ticked(qtbot, session, panel):
    from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
    from support.workshop import pin

    create = CreateWorkshop("Stretford residents", "Stretford Library", "2026-03-14", "Amira")
    session.push(create)
    need = pin("Somewhere to talk", kind="need", category=MH)
    session.push(AddContribution(create.workshop_id, need, None, review="approved"))
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    model = panel.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Needs raised" not in headers and not panel.result.params.include_needs
    assets_before = panel.result.table["assets"].tolist()
    assert panel.include_needs.isChecked() is False
    panel.include_needs.click()
    find_gaps(qtbot, panel)
    assert panel.result.params.include_needs
    assert panel.result.table["assets"].tolist() == assets_before  # a need is not provision
    assert panel.result.for_category(MH)["needs_raised"].sum() == 1
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Needs raised" in headers
    panel.grab().save("/tmp/wscore_analysis_panel.png")


def test_the_run_is_kept_by_the_worker_not_the_window(qtbot, session, panel, monkeypatch):
    """Keeping a national run takes seconds: the window must stay free meanwhile."""
    real_save, threads = runs.save, []

    def save_and_note_the_thread(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_save(*args, **kwargs)

    monkeypatch.setattr(runs, "save", save_and_note_the_thread)
    ask_about_mental_health(panel)
    find_gaps(qtbot, panel)
    assert threads and threading.main_thread() not in threads
    assert kept_runs(session) == 1
    assert panel.result is not None and panel.result.run_id == panel.run_combo.currentData()
