"""The layers panel: what the map shows, in what order and how it looks.

The tree is a view of ``session.layers`` (view settings) and the categories
(data). Ticking a box changes the layer model and the tree re-reads its ticks
from the model, so the map, the legend and this list never disagree. Category
colour and symbol are data, so they change through undoable commands; area
styles are view settings saved with the project.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.basemap import store as basemap_store
from assetmap.core.commands import EditCategory
from assetmap.core.taxonomy import Category
from assetmap.qt.dialogs.category_manager import (
    CategoryDialog,
    CategoryManager,
    categories_by_group,
    category_counts,
    colour_name,
    need_counts,
    swatch_icon,
    symbol_icon,
    symbol_name,
)
from assetmap.qt.i18n import translate
from assetmap.qt.legend import LegendWidget
from assetmap.qt.panels.layer_styles import AreaStyleDialog, AssetStyleDialog, BasemapStyleDialog
from assetmap.qt.panels.layer_tree import (
    AREA,
    AREAS,
    ASSETS,
    BASEMAP,
    BASEMAP_TILES,
    BASEMAP_VECTOR,
    CATEGORY,
    GROUP,
    KEY_ROLE,
    KIND_ROLE,
    Layer,
    LayerTree,
    combined_check,
    describe_item,
    hint_item,
    layer_item,
    set_check,
)
from assetmap.qt.session import Session

__all__ = [
    "AreaStyleDialog",
    "AssetStyleDialog",
    "BasemapStyleDialog",
    "BASEMAP_VECTOR",
    "LayersPanel",
    "LegendWidget",
]


class LayersPanel(QWidget):
    """Area sets and asset categories with their visibility, order and style."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.style_dialog: QDialog | None = None
        self.category_manager: CategoryManager | None = None
        self._syncing = False
        self._counts: dict[str, int] = {}
        self._needs: dict[str, int] = {}
        self.model = QStandardItemModel(self)
        self.model.itemChanged.connect(self._on_item_changed)
        self.tree = self._make_tree()
        self.show_empty = QCheckBox(translate("Layers", "Show &empty categories"))
        self.show_empty.setToolTip(translate("Layers", "List categories that have no assets yet"))
        self.show_empty.toggled.connect(lambda _on: self.refresh())
        self._make_actions()
        self._build_layout()
        session.layersChanged.connect(self._on_layers_changed)
        session.categoriesChanged.connect(self.refresh)
        session.areaSetsChanged.connect(self.refresh)
        session.assetsChanged.connect(self._on_assets_changed)
        self.refresh()

    # ---- building --------------------------------------------------------------------------
    def _make_tree(self) -> LayerTree:
        tree = LayerTree(self)
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setAccessibleName(translate("Layers", "Layers"))
        tree.setAccessibleDescription(
            translate(
                "Layers",
                "Space shows or hides the layer. Return changes its style. "
                "Control with Up or Down changes the drawing order of neighbourhoods.",
            )
        )
        tree.setIconSize(QSize(16, 16))
        tree.setIndentation(14)
        tree.setUniformRowHeights(True)
        tree.setStyleSheet("QTreeView::item { padding: 1px 0px; }")
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_context_menu)
        tree.doubleClicked.connect(lambda _index: self.open_style_dialog())
        tree.styleRequested.connect(self.open_style_dialog)
        tree.moveRequested.connect(self.move_current)
        tree.areaDropped.connect(self._on_area_dropped)
        tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return tree

    def _make_actions(self) -> None:
        self.act_style = QAction(translate("Layers", "&Style…"), self)
        self.act_style.setShortcut(QKeySequence("Ctrl+E"))
        self.act_style.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_style.setToolTip(
            translate("Layers", "Change how the selected layer looks (Ctrl+E or Return)")
        )
        self.act_style.triggered.connect(self.open_style_dialog)
        self.act_up = QAction(translate("Layers", "Move &up"), self)
        self.act_up.setToolTip(
            translate("Layers", "Draw the selected neighbourhoods above the others (Ctrl+Up)")
        )
        self.act_up.triggered.connect(lambda: self.move_current(1))
        self.act_down = QAction(translate("Layers", "Move &down"), self)
        self.act_down.setToolTip(
            translate("Layers", "Draw the selected neighbourhoods below the others (Ctrl+Down)")
        )
        self.act_down.triggered.connect(lambda: self.move_current(-1))
        self.act_categories = QAction(translate("Layers", "&Manage categories…"), self)
        self.act_categories.setToolTip(
            translate("Layers", "Add, rename, recolour or merge categories")
        )
        self.act_categories.triggered.connect(self.open_category_manager)
        self.addAction(self.act_style)

    def _build_layout(self) -> None:
        self.style_button = QPushButton(translate("Layers", "Style…"))
        self.style_button.setToolTip(self.act_style.toolTip())
        self.style_button.setAccessibleName(translate("Layers", "Style of the selected layer"))
        self.style_button.clicked.connect(self.open_style_dialog)
        self.up_button = _arrow_button(Qt.ArrowType.UpArrow, self.act_up)
        self.down_button = _arrow_button(Qt.ArrowType.DownArrow, self.act_down)
        self.categories_button = QPushButton(translate("Layers", "Categories…"))
        self.categories_button.setToolTip(self.act_categories.toolTip())
        self.categories_button.setAccessibleName(translate("Layers", "Manage categories"))
        self.categories_button.clicked.connect(self.open_category_manager)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.style_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        buttons.addWidget(self.categories_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.show_empty)
        layout.addLayout(buttons)

    # ---- contents ----------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        """Rebuild the rows (sets, categories or counts changed), keeping place and folds."""
        current = self.current_layer()
        collapsed = self._collapsed()
        self._counts = category_counts(self.session)
        self._needs = need_counts(self.session)
        self._syncing = True
        try:
            self.model.clear()
            self.model.appendRow(self._area_rows())
            self.model.appendRow(self._asset_rows())
            self.model.appendRow(self._basemap_rows())
        finally:
            self._syncing = False
        self._sync_states()
        self._restore_folds(collapsed)
        if current is None or not self.select_layer(*current):
            self._select_first_layer()
        self._update_buttons()

    def _select_first_layer(self) -> None:
        """Start on a layer that has a style, so Style… is ready at once."""
        first = self.model.index(0, 0)
        below = self.model.index(0, 0, first)
        self.tree.setCurrentIndex(below if below.isValid() else first)

    def _area_rows(self) -> QStandardItem:
        root = layer_item(translate("Layers", "Neighbourhoods"), AREAS, "", bold=True)
        root.setDropEnabled(True)
        for name in reversed(self.session.layers.area_order):
            row = layer_item(name, AREA, name)
            row.setDragEnabled(True)
            count = areas.count(self.session.project, name)
            row.setToolTip(
                translate(
                    "Layers", "{name}: {count} areas. Drag, or Ctrl+Up/Down, to change the order."
                ).format(name=name, count=count)
            )
            root.appendRow(row)
        if not root.hasChildren():
            root.appendRow(
                hint_item(translate("Layers", "None yet: import boundaries from the File menu"))
            )
        return root

    def _asset_rows(self) -> QStandardItem:
        root = layer_item(translate("Layers", "Assets"), ASSETS, "", bold=True)
        show_empty = self.show_empty.isChecked()
        for group, cats in categories_by_group(self.session.categories()):
            shown = [c for c in cats if show_empty or self._counts.get(c.key, 0)]
            if not shown:
                continue
            group_item = layer_item(group, GROUP, group)
            for cat in shown:
                group_item.appendRow(self._category_row(cat))
            root.appendRow(group_item)
        if not root.hasChildren():
            empty = (
                translate("Layers", "No assets yet")
                if not show_empty
                else translate("Layers", "No categories")
            )
            root.appendRow(hint_item(empty))
        return root

    def _basemap_rows(self) -> QStandardItem:
        """Under everything: the project's own basemap and the raster tiles."""
        root = layer_item(translate("Layers", "Basemap"), BASEMAP, "", bold=True)
        root.setCheckable(False)
        root.setData(None, Qt.ItemDataRole.CheckStateRole)  # no box: each part is its own choice
        info = basemap_store.info(self.session.project)
        if info is not None:
            row = layer_item(
                translate("Layers", "Streets and places (OpenStreetMap)"), BASEMAP_VECTOR, ""
            )
            row.setToolTip(
                translate(
                    "Layers",
                    "{imported} Areas are drawn see-through over it (their Style…).",
                ).format(imported=_imported_text(info, info.attribution))
            )
            root.appendRow(row)
        else:
            root.appendRow(
                hint_item(translate("Layers", "No streets yet: Basemap ▸ Import OSM extract…"))
            )
        source = self.session.layers.basemap.tile_source_object()
        name = source.name if source is not None else translate("Layers", "source not found")
        tiles = layer_item(
            translate("Layers", "Map tiles: {name}").format(name=name), BASEMAP_TILES, ""
        )
        tiles.setToolTip(
            translate(
                "Layers",
                "Raster tiles under the data, kept on this computer for offline use. "
                "Style… chooses where they come from.",
            )
        )
        root.appendRow(tiles)
        return root

    def _category_row(self, cat: Category) -> QStandardItem:
        needs = self._needs.get(cat.key, 0)
        count = self._counts.get(cat.key, 0) - needs  # a need says something is missing
        if not needs:
            said = f"{count}"
        elif needs == 1:
            said = translate("Layers", "{count} · {needs} need").format(count=count, needs=needs)
        else:
            said = translate("Layers", "{count} · {needs} needs").format(count=count, needs=needs)
        row = layer_item(f"{cat.label} ({said})", CATEGORY, cat.key)
        row.setIcon(symbol_icon(cat.symbol, cat.colour, 12))
        tip = (
            translate(
                "Layers",
                "{label}: {count} assets and {needs} workshop needs (something missing here), "
                "{colour} {symbol}",
            )
            if needs
            else translate("Layers", "{label}: {count} assets, {colour} {symbol}")
        )
        row.setToolTip(
            tip.format(
                label=cat.label,
                count=count,
                needs=needs,
                colour=colour_name(cat.colour),
                symbol=symbol_name(cat.symbol),
            )
        )
        return row

    def _on_layers_changed(self, layer: str = "") -> None:
        if layer == "basemap":
            # Often sent from the ticked row's own itemChanged: rebuilding the model inside
            # it would delete the item Qt is still handling (a crash), so rebuild just after.
            QTimer.singleShot(0, self, self.refresh)
        elif layer == "order":
            self.refresh()
        else:
            self._sync_states()

    def _on_assets_changed(self, _uuids: object = None, _kind: str = "") -> None:
        """Counts follow edits; cheap enough to rebuild, and empty categories may appear."""
        self.refresh()

    def _sync_states(self) -> None:
        """Read every tick and area icon from the layer model (the single source of truth)."""
        layers = self.session.layers
        self._syncing = True
        try:
            for item in self._items():
                kind, key = item.data(KIND_ROLE), item.data(KEY_ROLE)
                if kind == AREA:
                    style = layers.area_style(key)
                    set_check(item, style.visible)
                    item.setIcon(swatch_icon(style.fill, style.outline, 16))
                    describe_item(
                        item,
                        translate("Layers", "neighbourhoods, shown")
                        if style.visible
                        else translate("Layers", "neighbourhoods, hidden"),
                    )
                elif kind == CATEGORY:
                    visible = layers.category_style(key).visible
                    set_check(item, visible)
                    describe_item(
                        item,
                        translate("Layers", "shown") if visible else translate("Layers", "hidden"),
                    )
                elif kind == ASSETS:
                    set_check(item, layers.assets_visible)
                elif kind == BASEMAP_VECTOR:
                    set_check(item, layers.basemap.visible)
                elif kind == BASEMAP_TILES:
                    set_check(item, layers.basemap.tiles_visible)
                self._grey_if_hidden(item, kind)
            for item in self._items():
                if item.data(KIND_ROLE) in (GROUP, AREAS):
                    item.setCheckState(combined_check(item))
        finally:
            self._syncing = False

    def _grey_if_hidden(self, item: QStandardItem, kind: str) -> None:
        """Categories look inactive while all assets are hidden, though they keep their ticks."""
        if kind in (GROUP, CATEGORY):
            off = not self.session.layers.assets_visible
            item.setForeground(QColor("#8C959F") if off else QColor("#1F2328"))

    # ---- ticks -> layer model --------------------------------------------------------------
    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._syncing or not item.isCheckable():
            return
        on = item.checkState() != Qt.CheckState.Unchecked
        kind, key = item.data(KIND_ROLE), item.data(KEY_ROLE)
        layers = self.session.layers
        if kind == AREA:
            layers.set_area_style(key, visible=on)
        elif kind == AREAS:
            for name in layers.area_order:
                layers.set_area_style(name, visible=on)
        elif kind == ASSETS:
            layers.set_assets(assets_visible=on)
        elif kind == CATEGORY:
            layers.set_categories_visible([key], on)
        elif kind == GROUP:
            keys = [c.key for c in self.session.categories() if c.group == key]
            layers.set_categories_visible(keys, on)
        elif kind == BASEMAP_VECTOR:
            layers.set_basemap(visible=on)
        elif kind == BASEMAP_TILES:
            layers.set_basemap(tiles_visible=on)
        self._sync_states()

    # ---- order -----------------------------------------------------------------------------
    def move_current(self, step: int) -> None:
        """step +1 draws the selected area set one place higher (up in the list)."""
        layer = self.current_layer()
        if layer is None or layer[0] != AREA:
            return
        order = self.session.layers.area_order
        position = order.index(layer[1]) + step
        if 0 <= position < len(order):
            self.session.layers.move_area_set(layer[1], position)
            self.session.save_layers()

    def _on_area_dropped(self, name: str, target: str, above: bool) -> None:
        order = [n for n in self.session.layers.area_order if n != name]
        position = order.index(target) + (1 if above else 0)  # the list shows the top first
        self.session.layers.move_area_set(name, position)
        self.session.save_layers()
        self.select_layer(AREA, name)

    # ---- style -----------------------------------------------------------------------------
    def open_style_dialog(self) -> QDialog | None:
        """Open the style of the current layer without blocking; returns the dialog."""
        layer = self.current_layer()
        if layer is None or layer[0] not in (AREA, ASSETS, CATEGORY, BASEMAP_VECTOR, BASEMAP_TILES):
            return None
        kind, key = layer
        if kind == BASEMAP_VECTOR:
            vector = BasemapStyleDialog(self.session.layers.basemap, self._basemap_about(), self)
            vector.accepted.connect(lambda: self._apply_basemap(vector.changes()))
            dialog: QDialog = vector
        elif kind == BASEMAP_TILES:
            from assetmap.qt.dialogs.tile_source import TileSourceDialog

            dialog = TileSourceDialog(self.session.layers.basemap, self)
            dialog.accepted.connect(lambda: self._apply_basemap(dialog.changes()))
        elif kind == AREA:
            dialog = AreaStyleDialog(key, self.session.layers.area_style(key), self)
            dialog.accepted.connect(lambda: self._apply_area_style(key, dialog))
        elif kind == ASSETS:
            dialog = self._asset_style_dialog()
        else:
            dialog = self._category_style_dialog(key)
        self.style_dialog = dialog
        dialog.finished.connect(lambda _r: self._style_closed(dialog))
        dialog.open()
        return dialog

    def _asset_style_dialog(self) -> QDialog:
        layers = self.session.layers
        keys = [c.key for c in self.session.categories()]
        sizes = [layers.category_style(k).size for k in keys] or [9.0]
        size = max(set(sizes), key=sizes.count)
        dialog = AssetStyleDialog(layers.asset_opacity, layers.asset_labels, size, self)
        dialog.accepted.connect(lambda: self._apply_asset_style(dialog))
        return dialog

    def _category_style_dialog(self, key: str) -> QDialog:
        cat = self.session.category(key)
        assert cat is not None  # the tree is rebuilt whenever categories change

        def submit(changes: dict[str, Any]) -> None:
            if changes:
                self.session.push(EditCategory(key, changes))

        return CategoryDialog(self.session, submit, cat, ("colour", "symbol"), self)

    def _basemap_about(self) -> str:
        info = basemap_store.info(self.session.project)
        if info is None:
            return translate(
                "Layers", "The project has no basemap yet: Basemap ▸ Import OSM extract…"
            )
        return _imported_text(info, f"{info.attribution}, {info.licence}")

    def _apply_basemap(self, changes: dict[str, Any]) -> None:
        self.session.layers.set_basemap(**changes)
        self.session.save_layers()

    def _apply_area_style(self, name: str, dialog: AreaStyleDialog) -> None:
        self.session.layers.set_area_style(name, **dialog.changes())
        self.session.save_layers()

    def _apply_asset_style(self, dialog: AssetStyleDialog) -> None:
        changes = dialog.changes()
        size = changes.pop("size")
        layers = self.session.layers
        keys = [
            c.key for c in self.session.categories() if layers.category_style(c.key).size != size
        ]
        if keys:
            layers.set_symbol_size(keys, size)
        layers.set_assets(**changes)

        self.session.save_layers()

    def _style_closed(self, dialog: QDialog) -> None:
        if self.style_dialog is dialog:
            self.style_dialog = None
        self.tree.setFocus()
        dialog.deleteLater()

    def open_category_manager(self) -> CategoryManager:
        manager = CategoryManager(self.session, self)
        layer = self.current_layer()
        if layer is not None and layer[0] == CATEGORY:
            manager.select_category(layer[1])
        self.category_manager = manager
        manager.finished.connect(lambda _r: manager.deleteLater())
        manager.open()
        return manager

    # ---- selection and lookup ----------------------------------------------------------------
    def current_layer(self) -> Layer | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(KIND_ROLE)), str(index.data(KEY_ROLE))

    def select_layer(self, kind: str, key: str = "") -> bool:
        item = self.item_for(kind, key)
        if item is None:
            return False
        self.tree.setCurrentIndex(item.index())
        self.tree.scrollTo(item.index())
        return True

    def item_for(self, kind: str, key: str = "") -> QStandardItem | None:
        for item in self._items():
            if item.data(KIND_ROLE) == kind and (item.data(KEY_ROLE) or "") == key:
                return item
        return None

    def _items(self) -> list[QStandardItem]:
        out: list[QStandardItem] = []
        stack = [self.model.item(r) for r in range(self.model.rowCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack.extend(item.child(r) for r in range(item.rowCount()))
        return out

    def _collapsed(self) -> set[Layer]:
        return {
            (str(i.data(KIND_ROLE)), str(i.data(KEY_ROLE) or ""))
            for i in self._items()
            if i.hasChildren() and not self.tree.isExpanded(i.index())
        }

    def _restore_folds(self, collapsed: set[Layer]) -> None:
        for item in self._items():
            if item.hasChildren():
                layer = (str(item.data(KIND_ROLE)), str(item.data(KEY_ROLE) or ""))
                self.tree.setExpanded(item.index(), layer not in collapsed)

    def _update_buttons(self) -> None:
        layer = self.current_layer()
        kind, key = layer if layer else ("", "")
        can_style = kind in (AREA, ASSETS, CATEGORY, BASEMAP_VECTOR, BASEMAP_TILES)
        self.act_style.setEnabled(can_style)
        self.style_button.setEnabled(can_style)
        order = self.session.layers.area_order
        position = order.index(key) if kind == AREA and key in order else -1
        self.act_up.setEnabled(0 <= position < len(order) - 1)
        self.act_down.setEnabled(position > 0)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        for action in (self.act_style, self.act_up, self.act_down):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_categories)
        menu.popup(self.tree.viewport().mapToGlobal(pos))


def _imported_text(info: basemap_store.BasemapInfo, credit: str) -> str:
    """Where the project's basemap came from, how big it is and whose data it is."""
    if info.extract_date:
        text = translate(
            "Layers", "Imported from {file} (data of {date}): {features:,} features. {credit}."
        )
    else:
        text = translate("Layers", "Imported from {file}: {features:,} features. {credit}.")
    date = str(info.extract_date)[:10]
    return text.format(file=info.source_file, date=date, features=info.features, credit=credit)


def _arrow_button(arrow: Qt.ArrowType, action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setArrowType(arrow)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAccessibleName(action.text().replace("&", ""))
    return button
