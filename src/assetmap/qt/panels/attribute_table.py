"""The attribute table: every live asset of the project as a sortable, filterable, editable grid.

How data reaches the view (national projects have 200,000 assets):

- On open the model reads only the ids (``fid``) of live assets, in one query. Cell text
  comes from a **row-block cache**: the first time a row is drawn, the 128 rows around it
  are read in one ``WHERE fid IN (...)`` query. Nothing is copied per cell access, so the
  table opens in the time it takes to list the ids, and this is *not* ``canFetchMore``
  paging: the scroll bar shows every row from the start.
- Sorting and filtering need whole columns, so a **column cache** reads one column for all
  rows in one query (``SELECT fid, <column>``) the first time a sort or filter needs it,
  and keeps it in a numpy array. Sorting is one Python/numpy sort of that array; filtering
  is one pandas pass giving a mask. The model then shows that order and subset and
  announces it as one layout change. Nothing runs per row or per comparison in Python:
  a Python ``filterAcceptsRow`` or ``lessThan`` called from Qt costs ~2 µs a call, half a
  second per re-filter at 200,000 rows, so ``AssetTableProxy`` leaves those to C++.
- Edits made anywhere (this table, the map, the card, undo) arrive as
  ``session.assetsChanged`` with the uuids involved: those rows are re-read and updated in
  place (``dataChanged``, inserted, removed); only bulk changes (imports) reset the model.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.commands.assets import EditAsset
from assetmap.core.errors import BadInputError
from assetmap.core.model import REVIEW_STATES, STATUSES
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import Category
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.session import Session

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # which editor a cell needs ("category", "text"...)
UUID_ROLE = Qt.ItemDataRole.UserRole + 2

_BLOCK = 128  # rows read together when the view first draws one of them
_CACHE_LIMIT = 20_000  # cached rows kept before the row cache starts afresh
_SMALL = 500  # up to this many ids are looked up with SQL rather than a whole column
_BULK = 1_000  # more changed uuids than this reload the model instead of patching rows
_WARN = QColor("#9A4A00")  # dark orange: readable on white and on the alternate row colour
_ICON_SIZE = 12
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable  # combined once: enum "|" is slow


# ---- columns -------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """One column of the table: where its values come from and how they are shown."""

    key: str  # store column name, or "custom:<field name>"
    title: str
    width: int
    kind: str = "text"  # text | category | status | review | number | date | bool | placed
    editable: bool = False
    sql: str = ""  # expression read for the column cache (defaults to the key)
    tip: str = ""

    @property
    def custom_name(self) -> str | None:
        return self.key[len("custom:") :] if self.key.startswith("custom:") else None

    @property
    def expression(self) -> str:
        return self.sql or self.key


_STANDARD = (
    Column("name", "Name", 240, editable=True),
    Column("category", "Category", 200, "category", editable=True),
    Column("status", "Status", 78, "status", editable=True),
    Column("postcode", "Postcode", 84, editable=True),
    Column("address", "Address", 220, editable=True),
    Column("phone", "Phone", 116, editable=True),
    Column("website", "Website", 180, editable=True),
    Column("opening_hours", "Opening hours", 150, editable=True),
    Column("verified_date", "Verified on", 96, "date", editable=True),
    Column("source", "Source", 200, editable=True),
    Column(
        "placed",
        "Placed",
        84,
        "placed",
        sql="geom IS NOT NULL",
        tip="Whether the asset has a location on the map",
    ),
    Column("out_of_area", "Out of area", 86, "bool", tip="Placed outside every imported area"),
    Column(
        "personal_data",
        "Personal data",
        104,
        "bool",
        tip="About a person: left out of exports unless you opt in",
    ),
    Column("contact", "Contact", 150, editable=True),
    Column("description", "Description", 260, editable=True),
    Column(
        "review",
        "Review",
        84,
        "review",
        editable=True,
        tip="Workshop pins stay pending until approved",
    ),
)

# What the row cache reads for each asset; custom JSON comes last, parsed.
_ROW_FIELDS = ("uuid", *(c.key for c in _STANDARD))
_ROW_SQL = ", ".join(c.expression for c in _STANDARD)
_FIELD_AT = {name: i for i, name in enumerate(_ROW_FIELDS)}
_SEARCH_SQL = " || char(10) || ".join(
    f"coalesce({name}, '')" for name in ("name", "address", "postcode", "description")
)
_NUMERIC_TYPES = ("integer", "number", "real", "float", "int")


def _custom_columns(conn: Any) -> list[Column]:
    rows = conn.execute("SELECT name, label, type, source FROM am_field_defs ORDER BY rowid")
    columns = []
    for name, label, ftype, source in rows.fetchall():
        path = '$."' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        sql = "json_extract(custom, '" + path.replace("'", "''") + "')"
        kind = "number" if (ftype or "").lower() in _NUMERIC_TYPES else "text"
        tip = f"Extra field '{name}'" + (f" from {source}" if source else "")
        columns.append(Column(f"custom:{name}", label or name, 120, kind, True, sql, tip))
    return columns


def _status_text(value: str) -> str:
    return value.capitalize()


@lru_cache(maxsize=256)
def symbol_icon(symbol: str, colour: str, size: int = _ICON_SIZE) -> QIcon:
    """The category's map symbol as a small icon, so the table and the map match."""
    app = QGuiApplication.instance()
    dpr = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pixmap = QPixmap(round((size + 2) * dpr), round((size + 2) * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_symbol(painter, QPointF((size + 2) / 2, (size + 2) / 2), symbol, colour, size)
    painter.end()
    return QIcon(pixmap)


def category_icon(category: Category | None) -> QIcon:
    if category is None:
        return symbol_icon("circle", "#7F7F7F")
    return symbol_icon(category.symbol, category.colour)


# ---- the model -----------------------------------------------------------------------
RowFilter = Callable[[np.ndarray | None], np.ndarray]  # canonical positions -> shown mask


class AssetTableModel(QAbstractTableModel):
    """Live assets of the session's project, read lazily from the store.

    Rows are the assets that pass the row filter (``set_row_filter``, set by
    ``AssetTableProxy``) in the current sort order; ``total_count()`` counts them all.
    Keeping order and subset here, in numpy, is what keeps 200,000 rows quick: see the
    module docstring.
    """

    editRejected = Signal(str, str)  # column title, message

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._columns: list[Column] = []
        self._categories: dict[str, Category] = {}
        self._fids = np.array([], dtype=np.int64)  # live ids ascending: "canonical" order
        self._cache: dict[str, np.ndarray] = {}  # column cache, canonical order
        self._rows: dict[int, tuple] = {}  # row cache: fid -> values of _ROW_FIELDS, custom
        self._uuid_fid: dict[str, int] = {}
        self._uuid_index: dict[str, int] | None = None
        self._sort: tuple[str, Qt.SortOrder] | None = None
        self._order: np.ndarray | None = None  # canonical positions sorted; None = by fid
        self._row_filter: RowFilter | None = None
        self._shown: np.ndarray | None = None  # canonical position passes the filter
        self._perm = np.array([], dtype=np.int64)  # display row -> canonical position
        self._inverse: np.ndarray | None = None  # canonical position -> display row or -1
        self.row_fids: list[int] = []  # display row -> fid (a list: fastest scalar lookup)
        self._load()
        session.assetsChanged.connect(self._on_assets_changed)
        session.categoriesChanged.connect(self._on_categories_changed)

    # ---- loading ---------------------------------------------------------------------
    @property
    def _conn(self) -> Any:
        return self.session.project.conn

    def _load(self) -> None:
        self._columns = [*_STANDARD, *_custom_columns(self._conn)]
        self._categories = {c.key: c for c in self.session.categories()}
        rows = self._conn.execute(
            f"SELECT fid FROM {ASSETS_TABLE} WHERE deleted = 0 ORDER BY fid"
        ).fetchall()
        self._fids = np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=len(rows))
        self._rows.clear()
        self._cache.clear()
        self._uuid_fid.clear()
        self._uuid_index = None
        if self._sort is not None and self.column_of(self._sort[0]) < 0:
            self._sort = None
        self._order = self._sorted_order()
        self._shown = self._row_filter(None) if self._row_filter else None
        self._rebuild()

    def reload(self) -> None:
        """Re-read everything: after imports and other bulk changes."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _rebuild(self) -> None:
        order = self._order if self._order is not None else np.arange(len(self._fids))
        self._perm = order if self._shown is None else order[self._shown[order]]
        self._inverse = None
        self.row_fids = self._fids[self._perm].tolist()

    def _inverse_perm(self) -> np.ndarray:
        if self._inverse is None:
            inverse = np.full(len(self._fids), -1, dtype=np.int64)
            inverse[self._perm] = np.arange(len(self._perm), dtype=np.int64)
            self._inverse = inverse
        return self._inverse

    def _read_rows(self, fids: Sequence[int]) -> dict[int, tuple]:
        found: dict[int, tuple] = {}
        for start in range(0, len(fids), _SMALL):
            chunk = list(fids[start : start + _SMALL])
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT fid, uuid, {_ROW_SQL}, custom FROM {ASSETS_TABLE} WHERE fid IN ({marks})"
            for fid, *values, custom in self._conn.execute(sql, chunk):
                found[fid] = (*values, _parse_custom(custom))
                self._uuid_fid[values[0]] = fid
        return found

    def _row(self, row: int) -> tuple:
        fid = self.row_fids[row]
        values = self._rows.get(fid)
        if values is None:
            if len(self._rows) > _CACHE_LIMIT:
                self._rows.clear()
                self._uuid_fid.clear()
            start = row - row % _BLOCK
            block = [f for f in self.row_fids[start : start + _BLOCK] if f not in self._rows]
            self._rows.update(self._read_rows(block))
            values = self._rows.get(fid)
        if values is None:  # the store changed under us without an event
            return (None,) * len(_ROW_FIELDS) + ({},)
        return values

    def column_values(self, key: str) -> np.ndarray:
        """All values of one column in canonical (fid) order; read once, then kept.

        ``key`` is a column key, or "uuid", or "search" (name, address, postcode and
        description joined, for the text filter)."""
        values = self._cache.get(key)
        if values is None:
            values = self._read_column(self._expression(key), self._fids)
            self._cache[key] = values
        return values

    def _expression(self, key: str) -> str:
        if key == "search":
            return _SEARCH_SQL
        if key == "uuid":
            return "uuid"
        return self._columns[self.column_of(key)].expression

    def _read_column(self, expression: str, fids: np.ndarray) -> np.ndarray:
        if len(fids) == len(self._fids) and len(fids) > _SMALL:
            rows = self._conn.execute(
                f"SELECT fid, {expression} FROM {ASSETS_TABLE} WHERE deleted = 0 ORDER BY fid"
            ).fetchall()
        else:
            rows = []
            for start in range(0, len(fids), _SMALL):
                chunk = fids[start : start + _SMALL].tolist()
                marks = ", ".join("?" * len(chunk))
                sql = f"SELECT fid, {expression} FROM {ASSETS_TABLE} WHERE fid IN ({marks})"
                rows += self._conn.execute(sql, chunk).fetchall()
        out = np.full(len(fids), None, dtype=object)
        got = np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=len(rows))
        if np.array_equal(got, fids):
            out[:] = list(map(itemgetter(1), rows))
        else:
            where = dict(rows)
            out[:] = [where.get(f) for f in fids.tolist()]
        return out

    # ---- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.row_fids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip or column.title
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return Qt.SortOrder.AscendingOrder
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self._columns[index.column()].editable:
            return _EDITABLE
        return _READ_ONLY

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == KIND_ROLE:
            return column.kind
        row = self._row(index.row())
        if role == UUID_ROLE:
            return row[0]
        value = self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(column, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(column, value)
        if role == Qt.ItemDataRole.DecorationRole and column.kind == "category":
            return category_icon(self._categories.get(value))
        if role == Qt.ItemDataRole.ForegroundRole:
            return _foreground(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _value(row: tuple, column: Column) -> Any:
        name = column.custom_name
        if name is None:
            return row[_FIELD_AT[column.key]]
        return row[-1].get(name)

    def _display(self, column: Column, value: Any) -> str:
        kind = column.kind
        if kind == "placed":
            return "Yes" if value else "Not placed"
        if kind == "bool":
            return "Yes" if value else "No"
        if value is None or value == "":
            return ""
        if kind == "category":
            category = self._categories.get(value)
            return category.label if category else str(value)
        if kind in ("status", "review"):
            return _status_text(str(value))
        if kind == "number":
            return _number_text(value)
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def _edit_text(self, column: Column, value: Any) -> str:
        if column.kind in ("category", "status", "review"):
            return "" if value is None else str(value)
        return self._display(column, value)

    def _tooltip(self, column: Column, value: Any) -> str | None:
        if column.kind == "placed" and not value:
            return "Not on the map yet: use 'Place on map' to give it a location"
        if column.kind == "category":
            category = self._categories.get(value)
            if category is None:
                return f"Unknown category '{value}'"
            return f"{category.label} ({category.group})"
        return self._display(column, value) or None

    # ---- lookups the proxy and the widget use ----------------------------------------
    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        for i, column in enumerate(self._columns):
            if column.key == key:
                return i
        return -1

    def total_count(self) -> int:
        """Every live asset, shown or filtered out."""
        return len(self._fids)

    def uuid_at(self, row: int) -> str:
        return str(self._row(row)[0])

    def row_values(self, row: int) -> dict[str, Any]:
        """One row as the store holds it, by column key."""
        return {c.key: self._value(self._row(row), c) for c in self._columns}

    def categories(self) -> list[Category]:
        return list(self._categories.values())

    def rows_for_uuids(self, uuids: Iterable[str]) -> np.ndarray:
        """Rows showing those assets, ascending; filtered-out or unknown ones are skipped."""
        wanted = list(uuids)
        if not wanted or not len(self._fids):
            return np.array([], dtype=np.int64)
        if len(wanted) <= _SMALL and "uuid" not in self._cache:
            positions = self._positions_of(self._fids_for_uuids(wanted))
        else:
            where = self._uuid_positions()
            positions = np.array([where.get(u, -1) for u in wanted], dtype=np.int64)
            positions = positions[positions >= 0]
        rows = self._inverse_perm()[positions]
        return np.sort(rows[rows >= 0])

    def _uuid_positions(self) -> dict[str, int]:
        """Canonical position of every uuid, kept until rows come or go."""
        if self._uuid_index is None:
            uuids = self.column_values("uuid").tolist()
            self._uuid_index = dict(zip(uuids, range(len(uuids)), strict=True))
        return self._uuid_index

    def uuids_for_rows(self, rows: np.ndarray) -> list[str]:
        if len(rows) <= _SMALL and "uuid" not in self._cache:
            return [self.uuid_at(int(r)) for r in rows]
        return self.column_values("uuid")[self._perm[rows]].tolist()

    def _fids_for_uuids(self, uuids: list[str]) -> np.ndarray:
        marks = ", ".join("?" * len(uuids))
        sql = f"SELECT fid FROM {ASSETS_TABLE} WHERE uuid IN ({marks}) AND deleted = 0"
        return np.array([r[0] for r in self._conn.execute(sql, uuids)], dtype=np.int64)

    def _positions_of(self, fids: np.ndarray) -> np.ndarray:
        """Canonical positions of those ids that are live assets of the table."""
        positions = np.searchsorted(self._fids, fids)
        inside = positions < len(self._fids)
        positions, fids = positions[inside], fids[inside]
        return positions[self._fids[positions] == fids]

    def _position(self, fid: int) -> tuple[int, bool]:
        position = int(np.searchsorted(self._fids, fid))
        return position, position < len(self._fids) and int(self._fids[position]) == fid

    # ---- order and subset ------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted once over the column cache: per-pair comparisons called from Qt would
        take many seconds at 200,000 rows. Column -1 puts rows back in the order added."""
        wanted = (self._columns[column].key, order) if 0 <= column < len(self._columns) else None
        if wanted == self._sort:
            return  # the view asks twice for one header click
        self._sort = wanted
        self._order = self._sorted_order()
        self._relayout()

    def set_row_filter(self, row_filter: RowFilter | None) -> None:
        """Show only rows whose canonical positions ``row_filter`` accepts (None: all)."""
        self._row_filter = row_filter
        self._shown = row_filter(None) if row_filter else None
        self._relayout()

    def _sorted_order(self) -> np.ndarray | None:
        if self._sort is None:
            return None
        spec = self._columns[self.column_of(self._sort[0])]
        values = self.column_values(spec.key)
        if spec.kind == "category":
            labels = {k: c.label for k, c in self._categories.items()}
            values = np.array([labels.get(v, v) for v in values.tolist()], dtype=object)
        return sort_permutation(values, spec.kind, self._sort[1] == Qt.SortOrder.DescendingOrder)

    def _relayout(self) -> None:
        """New order or subset, announced as a layout change: the C++ proxy and view re-map
        in milliseconds, and selections and the current cell follow their assets."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        fids = [self.row_fids[i.row()] for i in persistent]
        self._rebuild()
        inverse = self._inverse_perm()
        moved = []
        for index, fid in zip(persistent, fids, strict=True):
            position, live = self._position(fid)
            row = int(inverse[position]) if live else -1
            moved.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # ---- editing ---------------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self._columns[index.column()]
        if not column.editable:
            return False
        row = self._row(index.row())
        try:
            values = self._edit_values(column, row, value)
            if values is None:
                return True  # nothing changed: no empty step on the undo stack
            self.session.push(EditAsset(str(row[0]), values))
        except BadInputError as exc:
            self.editRejected.emit(column.title, exc.message)
            return False
        return True

    def _edit_values(self, column: Column, row: tuple, value: Any) -> dict[str, Any] | None:
        old = self._value(row, column)
        name = column.custom_name
        if name is None:
            new = value.strip() if isinstance(value, str) else value
            return None if (old or "") == (new or "") else {column.key: new}
        parsed = _parse_custom_value(column, value)
        if parsed == old:
            return None
        custom = dict(row[-1])
        if parsed is None:
            custom.pop(name, None)
        else:
            custom[name] = parsed
        return {"custom": custom}

    # ---- keeping up with the store ---------------------------------------------------
    def _on_assets_changed(self, uuids: tuple[str, ...] | None, kind: str) -> None:
        if uuids is None or kind == "reset" or len(uuids) > _BULK:
            self.reload()
            return
        fresh = self._read_changed(list(uuids))
        gone = {fid for fid, (_, deleted) in fresh.items() if deleted}
        found = {values[0] for values, _ in fresh.values()}
        for uuid in set(uuids) - found:  # purged: the undo of adding it
            fid = self._uuid_fid.get(uuid)
            if fid is None:
                self.reload()  # an asset we never read has gone: start afresh
                return
            gone.add(fid)
        for fid in sorted(gone):
            self._drop(fid)
        for fid, (values, deleted) in sorted(fresh.items()):
            if not deleted:
                self._rows[fid] = values
                self._refresh(fid)

    def _read_changed(self, uuids: list[str]) -> dict[int, tuple[tuple, bool]]:
        out: dict[int, tuple[tuple, bool]] = {}
        for start in range(0, len(uuids), _SMALL):
            chunk = uuids[start : start + _SMALL]
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT fid, deleted, uuid, {_ROW_SQL}, custom FROM {ASSETS_TABLE} "
                f"WHERE uuid IN ({marks})"
            )
            for fid, deleted, *values, custom in self._conn.execute(sql, chunk):
                out[fid] = ((*values, _parse_custom(custom)), bool(deleted))
                self._uuid_fid[values[0]] = fid
        return out

    def _accepts(self, position: int) -> bool:
        if self._row_filter is None:
            return True
        return bool(self._row_filter(np.array([position], dtype=np.int64))[0])

    def _refresh(self, fid: int) -> None:
        """An edited asset: redraw its row, or show or hide it if the filter now says so."""
        position, live = self._position(fid)
        if not live:
            self._add(fid, position)
            return
        for key, values in self._cache.items():
            values[position] = self._read_column(self._expression(key), np.array([fid]))[0]
        row = int(self._inverse_perm()[position])
        shown = self._accepts(position)
        if self._shown is not None:
            self._shown[position] = shown
        if row >= 0 and shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        elif row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rebuild()
            self.endRemoveRows()
        elif shown:
            self._show_new_row(position)

    def _add(self, fid: int, position: int) -> None:
        """A new or restored asset: in id order when unsorted, else last (like a
        spreadsheet, rows do not jump about under the user until they sort again)."""
        values = {
            k: self._read_column(self._expression(k), np.array([fid]))[0] for k in self._cache
        }
        self._fids = np.insert(self._fids, position, fid)
        self._uuid_index = None
        for key, column in self._cache.items():
            self._cache[key] = np.insert(column, position, None)
            self._cache[key][position] = values[key]
        if self._order is not None:
            self._order = np.append(
                np.where(self._order >= position, self._order + 1, self._order), position
            )
        if self._shown is not None:
            self._shown = np.insert(self._shown, position, False)
        self._perm = np.where(self._perm >= position, self._perm + 1, self._perm)
        self._inverse = None
        if self._accepts(position):
            if self._shown is not None:
                self._shown[position] = True
            self._show_new_row(position)

    def _show_new_row(self, position: int) -> None:
        order = self._order if self._order is not None else np.arange(len(self._fids))
        perm = order if self._shown is None else order[self._shown[order]]
        row = int(np.flatnonzero(perm == position)[0])
        self.beginInsertRows(QModelIndex(), row, row)
        self._rebuild()
        self.endInsertRows()

    def _drop(self, fid: int) -> None:
        self._rows.pop(fid, None)
        position, live = self._position(fid)
        if not live:
            return
        row = int(self._inverse_perm()[position])
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
        self._fids = np.delete(self._fids, position)
        self._uuid_index = None
        for key, column in self._cache.items():
            self._cache[key] = np.delete(column, position)
        if self._order is not None:
            kept = self._order[self._order != position]
            self._order = np.where(kept > position, kept - 1, kept)
        if self._shown is not None:
            self._shown = np.delete(self._shown, position)
        self._rebuild()
        if row >= 0:
            self.endRemoveRows()

    def _on_categories_changed(self) -> None:
        self._categories = {c.key: c for c in self.session.categories()}
        column = self.column_of("category")
        if self.row_fids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.row_fids) - 1, column))


def _foreground(column: Column, value: Any) -> QColor | None:
    if column.kind == "placed" and not value:
        return _WARN
    if column.key == "out_of_area" and value:
        return _WARN
    return None


def _parse_custom(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"value": value}


def _parse_custom_value(column: Column, value: Any) -> Any:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if column.kind != "number":
        return text
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise BadInputError(f"'{text}' is not a number", field=column.title) from None
    if not math.isfinite(number):
        raise BadInputError(f"'{text}' is not a number", field=column.title)
    return int(number) if number.is_integer() and "." not in text else number


def _number_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def sort_permutation(values: np.ndarray, kind: str, descending: bool) -> np.ndarray:
    """Positions that put ``values`` in order; empty values always go last.

    Text compares without case, numbers as numbers, dates as dates (day first, as written
    in the UK); equal keys stay in the order the assets were added.
    """
    n = len(values)
    if kind in ("number", "date", "bool", "placed"):
        keys = _numeric_keys(values, kind)
        blank = np.isnan(keys)
        filled = np.flatnonzero(~blank)
        ranked = filled[np.argsort(-keys[filled] if descending else keys[filled], kind="stable")]
        return np.concatenate([ranked, np.flatnonzero(blank)]).astype(np.int64)
    raw = values.tolist()
    try:
        text = list(map(str.casefold, raw))  # the usual case: no empty cells
    except TypeError:
        text = list(map(_sort_text, raw))
    filled = np.fromiter(map(len, text), dtype=np.int64, count=n) > 0
    ranked = sorted(np.flatnonzero(filled).tolist(), key=text.__getitem__, reverse=descending)
    return np.concatenate([np.array(ranked, dtype=np.int64), np.flatnonzero(~filled)])


def _sort_text(value: Any) -> str:
    if isinstance(value, str):
        return value.casefold()
    return "" if value is None else str(value).casefold()


def _numeric_keys(values: np.ndarray, kind: str) -> np.ndarray:
    series = pd.Series(values, dtype=object)
    if kind == "bool" or kind == "placed":
        return series.fillna(0).astype(float).to_numpy()
    if kind == "number":
        return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    dates = pd.to_datetime(series, errors="coerce", format="mixed", dayfirst=True)
    stamps = dates.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
    stamps[dates.isna().to_numpy()] = np.nan
    return stamps


# ---- the filter proxy ----------------------------------------------------------------
class AssetTableProxy(QSortFilterProxyModel):
    """Filters by category, free text, selection and placement; sorts by any column.

    It works out which rows pass with pandas over the model's column cache and hands the
    result to the model (``set_row_filter``); sorting is handed to ``model.sort``. It does
    not override ``filterAcceptsRow`` or ``lessThan``: each Python call from Qt costs about
    2 µs, so at 200,000 rows every re-filter or sort would freeze the window for half a
    second. Left to C++, the proxy passes rows through in a few milliseconds.
    """

    filterChanged = Signal()

    def __init__(self, model: AssetTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.category: str | None = None
        self.text = ""
        self.only_unplaced = False
        self.only_selected = False
        self._selected: frozenset[str] = frozenset()
        self.setSourceModel(model)

    # ---- filter settings -------------------------------------------------------------
    def set_category(self, key: str | None) -> None:
        self.category = key or None
        self._apply()

    def set_text(self, text: str) -> None:
        self.text = text.strip()
        self._apply()

    def set_only_unplaced(self, on: bool) -> None:
        self.only_unplaced = on
        self._apply()

    def set_only_selected(self, on: bool, uuids: Iterable[str] = ()) -> None:
        self.only_selected = on
        self._selected = frozenset(uuids)
        self._apply()

    def set_selected(self, uuids: Iterable[str]) -> None:
        """The selection "Only selected" shows (refilters only while that is on)."""
        self._selected = frozenset(uuids)
        if self.only_selected:
            self._apply()

    @property
    def filtering(self) -> bool:
        return bool(self.category or self.text or self.only_unplaced or self.only_selected)

    def _apply(self) -> None:
        self._model.set_row_filter(self.accepted if self.filtering else None)
        self.filterChanged.emit()

    def accepted(self, positions: np.ndarray | None) -> np.ndarray:
        """Which of the model's canonical positions (all if None) pass every filter."""

        def take(key: str) -> np.ndarray:
            values = self._model.column_values(key)
            return values if positions is None else values[positions]

        n = self._model.total_count() if positions is None else len(positions)
        mask = np.ones(n, dtype=bool)
        if self.category:
            mask &= take("category") == self.category
        if self.only_unplaced:
            mask &= take("placed") == 0
        if self.only_selected:
            mask &= np.isin(take("uuid"), list(self._selected))
        if self.text and mask.any():
            hay = pd.Series(take("search")[mask], dtype=object)
            found = hay.str.contains(self.text, case=False, regex=False)
            mask[np.flatnonzero(mask)] = found.fillna(False).to_numpy(dtype=bool)
        return mask

    # ---- QSortFilterProxyModel -------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def to_source_rows(self, rows: np.ndarray) -> np.ndarray:
        if self.rowCount() == self._model.rowCount():  # passing rows through unchanged
            return rows
        return np.array([self.mapToSource(self.index(int(r), 0)).row() for r in rows], int)

    def to_proxy_rows(self, rows: np.ndarray) -> np.ndarray:
        if self.rowCount() == self._model.rowCount():
            return rows
        mapped = [self.mapFromSource(self._model.index(int(r), 0)).row() for r in rows]
        return np.sort(np.array([r for r in mapped if r >= 0], dtype=np.int64))


# ---- editors -------------------------------------------------------------------------
class AssetDelegate(QStyledItemDelegate):
    """Combo boxes for category, status and review (with the map symbol for categories);
    line edits for text. Values go back through ``setData``, i.e. through a command."""

    def __init__(self, model: AssetTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        kind = index.data(KIND_ROLE)
        if kind not in ("category", "status", "review"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setFrame(False)
        combo.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        if kind == "category":
            for category in self._model.categories():
                combo.addItem(category_icon(category), category.label, category.key)
        else:
            for value in STATUSES if kind == "status" else REVIEW_STATES:
                combo.addItem(_status_text(value), value)
        combo.setAccessibleName(f"Choose {kind}")
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class AssetTableView(QTableView):
    """Enter on a row (when not editing) asks to zoom to it, like double-click does."""

    rowActivated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid():
                self.rowActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


# ---- the dock's content --------------------------------------------------------------
class AttributeTable(QWidget):
    """The bottom dock: filters, a count, and the table, kept in step with the map."""

    zoomRequested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AssetTableModel(session, self)
        self.proxy = AssetTableProxy(self.model, self)
        self._applying = False  # putting the session's selection into the view
        self._pushing = False  # putting the view's selection into the session
        self._message: QMessageBox | None = None
        self._widths: dict[str, int] = {}  # what the user dragged columns to, by column
        self._build_filters()
        self._build_view()
        self._build_layout()
        self._connect()
        self._fill_categories()
        self._apply_widths()
        self._update_count()
        self._show_session_selection(scroll=True)

    # ---- building --------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.category_filter = QComboBox(self)
        self.category_filter.setAccessibleName("Show category")
        self.category_filter.setToolTip("Show only assets of one category")
        self.category_filter.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self.category_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category_filter.setMinimumContentsLength(20)
        self.category_filter.setMaxVisibleItems(24)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter assets…")
        self.search.setAccessibleName("Filter assets")
        self.search.setAccessibleDescription("Matches name, address, postcode and description")
        self.search.setToolTip("Matches name, address, postcode and description")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(420)
        self.only_selected = QCheckBox("Only selected", self)
        self.only_selected.setToolTip("Show only the assets selected on the map")
        self.only_unplaced = QCheckBox("Only unplaced", self)
        self.only_unplaced.setToolTip("Show only assets that have no location on the map yet")
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Assets shown")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widest = self.count_label.fontMetrics().horizontalAdvance("200,000 of 200,000 assets")
        self.count_label.setMinimumWidth(widest + 8)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)

    def _build_view(self) -> None:
        view = self.view = AssetTableView(self)
        view.setAccessibleName("Assets table")
        view.setModel(self.proxy)
        view.setItemDelegate(AssetDelegate(self.model, view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        rows = view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorClearable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        # Qt's headers ask isColumnSelected() for each section they paint, which walks every
        # selected row: with 200,000 rows selected that is half a minute per repaint. The
        # headers never show the selection, so they get a selection model of their own.
        for side in (header, rows):
            side.setSelectionModel(QItemSelectionModel(self.proxy, side))

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(10)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.only_selected)
        bar.addWidget(self.only_unplaced)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.category_filter, self.search)
        self.setTabOrder(self.search, self.only_selected)
        self.setTabOrder(self.only_selected, self.only_unplaced)
        self.setTabOrder(self.only_unplaced, self.view)

    def _connect(self) -> None:
        self.category_filter.currentIndexChanged.connect(self._on_category_chosen)
        self.search.textChanged.connect(self._on_text_edited)
        self._search_timer.timeout.connect(self._apply_text)
        self.only_selected.toggled.connect(self._on_only_selected)
        self.only_unplaced.toggled.connect(self.proxy.set_only_unplaced)
        self.view.doubleClicked.connect(self._zoom_to)
        self.view.rowActivated.connect(self._zoom_to)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection)
        self.model.editRejected.connect(self._on_edit_rejected)
        self.session.selectionChanged.connect(self._on_session_selection)
        self.session.categoriesChanged.connect(self._fill_categories)
        proxy = self.proxy
        for signal in (proxy.layoutAboutToBeChanged, proxy.modelAboutToBeReset):
            signal.connect(self._begin_restructure)
        for signal in (proxy.layoutChanged, proxy.modelReset):
            signal.connect(self._end_restructure)
        # Rows leaving the table (a filter, a deletion) are not the user deselecting them.
        proxy.rowsAboutToBeRemoved.connect(self._begin_restructure)
        proxy.rowsRemoved.connect(self._end_removal)
        # The proxy drops rows before the model does, so count on the model's signals.
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, proxy.filterChanged):
            signal.connect(self._update_count)
        self.model.modelReset.connect(self._apply_widths)
        self.view.horizontalHeader().sectionResized.connect(self._remember_width)

    def _apply_widths(self, *_: Any) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, self._widths.get(column.key, column.width))
        header.blockSignals(False)

    def _remember_width(self, section: int, _old: int, new: int) -> None:
        columns = self.model.columns
        if 0 <= section < len(columns) and new > 0:
            self._widths[columns[section].key] = new

    def _fill_categories(self) -> None:
        combo = self.category_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All categories", None)
        for category in self.session.categories():
            combo.addItem(category_icon(category), category.label, category.key)
            combo.setItemData(combo.count() - 1, category.group, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        if combo.currentData() != self.proxy.category:
            self.proxy.set_category(combo.currentData())

    # ---- filters ---------------------------------------------------------------------
    def _on_category_chosen(self, _index: int) -> None:
        self.proxy.set_category(self.category_filter.currentData())

    def _on_text_edited(self, _text: str) -> None:
        # Small projects filter on every key; big ones wait for a pause in typing.
        self._search_timer.start(0 if self.model.total_count() < 20_000 else 250)

    def _apply_text(self) -> None:
        self.proxy.set_text(self.search.text())

    def _on_only_selected(self, on: bool) -> None:
        self.proxy.set_only_selected(on, self.session.selection)

    def _update_count(self, *_: Any) -> None:
        total = self.model.total_count()
        shown = self.proxy.rowCount()
        noun = "asset" if total == 1 else "assets"
        self.count_label.setText(
            f"{shown:,} of {total:,} {noun}" if self.proxy.filtering else f"{total:,} {noun}"
        )

    # ---- selection both ways ---------------------------------------------------------
    def _on_view_selection(self, *_: Any) -> None:
        if self._applying:
            return
        proxy_rows = [
            np.arange(r.top(), r.bottom() + 1) for r in self.view.selectionModel().selection()
        ]
        # Ranges may overlap; the uuids end up in a set, so repeats do no harm.
        rows = np.concatenate(proxy_rows) if proxy_rows else np.array([], dtype=np.int64)
        uuids = self.model.uuids_for_rows(self.proxy.to_source_rows(rows))
        self._pushing = True
        try:
            self.session.set_selection(uuids)
        finally:
            self._pushing = False

    def _on_session_selection(self) -> None:
        if self._pushing:
            return
        if self.proxy.only_selected:
            self.proxy.set_selected(self.session.selection)
        self._show_session_selection(scroll=True)

    def _show_session_selection(self, scroll: bool) -> None:
        rows = self.proxy.to_proxy_rows(self.model.rows_for_uuids(self.session.selection))
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for start, stop in _runs(rows):
            selection.select(self.proxy.index(start, 0), self.proxy.index(stop, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect  # ranges are whole rows
        model = self.view.selectionModel()
        self._applying = True
        try:
            model.select(selection, flags)
            if len(rows):
                first = self.proxy.index(int(rows[0]), max(self.view.currentIndex().column(), 0))
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.view.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._applying = False

    def _begin_restructure(self, *_: Any) -> None:
        self._applying = True

    def _end_removal(self, *_: Any) -> None:
        self._applying = False

    def _end_restructure(self, *_: Any) -> None:
        # Filtering or sorting must not change what is selected on the map: re-show it.
        self._show_session_selection(scroll=False)
        self._update_count()

    # ---- zoom and messages -----------------------------------------------------------
    def _zoom_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self.zoomRequested.emit(str(index.data(UUID_ROLE)))

    def _on_edit_rejected(self, field: str, message: str) -> None:
        # Shown once the editor has closed, so focus moving to the box cannot commit again.
        QTimer.singleShot(0, lambda: self._show_rejected(field, message))

    def _show_rejected(self, field: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            f"{field} not changed",
            f"{field}: {message[:1].upper()}{message[1:]}.\n\nThe cell keeps its old value.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self._message = box
        box.open()


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs: one selection range per run, not per row."""
    if not len(rows):
        return []
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.concatenate([[rows[0]], rows[breaks + 1]])
    stops = np.concatenate([rows[breaks], [rows[-1]]])
    return list(zip(starts.tolist(), stops.tolist(), strict=True))
