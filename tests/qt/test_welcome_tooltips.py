"""Every command says what it does: hovering a toolbar button or a menu command shows a tip
(a tooltip, or the status bar's status tip) that is more than its own name."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar
from tests.support.qt import open_window


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip().lower()


def says_more_than_its_name(action: QAction) -> bool:
    name = plain(action.text())
    tips = [action.statusTip(), action.toolTip()]
    return any(tip.strip() and plain(tip) != name for tip in tips)


def commands(menu: QMenu) -> list[tuple[str, QAction]]:
    """The menu's commands, its submenus' too (each filled as if opened), with their path."""
    menu.aboutToShow.emit()  # the menus filled when they open (recent projects, area sets)
    found: list[tuple[str, QAction]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += [(f"{plain(menu.title())} ▸ {p}", a) for p, a in commands(sub)]
        else:
            found.append((f"{plain(menu.title())} ▸ {plain(action.text())}", action))
    return found


def test_every_menu_command_and_tool_says_what_it_does(qtbot, window):
    everything = []
    for top in window.menuBar().actions():
        assert isinstance(top.menu(), QMenu)
        everything += commands(top.menu())
    for bar in window.findChildren(QToolBar):
        everything += [(f"toolbar ▸ {plain(a.text())}", a) for a in bar.actions() if a.text()]
    assert len(everything) > 50
    silent = sorted({path for path, action in everything if not says_more_than_its_name(action)})
    assert not silent, "no tip on: " + "; ".join(silent)


def test_the_undo_button_keeps_its_width_when_its_words_change(qtbot, window):
    from assetmap.core.commands import MoveAsset

    button = window.toolbar.widgetForAction(window.act_undo)
    find_gaps = window.toolbar.widgetForAction(window.act_find_gaps)
    width, left = button.width(), find_gaps.x()
    uuid = str(window.session.points()["uuid"].iloc[0])
    x, y = window.asset_xy(uuid)
    window.session.push(MoveAsset(uuid, x + 5, y))
    assert window.act_undo.text().startswith("&Undo ")  # it names the edit now…
    qtbot.wait(0)
    assert button.width() == width  # …but the button is an icon, the same size
    assert find_gaps.x() == left  # and nothing after it moved
    assert window.act_undo.toolTip().startswith(window.act_undo.text().replace("&", ""))


def test_the_toolbar_has_an_icon_on_every_button(qtbot, window):
    buttons = [a for a in window.toolbar.actions() if a.text() and not a.isSeparator()]
    assert len(buttons) == 8  # the four tools, zoom to everything, undo, redo, find gaps
    for action in buttons:
        assert not action.icon().isNull(), action.text()
