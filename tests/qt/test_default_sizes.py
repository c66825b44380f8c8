"""Nothing cut off on the screens people have: at 1366×768 (a council laptop) and 1920×1080
every dock tab and every layer name is shown whole, the toolbar fits without its overflow
arrow, and the welcome page's choices are all in view. Each case saves a screenshot (in the
test's temporary folder, or in $ASSETMAP_SCREENSHOTS) to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabBar, QToolButton

SIZES = [(1366, 768), (1920, 1080)]


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def window(request, qtbot, session):
    from assetmap.qt.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(*request.param)
    window.show()
    qtbot.waitExposed(window)
    window.zoom_to_all()
    assert window.canvas.wait_for_render()
    qtbot.waitUntil(lambda: bool(dock_tab_bars(window)))
    return window


def dock_tab_bars(window) -> list[QTabBar]:
    """The docks' tab bars on screen: Qt keeps the bars of earlier layouts (the window's
    size before this one), hidden under the docks."""
    from PySide6.QtWidgets import QDockWidget

    docks = [d.geometry() for d in window.findChildren(QDockWidget) if d.isVisible()]
    return [
        b
        for b in window.findChildren(QTabBar)
        if b.parent() is window
        and b.isVisible()
        and window.rect().contains(b.geometry())
        and not any(b.geometry().intersects(d) for d in docks)
    ]


def screenshot(window, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ASSETMAP_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{window.width()}x{window.height()}.png"
    assert window.grab().save(str(path))
    return path


def test_dock_tabs_show_their_whole_titles(qtbot, window, tmp_path):
    screenshot(window, "main", tmp_path)
    bars = dock_tab_bars(window)
    assert len(bars) == 2  # the right-hand docks, and Table with History below
    for bar in bars:
        texts = [bar.tabText(i) for i in range(bar.count())]
        used = sum(bar.tabRect(i).width() for i in range(bar.count()))
        assert used <= bar.width(), f"tabs {texts} need {used} px, have {bar.width()}"
        for i, text in enumerate(texts):
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_layer_names_are_not_cut_off(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QStyleOptionViewItem

    tree = window.layers_panel.tree
    tree.expandAll()
    screenshot(window, "layers", tmp_path)
    model = tree.model()
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    names, stack = [], [model.index(r, 0) for r in range(model.rowCount())]
    while stack:  # every row, the ones scrolled out of view too
        index = stack.pop()
        names.append(str(index.data()))
        needs = tree.itemDelegateForIndex(index).sizeHint(option, index).width()
        right = tree.visualRect(index).x() + needs
        assert right <= tree.viewport().width(), f"“{index.data()}” is cut off"
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    assert "Children's centres and family hubs (2)" in names  # the longest in the demo
    assert not tree.horizontalScrollBar().isVisible()


def test_the_toolbar_fits_without_its_overflow_arrow(qtbot, window):
    bar = window.toolbar
    overflow = [
        b for b in bar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button"
    ]
    assert not any(b.isVisible() for b in overflow)
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if widget is not None:
            assert widget.isVisible(), action.text()


def test_the_welcome_pages_choices_are_all_in_view(qtbot, window, tmp_path):
    window.welcome.show()
    page = window.welcome.page
    qtbot.waitUntil(page.isVisible)
    screenshot(window, "welcome", tmp_path)
    for button in [*page.buttons.values(), page.map_button, page.guide_button]:
        assert button.isVisible()
        bottom = button.mapTo(page, button.rect().bottomLeft()).y()
        assert bottom <= page.height(), button.text()
