"""The import dialogs driven by keyboard as a new user drives them: a typed path, Tab, Enter.

Issue 9, item 14: Tab after typing a path did nothing, and Enter in the postcode-index field
ran the check from the Location step, so 608 rows would have arrived as Uncategorised.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assetmap.core import assets, categories
from assetmap.qt.dialogs.imports import ImportAreasDialog, ImportAssetsDialog
from assetmap.qt.dialogs.imports.base import STEP_FILE

WAIT_MS = 60_000


@pytest.fixture
def land_register(trafford):
    return trafford / "assets" / "trafford_land_and_building_assets.csv"


@pytest.fixture
def codepoint(sources):
    return sources / "codepoint" / "codepo_gb_m_sk_wa.zip"


def shown(qtbot, dialog):
    """The dialog as the user sees it: on screen, active, with keyboard focus inside."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def type_path(qtbot, dialog, path) -> None:
    dialog.file_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.file_edit)
    qtbot.keyClicks(dialog.file_edit, str(path))


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def step_title(dialog) -> str:
    return dialog.step_titles[dialog.step]


def click_next(qtbot, dialog) -> None:
    assert dialog.next_button.isEnabled(), dialog.next_button.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def imported_categories(session, name: str) -> dict[str, int]:
    frame = assets.frame(session.project, columns=("category", "source"))
    mine = frame[frame["source"] == name]
    return {str(k): int(v) for k, v in mine["category"].value_counts().items()}


# ---- a typed path -----------------------------------------------------------------------
def test_a_typed_path_is_read_when_tab_leaves_the_field(qtbot, session, land_register):
    dialog = shown(qtbot, ImportAssetsDialog(session))
    loads: list[str] = []
    dialog.file_edit.editingFinished.connect(lambda: loads.append("edit"))
    type_path(qtbot, dialog, land_register)
    press(qtbot, dialog.file_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.file_edit
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert dialog.preview.row_count == 608
    assert dialog.step == STEP_FILE  # read, not skipped past
    assert dialog.next_button.isEnabled()
    assert dialog.load_count == 1


def test_enter_in_the_path_reads_it_once_and_goes_no_further(qtbot, session, land_register):
    dialog = shown(qtbot, ImportAssetsDialog(session))
    type_path(qtbot, dialog, land_register)
    press(qtbot, dialog.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    press(qtbot, dialog.file_edit, Qt.Key.Key_Return)  # again: already read
    dialog.file_table.setFocus()  # focus leaves the field: no second read either
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.file_table)
    wait_idle(qtbot, dialog)
    assert dialog.load_count == 1
    assert dialog.step == STEP_FILE


def test_a_mistyped_path_says_so_when_tab_leaves_the_field(qtbot, session, tmp_path):
    dialog = shown(qtbot, ImportAssetsDialog(session))
    type_path(qtbot, dialog, tmp_path / "no such file.csv")
    press(qtbot, dialog.file_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dialog.load_count == 1)
    wait_idle(qtbot, dialog)
    assert dialog.banner.isVisible()
    assert "no such file.csv" in dialog.banner.text()
    assert not dialog.next_button.isEnabled()


# ---- Enter never skips a step -------------------------------------------------------------
def test_enter_in_the_postcode_index_stays_on_location_and_category_is_asked(
    qtbot, session, land_register, codepoint
):
    """The new user's trap: typed the Code-Point zip, pressed Enter, and the check ran."""
    dialog = shown(qtbot, ImportAssetsDialog(session))
    type_path(qtbot, dialog, land_register)
    press(qtbot, dialog.file_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert step_title(dialog) == "Choose file"
    click_next(qtbot, dialog)
    assert step_title(dialog) == "Columns"
    click_next(qtbot, dialog)
    assert step_title(dialog) == "Location"

    edit = dialog.postcode_index_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClicks(edit, str(codepoint))
    press(qtbot, edit, Qt.Key.Key_Return)
    press(qtbot, edit, Qt.Key.Key_Enter)
    assert step_title(dialog) == "Location"  # Enter moved nowhere
    assert dialog.prepared is None and not dialog.busy  # and checked nothing

    click_next(qtbot, dialog)
    assert step_title(dialog) == "Category"
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("council"))
    click_next(qtbot, dialog)
    assert step_title(dialog) == "Check and import"
    wait_idle(qtbot, dialog)
    assert dialog.report is not None and dialog.report.imported == 608

    summary = dialog.report_page.summary_text()
    assert "trafford_land_and_building_assets.csv" in summary
    assert "PropertyName" in summary and "PostCode" in summary
    assert "GeoX" in summary and "GeoY" in summary
    assert "codepo_gb_m_sk_wa.zip" in summary
    assert "Council" in summary
    placed = 608 - len(dialog.report.unplaced)
    assert f"{placed:,} placed on the map" in summary
    assert f"{len(dialog.report.unplaced):,} unplaced" in summary

    click_next(qtbot, dialog)  # Import
    qtbot.waitUntil(lambda: dialog.committed, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert imported_categories(session, land_register.name) == {"council": 608}


def test_enter_on_the_category_step_does_not_import(qtbot, session, trafford):
    path = trafford / "assets" / "trafford_community_hubs.csv"
    dialog = shown(qtbot, ImportAssetsDialog(session, path=path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    for _ in range(3):
        click_next(qtbot, dialog)
    assert step_title(dialog) == "Category"
    dialog.category_combo.setFocus()
    press(qtbot, dialog.category_combo, Qt.Key.Key_Return)
    assert step_title(dialog) == "Category"
    click_next(qtbot, dialog)
    wait_idle(qtbot, dialog)
    assert step_title(dialog) == "Check and import"
    before = assets.count(session.project)
    dialog.report_page.setFocus()
    press(qtbot, dialog.report_page, Qt.Key.Key_Return)
    assert not dialog.committed and not dialog.busy
    assert assets.count(session.project) == before


def test_back_and_next_move_one_step_at_a_time(qtbot, session, trafford):
    path = trafford / "assets" / "trafford_community_hubs.csv"
    dialog = shown(qtbot, ImportAssetsDialog(session, path=path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    titles = ["Choose file", "Columns", "Location", "Category"]
    seen = [step_title(dialog)]
    for _ in range(3):
        click_next(qtbot, dialog)
        seen.append(step_title(dialog))
    assert seen == titles
    back = []
    for _ in range(3):
        qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
        back.append(step_title(dialog))
    assert back == ["Location", "Columns", "Choose file"]
    assert not categories.by_key(session.project).get("Altrincham")


def test_enter_in_the_area_set_name_does_not_run_the_check(qtbot, session, trafford):
    path = trafford / "boundaries" / "trafford_msoa2021_generalised.geojson"
    dialog = shown(qtbot, ImportAreasDialog(session, path=path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    click_next(qtbot, dialog)
    dialog.set_name_edit.setFocus()
    qtbot.keyClicks(dialog.set_name_edit, "MSOA 2021")
    press(qtbot, dialog.set_name_edit, Qt.Key.Key_Return)
    assert step_title(dialog) == "Map columns"
    assert dialog.prepared is None and not dialog.busy
    click_next(qtbot, dialog)
    wait_idle(qtbot, dialog)
    summary = dialog.report_page.summary_text()
    assert "MSOA 2021" in summary and "area_code" in summary
