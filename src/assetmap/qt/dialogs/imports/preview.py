"""The file's first rows, and the words that describe a preview.

The same table shows on step 1 (what the file holds) and step 2, where the columns the import
will use are tinted and labelled with what they are taken as.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from assetmap.core.io import preview as pv
from assetmap.qt.dialogs.imports.counting import counted, row_title
from assetmap.qt.dialogs.imports.style import DIMMED, HIGHLIGHT
from assetmap.qt.i18n import translate

PREVIEW_ROWS = 20


class PreviewTable(QTableWidget):
    """The file's first rows; columns the import will use are tinted and say what for."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.setWordWrap(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.verticalHeader().setDefaultSectionSize(22)
        self._columns: list[str] = []

    def show_preview(self, preview: pv.Preview | None) -> None:
        self.clear()
        self._columns = list(preview.columns) if preview else []
        rows = preview.rows if preview else []
        self.setColumnCount(len(self._columns))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(self._columns)
        if preview is not None:
            noun = row_title(preview.row_noun)
            self.setVerticalHeaderLabels([f"{noun} {n}" for n in preview.row_numbers])
        for r, record in enumerate(rows):
            for c, value in enumerate(record):
                item = QTableWidgetItem(value)
                item.setToolTip(value if len(value) > 40 else "")
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(len(self._columns)):
            self.setColumnWidth(c, min(max(self.columnWidth(c), 70), 220))

    def highlight(self, used: dict[str, str]) -> None:
        """``used``: source column -> what the import takes it as, in the order to show them.

        Used columns move to the front (visually only), so a wide file's PostCode and GeoX are
        in sight next to the choices that use them.
        """
        plain, bold = QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        for c, name in enumerate(self._columns):
            self._highlight_column(c, name, used.get(name), plain, bold)
        self._bring_forward([self._columns.index(n) for n in used if n in self._columns])

    def _highlight_column(
        self, c: int, name: str, target: str | None, plain: QFont, bold: QFont
    ) -> None:
        header = QTableWidgetItem(f"{name}\n→ {target}" if target else name)
        header.setFont(bold if target else plain)
        if target:
            header.setBackground(QBrush(HIGHLIGHT))
            header.setToolTip(
                translate("ImportDialog", "'{column}' is used as {field}").format(
                    column=name, field=target
                )
            )
            longest = max(QFontMetrics(bold).horizontalAdvance(t) for t in (name, f"→ {target}"))
            self.setColumnWidth(c, max(self.columnWidth(c), min(longest + 16, 260)))
        self.setHorizontalHeaderItem(c, header)
        brush = QBrush(HIGHLIGHT) if target else QBrush()
        for r in range(self.rowCount()):
            item = self.item(r, c)
            if item is not None:
                item.setBackground(brush)

    def dim_rows(self, rows: set[int], why: str = "") -> None:
        """Grey out rows the import will skip (a row filter), so the user sees which remain."""
        for r in range(self.rowCount()):
            brush = QBrush(DIMMED) if r in rows else QBrush()
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None:
                    item.setForeground(brush)
                    item.setToolTip(why if r in rows else "")

    def _bring_forward(self, logical: list[int]) -> None:
        header = self.horizontalHeader()
        rest = [c for c in range(len(self._columns)) if c not in logical]
        for visual, column in enumerate(logical + rest):
            header.moveSection(header.visualIndex(column), visual)


def layer_choices(result: pv.Preview) -> list[tuple[str, str | None]]:
    """(text, layer) for the layer combo; a lone layer is None, as the importers expect."""
    choices = []
    for info in result.layers:
        noun = "feature" if info.geometry_type else "row"
        count = "" if info.feature_count is None else counted(info.feature_count, noun)
        details = [d for d in (info.geometry_type, count) if d]
        text = f"{info.name} ({', '.join(details)})" if details else info.name
        choices.append((text, info.name if len(result.layers) > 1 else None))
    return choices


def file_summary(result: pv.Preview) -> str:
    """One sentence on what the file holds, so a wrong file is obvious before any mapping."""
    parts = [counted(result.row_count, result.row_noun), counted(len(result.columns), "column")]
    if result.geometry_type:
        parts.append(
            translate("ImportDialog", "{kind} geometry in {crs}").format(
                kind=result.geometry_type,
                crs=result.crs or translate("ImportDialog", "an unknown CRS"),
            )
        )
    elif result.has_geometry:
        parts.append(translate("ImportDialog", "with geometry"))
    else:
        parts.append(translate("ImportDialog", "no geometry"))
    text = ", ".join(parts) + "."
    if result.notes:
        text += " " + "; ".join(result.notes) + "."
    return text
