"""The category manager and the dialogs it opens; the pickers are shared with the layers panel.

- ``manager``: the manager dialog (``CategoryManager``), every change a command
- ``rows``: the tree's columns and one row per category
- ``editor``: add a category or change its fields (``CategoryDialog``)
- ``merge``, ``synonyms``: merge one category into another; its other names in imports
- ``pickers``: colours (Okabe-Ito first, named in words) and map symbols
- ``listing``: categories counted and ordered by group
- ``error_label``: where each dialog shows a refusal
"""

from assetmap.qt.dialogs.category_manager.editor import FIELDS, CategoryDialog
from assetmap.qt.dialogs.category_manager.listing import (
    categories_by_group,
    category_counts,
    need_counts,
)
from assetmap.qt.dialogs.category_manager.manager import CategoryManager
from assetmap.qt.dialogs.category_manager.merge import MergeDialog
from assetmap.qt.dialogs.category_manager.pickers import (
    OKABE_ITO,
    SAFE_COLOURS,
    ColourPicker,
    SymbolCombo,
    colour_name,
    swatch_icon,
    symbol_icon,
    symbol_name,
)
from assetmap.qt.dialogs.category_manager.rows import (
    COLUMNS,
    KEY_ROLE,
    NAMES_COLUMN,
    PERSONAL_COLUMN,
    PERSONAL_TIP,
)
from assetmap.qt.dialogs.category_manager.synonyms import SynonymsDialog

__all__ = [
    "COLUMNS",
    "FIELDS",
    "KEY_ROLE",
    "NAMES_COLUMN",
    "OKABE_ITO",
    "PERSONAL_COLUMN",
    "PERSONAL_TIP",
    "SAFE_COLOURS",
    "CategoryDialog",
    "CategoryManager",
    "ColourPicker",
    "MergeDialog",
    "SymbolCombo",
    "SynonymsDialog",
    "categories_by_group",
    "category_counts",
    "need_counts",
    "colour_name",
    "swatch_icon",
    "symbol_icon",
    "symbol_name",
]
