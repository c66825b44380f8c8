"""The category manager: add, rename, recolour, re-symbol, regroup and merge categories, mark
which hold personal data, and list the other names imports match to each.

Every change is a command on the session's undo stack, so a mistaken merge is
one Undo away. The colour and symbol pickers (``pickers``) are shared with the layers
panel: both offer the colour-blind-safe Okabe-Ito colours before anything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands import AddCategory, EditCategory
from assetmap.core.errors import BadInputError
from assetmap.core.taxonomy import UNCATEGORISED, Category
from assetmap.qt.dialogs.category_manager.editor import FIELDS, CategoryDialog
from assetmap.qt.dialogs.category_manager.error_label import error_label
from assetmap.qt.dialogs.category_manager.listing import categories_by_group, category_counts
from assetmap.qt.dialogs.category_manager.merge import MergeDialog
from assetmap.qt.dialogs.category_manager.rows import (
    COLUMNS,
    KEY_ROLE,
    NAMES_COLUMN,
    PERSONAL_COLUMN,
    PERSONAL_TIP,
    category_item,
)
from assetmap.qt.dialogs.category_manager.synonyms import SynonymsDialog
from assetmap.qt.i18n import translate
from assetmap.qt.items import child_items, top_items
from assetmap.qt.session import Session


class CategoryManager(QDialog):
    """The project's categories by group, with the actions that change them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.active_dialog: QDialog | None = None
        self._filling = False
        self.setWindowTitle(translate("CategoryManager", "Categories"))
        self.setAccessibleName(translate("CategoryManager", "Category manager"))
        self.tree = self._make_tree()
        self.error = error_label()
        self.buttons = self._make_buttons()
        self._build_layout()
        session.categoriesChanged.connect(self.refresh)
        session.assetsChanged.connect(self.refresh)
        session.historyChanged.connect(self._update_buttons)
        self.refresh()
        self.resize(1120, 620)

    # ---- building ---------------------------------------------------------------------
    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(translate("CategoryManager", "Categories"))
        tree.setColumnCount(len(COLUMNS))
        tree.setHeaderLabels([translate("CategoryManager", column) for column in COLUMNS])
        tree.headerItem().setToolTip(PERSONAL_COLUMN, translate("CategoryManager", PERSONAL_TIP))
        tree.headerItem().setToolTip(
            NAMES_COLUMN,
            translate(
                "CategoryManager",
                "Imports put values with these names in the category (Other names…)",
            ),
        )
        tree.setIconSize(QSize(18, 18))
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setStyleSheet("QTreeView::item { padding: 2px 0px; }")
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = tree.header()
        for column in (0, 1, 2, 3, PERSONAL_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAMES_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.itemChanged.connect(self._on_item_changed)
        tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        tree.selectionModel().currentChanged.connect(self._keep_name_column_current)
        return tree

    def _keep_name_column_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """F2 edits the current cell: keep it on the name, whichever column was clicked."""
        if current.isValid() and current.column() != 0:
            self.tree.setCurrentIndex(current.siblingAtColumn(0))

    def _make_buttons(self) -> dict[str, QPushButton]:
        specs = [
            (
                "add",
                translate("CategoryManager", "&Add…"),
                translate("CategoryManager", "Add a new category"),
                self.add_category,
            ),
            (
                "rename",
                translate("CategoryManager", "&Rename"),
                translate("CategoryManager", "Rename the selected category (F2)"),
                self.rename_current,
            ),
            (
                "colour",
                translate("CategoryManager", "&Colour…"),
                translate("CategoryManager", "Change the colour"),
                lambda: self.edit_current(("colour",)),
            ),
            (
                "symbol",
                translate("CategoryManager", "&Symbol…"),
                translate("CategoryManager", "Change the symbol"),
                lambda: self.edit_current(("symbol",)),
            ),
            (
                "group",
                translate("CategoryManager", "&Group…"),
                translate("CategoryManager", "Move to another group"),
                lambda: self.edit_current(("group",)),
            ),
            (
                "review",
                translate("CategoryManager", "Check e&very…"),
                translate("CategoryManager", "How often its assets are due for checking"),
                lambda: self.edit_current(("review_months",)),
            ),
            (
                "names",
                translate("CategoryManager", "Other &names…"),
                translate(
                    "CategoryManager",
                    "Names a file may use for this category, matched when importing",
                ),
                self.edit_names,
            ),
            (
                "merge",
                translate("CategoryManager", "&Merge into…"),
                translate("CategoryManager", "Move its assets to another category and remove it"),
                self.merge_current,
            ),
            (
                "undo",
                translate("CategoryManager", "&Undo"),
                translate("CategoryManager", "Undo the last change (Ctrl+Z)"),
                self.undo,
            ),
            (
                "redo",
                translate("CategoryManager", "R&edo"),
                translate("CategoryManager", "Redo (Ctrl+Shift+Z)"),
                self.redo,
            ),
            (
                "close",
                translate("CategoryManager", "Close"),
                translate("CategoryManager", "Close the category manager"),
                self.accept,
            ),
        ]
        buttons = {}
        for key, text, tip, slot in specs:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons[key] = button
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.redo)
        return buttons

    def _build_layout(self) -> None:
        side = QVBoxLayout()
        for key in ("add", "rename", "colour", "symbol", "group", "review", "names", "merge"):
            side.addWidget(self.buttons[key])
        side.addSpacing(16)
        side.addWidget(self.buttons["undo"])
        side.addWidget(self.buttons["redo"])
        side.addStretch(1)
        side.addWidget(self.buttons["close"])
        hint = QLabel(
            translate(
                "CategoryManager",
                "Colour shows the group and the symbol tells categories apart, so the map stays "
                "readable for colour-blind people. A category ticked as personal data (a person's "
                "skills, say) keeps all its assets out of exports unless an export includes "
                "personal data. Every change here can be undone.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606A;")
        left = QVBoxLayout()
        left.addWidget(self.tree, 1)
        left.addWidget(self.error)
        left.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(side)

    # ---- contents -----------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        current = self.current_key()
        collapsed = {item.text(0) for item in top_items(self.tree) if not item.isExpanded()}
        self._filling = True
        try:
            self.tree.clear()
            counts = category_counts(self.session)
            for group, cats in categories_by_group(self.session.categories()):
                self._add_group(group, cats, counts, expanded=group not in collapsed)
        finally:
            self._filling = False
        if current:
            self.select_category(current)
        self._update_buttons()

    def _add_group(
        self, group: str, cats: list[Category], counts: dict[str, int], *, expanded: bool
    ) -> None:
        total = sum(counts.get(c.key, 0) for c in cats)
        item = QTreeWidgetItem([group, str(total)] + [""] * (len(COLUMNS) - 2))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.addTopLevelItem(item)
        for cat in cats:
            item.addChild(category_item(cat, counts.get(cat.key, 0)))
        item.setExpanded(expanded)

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return str(key) if key else None

    def select_category(self, key: str) -> bool:
        item = self.item_for(key)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        for group in top_items(self.tree):
            for child in child_items(group):
                if child.data(0, KEY_ROLE) == key:
                    return child
        return None

    def _update_buttons(self) -> None:
        key = self.current_key()
        for name in ("rename", "colour", "symbol", "group", "review", "names", "merge"):
            self.buttons[name].setEnabled(key is not None)
        if key == UNCATEGORISED:
            self.buttons["merge"].setEnabled(False)
        stack = self.session.stack
        self.buttons["undo"].setEnabled(stack.can_undo)
        self.buttons["redo"].setEnabled(stack.can_redo)
        self.buttons["undo"].setToolTip(
            translate("CategoryManager", "Undo {change}").format(change=stack.undo_text)
            if stack.undo_text
            else translate("CategoryManager", "Undo")
        )
        self.buttons["redo"].setToolTip(
            translate("CategoryManager", "Redo {change}").format(change=stack.redo_text)
            if stack.redo_text
            else translate("CategoryManager", "Redo")
        )

    # ---- actions ---------------------------------------------------------------------------
    def add_category(self) -> None:
        def submit(values: dict[str, Any]) -> None:
            self._push(AddCategory(self._new_category(values)), raise_errors=True)
            self._added = values["label"]

        self._added = ""
        dialog = CategoryDialog(self.session, submit, None, FIELDS, self)
        dialog.accepted.connect(lambda: self._select_label(self._added))
        self._show(dialog)

    def _new_category(self, values: dict[str, Any]) -> Category:
        base = categories.new_category(
            self.session.project, values["label"] or "x", values["group"]
        )
        return Category(
            key=categories.unique_key(self.session.project, values["label"] or "x"),
            label=values["label"],
            group=values["group"],
            colour=values["colour"],
            symbol=values["symbol"],
            sort_order=base.sort_order,
            review_months=values.get("review_months", base.review_months),
        )

    def rename_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, KEY_ROLE):
            self.tree.setFocus()
            self.tree.editItem(item, 0)

    def edit_current(self, fields: Sequence[str] = FIELDS) -> None:
        key = self.current_key()
        cat = self.session.category(key) if key else None
        if cat is None:
            return

        def submit(changes: dict[str, Any]) -> None:
            if changes:
                self._push(EditCategory(cat.key, changes), raise_errors=True)

        self._show(CategoryDialog(self.session, submit, cat, fields, self))

    def edit_names(self) -> None:
        key = self.current_key()
        if key is not None:
            self._show(SynonymsDialog(self.session, key, self))

    def set_personal_data(self, key: str, personal: bool) -> None:
        """Mark or unmark a category as holding personal data.

        Marking flags its assets at once. Unmarking asks first whether its assets, flagged
        until now, should be cleared too: they may still describe people.
        """
        cat = self.session.category(key)
        if cat is None or cat.personal_data == personal:
            return
        flagged = categories.flagged_count(self.session.project, key)
        if personal or not flagged:
            self._push(EditCategory(key, {"personal_data": personal}))
            return
        self._show(self._unmark_question(cat, flagged))

    def _unmark_question(self, cat: Category, flagged: int) -> QMessageBox:
        if flagged == 1:
            flags = translate(
                "CategoryManager",
                "Its 1 asset is flagged as personal data now, so it is left out of exports. "
                "Clear its flag too, or keep it flagged?",
            )
        else:
            flags = translate(
                "CategoryManager",
                "Its {n} assets are flagged as personal data now, so they are left out of "
                "exports. Clear their flags too, or keep them flagged?",
            ).format(n=flagged)
        no_longer = translate(
            "CategoryManager", "“{category}” will no longer mark new assets as personal data."
        ).format(category=cat.label)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("CategoryManager", "Personal data"),
            no_longer + "\n\n" + flags,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        clear = box.addButton(
            translate("CategoryManager", "&Clear their flags"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = box.addButton(
            translate("CategoryManager", "&Keep them flagged"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        self.unmark_buttons = {"clear": clear, "keep": keep}

        def answered(_result: int) -> None:
            chosen = box.clickedButton()
            if chosen in (clear, keep):
                self._push(
                    EditCategory(cat.key, {"personal_data": False}, unflag_assets=chosen is clear)
                )
            else:
                self.refresh()  # the box goes back to ticked

        box.finished.connect(answered)
        return box

    def merge_current(self) -> None:
        key = self.current_key()
        if key is None or key == UNCATEGORISED:
            return
        self._show(MergeDialog(self.session, key, self))

    def undo(self) -> None:
        self._clear_error()
        try:
            self.session.undo()
        except BadInputError as exc:
            self._show_error(exc)

    def redo(self) -> None:
        self._clear_error()
        try:
            self.session.redo()
        except BadInputError as exc:
            self._show_error(exc)

    def done(self, result: int) -> None:
        """Closing the manager also closes a dialog it opened, so none is left behind."""
        if self.active_dialog is not None:
            self.active_dialog.reject()
        super().done(result)

    # ---- helpers ---------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> None:
        """Open without blocking, so the manager (and tests) keep running while it is up."""
        self._clear_error()
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.activateWindow()
        self.tree.setFocus()
        dialog.deleteLater()

    def _select_label(self, label: str) -> None:
        for cat in self.session.categories():
            if cat.label == label:
                self.select_category(cat.key)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if self._filling or not key:
            return
        if column == PERSONAL_COLUMN:
            checked = item.checkState(PERSONAL_COLUMN) == Qt.CheckState.Checked
            # After the click is handled: the change rebuilds the tree, item included.
            QTimer.singleShot(0, lambda: self.set_personal_data(str(key), checked))
            return
        if column != 0:
            return
        cat = self.session.category(str(key))
        label = item.text(0).strip()
        if cat is None or label == cat.label:
            return
        self._push(EditCategory(cat.key, {"label": label}))

    def _push(self, command: Any, *, raise_errors: bool = False) -> None:
        self._clear_error()
        try:
            self.session.push(command)
        except BadInputError as exc:
            if raise_errors:
                raise
            self._show_error(exc)
            self.refresh()

    def _show_error(self, error: Exception) -> None:
        self.error.setText(str(error))
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
