"""The main window: map in the middle, layers and legend left, asset card right, table below.

The window turns gestures into core commands (through the Session) and
keeps the panels pointed at the open project. It holds no data of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from assetmap.core import areas, assets, backup
from assetmap.core.basemap.store import EVENT_KEY as BASEMAP_EVENT
from assetmap.core.commands import CommandGroup, DeleteAsset, MoveAsset
from assetmap.core.errors import AssetmapError
from assetmap.core.network import is_online
from assetmap.core.project import Project
from assetmap.core.search import Hit
from assetmap.core.summary import attributions
from assetmap.qt.basemap_menu import BasemapMenu
from assetmap.qt.canvas.canvas import Attribution, MapCanvas, ScaleBar
from assetmap.qt.canvas.tiles import TileService
from assetmap.qt.canvas.tools import (
    PICK_RADIUS_PX,
    AddAssetTool,
    MoveTool,
    PanTool,
    PlaceTool,
    SelectTool,
    Tool,
)
from assetmap.qt.change_watch import watch_changes
from assetmap.qt.errors import show_error
from assetmap.qt.find import FindBox
from assetmap.qt.map_scene import SceneBuilder
from assetmap.qt.overlays import SelectionOverlay, ToolOverlay
from assetmap.qt.session import Session
from assetmap.qt.workers import Task, keep_until_finished

log = logging.getLogger(__name__)

MAX_RECENT = 8
STREET_SCALE = 1.5  # metres per pixel when zooming to one asset
METRES_PER_INCH = 0.0254
NETWORK_CHECK_MS = 60_000  # how often the tile server (or OpenStreetMap's) is probed
OFFLINE_MESSAGE = "Offline: the map shows the tiles saved on this computer."


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1400, 900)
        self.setMinimumSize(1024, 640)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.session = session
        self.online: bool | None = None  # None: not known yet (the badge says Offline)
        self.tiles = TileService(session.project.path, session.project.crs, self)
        self.builder = SceneBuilder(session, self.tiles)
        self.canvas = MapCanvas(lambda: self.builder.scene(self.canvas.view), self)
        self.setCentralWidget(self.canvas)
        self._connect_builder()
        self.selection_overlay = SelectionOverlay(session)
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
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._build_docks()
        self._connect_canvas()
        self._connect_session()
        self.set_tool("select")
        self._restore_layout()
        self._update_title()
        self._watch_network()
        QTimer.singleShot(0, self.zoom_to_all)

    # ================================================================== building
    def _action(self, text: str, slot: object, shortcut: object = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} — {tip}")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new = a("&New project…", self.new_project, QKeySequence.StandardKey.New)
        self.act_open = a("&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.act_save_copy = a(
            "Save a &Copy…",
            self.save_copy,
            "Ctrl+Shift+S",
            "write a copy of the project file elsewhere",
        )
        self.act_import_areas = a(
            "&Neighbourhoods (boundaries)…", self.import_areas, tip="import an area set"
        )
        self.act_import_assets = a(
            "&Assets…", self.import_assets, "Ctrl+I", "import assets from a file"
        )
        self.act_import_indicators = a(
            "&Indicators (population, deprivation)…",
            self.import_indicators,
            tip="join figures to an area set",
        )
        self.act_export = a(
            "&Export…",
            self.export_dialog,
            "Ctrl+Shift+E",
            "a map to print, an interactive map, the data or the gap report",
        )
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = a("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.act_redo = a("&Redo", self.redo, QKeySequence("Ctrl+Shift+Z"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_delete = a(
            "&Delete selected…", self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.act_select_none = a(
            "Select &none", lambda: self.session.set_selection(()), "Ctrl+Shift+A"
        )
        self.act_categories = a(
            "&Categories…", self.manage_categories, tip="add, rename, recolour, merge"
        )
        self.act_zoom_all = a(
            "Zoom to &everything", self.zoom_to_all, "Home", "show all areas and assets"
        )
        self.act_zoom_selection = a("Zoom to &selection", self.zoom_to_selection, "Ctrl+J")
        self.act_find = a("&Find…", self.focus_find, QKeySequence.StandardKey.Find)
        self.act_find_gaps = a(
            "Find &gaps",
            self.show_find_gaps,
            "Ctrl+G",
            "which areas are far from the assets they need",
        )
        self.act_about = a("&About assetmap", self.about)
        tools = [
            ("select", "Select", "S", "click an asset or area to see it; drag a box to select"),
            ("pan", "Pan", "P", "drag the map; the arrow keys pan too"),
            ("add", "Add asset", "A", "click the map where the new asset is"),
            ("move", "Move", "M", "drag an asset to its new place"),
        ]
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for name, text, key, tip in tools:
            act = a(text, lambda _=False, n=name: self.set_tool(n), key, tip)
            act.setCheckable(True)
            self.tool_group.addAction(act)
            self.tool_actions[name] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.demo_menu = file_menu.addMenu("Open &Demo Project")
        self._fill_demo_menu()
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.act_save_copy)
        file_menu.addSeparator()
        import_menu = file_menu.addMenu("&Import")
        import_menu.addActions(
            [self.act_import_areas, self.act_import_assets, self.act_import_indicators]
        )
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_delete, self.act_select_none])
        edit.addSeparator()
        edit.addAction(self.act_categories)
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions([self.act_zoom_all, self.act_zoom_selection, self.act_find])
        self.zoom_set_menu = self.view_menu.addMenu("Zoom to &area set")
        self.zoom_set_menu.aboutToShow.connect(self._fill_zoom_set_menu)
        self.view_menu.addSeparator()
        tools = bar.addMenu("&Tools")
        tools.addActions(list(self.tool_actions.values()))
        analysis = bar.addMenu("&Analysis")
        analysis.addAction(self.act_find_gaps)
        self.basemap_menu = BasemapMenu(self)
        bar.addMenu(self.basemap_menu)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Tools")
        bar.setObjectName("toolsToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.tool_actions.values():
            bar.addAction(act)
        bar.addSeparator()
        bar.addActions([self.act_zoom_all, self.act_undo, self.act_redo])
        bar.addSeparator()
        bar.addAction(self.act_find_gaps)
        bar.addSeparator()
        self.find_box = FindBox(self.session, self)
        self.find_box.hitChosen.connect(self.go_to_hit)
        self.find_box.notFound.connect(
            lambda text: self.statusBar().showMessage(f"Nothing found for “{text}”", 4000)
        )
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.find_box)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.coords_label = QLabel()
        self.coords_label.setAccessibleName("Cursor coordinates")
        self.scale_label = QLabel()
        self.scale_label.setAccessibleName("Map scale")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Assets shown")
        self.file_label = QLabel()
        self.file_label.setAccessibleName("Project file")
        for label in (self.coords_label, self.scale_label, self.count_label, self.file_label):
            label.setContentsMargins(8, 0, 8, 0)
            status.addPermanentWidget(label)

    def _build_docks(self) -> None:
        from assetmap.qt.panels.analysis_panel import AnalysisPanel
        from assetmap.qt.panels.asset_card import AssetCard
        from assetmap.qt.panels.attribute_table import AttributeTable
        from assetmap.qt.panels.history import HistoryPanel
        from assetmap.qt.panels.layers_panel import LayersPanel, LegendWidget
        from assetmap.qt.panels.unplaced import UnplacedPanel

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
        self.dock_layers = self._dock("Layers", self.layers_panel, left)
        self.dock_legend = self._dock("Legend", self.legend, left)
        self.dock_card = self._dock("Asset", self.card, right)
        self.dock_unplaced = self._dock("Not on the map", self.unplaced, right)
        self.dock_history = self._dock("History", self.history, right)
        self.dock_analysis = self._dock("Find gaps", self.analysis, right)
        self.tabifyDockWidget(self.dock_card, self.dock_unplaced)
        self.tabifyDockWidget(self.dock_unplaced, self.dock_history)
        self.tabifyDockWidget(self.dock_history, self.dock_analysis)
        self.dock_card.raise_()
        self.dock_table = self._dock("Table", self.table, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.dock_layers, self.dock_card], [290, 330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.dock_table], [230], Qt.Orientation.Vertical)
        self.card.editRequested.connect(self.edit_asset)
        self.card.moveRequested.connect(lambda _uuid: self.set_tool("move"))
        self.card.zoomRequested.connect(self.zoom_to_asset)
        self.card.placeRequested.connect(self.start_placing)
        self.unplaced.placeRequested.connect(self.start_placing)
        self.unplaced.countChanged.connect(self._update_unplaced_title)
        self.table.zoomRequested.connect(self.zoom_to_asset)
        self.analysis.zoomToArea.connect(self.zoom_to_area)
        self._update_unplaced_title(self.unplaced.list.count())

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _update_unplaced_title(self, count: int) -> None:
        self.dock_unplaced.setWindowTitle(
            f"Not on the map ({count})" if count else "Not on the map"
        )

    # ================================================================== wiring
    def _connect_canvas(self) -> None:
        self.canvas.viewChanged.connect(self._update_scale_and_counts)
        self.canvas.mouseMovedTo.connect(self._on_mouse_moved)

    def _connect_builder(self) -> None:
        self.builder.source.coverageReady.connect(self.canvas.refresh)
        self.builder.basemap_source.ready.connect(self.canvas.refresh)
        self.tiles.arrived.connect(self.canvas.refresh)
        self.tiles.onlineChanged.connect(self._on_tiles_online)
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
        self.act_undo.setText(f"&Undo {stack.undo_text}" if stack.undo_text else "&Undo")
        self.act_redo.setText(f"&Redo {stack.redo_text}" if stack.redo_text else "&Redo")

    # ================================================================== status bar
    def _on_mouse_moved(self, x: float, y: float) -> None:
        self.coords_label.setText(self._format_coords(x, y))
        if (
            self.tool is not None
            and self.tool.name in ("select", "move")
            and not self.canvas.dragging
        ):
            self._hover_tooltip()

    def _format_coords(self, x: float, y: float) -> str:
        crs = self.session.project.crs
        if crs.to_epsg() == 27700:
            return f"E {x:,.0f}  N {y:,.0f}"
        return f"x {x:,.0f}  y {y:,.0f} m"

    def _update_scale_and_counts(self) -> None:
        view = self.canvas.view
        metres_per_screen_px = METRES_PER_INCH / max(self.canvas.logicalDpiX(), 1)
        ratio = view.scale / metres_per_screen_px
        self.scale_label.setText(f"Scale 1:{_round_scale(ratio):,}")
        points = self.session.points()
        total = assets.count(self.session.project)
        if len(points):
            mask = self.session.visible_point_mask()
            minx, miny, maxx, maxy = view.bounds()
            x, y = points["x"].to_numpy(), points["y"].to_numpy()
            shown = int((mask & (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)).sum())
        else:
            shown = 0
        self.count_label.setText(f"{shown:,} of {total:,} assets in view")

    def _hover_tooltip(self) -> None:
        pos = self.canvas.mapFromGlobal(self.cursor().pos())
        uuid = self.asset_at(pos.x(), pos.y())
        if uuid is None:
            QToolTip.hideText()
            return
        row = self.session.points().set_index("uuid").loc[uuid]
        category = self.session.category(row["category"])
        label = category.label if category else row["category"]
        text = f"<b>{_escape(row['name'])}</b><br>{_escape(label)}"

        QToolTip.showText(self.canvas.mapToGlobal(pos), text, self.canvas)

    # ================================================================== tools (ToolHost)
    def set_tool(self, name: str) -> None:
        tools: dict[str, type[Tool]] = {
            "select": SelectTool,
            "pan": PanTool,
            "add": AddAssetTool,
            "move": MoveTool,
        }
        self._install_tool(tools[name](self.canvas, self))
        self.tool_actions[name].setChecked(True)

    def _install_tool(self, tool: Tool) -> None:
        old = getattr(self, "tool", None)
        if old is not None:
            old.deactivate()
        self.tool = tool
        self.canvas.tool = tool
        self.canvas.setCursor(tool.cursor)
        self.statusBar().showMessage(self._tool_hint(tool), 6000)

    @staticmethod
    def _tool_hint(tool: Tool) -> str:
        return {
            "select": "Click an asset or an area to see it; drag a box to select several.",
            "pan": "Drag to move the map. Wheel zooms; arrow keys pan.",
            "add": "Click on the map where the new asset is.",
            "move": "Drag an asset to its new place (Escape cancels).",
            "place": "Click on the map where this asset is (Escape cancels).",
        }.get(tool.name, "")

    def asset_at(self, sx: float, sy: float) -> str | None:
        view = self.canvas.view
        x, y = view.to_world(sx, sy)
        row = self.session.point_index().nearest(
            x, y, PICK_RADIUS_PX * view.scale, allowed=self.session.visible_point_mask()
        )
        return None if row is None else str(self.session.point_index().frame["uuid"].iloc[row])

    def asset_xy(self, uuid: str) -> tuple[float, float] | None:
        points = self.session.points()
        rows = points[points["uuid"] == uuid]
        return None if not len(rows) else (float(rows["x"].iloc[0]), float(rows["y"].iloc[0]))

    def identify(self, x: float, y: float, asset: str | None, additive: bool) -> None:
        if asset is not None:
            current = set(self.session.selection)
            if additive:
                current ^= {asset}
            else:
                current = {asset}
            self.session.set_selection(current)
            return
        if not additive:
            self.session.set_selection(())
        self._identify_area(x, y)

    def _identify_area(self, x: float, y: float) -> None:
        import shapely

        point = shapely.Point(x, y)
        for name in reversed(self.session.layers.visible_area_sets()):
            frame = areas.frame(self.session.project, name)
            hits = frame[frame.geometry.contains(point)]
            if len(hits):
                row = hits.iloc[0]
                self.selection_overlay.area = row.geometry
                self.card.show_area(name, str(row["code"]))
                self.dock_card.raise_()
                self.canvas.update()
                return
        self.selection_overlay.area = None
        self.canvas.update()

    def select_in_box(self, bounds: tuple[float, float, float, float], additive: bool) -> None:
        index = self.session.point_index()
        rows = index.in_box(bounds, allowed=self.session.visible_point_mask())
        chosen = set(index.frame["uuid"].to_numpy()[rows])
        if additive:
            chosen |= set(self.session.selection)
        self.session.set_selection(chosen)
        self.statusBar().showMessage(f"{len(chosen)} assets selected", 4000)

    def add_asset_at(self, x: float, y: float) -> None:
        from assetmap.qt.dialogs.asset_form import AssetForm

        form = AssetForm.for_new(self.session, x, y, self)
        if form.exec() and getattr(form, "uuid", None):
            self.session.set_selection({form.uuid})

    def edit_asset(self, uuid: str) -> None:
        from assetmap.qt.dialogs.asset_form import AssetForm

        AssetForm.for_edit(self.session, uuid, self).exec()

    def move_asset(self, uuid: str, x: float, y: float) -> None:
        self._push(MoveAsset(uuid, x, y))

    def start_placing(self, uuid: str) -> None:
        self._install_tool(PlaceTool(self.canvas, self, uuid))
        self.tool_group.setExclusive(False)
        for act in self.tool_actions.values():
            act.setChecked(False)
        self.tool_group.setExclusive(True)
        self.canvas.setFocus()

    def place_asset(self, uuid: str, x: float, y: float) -> None:
        if self._push(MoveAsset(uuid, x, y)):
            self.session.set_selection({uuid})
        self.set_tool("select")

    def delete_selected(self) -> None:
        chosen = sorted(self.session.selection)
        if not chosen:
            return
        names = self.session.points().set_index("uuid")["name"]
        label = (
            f"“{names.get(chosen[0], 'this asset')}”"
            if len(chosen) == 1
            else f"{len(chosen)} assets"
        )
        answer = QMessageBox.question(
            self, "Delete", f"Delete {label}? You can undo this with Ctrl+Z."
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        commands = [DeleteAsset(u) for u in chosen]
        self._push(commands[0] if len(commands) == 1 else CommandGroup(commands, f"Delete {label}"))

    def _push(self, command: object) -> bool:
        try:
            self.session.push(command)
        except AssetmapError as exc:
            show_error(self, "That change was not made", exc)
            return False
        return True

    def undo(self) -> None:
        # Refused when another window or program changed what the undo would revert.
        try:
            self.session.undo()
        except AssetmapError as exc:
            show_error(self, "Nothing was undone", exc)

    def redo(self) -> None:
        try:
            self.session.redo()
        except AssetmapError as exc:
            show_error(self, "Nothing was redone", exc)

    # ================================================================== navigation
    def zoom_to_all(self) -> None:
        if not self.session.is_open:  # a queued call that outlived the project
            return
        extent = self.session.full_extent()
        if extent is None:
            geometry = self.builder.basemap_geometry()  # a project with only a basemap
            extent = geometry.bounds if geometry is not None else None
        if extent is None:
            self.canvas.centre_on(383_000, 396_000, 25.0)  # an empty project: somewhere sensible
            return
        self.canvas.zoom_to(extent)

    def zoom_to_selection(self) -> None:
        points = self.session.points()
        rows = points[points["uuid"].isin(self.session.selection)]
        if not len(rows):
            return
        if len(rows) == 1:
            self.zoom_to_asset(str(rows["uuid"].iloc[0]))
            return
        pad = 100.0
        self.canvas.zoom_to(
            (
                rows["x"].min() - pad,
                rows["y"].min() - pad,
                rows["x"].max() + pad,
                rows["y"].max() + pad,
            )
        )

    def zoom_to_asset(self, uuid: str) -> None:
        xy = self.asset_xy(uuid)
        if xy is None:
            self.statusBar().showMessage("That asset is not on the map yet: place it first.", 5000)
            return
        self.canvas.centre_on(*xy, scale=min(self.canvas.view.scale, STREET_SCALE))
        self.session.set_selection({uuid})

    def zoom_to_area_set(self, name: str) -> None:
        polygons = self.session.polygon_set(name)
        if polygons.present.any():
            b = polygons.bounds[polygons.present]
            self.canvas.zoom_to((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))

    def zoom_to_area(self, set_name: str, code: str) -> None:
        """Show one area (a row of the gap table) and outline it, as clicking it would."""
        frame = areas.frame(self.session.project, set_name)
        rows = frame[frame["code"].astype(str) == code]
        if not len(rows) or rows.geometry.iloc[0] is None:
            self.statusBar().showMessage(f"Area {code} is not on the map.", 5000)
            return
        row = rows.iloc[0]
        self.canvas.zoom_to(row.geometry.bounds, margin=0.25)
        self.selection_overlay.area = row.geometry
        self.canvas.update()
        self.statusBar().showMessage(f"{row['name'] or code} ({code})", 5000)

    def show_find_gaps(self) -> None:
        self.dock_analysis.show()
        self.dock_analysis.raise_()
        if self.dock_analysis.width() < 380:
            self.resizeDocks([self.dock_analysis], [400], Qt.Orientation.Horizontal)
        self.analysis.find_button.setFocus()

    def _fill_zoom_set_menu(self) -> None:
        self.zoom_set_menu.clear()
        for info in areas.list_sets(self.session.project):
            self.zoom_set_menu.addAction(info.name, lambda n=info.name: self.zoom_to_area_set(n))
        if self.zoom_set_menu.isEmpty():
            self.zoom_set_menu.addAction("No area sets yet").setEnabled(False)

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def go_to_hit(self, hit: Hit) -> None:
        if hit.bounds is not None:
            self.canvas.zoom_to(hit.bounds, margin=0.2)
        elif hit.x is not None and hit.y is not None:
            self.canvas.centre_on(hit.x, hit.y, scale=min(self.canvas.view.scale, STREET_SCALE * 2))
        else:
            self.statusBar().showMessage(f"“{hit.label}” is not on the map yet.", 5000)
        if hit.kind == "asset" and hit.key:
            self.session.set_selection({hit.key})
        self.canvas.setFocus()

    # ================================================================== dialogs
    def manage_categories(self) -> None:
        from assetmap.qt.dialogs.category_manager import CategoryManager

        CategoryManager(self.session, self).exec()

    def import_areas(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAreasDialog

        self._run_import(ImportAreasDialog(self.session, self))

    def import_assets(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAssetsDialog

        self._run_import(ImportAssetsDialog(self.session, self))

    def import_indicators(self) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportIndicatorsDialog

        self._run_import(ImportIndicatorsDialog(self.session, self))

    def _run_import(self, dialog: QWidget) -> None:
        dialog.exec()
        self._update_title()

    def export_dialog(self) -> None:
        """What you see is what you export: this view, these layers, the table's filter."""
        from assetmap.qt.dialogs.export_dialog import ExportDialog

        proxy = self.table.proxy
        uuids = None
        if proxy.filtering:
            shown = proxy.accepted(None)
            uuids = frozenset(str(u) for u in self.table.model.column_values("uuid")[shown])
        dialog = ExportDialog(
            self.session, self, view_extent=self.canvas.view.bounds(), asset_uuids=uuids
        )
        dialog.exec()

    def about(self) -> None:
        from assetmap.qt.dialogs.about import AboutDialog

        AboutDialog(self.session, self).exec()

    # ================================================================== projects
    def new_project(self) -> None:
        from assetmap.qt.dialogs.new_project import NewProjectWizard

        wizard = NewProjectWizard(self)
        if not wizard.exec():
            return
        try:
            project = Project.create(wizard.project_path, name=wizard.project_name, crs=wizard.crs)
        except AssetmapError as exc:
            show_error(self, "Could not create the project", exc)
            return
        self.switch_to(project)
        if wizard.areas_path is not None:
            self._import_first_areas(wizard.areas_path, wizard.areas_name)

    def _import_first_areas(self, path: Path, name: str) -> None:
        from assetmap.qt.dialogs.import_dialogs import ImportAreasDialog

        dialog = ImportAreasDialog(self.session, self, path=path)
        if hasattr(dialog, "set_area_set_name"):
            dialog.set_area_set_name(name)
        dialog.exec()
        self.zoom_to_all()

    def open_dialog(self) -> None:
        start = QSettings().value("paths/projects", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", str(start), "assetmap projects (*.gpkg);;All files (*)"
        )
        if path:
            self.open_path(Path(path))

    def _fill_demo_menu(self) -> None:
        from assetmap.qt.paths import DEMOS, shipped_demo

        for name, label in DEMOS.items():
            path = shipped_demo(name)
            action = self.demo_menu.addAction(label)
            action.setEnabled(path is not None)
            action.setStatusTip("Opens your own copy: the demo as shipped stays as it is.")
            if path is not None:
                action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    def open_path(self, path: Path) -> bool:
        from assetmap.qt.app import private_copy_if_demo

        try:
            project = Project.open(private_copy_if_demo(path))

        except AssetmapError as exc:
            show_error(self, "Could not open the project", exc)
            return False
        self.switch_to(project)
        return True

    def switch_to(self, project: Project) -> None:
        """Close the current project and show another in this window."""
        old = self.session
        self.session = Session(project)
        remember_project(project.path)
        self._rebuild_for_session()
        old.close()
        # Gone, not just closed: the old panels' handlers hold it and it holds them (through
        # its signals' connections), so nothing else would ever free it or its caches.
        old.deleteLater()
        QTimer.singleShot(0, self.zoom_to_all)

    def _rebuild_for_session(self) -> None:
        self.tiles.close()
        self.tiles.deleteLater()
        self.tiles = TileService(self.session.project.path, self.session.project.crs, self)
        self.builder = SceneBuilder(self.session, self.tiles)
        self._connect_builder()
        self.selection_overlay.session = self.session
        self.selection_overlay.area = None
        self.canvas._scene_source = lambda: self.builder.scene(self.canvas.view)
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
        from assetmap.qt import file_dialogs

        chosen = file_dialogs.save_file_name(
            self,
            "Save a copy",
            file_dialogs.PROJECTS,
            f"{self.session.project.path.stem} copy.gpkg",
            "assetmap project (*.gpkg)",
        )
        if chosen is None:
            return
        target = str(chosen)
        if not target.lower().endswith(".gpkg"):
            target += ".gpkg"
        try:
            backup.copy_to(self.session.project.conn, Path(target))
        except OSError as exc:
            show_error(self, "Could not save the copy", exc)
            return
        self.statusBar().showMessage(f"Copy saved to {target}", 6000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects():
            self.recent_menu.addAction(path.name, lambda p=path: self.open_path(p)).setToolTip(
                str(path)
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    def _update_title(self) -> None:
        project = self.session.project
        self.setWindowTitle(f"{project.name} — assetmap")
        self.file_label.setText(project.path.name)
        self.file_label.setToolTip(str(project.path))

    def _update_attribution(self) -> None:
        if self.session.is_open:
            self._attribution = self._attribution_text()

    def _attribution_text(self) -> str:
        """The basemap's and tiles' attribution first (© OpenStreetMap contributors), then
        the data's sources, short; About and exports carry the full text."""
        shown = self.builder.attributions()
        lines = [
            line
            for line in attributions(self.session.project)
            if not any(a in line for a in shown)  # the basemap's own source line
        ]
        text = " · ".join(shown + [_short_attribution(line) for line in lines[:3]])
        return text + (" · …" if len(lines) > 3 else "")

    # ================================================================== network badge
    def _watch_network(self) -> None:
        self._net_timer = QTimer(self)
        self._net_timer.setInterval(NETWORK_CHECK_MS)
        self._net_timer.timeout.connect(self._check_network)
        self._net_timer.start()
        QTimer.singleShot(500, self._check_network)

    def _check_network(self) -> None:
        """Ask the shown tile source's server (else OpenStreetMap's) whether it answers."""
        host = self.builder.tile_host()
        # No parent: the probe may outlive the window (it waits on the network), and a
        # deleted parent would take the signal's sender with it mid-emit.
        task = Task(lambda progress, cancelled: is_online(*host) if host else is_online())
        keep_until_finished(task)  # a probe outlives the window that started it
        task.succeeded.connect(self._set_online)
        task.start()

    def _set_online(self, online: object) -> None:
        """The probe's or the tile fetcher's word on the network. Coming back: fetch the
        tiles the map lacks now (not after the back-off); going away: say so on the badge
        and once in the status bar, never in a dialog."""
        online = bool(online)
        if not self.session.is_open:
            return
        was = self.online
        tiles_shown = self.builder.tile_host() is not None
        stuck = was is False or self.tiles.offline or self.tiles.unreachable
        if online and tiles_shown and stuck:
            self.tiles.retry()
            self.canvas.refresh()
        if online == was:
            return
        self.online = online
        self.canvas.update()
        if not online and tiles_shown:
            self.statusBar().showMessage(OFFLINE_MESSAGE, 8000)

    def _on_tiles_online(self, online: bool) -> None:
        """The tile server stopped (or started) answering: the map goes on with the tiles
        already saved."""
        self._set_online(online)

    # ================================================================== window state
    def _restore_layout(self) -> None:
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


# ====================================================================== helpers
def remember_project(path: Path) -> None:
    settings = QSettings()
    items = [str(path.resolve())] + [p for p in _recent_strings() if p != str(path.resolve())]
    settings.setValue("recent", items[:MAX_RECENT])
    settings.setValue("last_project", str(path.resolve()))
    settings.setValue("paths/projects", str(path.resolve().parent))


def _recent_strings() -> list[str]:
    value = QSettings().value("recent", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in (value or [])]


def recent_projects() -> list[Path]:
    return [Path(p) for p in _recent_strings() if Path(p).exists()]


def last_project() -> Path | None:
    value = QSettings().value("last_project")
    return Path(str(value)) if value and Path(str(value)).exists() else None


def _round_scale(ratio: float) -> int:
    if ratio < 1:
        return 1
    digits = int(np.floor(np.log10(ratio))) - 1
    step = 10 ** max(digits, 0)
    return int(round(ratio / step) * step)


def _short_attribution(line: str) -> str:
    """The map keeps attribution short; About and exports carry the full text."""
    line = line.strip()
    return line if len(line) <= 90 else line[:87] + "…"


def _escape(text: object) -> str:
    import html

    return html.escape(str(text))


__all__ = ["MainWindow", "last_project", "recent_projects", "remember_project"]
