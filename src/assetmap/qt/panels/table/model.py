"""The table's model: live assets read lazily from the store, with a row cache and a column cache.

Rows are read in blocks the first time the view draws one of them; whole columns are read once
the first time a sort or filter needs them, and kept in numpy arrays in "canonical" (fid)
order. Sorting and filtering reorder and subset those arrays, never call back per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from assetmap.core.commands.assets import EditAsset
from assetmap.core.errors import BadInputError
from assetmap.core.review_due import LAST_CHECKED_SQL
from assetmap.core.schema import ASSETS_TABLE
from assetmap.core.taxonomy import Category
from assetmap.qt.panels.table.cells import (
    display_text,
    edit_text,
    foreground,
    parse_custom,
    parse_custom_value,
    tooltip_text,
)
from assetmap.qt.panels.table.columns import (
    FIELD_AT,
    ROW_FIELDS,
    ROW_SQL,
    SEARCH_SQL,
    STANDARD,
    Column,
    custom_columns,
)
from assetmap.qt.panels.table.icons import category_icon
from assetmap.qt.panels.table.sorting import sort_permutation
from assetmap.qt.session import Session

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # which editor a cell needs ("category", "text"...)
UUID_ROLE = Qt.ItemDataRole.UserRole + 2

_BLOCK = 128  # rows read together when the view first draws one of them
_CACHE_LIMIT = 20_000  # cached rows kept before the row cache starts afresh
_SMALL = 500  # up to this many ids are looked up with SQL rather than a whole column
_BULK = 1_000  # more changed uuids than this reload the model instead of patching rows
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable  # combined once: enum "|" is slow

RowFilter = Callable[[np.ndarray | None], np.ndarray]  # canonical positions -> shown mask


class AssetTableModel(QAbstractTableModel):
    """Live assets of the session's project, read lazily from the store.

    Rows are the assets that pass the row filter (``set_row_filter``, set by
    ``AssetTableProxy``) in the current sort order; ``total_count()`` counts them all.
    Keeping order and subset here, in numpy, is what keeps 200,000 rows quick: see the
    package docstring (``assetmap.qt.panels.table``).
    """

    editRejected = Signal(str, str)  # column title, message

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._columns: list[Column] = []
        self._categories: dict[str, Category] = {}
        self._fids = np.array([], dtype=np.int64)  # live ids ascending: "canonical" order
        self._cache: dict[str, np.ndarray] = {}  # column cache, canonical order
        self._rows: dict[int, tuple] = {}  # row cache: fid -> values of ROW_FIELDS, custom
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
        session.fieldsChanged.connect(self._on_fields_changed)

    # ---- loading ---------------------------------------------------------------------
    @property
    def _conn(self) -> Any:
        return self.session.project.conn

    def _load(self) -> None:
        self._columns = [*STANDARD, *custom_columns(self.session.project)]
        self._categories = self._read_categories()
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

    def _shown_order(self) -> np.ndarray:
        """Canonical positions in display order: sorted, then filtered."""
        order = self._order if self._order is not None else np.arange(len(self._fids))
        return order if self._shown is None else order[self._shown[order]]

    def _rebuild(self) -> None:
        self._perm = self._shown_order()
        self._inverse = None
        self.row_fids = self._fids[self._perm].tolist()

    def _inverse_perm(self) -> np.ndarray:
        if self._inverse is None:
            inverse = np.full(len(self._fids), -1, dtype=np.int64)
            inverse[self._perm] = np.arange(len(self._perm), dtype=np.int64)
            self._inverse = inverse
        return self._inverse

    def _read_categories(self) -> dict[str, Category]:
        return {c.key: c for c in self.session.categories()}

    def _select_in(self, columns: str, key: str, values: list[Any]) -> Iterator[tuple]:
        """Assets whose ``key`` is one of ``values``, asked _SMALL at a time: SQLite limits
        the parameters of one query."""
        for start in range(0, len(values), _SMALL):
            chunk = values[start : start + _SMALL]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {columns} FROM {ASSETS_TABLE} WHERE {key} IN ({marks})"
            yield from self._conn.execute(sql, chunk)

    def _read_rows(self, fids: Sequence[int]) -> dict[int, tuple]:
        found: dict[int, tuple] = {}
        columns = f"fid, uuid, {ROW_SQL}, custom"
        for fid, *values, custom in self._select_in(columns, "fid", list(fids)):
            found[fid] = (*values, parse_custom(custom))
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
            return (None,) * len(ROW_FIELDS) + ({},)
        return values

    def column_values(self, key: str) -> np.ndarray:
        """All values of one column in canonical (fid) order; read once, then kept.

        ``key`` is a column key, or "uuid", or "search" (name, address, postcode and
        description joined, for the text filter), or "last_checked" (Verified on, else the
        day added: for the due filter)."""
        values = self._cache.get(key)
        if values is None:
            values = self._read_column(self._expression(key), self._fids)
            self._cache[key] = values
        return values

    def _expression(self, key: str) -> str:
        if key == "search":
            return SEARCH_SQL
        if key == "uuid":
            return "uuid"
        if key == "last_checked":
            return LAST_CHECKED_SQL
        return self._columns[self.column_of(key)].expression

    def _read_column(self, expression: str, fids: np.ndarray) -> np.ndarray:
        if len(fids) == len(self._fids) and len(fids) > _SMALL:
            rows = self._conn.execute(
                f"SELECT fid, {expression} FROM {ASSETS_TABLE} WHERE deleted = 0 ORDER BY fid"
            ).fetchall()
        else:
            rows = list(self._select_in(f"fid, {expression}", "fid", fids.tolist()))
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
            return column.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.hint
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
            return display_text(column, value, self._categories)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(column, value, self._categories)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(column, value, self._categories)
        if role == Qt.ItemDataRole.DecorationRole and column.kind == "category":
            return category_icon(self._categories.get(value))
        if role == Qt.ItemDataRole.ForegroundRole:
            return foreground(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "number":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _value(row: tuple, column: Column) -> Any:
        name = column.custom_name
        if name is None:
            return row[FIELD_AT[column.key]]
        return row[-1].get(name)

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
            self.editRejected.emit(column.heading, exc.message)
            return False
        return True

    def _edit_values(self, column: Column, row: tuple, value: Any) -> dict[str, Any] | None:
        old = self._value(row, column)
        name = column.custom_name
        if name is None:
            new = value.strip() if isinstance(value, str) else value
            return None if (old or "") == (new or "") else {column.key: new}
        parsed = parse_custom_value(column, value)
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
        columns = f"fid, deleted, uuid, {ROW_SQL}, custom"
        for fid, deleted, *values, custom in self._select_in(columns, "uuid", uuids):
            out[fid] = ((*values, parse_custom(custom)), bool(deleted))
            self._uuid_fid[values[0]] = fid
        return out

    def _read_cell(self, key: str, fid: int) -> Any:
        """One asset's value for a cached column, re-read after it changed."""
        return self._read_column(self._expression(key), np.array([fid]))[0]

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
            values[position] = self._read_cell(key, fid)
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
        values = {key: self._read_cell(key, fid) for key in self._cache}
        self._fids = np.insert(self._fids, position, fid)
        self._uuid_index = None
        for key, column in self._cache.items():
            # numpy's stub for insert() does not take None as the value
            self._cache[key] = np.insert(column, position, None)  # type: ignore[call-overload]
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
        row = int(np.flatnonzero(self._shown_order() == position)[0])
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

    def _on_fields_changed(self) -> None:
        """A renamed field: new headings, same columns (sorting and widths stay)."""
        fresh = {c.key: c for c in custom_columns(self.session.project)}
        self._columns = [fresh.get(c.key, c) for c in self._columns]
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def _on_categories_changed(self) -> None:
        self._categories = self._read_categories()
        column = self.column_of("category")
        if self.row_fids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.row_fids) - 1, column))
