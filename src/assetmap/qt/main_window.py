"""The main window: map in the middle, layers and legend left, asset card right, table below.

The window turns gestures into core commands (through the Session) and
keeps the panels pointed at the open project. It holds no data of its own, and composes
small parts for the rest (``assetmap.qt.window``): ``picker`` (what is under the cursor),
``selection`` (click and rubber-band choosing), ``zoom``, ``tools``, ``network`` (the
Offline badge), ``files`` (new, open, save a copy), the recent list and the status read-out,
and the map's ``attribution`` line. It is kept to wiring: a feature with logic of its own
becomes a part there (docs/dev/architecture.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolTip, QWidget

from assetmap.core.basemap.store import EVENT_KEY as BASEMAP_EVENT
from assetmap.core.commands import MoveAsset
from assetmap.core.commands.base import Command
from assetmap.core.errors import AssetmapError
from assetmap.core.project import Project
from assetmap.qt.basemap_menu import BasemapMenu
from assetmap.qt.canvas.canvas import Attribution, MapCanvas, ScaleBar
from assetmap.qt.canvas.tiles import TileService
from assetmap.qt.canvas.tools import Tool
from assetmap.qt.change_watch import watch_changes
from assetmap.qt.errors import attempt, show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.overlays import SelectionOverlay, ToolOverlay
from assetmap.qt.session import Session
from assetmap.qt.window.attribution import map_attribution
from assetmap.qt.window.checking import Checking
from assetmap.qt.window.dock_sizes import fit_docks
from assetmap.qt.window.dock_tabs import keep_dock_tabs_readable
from assetmap.qt.window.help import HelpMenu
from assetmap.qt.window.imports import ImportMenu
from assetmap.qt.window.keyboard_place import KeyboardCommands
from assetmap.qt.window.menus import build_actions, build_menus
from assetmap.qt.window.network import NetworkStatus
from assetmap.qt.window.picking import Picker
from assetmap.qt.window.present import PresentMode
from assetmap.qt.window.project_files import ProjectFiles
from assetmap.qt.window.recent import RecentMenu, last_project, recent_projects, remember_project
from assetmap.qt.window.selection import MapSelection
from assetmap.qt.window.sharing import Sharing
from assetmap.qt.window.status import StatusReadout
from assetmap.qt.window.toolbar import build_toolbar
from assetmap.qt.window.tools import ToolSwitch
from assetmap.qt.window.welcome import Welcome
from assetmap.qt.window.workshop import install_workshop
from assetmap.qt.window.zoom import Zoomer

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # Commands and menus, made by qt.window.menus (build_actions, build_menus).
    act_new: QAction
    act_new_place: QAction
    act_open: QAction
    act_save_copy: QAction
    act_export: QAction
    act_quit: QAction
    act_undo: QAction
    act_redo: QAction
    act_delete: QAction
    act_select_none: QAction
    act_categories: QAction
    act_zoom_all: QAction
    act_zoom_selection: QAction
    act_find: QAction
    act_find_gaps: QAction
    imports: ImportMenu
    tools: ToolSwitch
    tool_actions: dict[str, QAction]
    keys: KeyboardCommands
    recent_menu: RecentMenu
    demo_menu: QMenu
    view_menu: QMenu
    zoom_set_menu: QMenu
    basemap_menu: BasemapMenu
    help: HelpMenu
    welcome: Welcome

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1400, 900)
        self.setMinimumSize(1024, 640)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.session = session
        self.tiles = TileService(session.project.path, session.project.crs, self)
        self.builder = SceneBuilder(session.model, self.tiles)
        self.canvas = MapCanvas(lambda: self.builder.scene(self.canvas.view), self)
        self.setCentralWidget(self.canvas)
        self.files = ProjectFiles(self)
        self.sharing = Sharing(self)
        self.network = NetworkStatus(self.canvas, self._say, lambda: self.session.is_open, self)
        self._connect_builder()
        self.selection_overlay = SelectionOverlay(session)
        self._build_map_parts()
        self.canvas.overlays += [
            self.selection_overlay,
            ToolOverlay(self.canvas),
            ScaleBar(),
            Attribution(lambda: self._attribution, lambda: not self.online),
        ]
        # Worked out once per render, not on every frame of a pan (it reads the project).
        self._attribution = self._attribution_text()
        self.canvas.rendered.connect(self._update_attribution)
        self._build_actions()
        self.checking = Checking(self, lambda: self.session, self.statusBar(), self._say)
        self._build_menus()
        self.present = PresentMode(self)  # View ▸ Present (F5): the projector's window
        self._build_toolbar()
        self.readout = StatusReadout(self.statusBar())
        self._build_docks()
        self._connect_canvas()
        self._connect_session()
        self.workshop = install_workshop(self)  # the Workshop menu and dock (issue 11)
        self.set_tool("select")
        self._restore_layout()
        keep_dock_tabs_readable(self)
        self._update_title()
        self.network.start()
        QTimer.singleShot(0, self.zoom_to_all)

    @property
    def online(self) -> bool | None:
        """The network badge's state (None: not known yet, shown as Offline)."""
        return self.network.online

    def _say(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    # ================================================================== building
    def _build_map_parts(self) -> None:
        """The parts that act on the map for this session: picking, selection, zoom."""
        self.picker = Picker(self.session, self.canvas)
        self.selection = MapSelection(
            self.session, self.picker, self.selection_overlay, self.canvas
        )
        self.selection.areaIdentified.connect(self._show_area)
        self.selection.message.connect(lambda text: self._say(text, 4000))
        self.zoom = Zoomer(
            self.session, self.canvas, self.builder, self.picker, self.selection_overlay, self._say
        )

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} — {tip}")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        build_actions(self)

    def _build_menus(self) -> None:
        build_menus(self)

    def _build_toolbar(self) -> None:
        self.toolbar, self.find_box = build_toolbar(self)

    def _build_docks(self) -> None:
        from assetmap.qt.panels.analysis_panel import AnalysisPanel
        from assetmap.qt.panels.asset_card import AssetCard
        from assetmap.qt.panels.attribute_table import AttributeTable
        from assetmap.qt.panels.history import HistoryPanel
        from assetmap.qt.panels.layers_panel import LayersPanel, LegendWidget
        from assetmap.qt.panels.unplaced import UnplacedPanel
        from assetmap.qt.window.whatif_map import WhatIfMap

        s = self.session
        self.layers_panel = LayersPanel(s)
        self.legend = LegendWidget(s)
        self.card = AssetCard(s)
        self.unplaced = UnplacedPanel(s)
        self.history = HistoryPanel(s)
        self.analysis = AnalysisPanel(s)
        self.table = AttributeTable(s)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.dock_layers = self._dock(QT_TRANSLATE_NOOP("Docks", "Layers"), self.layers_panel, left)
        self.dock_legend = self._dock(QT_TRANSLATE_NOOP("Docks", "Legend"), self.legend, left)
        self.dock_card = self._dock(QT_TRANSLATE_NOOP("Docks", "Asset"), self.card, right)
        self.dock_unplaced = self._dock(
            QT_TRANSLATE_NOOP("Docks", "Not on the map"), self.unplaced, right
        )
        self.dock_history = self._dock(QT_TRANSLATE_NOOP("Docks", "History"), self.history, right)
        self.dock_analysis = self._dock(
            QT_TRANSLATE_NOOP("Docks", "Find gaps"), self.analysis, right
        )
        self.tabifyDockWidget(self.dock_card, self.dock_unplaced)
        self.tabifyDockWidget(self.dock_unplaced, self.dock_analysis)
        self.dock_card.raise_()
        self.dock_table = self._dock(
            QT_TRANSLATE_NOOP("Docks", "Table"), self.table, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        # History is a list of rows, like the table: below, it leaves the right-hand tabs room.
        self.tabifyDockWidget(self.dock_table, self.dock_history)
        self.dock_table.raise_()
        fit_docks(self)
        self.card.editRequested.connect(self.edit_asset)
        self.card.moveRequested.connect(lambda _uuid: self.set_tool("move"))
        self.card.zoomRequested.connect(self.zoom.to_asset)
        self.card.placeRequested.connect(self.tools.start_placing)
        self.unplaced.placeRequested.connect(self.tools.start_placing)
        self.unplaced.countChanged.connect(self._update_unplaced_title)
        self.table.zoomRequested.connect(self.zoom.to_asset)
        self.analysis.zoomToArea.connect(self.zoom.to_area)
        self.whatif_map = WhatIfMap(self.analysis.whatif, self.canvas, self.tools, self)
        self._update_unplaced_title(self.unplaced.list.count())

    def _dock(self, english: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """``english`` names the dock for the saved layout; its title is translated."""
        title = translate("Docks", english)
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{english.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        dock.setAccessibleName(translate("Docks", "{title} panel").format(title=title))
        dock.toggleViewAction().setStatusTip(
            translate("Docks", "show or hide the {title} panel").format(title=title)
        )
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def right_docks(self) -> list[QDockWidget]:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        return [d for d in self.findChildren(QDockWidget) if self.dockWidgetArea(d) == right]

    def _update_unplaced_title(self, count: int) -> None:
        self.dock_unplaced.setWindowTitle(
            translate("Docks", "Not on the map ({count})").format(count=count)
            if count
            else translate("Docks", "Not on the map")
        )

    # ================================================================== wiring
    def _connect_canvas(self) -> None:
        self.canvas.viewChanged.connect(self._update_scale_and_counts)
        self.canvas.mouseMovedTo.connect(self._on_mouse_moved)

    def _connect_builder(self) -> None:
        self.builder.source.coverageReady.connect(self.canvas.refresh)
        self.builder.basemap_source.ready.connect(self.canvas.refresh)
        self.tiles.arrived.connect(self.canvas.refresh)
        self.network.watch(self.builder, self.tiles)
        # The basemap import, and its undo and redo, say so as a settings change.
        self.session.project.events.settings_changed.connect(self._on_settings_changed)

    def _on_settings_changed(self, key: str = "", **_payload: object) -> None:
        if key == BASEMAP_EVENT:  # a basemap was imported, or undone, or redone
            self.canvas.refresh()
            panel = getattr(self, "layers_panel", None)
            if panel is not None:
                panel.refresh()

    def _connect_session(self) -> None:
        s = self.session
        watch_changes(s)  # other windows', workers' and programs' edits show up by themselves
        self.checking.follow(s)
        s.assetsChanged.connect(self._on_data_changed)
        s.categoriesChanged.connect(self._on_data_changed)
        s.areaSetsChanged.connect(self._on_data_changed)
        s.layersChanged.connect(lambda _layer: self._on_data_changed())
        s.selectionChanged.connect(self.canvas.update)
        s.selectionChanged.connect(self._on_selection_changed)
        s.historyChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

    def _on_data_changed(self, *args: object) -> None:
        self.canvas.refresh()
        self._update_scale_and_counts()

    def _on_selection_changed(self) -> None:
        self.act_delete.setEnabled(bool(self.session.selection))
        self.act_zoom_selection.setEnabled(bool(self.session.selection))
        if self.session.selection:
            self.selection_overlay.area = None
            self.dock_card.raise_()

    def _update_undo_actions(self) -> None:
        stack = self.session.stack
        self.act_undo.setEnabled(stack.can_undo)
        self.act_redo.setEnabled(stack.can_redo)
        undo, redo = (
            (self.act_undo, translate("MainWindow", "Undo"), stack.undo_text),
            (self.act_redo, translate("MainWindow", "Redo"), stack.redo_text),
        )
        for action, word, text in (undo, redo):  # the toolbar's icon says it in its tooltip
            action.setText(f"&{word} {text}" if text else f"&{word}")
            action.setToolTip(f"{word} {text} ({action.shortcut().toString()})" if text else word)

    # ================================================================== status bar
    def _on_mouse_moved(self, x: float, y: float) -> None:
        self.readout.show_cursor(self.session, x, y)
        if (
            self.tool is not None
            and self.tool.name in ("select", "move")
            and not self.canvas.dragging
        ):
            self._hover_tooltip()

    def _update_scale_and_counts(self) -> None:
        self.readout.show_view(self.session, self.canvas)

    def _hover_tooltip(self) -> None:
        pos = self.canvas.mapFromGlobal(self.cursor().pos())
        text = self.picker.tooltip_at(pos.x(), pos.y())
        if text is None:
            QToolTip.hideText()
            return
        QToolTip.showText(self.canvas.mapToGlobal(pos), text, self.canvas)

    # ================================================================== tools (ToolHost)
    @property
    def tool(self) -> Tool | None:
        return self.tools.tool

    def set_tool(self, name: str) -> None:
        self.tools.set_tool(name)

    def asset_at(self, sx: float, sy: float) -> str | None:
        return self.picker.asset_at(sx, sy)

    def asset_xy(self, uuid: str) -> tuple[float, float] | None:
        return self.picker.asset_xy(uuid)

    def selected_asset(self) -> str | None:
        """The one asset selected (the keyboard moves and edits it), None for none or many."""
        selection = self.session.selection
        return next(iter(selection)) if len(selection) == 1 else None

    def identify(self, x: float, y: float, asset: str | None, additive: bool) -> None:
        self.selection.identify(x, y, asset, additive)

    def select_in_box(self, bounds: tuple[float, float, float, float], additive: bool) -> None:
        self.selection.select_in_box(bounds, additive)

    def _show_area(self, set_name: str, code: str) -> None:
        self.card.show_area(set_name, code)
        self.dock_card.raise_()

    def add_asset_at(self, x: float, y: float) -> None:
        from assetmap.qt.dialogs.asset_form import AssetForm

        form = AssetForm.for_new(self.session, x, y, self)
        if form.exec() and form.uuid is not None:
            self.session.set_selection({form.uuid})

    def edit_asset(self, uuid: str) -> None:
        from assetmap.qt.dialogs.asset_form import AssetForm

        AssetForm.for_edit(self.session, uuid, self).exec()

    def move_asset(self, uuid: str, x: float, y: float) -> None:
        self._push(MoveAsset(uuid, x, y))

    def place_asset(self, uuid: str, x: float, y: float) -> None:
        if self._push(MoveAsset(uuid, x, y)):
            self.session.set_selection({uuid})
        self.set_tool("select")

    def delete_selected(self) -> None:
        command = self.selection.deletion(self)
        if command is not None:
            self._push(command)

    def _push(self, command: Command) -> bool:
        return attempt(self, lambda: self.session.push(command))

    def undo(self) -> None:
        # Refused when another window or program changed what the undo would revert.
        try:
            self.session.undo()
        except AssetmapError as exc:
            show_error(self, translate("MainWindow", "Nothing was undone"), exc)

    def redo(self) -> None:
        try:
            self.session.redo()
        except AssetmapError as exc:
            show_error(self, translate("MainWindow", "Nothing was redone"), exc)

    # ================================================================== navigation
    def zoom_to_all(self) -> None:
        self.zoom.to_all()

    def zoom_to_selection(self) -> None:
        self.zoom.to_selection()

    def show_find_gaps(self) -> None:
        self.dock_analysis.show()
        self.dock_analysis.raise_()
        if self.dock_analysis.width() < 380:
            self.resizeDocks([self.dock_analysis], [400], Qt.Orientation.Horizontal)
        self.analysis.find_button.setFocus()

    def show_indicator_map(self) -> None:
        from assetmap.qt.dialogs.indicator_map import IndicatorMapDialog

        self.indicator_dialog = IndicatorMapDialog(self.session, self)
        self.indicator_dialog.open()

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    # ================================================================== dialogs
    def manage_categories(self) -> None:
        from assetmap.qt.dialogs.category_manager import CategoryManager

        CategoryManager(self.session, self).exec()

    def show_outcomes(self) -> None:
        from assetmap.qt.dialogs.outcomes import OutcomesDialog

        OutcomesDialog(self.session, self).exec()

    def find_duplicates(self) -> None:
        from assetmap.qt.dialogs.duplicates import DuplicatesDialog

        DuplicatesDialog(self.session, self, self.zoom.show_assets).exec()

    def export_dialog(self) -> None:
        """What you see is what you export: this view, these layers, the table's filter."""
        from assetmap.qt.dialogs.export_dialog import ExportDialog

        proxy = self.table.proxy
        uuids = None
        if proxy.filtering:
            shown = proxy.accepted(None)
            uuids = frozenset(str(u) for u in self.table.model.column_values("uuid")[shown])
        dialog = ExportDialog(
            self.session,
            self,
            view_extent=self.canvas.view.bounds(),
            asset_uuids=uuids,
            scenario=self.analysis.whatif.scenario_name,
        )
        dialog.exec()

    def about(self) -> None:
        self.help.about()

    # ================================================================== projects
    def new_project(self) -> None:
        self.files.new_project()

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def switch_to(self, project: Project) -> None:
        """Close the current project and show another in this window."""
        old = self.session
        self.welcome.leave()  # a project chosen on the welcome page (or anywhere) is shown
        self.session = Session(project)
        remember_project(project.path)
        self._rebuild_for_session()
        old.close()
        # Gone, not just closed: the old panels' handlers hold it and it holds them (through
        # its signals' connections), so nothing else would ever free it or its caches.
        old.deleteLater()
        QTimer.singleShot(0, self.zoom_to_all)

    def _rebuild_for_session(self) -> None:
        self.sharing.follow_session()
        self.tiles.close()
        self.tiles.deleteLater()
        self.tiles = TileService(self.session.project.path, self.session.project.crs, self)
        self.builder = SceneBuilder(self.session.model, self.tiles)
        self._connect_builder()
        self.selection_overlay.session = self.session
        self.selection_overlay.area = None
        self.selection.deleteLater()
        self._build_map_parts()
        self.canvas.set_scene_source(lambda: self.builder.scene(self.canvas.view))
        self.whatif_map.detach()
        for dock in (
            self.dock_layers,
            self.dock_legend,
            self.dock_card,
            self.dock_unplaced,
            self.dock_history,
            self.dock_analysis,
            self.dock_table,
        ):
            old = dock.widget()
            self.removeDockWidget(dock)
            self.view_menu.removeAction(dock.toggleViewAction())
            if old is not None:
                old.deleteLater()
        self._build_docks()
        self.find_box.set_session(self.session)
        self._connect_session()
        self.set_tool("select")
        self._update_title()
        self.canvas.refresh()

    def save_copy(self) -> None:
        self.files.save_copy()

    def _update_title(self) -> None:
        project = self.session.project
        self.setWindowTitle(self.files.window_title())
        self.readout.show_file(project.path)

    def _update_attribution(self) -> None:
        if self.session.is_open:
            self._attribution = self._attribution_text()

    def _attribution_text(self) -> str:
        return map_attribution(self.session.project, self.builder.attributions())

    # ================================================================== window state
    def _restore_layout(self) -> None:
        fit_docks(self)  # now that the Workshop dock has its tab too
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        try:
            self.tiles.close()
            self.session.close()
        except Exception:  # closing must never trap the user in the window
            log.exception("closing the project failed")
        event.accept()


__all__ = ["MainWindow", "last_project", "recent_projects", "remember_project"]
