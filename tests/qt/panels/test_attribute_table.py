"""The attribute table on the Trafford demo: what a planner sees, sorts, filters and edits."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from assetmap.core import assets
from assetmap.core.commands.assets import AddAsset, DeleteAsset, EditAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.panels.attribute_table import AttributeTable

UNPLACED = "Altrincham Anxiety Group (Trafford Self Help Services)"
STANDARD_HEADERS = [
    "Name",
    "Category",
    "Status",
    "Postcode",
    "Address",
    "Phone",
    "Website",
    "Opening hours",
    "Verified on",
    "Source",
    "Placed",
    "Out of area",
    "Personal data",
]


@pytest.fixture
def table(qtbot, session) -> AttributeTable:
    widget = AttributeTable(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def headers(table: AttributeTable) -> list[str]:
    model = table.view.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def column(table: AttributeTable, title: str) -> int:
    return headers(table).index(title)


def shown(table: AttributeTable, title: str = "Name") -> list[str]:
    model, col = table.view.model(), column(table, title)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def row_of(table: AttributeTable, name: str) -> int:
    return shown(table).index(name)


def cell_centre(table: AttributeTable, row: int, col: int) -> QPoint:
    index = table.view.model().index(row, col)
    table.view.scrollTo(index)
    return table.view.visualRect(index).center()


def click_cell(qtbot, table: AttributeTable, row: int, col: int, modifier=None) -> None:
    modifiers = modifier or Qt.KeyboardModifier.NoModifier
    pos = cell_centre(table, row, col)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, modifiers, pos)


def click_header(qtbot, table: AttributeTable, title: str) -> None:
    header = table.view.horizontalHeader()
    section = column(table, title)
    pos = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def choose_category(qtbot, table: AttributeTable, label: str) -> None:
    """Open the category filter's list and click the entry, as a user would."""
    combo = table.category_filter
    combo.showPopup()
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(combo.findText(label), 0)
    popup.scrollTo(index)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: combo.currentText() == label)


def open_message(table: AttributeTable) -> QMessageBox | None:
    boxes = [b for b in table.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def press_enter(qtbot, table: AttributeTable, editor) -> None:
    """Enter commits through a queued call in Qt's delegate: wait for the editor to close."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)


def demo_uuid(session, name: str) -> str:
    frame = assets.frame(session.project, columns=("uuid", "name"))
    return str(frame.loc[frame["name"] == name, "uuid"].iloc[0])


# ---- what is shown ------------------------------------------------------------------
def test_every_live_asset_is_a_row_with_the_columns_a_planner_needs(table, session):
    assert table.view.model().rowCount() == 501
    assert headers(table)[: len(STANDARD_HEADERS)] == STANDARD_HEADERS
    # the demo's imported extra fields are columns too, with their values
    frame = assets.frame(session.project, columns=("name", "custom"))
    wards = {
        name: json.loads(custom)["ward_name"]
        for name, custom in zip(frame["name"], frame["custom"], strict=True)
        if isinstance(custom, str) and "ward_name" in json.loads(custom)
    }
    assert len(wards) > 40
    shown_wards = dict(zip(shown(table), shown(table, "Ward name"), strict=True))
    assert all(shown_wards[name] == ward for name, ward in wards.items())
    assert table.count_label.text() == "501 assets"


def test_category_shows_its_label_and_map_symbol(table, session):
    row = row_of(table, "Altrincham Library")
    index = table.view.model().index(row, column(table, "Category"))
    assert index.data() == "Libraries"
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    image = icon.pixmap(14, 14).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert session.category("libraries").colour.lower() in colours


def test_the_unplaced_asset_says_not_placed(qtbot, table):
    row = row_of(table, UNPLACED)
    assert table.view.model().index(row, column(table, "Placed")).data() == "Not placed"
    others = {v for i, v in enumerate(shown(table, "Placed")) if i != row}
    assert others == {"Yes"}
    qtbot.mouseClick(table.only_unplaced, Qt.MouseButton.LeftButton)
    assert shown(table) == [UNPLACED]
    assert table.count_label.text() == "1 of 501 assets"


def test_an_empty_project_shows_no_rows_and_filters_quietly(qtbot, empty_session):
    widget = AttributeTable(empty_session)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.view.model().rowCount() == 0
    assert widget.count_label.text() == "0 assets"
    qtbot.keyClicks(widget.search, "library")
    qtbot.waitUntil(lambda: widget.count_label.text() == "0 of 0 assets")
    qtbot.mouseClick(widget.view.horizontalHeader().viewport(), Qt.MouseButton.LeftButton)


# ---- sorting and filtering ----------------------------------------------------------
def test_clicking_the_name_header_sorts_by_name_and_again_reverses(qtbot, table):
    click_header(qtbot, table, "Name")
    names = shown(table)
    assert names[0] == "10 Spennithorne Road"
    assert names == sorted(names, key=str.casefold)
    click_header(qtbot, table, "Name")
    assert shown(table)[0] == "Zion Centre (Peer Support)"


def test_sorting_by_an_extra_number_field_is_numeric_with_blanks_last(qtbot, table):
    click_header(qtbot, table, "Capacity")
    values = [v for v in shown(table, "Capacity")]
    filled = [float(v) for v in values if v]
    assert filled == sorted(filled) and len(filled) > 50
    assert all(not v for v in values[len(filled) :])


def test_choosing_libraries_shows_the_13_libraries(qtbot, table):
    choose_category(qtbot, table, "Libraries")
    assert table.view.model().rowCount() == 13
    assert set(shown(table, "Category")) == {"Libraries"}
    assert table.count_label.text() == "13 of 501 assets"
    choose_category(qtbot, table, "All categories")
    assert table.view.model().rowCount() == 501


def test_typing_library_finds_it_in_name_address_postcode_or_description(qtbot, table, session):
    frame = assets.frame(session.project)
    text = frame[["name", "address", "postcode", "description"]].fillna("").agg(" ".join, axis=1)
    expected = set(frame.loc[text.str.casefold().str.contains("library"), "name"])
    qtbot.keyClicks(table.search, "LIBRARY")
    qtbot.waitUntil(lambda: table.view.model().rowCount() == len(expected))
    assert set(shown(table)) == expected
    assert "Altrincham Library" in expected and len(expected) > 13  # not just the category
    assert table.count_label.text() == f"{len(expected)} of 501 assets"
    table.search.clear()
    qtbot.waitUntil(lambda: table.view.model().rowCount() == 501)


def test_filters_combine_with_sorting(qtbot, table, session):
    choose_category(qtbot, table, "Libraries")
    click_header(qtbot, table, "Name")
    names = shown(table)
    assert len(names) == 13 and names == sorted(names, key=str.casefold)
    frame = assets.frame(session.project).query("category == 'libraries'")
    text = frame[["name", "address", "postcode", "description"]].fillna("").agg(" ".join, axis=1)
    expected = sorted(frame.loc[text.str.casefold().str.contains("sale"), "name"], key=str.casefold)
    assert 0 < len(expected) < 13
    qtbot.keyClicks(table.search, "Sale")
    qtbot.waitUntil(lambda: table.view.model().rowCount() == len(expected))
    assert shown(table) == expected


def test_a_bulk_change_reloads_but_keeps_sort_filter_and_widths(qtbot, table, session):
    table.view.horizontalHeader().resizeSection(0, 300)
    choose_category(qtbot, table, "Libraries")
    click_header(qtbot, table, "Name")
    click_header(qtbot, table, "Name")
    before = shown(table)
    session.after_background_commit()  # what an import in a worker thread ends with
    assert shown(table) == before and before[0] == "Woodsend Library"
    assert table.count_label.text() == "13 of 501 assets"
    assert table.view.horizontalHeader().sectionSize(0) == 300


# ---- editing ------------------------------------------------------------------------
def test_f2_typing_and_enter_renames_the_asset_and_undo_puts_it_back(qtbot, table, session):
    uuid = demo_uuid(session, "Altrincham Library")
    row = row_of(table, "Altrincham Library")
    click_cell(qtbot, table, row, column(table, "Name"))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "Altrincham Library"
    editor.selectAll()
    qtbot.keyClicks(editor, "Altrincham Library and Archive")
    press_enter(qtbot, table, editor)

    assert assets.get(session.project, uuid).name == "Altrincham Library and Archive"
    index = table.view.model().index(row, column(table, "Name"))
    assert index.data() == "Altrincham Library and Archive"

    session.undo()
    assert assets.get(session.project, uuid).name == "Altrincham Library"
    assert index.data() == "Altrincham Library"
    session.redo()
    assert index.data() == "Altrincham Library and Archive"


def test_escape_cancels_an_edit(qtbot, table, session):
    row = row_of(table, "Altrincham Library")
    click_cell(qtbot, table, row, column(table, "Phone"))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "0161 000 0000")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not session.stack.can_undo


def test_an_empty_name_is_refused_with_a_message_and_nothing_changes(qtbot, table, session):
    uuid = demo_uuid(session, "Altrincham Library")
    row = row_of(table, "Altrincham Library")
    click_cell(qtbot, table, row, column(table, "Name"))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.viewport().findChild(QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    press_enter(qtbot, table, editor)

    qtbot.waitUntil(lambda: open_message(table) is not None)
    box = open_message(table)
    assert "Name" in box.text() and "needs a name" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_message(table) is None)

    assert assets.get(session.project, uuid).name == "Altrincham Library"
    assert table.view.model().index(row, column(table, "Name")).data() == "Altrincham Library"
    assert not session.stack.can_undo
    assert len([b for b in table.findChildren(QMessageBox) if b.isVisible()]) == 0


def test_category_is_chosen_from_a_list_with_symbols(qtbot, table, session):
    uuid = demo_uuid(session, "Altrincham Library")
    row = row_of(table, "Altrincham Library")
    click_cell(qtbot, table, row, column(table, "Category"))
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    combo = table.view.viewport().findChild(QComboBox)
    assert combo is not None and combo.currentData() == "libraries"
    assert not combo.itemIcon(combo.currentIndex()).isNull()
    combo.setCurrentIndex(combo.findData("community_centres"))
    press_enter(qtbot, table, combo)
    assert assets.get(session.project, uuid).category == "community_centres"
    assert table.view.model().index(row, column(table, "Category")).data() == "Community centres"


def test_extra_number_fields_take_numbers_only(qtbot, table, session):
    uuid = demo_uuid(session, "Altrincham Grammar School for Boys")
    row = row_of(table, "Altrincham Grammar School for Boys")
    col = column(table, "Capacity")
    click_cell(qtbot, table, row, col)
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "lots")
    press_enter(qtbot, table, editor)
    qtbot.waitUntil(lambda: open_message(table) is not None)
    assert "Capacity" in open_message(table).text() and "not a number" in open_message(table).text()
    open_message(table).close()

    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = table.view.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "1450")
    press_enter(qtbot, table, editor)
    assert assets.get(session.project, uuid).custom["capacity"] == 1450
    assert table.view.model().index(row, col).data() == "1450"


def test_editing_a_filtered_row_out_of_the_filter_hides_it_and_undo_brings_it_back(
    qtbot, table, session
):
    choose_category(qtbot, table, "Libraries")
    uuid = demo_uuid(session, "Altrincham Library")
    session.push(EditAsset(uuid, {"category": "community_centres"}))
    assert table.view.model().rowCount() == 12
    assert "Altrincham Library" not in shown(table)
    session.undo()
    assert table.view.model().rowCount() == 13 and "Altrincham Library" in shown(table)


def test_assets_added_deleted_elsewhere_appear_and_go(qtbot, table, session):
    uuid = new_uuid()
    session.push(AddAsset(Asset(uuid=uuid, name="Aardvark Lunch Club", category="food_banks")))
    assert table.view.model().rowCount() == 502 and "Aardvark Lunch Club" in shown(table)
    session.undo()
    assert table.view.model().rowCount() == 501 and "Aardvark Lunch Club" not in shown(table)
    library = demo_uuid(session, "Altrincham Library")
    session.push(DeleteAsset(library))
    assert "Altrincham Library" not in shown(table)
    assert table.count_label.text() == "500 assets"
    session.undo()
    assert "Altrincham Library" in shown(table)


# ---- selection and zoom -------------------------------------------------------------
def test_selecting_rows_selects_those_assets(qtbot, table, session):
    first = row_of(table, "Altrincham Library")
    click_cell(qtbot, table, first, 0)
    assert session.selection == {demo_uuid(session, "Altrincham Library")}
    click_cell(qtbot, table, first + 2, 0, Qt.KeyboardModifier.ShiftModifier)
    assert len(session.selection) == 3
    qtbot.keyClick(table.view, Qt.Key.Key_Down)  # the keyboard moves the selection too
    assert session.selection == {table.model.uuid_at(first + 3)}


def test_selecting_on_the_map_selects_and_reveals_the_rows(qtbot, table, session):
    picked = {demo_uuid(session, UNPLACED), demo_uuid(session, "Altrincham Library")}
    session.set_selection(picked)
    rows = table.view.selectionModel().selectedRows()
    names = {r.data() for r in rows}
    assert names == {UNPLACED, "Altrincham Library"}
    current = table.view.currentIndex()
    assert current.row() == min(r.row() for r in rows)
    assert table.view.viewport().rect().intersects(table.view.visualRect(current))
    assert session.selection == picked  # no echo back from the table
    session.set_selection(())
    assert table.view.selectionModel().selectedRows() == []


def test_filtering_the_table_keeps_the_map_selection(qtbot, table, session):
    picked = {demo_uuid(session, UNPLACED), demo_uuid(session, "Altrincham Library")}
    session.set_selection(picked)
    choose_category(qtbot, table, "Libraries")
    assert session.selection == picked
    assert {r.data() for r in table.view.selectionModel().selectedRows()} == {"Altrincham Library"}
    choose_category(qtbot, table, "All categories")
    assert len(table.view.selectionModel().selectedRows()) == 2


def test_only_selected_shows_what_the_map_selected(qtbot, table, session):
    picked = {demo_uuid(session, UNPLACED), demo_uuid(session, "Altrincham Library")}
    session.set_selection(picked)
    qtbot.mouseClick(table.only_selected, Qt.MouseButton.LeftButton)
    assert set(shown(table)) == {UNPLACED, "Altrincham Library"}
    session.set_selection({demo_uuid(session, "Altrincham Library")})
    assert shown(table) == ["Altrincham Library"]


def test_double_click_asks_to_zoom_to_that_asset(qtbot, table, session):
    row = row_of(table, "Altrincham Library")
    pos = cell_centre(table, row, column(table, "Name"))
    with qtbot.waitSignal(table.zoomRequested) as signal:
        # a real double-click: press and release, then the double-click event
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == [demo_uuid(session, "Altrincham Library")]
    assert table.view.viewport().findChild(QLineEdit) is None  # zoomed, did not edit
    with qtbot.waitSignal(table.zoomRequested) as signal:
        qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert signal.args == [demo_uuid(session, "Altrincham Library")]


def test_tab_reaches_the_table_and_leaves_it(qtbot, table):
    table.search.setFocus()
    qtbot.waitUntil(table.search.hasFocus)
    for _ in range(4):  # Only selected, Only unplaced, Due for checking, the table
        qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Tab)
    assert table.view.hasFocus()
    assert not table.view.tabKeyNavigation()


def test_screenshot_of_the_demo(qtbot, table, session):
    session.set_selection({demo_uuid(session, "Altrincham Library")})
    table.view.scrollToTop()
    image = table.grab()
    assert image.width() >= 1280 and image.height() >= 400
    assert image.save("/tmp/attribute_table.png")
