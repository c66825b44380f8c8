"""The import dialogs, driven as a user would: file, columns, check, import, on real sources."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from assetmap.core import areas, assets
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.project import Project
from assetmap.qt.dialogs.import_dialogs import (
    NONE_TEXT,
    SETTING_POSTCODE_INDEX,
    STEP_MAP,
    ImportAreasDialog,
    ImportAssetsDialog,
    ImportIndicatorsDialog,
    write_report_csv,
)
from assetmap.qt.dialogs.imports import assets as assets_dialog

LSOA_SET = "Neighbourhoods (LSOA 2021)"
WAIT_MS = 60_000


@pytest.fixture
def land_register(trafford):
    return trafford / "assets" / "trafford_land_and_building_assets.csv"


@pytest.fixture
def bigger_register(tmp_path, land_register):
    """The land register 30 times over (18,240 rows): a dry run that takes a while."""
    header, body = land_register.read_text(encoding="utf-8").split("\n", 1)
    path = tmp_path / "land_register_x30.csv"
    path.write_text(header + "\n" + body * 30, encoding="utf-8")
    return path


def opened(qtbot, dialog_class, session, path):
    dialog = dialog_class(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    return dialog


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_last_mapping_step(qtbot, dialog):
    """Next through the mapping steps (Columns, Location, Category for assets)."""
    while dialog.step < dialog.last_mapping_step:
        click(qtbot, dialog.next_button)


def check(qtbot, dialog):
    """The last mapping step -> Check and import: the dry run, waited for."""
    to_last_mapping_step(qtbot, dialog)
    click(qtbot, dialog.next_button)
    assert dialog.step == dialog.report_step
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def commit(qtbot, dialog):
    assert dialog.next_button.text().replace("&", "").startswith("Import")
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.committed, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def asset_count(project: Project) -> int:
    return len(assets.frame(project))


def count_in_file(path: Path) -> tuple[int, list[str]]:
    """What another program opening the file sees: assets and area sets."""
    with Project.open(path) as project:
        return asset_count(project), [info.name for info in areas.list_sets(project)]


# ---- areas ----------------------------------------------------------------------------------
def test_msoa_boundaries_become_a_new_area_set(qtbot, session, trafford):
    path = trafford / "boundaries" / "trafford_msoa2021_generalised.geojson"
    dialog = opened(qtbot, ImportAreasDialog, session, path)
    assert "28 features" in dialog.file_summary.text()
    click(qtbot, dialog.next_button)
    assert dialog.step == STEP_MAP
    assert dialog.fields.combos["code"].currentText() == "area_code"
    assert dialog.fields.marks["code"].text() == "guessed"
    assert not dialog.next_button.isEnabled()  # the set needs a name first
    assert "name" in dialog.banner.text()

    qtbot.keyClicks(dialog.set_name_edit, "Wards (2023)")  # taken in the demo
    assert not dialog.next_button.isEnabled()
    assert "already has an area set called 'Wards (2023)'" in dialog.banner.text()
    dialog.set_name_edit.clear()
    qtbot.keyClicks(dialog.set_name_edit, "MSOA 2021")
    qtbot.keyClick(dialog.set_name_edit, Qt.Key.Key_Return)  # Enter checks nothing by itself
    assert dialog.step == STEP_MAP and dialog.report is None
    check(qtbot, dialog)
    assert dialog.report.imported == 28
    assert "MSOA 2021" not in [i.name for i in areas.list_sets(session.project)]

    commit(qtbot, dialog)
    sets = {info.name: info for info in areas.list_sets(session.project)}
    assert "MSOA 2021" in sets and areas.count(session.project, "MSOA 2021") == 28
    assert "MSOA 2021" in count_in_file(session.project.path)[1]
    assert dialog.next_button.text().replace("&", "") == "Close"


def test_areas_into_an_empty_project(qtbot, empty_session, trafford):
    path = trafford / "boundaries" / "trafford_msoa2021_generalised.geojson"
    dialog = opened(qtbot, ImportAreasDialog, empty_session, path)
    click(qtbot, dialog.next_button)
    dialog.set_area_set_name("MSOA 2021")
    check(qtbot, dialog)
    commit(qtbot, dialog)
    assert [info.name for info in areas.list_sets(empty_session.project)] == ["MSOA 2021"]
    assert empty_session.full_extent() is not None  # the view can zoom to the new areas


# ---- assets ---------------------------------------------------------------------------------
def test_community_hubs_as_mutual_aid_then_undo(qtbot, session, trafford):
    before = asset_count(session.project)
    path = trafford / "assets" / "trafford_community_hubs.csv"
    dialog = opened(qtbot, ImportAssetsDialog, session, path)
    click(qtbot, dialog.next_button)
    assert dialog.fields.combos["name"].currentText() == "community_hub"
    assert dialog.location_radios["latlon"].isChecked()
    index = dialog.category_combo.findData("mutual_aid")
    assert index > 0 and not dialog.category_combo.itemIcon(index).isNull()  # the map symbol
    dialog.category_combo.setCurrentIndex(index)

    check(qtbot, dialog)
    assert "Category: Mutual-aid" in dialog.report_page.summary_text()
    assert dialog.report.imported == 6 and not dialog.report.rejected
    assert asset_count(session.project) == before  # nothing written by the check
    commit(qtbot, dialog)

    frame = assets.frame(session.project)
    assert len(frame) == before + 6
    hubs = frame[frame["source"] == "trafford_community_hubs.csv"]
    assert len(hubs) == 6 and set(hubs["category"]) == {"mutual_aid"}
    assert hubs.geometry.notna().all()
    assert len(session.points()) >= 6  # the views read the new assets
    session.undo()
    assert asset_count(session.project) == before


def test_land_register_report_lists_unplaced_rows_before_committing(
    qtbot, session, land_register, sources, tmp_path
):
    codepoint = sources / "codepoint" / "codepo_gb_m_sk_wa.zip"
    before = asset_count(session.project)
    dialog = opened(qtbot, ImportAssetsDialog, session, land_register)
    click(qtbot, dialog.next_button)
    # The guesses, marked as such, and the columns they use tinted and brought forward.
    assert dialog.fields.combos["name"].currentText() == "PropertyName"
    assert dialog.fields.combos["postcode"].currentText() == "PostCode"
    assert dialog.fields.marks["postcode"].text() == "guessed"
    assert dialog.location_radios["xy"].isChecked()
    assert dialog.coordinate_combos["x"].currentText() == "GeoX"
    assert dialog.xy_crs_edit.text() == "EPSG:4326"
    table = dialog.mapping_table
    first = table.horizontalHeader().logicalIndex(0)
    assert table.horizontalHeaderItem(first).text() == "PropertyName\n→ name"
    qtbot.keyClicks(dialog.postcode_index_edit, str(codepoint))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("council"))

    check(qtbot, dialog)
    unplaced = dialog.report_page.tables["unplaced"]
    assert dialog.report_page.tabs.currentWidget() is unplaced
    assert unplaced.rowCount() > 100
    assert unplaced.item(0, 0).text() == "5"
    assert unplaced.item(0, 1).text() == "Moss View Centre"  # which asset, by name
    assert "'M31' is only part of a postcode" in unplaced.item(0, 3).text()
    reasons = {unplaced.item(r, 3).text() for r in range(unplaced.rowCount())}
    assert any("not in the postcode index" in reason for reason in reasons)
    assert dialog.report_page.counts["unplaced"].text().count(f"{len(dialog.report.unplaced)}")
    assert asset_count(session.project) == before  # shown before anything is written

    saved = tmp_path / "report.csv"
    dialog.save_report(saved)
    with saved.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len([r for r in rows if r["outcome"] == "unplaced"]) == len(dialog.report.unplaced)
    assert any(r["outcome"] == "repaired" and r["row"] == "387" for r in rows)

    commit(qtbot, dialog)
    assert asset_count(session.project) == before + 608
    # The postcode index is offered again next time.
    assert QSettings().value(SETTING_POSTCODE_INDEX) == str(codepoint)
    again = ImportAssetsDialog(session)
    qtbot.addWidget(again)
    assert again.postcode_index_edit.text() == str(codepoint)


def test_categories_from_a_column_with_a_value_mapped_by_hand(qtbot, session, trafford):
    path = trafford / "assets" / "sports_facilities.geojson"
    dialog = opened(qtbot, ImportAssetsDialog, session, path)
    click(qtbot, dialog.next_button)
    assert dialog.location_radios["geometry"].isChecked()
    to_last_mapping_step(qtbot, dialog)
    click(qtbot, dialog.category_from_column)
    assert not dialog.category_combo.isEnabled()
    dialog.category_column.set_column("facility_type")
    values = dialog.values_table
    rows = {values.item(r, 0).text(): r for r in range(values.rowCount())}
    assert len(rows) == 13  # every value of the column
    assert values.item(rows["Studios"], 1).text() == "21"
    studios = values.item(rows["Studios"], 2)
    assert studios.text() == "New category “Studios”"
    click(qtbot, dialog.unknown_uncategorised)
    assert studios.text() == "Uncategorised"
    assert values.item(rows["Swimming pools"], 2).text() == "Sport and leisure"
    values.choose("Studios", "sport_leisure")
    before = len(session.categories())

    check(qtbot, dialog)
    assert dialog.report.imported == 314
    commit(qtbot, dialog)
    frame = assets.frame(session.project)
    imported = frame[frame["source"] == "sports_facilities.geojson"]
    sport = {v for v, _ in values_of(values) if values.item(rows[v], 2).text() != "Uncategorised"}
    expected = sum(int(values.item(rows[v], 1).text().replace(",", "")) for v in sport)
    assert (imported["category"] == "sport_leisure").sum() == expected
    assert (imported["category"] == "uncategorised").sum() == 314 - expected
    assert len(session.categories()) == before  # no new categories made


def values_of(table) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())]


def test_a_guess_set_to_none_is_reported_not_hidden(qtbot, session, land_register):
    dialog = opened(qtbot, ImportAssetsDialog, session, land_register)
    click(qtbot, dialog.next_button)
    dialog.fields.combos["postcode"].setCurrentIndex(0)
    assert dialog.fields.combos["postcode"].currentText() == NONE_TEXT
    assert dialog.fields.marks["postcode"].text() == ""
    check(qtbot, dialog)
    assert any("'PostCode' is still used for postcode" in n for n in dialog.report.notes)


def test_open_referral_placeholder_coordinates_cannot_be_imported(qtbot, session, sources):
    before = asset_count(session.project)
    path = sources / "open_referral" / "hsds3_examples_csv" / "locations.csv"
    dialog = opened(qtbot, ImportAssetsDialog, session, path)
    click(qtbot, dialog.next_button)
    check(qtbot, dialog)
    page = dialog.report_page
    assert page.stack.currentIndex() == 2
    assert page.problem_heading.text() == "Nothing can be imported from locations.csv"
    assert "latitude 100" in page.problem_text.text()
    assert "Traceback" not in page.problem_text.text()
    assert not dialog.next_button.isEnabled()
    click(qtbot, page.back_button)
    assert dialog.step == dialog.last_mapping_step
    assert asset_count(session.project) == before


def test_a_file_assetmap_cannot_read_is_explained(qtbot, session, tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_text("not a table")
    dialog = ImportAssetsDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.banner.isVisible()
    assert "minutes.docx" in dialog.banner.text() and "cannot read '.docx'" in dialog.banner.text()
    assert not dialog.next_button.isEnabled()


def test_window_keeps_working_while_the_check_runs(qtbot, session, bigger_register, monkeypatch):
    # The check waits for the window's timer to fire while the dialog is busy: it fires only
    # if the event loop runs on while the worker reads and checks 18,240 rows.
    real_prepare, window_ticked, seen = assets_dialog.prepare_assets, threading.Event(), {}

    def prepare_once_the_window_has_ticked(*args, **kwargs):
        seen["ticked"] = window_ticked.wait(30)
        return real_prepare(*args, **kwargs)

    monkeypatch.setattr(assets_dialog, "prepare_assets", prepare_once_the_window_has_ticked)
    dialog = opened(qtbot, ImportAssetsDialog, session, bigger_register)
    click(qtbot, dialog.next_button)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: dialog.busy and window_ticked.set())
    timer.start()
    to_last_mapping_step(qtbot, dialog)
    click(qtbot, dialog.next_button)
    assert dialog.busy and dialog.progress.isVisible()
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    timer.stop()
    assert seen == {"ticked": True}
    assert dialog.report.imported == 608 * 30


def test_cancel_during_the_check_leaves_the_project_unchanged(
    qtbot, session, bigger_register, monkeypatch
):
    real_prepare, cancel_pressed = assets_dialog.prepare_assets, threading.Event()

    def prepare_after_cancel(*args, **kwargs):  # still checking when Cancel is pressed
        cancel_pressed.wait(30)
        return real_prepare(*args, **kwargs)

    monkeypatch.setattr(assets_dialog, "prepare_assets", prepare_after_cancel)
    path = session.project.path
    before = count_in_file(path)
    dialog = opened(qtbot, ImportAssetsDialog, session, bigger_register)
    click(qtbot, dialog.next_button)
    to_last_mapping_step(qtbot, dialog)
    click(qtbot, dialog.next_button)
    assert dialog.busy
    click(qtbot, dialog.cancel_button)
    cancel_pressed.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.step == dialog.last_mapping_step and dialog.prepared is None
    assert "Cancelled; nothing was changed." in dialog.status.text()
    assert dialog.isVisible()  # Cancel stopped the check, not the dialog
    assert count_in_file(path) == before
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()
    assert count_in_file(path) == before


# ---- indicators ------------------------------------------------------------------------------
def test_mid_2024_population_persons_only_as_a_new_column(qtbot, session, trafford):
    path = trafford / "population" / "trafford_pop_mid2024_lsoa21.csv"
    dialog = opened(qtbot, ImportIndicatorsDialog, session, path)
    click(qtbot, dialog.next_button)
    assert dialog.set_combo.currentText() == LSOA_SET
    assert dialog.key.combos["key"].currentText() == "area_code"
    assert dialog.key.marks["key"].text() == "guessed"
    assert not dialog.filter_box.isHidden()
    assert dialog.filter_check.text() == ("This file has 3 rows per area — use only rows where")
    assert dialog.filter_field.currentText() == "sex"
    assert dialog.filter_value.currentText() == "Persons"
    assert dialog.filter_check.isChecked()

    click(qtbot, _button(dialog, "Select none columns"))
    assert not dialog.next_button.isEnabled()  # nothing to join yet
    dialog.set_column_choice("all_ages", True, "pop_mid2024")
    check(qtbot, dialog)
    assert dialog.report.imported == 139
    assert any("139 of 417 rows kept by sex=Persons" in n for n in dialog.report.notes)
    commit(qtbot, dialog)

    frame = areas.frame(session.project, LSOA_SET).set_index("code")
    assert frame.loc["E01006074", "pop_mid2024"] == 1634
    assert (frame["pop_mid2024"] == frame["population"]).all()  # the demo's own column agrees
    labels = {i.column for i in areas.indicators(session.project, LSOA_SET)}
    assert "pop_mid2024" in labels


def test_indicators_need_an_area_set(qtbot, empty_session, trafford):
    path = trafford / "deprivation" / "trafford_imd2025_lsoa21.csv"
    dialog = opened(qtbot, ImportIndicatorsDialog, empty_session, path)
    click(qtbot, dialog.next_button)
    assert "no area sets yet" in dialog.banner.text()
    assert not dialog.next_button.isEnabled()


def _button(dialog, accessible_name):
    from PySide6.QtWidgets import QPushButton

    for button in dialog.findChildren(QPushButton):
        if button.accessibleName() == accessible_name:
            return button
    raise LookupError(accessible_name)


def test_saved_report_cells_cannot_run_as_formulas(tmp_path):
    report = ImportReport(file="hostile.csv", kind="assets")
    report.rejected.append(RowIssue(7, "=cmd", '=HYPERLINK("http://x") is not a number'))
    report.notes.append("@SUM(A1) note")
    path = tmp_path / "report.csv"
    write_report_csv(path, report)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == [
        "rejected",
        "hostile.csv",
        "7",
        "'=cmd",
        '\'=HYPERLINK("http://x") is not a number',
    ]
    assert rows[2][-1] == "'@SUM(A1) note"


def test_an_import_dialog_without_its_mapping_step_is_refused_when_defined():
    from assetmap.qt.dialogs.imports.base import ImportDialog

    with pytest.raises(TypeError, match="_fill_mapping, _options, _prepare, _command"):

        class Half(ImportDialog):  # only the page: the rest is missing
            def _build_mapping_page(self):
                return None
