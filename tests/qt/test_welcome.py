"""The welcome page: every way to begin is one click in the main window, the three jobs are
explained, Help brings it back, and the map (with the user's docks) is one key away."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from tests.support.qt import open_window

from assetmap.qt.paths import resource
from assetmap.qt.window.recent import last_project, remember_project
from assetmap.qt.window.welcome import shows_on_start


@pytest.fixture
def window(qtbot, session):
    return open_window(qtbot, session)


def test_the_first_start_shows_the_page_and_later_starts_do_not(tmp_path, demo_path):
    assert shows_on_start(None)  # nothing opened before: the welcome page, over the demo
    assert not shows_on_start(demo_path)  # a project named on the command line: straight in
    remember_project(demo_path)
    assert not shows_on_start(None)  # the last project opens, as the CLI contract says


def test_help_welcome_shows_the_page_in_place_of_the_map(qtbot, window):
    assert not window.welcome.showing
    window.welcome.action.trigger()
    page = window.welcome.page
    assert window.welcome.showing and page.isVisible()
    assert not window.canvas.isVisible()
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))  # room to read
    labels = [b.text() for b in page.buttons.values()]
    assert labels == [
        "Open the Trafford demo",
        "Open the Rutland demo",
        "New project for a place…",
        "New project from your boundary file…",
        "Open a project file…",
    ]
    words = " ".join(w.text() for w in page.findChildren(type(page.no_recent)))
    for job in ("Map assets", "Find gaps", "Run a workshop"):
        assert job in words
    assert window.session.project.name in page.map_button.text()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.welcome.action in help_menu.actions()


def test_escape_goes_back_to_the_map_with_the_docks_and_remembers_the_project(qtbot, window):
    assert window.dock_layers.isVisible()
    window.welcome.show()
    qtbot.keyClick(window.welcome.page.buttons["trafford"], Qt.Key.Key_Escape)
    assert not window.welcome.showing
    assert window.canvas.isVisible()
    assert window.dock_layers.isVisible() and window.dock_table.isVisible()
    assert last_project() == window.session.project.path.resolve()  # the next start opens it


def test_the_rutland_demo_opens_from_the_page_and_the_map_shows_it(qtbot, window):
    window.welcome.show()
    qtbot.mouseClick(window.welcome.page.buttons["rutland"], Qt.MouseButton.LeftButton)
    assert "Rutland" in window.session.project.name
    assert not window.welcome.showing
    qtbot.waitUntil(window.dock_layers.isVisible)  # the new project's docks, laid out
    assert window.session.project.path.name == "rutland.gpkg"  # the user's copy, not shipped
    assert "sample_data" not in str(window.session.project.path)


def test_a_recent_project_is_listed_and_opens(qtbot, window, tmp_path):
    import shutil

    other = tmp_path / "mine" / "Sale assets.gpkg"
    other.parent.mkdir()
    shutil.copy(window.session.project.path, other)
    remember_project(other)
    window.welcome.show()
    recent = window.welcome.page.recent
    assert recent.isVisible() and recent.count() == 1
    assert recent.item(0).text().startswith("Sale assets")
    recent.itemActivated.emit(recent.item(0))
    assert window.session.project.path == other
    assert not window.welcome.showing


def test_new_project_for_a_place_starts_from_the_page(qtbot, window):
    triggered = []
    window.act_new_place.triggered.connect(lambda: triggered.append(True))
    window.welcome.show()
    qtbot.mouseClick(window.welcome.page.buttons["place"], Qt.MouseButton.LeftButton)
    assert triggered
    dialog = getattr(window.files, "place_dialog", None)
    if dialog is not None:
        dialog.reject()


def test_closing_on_the_page_keeps_the_users_layout_for_next_time(qtbot, window):
    window.welcome.show()
    assert window.dock_layers.isHidden()
    window.close()  # saves the layout the next start restores
    assert not window.dock_layers.isHidden() and not window.dock_table.isHidden()


def test_the_user_guide_opens_offline_from_help_with_its_screenshots(qtbot, window):
    window.help.act_guide.trigger()
    guide = window.help.guide
    qtbot.addWidget(guide)
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    for job in ("Map assets", "Find gaps", "Run a workshop"):
        assert job in text
    page = resource("guide/index.html")
    assert page is not None
    images = re.findall(r'<img[^>]+src="([^"]+)"', page.read_text(encoding="utf-8"))
    assert len(images) >= 3
    for src in images:
        assert (page.parent / src).is_file(), src
        assert not src.startswith("http")  # offline


def test_the_about_box_shows_the_logo_version_and_sources(qtbot, window):
    from assetmap import __version__
    from assetmap.qt.dialogs.about import AboutDialog

    about = AboutDialog(window.session, window)
    qtbot.addWidget(about)
    about.show()
    pixmap = about.logo.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() >= 48
    text = about.text.toPlainText()
    assert __version__ in text
    assert "Office for National Statistics" in text  # an am_sources attribution


def test_keys_for_the_hidden_map_do_nothing_while_the_page_shows(qtbot, window):
    """A tool's letter, Delete or Home pressed on the page must not act on the map behind
    it (Delete would remove the selected assets out of sight)."""
    uuid = window.session.points()["uuid"].iloc[0]
    window.session.set_selection({uuid})
    window.welcome.show()
    button = window.welcome.page.buttons["trafford"]
    for key in (Qt.Key.Key_A, Qt.Key.Key_M, Qt.Key.Key_Delete, Qt.Key.Key_Home):
        qtbot.keyClick(button, key)
    assert window.welcome.showing
    assert window.tools.tool is not None and type(window.tools.tool).__name__ == "SelectTool"
    assert window.session.selection == {uuid}
    assert uuid in set(window.session.points()["uuid"])
    qtbot.keyClick(button, Qt.Key.Key_Escape)  # the page's own key still works
    assert not window.welcome.showing
    qtbot.keyClick(window.canvas, Qt.Key.Key_A)  # and on the map the letters choose tools
    assert type(window.tools.tool).__name__ == "AddAssetTool"
