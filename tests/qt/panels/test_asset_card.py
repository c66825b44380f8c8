"""The asset card follows the selection on the Trafford demo and deletes only when asked."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from assetmap.core import assets
from assetmap.core.commands import EditAsset
from assetmap.core.commands.attachments import AddAttachment
from assetmap.qt.panels.asset_card import HINT, AssetCard

LSOA = "Neighbourhoods (LSOA 2021)"


def make_card(qtbot, session) -> AssetCard:
    card = AssetCard(session)
    qtbot.addWidget(card)
    card.resize(330, 700)
    card.show()
    qtbot.waitExposed(card)
    return card


def uuid_of(session, name_part: str) -> str:
    frame = assets.frame(session.project, columns=("uuid", "name"))
    return str(frame[frame["name"].str.contains(name_part, regex=False)]["uuid"].iloc[0])


def texts(card: AssetCard) -> list[str]:
    """Every piece of text the card currently shows."""
    page = card.scroll_area.widget()
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()]


def answer_delete_question(qtbot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click a button of the confirmation box as soon as it is up."""

    def answer(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(button).click()
        elif tries < 200:
            QTimer.singleShot(10, lambda: answer(tries + 1))

    QTimer.singleShot(0, answer)


def jpeg_bytes() -> bytes:
    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#56B4E9"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG")
    return bytes(data)


def test_with_nothing_selected_the_card_says_what_to_do(qtbot, session):
    card = make_card(qtbot, session)
    assert card.mode == "hint"
    assert HINT in texts(card)
    assert not card.actions_bar.isVisible()


def test_a_selected_pharmacy_shows_its_details(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Allied Pharmacy Davyhulme")
    session.set_selection({uuid})

    assert card.heading.text() == "Allied Pharmacy Davyhulme Medical Centre"
    assert card.category_label.text().startswith("GP and primary care")
    assert not card.symbol_label.pixmap().isNull()
    shown = texts(card)
    assert any("M41 7WJ" in t for t in shown)
    hours = next(t for t in shown if t.startswith("Mon "))
    assert hours.splitlines()[0] == "Mon 09:00-18:00" and "Sun CLOSED" in hours
    assert "Not verified" in shown and "Active" in shown
    assert "Davyhulme" in shown  # a custom field (ward name)
    assert card.actions_bar.isVisible()
    assert card.move_button.text() == "Move" and card.zoom_button.isEnabled()


def test_a_website_is_a_link_that_opens_in_the_browser(qtbot, session):
    card = make_card(qtbot, session)
    session.set_selection({uuid_of(session, "Sale Library")})
    links = [
        w
        for w in card.scroll_area.widget().findChildren(QLabel)
        if w.textFormat() == Qt.TextFormat.RichText and "href" in w.text()
    ]
    assert links and links[0].openExternalLinks()
    assert 'href="http' in links[0].text()


def test_the_buttons_ask_the_main_window_to_act_on_this_asset(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Sale Library")
    session.set_selection({uuid})
    for button, signal in (
        (card.edit_button, card.editRequested),
        (card.move_button, card.moveRequested),
        (card.zoom_button, card.zoomRequested),
    ):
        with qtbot.waitSignal(signal, timeout=1000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [uuid]


def test_an_unplaced_asset_offers_place_on_map_and_says_so(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Altrincham Anxiety Group")
    assert not assets.get(session.project, uuid).placed
    session.set_selection({uuid})

    assert "Not placed on the map" in texts(card)
    assert card.move_button.text() == "Place on map"
    assert not card.zoom_button.isEnabled()
    with qtbot.waitSignal(card.placeRequested, timeout=1000) as blocker:
        qtbot.mouseClick(card.move_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [uuid]


def test_notes_for_outside_the_areas_and_personal_data(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Mood Swings Network")
    session.push(EditAsset(uuid, {"personal_data": True}))
    session.set_selection({uuid})
    shown = texts(card)
    assert "Outside the project's areas" in shown
    assert any(t.startswith("Personal data") for t in shown)


def test_the_card_refreshes_when_its_asset_is_edited(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Sale Library")
    session.set_selection({uuid})
    session.push(EditAsset(uuid, {"name": "Sale Waterside Library"}))
    assert card.heading.text() == "Sale Waterside Library"
    session.undo()
    assert card.heading.text() == "Sale Library"


def test_delete_asks_first_and_no_keeps_the_asset(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Sale Library")
    session.set_selection({uuid})
    asked: list[str] = []

    answer_delete_question(qtbot, QMessageBox.StandardButton.No, asked)
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)

    assert asked == ["Delete “Sale Library”?"]
    assert not assets.get(session.project, uuid).deleted
    assert card.heading.text() == "Sale Library"


def test_delete_after_yes_tombstones_the_asset_and_undo_brings_it_back(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Sale Library")
    session.set_selection({uuid})
    asked: list[str] = []

    answer_delete_question(qtbot, QMessageBox.StandardButton.Yes, asked)
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)

    assert asked == ["Delete “Sale Library”?"]
    assert assets.get(session.project, uuid).deleted  # a tombstone, not gone
    assert card.mode == "hint"  # it left the selection
    session.undo()
    assert not assets.get(session.project, uuid).deleted
    session.set_selection({uuid})
    assert card.heading.text() == "Sale Library"


def test_several_selected_assets_are_listed_and_one_can_be_picked(qtbot, session):
    card = make_card(qtbot, session)
    chosen = [uuid_of(session, n) for n in ("Sale Library", "Hale Library", "Coppice Library")]
    session.set_selection(chosen)

    assert card.heading.text() == "3 assets selected"
    names = [card.selection_list.item(i).text() for i in range(card.selection_list.count())]
    assert names == ["Coppice Library", "Hale Library", "Sale Library"]
    assert not card.actions_bar.isVisible()

    item = card.selection_list.item(1)
    rect = card.selection_list.visualItemRect(item)
    qtbot.mouseClick(card.selection_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.selection == {chosen[1]}
    assert card.heading.text() == "Hale Library"


def test_a_large_selection_lists_a_few_and_counts_the_rest(qtbot, session):
    card = make_card(qtbot, session)
    every = session.points()["uuid"].tolist()
    session.set_selection(every)
    assert card.heading.text() == f"{len(every)} assets selected"
    assert card.selection_list.count() == 50
    assert f"…and {len(every) - 50} more" in texts(card)


def test_show_area_gives_the_neighbourhoods_figures_and_assets(qtbot, session):
    card = make_card(qtbot, session)
    card.show_area(LSOA, "E01006074")

    assert card.mode == "area"
    assert card.heading.text() == "Trafford 025A"
    shown = texts(card)
    assert "E01006074" in shown
    assert "1,634" in shown  # population, mid-2024
    assert "19.729" in shown  # IMD 2025 score
    assert "IMD score" in shown and "Population" in shown
    assert any(t.endswith("km²") for t in shown)
    assert "4" in shown  # all assets in it: 1 anchor institution, 3 public services


def test_an_identified_area_stays_until_an_asset_is_chosen(qtbot, session):
    card = make_card(qtbot, session)
    session.set_selection({uuid_of(session, "Sale Library")})
    session.set_selection(())  # the main window clears the selection, then shows the area
    card.show_area(LSOA, "E01006074")
    session.set_selection(())
    assert card.mode == "area"
    session.set_selection({uuid_of(session, "Hale Library")})
    assert card.mode == "asset" and card.heading.text() == "Hale Library"


def test_photos_show_as_thumbnails_that_open_larger(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Allied Pharmacy Davyhulme")
    session.set_selection({uuid})
    assert card.photo_buttons == []
    session.push(AddAttachment(uuid, "shopfront.jpg", jpeg_bytes()))

    [thumb] = card.photo_buttons  # the card refreshed for the new photo
    assert not thumb.icon().isNull()
    qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)
    assert card.viewer is not None and card.viewer.isVisible()
    assert card.viewer.image.pixmap().width() == 120
    card.viewer.close()


def test_screenshot_of_a_pharmacy_card(qtbot, session):
    card = make_card(qtbot, session)
    uuid = uuid_of(session, "Allied Pharmacy Davyhulme")
    session.push(AddAttachment(uuid, "shopfront.jpg", jpeg_bytes()))
    session.set_selection({uuid})
    QApplication.processEvents()  # lay out the new widgets before the grab, not after
    assert card.grab().save("/tmp/asset_card.png")


def test_a_workshop_pin_names_its_session_and_contributor(qtbot, session):
    from assetmap.core.commands.workshop import AddContribution, CreateWorkshop
    from support.workshop import pin

    create = CreateWorkshop("Stretford residents", "Stretford Library", "2026-03-14", "Amira")
    session.push(create)
    add = AddContribution(create.workshop_id, pin(), None, review="approved")
    session.push(add)
    card = make_card(qtbot, session)
    session.set_selection({add.uuid})
    assert "Stretford residents, by Jo" in texts(card)
    assert "Workshop: Stretford residents" in texts(card)  # its source
