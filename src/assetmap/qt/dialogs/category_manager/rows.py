"""The manager's tree rows: one category per row, with its columns and what screen readers hear."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QTreeWidgetItem,
)

from assetmap.core.taxonomy import Category
from assetmap.qt.dialogs.category_manager.pickers import (
    colour_name,
    swatch_icon,
    symbol_icon,
    symbol_name,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Category", "Assets", "Colour", "Symbol", "Personal data", "Also matches in imports")
PERSONAL_COLUMN = COLUMNS.index("Personal data")
NAMES_COLUMN = COLUMNS.index("Also matches in imports")
PERSONAL_TIP = (
    "Personal data: the category holds assets about people (a person's skills). Its assets are "
    "flagged and left out of exports unless an export includes personal data."
)


def category_item(cat: Category, count: int) -> QTreeWidgetItem:
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
