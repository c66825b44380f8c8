"""The asset import's Category step: every value listed, matched, changed by hand, remembered."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assetmap.core import assets
from assetmap.core.taxonomy import default_categories
from assetmap.qt.dialogs.imports.assets import ImportAssetsDialog
from assetmap.qt.dialogs.imports.category_values import (
    CATEGORY,
    ROWS,
    UNMATCHED_BACKGROUND,
    VALUE,
    WHY,
)

WAIT_MS = 60_000
# The type columns of eight Trafford sources, one file of 704 rows and 32 different values.
TYPE_COLUMNS = [
    ("trafford_schools_and_colleges.geojson", "name", "type"),
    ("trafford_libraries.geojson", "Name", "Type"),
    ("trafford_care_homes.geojson", "name", "type"),
    ("trafford_dentists.geojson", "name", "type"),
    ("sports_facilities.geojson", "site_name", "facility_type"),
    ("trafford_hospitals.geojson", "DISTNAME", "CLASSIFICA"),
    ("trafford_places_of_worship.geojson", "DISTNAME", "CLASSIFICA"),
    ("trafford_post_offices.geojson", "DISTNAME", "CLASSIFICA"),
]


@pytest.fixture
def types_csv(tmp_path, trafford):
    parts = []
    for file_name, name, column in TYPE_COLUMNS:
        frame = gpd.read_file(trafford / "assets" / file_name).to_crs(4326)
        points = frame.geometry.representative_point()
        parts.append(
            pd.DataFrame(
                {"name": frame[name], "type": frame[column], "lat": points.y, "lon": points.x}
            )
        )
    table = pd.concat(parts, ignore_index=True)
    table.loc[[0, 1], "type"] = None  # two rows with no type at all
    path = tmp_path / "trafford_types.csv"
    table.to_csv(path, index=False)
    return path


def click(qtbot, widget) -> None:
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def category_step(qtbot, session, path) -> ImportAssetsDialog:
    dialog = ImportAssetsDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    while dialog.step < dialog.last_mapping_step:  # Columns, Location, then Category
        click(qtbot, dialog.next_button)
    click(qtbot, dialog.category_from_column)
    dialog.category_column.set_column("type")
    return dialog


def table_rows(dialog) -> dict[str, tuple[int, str, str]]:
    table = dialog.values_table
    return {
        table.item(r, VALUE).text(): (
            int(table.item(r, ROWS).text().replace(",", "")),
            table.item(r, CATEGORY).text(),
            table.item(r, WHY).text(),
        )
        for r in range(table.rowCount())
    }


def choose_with_mouse_and_keys(qtbot, dialog, value: str, label: str) -> None:
    """Click the value's category cell, type the start of a category, press Enter."""
    table = dialog.values_table
    row = next(r for r in range(table.rowCount()) if table.item(r, VALUE).text() == value)
    item = table.item(row, CATEGORY)
    table.scrollToItem(item)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center()
    )
    qtbot.waitUntil(lambda: table.delegate.editor is not None)
    combo = table.delegate.editor
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClicks(combo.view(), label)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.delegate.editor is None)
    assert table.item(row, CATEGORY).text() == label


def check_and_import(qtbot, dialog) -> None:
    assert dialog.step == dialog.last_mapping_step
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.report is not None, timeout=WAIT_MS)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)


def test_every_value_is_listed_with_its_rows_and_suggested_category(
    qtbot, empty_session, types_csv
):
    dialog = category_step(qtbot, empty_session, types_csv)
    shown = table_rows(dialog)
    source = pd.read_csv(types_csv)["type"]
    expected = source.value_counts().to_dict()
    assert {v: n for v, (n, _, _) in shown.items() if v != "(blank)"} == expected
    assert len(shown) == 33 and shown["(blank)"][:2] == (2, "Uncategorised")
    counts = [n for n, _, _ in shown.values()]
    assert counts == sorted(counts, reverse=True)  # commonest first

    assert shown["Local authority maintained schools"][1:] == ("Schools", "ends with 'schools'")
    assert shown["Local authority run library"][1:] == ("Libraries", "ends with 'library'")
    assert shown["Residential homes"][1] == "Social care"
    assert shown["Place Of Worship"][1:] == ("Faith groups", "same name")
    assert shown["Studios"][1:] == ("New category “Studios”", "no match")
    table = dialog.values_table
    studios = next(r for r in range(table.rowCount()) if table.item(r, VALUE).text() == "Studios")
    assert table.item(studios, CATEGORY).background().color() == UNMATCHED_BACKGROUND
    assert table.item(studios, CATEGORY).font().italic()
    unmatched = sorted(v for v, (_, label, _) in shown.items() if label.startswith("New category"))
    assert unmatched == ["Other types", "Ski slopes", "Studios"]
    assert dialog.values_summary.text().startswith(
        "33 different values in 'type': 30 go to a category, 3 match none (marked; they go to "
        "new categories)."
    )
    # The table takes most of the step's height: ten rows or more show, the rest scroll.
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    assert table.rowAt(table.viewport().height() - 2) >= 9


def test_changing_a_suggestion_changes_what_is_imported_and_can_be_remembered(
    qtbot, empty_session, types_csv
):
    session = empty_session
    dialog = category_step(qtbot, session, types_csv)
    choose_with_mouse_and_keys(qtbot, dialog, "Studios", "Arts")
    choose_with_mouse_and_keys(qtbot, dialog, "Ski slopes", "Sport and leisure")
    choose_with_mouse_and_keys(qtbot, dialog, "Colleges", "Schools")
    assert table_rows(dialog)["Studios"][2] == "chosen by you"
    # 'Colleges' is not offered: it is already a name of Universities and colleges.
    assert dialog.remember_check.isVisible()
    assert dialog.remember_check.text().replace("&", "").startswith("Remember 2 values you chose")
    click(qtbot, dialog.remember_check)

    check_and_import(qtbot, dialog)
    assert "'Studios' will be remembered as other names of 'Arts'" in dialog.report.notes
    frame = assets.frame(session.project)
    by_type = pd.read_csv(types_csv).assign(category=frame["category"].to_numpy())
    assert set(by_type.loc[by_type["type"] == "Studios", "category"]) == {"arts"}
    assert set(by_type.loc[by_type["type"] == "Colleges", "category"]) == {"schools"}
    assert set(by_type.loc[by_type["type"] == "Grass pitches", "category"]) == {"sport_leisure"}
    made = {c.label for c in session.categories()} - {c.label for c in default_categories()}
    assert made == {"Other types"}
    assert "Studios" in session.category("arts").synonyms
    assert "Ski slopes" in session.category("sport_leisure").synonyms
    assert "Colleges" not in session.category("schools").synonyms

    session.undo()  # the import and the names it remembered are one step
    assert assets.count(session.project) == 0
    assert "Studios" not in session.category("arts").synonyms


def test_a_personal_data_category_flags_the_rows_and_the_dialog_says_so(
    qtbot, empty_session, types_csv
):
    dialog = category_step(qtbot, empty_session, types_csv)
    assert not dialog.personal_note.isVisible()
    choose_with_mouse_and_keys(qtbot, dialog, "Studios", "Individuals' skills")
    assert dialog.personal_note.isVisible()
    assert dialog.personal_note.text().startswith(
        "21 rows go to “Individuals' skills”, which holds personal data"
    )
    click(qtbot, dialog.category_fixed)
    dialog.category_combo.set_key("individual_skills")
    assert "704 rows go to" in dialog.personal_note.text()
    assert dialog.personal_check.isChecked() and not dialog.personal_check.isEnabled()
    dialog.category_combo.set_key("arts")
    assert not dialog.personal_check.isChecked() and dialog.personal_check.isEnabled()
    dialog.category_combo.set_key("individual_skills")

    check_and_import(qtbot, dialog)
    assert any(
        n.startswith("704 assets are in 'Individuals' skills', which holds personal data")
        for n in dialog.report.notes
    )
    notes = dialog.report_page.notes
    assert any("holds personal data" in notes.item(i).text() for i in range(notes.count()))
    assert assets.frame(empty_session.project)["personal_data"].astype(bool).all()
    assert QApplication.activeModalWidget() in (None, dialog)


def test_a_type_column_naming_categories_is_offered_as_the_category(qtbot, session, types_csv):
    """Without it, all 704 rows would arrive Uncategorised unless the user noticed."""
    dialog = ImportAssetsDialog(session, path=types_csv)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    assert dialog.category_from_column.isChecked()
    assert dialog.category_column.column() == "type"


def test_a_type_column_of_something_else_is_not(qtbot, session, tmp_path):
    path = tmp_path / "buildings.csv"
    path.write_text(
        "name,type,lat,lon\n"
        "Trafford House,Office,53.459,-2.287\n"
        "Depot,Warehouse,53.442,-2.301\n"
        "Stretford Mall,Car park,53.401,-2.35\n",
        encoding="utf-8",
    )
    dialog = ImportAssetsDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    assert dialog.category_fixed.isChecked()
