"""The attribute table's old home, kept so existing imports work: the code is in ``table/``."""

from assetmap.qt.panels.table.columns import Column as Column
from assetmap.qt.panels.table.delegates import AssetDelegate as AssetDelegate
from assetmap.qt.panels.table.icons import category_icon as category_icon
from assetmap.qt.panels.table.icons import symbol_icon as symbol_icon
from assetmap.qt.panels.table.model import KIND_ROLE as KIND_ROLE
from assetmap.qt.panels.table.model import UUID_ROLE as UUID_ROLE
from assetmap.qt.panels.table.model import AssetTableModel as AssetTableModel
from assetmap.qt.panels.table.model import ModelIndex as ModelIndex
from assetmap.qt.panels.table.model import RowFilter as RowFilter
from assetmap.qt.panels.table.proxy import AssetTableProxy as AssetTableProxy
from assetmap.qt.panels.table.sorting import sort_permutation as sort_permutation
from assetmap.qt.panels.table.view import AssetTableView as AssetTableView
from assetmap.qt.panels.table.widget import AttributeTable as AttributeTable
