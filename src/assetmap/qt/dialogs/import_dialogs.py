"""Import dialogs for areas, assets and indicators: choose a file, map its columns, check, import.

Nothing is written until the user has read the dry run's report and pressed Import: the dry run
(``prepare_*``) and the import run on worker threads, each with its own connection to the
project file, so the window keeps drawing and Cancel leaves the project as it was. The mapping
step starts from the guesses the CLI would make (core.io.preview), so a plain import needs no
more than Next, Check and Import.

The main window opens them modally: ``ImportAssetsDialog(session, window).exec()``; a dropped
file is passed as ``path=``.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6.QtCore import QObject, QPointF, QSettings, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas, categories
from assetmap.core.commands.base import Command, CommandStack
from assetmap.core.commands.imports import ImportAreaSet, ImportAssets, JoinIndicators
from assetmap.core.errors import AssetmapError, BadInputError
from assetmap.core.io import preview as pv
from assetmap.core.io.area_import import AreaImportOptions, prepare_areas
from assetmap.core.io.asset_import import (
    UNKNOWN_NEW,
    UNKNOWN_UNCATEGORISED,
    AssetImportOptions,
    PreparedAssets,
    prepare_assets,
)
from assetmap.core.io.indicator_import import IndicatorOptions, prepare_indicators
from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled
from assetmap.core.project import Project
from assetmap.core.taxonomy import UNCATEGORISED, Category
from assetmap.qt.canvas.symbols import draw_symbol
from assetmap.qt.session import Session
from assetmap.qt.workers import Task

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
REPORT_ROWS = 200
CATEGORY_VALUES = 300
NONE_TEXT = "— none —"
GUESSED_TEXT = "guessed"
STEP_FILE, STEP_MAP, STEP_REPORT = range(3)
STEP_TITLES = ("Choose file", "Map columns", "Check and import")
SETTING_POSTCODE_INDEX = "import/postcode_index"
SETTING_FOLDER = "import/folder"

HIGHLIGHT = QColor("#FFF1B8")
DIMMED = QColor("#8C959F")
NOTE_STYLE = "color: #57606A;"
GUESSED_STYLE = "color: #1A7F37; font-style: italic;"
ERROR_STYLE = (
    "QLabel { background: #FFEBE9; color: #82071E; border: 1px solid #FF8182;"
    " border-radius: 4px; padding: 6px; }"
)
HINT_STYLE = (
    "QLabel { background: #DDF4FF; color: #0A3069; border: 1px solid #54AEFF;"
    " border-radius: 4px; padding: 6px; }"
)

VECTOR_FILES = "Boundary files (*.geojson *.json *.gpkg *.shp *.zip *.gz)"
TABLE_FILES = "Tables (*.csv *.tsv *.txt *.xlsx *.gz)"
ALL_FILES = "All files (*)"

ASSET_FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "description": "Description",
    "address": "Address",
    "postcode": "Postcode",
    "contact": "Contact (email)",
    "phone": "Phone",
    "website": "Website",
    "opening_hours": "Opening hours",
    "audience": "Who it is for",
    "status": "Status",
    "verified_date": "Last verified",
}
LOCATION_WORDS = {
    pv.GEOMETRY: "the file's geometry",
    pv.LAT_LON: "latitude/longitude",
    pv.XY: "X/Y columns",
    pv.WKT: "WKT column",
    pv.NO_COORDINATES: "postcodes only",
}
COORDINATE_LABELS = {
    "lat": "latitude",
    "lon": "longitude",
    "x": "x",
    "y": "y",
    "wkt": "geometry (WKT)",
}


# ---- helpers ------------------------------------------------------------------------------
def settings() -> QSettings:
    return QSettings()


def problem_text(error: BaseException) -> str:
    """BadInputError already names file, row and field; anything else is a bug, said plainly."""
    if isinstance(error, AssetmapError):
        return str(error)
    return f"Something went wrong ({type(error).__name__}: {error}). Nothing was changed."


def nothing_importable(error: BaseException) -> bool:
    """The importers' 'every row was rejected' and 'no key matched' errors."""
    text = getattr(error, "message", "")
    starts = ("no row could be imported", "no feature could be imported", "none of the")
    return isinstance(error, BadInputError) and text.startswith(starts)


def neutralised(value: object) -> str:
    """Spreadsheets run cells starting = + - @ as formulas: a report must not (BRIEF §8)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_report_csv(path: str | Path, report: ImportReport) -> None:
    """Every repaired, unplaced and rejected row and every note, as the CLI's --report writes."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outcome", "file", "row", "field", "message"])
        for outcome in ("rejected", "unplaced", "repaired"):
            for issue in getattr(report, outcome):
                writer.writerow(
                    [
                        outcome,
                        neutralised(report.file),
                        issue.row,
                        neutralised(issue.field),
                        neutralised(issue.message),
                    ]
                )
        for note in report.notes:
            writer.writerow(["note", neutralised(report.file), "", "", neutralised(note)])


@lru_cache(maxsize=256)
def category_icon(symbol: str, colour: str, size: int = 18) -> QIcon:
    """The category's map symbol, so the picker shows what the map will draw."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_symbol(painter, QPointF(size / 2, size / 2), symbol, colour, size * 0.78)
    painter.end()
    return QIcon(pixmap)


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class _TaskKeeper(QObject):
    """Holds running Tasks until they finish, even when their dialog is closed and dropped."""

    def __init__(self) -> None:
        super().__init__()
        self._tasks: set[Task] = set()

    def keep(self, task: Task) -> None:
        self._tasks.add(task)
        task.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        self._tasks.discard(self.sender())  # type: ignore[arg-type]


_keeper: _TaskKeeper | None = None


def _keep(task: Task) -> None:
    global _keeper
    if _keeper is None:
        _keeper = _TaskKeeper()
    _keeper.keep(task)


# ---- work done on worker threads ---------------------------------------------------------
Prepare = Callable[..., Any]
RowLabel = Callable[[int | None], str]


def dry_run_work(project_path: Path, path: Path, options: object, prepare: Prepare) -> Any:
    """A prepare on its own connection: the GUI's connection stays on the GUI thread."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
        project = Project.open(project_path)
        try:
            return prepare(project, path, options, progress=progress, cancelled=cancelled)
        finally:
            project.close()

    return work


def commit_work(project_path: Path, stack: CommandStack, command: Command) -> Any:
    """Push through the GUI's stack (so Undo works) but write on a second connection."""

    def work(progress: ProgressFn, cancelled: CancelledFn) -> Command:
        check_cancelled(cancelled)
        progress(0.2, "Writing to the project")
        project = Project.open(project_path)
        try:
            stack.push(command, project=project)
        finally:
            project.close()
        progress(1.0, "Done")
        return command

    return work


# ---- small widgets -----------------------------------------------------------------------
class ColumnCombo(QComboBox):
    """A source column, or none."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.set_columns([])

    def set_columns(self, columns: Sequence[str], allow_none: bool = True) -> None:
        self.blockSignals(True)
        self.clear()
        if allow_none:
            self.addItem(NONE_TEXT, None)
        for column in columns:
            self.addItem(column, column)
        self.blockSignals(False)

    def column(self) -> str | None:
        return self.currentData()

    def set_column(self, column: str | None) -> None:
        index = self.findData(column) if column is not None else 0
        self.setCurrentIndex(max(index, 0))


class CategoryCombo(QComboBox):
    """Categories with their map symbols; an optional first item stands for a rule, not a key."""

    def __init__(
        self, cats: Sequence[Category], accessible_name: str, rule: str | None = None
    ) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setMaxVisibleItems(20)
        if rule is not None:
            self.addItem(rule, None)
        for category in cats:
            icon = category_icon(category.symbol, category.colour)
            self.addItem(icon, category.label, category.key)
            self.setItemData(self.count() - 1, category.group, Qt.ItemDataRole.ToolTipRole)

    def key(self) -> str | None:
        return self.currentData()

    def set_key(self, key: str | None) -> None:
        index = self.findData(key) if key is not None else 0
        self.setCurrentIndex(max(index, 0))


class FieldMapper(QWidget):
    """Target field -> source column combos, each marked when it is still the guess."""

    changed = Signal()

    def __init__(
        self, targets: Sequence[tuple[str, str]], columns: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combos: dict[str, ColumnCombo] = {}
        self.marks: dict[str, QLabel] = {}
        self.guesses: dict[str, str] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        per_column = -(-len(targets) // columns)
        for i, (key, label) in enumerate(targets):
            row, group = i % per_column, i // per_column
            self._add_row(grid, row, group * 4, key, label)
        for group in range(columns):
            grid.setColumnStretch(group * 4 + 1, 1)
            if group:
                grid.setColumnMinimumWidth(group * 4 - 1, 16)

    def _add_row(self, grid: QGridLayout, row: int, col: int, key: str, label: str) -> None:
        combo = ColumnCombo(f"Column for {label}")
        text = QLabel(label + ":")
        text.setBuddy(combo)
        mark = QLabel("")
        mark.setStyleSheet(GUESSED_STYLE)
        mark.setMinimumWidth(52)
        combo.currentIndexChanged.connect(self._on_change)
        grid.addWidget(text, row, col)
        grid.addWidget(combo, row, col + 1)
        grid.addWidget(mark, row, col + 2)
        self.combos[key], self.marks[key] = combo, mark

    def set_columns(self, columns: Sequence[str], guesses: dict[str, str]) -> None:
        self.guesses = dict(guesses)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.set_columns(columns)
            combo.set_column(guesses.get(key))
            combo.blockSignals(False)
        self._refresh_marks()

    def mapping(self) -> dict[str, str]:
        return {k: c.column() for k, c in self.combos.items() if c.column() is not None}

    def set_column(self, key: str, column: str | None) -> None:
        self.combos[key].set_column(column)

    def is_guessed(self, key: str) -> bool:
        guess = self.guesses.get(key)
        return guess is not None and self.combos[key].column() == guess

    def _refresh_marks(self) -> None:
        for key, mark in self.marks.items():
            guessed = self.is_guessed(key)
            mark.setText(GUESSED_TEXT if guessed else "")
            description = "guessed from the file" if guessed else ""
            self.combos[key].setAccessibleDescription(description)

    @Slot()
    def _on_change(self) -> None:
        self._refresh_marks()
        self.changed.emit()


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
            noun = preview.row_noun
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
            header.setToolTip(f"'{name}' is used as {target}")
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


class ReportPage(QWidget):
    """Step 3: progress while checking, then the report, or the reason nothing can be imported."""

    back_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.busy_label = QLabel()
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)
        self.stack.addWidget(self.busy_label)
        self.stack.addWidget(self._build_report())
        self.stack.addWidget(self._build_problem())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ---- building
    def _build_report(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setAccessibleName("Report summary")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.explanation = note_label()
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(self._build_counts())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Report details")
        self.tables: dict[str, QTableWidget] = {}
        for outcome in ("rejected", "unplaced", "repaired"):
            table = self._issue_table(outcome)
            self.tables[outcome] = table
            self.tabs.addTab(table, outcome.title())
        self.notes = QListWidget()
        self.notes.setAccessibleName("Notes")
        self.notes.setWordWrap(True)
        self._row_label: RowLabel = _no_label
        self.tabs.addTab(self.notes, "Notes")
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton("&Save report…")
        self.save_button.setAccessibleName("Save the full report as CSV")
        self.save_button.clicked.connect(self.save_requested)
        row.addWidget(note_label("The report lists every row that was changed or left out."), 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return page

    def _build_counts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.counts: dict[str, QLabel] = {}
        for outcome in ("imported", "repaired", "unplaced", "rejected"):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMinimumWidth(120)
            label.setAccessibleName(f"{outcome} count")
            self.counts[outcome] = label
            row.addWidget(label)
        row.addStretch(1)
        return row

    def _issue_table(self, outcome: str) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setAccessibleName(f"{outcome.title()} rows")
        table.setHorizontalHeaderLabels(["Row", "Name", "Field", "What happened"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setColumnWidth(1, 260)
        return table

    def _build_problem(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.problem_heading = QLabel()
        font = self.problem_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.problem_heading.setFont(font)
        self.problem_heading.setWordWrap(True)
        self.problem_text = QLabel()
        self.problem_text.setWordWrap(True)
        self.problem_text.setStyleSheet(ERROR_STYLE)
        self.problem_text.setAccessibleName("Why the import cannot go ahead")
        self.problem_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = QPushButton("Go &back to the columns")
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addWidget(self.problem_heading)
        layout.addWidget(self.problem_text)
        layout.addWidget(note_label("Nothing was written to the project."))
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # ---- showing
    def show_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.stack.setCurrentIndex(0)

    def show_problem(self, heading: str, text: str) -> None:
        self.problem_heading.setText(heading)
        self.problem_text.setText(text)
        self.stack.setCurrentIndex(2)

    def show_report(
        self,
        report: ImportReport,
        heading: str,
        explanation: str,
        row_label: RowLabel | None = None,
    ) -> None:
        """``row_label`` names a row (its asset name or area code) so the user knows which."""
        self._row_label = row_label or _no_label
        self.heading.setText(heading)
        self.explanation.setText(explanation)
        self._set_counts(report)
        for outcome, table in self.tables.items():
            self._fill_issues(table, getattr(report, outcome), self._row_label)
            index = self.tabs.indexOf(table)
            self.tabs.setTabText(index, f"{outcome.title()} ({len(getattr(report, outcome)):,})")
        self.notes.clear()
        self.notes.addItems(report.notes)
        self.tabs.setTabText(self.tabs.indexOf(self.notes), f"Notes ({len(report.notes)})")
        self.tabs.setCurrentIndex(self._first_tab_with_content(report))
        self.stack.setCurrentIndex(1)

    def _set_counts(self, report: ImportReport) -> None:
        values = {
            "imported": report.imported,
            "repaired": len(report.repaired),
            "unplaced": len(report.unplaced),
            "rejected": len(report.rejected),
        }
        words = {"imported": "imported" if report.committed else "to import"}
        for outcome, label in self.counts.items():
            count = values[outcome]
            word = words.get(outcome, outcome)
            label.setText(
                f"<span style='font-size:15pt;font-weight:600'>{count:,}</span><br>{word}"
            )
            label.setAccessibleDescription(f"{count} {word}")

    def _fill_issues(self, table: QTableWidget, issues: list[RowIssue], label: RowLabel) -> None:
        shown = issues[:REPORT_ROWS]
        extra = len(issues) - len(shown)
        table.setRowCount(len(shown) + (1 if extra else 0))
        noun = shown[0].row_noun.title() if shown else "Row"
        table.setHorizontalHeaderLabels([noun, label(None) or "Name", "Field", "What happened"])
        for r, issue in enumerate(shown):
            row = "" if issue.row is None else str(issue.row)
            cells = (row, label(issue.row), issue.field or "", issue.message)
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        if extra:
            more = QTableWidgetItem(f"… and {extra:,} more: Save report… writes them all")
            table.setItem(len(shown), 3, more)

    def _first_tab_with_content(self, report: ImportReport) -> int:
        for outcome in ("rejected", "unplaced", "repaired"):
            if getattr(report, outcome):
                return self.tabs.indexOf(self.tables[outcome])
        return self.tabs.indexOf(self.notes)


# ---- the dialog shared by the three imports ------------------------------------------------
class ImportDialog(QDialog):
    """Three steps, one worker at a time; subclasses supply the mapping step and the options."""

    kind: ClassVar[str] = ""
    noun: ClassVar[str] = "rows"
    title: ClassVar[str] = "Import"
    file_types: ClassVar[str] = ALL_FILES
    intro: ClassVar[str] = ""

    def __init__(
        self, session: Session, parent: QWidget | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: pv.Preview | None = None
        self.prepared: Any = None
        self.report: ImportReport | None = None
        self.committed = False
        self.error: BaseException | None = None
        self._task: Task | None = None
        self._task_kind = ""
        self._problem: str | None = None
        self._built = False
        self.setWindowTitle(self.title)
        self.setModal(True)
        self.setAcceptDrops(True)
        self.resize(1100, 680)
        self.setMinimumSize(820, 560)
        self._build()
        self._go(STEP_FILE)
        if path is not None:
            self.set_path(path)

    # ---- public --------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: str | Path) -> None:
        """Choose a file (Browse, drag and drop, tests) and read its preview."""
        self.file_edit.setText(str(path))
        self._load_preview(None)

    def save_report(self, path: str | Path) -> None:
        if self.report is None:
            return
        try:
            write_report_csv(path, self.report)
        except OSError as error:
            self._set_status(f"The report could not be saved: {error.strerror or error}")
            return
        self._set_status(f"Report saved to {Path(path).name}")

    # ---- building --------------------------------------------------------------------------
    def _build(self) -> None:
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        self.steps_label = QLabel()
        self.steps_label.setAccessibleName("Import steps")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Message")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_file_page())
        self.pages.addWidget(self._build_mapping_page())
        self.report_page = ReportPage()
        self.report_page.back_requested.connect(self._back)
        self.report_page.save_requested.connect(self._choose_report_file)
        self.pages.addWidget(self.report_page)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._built = True

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note_label(self.intro))
        grid = QGridLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName("File to import")
        self.file_edit.setPlaceholderText("Choose a file, or drop one on this window")
        self.file_edit.returnPressed.connect(self._on_file_typed)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for the file to import")
        browse.clicked.connect(self._browse)
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName("Layer or sheet")
        self.layer_combo.activated.connect(self._on_layer_chosen)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.file_edit)
        layer_label = QLabel("&Layer or sheet:")
        layer_label.setBuddy(self.layer_combo)
        grid.addWidget(file_label, 0, 0)
        grid.addWidget(self.file_edit, 0, 1)
        grid.addWidget(browse, 0, 2)
        grid.addWidget(layer_label, 1, 0)
        grid.addWidget(self.layer_combo, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.file_summary = QLabel()
        self.file_summary.setWordWrap(True)
        self.file_summary.setAccessibleName("What the file holds")
        layout.addWidget(self.file_summary)
        self.file_table = PreviewTable("First rows of the file")
        layout.addWidget(self.file_table, 1)
        return page

    def _build_mapping_page(self) -> QWidget:
        raise NotImplementedError

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(220)
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = QPushButton("‹ &Back")
        self.next_button = QPushButton("&Next ›")
        self.cancel_button = QPushButton("Cancel")
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.next_button.setDefault(True)
        self.next_button.setAutoDefault(True)
        for button in (self.back_button, self.cancel_button):
            button.setAutoDefault(False)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addWidget(self.cancel_button)
        return row

    # ---- navigation --------------------------------------------------------------------------
    def _go(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        parts = []
        for index, title in enumerate(STEP_TITLES):
            text = f"{index + 1}  {title}"
            parts.append(f"<b style='color:#0969DA'>{text}</b>" if index == step else text)
        self.steps_label.setText("  ›  ".join(parts))
        self.steps_label.setAccessibleDescription(f"Step {step + 1} of 3: {STEP_TITLES[step]}")
        if step != STEP_REPORT:
            self._refresh()
        self._update_buttons()

    @Slot()
    def _next(self) -> None:
        if self.busy:
            return
        if self.step == STEP_FILE and self.preview is not None:
            self._go(STEP_MAP)
        elif self.step == STEP_MAP and self._problem is None:
            self._start_dry_run()
        elif self.step == STEP_REPORT and self.committed:
            self.accept()
        elif self.step == STEP_REPORT and self.prepared is not None:
            self._start_commit()

    @Slot()
    def _back(self) -> None:
        if self.busy or self.committed or self.step == STEP_FILE:
            return
        self.prepared = self.report = None
        self._go(self.step - 1)

    @Slot()
    def _cancel_clicked(self) -> None:
        if self.busy and self._task_kind != "import":
            assert self._task is not None
            self._task.cancel()
            self._set_status("Cancelling…")
        elif not self.busy:
            self.reject()

    def reject(self) -> None:
        """Esc and the close box: stop any check (never a write that has started)."""
        if self._task_kind == "import":
            return
        if self.committed:
            self.accept()
            return
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._task_kind = ""
        super().reject()

    def _update_buttons(self) -> None:
        busy, step = self.busy, self.step
        self.back_button.setEnabled(not busy and not self.committed and step != STEP_FILE)
        self.cancel_button.setEnabled(self._task_kind != "import" and not self.committed)
        if step == STEP_FILE:
            self.next_button.setText("&Next ›")
            self.next_button.setEnabled(not busy and self.preview is not None)
        elif step == STEP_MAP:
            self.next_button.setText("&Check ›")
            self.next_button.setEnabled(not busy and self._problem is None)
        elif self.committed:
            self.next_button.setText("&Close")
            self.next_button.setEnabled(True)
        else:
            count = self._import_count_text()
            self.next_button.setText(f"&Import {count}" if count else "&Import")
            self.next_button.setEnabled(not busy and self.prepared is not None)
        self.next_button.setAccessibleName(self.next_button.text().replace("&", ""))

    # ---- messages --------------------------------------------------------------------------
    def _show_banner(self, text: str | None, error: bool = False) -> None:
        self.banner.setVisible(bool(text))
        self.banner.setText(text or "")
        self.banner.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    # ---- running work ----------------------------------------------------------------------
    def _run(
        self,
        kind: str,
        work: Callable[[ProgressFn, CancelledFn], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[object, str], None],
        message: str,
    ) -> None:
        if self._task is not None:
            self._task.cancel()
        task = Task(work)
        _keep(task)
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(on_success)
        task.failed.connect(on_failure)
        task.was_cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self._task, self._task_kind = task, kind
        self.progress.setValue(0)
        self.progress.show()
        self._set_status(message)
        self._update_buttons()
        task.start()

    def _is_current(self) -> bool:
        return self._task is not None and self.sender() is self._task

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if self._is_current():
            self.progress.setValue(int(fraction * 1000))
            if message:
                self._set_status(message)

    @Slot()
    def _on_finished(self) -> None:
        if not self._is_current():
            return
        self._task, self._task_kind = None, ""
        self.progress.hide()
        self._update_buttons()

    @Slot()
    def _on_cancelled(self) -> None:
        if not self._is_current():
            return
        if self._task_kind == "check":
            self.prepared = self.report = None
            self._go(STEP_MAP)
        self._set_status("Cancelled; nothing was changed.")

    # ---- step 1: the file and its preview ---------------------------------------------------
    @Slot()
    def _browse(self) -> None:
        start = self.path().parent if self.path() else settings().value(SETTING_FOLDER, "")
        chosen, _ = QFileDialog.getOpenFileName(
            self, f"{self.title}: choose a file", str(start or Path.home()), self.file_types
        )
        if chosen:
            settings().setValue(SETTING_FOLDER, str(Path(chosen).parent))
            self.set_path(chosen)

    @Slot()
    def _on_file_typed(self) -> None:
        if self.path() is not None:
            self._load_preview(None)

    @Slot(int)
    def _on_layer_chosen(self, index: int) -> None:
        layer = self.layer_combo.itemData(index)
        if self.preview is not None and layer != self.preview.layer:
            self._load_preview(layer)

    def _load_preview(self, layer: str | None) -> None:
        path = self.path()
        if path is None:
            return
        self.preview = self.prepared = self.report = None
        self.file_table.show_preview(None)
        self.file_summary.setText("")
        self._show_banner(None)
        if self.step != STEP_FILE:
            self._go(STEP_FILE)
        kind, codes = self.kind, self._area_codes()

        def work(progress: ProgressFn, cancelled: CancelledFn) -> pv.Preview:
            return pv.preview(
                path,
                kind,
                layer,
                PREVIEW_ROWS,
                area_codes=codes,
                progress=progress,
                cancelled=cancelled,
            )

        self._run(
            "preview", work, self._on_preview, self._on_preview_failed, f"Reading {path.name}…"
        )

    def _area_codes(self) -> set[str] | None:
        return None

    @Slot(object)
    def _on_preview(self, result: pv.Preview) -> None:
        if not self._is_current():
            return
        self.preview = result
        self._fill_layers(result)
        self.file_summary.setText(self._file_summary(result))
        self.file_table.show_preview(result)
        self.mapping_table.show_preview(result)
        self._fill_mapping(result)
        self._set_status(f"Read {result.row_count:,} {result.row_noun}s from {result.path.name}")
        self._refresh()

    @Slot(object, str)
    def _on_preview_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        if not isinstance(error, AssetmapError):
            log.error("reading a preview failed\n%s", details)
        self._show_banner(f"This file cannot be read: {problem_text(error)}", error=True)
        self._set_status("")

    def _fill_layers(self, result: pv.Preview) -> None:
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for info in result.layers:
            count = _count_text(info.feature_count, "feature" if info.geometry_type else "row")
            details = [d for d in (info.geometry_type, count) if d]
            text = f"{info.name} ({', '.join(details)})" if details else info.name
            self.layer_combo.addItem(text, info.name if len(result.layers) > 1 else None)
        current = self.layer_combo.findData(result.layer) if len(result.layers) > 1 else 0
        self.layer_combo.setCurrentIndex(max(current, 0))
        self.layer_combo.setEnabled(len(result.layers) > 1)
        self.layer_combo.blockSignals(False)

    def _file_summary(self, result: pv.Preview) -> str:
        parts = [f"{result.row_count:,} {result.row_noun}s", f"{len(result.columns)} columns"]
        if result.geometry_type:
            parts.append(f"{result.geometry_type} geometry in {result.crs or 'an unknown CRS'}")
        elif result.has_geometry:
            parts.append("with geometry")
        else:
            parts.append("no geometry")
        text = ", ".join(parts) + "."
        if result.notes:
            text += " " + "; ".join(result.notes) + "."
        return text

    # ---- step 2: mapping (subclasses) -------------------------------------------------------
    def _fill_mapping(self, result: pv.Preview) -> None:
        raise NotImplementedError

    def _mapping_problem(self) -> str | None:
        """What stops the check, in plain words, or None."""
        return None

    def _highlights(self) -> dict[str, str]:
        return {}

    def _options(self) -> object:
        raise NotImplementedError

    def _prepare(self) -> Prepare:
        raise NotImplementedError

    def _command(self, prepared: Any) -> Command:
        raise NotImplementedError

    @Slot()
    def _refresh(self) -> None:
        """Re-validate and re-tint the preview after any change on the mapping step."""
        if not self._built:
            return
        if self.preview is None:
            self._problem = "no file"
            self._update_buttons()
            return
        self._problem = self._mapping_problem()
        if self.step == STEP_MAP:
            self._show_banner(self._problem)
        elif self.step == STEP_FILE and self.banner.styleSheet() == HINT_STYLE:
            self._show_banner(None)
        self.mapping_table.highlight(self._highlights())
        self._update_buttons()

    # ---- step 3: dry run, then import -----------------------------------------------------
    def _start_dry_run(self) -> None:
        assert self.preview is not None
        self._show_banner(None)
        self.prepared = self.report = None
        self._go(STEP_REPORT)
        name = self.preview.path.name
        self.report_page.show_busy(f"Checking {name}… nothing is written to the project yet.")
        work = dry_run_work(
            self.session.project.path, self.preview.path, self._options(), self._prepare()
        )
        self._run("check", work, self._on_checked, self._on_check_failed, f"Checking {name}…")

    @Slot(object)
    def _on_checked(self, prepared: Any) -> None:
        if not self._is_current():
            return
        self.prepared = prepared
        self.report = prepared.report
        self._explain(prepared)
        self._show_report()
        self._set_status("Checked. Nothing has been written yet.")

    def _explain(self, prepared: Any) -> None:
        """Add notes the dialog knows and the importer cannot (subclasses)."""

    @Slot(object, str)
    def _on_check_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("checking an import failed\n%s", details)
        name = self.preview.path.name if self.preview else "the file"
        heading = (
            f"Nothing can be imported from {name}"
            if nothing_importable(error)
            else f"{name} cannot be imported as it is"
        )
        self.report_page.show_problem(heading, problem_text(error))
        self._set_status("Nothing was changed. Go back to change the columns or the file.")

    def _show_report(self) -> None:
        assert self.report is not None
        report = self.report
        if report.committed:
            heading = f"Imported {self._import_count_text()} from {report.file}"
            explanation = "Edit › Undo takes the import out again."
        else:
            heading = f"Ready to import {self._import_count_text()} from {report.file}"
            explanation = (
                "Nothing has been written yet. Check the rows below, then press Import; "
                "go Back to change the columns."
            )
        if report.out_of_area:
            explanation += (
                f" {report.out_of_area:,} of them lie outside the project's areas: they are kept"
                " and flagged 'out of area'."
            )
        if report.unplaced:
            explanation += " Unplaced rows are kept, to be placed by hand later."
        self.report_page.show_report(report, heading, explanation, self._row_labeller())
        self._update_buttons()

    def _import_count_text(self) -> str:
        if self.report is None:
            return ""
        return f"{self.report.imported:,} {self.noun}"

    def _label_column(self) -> tuple[str, str | None]:
        """The column that names a row in the report, and its heading (subclasses)."""
        return "Name", None

    def _row_labeller(self) -> RowLabel:
        """Row number -> the value that tells the user which row it is (a name, a code)."""
        heading, column = self._label_column()
        if self.preview is None or self.preview.table is None or column is None:
            return _no_label
        table = self.preview.table
        values = dict(zip(table.row_numbers.tolist(), table.frame[column].tolist(), strict=True))

        def label(row: int | None) -> str:
            return heading if row is None else pv.cell_text(values.get(row))

        return label

    def _start_commit(self) -> None:
        command = self._command(self.prepared)
        work = commit_work(self.session.project.path, self.session.stack, command)
        self._run("import", work, self._on_committed, self._on_commit_failed, "Importing…")

    @Slot(object)
    def _on_committed(self, command: Command) -> None:
        if not self._is_current():
            return
        self.session.after_background_commit()
        self.committed = True
        self._after_commit()
        if self.report is not None:
            self.report.committed = True
        self._show_report()
        self._set_status(f"Done: {command.text}.")

    @Slot(object, str)
    def _on_commit_failed(self, error: BaseException, details: str) -> None:
        if not self._is_current():
            return
        self.error = error
        if not isinstance(error, AssetmapError):
            log.error("an import failed\n%s", details)
        self.prepared = None
        self.report_page.show_problem("The import failed", problem_text(error))
        self._set_status("Nothing was changed.")

    def _after_commit(self) -> None:
        """Remember choices for next time (subclasses)."""

    @Slot()
    def _choose_report_file(self) -> None:
        if self.report is None:
            return
        stem = Path(self.report.file).stem
        start = Path(str(settings().value(SETTING_FOLDER, "") or Path.home()))
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the import report", str(start / f"{stem}_report.csv"), "CSV (*.csv)"
        )
        if chosen:
            self.save_report(chosen)

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not self.busy and self.step == STEP_FILE and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.set_path(urls[0].toLocalFile())
            event.acceptProposedAction()


def _no_label(row: int | None) -> str:
    return ""


def _count_text(count: int | None, noun: str) -> str:
    return "" if count is None else f"{count:,} {noun}{'' if count == 1 else 's'}"


def _splitter(top: QWidget, bottom: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    return splitter


def _titled_table(title: str, table: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(note_label(title))
    layout.addWidget(table, 1)
    return box


# ---- areas ---------------------------------------------------------------------------------
class ImportAreasDialog(ImportDialog):
    """Boundaries (LSOAs, wards, any polygons) as a new area set."""

    kind = "areas"
    noun = "areas"
    title = "Import areas"
    file_types = f"{VECTOR_FILES};;{ALL_FILES}"
    intro = (
        "Choose a boundary file: GeoJSON, GeoPackage or Shapefile (also zipped). Each polygon "
        "becomes one area of a new area set; the other columns are kept with the areas."
    )

    def set_area_set_name(self, name: str) -> None:
        self.set_name_edit.setText(name)

    def _build_mapping_page(self) -> QWidget:
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        self.set_name_edit = QLineEdit()
        self.set_name_edit.setAccessibleName("Area set name")
        self.set_name_edit.setPlaceholderText("e.g. MSOA 2021 or Wards 2023")
        self.set_name_edit.textChanged.connect(self._refresh)
        label = QLabel("Area set &name:")
        label.setBuddy(self.set_name_edit)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.set_name_edit, 0, 1, 1, 2)
        self.fields = FieldMapper([("code", "Area code"), ("name", "Area name")])
        self.fields.changed.connect(self._refresh)
        grid.addWidget(self.fields, 1, 0, 1, 3)
        self.geometry_note = note_label()
        grid.addWidget(self.geometry_note, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.mapping_table = PreviewTable("First rows with the columns used")
        return _splitter(form, _titled_table("First rows of the file:", self.mapping_table))

    def _fill_mapping(self, result: pv.Preview) -> None:
        self.fields.set_columns(result.columns, result.fields)
        where = f" in {result.crs}" if result.crs else ""
        self.geometry_note.setText(
            f"{result.row_count:,} {result.geometry_type or 'geometry'} {result.row_noun}s{where};"
            " reprojected to the project's coordinate system and repaired where invalid."
        )

    def _mapping_problem(self) -> str | None:
        assert self.preview is not None
        if not self.preview.has_geometry:
            return (
                f"{self.preview.path.name} has no geometry: areas come from GeoJSON, "
                "GeoPackage or Shapefile files. Go back and choose another file."
            )
        name = self.set_name_edit.text().strip()
        if not name:
            return "Give the new area set a name (for example 'MSOA 2021')."
        if name in {info.name for info in areas.list_sets(self.session.project)}:
            return f"The project already has an area set called '{name}': choose another name."
        if "code" not in self.fields.mapping():
            return "Choose the column that holds each area's code."
        return None

    def _highlights(self) -> dict[str, str]:
        labels = {"code": "area code", "name": "area name"}
        return {column: labels[key] for key, column in self.fields.mapping().items()}

    def _options(self) -> AreaImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        return AreaImportOptions(
            set_name=self.set_name_edit.text().strip(),
            code_field=mapping.get("code"),
            name_field=mapping.get("name"),
            layer=self.preview.layer,
        )

    def _prepare(self) -> Prepare:
        return prepare_areas

    def _command(self, prepared: Any) -> Command:
        return ImportAreaSet(prepared)

    def _label_column(self) -> tuple[str, str | None]:
        return "Area code", self.fields.mapping().get("code")

    def _explain(self, prepared: Any) -> None:
        if "name" not in self.fields.mapping() and prepared.info.name_field:
            prepared.report.notes.append(
                f"'{prepared.info.name_field}' is used for the area names: assetmap always "
                "uses a name column it recognises"
            )

    def _import_count_text(self) -> str:
        if self.report is None:
            return ""
        return f"{self.report.imported:,} areas"


# ---- assets --------------------------------------------------------------------------------
class ImportAssetsDialog(ImportDialog):
    """Assets from points, sites, coordinates, WKT or postcodes, with their categories."""

    kind = "assets"
    noun = "assets"
    title = "Import assets"
    file_types = (
        "Data files (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.gpkg *.shp *.zip *.gz)"
        f";;{ALL_FILES}"
    )
    intro = (
        "Choose a file of assets: a spreadsheet (CSV or XLSX) with coordinates or postcodes, or "
        "GeoJSON, GeoPackage or Shapefile. Every row is kept: rows that cannot be placed are "
        "imported as unplaced, to be placed by hand."
    )

    # ---- building
    def _build_mapping_page(self) -> QWidget:
        self.cats = categories.all_categories(self.session.project)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("What the columns are")
        self.tabs.addTab(self._build_columns_tab(), "&Columns")
        self.tabs.addTab(self._build_location_tab(), "&Location")
        self.tabs.addTab(self._build_category_tab(), "Ca&tegory")
        self.mapping_table = PreviewTable("First rows with the columns used")
        hint = "First rows of the file (tinted columns are used; the others are kept as fields):"
        splitter = _splitter(self.tabs, _titled_table(hint, self.mapping_table))
        splitter.setSizes([290, 330])
        return splitter

    def _build_columns_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.fields = FieldMapper(list(ASSET_FIELD_LABELS.items()), columns=2)
        self.fields.changed.connect(self._on_fields_changed)
        layout.addWidget(self.fields)
        self.columns_note = note_label()
        layout.addWidget(self.columns_note)
        self.personal_check = QCheckBox(
            "These assets are &personal data (a person's skills): keep them out of exports"
        )
        layout.addWidget(self.personal_check)
        layout.addStretch(1)
        return page

    def _build_location_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.location_group = QButtonGroup(page)
        self.location_radios: dict[str, QRadioButton] = {}
        texts = {
            pv.GEOMETRY: "The file's own &geometry",
            pv.LAT_LON: "L&atitude and longitude columns",
            pv.XY: "&X and Y columns (e.g. eastings, northings)",
            pv.WKT: "&WKT geometry column",
            pv.NO_COORDINATES: "No coordinates: place by &postcode only",
        }
        for row, (source, text) in enumerate(texts.items()):
            radio = QRadioButton(text)
            self.location_group.addButton(radio)
            self.location_radios[source] = radio
            radio.toggled.connect(self._on_location_changed)
            grid.addWidget(radio, row, 0)
        self.coordinate_combos = {
            key: ColumnCombo(f"{label.capitalize()} column")
            for key, label in COORDINATE_LABELS.items()
        }
        for combo in self.coordinate_combos.values():
            combo.currentIndexChanged.connect(self._on_location_changed)
        self.xy_crs_edit = self._crs_edit("Coordinate system of X and Y")
        self.wkt_crs_edit = self._crs_edit("Coordinate system of the WKT")
        self.geometry_note = note_label()
        grid.addWidget(self.geometry_note, 0, 1, 1, 4)
        self._place_pair(grid, 1, "Latitude", "lat", "Longitude", "lon")
        self._place_pair(grid, 2, "X", "x", "Y", "y")
        grid.addWidget(self._labelled("Coordinate system", self.xy_crs_edit), 2, 5)
        grid.addWidget(self._labelled("Column", self.coordinate_combos["wkt"]), 3, 1, 1, 2)
        grid.addWidget(self._labelled("Coordinate system", self.wkt_crs_edit), 3, 5)
        self.detected_note = note_label()
        grid.addWidget(self.detected_note, 5, 0, 1, 6)
        grid.addWidget(self._build_postcode_index(), 6, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(7, 1)
        return page

    def _crs_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText("e.g. EPSG:27700")
        edit.setMaximumWidth(140)
        edit.textChanged.connect(self._on_location_changed)
        return edit

    def _place_pair(
        self, grid: QGridLayout, row: int, first: str, a: str, second: str, b: str
    ) -> None:
        grid.addWidget(self._labelled(first, self.coordinate_combos[a]), row, 1, 1, 2)
        grid.addWidget(self._labelled(second, self.coordinate_combos[b]), row, 3, 1, 2)

    @staticmethod
    def _labelled(text: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text + ":")
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def _build_postcode_index(self) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.postcode_index_edit = QLineEdit(str(settings().value(SETTING_POSTCODE_INDEX, "")))
        self.postcode_index_edit.setAccessibleName("Postcode index file")
        self.postcode_index_edit.setPlaceholderText(
            "optional: OS Code-Point Open zip, or a CSV of postcodes with coordinates"
        )
        browse = QPushButton("Br&owse…")
        browse.setAccessibleName("Browse for a postcode index file")
        browse.clicked.connect(self._browse_postcode_index)
        label = QLabel("Postcode &index:")
        label.setBuddy(self.postcode_index_edit)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.postcode_index_edit, 0, 1)
        layout.addWidget(browse, 0, 2)
        self.postcode_note = note_label()
        layout.addWidget(self.postcode_note, 1, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        return box

    def _build_category_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.category_fixed = QRadioButton("&One category for every asset:")
        self.category_from_column = QRadioButton("Category &from a column:")
        group = QButtonGroup(page)
        group.addButton(self.category_fixed)
        group.addButton(self.category_from_column)
        self.category_fixed.setChecked(True)
        self.category_combo = CategoryCombo(self.cats, "Category of every asset")
        self.category_combo.set_key(UNCATEGORISED)
        self.category_column = ColumnCombo("Column holding each asset's category")
        self.values_table = self._build_values_table()
        self.unknown_new = QRadioButton("make a &new category for each")
        self.unknown_uncategorised = QRadioButton("put them under &Uncategorised")
        unknown_group = QButtonGroup(page)
        unknown_group.addButton(self.unknown_new)
        unknown_group.addButton(self.unknown_uncategorised)
        self.unknown_new.setChecked(True)
        unknown_row = QHBoxLayout()
        unknown_row.addWidget(QLabel("Values that match no category:"))
        unknown_row.addWidget(self.unknown_new)
        unknown_row.addWidget(self.unknown_uncategorised)
        unknown_row.addStretch(1)
        self.values_note = note_label()
        grid.addWidget(self.category_fixed, 0, 0)
        grid.addWidget(self.category_combo, 0, 1)
        grid.addWidget(self.category_from_column, 1, 0)
        grid.addWidget(self.category_column, 1, 1)
        grid.addWidget(self.values_table, 2, 0, 1, 3)
        grid.addLayout(unknown_row, 3, 0, 1, 3)
        grid.addWidget(self.values_note, 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(2, 1)
        for widget in (self.category_fixed, self.category_from_column, self.unknown_new):
            widget.toggled.connect(self._on_category_changed)
        self.category_combo.currentIndexChanged.connect(self._refresh)
        self.category_column.currentIndexChanged.connect(self._fill_values)
        self._on_category_changed()
        return page

    def _build_values_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setAccessibleName("Category of each value")
        table.setHorizontalHeaderLabels(["Value in the file", "Rows", "Category"])
        table.verticalHeader().setDefaultSectionSize(28)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    # ---- filling from the preview
    def _fill_mapping(self, result: pv.Preview) -> None:
        self.fields.set_columns(result.columns, result.fields)
        for combo in self.coordinate_combos.values():
            combo.blockSignals(True)
            combo.set_columns(result.columns)
            combo.blockSignals(False)
        self._fill_location(result)
        self.category_column.blockSignals(True)
        self.category_column.set_columns(result.columns)
        self.category_column.set_column(result.category_column)
        self.category_column.blockSignals(False)
        self.category_from_column.setChecked(result.category_column is not None)
        self.category_fixed.setChecked(result.category_column is None)
        self._fill_values()
        self._update_columns_note()

    def _fill_location(self, result: pv.Preview) -> None:
        guess = result.coordinates
        assert guess is not None
        found = result.coordinate_columns
        for key, combo in self.coordinate_combos.items():
            combo.blockSignals(True)
            combo.set_column(guess.columns.get(key) or found.get(key))
            combo.blockSignals(False)
        self.xy_crs_edit.setText(guess.crs if guess.source == pv.XY and guess.crs else "")
        self.wkt_crs_edit.setText(guess.crs if guess.source == pv.WKT else "EPSG:4326")
        has_geometry = result.has_geometry
        self.location_radios[pv.GEOMETRY].setEnabled(has_geometry)
        self.location_radios[pv.NO_COORDINATES].setEnabled(guess.source == pv.NO_COORDINATES)
        self.location_radios[pv.NO_COORDINATES].setToolTip(
            ""
            if guess.source == pv.NO_COORDINATES
            else "assetmap reads the coordinate columns it recognises; choose other columns"
        )
        self.geometry_note.setText(
            f"{result.geometry_type or ''} in {result.crs or 'an unknown coordinate system'}"
            if has_geometry
            else "this file has no geometry"
        )
        self.location_radios[guess.source].setChecked(True)
        self.detected_note.setText(f"Detected: {guess.description}.")
        self._on_location_changed()

    @Slot()
    def _fill_values(self) -> None:
        """One row per distinct value, preselected by the taxonomy's own matching."""
        self.values_table.setRowCount(0)
        column = self.category_column.column()
        if self.preview is None or column is None:
            self.values_note.setText("")
            self._refresh()
            return
        values = pv.distinct_values(self.preview.frame, column, CATEGORY_VALUES + 1)
        shown = values[:CATEGORY_VALUES]
        self.values_table.setRowCount(len(shown))
        for row, (value, count) in enumerate(shown):
            self._add_value_row(row, value, count)
        more = len(values) - len(shown)
        self.values_note.setText(
            f"Only the {CATEGORY_VALUES} commonest values are listed; the others follow the "
            "rule above."
            if more
            else ""
        )
        self._refresh()

    def _add_value_row(self, row: int, value: str, count: int) -> None:
        self.values_table.setItem(row, 0, QTableWidgetItem(value))
        count_item = QTableWidgetItem(f"{count:,}")
        count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.values_table.setItem(row, 1, count_item)
        combo = CategoryCombo(self.cats, f"Category for '{value}'", rule=self._unknown_text(value))
        match = categories.resolve(self.session.project, value)
        combo.set_key(match.key if match else None)
        combo.currentIndexChanged.connect(self._refresh)
        self.values_table.setCellWidget(row, 2, combo)

    def _unknown_rule(self) -> str:
        return UNKNOWN_NEW if self.unknown_new.isChecked() else UNKNOWN_UNCATEGORISED

    def _unknown_text(self, value: str) -> str:
        return f"New category “{value}”" if self.unknown_new.isChecked() else "Uncategorised"

    # ---- reacting
    @Slot()
    def _on_fields_changed(self) -> None:
        self._update_columns_note()
        self._refresh()

    @Slot()
    def _on_location_changed(self) -> None:
        source = self._location_source()
        enabled = {
            "lat": source == pv.LAT_LON,
            "lon": source == pv.LAT_LON,
            "x": source == pv.XY,
            "y": source == pv.XY,
            "wkt": source == pv.WKT,
        }
        for key, combo in self.coordinate_combos.items():
            combo.setEnabled(enabled[key])
        self.xy_crs_edit.setEnabled(source == pv.XY)
        self.wkt_crs_edit.setEnabled(source == pv.WKT)
        self._update_postcode_note()
        self._refresh()

    @Slot()
    def _on_category_changed(self) -> None:
        from_column = self.category_from_column.isChecked()
        self.category_combo.setEnabled(not from_column)
        for widget in (
            self.category_column,
            self.values_table,
            self.unknown_new,
            self.unknown_uncategorised,
        ):
            widget.setEnabled(from_column)
        for row in range(self.values_table.rowCount()):
            combo, item = self.values_table.cellWidget(row, 2), self.values_table.item(row, 0)
            if isinstance(combo, CategoryCombo) and item is not None:
                combo.setItemText(0, self._unknown_text(item.text()))
        self._refresh()

    @Slot()
    def _browse_postcode_index(self) -> None:
        start = self.postcode_index_edit.text().strip() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a postcode index",
            start,
            f"Postcode files (*.zip *.csv *.xlsx *.gz);;{ALL_FILES}",
        )
        if chosen:
            self.postcode_index_edit.setText(chosen)

    def _update_columns_note(self) -> None:
        if self.preview is None:
            return
        mapping = self.fields.mapping()
        notes = []
        if "address" not in mapping and self.preview.address_parts:
            notes.append("Address is built from " + ", ".join(self.preview.address_parts) + ".")
        if "opening_hours" not in mapping and self.preview.opening_days:
            notes.append(f"Opening hours come from {len(self.preview.opening_days)} day columns.")
        notes.append(
            "Columns not used here are kept with each asset as extra fields; nothing is lost."
        )
        self.columns_note.setText(" ".join(notes))
        self._update_postcode_note()

    def _update_postcode_note(self) -> None:
        postcode = self.fields.mapping().get("postcode")
        if postcode is None:
            text = "No postcode column is chosen, so rows without coordinates stay unplaced."
        else:
            text = (
                f"Rows without coordinates are placed by their postcode ('{postcode}'), from this "
                "file or, without one, from the postcodes the project already holds."
            )
        self.postcode_note.setText(text)

    # ---- what the user chose
    def _location_source(self) -> str:
        for source, radio in self.location_radios.items():
            if radio.isChecked():
                return source
        return pv.NO_COORDINATES

    def _coordinate_fields(self) -> dict[str, str]:
        keys = {pv.LAT_LON: ("lat", "lon"), pv.XY: ("x", "y"), pv.WKT: ("wkt",)}
        chosen = {
            k: self.coordinate_combos[k].column() for k in keys.get(self._location_source(), ())
        }
        return {k: v for k, v in chosen.items() if v}

    def _crs_text(self) -> str | None:
        """A CRS only when the user's differs from what the importer would guess itself."""
        assert self.preview is not None and self.preview.coordinates is not None
        source, guess = self._location_source(), self.preview.coordinates
        if source == pv.XY:
            text = self.xy_crs_edit.text().strip()
            same = guess.source == pv.XY and guess.columns == self._coordinate_fields()
            return None if not text or (same and text.upper() == (guess.crs or "")) else text
        if source == pv.WKT:
            text = self.wkt_crs_edit.text().strip()
            return None if not text or text.upper() == "EPSG:4326" else text
        return None

    def _category_map(self) -> dict[str, str]:
        mapping = {}
        for row in range(self.values_table.rowCount()):
            combo = self.values_table.cellWidget(row, 2)
            item = self.values_table.item(row, 0)
            if isinstance(combo, CategoryCombo) and item is not None and combo.key():
                mapping[item.text()] = str(combo.key())
        return mapping

    def _options(self) -> AssetImportOptions:
        assert self.preview is not None
        mapping = self.fields.mapping()
        coords = self._coordinate_fields()
        from_column = self.category_from_column.isChecked()
        index = self.postcode_index_edit.text().strip()
        return AssetImportOptions(
            category=None if from_column else self.category_combo.key(),
            category_field=self.category_column.column() if from_column else None,
            category_map=self._category_map() if from_column else {},
            unknown_categories=self._unknown_rule(),
            name_field=mapping.get("name"),
            postcode_field=mapping.get("postcode"),
            field_map={k: v for k, v in mapping.items() if k not in ("name", "postcode")},
            lat_field=coords.get("lat"),
            lon_field=coords.get("lon"),
            x_field=coords.get("x"),
            y_field=coords.get("y"),
            wkt_field=coords.get("wkt"),
            crs=self._crs_text(),
            postcode_index=index or None,
            layer=self.preview.layer,
            personal_data=self.personal_check.isChecked(),
        )

    def _mapping_problem(self) -> str | None:
        mapping = self.fields.mapping()
        if "name" not in mapping:
            return "Choose the column that holds each asset's name (Columns tab)."
        problem = self._location_problem()
        if problem:
            return problem
        if self.category_from_column.isChecked() and self.category_column.column() is None:
            return "Choose the column that holds each asset's category (Category tab)."
        index = self.postcode_index_edit.text().strip()
        if index and not Path(index).expanduser().is_file():
            return f"The postcode index file {index} does not exist (Location tab)."
        return None

    def _location_problem(self) -> str | None:
        source = self._location_source()
        needed = {pv.LAT_LON: 2, pv.XY: 2, pv.WKT: 1}.get(source, 0)
        if len(self._coordinate_fields()) < needed:
            return "Choose the coordinate columns, or another way to place assets (Location tab)."
        if source == pv.XY and not self.xy_crs_edit.text().strip():
            return (
                "Type the coordinate system of the X and Y columns, e.g. EPSG:27700 for British "
                "National Grid (Location tab)."
            )
        crs = self._crs_text()
        if crs is not None:
            try:
                CRS.from_user_input(crs)
            except CRSError:
                return f"'{crs}' is not a coordinate system assetmap knows; try EPSG:27700."
        return None

    def _refresh(self) -> None:
        super()._refresh()
        if self._built and self.preview is not None:
            self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        """Each tab says what it holds, so the choices are visible without opening it."""
        mapped = len(self.fields.mapping())
        self.tabs.setTabText(0, f"&Columns ({mapped} of {len(ASSET_FIELD_LABELS)} used)")
        self.tabs.setTabText(1, f"&Location: {LOCATION_WORDS[self._location_source()]}")
        if self.category_from_column.isChecked():
            column = self.category_column.column()
            category = f"from '{column}'" if column else "from a column"
        else:
            category = self.category_combo.currentText() or "none"
        self.tabs.setTabText(2, f"Ca&tegory: {category}")

    def _highlights(self) -> dict[str, str]:
        used: dict[str, str] = {}
        for key, column in self.fields.mapping().items():
            used.setdefault(column, ASSET_FIELD_LABELS[key].lower())
        for key, column in self._coordinate_fields().items():
            used.setdefault(column, COORDINATE_LABELS[key])
        if self.category_from_column.isChecked() and self.category_column.column():
            used.setdefault(str(self.category_column.column()), "category")
        if self.preview is not None and "address" not in self.fields.mapping():
            for column in self.preview.address_parts:
                used.setdefault(column, "address part")
        return used

    def _prepare(self) -> Prepare:
        return prepare_assets

    def _command(self, prepared: Any) -> Command:
        return ImportAssets(prepared)

    def _label_column(self) -> tuple[str, str | None]:
        return "Name", self.fields.mapping().get("name")

    def _explain(self, prepared: PreparedAssets) -> None:
        """The importer still uses a column it recognises that the user set to none: say so."""
        chosen = self.fields.mapping()
        for key in ASSET_FIELD_LABELS:
            used = prepared.mapping.get(key)
            if used and key not in chosen:
                prepared.report.notes.append(
                    f"'{used}' is still used for {ASSET_FIELD_LABELS[key].lower()}: assetmap "
                    "always uses a column it recognises"
                )

    def _after_commit(self) -> None:
        """Offer the same postcode index next time: it is usually the same Code-Point file."""
        index = self.postcode_index_edit.text().strip()
        if index:
            settings().setValue(SETTING_POSTCODE_INDEX, index)


# ---- indicators ---------------------------------------------------------------------------
class ImportIndicatorsDialog(ImportDialog):
    """Population, deprivation and other figures joined to an area set by area code."""

    kind = "indicators"
    noun = "areas"
    title = "Import indicators"
    file_types = f"{TABLE_FILES};;{ALL_FILES}"
    intro = (
        "Choose a table of figures per area (population, deprivation, ...): CSV or XLSX with one "
        "column holding the area codes. The columns you choose are added to an area set."
    )

    # ---- building
    def _build_mapping_page(self) -> QWidget:
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_key_form())
        layout.addWidget(self._build_filter_row())
        layout.addWidget(self._build_columns_box(), 1)
        self.mapping_table = PreviewTable("First rows with the columns used")
        splitter = _splitter(top, _titled_table("First rows of the file:", self.mapping_table))
        splitter.setSizes([360, 220])
        return splitter

    def _build_key_form(self) -> QGridLayout:
        grid = QGridLayout()
        self.set_combo = QComboBox()
        self.set_combo.setAccessibleName("Area set to add the columns to")
        for info in areas.list_sets(self.session.project):
            self.set_combo.addItem(info.name, info.name)
        self.set_combo.currentIndexChanged.connect(self._on_set_changed)
        label = QLabel("&Area set:")
        label.setBuddy(self.set_combo)
        self.key = FieldMapper([("key", "Area code column")])
        self.key.changed.connect(self._on_key_changed)
        self.match_note = note_label()
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.set_combo, 0, 1)
        grid.addWidget(self.key, 1, 0, 1, 2)
        grid.addWidget(self.match_note, 1, 2)
        grid.setColumnStretch(2, 1)
        return grid

    def _build_filter_row(self) -> QWidget:
        self.filter_box = QWidget()
        row = QHBoxLayout(self.filter_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_check = QCheckBox()
        self.filter_check.setAccessibleName("Use only some rows")
        self.filter_field = ColumnCombo("Column to filter rows by")
        self.filter_value = QComboBox()
        self.filter_value.setAccessibleName("Value of the rows to use")
        self.filter_value.setMinimumContentsLength(10)
        row.addWidget(self.filter_check)
        row.addWidget(self.filter_field)
        row.addWidget(QLabel("="))
        row.addWidget(self.filter_value)
        row.addStretch(1)
        self.filter_check.toggled.connect(self._refresh)
        self.filter_field.currentIndexChanged.connect(self._fill_filter_values)
        self.filter_value.currentIndexChanged.connect(self._refresh)
        self.filter_box.hide()
        return self.filter_box

    def _build_columns_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Columns to join (double-click under 'Store as' to rename):"))
        buttons.addStretch(1)
        for text, how in (("All", "all"), ("Numbers only", "numbers"), ("None", "none")):
            button = QPushButton(text)
            button.setAccessibleName(f"Select {text.lower()} columns")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, how=how: self._select_columns(how))
            buttons.addWidget(button)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setAccessibleName("Columns to join")
        self.columns_table.setHorizontalHeaderLabels(["Column", "Store as", "Holds"])
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.verticalHeader().setDefaultSectionSize(24)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.columns_table.itemChanged.connect(self._refresh)
        layout.addLayout(buttons)
        layout.addWidget(self.columns_table, 1)
        return box

    # ---- filling
    def _area_codes(self) -> set[str] | None:
        name = self.set_combo.currentData()
        return pv.area_codes(self.session.project, name) if name else None

    def _fill_mapping(self, result: pv.Preview) -> None:
        self.key.set_columns(result.columns, result.fields)
        self._on_key_changed()

    @Slot()
    def _on_set_changed(self) -> None:
        """Re-guess the key against the new set unless the user chose it."""
        if self.preview is None:
            return
        codes = self._area_codes() or set()
        self.preview.key_shares = pv.key_match_shares(self.preview.frame, codes)
        best = pv.best_key(self.preview.key_shares)
        if best and (self.key.is_guessed("key") or not self.key.mapping()):
            self.preview.fields = {"key": best}
            self.key.set_columns(self.preview.columns, self.preview.fields)
            self._on_key_changed()
        else:
            self._update_match_note()
            self._refresh()

    @Slot()
    def _on_key_changed(self) -> None:
        self._update_match_note()
        self._fill_filter()
        self._fill_columns()
        self._refresh()

    def _update_match_note(self) -> None:
        key = self.key.mapping().get("key")
        if self.preview is None or key is None:
            self.match_note.setText("")
            return
        share = self.preview.key_shares.get(key)
        if share is None:
            codes = self._area_codes() or set()
            share = pv.key_match_shares(self.preview.frame[[key]], codes).get(key, 0.0)
        self.match_note.setText(f"{share:.0%} of its values are codes of the area set.")

    def _fill_filter(self) -> None:
        key = self.key.mapping().get("key")
        repeats = pv.rows_per_key(self.preview.frame, key) if self.preview and key else 0
        self.filter_box.setVisible(repeats > 1)
        if repeats <= 1 or self.preview is None or key is None:
            self.filter_check.setChecked(False)
            return
        suggestion = pv.suggest_row_filter(self.preview.frame, key)
        self.filter_check.setText(f"This file has {repeats} rows per area — use only rows where")
        self.filter_field.blockSignals(True)
        self.filter_field.set_columns([c for c in self.preview.columns if c != key], False)
        self.filter_field.set_column(suggestion.field if suggestion else None)
        self.filter_field.blockSignals(False)
        self._fill_filter_values(suggestion.value if suggestion else None)
        self.filter_check.setChecked(suggestion is not None)

    @Slot()
    def _fill_filter_values(self, preferred: object = None) -> None:
        field = self.filter_field.column()
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        if self.preview is not None and field is not None:
            for value, _count in pv.distinct_values(self.preview.frame, field, 200):
                self.filter_value.addItem(value)
        if isinstance(preferred, str):
            self.filter_value.setCurrentText(preferred)
        self.filter_value.blockSignals(False)
        self._refresh()

    def _fill_columns(self) -> None:
        """Every column but the key; numbers ticked (text columns rarely belong on a map)."""
        self.columns_table.blockSignals(True)
        self.columns_table.setRowCount(0)
        key = self.key.mapping().get("key")
        if self.preview is not None:
            numeric = set(self.preview.numeric_columns)
            columns = [c for c in self.preview.columns if c != key]
            self.columns_table.setRowCount(len(columns))
            for row, column in enumerate(columns):
                self._add_column_row(row, column, column in numeric)
        self.columns_table.blockSignals(False)

    def _add_column_row(self, row: int, column: str, numeric: bool) -> None:
        source = QTableWidgetItem(column)
        source.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        source.setCheckState(Qt.CheckState.Checked if numeric else Qt.CheckState.Unchecked)
        target = QTableWidgetItem(column)
        target.setToolTip("the column's name in the project; double-click to change it")
        holds = QTableWidgetItem("numbers" if numeric else "text")
        holds.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.columns_table.setItem(row, 0, source)
        self.columns_table.setItem(row, 1, target)
        self.columns_table.setItem(row, 2, holds)

    def _select_columns(self, how: str) -> None:
        self.columns_table.blockSignals(True)
        for row in range(self.columns_table.rowCount()):
            numeric = self.columns_table.item(row, 2).text() == "numbers"
            on = how == "all" or (how == "numbers" and numeric)
            self.columns_table.item(row, 0).setCheckState(
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            )
        self.columns_table.blockSignals(False)
        self._refresh()

    # ---- public helpers (keyboard users and tests)
    def set_column_choice(self, column: str, checked: bool, store_as: str | None = None) -> None:
        for row in range(self.columns_table.rowCount()):
            if self.columns_table.item(row, 0).text() == column:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.columns_table.item(row, 0).setCheckState(state)
                if store_as is not None:
                    self.columns_table.item(row, 1).setText(store_as)
                return
        raise KeyError(column)

    def chosen_columns(self) -> list[tuple[str, str]]:
        chosen = []
        for row in range(self.columns_table.rowCount()):
            source, target = self.columns_table.item(row, 0), self.columns_table.item(row, 1)
            if source.checkState() == Qt.CheckState.Checked:
                chosen.append((source.text(), target.text().strip()))
        return chosen

    def row_filter(self) -> str | None:
        field = self.filter_field.column()
        if not self.filter_check.isChecked() or field is None:
            return None
        return f"{field}={self.filter_value.currentText()}"

    # ---- the import
    def _mapping_problem(self) -> str | None:
        if self.set_combo.count() == 0:
            return "This project has no area sets yet: import areas (boundaries) first."
        if "key" not in self.key.mapping():
            return "Choose the column that holds the area codes."
        chosen = self.chosen_columns()
        if not chosen:
            return "Tick at least one column to join."
        unnamed = [source for source, target in chosen if not target]
        if unnamed:
            return f"Give column '{unnamed[0]}' a name to store it as."
        return None

    def _refresh(self) -> None:
        super()._refresh()
        if self._built and self.preview is not None:
            self._dim_filtered_rows()

    def _dim_filtered_rows(self) -> None:
        assert self.preview is not None
        where = self.row_filter()
        skipped: set[int] = set()
        if where:
            field, _, value = where.partition("=")
            c = self.preview.columns.index(field)
            skipped = {r for r, row in enumerate(self.preview.rows) if row[c].strip() != value}
        self.mapping_table.dim_rows(skipped, f"not used: only rows where {where} are")

    def _highlights(self) -> dict[str, str]:
        used: dict[str, str] = {}
        key = self.key.mapping().get("key")
        if key:
            used[key] = "area code"
        filter_text = self.row_filter()
        if filter_text:
            field, _, value = filter_text.partition("=")
            used[field] = f"only '{value}'"
        for source, target in self.chosen_columns():
            used.setdefault(source, f"'{target}'" if target != source else "joined")
        return used

    def _options(self) -> IndicatorOptions:
        assert self.preview is not None
        where = self.row_filter()
        return IndicatorOptions(
            area_set=str(self.set_combo.currentData()),
            key_field=str(self.key.mapping()["key"]),
            fields=[s if s == t else f"{s}:{t}" for s, t in self.chosen_columns()],
            where=[where] if where else None,
            layer=self.preview.layer,
        )

    def _label_column(self) -> tuple[str, str | None]:
        return "Area code", self.key.mapping().get("key")

    def _prepare(self) -> Prepare:
        return prepare_indicators

    def _command(self, prepared: Any) -> Command:
        return JoinIndicators(prepared)

    def _import_count_text(self) -> str:
        if self.prepared is None:
            return ""
        columns = len(self.prepared.values.columns)
        return f"{columns} column{'s' if columns != 1 else ''} for {self.prepared.matched:,} areas"


__all__ = [
    "ImportAreasDialog",
    "ImportAssetsDialog",
    "ImportDialog",
    "ImportIndicatorsDialog",
    "write_report_csv",
]
