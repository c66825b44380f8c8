"""Extra fields where people see them: the card, the form and the table use their labels.

Issue 9, item 15: 'marker-color' and 'organisation_data_service_code' showed as field names,
and 'Establishment number 3,005' as a quantity.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel

from assetmap.core import assets, custom_fields
from assetmap.core.commands import EditAsset
from assetmap.qt.dialogs.asset_form import AssetForm
from assetmap.qt.dialogs.imports import ImportAssetsDialog
from assetmap.qt.panels.asset_card import RENAME_TEXT, AssetCard
from assetmap.qt.panels.attribute_table import AttributeTable
from support.qt import when_modal

WAIT_MS = 60_000


def make_card(qtbot, session) -> AssetCard:
    card = AssetCard(session)
    qtbot.addWidget(card)
    card.resize(330, 760)
    card.show()
    qtbot.waitExposed(card)
    return card


def uuid_of(session, name: str) -> str:
    frame = assets.frame(session.project, columns=("uuid", "name"))
    return str(frame[frame["name"] == name]["uuid"].iloc[0])


def details(card: AssetCard) -> dict[str, str]:
    """Caption -> value of every detail row the card shows."""
    form = card.details
    shown = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole)
        field = form.itemAt(row, form.ItemRole.FieldRole)
        if label is not None and field is not None:
            caption, value = label.widget(), field.widget()
            if isinstance(caption, QLabel) and isinstance(value, QLabel):
                shown[caption.text()] = value.text()
    return shown


def headers(table: AttributeTable) -> list[str]:
    model = table.view.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def cell(table: AttributeTable, name: str, title: str) -> str:
    model = table.view.model()
    col = headers(table).index(title)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    return model.index(names.index(name), col).data()


# ---- an existing project: the Trafford demo, imported before labels ----------------------------
def test_demo_school_shows_codes_as_written_under_human_labels(qtbot, session):
    card = make_card(qtbot, session)
    session.set_selection({uuid_of(session, "St John Vianney School")})
    shown = details(card)
    assert shown["Establishment number"] == "7503"  # not 7,503: a code, not a quantity
    assert shown["Unique reference number"] == "106167"
    assert shown["Local authority code"] == "358"
    assert shown["Capacity"] == "160"
    assert shown["Percent FSM"] == "41.3"
    assert "establishment_number" not in shown and "Establishment_number" not in shown
    captions = list(shown)
    assert captions.index("Local authority code") < captions.index("Capacity")  # source order


def test_demo_library_shows_no_map_styling(qtbot, session):
    card = make_card(qtbot, session)
    session.set_selection({uuid_of(session, "Sale Library")})
    shown = details(card)
    assert "Area name" in shown and "Type" in shown
    assert not [c for c in shown if "arker" in c]
    table = AttributeTable(session)
    qtbot.addWidget(table)
    assert "Marker color" not in headers(table) and "marker-color" not in headers(table)


def test_demo_pharmacy_field_renamed_from_the_card_everywhere_then_undone(qtbot, session):
    card = make_card(qtbot, session)
    table = AttributeTable(session)
    qtbot.addWidget(table)
    pharmacy = "Allied Pharmacy Davyhulme Medical Centre"
    session.set_selection({uuid_of(session, pharmacy)})
    assert details(card)["Organisation data service code"] == "FKJ04"
    assert "Organisation data service code" in headers(table)

    caption = card.custom_captions["organisation_data_service_code"]
    assert caption.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    (rename,) = [a for a in caption.actions() if a.text() == RENAME_TEXT]

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "Organisation data service code"
        dialog.setTextValue("ODS code")
        dialog.accept()

    when_modal(answer)
    rename.trigger()
    assert details(card)["ODS code"] == "FKJ04"
    assert "ODS code" in headers(table) and cell(table, pharmacy, "ODS code") == "FKJ04"
    assert session.stack.undo_text == (
        "Rename field 'Organisation data service code' to 'ODS code'"
    )
    session.undo()
    assert "Organisation data service code" in details(card)
    assert "Organisation data service code" in headers(table)


def test_the_table_shows_codes_as_text_and_quantities_as_numbers(qtbot, session):
    table = AttributeTable(session)
    qtbot.addWidget(table)
    school = "St John Vianney School"
    assert cell(table, school, "Establishment number") == "7503"
    col = headers(table).index("Establishment number")
    assert table.model.columns[col].kind == "text"
    assert table.model.columns[headers(table).index("Capacity")].kind == "number"


def test_editing_a_library_keeps_its_hidden_styling_and_says_what_changed(qtbot, session):
    uuid = uuid_of(session, "Sale Library")
    # As an import before styling was recognised kept it (the demo is now built without).
    styled = {**assets.get(session.project, uuid).custom, "marker-color": "#fc6721"}
    with session.project.transaction() as conn:
        conn.execute("UPDATE assets SET custom = ? WHERE uuid = ?", (json.dumps(styled), uuid))
    before = assets.get(session.project, uuid).custom
    assert before["marker-color"] == "#fc6721"
    form = AssetForm.for_edit(session, uuid)
    qtbot.addWidget(form)
    form.show()
    keys = [form._custom_key(r) for r in range(form.custom_table.rowCount())]
    assert "marker-color" not in keys
    labels = [form.custom_table.item(r, 0).text() for r in range(form.custom_table.rowCount())]
    assert "Area name" in labels
    form.name_edit.setText("Sale Library and Community Hub")
    row = labels.index("Opening hours") if "Opening hours" in labels else None
    assert row is None  # a standard field, not an extra one
    form.hours_edit.setPlainText("Mon 9:00-17:00")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    after = assets.get(session.project, uuid)
    assert after.custom == before  # the styling is still there, untouched
    assert session.stack.undo_text == "Edit name, opening hours"


def test_a_changed_extra_field_is_named_in_the_undo_text(qtbot, session):
    uuid = uuid_of(session, "St John Vianney School")
    custom = dict(assets.get(session.project, uuid).custom)
    custom["ofsted_rating"] = "Outstanding"
    session.push(EditAsset(uuid, {"custom": custom}))
    assert session.stack.undo_text == "Edit ofsted rating"


# ---- a fresh import, driven through the dialog -----------------------------------------------
def import_file(qtbot, session, path, category: str) -> None:
    dialog = ImportAssetsDialog(session, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=WAIT_MS)
    while dialog.step < dialog.last_mapping_step:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(category))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.prepared is not None and not dialog.busy, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.committed and not dialog.busy, timeout=WAIT_MS)
    dialog.accept()


def test_imported_schools_pharmacies_and_food_banks_read_as_people_would(
    qtbot, empty_session, trafford, tmp_path
):
    session = empty_session
    folder = trafford / "assets"
    import_file(qtbot, session, folder / "trafford_schools_and_colleges.geojson", "schools")
    import_file(qtbot, session, folder / "trafford_pharmacies.geojson", "gp_primary_care")
    import_file(qtbot, session, folder / "trafford_food_banks.geojson", "food_banks")

    defs = custom_fields.by_name(session.project)
    assert defs["establishment_number"].type == "text"
    assert defs["organisation_data_service_code"].label == "Organisation data service code"
    stored = dict(session.project.conn.execute("SELECT name, label FROM am_field_defs"))
    assert stored["organisation_data_service_code"] == "Organisation data service code"
    assert "marker-color" not in stored and "marker-size" not in stored

    card = make_card(qtbot, session)
    session.set_selection({uuid_of(session, "St John Vianney School")})
    shown = details(card)
    assert shown["Establishment number"] == "7503"
    assert shown["Unique reference number"] == "106167"
    assert shown["Capacity"] == "160"
    card.grab().save(str(tmp_path / "school_card.png"))

    session.set_selection({uuid_of(session, "Allied Pharmacy Davyhulme Medical Centre")})
    assert details(card)["Organisation data service code"] == "FKJ04"
    assert details(card)["Health and wellbeing board"] == "Trafford"
    assert details(card)["LA code"]

    session.set_selection({uuid_of(session, "The Globe: Old Trafford Pantry")})
    shown = details(card)
    assert "Referral method" in shown and not [c for c in shown if "arker" in c]
    assert QApplication.activeModalWidget() is None
