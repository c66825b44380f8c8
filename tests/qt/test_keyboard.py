"""Every main task without a mouse (issue 15 item 5): key events alone, sent where the
keyboard is (the focused widget), as a user who cannot use a mouse would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from assetmap.core import assets, postcode_store
from assetmap.qt.canvas.focus import FINE_STEP_FRACTION, FOCUS_COLOUR, LARGE_STEP_FRACTION
from assetmap.qt.canvas.tools import MOVE_LARGE_STEP_PX, MOVE_STEP_PX
from support.qt import open_window, when_modal

WAIT_MS = 60_000
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, session):
    window = open_window(qtbot, session)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def when_asked(qtbot, act) -> None:
    """``act(dialog)`` on the next modal dialog once it has the keyboard."""

    def answer(dialog) -> None:
        try:
            if not dialog.isActiveWindow():  # the desktop's part (see focused)
                dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
            act(dialog)
        except BaseException:
            dialog.reject()  # the test fails with the reason instead of waiting for ever
            raise

    when_modal(answer)


def focused(qtbot) -> QWidget:
    """Where the keys go. When a dialog closes, the desktop gives the keyboard back to the
    window under it; Qt's offscreen platform gives it to no window, so the test does."""
    if QApplication.focusWidget() is None:
        window = QApplication.activeModalWidget() or next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
        )
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(qtbot), key, modifiers)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(qtbot), text)


def to_the_map(qtbot, window) -> None:
    """F6 until the map has the keyboard (it is one of the places F6 goes)."""
    for _ in range(12):
        if window.canvas.hasFocus():
            return
        press(qtbot, Qt.Key.Key_F6)
    assert window.canvas.hasFocus()


def close_to(colour: QColor, expected: QColor, tolerance: int = 30) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


def fill_new_asset_form(qtbot, name: str, category_text: str) -> None:
    """In the asset form just opened: name, Tab, the category typed and chosen, Enter."""
    form = QApplication.activeModalWidget()
    assert focused(qtbot) is form.name_edit
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused(qtbot) is form.category_combo
    qtbot.keyClicks(form.category_combo.lineEdit(), category_text)
    popup = form.category_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # Enter = OK


# ---- the map ----------------------------------------------------------------------------------
def test_the_map_shows_a_focus_ring_and_a_cross_hair_only_while_it_has_the_keyboard(
    qtbot, window, tmp_path
):
    to_the_map(qtbot, window)
    canvas = window.canvas
    image = canvas.grab_map()
    dpr = image.devicePixelRatio()

    def at(x: float, y: float) -> QColor:
        return QColor(image.pixel(round(x * dpr), round(y * dpr)))

    w, h = canvas.width(), canvas.height()
    assert close_to(at(1, h / 2), FOCUS_COLOUR)  # the ring, left edge
    assert close_to(at(w - 2, h / 3), FOCUS_COLOUR)  # and right edge
    assert close_to(at(w / 2 + 8, h / 2), FOCUS_COLOUR)  # the cross-hair's arm
    image.save(str(tmp_path / "keyboard_focus.png"))  # to look at when this fails

    press(qtbot, Qt.Key.Key_F6)  # on to the Find box
    assert not canvas.hasFocus()
    image = canvas.grab_map()
    assert not close_to(at(1, h / 2), FOCUS_COLOUR)


def test_arrow_keys_move_the_map_in_small_steps_and_with_shift_in_large_ones(qtbot, window):
    to_the_map(qtbot, window)
    view = window.canvas.view
    press(qtbot, Qt.Key.Key_Right)
    fine = window.canvas.view.cx - view.cx
    assert fine == pytest.approx(view.width * FINE_STEP_FRACTION * view.scale)
    press(qtbot, Qt.Key.Key_Up, SHIFT)
    large = window.canvas.view.cy - view.cy
    assert large == pytest.approx(view.height * LARGE_STEP_FRACTION * view.scale)


def test_f6_goes_round_the_map_the_find_box_and_every_panel_shown(qtbot, window):
    to_the_map(qtbot, window)
    shown = [
        d
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.widget().visibleRegion().isEmpty()  # not a tab behind
    ]
    assert {window.dock_layers, window.dock_table} <= set(shown)
    visited: list[QWidget] = []
    for _ in range(len(shown) + 2):
        press(qtbot, Qt.Key.Key_F6)
        visited.append(focused(qtbot))
    assert visited[0] is window.find_box
    for dock in shown:
        assert any(dock.isAncestorOf(w) for w in visited), dock.windowTitle()
    assert visited[-1] is window.canvas  # and round again
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focused(qtbot) is visited[-2]  # Shift+F6 goes back


# ---- adding -----------------------------------------------------------------------------------
def test_add_an_asset_at_the_cross_hair_moved_with_the_arrow_keys(qtbot, window):
    session = window.session
    to_the_map(qtbot, window)
    press(qtbot, Qt.Key.Key_A)  # the Add tool
    assert window.tool.name == "add"
    press(qtbot, Qt.Key.Key_Left, times=3)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    view = window.canvas.view
    when_asked(qtbot, lambda _form: fill_new_asset_form(qtbot, "Tuesday lunch club", "community c"))
    press(qtbot, Qt.Key.Key_Return)
    (uuid,) = session.selection
    added = assets.get(session.project, uuid)
    assert added.name == "Tuesday lunch club" and added.category == "community_centres"
    assert (added.x, added.y) == pytest.approx((view.cx, view.cy))
    press(qtbot, Qt.Key.Key_Z, CTRL)  # one undo takes it away
    assert assets.find(session.project, uuid) is None


def test_add_an_asset_at_a_typed_postcode_after_a_wrong_one_is_explained(qtbot, window):
    session = window.session
    index = postcode_store.load(session.project)
    expected = tuple(index.frame.loc["M16 0PQ", ["x", "y"]])
    said: list[str] = []

    def where(dialog) -> None:
        type_text(qtbot, "nowhere street")
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()  # still asking, and saying why
        said.append(dialog.message.text())
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "m16 0pq")
        when_asked(
            qtbot, lambda _form: fill_new_asset_form(qtbot, "Old Trafford food bank", "food b")
        )
        press(qtbot, Qt.Key.Key_Return)

    when_asked(qtbot, where)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert "not a postcode or coordinates" in said[0]
    (uuid,) = session.selection
    added = assets.get(session.project, uuid)
    assert added.name == "Old Trafford food bank" and added.category == "food_banks"
    assert (added.x, added.y) == pytest.approx(expected)
    assert (window.canvas.view.cx, window.canvas.view.cy) == pytest.approx(expected)


def test_go_to_coordinates_then_place_the_unplaced_asset_at_the_cross_hair(qtbot, window):
    session = window.session
    uuid = window.unplaced.list.item(0).data(Qt.ItemDataRole.UserRole)

    def where(_dialog) -> None:
        type_text(qtbot, "379500, 394200")
        press(qtbot, Qt.Key.Key_Return)

    when_asked(qtbot, where)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert focused(qtbot) is window.canvas
    assert (window.canvas.view.cx, window.canvas.view.cy) == (379_500.0, 394_200.0)
    # The "Not on the map" list by keyboard: its Place button starts placing.
    window.dock_unplaced.raise_()
    window.unplaced.list.setFocus()  # F6 reaches it too (test above); here straight there
    press(qtbot, Qt.Key.Key_Home)
    while focused(qtbot) is not window.unplaced.place_button:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert window.tool.name == "place" and window.canvas.hasFocus()
    view = window.canvas.view  # (Place shows the asset's postcode, if it has one, first)
    press(qtbot, Qt.Key.Key_Return)
    placed = assets.get(session.project, uuid)
    assert placed.placed and (placed.x, placed.y) == (view.cx, view.cy)
    assert window.tool.name == "select"


# ---- finding, editing, moving -----------------------------------------------------------------
def find(qtbot, window, text: str) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused(qtbot) is window.find_box
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_find_an_asset_edit_it_and_select_what_is_under_the_cross_hair(qtbot, window):
    session = window.session
    library = session.points().query("name == 'Sale Library'").iloc[0]
    find(qtbot, window, "Sale Library")
    assert session.selection == {library.uuid}

    def rename(form) -> None:
        assert focused(qtbot) is form.name_edit
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "Sale Waterside Library")
        press(qtbot, Qt.Key.Key_Return)

    when_asked(qtbot, rename)
    press(qtbot, Qt.Key.Key_F2)
    assert assets.get(session.project, library.uuid).name == "Sale Waterside Library"

    # Enter on the map selects the asset under the cross-hair (the find centred it there).
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # select none
    assert not session.selection
    to_the_map(qtbot, window)
    press(qtbot, Qt.Key.Key_S)
    press(qtbot, Qt.Key.Key_Return)
    assert session.selection == {library.uuid}


def test_move_the_selected_asset_with_the_arrow_keys_enter_commits_and_escape_cancels(
    qtbot, window
):
    session = window.session
    library = session.points().query("name == 'Sale Library'").iloc[0]
    find(qtbot, window, "Sale Library")
    to_the_map(qtbot, window)
    press(qtbot, Qt.Key.Key_M)
    assert window.tool.name == "move"
    scale = window.canvas.view.scale
    view = window.canvas.view

    press(qtbot, Qt.Key.Key_Right, times=3)
    press(qtbot, Qt.Key.Key_Escape)  # cancelled: nothing moved, and nor did the map
    assert (assets.get(session.project, library.uuid).x) == pytest.approx(library.x)
    assert window.canvas.view == view

    press(qtbot, Qt.Key.Key_Right, times=4)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Return)
    moved = assets.get(session.project, library.uuid)
    assert (moved.x, moved.y) == pytest.approx(
        (library.x + 4 * MOVE_STEP_PX * scale, library.y - MOVE_LARGE_STEP_PX * scale)
    )
    assert session.stack.undo_text.lower().startswith("move")
    press(qtbot, Qt.Key.Key_Z, CTRL)  # one move, one undo
    back = assets.get(session.project, library.uuid)
    assert (back.x, back.y) == pytest.approx((library.x, library.y))


# ---- find gaps, export ------------------------------------------------------------------------
def test_run_find_gaps_by_keyboard(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from assetmap.qt import file_dialogs

    # Qt's own Save dialog (not the desktop's) so that keys can reach it in a test.
    monkeypatch.setattr(file_dialogs, "OPTIONS", QFileDialog.Option.DontUseNativeDialog)
    panel = window.analysis
    press(qtbot, Qt.Key.Key_G, CTRL)
    assert focused(qtbot) is panel.find_button
    for _ in range(12):  # back up the question to the kinds of asset
        if focused(qtbot) is panel.categories:
            break
        press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused(qtbot) is panel.categories
    tree = panel.categories
    press(qtbot, Qt.Key.Key_Home)
    for text in ("Public services", "Libraries"):  # down the list to the group, then in it
        for _ in range(12):
            if tree.currentItem().text(0).startswith(text):
                break
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Right)  # opens the group (nothing on a kind of asset)
    press(qtbot, Qt.Key.Key_Space)  # and Space ticks it
    assert panel.chosen_categories() == ["libraries"]
    press(qtbot, Qt.Key.Key_G, CTRL)
    assert focused(qtbot) is panel.find_button
    before = panel.result
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.busy and panel.result is not before, timeout=WAIT_MS)
    assert panel.error.isHidden(), panel.error.text()


def test_export_a_pdf_through_the_export_dialog(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from assetmap.qt import file_dialogs

    # Qt's own Save dialog (not the desktop's) so that keys can reach it in a test.
    monkeypatch.setattr(file_dialogs, "OPTIONS", QFileDialog.Option.DontUseNativeDialog)
    target = tmp_path / "gaps map.pdf"
    done: list[bool] = []

    def save_as(_box) -> None:
        press(qtbot, Qt.Key.Key_A, CTRL)  # the file name box has the keyboard
        type_text(qtbot, str(target))
        press(qtbot, Qt.Key.Key_Return)

    def export(dialog) -> None:
        assert dialog.kind.key == "pdf"  # the first choice
        when_asked(qtbot, save_as)
        press(qtbot, Qt.Key.Key_Return)  # Enter = Export…
        qtbot.waitUntil(lambda: target.exists() and not dialog.busy, timeout=WAIT_MS)
        # The Save dialog closed: a desktop gives the keyboard back to the export dialog,
        # Qt's offscreen platform to no window, so the test does.
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        done.append(True)

    when_asked(qtbot, export)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert done
    assert target.read_bytes()[:5] == b"%PDF-"
