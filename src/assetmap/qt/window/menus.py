"""The main window's commands and menu bar: what each menu holds and what each command does
(the window keeps the wiring; see MainWindow's attribute list)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from assetmap.qt.basemap_menu import BasemapMenu
from assetmap.qt.i18n import translate
from assetmap.qt.window.help import HelpMenu
from assetmap.qt.window.imports import ImportMenu
from assetmap.qt.window.keyboard_place import KeyboardCommands
from assetmap.qt.window.recent import RecentMenu
from assetmap.qt.window.tools import ToolSwitch
from assetmap.qt.window.welcome import Welcome

if TYPE_CHECKING:
    from assetmap.qt.main_window import MainWindow


def build_actions(window: MainWindow) -> None:
    """The window's own commands; its parts (imports, tools, keys) add theirs."""
    a = window._action
    window.act_new = a(
        translate("MainWindow", "&New project…"),
        window.new_project,
        QKeySequence.StandardKey.New,
        translate("MainWindow", "a project from your own boundary file, or an empty one"),
    )
    window.act_new_place = a(
        translate("MainWindow", "New project for a &place…"),
        window.files.new_place_project,
        tip=translate(
            "MainWindow",
            "a local authority's neighbourhoods, population, deprivation and postcodes, "
            "ready offline",
        ),
    )
    window.act_open = a(
        translate("MainWindow", "&Open…"),
        window.files.open_dialog,
        QKeySequence.StandardKey.Open,
        translate("MainWindow", "open a project file"),
    )
    window.act_save_copy = a(
        translate("MainWindow", "Save a &Copy…"),
        window.save_copy,
        "Ctrl+Shift+S",
        translate("MainWindow", "write a copy of the project file elsewhere"),
    )
    window.imports = ImportMenu(window, window._action)  # File ▸ Import
    window.act_export = a(
        translate("MainWindow", "&Export…"),
        window.export_dialog,
        "Ctrl+Shift+E",
        translate("MainWindow", "a map to print, an interactive map, the data or the gap report"),
    )
    window.act_quit = a(
        translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
        translate("MainWindow", "close assetmap (edits are saved)"),
    )
    window.act_undo = a(
        translate("MainWindow", "&Undo"),
        window.undo,
        QKeySequence.StandardKey.Undo,
        translate("MainWindow", "take back an edit"),
    )
    window.act_redo = a(
        translate("MainWindow", "&Redo"),
        window.redo,
        "Ctrl+Shift+Z",
        translate("MainWindow", "make the edit taken back again"),
    )
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.act_delete = a(
        translate("MainWindow", "&Delete selected…"),
        window.delete_selected,
        QKeySequence.StandardKey.Delete,
        translate("MainWindow", "remove the selected assets (undo brings them back)"),
    )
    window.act_select_none = a(
        translate("MainWindow", "Select &none"),
        lambda: window.session.set_selection(()),
        "Ctrl+Shift+A",
        translate("MainWindow", "clear the selection"),
    )
    window.act_categories = a(
        translate("MainWindow", "&Categories…"),
        window.manage_categories,
        tip=translate("MainWindow", "add, rename, recolour, merge"),
    )
    window.act_zoom_all = a(
        translate("MainWindow", "Zoom to &everything"),
        window.zoom_to_all,
        "Home",
        translate("MainWindow", "show all areas and assets"),
    )
    window.act_zoom_selection = a(
        translate("MainWindow", "Zoom to &selection"),
        window.zoom_to_selection,
        "Ctrl+J",
        translate("MainWindow", "show the selected assets"),
    )
    window.act_find = a(
        translate("MainWindow", "&Find…"),
        window.focus_find,
        QKeySequence.StandardKey.Find,
        translate("MainWindow", "find an asset, an area, a street or a postcode by name"),
    )
    window.act_find_gaps = a(
        translate("MainWindow", "Find &gaps"),
        window.show_find_gaps,
        "Ctrl+G",
        translate("MainWindow", "which areas are far from the assets they need"),
    )
    window.tools = ToolSwitch(window.canvas, window, window._action, window._say, window)
    window.tool_actions = window.tools.actions
    window.keys = KeyboardCommands(window, window._action)  # F2, F6, add at a postcode


def build_menus(window: MainWindow) -> None:
    """The menu bar: each menu's commands, in the order people look for them."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addActions([window.act_new, window.act_new_place, window.act_open])
    window.recent_menu = RecentMenu(
        translate("MainWindow", "Open &Recent"), window.open_path, file_menu
    )
    file_menu.addMenu(window.recent_menu)
    window.demo_menu = file_menu.addMenu(translate("MainWindow", "Open &Demo Project"))
    window.files.fill_demo_menu(window.demo_menu)
    file_menu.addAction(window.act_save_copy)
    window.files.add_field_copy_action(file_menu)
    window.sharing.add_menu(file_menu)
    file_menu.addSeparator()
    window.imports.fill(file_menu.addMenu(translate("MainWindow", "&Import")))
    file_menu.addAction(window.act_export)
    file_menu.addAction(window.checking.act_export)
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    edit.addActions([window.act_undo, window.act_redo])
    edit.addSeparator()
    edit.addActions([window.act_delete, window.act_select_none])
    edit.addAction(window.checking.act_mark)
    edit.addAction(window.keys.act_edit)
    edit.addSeparator()
    edit.addAction(window.act_categories)
    window.view_menu = bar.addMenu(translate("MainWindow", "&View"))
    window.view_menu.addActions([window.act_zoom_all, window.act_zoom_selection, window.act_find])
    window.view_menu.addActions(window.keys.panel_actions)
    window.zoom_set_menu = window.view_menu.addMenu(translate("MainWindow", "Zoom to &area set"))
    window.zoom_set_menu.aboutToShow.connect(
        lambda: window.zoom.fill_area_set_menu(window.zoom_set_menu)
    )
    window.view_menu.addAction(
        window._action(
            translate("MainWindow", "Colour areas by &indicator…"),
            window.show_indicator_map,
            tip=translate(
                "MainWindow",
                "draw population, deprivation or any joined figure as a choropleth",
            ),
        )
    )
    window.view_menu.addSeparator()
    tools = bar.addMenu(translate("MainWindow", "&Tools"))
    tools.addActions(list(window.tool_actions.values()))
    tools.addActions(window.keys.tool_actions)
    tools.addSeparator()
    tools.addAction(
        window._action(
            translate("MainWindow", "Find &duplicates…"),
            window.find_duplicates,
            tip=translate("MainWindow", "assets entered twice, to merge"),
        )
    )
    analysis = bar.addMenu(translate("MainWindow", "&Analysis"))
    analysis.addAction(window.act_find_gaps)
    analysis.addAction(
        window._action(
            translate("MainWindow", "&Outcomes…"),
            window.show_outcomes,
            tip=translate("MainWindow", "the outcomes agreed, and how far the areas meet them"),
        )
    )
    window.basemap_menu = BasemapMenu(window)
    bar.addMenu(window.basemap_menu)
    window.help = HelpMenu(window)
    window.welcome = Welcome(window, window.help.show_guide)  # Help ▸ Welcome page
    window.help.fill(bar.addMenu(translate("MainWindow", "&Help")), window.welcome.action)
