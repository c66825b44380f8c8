"""The category manager on the demo: every change goes through the undo stack and the map."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
)

from assetmap.core import assets, summary
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.canvas.canvas import MapCanvas
from assetmap.qt.dialogs.category_manager import NAMES_COLUMN, PERSONAL_COLUMN, CategoryManager
from assetmap.qt.map_scene import SceneBuilder

OK = QDialogButtonBox.StandardButton.Ok


def make_manager(qtbot, session) -> CategoryManager:
    manager = CategoryManager(session)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)
    return manager


def counts(session) -> dict[str, int]:
    return {row["key"]: row["assets"] for row in summary.by_category(session.project)}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, manager: CategoryManager, key: str) -> None:
    """Click the category's row, as a user would."""
    item = manager.item_for(key)
    manager.tree.scrollToItem(item)
    rect = manager.tree.visualItemRect(item)
    qtbot.mouseClick(manager.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert manager.current_key() == key


def line_editor(manager: CategoryManager) -> QLineEdit:
    """The inline editor the tree opened (F2 or Rename)."""
    assert manager.tree.state() == QAbstractItemView.State.EditingState
    editors = [e for e in manager.tree.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def finish_editing(qtbot, manager: CategoryManager) -> None:
    """The tree commits an inline edit on the next turn of the event loop."""
    qtbot.waitUntil(lambda: manager.tree.state() != QAbstractItemView.State.EditingState)


def swatch(dialog, name: str) -> QToolButton:
    found = [b for b in dialog.findChildren(QToolButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def map_colour_at_an_asset(qtbot, session, category: str) -> QColor:
    """The colour drawn at the centre of an asset of ``category`` with no other near it."""
    canvas = MapCanvas(SceneBuilder(session.model).scene)
    qtbot.addWidget(canvas)
    canvas.resize(600, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    points = session.points()
    xy = points[["x", "y"]].to_numpy()
    rows = np.flatnonzero(points["category"].to_numpy() == category)
    row = next(r for r in rows if np.sort(np.hypot(*(xy - xy[r]).T))[1] > 40)
    canvas.centre_on(*xy[row], scale=2.0)
    canvas.render_now()
    point = canvas.view.to_screen(*xy[row])
    image = canvas.grab_map()
    dpr = image.devicePixelRatio()
    return QColor(image.pixel(round(point.x() * dpr), round(point.y() * dpr)))


def test_lists_categories_by_group_with_counts(qtbot, session):
    manager = make_manager(qtbot, session)
    groups = [manager.tree.topLevelItem(i).text(0) for i in range(manager.tree.topLevelItemCount())]
    assert groups[:3] == ["Anchor institutions", "Public services", "Voluntary and community"]
    libraries = manager.item_for("libraries")
    assert (libraries.text(0), libraries.text(1)) == ("Libraries", "13")
    assert libraries.text(2) == "Sky blue"
    assert libraries.parent().text(0) == "Public services"


def test_add_a_category(qtbot, session):
    manager = make_manager(qtbot, session)
    click(qtbot, manager.buttons["add"])
    dialog = manager.active_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.label_edit, "Youth clubs")
    dialog.group_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.group_combo.lineEdit(), "Spaces")
    assert dialog.colour_picker.colour() == "#E69F00"  # a new category takes its group's colour
    click(qtbot, dialog.buttons.button(OK))

    added = next(c for c in session.categories() if c.label == "Youth clubs")
    assert (added.key, added.group, added.colour) == ("youth_clubs", "Spaces", "#E69F00")
    assert added.symbol == "pentagon"  # Spaces has four; the fifth shape is next
    assert manager.current_key() == "youth_clubs"
    assert manager.item_for("youth_clubs").parent().text(0) == "Spaces"

    click(qtbot, manager.buttons["undo"])
    assert session.category("youth_clubs") is None
    assert manager.item_for("youth_clubs") is None


def test_an_empty_name_is_refused_plainly(qtbot, session):
    manager = make_manager(qtbot, session)
    before = len(session.categories())
    click(qtbot, manager.buttons["add"])
    dialog = manager.active_dialog
    click(qtbot, dialog.buttons.button(OK))
    assert dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog)
    assert "needs a name" in dialog.error.text()
    assert len(session.categories()) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert manager.active_dialog is None


def test_rename_inline_with_the_keyboard(qtbot, session):
    manager = make_manager(qtbot, session)
    choose(qtbot, manager, "libraries")
    qtbot.keyClick(manager.tree, Qt.Key.Key_F2)
    editor = line_editor(manager)
    editor.selectAll()
    qtbot.keyClicks(editor, "Libraries and reading rooms")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    finish_editing(qtbot, manager)

    assert session.category("libraries").label == "Libraries and reading rooms"
    assert manager.item_for("libraries").text(0) == "Libraries and reading rooms"
    assert session.stack.undo_text == "Rename category to 'Libraries and reading rooms'"
    qtbot.keyClick(manager, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.category("libraries").label == "Libraries"


def test_rename_to_nothing_is_refused_and_the_name_stays(qtbot, session):
    manager = make_manager(qtbot, session)
    choose(qtbot, manager, "schools")
    click(qtbot, manager.buttons["rename"])
    editor = line_editor(manager)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    finish_editing(qtbot, manager)
    assert session.category("schools").label == "Schools"
    assert manager.item_for("schools").text(0) == "Schools"
    assert "needs a name" in manager.error.text()


def test_recolour_changes_the_map(qtbot, session):
    manager = make_manager(qtbot, session)
    before = map_colour_at_an_asset(qtbot, session, "libraries")
    assert before.name().upper() == "#56B4E9"
    choose(qtbot, manager, "libraries")
    click(qtbot, manager.buttons["colour"])
    dialog = manager.active_dialog
    assert not dialog.symbol_combo.isVisibleTo(dialog)  # only the colour is asked for
    click(qtbot, swatch(dialog, "Vermillion (#D55E00)"))
    click(qtbot, dialog.buttons.button(OK))

    assert session.category("libraries").colour == "#D55E00"
    assert manager.item_for("libraries").text(2) == "Vermillion"
    assert map_colour_at_an_asset(qtbot, session, "libraries").name().upper() == "#D55E00"


def test_change_symbol_and_group(qtbot, session):
    manager = make_manager(qtbot, session)
    choose(qtbot, manager, "mental_health")
    click(qtbot, manager.buttons["symbol"])
    dialog = manager.active_dialog
    dialog.symbol_combo.setCurrentIndex(dialog.symbol_combo.findData("star"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert session.category("mental_health").symbol == "star"
    assert manager.item_for("mental_health").text(3) == "Star"

    click(qtbot, manager.buttons["group"])
    dialog = manager.active_dialog
    dialog.group_combo.setCurrentText("Voluntary and community")
    click(qtbot, dialog.buttons.button(OK))
    assert session.category("mental_health").group == "Voluntary and community"
    assert manager.item_for("mental_health").parent().text(0) == "Voluntary and community"


def test_merge_food_banks_into_mutual_aid_and_undo(qtbot, session):
    manager = make_manager(qtbot, session)
    assert counts(session)["food_banks"] == 7 and counts(session)["mutual_aid"] == 6
    moved = set(session.points().query("category == 'food_banks'")["uuid"])
    choose(qtbot, manager, "food_banks")
    click(qtbot, manager.buttons["merge"])
    dialog = manager.active_dialog
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("mutual_aid"))
    assert dialog.message.text().startswith(
        "Move 7 assets from Food banks and pantries to Mutual-aid groups "
        "and remove Food banks and pantries?"
    )
    click(qtbot, dialog.buttons.button(OK))

    assert session.category("food_banks") is None
    assert counts(session)["mutual_aid"] == 13
    assert "food_banks" not in counts(session)
    assert moved <= set(session.points().query("category == 'mutual_aid'")["uuid"])
    assert manager.item_for("food_banks") is None
    assert manager.item_for("mutual_aid").text(1) == "13"

    click(qtbot, manager.buttons["undo"])

    assert session.category("food_banks").label == "Food banks and pantries"
    assert counts(session)["food_banks"] == 7 and counts(session)["mutual_aid"] == 6
    assert set(session.points().query("category == 'food_banks'")["uuid"]) == moved
    assert manager.item_for("food_banks").text(1) == "7"


def test_merge_can_be_cancelled_and_uncategorised_cannot_be_merged(qtbot, session):
    manager = make_manager(qtbot, session)
    choose(qtbot, manager, "schools")
    click(qtbot, manager.buttons["merge"])
    qtbot.keyClick(manager.active_dialog, Qt.Key.Key_Escape)
    assert counts(session)["schools"] == 101
    assert not session.stack.can_undo
    manager.tree.expandAll()
    choose(qtbot, manager, "uncategorised")
    assert not manager.buttons["merge"].isEnabled()


# ---- personal data and other names -----------------------------------------------------------
def click_personal_box(qtbot, manager: CategoryManager, key: str) -> None:
    """Click the category's personal-data tick box, where the user would."""
    item = manager.item_for(key)
    manager.tree.scrollToItem(item)
    index = manager.tree.indexFromItem(item, PERSONAL_COLUMN)
    option = QStyleOptionViewItem()
    manager.tree.initViewItemOption(option)
    option.rect = manager.tree.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = manager.tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, manager.tree
    )
    before = manager.item_for(key).checkState(PERSONAL_COLUMN)
    qtbot.mouseClick(manager.tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    was_personal = before == Qt.CheckState.Checked
    # Done when a question is asked, or when the category itself has the new setting.
    qtbot.waitUntil(
        lambda: (
            manager.active_dialog is not None
            or manager.session.category(key).personal_data != was_personal
        )
    )


def personal_flags(session, key: str) -> set[bool]:
    frame = assets.frame(session.project)
    return set(frame.loc[frame["category"] == key, "personal_data"].astype(bool))


def test_the_personal_data_column_shows_and_sets_a_categorys_setting(qtbot, session):
    manager = make_manager(qtbot, session)
    skills = manager.item_for("individual_skills")
    assert skills.checkState(PERSONAL_COLUMN) == Qt.CheckState.Checked
    assert "left out of exports" in skills.toolTip(PERSONAL_COLUMN)
    food = manager.item_for("food_banks")
    assert food.checkState(PERSONAL_COLUMN) == Qt.CheckState.Unchecked
    assert personal_flags(session, "food_banks") == {False}

    click_personal_box(qtbot, manager, "food_banks")
    assert session.category("food_banks").personal_data
    assert personal_flags(session, "food_banks") == {True}  # all 7 flagged at once
    assert manager.item_for("food_banks").checkState(PERSONAL_COLUMN) == Qt.CheckState.Checked
    assert session.stack.undo_text == "Mark 'Food banks and pantries' as personal data"

    click(qtbot, manager.buttons["undo"])
    assert not session.category("food_banks").personal_data
    assert personal_flags(session, "food_banks") == {False}
    assert manager.item_for("food_banks").checkState(PERSONAL_COLUMN) == Qt.CheckState.Unchecked


def add_people(session, n: int) -> list[str]:
    added = [
        Asset(uuid=new_uuid(), name=f"Neighbour {i}", category="individual_skills", x=x, y=y)
        for i, (x, y) in enumerate([(379_480.0, 396_110.0), (379_600.0, 396_200.0)][:n])
    ]
    for asset in added:
        session.push(AddAsset(asset))
    return [a.uuid for a in added]


def test_unticking_personal_data_asks_about_the_assets_already_flagged(qtbot, session):
    people = add_people(session, 2)
    manager = make_manager(qtbot, session)

    click_personal_box(qtbot, manager, "individual_skills")
    box = manager.active_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Its 2 assets are flagged as personal data now" in box.text()
    click(qtbot, manager.unmark_buttons["keep"])
    assert not session.category("individual_skills").personal_data
    assert [assets.get(session.project, u).personal_data for u in people] == [True, True]
    click(qtbot, manager.buttons["undo"])
    assert session.category("individual_skills").personal_data

    click_personal_box(qtbot, manager, "individual_skills")
    click(qtbot, manager.unmark_buttons["clear"])
    assert [assets.get(session.project, u).personal_data for u in people] == [False, False]
    click(qtbot, manager.buttons["undo"])
    assert [assets.get(session.project, u).personal_data for u in people] == [True, True]

    click_personal_box(qtbot, manager, "individual_skills")
    qtbot.keyClick(manager.active_dialog, Qt.Key.Key_Escape)  # cancelled: nothing changes
    assert session.category("individual_skills").personal_data
    item = manager.item_for("individual_skills")
    assert item.checkState(PERSONAL_COLUMN) == Qt.CheckState.Checked


def test_other_names_are_listed_edited_and_undone(qtbot, session):
    manager = make_manager(qtbot, session)
    assert "Library" in manager.item_for("libraries").text(NAMES_COLUMN)
    choose(qtbot, manager, "arts")
    click(qtbot, manager.buttons["names"])
    dialog = manager.active_dialog
    dialog.edit.moveCursor(QTextCursor.MoveOperation.End)
    for line in ("Brass band", "Library"):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.edit, line)
    click(qtbot, dialog.buttons.button(OK))
    assert dialog.isVisible()  # "Library" names Libraries: refused, the text kept to fix
    assert "'Library' is already a name of 'Libraries'" in dialog.error.text()
    for _ in "\nLibrary":
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Backspace)
    click(qtbot, dialog.buttons.button(OK))
    assert not dialog.isVisible()
    assert session.category("arts").synonyms[-1] == "Brass band"
    assert "Brass band" in manager.item_for("arts").text(NAMES_COLUMN)
    click(qtbot, manager.buttons["undo"])
    assert "Brass band" not in session.category("arts").synonyms
