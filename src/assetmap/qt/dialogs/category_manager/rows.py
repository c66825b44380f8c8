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
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

KEY_ROLE = Qt.ItemDataRole.UserRole
# Marked here, translated where shown (the manager's header).
COLUMNS = (
    QT_TRANSLATE_NOOP("CategoryManager", "Category"),
    QT_TRANSLATE_NOOP("CategoryManager", "Assets"),
    QT_TRANSLATE_NOOP("CategoryManager", "Colour"),
    QT_TRANSLATE_NOOP("CategoryManager", "Symbol"),
    QT_TRANSLATE_NOOP("CategoryManager", "Personal data"),
    QT_TRANSLATE_NOOP("CategoryManager", "Also matches in imports"),
)
PERSONAL_COLUMN = 4
NAMES_COLUMN = 5
PERSONAL_TIP = QT_TRANSLATE_NOOP(
    "CategoryManager",
    "Personal data: the category holds assets about people (a person's skills). Its assets are "
    "flagged and left out of exports unless an export includes personal data.",
)


def category_item(cat: Category, count: int) -> QTreeWidgetItem:
    colour = colour_name(cat.colour, with_hex=False)
    names = ", ".join(cat.synonyms)
    item = QTreeWidgetItem([cat.label, str(count), colour, symbol_name(cat.symbol), "", names])
    item.setCheckState(
        PERSONAL_COLUMN, Qt.CheckState.Checked if cat.personal_data else Qt.CheckState.Unchecked
    )
    item.setToolTip(PERSONAL_COLUMN, translate("CategoryManager", PERSONAL_TIP))
    item.setData(
        PERSONAL_COLUMN,
        Qt.ItemDataRole.AccessibleTextRole,
        translate("CategoryManager", "Holds personal data")
        if cat.personal_data
        else translate("CategoryManager", "Not personal data"),
    )
    item.setToolTip(
        NAMES_COLUMN,
        translate("CategoryManager", "Also matched in imports: {names}").format(names=names)
        if names
        else translate("CategoryManager", "No other names. Other names… adds some."),
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
    item.setToolTip(
        0,
        translate("CategoryManager", "{category}: {n} assets. F2 renames it.").format(
            category=cat.label, n=count
        ),
    )
    spoken = translate("CategoryManager", "{category}, {n} assets, {colour} {symbol}").format(
        category=cat.label, n=count, colour=colour_name(cat.colour), symbol=symbol_name(cat.symbol)
    )
    if cat.personal_data:
        spoken = translate("CategoryManager", "{text}, holds personal data").format(text=spoken)
    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
    return item
