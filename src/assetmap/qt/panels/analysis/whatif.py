"""Find gaps ▸ What if…: proposed assets placed on the map (never in the asset list), the
change they would make in gaps, coverage and outcomes shown at once, kept as named scenarios.

Today is worked out once per question in a worker (``scenarios.evaluate.WhatIf``); each
change to the proposals after that is a re-run near them, in a worker too, a newer change
cancelling a stale one. The gap map shows the scenario's result through a number of its
own (``ThematicStyle.scenario``) that the panel puts in its thematic style (``on_map``);
the style still names today's run, which exports and a reopened project draw.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import logging
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands.scenarios import DeleteScenario, SaveScenario
from assetmap.core.errors import AssetmapError
from assetmap.core.layers import ThematicStyle
from assetmap.core.project import Project
from assetmap.core.scenarios import store
from assetmap.core.scenarios.evaluate import Comparison, WhatIf, WhatIfResult
from assetmap.core.scenarios.model import Proposal, Scenario
from assetmap.qt.i18n import translate
from assetmap.qt.map_scene import thematic_source
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob

log = logging.getLogger(__name__)

# Each what-if result drawn on the map gets a number of its own (ThematicStyle.scenario):
# plans are cached by style, so a number must never stand for two different results.
_scenario_ids = itertools.count(1)
UP, DOWN, SAME = "#1A7F37", "#CF222E", "#57606A"


class ProposalList(QListWidget):
    """The proposals, one a line; Delete removes the chosen one."""

    deletePressed = Signal()
    KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

    def event(self, event: QEvent) -> bool:
        """Delete here removes a proposal, not the selected assets (the window's Delete)."""
        if event.type() == QEvent.Type.ShortcutOverride:
            key = cast(QKeyEvent, event).key()
            if key in self.KEYS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self.KEYS:
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)


class WhatIfSection(QGroupBox):
    """The "What if…" part of Find gaps. ``addModeChanged`` asks the window for the map
    tool that places proposals (``add_at`` places one); ``mapChanged`` asks the panel to
    draw the gap map again (the scenario's, or today's)."""

    addModeChanged = Signal(bool)
    proposalsChanged = Signal()
    mapChanged = Signal()
    evaluated = Signal(object)  # the WhatIfResult now shown (None: back to today)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        redraw: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(translate("WhatIf", "What if…"), parent)
        self.session = session
        self.proposals: list[Proposal] = []
        self.params: AnalysisParams | None = None
        self.shown: WhatIfResult | None = None  # the result the figures and map show
        self.scenario_id: int | None = None
        self._whatif: WhatIf | None = None
        self._labels: dict[str, str] = {}
        self._build()
        self._fill_scenarios()
        session.assetsChanged.connect(lambda *_: self._forget_today())
        session.historyChanged.connect(self._fill_scenarios)
        session.closing.connect(self._on_closing)
        if redraw is not None:
            self.mapChanged.connect(redraw)
        self.setEnabled(False)

    # ---- building --------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "WhatIf",
                "Place a proposed asset on the map to see what it would change. Proposals "
                "are not added to the asset list.",
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {SAME};")
        column.addWidget(intro)
        self.add_button = QPushButton(translate("WhatIf", "Add a proposed asset"))
        self.add_button.setCheckable(True)
        self.add_button.setToolTip(
            translate(
                "WhatIf",
                "Click the map where it would be, or press Enter to place it at the "
                "cross-hair; Escape stops.",
            )
        )
        self.add_button.setStyleSheet(
            "QPushButton:checked { background: #8250DF; color: white; font-weight: bold; }"
        )  # the map's proposals are drawn in this violet
        self.add_button.toggled.connect(self.addModeChanged)
        column.addWidget(self.add_button)
        self.category = _narrow(QComboBox())
        self.category.setAccessibleName(translate("WhatIf", "Kind of proposed asset"))
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("WhatIf", "Kind")))
        row.addWidget(self.category, 1)
        column.addLayout(row)
        self.list = ProposalList()
        self.list.setAccessibleName(translate("WhatIf", "Proposed assets"))
        self.list.setMaximumHeight(90)
        self.list.deletePressed.connect(self.remove_chosen)
        column.addWidget(self.list)
        column.addLayout(self._build_buttons())
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.cancel_button = QPushButton(translate("WhatIf", "Cancel"))
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        column.addLayout(bar)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setAccessibleName(translate("WhatIf", "What would change"))
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.figures)
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.cancel_button, say=self._say
        )

    def _build_buttons(self) -> QVBoxLayout:
        """Two short rows, so the panel stays as narrow as its dock."""
        rows = QVBoxLayout()
        self.remove_button = QPushButton(translate("WhatIf", "Remove"))
        self.remove_button.clicked.connect(self.remove_chosen)
        self.today_button = QPushButton(translate("WhatIf", "Back to today"))
        self.today_button.clicked.connect(self.back_to_today)
        self.save_button = QPushButton(translate("WhatIf", "Save as scenario…"))
        self.save_button.clicked.connect(self._ask_name_and_save)
        self.open_combo = _narrow(QComboBox())
        self.open_combo.setAccessibleName(translate("WhatIf", "Open scenario"))
        self.open_combo.activated.connect(self._on_open_chosen)
        self.open_combo.currentIndexChanged.connect(self._enable_delete)
        self.delete_button = QPushButton(translate("WhatIf", "Delete scenario…"))
        self.delete_button.setToolTip(
            translate(
                "WhatIf",
                "Remove the scenario chosen beside it from the project (Edit ▸ Undo brings "
                "it back)",
            )
        )
        self.delete_button.clicked.connect(self._confirm_delete)
        self.delete_button.setEnabled(False)
        pairs = (
            (self.remove_button, self.today_button),
            (self.save_button,),
            (self.open_combo, self.delete_button),
        )
        for pair in pairs:
            row = QHBoxLayout()
            for widget in pair:
                row.addWidget(widget, 1)
            rows.addLayout(row)
        return rows

    # ---- the question ---------------------------------------------------------------------
    def set_run(self, result: AnalysisResult) -> None:
        """The run Find gaps shows: proposals are of its categories, compared on its
        question. The proposals stay; they are measured again for the new question."""
        self._labels = {
            str(k): str(v)
            for k, v in result.table[["category", "category_label"]].drop_duplicates().values
        }
        self._fill_category_choice(result.params)
        self.setEnabled(True)
        if self.params != result.params:
            self.params = result.params
            self._forget_today()

    def _fill_category_choice(self, params: AnalysisParams) -> None:
        current = self.category.currentData()
        self.category.clear()
        for key in params.categories:
            self.category.addItem(self._labels.get(key, key), key)
        self.category.setCurrentIndex(max(self.category.findData(current), 0))

    def choose_category(self, key: str) -> None:
        """The kind the next proposal is (the panel passes the group it shows)."""
        index = self.category.findData(key)
        if index >= 0:
            self.category.setCurrentIndex(index)

    def _forget_today(self) -> None:
        """Assets or the question changed: today must be worked out again."""
        self._whatif = None
        if self.proposals:
            self._evaluate()

    # ---- proposals ------------------------------------------------------------------------
    def add_at(self, x: float, y: float) -> Proposal | None:
        key = self.category.currentData()
        if key is None:
            return None
        taken = {p.label for p in self.proposals}
        number = next(n for n in itertools.count(1) if self._numbered(n) not in taken)
        proposal = Proposal(
            self._numbered(number),
            str(key),
            float(x),
            float(y),
        )
        self.proposals.append(proposal)
        self._changed()
        return proposal

    @staticmethod
    def _numbered(n: int) -> str:
        return translate("WhatIf", "Proposal {n}").format(n=n)

    def remove_chosen(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.proposals):
            del self.proposals[row]
            self._changed()

    def back_to_today(self) -> None:
        """No proposals, the map as today; the scenario stays saved."""
        self.add_button.setChecked(False)
        self.proposals = []
        self._changed()

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.proposals = list(proposals)
        self._changed()

    def _changed(self) -> None:
        self.list.clear()
        for p in self.proposals:
            kind = self._labels.get(p.category, p.category)
            item = QListWidgetItem(f"◇ {p.label} · {kind}")
            item.setToolTip(f"{p.x:,.0f}, {p.y:,.0f}")
            self.list.addItem(item)
        self.list.setCurrentRow(len(self.proposals) - 1)
        self.remove_button.setEnabled(bool(self.proposals))
        self.save_button.setEnabled(bool(self.proposals))
        self.proposalsChanged.emit()
        self._evaluate()

    # ---- working it out -------------------------------------------------------------------
    def _evaluate(self) -> None:
        if not self.proposals or self.params is None:
            self.job.cancel("")
            self._show(None)
            return
        params, proposals, whatif = self.params, list(self.proposals), self._whatif
        path = self.session.project.path

        def work(progress: Any, cancelled: Any) -> tuple[WhatIf, WhatIfResult]:
            found = whatif
            if found is None:
                with Project.open(path) as project:
                    found = WhatIf.prepare(project, params, progress, cancelled)
            return found, found.evaluate(proposals, None, cancelled)

        self.job.start(work, self._on_done, self._on_failed, message="")

    def _on_done(self, done: tuple[WhatIf, WhatIfResult]) -> None:
        if not self.session.is_open:  # finished as its project closed: nothing to show it on
            return
        whatif, result = done
        if whatif.main.params == self.params:
            self._whatif = whatif
        self._show(result)

    def _on_failed(self, exc: BaseException, text: str) -> None:
        if not self.session.is_open:
            return
        if not isinstance(exc, AssetmapError):
            log.error("what-if failed:\n%s", text)
        message = translate("WhatIf", "The what-if could not be worked out: {why}")
        self.figures.setText(html.escape(message.format(why=exc)))

    def _say(self, text: str) -> None:
        self.progress.setToolTip(text)

    def _show(self, result: WhatIfResult | None) -> None:
        self.shown = result
        self.scenario_id = None
        if result is not None and result.scenario is not result.today:
            self.scenario_id = next(_scenario_ids)
            source = thematic_source(self.session.model)
            source.remember_scenario(self.scenario_id, result.scenario)
        self.figures.setText("" if result is None else comparison_html(result.comparison))
        self.evaluated.emit(result)
        self.mapChanged.emit()

    def on_map(self, style: ThematicStyle) -> ThematicStyle:
        """``style`` drawing the scenario's result instead of today's, when one is shown
        for the same areas."""
        if self.scenario_id is None or self.shown is None:
            return style
        if self.shown.scenario.params.area_set != style.area_set:
            return style
        return dataclasses.replace(style, scenario=self.scenario_id)

    def _on_closing(self) -> None:
        self.job.cancel("")

    # ---- scenarios ------------------------------------------------------------------------
    def _fill_scenarios(self) -> None:
        """The saved scenarios (after every edit: undo may bring one back), keeping the
        one open."""
        current = self.open_combo.currentData()
        self.open_combo.clear()
        self.open_combo.addItem(translate("WhatIf", "Open scenario…"), None)
        for scenario in store.all_scenarios(self.session.project):
            self.open_combo.addItem(scenario.name, scenario.name)
        self.open_combo.setCurrentIndex(max(self.open_combo.findData(current), 0))

    def _ask_name_and_save(self) -> None:
        name, ok = QInputDialog.getText(
            self, translate("WhatIf", "Save as scenario"), translate("WhatIf", "Name:")
        )
        if ok and name.strip():
            self.save_as(name.strip())

    def save_as(self, name: str) -> Scenario | None:
        """Keep the proposals under ``name`` (undoable, Edit ▸ Undo)."""
        if self.params is None or not self.proposals:
            return None
        scenario = Scenario(name, self.params, tuple(self.proposals))
        try:
            self.session.push(SaveScenario(scenario))
        except AssetmapError as exc:
            self.figures.setText(html.escape(str(exc)))
            return None
        self._fill_scenarios()
        self.open_combo.setCurrentIndex(self.open_combo.findData(name))
        return scenario

    def _enable_delete(self) -> None:
        self.delete_button.setEnabled(self.open_combo.currentData() is not None)

    def _confirm_delete(self) -> None:
        """Deleting is undoable, but a question first stops a stray click doing it."""
        name = self.scenario_name
        if name is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("WhatIf", "Delete scenario"),
            translate("WhatIf", "Delete the scenario “{name}”?").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            translate(
                "WhatIf",
                "Its proposals stay on the map until you go back to today. Edit ▸ Undo "
                "brings the scenario back.",
            )
        )
        box.button(QMessageBox.StandardButton.Yes).setText(translate("WhatIf", "Delete"))
        box.button(QMessageBox.StandardButton.No).setText(translate("WhatIf", "Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.delete_scenario(name)

    def delete_scenario(self, name: str) -> bool:
        """Remove a saved scenario (undoable, Edit ▸ Undo); the proposals shown stay."""
        scenario = store.by_name(self.session.project, name)
        if scenario is None:
            return False
        try:
            self.session.push(DeleteScenario(scenario))
        except AssetmapError as exc:
            self.figures.setText(html.escape(str(exc)))
            return False
        self._fill_scenarios()
        return True

    def _on_open_chosen(self) -> None:
        name = self.open_combo.currentData()
        if name is not None:
            self.open_scenario(str(name))

    def open_scenario(self, name: str) -> None:
        """Show a saved scenario, on the question it was made for."""
        scenario = store.by_name(self.session.project, name)
        if scenario is None:
            return
        if scenario.params != self.params:
            self.params = scenario.params
            self._whatif = None
        self.set_proposals(list(scenario.proposals))

    @property
    def scenario_name(self) -> str | None:
        """The saved scenario open now (the export dialog offers it for the report)."""
        name = self.open_combo.currentData()
        return None if name is None else str(name)

    def distance_m(self) -> float:
        return self.params.distance_m if self.params is not None else 0.0


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo that shortens long names rather than widen the panel."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def comparison_html(comparison: Comparison) -> str:
    """Today → with the proposals, per group and outcome, fewer gaps in green."""
    lines = []
    for g in comparison.groups:
        text = translate("WhatIf", "<b>{group}</b>: gaps {before} → {after}").format(
            group=html.escape(g.label), before=g.gaps_before, after=_coloured(
                g.gaps_after, g.gaps_before, fewer_is_better=True)
        )  # fmt: skip
        if g.people_before is not None and g.people_after is not None:
            text += translate("WhatIf", "; people in gaps {before} → {after}").format(
                before=f"{g.people_before:,.0f}",
                after=_coloured(g.people_after, g.people_before, fewer_is_better=True),
            )
        text += translate("WhatIf", "; coverage {before} → {after}").format(
            before=f"{g.coverage_before:.0%}",
            after=_coloured(g.coverage_after, g.coverage_before, percent=True),
        )
        lines.append(text)
    for o in comparison.outcomes:
        title = html.escape(o.outcome.title)
        if o.met_before is None or o.met_after is None:
            why = html.escape(o.problem)
            lines.append(translate("WhatIf", "<i>{title}</i>: {why}").format(title=title, why=why))
            continue
        text = translate("WhatIf", "<i>{title}</i>: areas meeting it {before} → {after} of {n}")
        after = _coloured(o.met_after, o.met_before)
        lines.append(text.format(title=title, before=o.met_before, after=after, n=o.areas))
    return "<br>".join(lines)


def _coloured(
    after: float, before: float, *, fewer_is_better: bool = False, percent: bool = False
) -> str:
    text = f"{after:.0%}" if percent else f"{after:,.0f}"
    better = after < before if fewer_is_better else after > before
    colour = SAME if round(after, 6) == round(before, 6) else (UP if better else DOWN)
    return f'<b style="color:{colour}">{text}</b>'
