"""Analysis ▸ Outcomes: the agreed outcomes, how many areas and people meet each now, the
change since each earlier run (a small chart), and the failing areas, most need first.

Evaluating may run the analysis (when no current run answers an outcome), so it runs through
``BackgroundJob`` on its own connection, with progress and Cancel; adding, editing and
removing are commands on the window's stack, so Edit ▸ Undo takes them back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import categories
from assetmap.core.commands.outcomes import AddOutcome, EditOutcome, RemoveOutcome
from assetmap.core.outcomes import history, store
from assetmap.core.outcomes.current import OutcomeStatus, all_statuses
from assetmap.core.outcomes.model import Outcome, percent
from assetmap.core.outcomes.table import change_words
from assetmap.core.project import Project
from assetmap.qt.dialogs.outcome_chart import OutcomeChart
from assetmap.qt.dialogs.outcome_form import FOR_WORDS, OutcomeForm
from assetmap.qt.errors import attempt, show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

COLUMNS = (
    QT_TRANSLATE_NOOP("Outcomes", "Outcome"),
    QT_TRANSLATE_NOOP("Outcomes", "For"),
    QT_TRANSLATE_NOOP("Outcomes", "Areas meeting it"),
    QT_TRANSLATE_NOOP("Outcomes", "People meeting it"),
    QT_TRANSLATE_NOOP("Outcomes", "Since last run"),
    QT_TRANSLATE_NOOP("Outcomes", "Target date"),
)
FAILING_COLUMNS = (
    QT_TRANSLATE_NOOP("Outcomes", "Area"),
    QT_TRANSLATE_NOOP("Outcomes", "Code"),
    QT_TRANSLATE_NOOP("Outcomes", "Need"),
    QT_TRANSLATE_NOOP("Outcomes", "Coverage"),
    QT_TRANSLATE_NOOP("Outcomes", "Nearest (m)"),
)
WORDS = {
    "window": QT_TRANSLATE_NOOP("Outcomes", "Outcomes"),
    "intro": QT_TRANSLATE_NOOP(
        "Outcomes", "Outcomes your partnership agreed, checked against the gap analysis."
    ),
    "add": QT_TRANSLATE_NOOP("Outcomes", "&Add…"),
    "edit": QT_TRANSLATE_NOOP("Outcomes", "&Edit…"),
    "remove": QT_TRANSLATE_NOOP("Outcomes", "&Remove"),
    "evaluate": QT_TRANSLATE_NOOP("Outcomes", "E&valuate now"),
    "cancel": QT_TRANSLATE_NOOP("Outcomes", "Cancel"),
    "failing": QT_TRANSLATE_NOOP("Outcomes", "Areas failing it, most need first"),
    "not_yet": QT_TRANSLATE_NOOP("Outcomes", "not evaluated yet"),
    "problem": QT_TRANSLATE_NOOP("Outcomes", "could not be evaluated: {}"),
    "failed": QT_TRANSLATE_NOOP("Outcomes", "Outcomes could not be evaluated"),
    "evaluating": QT_TRANSLATE_NOOP("Outcomes", "Evaluating the outcomes…"),
    "cancelled": QT_TRANSLATE_NOOP(
        "Outcomes", "Stopped; the outcomes evaluated before Cancel are kept."
    ),
    "none": QT_TRANSLATE_NOOP(
        "Outcomes",
        "No outcomes yet: Add one, e.g. “Every neighbourhood within 800 m of a food bank”.",
    ),
}


def _words(key: str) -> str:
    return translate("Outcomes", WORDS[key])


def _headings(columns: tuple[str, ...]) -> list[str]:
    return [translate("Outcomes", c) for c in columns]


class OutcomesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.statuses: dict[str, OutcomeStatus] = {}
        self.setWindowTitle(_words("window"))
        self.resize(900, 560)
        self._build()
        self.job = BackgroundJob(self, progress=self.progress, cancel_button=self.cancel_button,
                                 say=self.message.setText)  # fmt: skip
        self.job.busyChanged.connect(self._set_busy)
        session.historyChanged.connect(self.refresh)
        self.refresh()

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(_headings(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(self.edit)
        self.chart = OutcomeChart()
        self.failing = QTableWidget(0, len(FAILING_COLUMNS))
        self.failing.setHorizontalHeaderLabels(_headings(FAILING_COLUMNS))
        self.failing.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failing.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.add_button = QPushButton(_words("add"))
        self.edit_button = QPushButton(_words("edit"))
        self.remove_button = QPushButton(_words("remove"))
        self.evaluate_button = QPushButton(_words("evaluate"))
        self.cancel_button = QPushButton(_words("cancel"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.progress = QProgressBar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.evaluate_button)
        lower = QWidget()
        below = QHBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.chart, 2)
        failing = QVBoxLayout()
        failing.addWidget(QLabel(_words("failing")))
        failing.addWidget(self.failing)
        below.addLayout(failing, 3)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        status = QHBoxLayout()
        status.addWidget(self.message, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_words("intro")))
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addLayout(status)
        layout.addWidget(close)

    # ---------------------------------------------------------------- showing
    @property
    def project(self) -> Project:
        return self.session.project

    def outcomes(self) -> list[Outcome]:
        return store.all_outcomes(self.project)

    def refresh(self) -> None:
        """Fill the table from the project: the latest evaluation kept for each outcome."""
        chosen = self.selected()
        known = self.outcomes()
        labels = {c.key: c.label for c in categories.all_categories(self.project)}
        self.table.setRowCount(len(known))
        for row, outcome in enumerate(known):
            for column, text in enumerate(self._cells(outcome, labels)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, outcome.uuid)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if not known:
            self.message.setText(_words("none"))
        uuids = [o.uuid for o in known]
        target = chosen.uuid if chosen is not None and chosen.uuid in uuids else None
        if uuids:
            self.table.selectRow(uuids.index(target) if target else 0)
        self._show_selected()

    def _cells(self, outcome: Outcome, labels: dict[str, str]) -> list[str]:
        status = self.statuses.get(outcome.uuid)
        past = history.history(self.project, outcome.uuid)
        now = status.now if status is not None else (past[-1] if past else None)
        what = f"{labels.get(outcome.target, outcome.target)} within {outcome.distance_m:g} m"
        cells = [outcome.title, what + _for_words(outcome)]
        if status is not None and status.problem:
            return [
                *cells,
                _words("problem").format(status.problem),
                "",
                "",
                outcome.target_date or "",
            ]
        if now is None:
            return [*cells, _words("not_yet"), "", "", outcome.target_date or ""]
        people = ""
        if now.people is not None and now.people_meeting is not None:
            people = f"{now.people_meeting:,.0f} of {now.people:,.0f}"
        change = change_words(status) if status is not None else _change(past)
        areas = f"{now.areas_meeting} of {now.areas}"
        return [*cells, areas, people, change, outcome.target_date or ""]

    def selected(self) -> Outcome | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return store.by_uuid(self.project, items[0].data(Qt.ItemDataRole.UserRole))

    def _show_selected(self) -> None:
        outcome = self.selected()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(outcome is not None and not self.job.busy)
        self.chart.set_history(history.history(self.project, outcome.uuid) if outcome else [])
        status = self.statuses.get(outcome.uuid) if outcome else None
        rows = status.failing if status is not None else None
        self.failing.setRowCount(0 if rows is None else len(rows))
        if rows is None:
            return
        for row, area in enumerate(rows.itertuples()):
            values = (area.area_name, area.area_code, _number(area.need, 1),
                      _percent(area.coverage), _number(area.nearest_m, 0))  # fmt: skip
            for column, text in enumerate(values):
                self.failing.setItem(row, column, QTableWidgetItem(str(text)))

    # ---------------------------------------------------------------- editing
    def add(self) -> None:
        form = OutcomeForm(self.project, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            outcome = form.outcome()
            if attempt(self, lambda: self.session.push(AddOutcome(outcome))):
                self.refresh()
                self._select(outcome.uuid)
                self.evaluate()

    def edit(self) -> None:
        before = self.selected()
        if before is None:
            return
        form = OutcomeForm(self.project, self, before)
        if form.exec() == QDialog.DialogCode.Accepted:
            after = form.outcome()
            if after != before and attempt(
                self, lambda: self.session.push(EditOutcome(before, after))
            ):
                self.statuses.pop(after.uuid, None)
                self.refresh()
                self.evaluate()

    def remove(self) -> None:
        outcome = self.selected()
        if outcome is not None and attempt(self, lambda: self.session.push(RemoveOutcome(outcome))):
            self.refresh()

    def _select(self, uuid: str) -> None:
        uuids = [o.uuid for o in self.outcomes()]
        if uuid in uuids:
            self.table.selectRow(uuids.index(uuid))

    # ---------------------------------------------------------------- evaluating
    def evaluate(self) -> None:
        if self.job.busy or not self.outcomes():
            return
        path = self.project.path

        def work(progress: Any, cancelled: Any) -> list[OutcomeStatus]:
            with Project.open(path) as project:
                return all_statuses(project, progress=progress, cancelled=cancelled)

        self.job.start(work, self._on_evaluated, self._on_failed, self._on_cancelled,
                       message=_words("evaluating"))  # fmt: skip

    @property
    def task(self) -> Task | None:
        return self.job.task

    def _on_evaluated(self, statuses: list[OutcomeStatus]) -> None:
        self.statuses = {s.outcome.uuid: s for s in statuses}
        self.message.setText("")
        self.refresh()

    def _on_failed(self, error: BaseException, details: str) -> None:
        self.message.setText("")
        show_error(self, _words("failed"), error, details)

    def _on_cancelled(self) -> None:
        self.message.setText(_words("cancelled"))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.evaluate_button):
            button.setEnabled(not busy)
        self._show_selected()


def _change(past: list[Any]) -> str:
    if len(past) < 2:
        return ""
    delta = past[-1].areas_meeting - past[-2].areas_meeting
    return "no change" if delta == 0 else f"{delta:+d} area{'s' if abs(delta) != 1 else ''}"


def _number(value: object, places: int) -> str:
    """A table cell: a number, or missing (None, NaN) shown as nothing."""
    if not isinstance(value, (int, float)) or value != value:
        return ""
    return f"{value:,.{places}f}"


def _percent(value: object) -> str:
    text = _number(value, 3)
    return "" if not text else f"{float(text):.0%}"


def _for_words(outcome: Outcome) -> str:
    """ ", " and which areas the outcome is for, when not every area."""
    if outcome.population_share is not None:
        words = translate("Outcomes", "the most deprived areas home to {share} of the people")
        return ", " + words.format(share=percent(outcome.population_share))
    if outcome.need_band is None:
        return ""
    words = translate("OutcomeForm", FOR_WORDS[outcome.need_band])
    return ", " + words[:1].lower() + words[1:]
