"""The Add/Edit asset form, driven by keyboard and mouse on a copy of the Trafford demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from assetmap.core import assets, attachments, changelog
from assetmap.qt.dialogs.asset_form import AssetForm

# Stretford, inside the demo's areas (British National Grid).
SPOT = (379_480.0, 396_110.0)


def show(qtbot, form: AssetForm) -> AssetForm:
    """Show the form as the user would see it, with keyboard focus in its first field."""
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return form


def demo_asset(session, name_part: str) -> assets.Asset:
    frame = assets.frame(session.project, columns=("uuid", "name"))
    hits = frame[frame["name"].str.contains(name_part, regex=False)]
    return assets.get(session.project, str(hits["uuid"].iloc[0]))


def live_count(session) -> int:
    return assets.count(session.project)


def photo_file(tmp_path: Path, name: str = "lunch.png", colour: str = "#E69F00") -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def pick_category(qtbot, form: AssetForm, text: str) -> None:
    """Type part of a name into the category box and take the first match offered."""
    qtbot.keyClicks(form.category_combo.lineEdit(), text)
    popup = form.category_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()


def type_into_focus(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


# ---- adding ----------------------------------------------------------------------------
def test_a_new_asset_filled_in_by_keyboard_is_saved_where_the_user_clicked(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    before = live_count(session)

    assert QApplication.focusWidget() is form.name_edit  # name is focused first
    type_into_focus(qtbot, "Mosque food bank")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.category_combo  # Tab goes on to the category
    pick_category(qtbot, form, "food b")  # type to search, Enter picks: the form stays open
    assert form.isVisible()
    assert form.category_combo.currentText() == "Food banks and pantries"
    form.postcode_edit.setFocus()
    type_into_focus(qtbot, "m32  0th")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.postcode_edit.text() == "M32 0TH"  # tidied on leaving the field
    form.personal_check.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    form.name_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter = OK

    assert form.result() == QDialog.DialogCode.Accepted
    assert live_count(session) == before + 1
    saved = assets.get(session.project, form.uuid)
    assert (saved.name, saved.category, saved.postcode) == (
        "Mosque food bank",
        "food_banks",
        "M32 0TH",
    )
    assert saved.personal_data is True
    assert (saved.x, saved.y) == SPOT
    assert saved.verified_date is None and saved.status == "active"

    session.undo()
    assert assets.find(session.project, form.uuid) is None
    assert live_count(session) == before


def test_every_field_of_the_form_reaches_the_project(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    qtbot.keyClicks(form.name_edit, "Tuesday lunch club")
    pick_category(qtbot, form, "Community centres")
    qtbot.keyClicks(form.description_edit, "Hot lunch and company")
    qtbot.keyClicks(form.address_edit, "1 King Street, Stretford")
    qtbot.keyClicks(form.contact_edit, "Ann Smith")
    qtbot.keyClicks(form.phone_edit, "0161 912 2000")
    qtbot.keyClicks(form.website_edit, "www.example.org")
    qtbot.keyClicks(form.hours_edit, "Tue 12:00-14:00")
    qtbot.keyClick(form.hours_edit, Qt.Key.Key_Return)  # a new line, not OK
    qtbot.keyClicks(form.hours_edit, "Thu 12:00-14:00")
    qtbot.keyClicks(form.audience_edit, "older people, carers")
    form.status_combo.setCurrentIndex(form.status_combo.findData("proposed"))
    qtbot.mouseClick(form.verified_check, Qt.MouseButton.LeftButton)  # now verified
    form.verified_date.setDate(form.verified_date.date().addDays(-3))
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)

    saved = assets.get(session.project, form.uuid)
    assert saved.category == "community_centres"
    assert saved.description == "Hot lunch and company"
    assert saved.contact == "Ann Smith" and saved.phone == "0161 912 2000"
    assert saved.website == "www.example.org" and saved.opening_hours == (
        "Tue 12:00-14:00; Thu 12:00-14:00"
    )
    assert saved.audience == ("older people", "carers")
    assert saved.status == "proposed"
    assert saved.verified_date == form.verified_date.date().toString(Qt.DateFormat.ISODate)


def test_an_empty_name_keeps_the_form_open_with_the_error_beside_it(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    before = live_count(session)
    pick_category(qtbot, form, "Libraries")
    qtbot.keyClicks(form.name_edit, "   ")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert form.result() != QDialog.DialogCode.Accepted
    assert "name" in form.error_text("name").lower()
    assert QApplication.focusWidget() is form.name_edit
    assert live_count(session) == before

    qtbot.keyClicks(form.name_edit, "Sale Library annexe")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.error_text("name") == ""
    assert assets.get(session.project, form.uuid).name == "Sale Library annexe"


def test_a_category_that_matches_nothing_is_named_in_the_error(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    qtbot.keyClicks(form.name_edit, "Knitting circle")
    qtbot.keyClicks(form.category_combo.lineEdit(), "knitting")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert form.isVisible()
    assert "knitting" in form.error_text("category")


def test_the_category_list_has_symbols_and_group_headings_that_cannot_be_chosen(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    combo = form.category_combo
    model = combo.model()
    texts = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert texts[0] == "ANCHOR INSTITUTIONS"
    assert "VOLUNTARY AND COMMUNITY" in texts
    header = texts.index("SPACES")
    assert not (model.flags(model.index(header, 0)) & Qt.ItemFlag.ItemIsEnabled)
    food = combo.findData("food_banks", Qt.ItemDataRole.UserRole)
    assert not combo.itemIcon(food).isNull()
    assert combo.itemText(food) == "Food banks and pantries"


def test_a_personal_data_category_ticks_the_personal_data_box(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    assert not form.personal_check.isChecked()
    form.category_combo.set_key("individual_skills")
    assert form.personal_check.isChecked()


def repick_category(qtbot, form: AssetForm, text: str) -> None:
    form.category_combo.lineEdit().selectAll()
    qtbot.keyClick(form.category_combo.lineEdit(), Qt.Key.Key_Backspace)
    pick_category(qtbot, form, text)


def test_the_personal_data_box_is_locked_in_a_personal_category_and_says_why(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    qtbot.keyClicks(form.name_edit, "Maya: bike repairs")
    repick_category(qtbot, form, "Individuals")
    assert form.personal_check.isChecked() and not form.personal_check.isEnabled()
    assert "“Individuals' skills” holds personal data" in form.personal_note.text()
    qtbot.mouseClick(form.personal_check, Qt.MouseButton.LeftButton)
    assert form.personal_check.isChecked()  # locked: a click does nothing
    repick_category(qtbot, form, "Arts")
    assert not form.personal_check.isChecked() and form.personal_check.isEnabled()
    assert form.personal_note.text() == "Kept out of exports unless you choose to include it."
    repick_category(qtbot, form, "Individuals")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert assets.get(session.project, form.uuid).personal_data


def test_editing_an_asset_into_a_personal_category_flags_it_until_undone(qtbot, session):
    library = demo_asset(session, "Sale Library")
    assert not library.personal_data
    form = show(qtbot, AssetForm.for_edit(session, library.uuid))
    assert form.personal_check.isEnabled() and not form.personal_check.isChecked()
    repick_category(qtbot, form, "Individuals")
    assert form.personal_check.isChecked()
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    saved = assets.get(session.project, library.uuid)
    assert (saved.category, saved.personal_data) == ("individual_skills", True)
    session.undo()
    restored = assets.get(session.project, library.uuid)
    assert (restored.category, restored.personal_data) == ("libraries", False)


def test_a_postcode_that_is_not_full_gets_an_inline_warning_but_still_saves(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    qtbot.keyClicks(form.name_edit, "Stall on the market")
    pick_category(qtbot, form, "Markets")
    form.postcode_edit.setFocus()
    type_into_focus(qtbot, "M32")
    press(qtbot, Qt.Key.Key_Tab)

    assert form.postcode_warning.isVisible()
    assert "not a full UK postcode" in form.postcode_warning.text()
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not form]
    assert not [w for w in boxes if isinstance(w, QDialog)]  # a warning line, not a box
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert assets.get(session.project, form.uuid).postcode == "M32"


def test_escape_cancels_and_changes_nothing(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    before = live_count(session)
    qtbot.keyClicks(form.name_edit, "Never mind")
    press(qtbot, Qt.Key.Key_Escape)
    assert form.result() == QDialog.DialogCode.Rejected
    assert form.uuid is None
    assert live_count(session) == before
    assert not session.stack.can_undo


def test_photos_are_checked_when_chosen_and_saved_with_the_asset_in_one_undo(
    qtbot, session, tmp_path
):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    qtbot.keyClicks(form.name_edit, "Tenants' hall")
    pick_category(qtbot, form, "Meeting rooms")
    notes = tmp_path / "minutes.jpg"
    notes.write_text("Minutes of the tenants' meeting")
    form.add_photo_files([photo_file(tmp_path, "hall.png"), notes])

    assert form.photo_list.count() == 1
    assert "minutes.jpg" in form.error_text("photos")
    assert not form.photo_list.item(0).icon().isNull()  # a thumbnail
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)

    [photo] = attachments.list_for(session.project, form.uuid)
    assert photo.file_name == "hall.png"
    assert attachments.data(session.project, photo.id) == (tmp_path / "hall.png").read_bytes()
    assert session.stack.undo_text == "Add asset 'Tenants' hall' with 1 photo"
    session.undo()
    assert assets.find(session.project, form.uuid) is None
    assert attachments.list_for(session.project, form.uuid) == []


def test_the_form_fits_a_1280_by_720_screen_and_labels_every_input(qtbot, session):
    form = show(qtbot, AssetForm.for_new(session, *SPOT))
    assert form.height() <= 680 and form.width() <= 1280
    inputs = [
        w
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox, QPushButton)
        for w in form.findChildren(kind)
        if not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
    ]
    assert len(inputs) > 15
    assert [w for w in inputs if not w.accessibleName()] == []
    assert form.verified_date.accessibleName()
    assert form.form.labelForField(form._container("opening_hours")).text() == "&Opening hours"


# ---- editing ---------------------------------------------------------------------------
def test_the_edit_form_shows_the_asset_as_it_is(qtbot, session):
    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    assert form.name_edit.text() == pharmacy.name
    assert form.category_combo.currentText() == "GP and primary care"
    assert form.hours_edit.toPlainText().splitlines()[:2] == ["Mon 09:00-18:00", "Tue 09:00-18:00"]
    assert form.verified_check.isChecked()  # "Not verified yet"
    assert "filled in" in form.custom_toggle.text()
    rows = range(form.custom_table.rowCount())
    keys = [form._custom_key(r) for r in rows]
    assert set(keys[: len(pharmacy.custom)]) == set(pharmacy.custom)
    assert "capacity" in keys  # the project's other fields are offered too
    # Under their labels, in the order of the source's columns.
    labels = {form._custom_key(r): form.custom_table.item(r, 0).text() for r in rows}
    assert labels["organisation_data_service_code"] == "Organisation data service code"
    assert labels["la_code"] == "LA code"
    assert keys.index("organisation_data_service_code") < keys.index("ward_name")


def test_editing_one_field_changes_and_logs_only_that_field(qtbot, session):
    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    form.phone_edit.setFocus()
    type_into_focus(qtbot, "0161 748 1234")
    press(qtbot, Qt.Key.Key_Return)

    assert form.result() == QDialog.DialogCode.Accepted
    entry = changelog.entries(session.project, target=f"asset:{pharmacy.uuid}")[0]
    assert entry.command == "edit_asset"
    assert entry.before == {"phone": None}
    assert entry.after == {"phone": "0161 748 1234"}
    after = assets.get(session.project, pharmacy.uuid)
    assert after.phone == "0161 748 1234"
    assert after.custom == pharmacy.custom  # numbers and text left exactly as they were
    assert after.with_changes(phone=None, updated_at=None) == pharmacy.with_changes(updated_at=None)


def test_saving_an_untouched_form_changes_nothing(qtbot, session):
    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    assert not session.stack.can_undo


def test_a_custom_field_can_be_changed_and_a_new_one_added(qtbot, session):
    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    qtbot.mouseClick(form.add_field_button, Qt.MouseButton.LeftButton)
    assert form.custom_table.isVisible()
    type_into_focus(qtbot, "Step-free access")  # the new row's name is being edited
    press(qtbot, Qt.Key.Key_Tab)  # leaves the name cell for its value
    row = form.custom_table.rowCount() - 1
    form.custom_table.item(row, 1).setText("Yes, ramp at side door")
    locality = next(r for r in range(row) if form.custom_table.item(r, 0).text() == "Locality")
    form.custom_table.item(locality, 1).setText("North")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)

    custom = assets.get(session.project, pharmacy.uuid).custom
    assert custom["Step-free access"] == "Yes, ramp at side door"
    assert custom["locality"] == "North"
    assert custom["la_code"] == pharmacy.custom["la_code"]


def test_removing_a_photo_and_renaming_is_one_undo_step(qtbot, session, tmp_path):
    from assetmap.core.commands.attachments import AddAttachment

    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    session.push(AddAttachment(pharmacy.uuid, "front.png", photo_file(tmp_path).read_bytes()))
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    assert form.photo_list.count() == 1
    form.photo_list.setCurrentRow(0)
    qtbot.mouseClick(form.remove_photo_button, Qt.MouseButton.LeftButton)
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, "Allied Pharmacy (Broadway)")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)

    assert assets.get(session.project, pharmacy.uuid).name == "Allied Pharmacy (Broadway)"
    assert attachments.list_for(session.project, pharmacy.uuid) == []
    session.undo()
    assert assets.get(session.project, pharmacy.uuid).name == pharmacy.name
    assert [p.file_name for p in attachments.list_for(session.project, pharmacy.uuid)] == [
        "front.png"
    ]


def test_a_refusal_from_the_core_is_shown_and_the_form_stays_open(qtbot, session):
    pharmacy = demo_asset(session, "Allied Pharmacy Davyhulme")
    form = show(qtbot, AssetForm.for_edit(session, pharmacy.uuid))
    form.status_combo.setItemData(0, "open-ish")  # a value the core does not know
    form.status_combo.setCurrentIndex(0)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "status must be one of" in form.error_text("status").lower()


@pytest.mark.parametrize("make", ["new", "edit"])
def test_screenshot_of_the_new_asset_form(qtbot, session, make):
    if make == "new":
        form = show(qtbot, AssetForm.for_new(session, *SPOT))
        qtbot.keyClicks(form.name_edit, "Tuesday lunch club")
        qtbot.keyClicks(form.category_combo.lineEdit(), "Community centres")
        qtbot.keyClicks(form.postcode_edit, "M32")
        form.tidy_postcode()
        target = "/tmp/asset_form.png"
    else:
        form = show(qtbot, AssetForm.for_edit(session, demo_asset(session, "Allied").uuid))
        target = "/tmp/asset_form_edit.png"
    QApplication.processEvents()  # lay out the new widgets before the grab, not after
    assert form.grab().save(target)
