"""The last step of an import: progress while checking, then the report, or why nothing can
be imported, beside a summary of the choices the user made on the steps before.

The report is the user's one chance to see what an import will change before anything is
written, so it names each row (``RowLabel``) rather than leaving them to look up row numbers,
and the summary shows every choice at once, so one never seen (the category) stands out.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.io.report import ImportReport, RowIssue
from assetmap.qt.dialogs.imports.counting import row_title
from assetmap.qt.dialogs.imports.style import ERROR_STYLE, note_label
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

REPORT_ROWS = 200
SUMMARY_WIDTH = 330
SUMMARY_STYLE = (
    "QFrame#summary { background: #F6F8FA; border: 1px solid #D0D7DE; border-radius: 4px; }"
)

RowLabel = Callable[[int | None], str]
SummaryRow = tuple[str, str]  # (what, the choice), both plain text


def listed(names: Sequence[str], limit: int = 12) -> str:
    """'a, b, c and 40 more': a summary line stays a line or two however wide the file."""
    shown = ", ".join(names[:limit])
    more = len(names) - limit
    if more <= 0:
        return shown
    return translate("ImportDialog", "{names} and {n} more").format(names=shown, n=more)


def no_label(row: int | None) -> str:
    """The labeller for imports whose rows have nothing to name them by."""
    return ""


# The report's tabs: each a list of rows on the report; the last two only on importing again.
OUTCOME_TABS = {
    "rejected": QT_TRANSLATE_NOOP("ImportDialog", "Rejected"),
    "unplaced": QT_TRANSLATE_NOOP("ImportDialog", "Unplaced"),
    "repaired": QT_TRANSLATE_NOOP("ImportDialog", "Repaired"),
    "changed_rows": QT_TRANSLATE_NOOP("ImportDialog", "Updated"),
    "missing": QT_TRANSLATE_NOOP("ImportDialog", "No longer in the file"),
}


def describe_report(report: ImportReport, count_text: str) -> tuple[str, str]:
    """The report's heading and the sentence under it, before and after the import."""
    if report.reimport:
        return _describe_reimport(report)
    if report.committed:
        heading = translate("ImportDialog", "Imported {count} from {file}")
        explanation = translate("ImportDialog", "Edit › Undo takes the import out again.")
    else:
        heading = translate("ImportDialog", "Ready to import {count} from {file}")
        explanation = translate(
            "ImportDialog",
            "Nothing has been written yet. Check the rows below, then press Import; "
            "go Back to change the columns.",
        )
    return heading.format(count=count_text, file=report.file), explanation + _placing(report)


def _placing(report: ImportReport) -> str:
    """What happens to rows outside the areas or with no place, said after the explanation."""
    text = ""
    if report.out_of_area:
        text += " " + translate(
            "ImportDialog",
            "{n} of them lie outside the project's areas: they are kept and flagged 'out of area'.",
        ).format(n=f"{report.out_of_area:,}")
    if report.unplaced:
        text += " " + translate(
            "ImportDialog", "Unplaced rows are kept, to be placed by hand later."
        )
    return text


def _describe_reimport(report: ImportReport) -> tuple[str, str]:
    """Importing a file again: matched, updated and kept, never deleted."""
    if report.committed:
        heading = translate("ImportDialog", "Imported {file} again")
        explanation = translate(
            "ImportDialog",
            "Matched to the assets an earlier import made by {key}: {summary}. Assets no "
            "longer in the file are listed and kept; nothing was deleted. Edit › Undo takes "
            "the import out again.",
        )
    else:
        heading = translate("ImportDialog", "Ready to import {file} again")
        explanation = translate(
            "ImportDialog",
            "Matched to the assets an earlier import made by {key}: {summary}. Assets no "
            "longer in the file are listed and kept; nothing is deleted. Nothing has been "
            "written yet. Check the rows below, then press Import again; go Back to change "
            "the columns.",
        )
    explanation = explanation.format(key=report.match_key, summary=report.reimport_summary())
    return heading.format(file=report.file), explanation + _placing(report)


def _heading_label() -> QLabel:
    """Bold and a size up: the one line the user reads first."""
    label = QLabel()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


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
        self._summary_rows: list[SummaryRow] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_summary())
        layout.addWidget(self.stack, 1)

    # ---- building
    def _build_summary(self) -> QWidget:
        box = QFrame()
        box.setObjectName("summary")
        box.setStyleSheet(SUMMARY_STYLE)
        box.setFixedWidth(SUMMARY_WIDTH)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 8)
        title = QLabel("<b>{}</b>".format(translate("ImportDialog", "Your choices")))
        self.summary = QLabel()
        self.summary.setAccessibleName(translate("ImportDialog", "Your choices"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.summary)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        return box

    def _build_report(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = _heading_label()
        self.heading.setAccessibleName(translate("ImportDialog", "Report summary"))
        self.explanation = note_label()
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(self._build_counts())
        layout.addWidget(self._build_tabs(), 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("ImportDialog", "&Save report…"))
        self.save_button.setAccessibleName(translate("ImportDialog", "Save the full report as CSV"))
        self.save_button.clicked.connect(self.save_requested)
        row.addWidget(
            note_label(
                translate(
                    "ImportDialog", "The report lists every row that was changed or left out."
                )
            ),
            1,
        )
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
            label.setAccessibleName(translate("ImportDialog", _COUNT_NAMES[outcome]))
            self.counts[outcome] = label
            row.addWidget(label)
        row.addStretch(1)
        return row

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("ImportDialog", "Report details"))
        self.tables: dict[str, QTableWidget] = {}
        for outcome in OUTCOME_TABS:
            table = self._issue_table(outcome)
            self.tables[outcome] = table
            self.tabs.addTab(table, translate("ImportDialog", OUTCOME_TABS[outcome]))
        self.notes = QListWidget()
        self.notes.setAccessibleName(translate("ImportDialog", "Notes"))
        self.notes.setWordWrap(True)
        self._row_label: RowLabel = no_label
        self.tabs.addTab(self.notes, translate("ImportDialog", "Notes"))
        return self.tabs

    def _issue_table(self, outcome: str) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setAccessibleName(
            translate("ImportDialog", "{outcome} rows").format(
                outcome=translate("ImportDialog", OUTCOME_TABS[outcome])
            )
        )
        table.setHorizontalHeaderLabels(_issue_headings(row_title("row"), ""))
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
        self.problem_heading = _heading_label()
        self.problem_text = QLabel()
        self.problem_text.setWordWrap(True)
        self.problem_text.setStyleSheet(ERROR_STYLE)
        self.problem_text.setAccessibleName(
            translate("ImportDialog", "Why the import cannot go ahead")
        )
        self.problem_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = QPushButton(translate("ImportDialog", "Go &back to the columns"))
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addWidget(self.problem_heading)
        layout.addWidget(self.problem_text)
        layout.addWidget(
            note_label(translate("ImportDialog", "Nothing was written to the project."))
        )
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # ---- showing
    def show_summary(self, rows: Sequence[SummaryRow]) -> None:
        """Each choice on its own line, its name in grey above it: narrow, so it wraps well."""
        self._summary_rows = list(rows)
        parts = [
            f"<div style='color:#57606A; margin-top:6px'>{html.escape(what)}</div>"
            f"<div>{html.escape(choice)}</div>"
            for what, choice in self._summary_rows
        ]
        self.summary.setText("".join(parts))

    def summary_text(self) -> str:
        """The summary as plain lines, "what: choice" (for tests and the accessible text)."""
        return "\n".join(f"{what}: {choice}" for what, choice in self._summary_rows)

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
        self._row_label = row_label or no_label
        self.heading.setText(heading)
        self.explanation.setText(explanation)
        self._set_counts(report)
        for outcome, table in self.tables.items():
            issues = getattr(report, outcome)
            # Rows no longer in the file are numbered as in the earlier file and carry
            # their own name: no look-up in this file.
            label = no_label if outcome == "missing" else self._row_label
            self._fill_issues(table, issues, label)
            index = self.tabs.indexOf(table)
            tab = translate("ImportDialog", OUTCOME_TABS[outcome])
            self.tabs.setTabText(index, f"{tab} ({len(issues):,})")
            self.tabs.setTabVisible(
                index, outcome in ("rejected", "unplaced", "repaired") or bool(issues)
            )
        self.notes.clear()
        self.notes.addItems(report.notes)
        notes = translate("ImportDialog", "Notes")
        self.tabs.setTabText(self.tabs.indexOf(self.notes), f"{notes} ({len(report.notes)})")
        self.tabs.setCurrentIndex(self._first_tab_with_content(report))
        self.stack.setCurrentIndex(1)

    def _set_counts(self, report: ImportReport) -> None:
        values = {
            "imported": report.imported,
            "repaired": len(report.repaired),
            "unplaced": len(report.unplaced),
            "rejected": len(report.rejected),
        }
        words = {
            "imported": translate("ImportDialog", "imported")
            if report.committed
            else translate("ImportDialog", "to import"),
            "repaired": translate("ImportDialog", "repaired"),
            "unplaced": translate("ImportDialog", "unplaced"),
            "rejected": translate("ImportDialog", "rejected"),
        }
        if report.reimport:  # the others are updated, unchanged or gone: see the tabs
            values["imported"] = report.added
            words["imported"] = (
                translate("ImportDialog", "added")
                if report.committed
                else translate("ImportDialog", "to add")
            )
        for outcome, label in self.counts.items():
            count = values[outcome]
            word = words[outcome]
            label.setText(
                f"<span style='font-size:15pt;font-weight:600'>{count:,}</span><br>{word}"
            )
            label.setAccessibleDescription(f"{count} {word}")

    def _fill_issues(self, table: QTableWidget, issues: list[RowIssue], label: RowLabel) -> None:
        shown = issues[:REPORT_ROWS]
        extra = len(issues) - len(shown)
        table.setRowCount(len(shown) + (1 if extra else 0))
        noun = row_title(shown[0].row_noun if shown else "row")
        table.setHorizontalHeaderLabels(_issue_headings(noun, label(None)))
        for r, issue in enumerate(shown):
            row = "" if issue.row is None else str(issue.row)
            name = issue.label if issue.label is not None else label(issue.row)
            cells = (row, name, issue.field or "", issue.message)
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        if extra:
            more = QTableWidgetItem(
                translate("ImportDialog", "… and {n} more: Save report… writes them all").format(
                    n=f"{extra:,}"
                )
            )
            table.setItem(len(shown), 3, more)

    def _first_tab_with_content(self, report: ImportReport) -> int:
        for outcome in ("rejected", "unplaced", "missing", "changed_rows", "repaired"):
            if getattr(report, outcome):
                return self.tabs.indexOf(self.tables[outcome])
        return self.tabs.indexOf(self.notes)


_COUNT_NAMES = {
    "imported": QT_TRANSLATE_NOOP("ImportDialog", "imported count"),
    "repaired": QT_TRANSLATE_NOOP("ImportDialog", "repaired count"),
    "unplaced": QT_TRANSLATE_NOOP("ImportDialog", "unplaced count"),
    "rejected": QT_TRANSLATE_NOOP("ImportDialog", "rejected count"),
}


def _issue_headings(row: str, name: str) -> list[str]:
    """The report tables' headings: the row's noun, what names it, the field, what happened."""
    return [
        row,
        name or translate("ImportDialog", "Name"),
        translate("ImportDialog", "Field"),
        translate("ImportDialog", "What happened"),
    ]
