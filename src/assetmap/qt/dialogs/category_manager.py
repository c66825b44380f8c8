"""The category manager: add, rename, recolour, re-symbol, regroup and merge categories, mark
which hold personal data, and list the other names imports match to each.

Every change is a command on the session's undo stack, so a mistaken merge is
one Undo away. The colour and symbol pickers here are shared with the layers
panel: both offer the colour-blind-safe Okabe-Ito colours before anything else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories, summary
from assetmap.core.commands import AddCategory, EditCategory, MergeCategories
from assetmap.core.errors import BadInputError
from assetmap.core.taxonomy import GROUP_COLOURS, SYMBOLS, UNCATEGORISED, Category, group_names
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.items import child_items, top_items
from assetmap.qt.session import Session

# Okabe & Ito (2008): the eight colours that stay apart for the common colour-vision deficiencies.
OKABE_ITO: dict[str, str] = {
    "#0072B2": "Blue",
    "#56B4E9": "Sky blue",
    "#009E73": "Bluish green",
    "#E69F00": "Orange",
    "#D55E00": "Vermillion",
    "#CC79A7": "Reddish purple",
    "#F0E442": "Yellow",
    "#000000": "Black",
}
_OTHER_NAMES = {"#7F7F7F": "Grey"}


def _safe_colours() -> list[tuple[str, str]]:
    """The group colours first (what a new category in a group gets), then the rest of the 8."""
    names = {**OKABE_ITO, **_OTHER_NAMES}
    ordered = list(dict.fromkeys([*GROUP_COLOURS.values(), *OKABE_ITO]))
    return [(hex_, names.get(hex_, hex_)) for hex_ in ordered]


SAFE_COLOURS: list[tuple[str, str]] = _safe_colours()


def colour_name(colour: str, extra: dict[str, str] | None = None, *, with_hex: bool = True) -> str:
    """Words for a colour, so nobody has to tell swatches apart by hue alone."""
    hex_ = colour.upper()
    named = {**OKABE_ITO, **_OTHER_NAMES, **(extra or {})}
    if hex_ not in named:
        return hex_
    return f"{named[hex_]} {hex_}" if with_hex else named[hex_]


def symbol_name(symbol: str) -> str:
    return "Triangle (pointing down)" if symbol == "triangle_down" else symbol.capitalize()


def symbol_icon(symbol: str, colour: str, size: int = 16) -> QIcon:
    """The map's own symbol drawing, so icons in lists match the map exactly."""
    ratio = 2.0
    side = size + 4
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_symbol(painter, QPointF(side / 2, side / 2), symbol, colour, size)
    painter.end()
    return QIcon(pixmap)


def swatch_icon(fill: str, outline: str = "#57606A", size: int = 16, inset: int = 1) -> QIcon:
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(outline))
    painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
    painter.drawRect(inset, inset, size - 2 * inset, size - 2 * inset)
    painter.end()
    return QIcon(pixmap)


# ---- pickers ------------------------------------------------------------------------------
class ColourPicker(QWidget):
    """Safe preset swatches first, the full colour dialog second."""

    colourChanged = Signal(str)

    def __init__(
        self,
        colour: str,
        presets: Sequence[tuple[str, str]] = SAFE_COLOURS,
        parent: QWidget | None = None,
        *,
        name: str = "Colour",
    ) -> None:
        super().__init__(parent)
        self._colour = colour.upper()
        self._names = {hex_.upper(): label for hex_, label in presets}
        self._buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(4)
        for i, (hex_, label) in enumerate(presets):
            button = self._swatch_button(hex_, label)
            grid.addWidget(button, i // 9, i % 9)
        self.other = QPushButton("Other colour…")
        self.other.setAccessibleName(f"{name}: other colour")
        self.other.clicked.connect(self._open_colour_dialog)
        self.label = QLabel()
        self.label.setAccessibleName(f"{name} chosen")
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(row)
        self.setAccessibleName(name)
        self.colour_dialog: QColorDialog | None = None
        self._show_current()

    def _swatch_button(self, hex_: str, label: str) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setIcon(swatch_icon(hex_, "#57606A", 18))
        button.setIconSize(QSize(18, 18))
        button.setFixedSize(28, 28)
        button.setToolTip(f"{label} ({hex_})")
        button.setAccessibleName(f"{label} ({hex_})")
        button.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 4px; }"
            "QToolButton:checked { border: 2px solid #1F2328; background: #D0D7DE; }"
            "QToolButton:focus { border: 2px dashed #0969DA; }"
        )
        button.clicked.connect(lambda _checked=False, c=hex_: self.set_colour(c))
        self._group.addButton(button)
        self._buttons[hex_.upper()] = button
        return button

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        colour = QColor(colour).name().upper()
        changed = colour != self._colour
        self._colour = colour
        self._show_current()
        if changed:
            self.colourChanged.emit(colour)

    def _show_current(self) -> None:
        button = self._buttons.get(self._colour)
        if button is not None:
            button.setChecked(True)
        else:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
        self.label.setText(colour_name(self._colour, self._names))

    def _open_colour_dialog(self) -> None:
        dialog = QColorDialog(QColor(self._colour), self)
        dialog.setWindowTitle("Choose a colour")
        dialog.colorSelected.connect(lambda c: self.set_colour(c.name()))
        self.colour_dialog = dialog
        dialog.open()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt override
        super().setEnabled(enabled)
        self.label.setText(colour_name(self._colour, self._names) if enabled else "")


class SymbolCombo(QComboBox):
    """The symbols as icons drawn in the category's colour, with their names for screen readers."""

    def __init__(self, symbol: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Symbol")
        self.setIconSize(QSize(20, 20))
        for name in SYMBOLS:
            self.addItem(symbol_name(name), name)
        self.set_colour(colour)
        self.set_symbol(symbol)

    def symbol(self) -> str:
        return str(self.currentData())

    def set_symbol(self, symbol: str) -> None:
        index = self.findData(symbol)
        self.setCurrentIndex(max(index, 0))

    def set_colour(self, colour: str) -> None:
        for row, name in enumerate(SYMBOLS):
            self.setItemIcon(row, symbol_icon(name, colour, 16))


# ---- dialogs --------------------------------------------------------------------------------
FIELDS = ("label", "group", "colour", "symbol")
Submit = Callable[[dict[str, Any]], None]


class CategoryDialog(QDialog):
    """Add a category, or change some of its fields; the edit happens on OK, in ``submit``.

    Pushing inside OK lets a refused value (BadInputError) be shown in the dialog,
    with the user's input still there to fix.
    """

    def __init__(
        self,
        session: Session,
        submit: Submit,
        category: Category | None = None,
        fields: Sequence[str] = FIELDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.submit = submit
        self.category = category
        self.fields = tuple(fields)
        self._colour_chosen = category is not None
        start = category or categories.new_category(session.project, "New category", "Other")
        self.setWindowTitle(_dialog_title(category, self.fields))
        self.label_edit = QLineEdit(start.label if category else "")
        self.label_edit.setAccessibleName("Name")
        self.label_edit.setPlaceholderText("For example: Youth clubs")
        self.group_combo = _group_combo(session, start.group)
        self.colour_picker = ColourPicker(start.colour)
        self.symbol_combo = SymbolCombo(start.symbol, start.colour)
        self.preview = QLabel()
        self.preview.setAccessibleName("Preview")
        self.preview_text = QLabel()
        self.error = _error_label()
        self._build_layout()
        self._connect()
        self._update_preview()

    def _build_layout(self) -> None:
        form = QFormLayout()
        rows = {
            "label": ("&Name:", self.label_edit),
            "group": ("&Group:", self.group_combo),
            "colour": ("Colour:", self.colour_picker),
            "symbol": ("&Symbol:", self.symbol_combo),
        }
        for name in FIELDS:
            widget = rows[name][1]
            if name in self.fields:
                form.addRow(rows[name][0], widget)
            else:
                widget.hide()
        preview = QHBoxLayout()
        preview.addWidget(self.preview)
        preview.addWidget(self.preview_text, 1)
        form.addRow("On the map:", preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Add" if self.category is None else "OK"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.label_edit.textChanged.connect(self._update_preview)
        self.group_combo.currentTextChanged.connect(self._on_group_changed)
        self.colour_picker.colourChanged.connect(self._on_colour_changed)
        self.symbol_combo.currentIndexChanged.connect(self._update_preview)
        first = {
            "label": self.label_edit,
            "group": self.group_combo,
            "colour": self.colour_picker,
            "symbol": self.symbol_combo,
        }
        first[self.fields[0]].setFocus()

    def _on_group_changed(self, group: str) -> None:
        """A new category takes its group's colour and next free shape until the user picks."""
        if self.category is None and not self._colour_chosen and group in GROUP_COLOURS:
            fresh = categories.new_category(self.session.project, "x", group)
            self.colour_picker.blockSignals(True)
            self.colour_picker.set_colour(fresh.colour)
            self.colour_picker.blockSignals(False)
            self.symbol_combo.set_colour(fresh.colour)
            self.symbol_combo.set_symbol(fresh.symbol)
        self._update_preview()

    def _on_colour_changed(self, colour: str) -> None:
        self._colour_chosen = True
        self.symbol_combo.set_colour(colour)
        self._update_preview()

    def _update_preview(self) -> None:
        icon = symbol_icon(self.symbol_combo.symbol(), self.colour_picker.colour(), 14)
        text = self.label_edit.text().strip() or "New category"
        pixmap = icon.pixmap(QSize(18, 18))
        self.preview.setPixmap(pixmap)
        self.preview_text.setText(text)

    def values(self) -> dict[str, Any]:
        """The shown fields' values."""
        everything = {
            "label": self.label_edit.text().strip(),
            "group": self.group_combo.currentText().strip() or "Other",
            "colour": self.colour_picker.colour(),
            "symbol": self.symbol_combo.symbol(),
        }
        return {k: v for k, v in everything.items() if k in self.fields}

    def changes(self) -> dict[str, Any]:
        """Only what differs from the category being edited (everything when adding)."""
        if self.category is None:
            return self.values()
        return {k: v for k, v in self.values().items() if getattr(self.category, k) != v}

    def accept(self) -> None:
        try:
            self.submit(self.changes())
        except BadInputError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class MergeDialog(QDialog):
    """Choose where a category's assets go; the sentence says exactly what will happen."""

    def __init__(self, session: Session, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source = session.category(source) or categories.get(session.project, source)
        self.counts = category_counts(session)
        self.setWindowTitle(f"Merge “{self.source.label}”")
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName("Merge into")
        self.target_combo.setIconSize(QSize(18, 18))
        for cat in _ordered(session.categories()):
            if cat.key != source:
                icon = symbol_icon(cat.symbol, cat.colour, 14)
                self.target_combo.addItem(icon, f"{cat.label} — {cat.group}", cat.key)
        same_group = [
            c.key for c in session.categories() if c.group == self.source.group and c.key != source
        ]
        if same_group:
            self.target_combo.setCurrentIndex(self.target_combo.findData(same_group[0]))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("What will happen")
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout()
        label = QLabel("Merge &into:")
        label.setBuddy(self.target_combo)
        form.addRow(label, self.target_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.target_combo.currentIndexChanged.connect(self._update_message)
        self._update_message()
        self.setMinimumWidth(420)
        self.target_combo.setFocus()

    def target(self) -> str:
        return str(self.target_combo.currentData())

    def _update_message(self) -> None:
        target = self.session.category(self.target())
        n = self.counts.get(self.source.key, 0)
        assets = "1 asset" if n == 1 else f"{n} assets"
        self.message.setText(
            f"Move {assets} from {self.source.label} to {target.label if target else '?'} "
            f"and remove {self.source.label}?\nYou can undo this."
        )

    def accept(self) -> None:
        try:
            self.session.push(MergeCategories(self.source.key, self.target()))
        except BadInputError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class SynonymsDialog(QDialog):
    """The other names a category goes by in imported files, one per line."""

    def __init__(self, session: Session, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.category = session.category(key) or categories.get(session.project, key)
        self.setWindowTitle(f"Other names for “{self.category.label}”")
        intro = QLabel(
            f"When a file being imported names an asset's category with one of these, it goes "
            f"to {self.category.label}. Capitals, punctuation and plurals do not matter: "
            "“GP surgery” also matches “GP Surgeries”. One name per line."
        )
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit("\n".join(self.category.synonyms))
        self.edit.setAccessibleName("Other names, one per line")
        self.edit.setTabChangesFocus(True)
        self.error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 380)
        self.edit.setFocus()

    def names(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        names = self.names()
        if tuple(names) != self.category.synonyms:
            try:
                self.session.push(EditCategory(self.category.key, {"synonyms": names}))
            except BadInputError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()


# ---- the manager ---------------------------------------------------------------------------
KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Category", "Assets", "Colour", "Symbol", "Personal data", "Also matches in imports")
PERSONAL_COLUMN = COLUMNS.index("Personal data")
NAMES_COLUMN = COLUMNS.index("Also matches in imports")
PERSONAL_TIP = (
    "Personal data: the category holds assets about people (a person's skills). Its assets are "
    "flagged and left out of exports unless an export includes personal data."
)


class CategoryManager(QDialog):
    """The project's categories by group, with the actions that change them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.active_dialog: QDialog | None = None
        self._filling = False
        self.setWindowTitle("Categories")
        self.setAccessibleName("Category manager")
        self.tree = self._make_tree()
        self.error = _error_label()
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
        tree.setAccessibleName("Categories")
        tree.setColumnCount(len(COLUMNS))
        tree.setHeaderLabels(list(COLUMNS))
        tree.headerItem().setToolTip(PERSONAL_COLUMN, PERSONAL_TIP)
        tree.headerItem().setToolTip(
            NAMES_COLUMN, "Imports put values with these names in the category (Other names…)"
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
            ("add", "&Add…", "Add a new category", self.add_category),
            ("rename", "&Rename", "Rename the selected category (F2)", self.rename_current),
            ("colour", "&Colour…", "Change the colour", lambda: self.edit_current(("colour",))),
            ("symbol", "&Symbol…", "Change the symbol", lambda: self.edit_current(("symbol",))),
            ("group", "&Group…", "Move to another group", lambda: self.edit_current(("group",))),
            (
                "names",
                "Other &names…",
                "Names a file may use for this category, matched when importing",
                self.edit_names,
            ),
            (
                "merge",
                "&Merge into…",
                "Move its assets to another category and remove it",
                self.merge_current,
            ),
            ("undo", "&Undo", "Undo the last change (Ctrl+Z)", self.undo),
            ("redo", "R&edo", "Redo (Ctrl+Shift+Z)", self.redo),
            ("close", "Close", "Close the category manager", self.accept),
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
        for key in ("add", "rename", "colour", "symbol", "group", "names", "merge"):
            side.addWidget(self.buttons[key])
        side.addSpacing(16)
        side.addWidget(self.buttons["undo"])
        side.addWidget(self.buttons["redo"])
        side.addStretch(1)
        side.addWidget(self.buttons["close"])
        hint = QLabel(
            "Colour shows the group and the symbol tells categories apart, so the map stays "
            "readable for colour-blind people. A category ticked as personal data (a person's "
            "skills, say) keeps all its assets out of exports unless an export includes personal "
            "data. Every change here can be undone."
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
            item.addChild(_category_item(cat, counts.get(cat.key, 0)))
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
        for name in ("rename", "colour", "symbol", "group", "names", "merge"):
            self.buttons[name].setEnabled(key is not None)
        if key == UNCATEGORISED:
            self.buttons["merge"].setEnabled(False)
        stack = self.session.stack
        self.buttons["undo"].setEnabled(stack.can_undo)
        self.buttons["redo"].setEnabled(stack.can_redo)
        self.buttons["undo"].setToolTip(f"Undo {stack.undo_text}" if stack.undo_text else "Undo")
        self.buttons["redo"].setToolTip(f"Redo {stack.redo_text}" if stack.redo_text else "Redo")

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
        assets = "1 asset" if flagged == 1 else f"{flagged} assets"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Personal data",
            f"“{cat.label}” will no longer mark new assets as personal data.\n\n"
            f"Its {assets} are flagged as personal data now, so they are left out of exports. "
            "Clear their flags too, or keep them flagged?",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        clear = box.addButton("&Clear their flags", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("&Keep them flagged", QMessageBox.ButtonRole.AcceptRole)
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


# ---- small helpers -----------------------------------------------------------------------------
def category_counts(session: Session) -> dict[str, int]:
    """Live assets per category, placed or not: what 'how many libraries' means to users."""
    return {row["key"]: row["assets"] for row in summary.by_category(session.project)}


def _ordered(cats: list[Category]) -> list[Category]:
    return [c for _group, members in categories_by_group(cats) for c in members]


def categories_by_group(cats: list[Category]) -> list[tuple[str, list[Category]]]:
    """Groups in the taxonomy's order, then any the project added, alphabetically."""
    known = group_names()
    present = list(dict.fromkeys(c.group for c in cats))
    order = [g for g in known if g in present] + sorted(g for g in present if g not in known)
    return [(g, [c for c in cats if c.group == g]) for g in order]


def _category_item(cat: Category, count: int) -> QTreeWidgetItem:
    colour = colour_name(cat.colour, with_hex=False)
    names = ", ".join(cat.synonyms)
    item = QTreeWidgetItem([cat.label, str(count), colour, symbol_name(cat.symbol), "", names])
    item.setCheckState(
        PERSONAL_COLUMN, Qt.CheckState.Checked if cat.personal_data else Qt.CheckState.Unchecked
    )
    item.setToolTip(PERSONAL_COLUMN, PERSONAL_TIP)
    item.setData(
        PERSONAL_COLUMN,
        Qt.ItemDataRole.AccessibleTextRole,
        "Holds personal data" if cat.personal_data else "Not personal data",
    )
    item.setToolTip(
        NAMES_COLUMN,
        ("Also matched in imports: " + names)
        if names
        else "No other names. Other names… adds some.",
    )
    item.setToolTip(2, cat.colour.upper())
    item.setData(0, KEY_ROLE, cat.key)
    item.setIcon(0, symbol_icon(cat.symbol, cat.colour, 14))
    item.setIcon(2, swatch_icon(cat.colour, "#57606A", 18, inset=3))
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemIsEditable
        | Qt.ItemFlag.ItemIsUserCheckable
    )
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(0, f"{cat.label}: {count} assets. F2 renames it.")
    item.setData(
        0,
        Qt.ItemDataRole.AccessibleTextRole,
        f"{cat.label}, {count} assets, {colour_name(cat.colour)} {symbol_name(cat.symbol)}"
        + (", holds personal data" if cat.personal_data else ""),
    )
    return item


def _group_combo(session: Session, current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName("Group")
    groups = list(dict.fromkeys([*group_names(), *(c.group for c in session.categories())]))
    combo.addItems(groups)
    combo.setCurrentText(current)
    return combo


def _dialog_title(category: Category | None, fields: tuple[str, ...]) -> str:
    if category is None:
        return "Add a category"
    what: dict[tuple[str, ...], str] = {
        ("colour",): "Colour of",
        ("symbol",): "Symbol of",
        ("group",): "Group of",
    }
    return f"{what.get(fields, 'Edit')} “{category.label}”"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #CF222E; font-weight: bold;")
    label.setAccessibleName("Problem")
    label.hide()
    return label
