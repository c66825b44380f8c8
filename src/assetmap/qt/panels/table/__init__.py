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

Modules: ``columns`` (what each column reads), ``cells`` (what a cell shows, what an edit
means), ``icons``, ``sorting``, ``model`` (``AssetTableModel``: the row and column caches),
``proxy`` (``AssetTableProxy``: the filters), ``delegates``, ``view`` and ``widget``
(``AttributeTable``, the dock's content).
"""

from assetmap.qt.panels.table.widget import AttributeTable

__all__ = ["AttributeTable"]
