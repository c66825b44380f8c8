"""The "Find gaps" panel: ask which areas lack which assets, then see the answer on the map,
in a ranked table and in a chart.

The analysis runs in a worker with its own connection to the project; the run is kept in
the project with its method statement, and the panel reads it back like any earlier run.
The map is coloured by setting ``session.layers.thematic``: the panel never draws.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.analysis import api, classify, inputs, results_csv, runs
from assetmap.core.analysis.engine import ALL_CHOSEN_LABEL, AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.analysis.wording import need_label
from assetmap.core.errors import AssetmapError
from assetmap.core.layers import CoverageStyle, ThematicStyle
from assetmap.core.project import Project
from assetmap.qt.gap_wording import ranking_caption
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.map_scene import thematic_source
from assetmap.qt.panels.analysis.map_options import MODES, MapOptions
from assetmap.qt.panels.analysis.question import QuestionBox
from assetmap.qt.panels.analysis.ranked_page import RankedGapsPage
from assetmap.qt.panels.analysis.whatif import WhatIfSection
from assetmap.qt.panels.analysis.whatif_view import WhatIfBanner, WhatIfResults
from assetmap.qt.panels.analysis.wording import sentence, summary_html, when
from assetmap.qt.panels.gap_chart import GapChart
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob, Task

log = logging.getLogger(__name__)

NONE = QT_TRANSLATE_NOOP("FindGaps", "— none —")
ERROR_STYLE = "color: #CF222E;"
MUTED = "#57606A"
MUTED_STYLE = f"color: {MUTED};"


class AnalysisPanel(QWidget):
    """Set up a gap analysis, run it with progress and Cancel, and show its results."""

    zoomToArea = Signal(str, str)  # area set name, area code
    resultShown = Signal(object)  # the AnalysisResult now shown

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: AnalysisResult | None = None
        self._filling = False
        self._hidden: set[str] = set()  # categories this panel hid from the map
        self._build()
        self._fill_area_sets()
        self._fill_categories()
        self._fill_runs()
        session.areaSetsChanged.connect(self._fill_area_sets)
        session.categoriesChanged.connect(self._fill_categories)
        session.assetsChanged.connect(lambda *_: self._fill_categories())
        session.closing.connect(self.cancel)
        self.show_question(True)
        self._show_latest_run()

    # ======================================================================== building
    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self._build_question_toggle())
        column.addWidget(self._build_question())
        column.addWidget(self._build_progress())
        column.addWidget(self._build_results())
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(translate("FindGaps", "Find gaps: question and results"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_question_toggle(self) -> QToolButton:
        """Once there are results, the question folds away to leave them room."""
        self.question_toggle = QToolButton()
        self.question_toggle.setText(translate("FindGaps", "Where are assets missing?"))
        self.question_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.question_toggle.setCheckable(True)
        self.question_toggle.setChecked(True)
        self.question_toggle.setAutoRaise(True)
        font = QFont(self.question_toggle.font())
        font.setBold(True)
        self.question_toggle.setFont(font)
        self.question_toggle.toggled.connect(self.show_question)
        return self.question_toggle

    def show_question(self, shown: bool = True) -> None:
        self.question_toggle.setChecked(shown)
        self.question_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.question.setVisible(shown)

    def _build_question(self) -> QuestionBox:
        q = self.question = QuestionBox()
        self.area_set, self.categories, self.distance = q.area_set, q.categories, q.distance
        self.walk, self.population, self.need = q.walk, q.population, q.need
        self.provision, self.find_button = q.provision, q.find_button
        self.include_pending, self.include_needs = q.include_pending, q.include_needs
        self.area_set.currentIndexChanged.connect(self._fill_indicators)
        self.include_pending.toggled.connect(lambda *_: self._fill_categories())
        self.find_button.clicked.connect(self.find_gaps)
        return q

    def _build_progress(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(translate("FindGaps", "Progress"))
        self.cancel_button = QPushButton(translate("FindGaps", "Cancel"))
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(MUTED_STYLE)
        self.status.setAccessibleName(translate("FindGaps", "Status"))
        layout.addWidget(self.status)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(translate("FindGaps", "Problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error)
        self.job = BackgroundJob(
            self, progress=self.progress, cancel_button=self.cancel_button, say=self._say
        )
        self.job.busyChanged.connect(self._set_busy)
        self.error.hide()
        self.status.hide()
        return box

    def _build_results(self) -> QWidget:
        self.results = QWidget()
        layout = QVBoxLayout(self.results)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("FindGaps", "Results")))
        self.run_combo = QComboBox()
        self.run_combo.setAccessibleName(translate("FindGaps", "Run"))
        self.run_combo.setToolTip(
            translate("FindGaps", "Every search is kept in the project: pick an earlier one")
        )
        self.run_combo.currentIndexChanged.connect(self._on_run_chosen)
        row.addWidget(self.run_combo, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("FindGaps", "Summary"))
        layout.addWidget(self.summary)
        layout.addWidget(self._build_map_options())
        self.whatif = WhatIfSection(self.session, redraw=self._apply_to_map)
        layout.addWidget(self.whatif)
        self.banner = WhatIfBanner(self.whatif.back_to_today)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_table(), translate("FindGaps", "Ranked gaps"))
        self.chart = GapChart()
        self.shown = WhatIfResults(self.banner, self.model, self.chart, self.export_button)
        self.whatif.evaluated.connect(lambda *_: self._show_category())
        self.tabs.addTab(self.chart, translate("FindGaps", "Chart"))
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.method.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.method.setAccessibleName(translate("FindGaps", "How the figures were made"))
        self.method.setContentsMargins(4, 4, 4, 4)
        self.tabs.addTab(self.method, translate("FindGaps", "How it was worked out"))
        layout.addWidget(self.tabs)
        self.results.setEnabled(False)
        return self.results

    def _build_map_options(self) -> QGroupBox:
        self.map_options = MapOptions()
        self.map_options.connect_changes(self._on_map_option)
        self.show_combo = self.map_options.show_combo
        self.category_combo = self.map_options.category_combo
        self.scheme = self.map_options.scheme
        self.classes = self.map_options.classes
        self.palette_combo = self.map_options.palette_combo
        self.reverse = self.map_options.reverse
        self.show_coverage = self.map_options.show_coverage
        self.only_chosen = self.map_options.only_chosen
        return self.map_options

    def _build_table(self) -> QWidget:
        page = RankedGapsPage(self)
        self.rank_caption, self.model, self.table = page.rank_caption, page.model, page.table
        self.export_button = page.export_button
        self.table.clicked.connect(self._zoom_to_row)
        self.table.activated.connect(self._zoom_to_row)
        self.export_button.clicked.connect(self.export_results)
        return page

    # ======================================================================== filling
    def _fill_area_sets(self) -> None:
        current = self.area_set.currentText()
        self.area_set.blockSignals(True)
        self.area_set.clear()
        names = [i.name for i in areas.list_sets(self.session.project)]
        counts = {n: areas.count(self.session.project, n) for n in names}
        for name in sorted(names, key=lambda n: -counts[n]):  # finest first: neighbourhoods
            words = translate("FindGaps", "{name} ({n:,} areas)")
            self.area_set.addItem(words.format(name=name, n=counts[name]), name)
        index = self.area_set.findData(current)
        self.area_set.setCurrentIndex(max(index, 0))
        self.area_set.blockSignals(False)
        self._fill_indicators()

    def _fill_indicators(self) -> None:
        name = self.area_set.currentData()
        numeric = []
        if name:
            numeric = [i for i in areas.indicators(self.session.project, name) if i.numeric]
        for combo, guess in (
            (self.population, inputs.looks_like_population),
            (self.need, inputs.looks_like_need),
        ):
            previous = combo.currentData()
            combo.clear()
            combo.addItem(translate("FindGaps", NONE), None)
            for indicator in numeric:
                combo.addItem(indicator.label, indicator.column)
            index = combo.findData(previous) if previous else -1
            if index < 0:
                index = next(
                    (combo.findData(i.column) for i in numeric if guess(i.column, i.label)), 0
                )
            combo.setCurrentIndex(index)

    def _fill_categories(self) -> None:
        """Each kind of asset with how many an analysis would count; the empty ones greyed.

        Ticking a group ticks only its kinds with assets (an empty one would add a gap in
        every area and bury the real ones); an empty kind can still be ticked on its own.
        """
        counts = inputs.counts_by_category(self.session.points(), self.include_pending.isChecked())
        self.categories.fill(self.session.categories(), counts)

    def _fill_runs(self, select: int | None = None) -> None:
        kept = runs.list_runs(self.session.project)
        self._filling = True
        self.run_combo.clear()
        for info in reversed(kept):  # newest first
            self.run_combo.addItem(self._run_title(info), info.id)
        self._filling = False
        if select is not None:
            self.run_combo.setCurrentIndex(max(self.run_combo.findData(select), 0))

    def _run_title(self, info: runs.RunInfo) -> str:
        labels = [self._category_label(k) for k in info.params.categories]
        what = ", ".join(info.params.groups) if info.params.groups else ", ".join(labels)
        if len(what) > 40:
            what = what[:38] + "…"
        return f"{when(info.created_at)} · {info.area_set} · {what}"

    def _category_label(self, key: str) -> str:
        if key == ALL_CHOSEN:
            return ALL_CHOSEN_LABEL
        category = self.session.category(key)
        return category.label if category else key

    # ======================================================================== questions asked
    def chosen_categories(self) -> list[str]:
        return self.categories.chosen_categories()

    def chosen_groups(self) -> list[str]:
        return self.categories.chosen_groups()

    def left_out_categories(self) -> list[str]:
        return self.categories.left_out_categories()

    def category_item(self, label: str) -> QTreeWidgetItem | None:
        """The tree item of a category or group, by its label (for tests and keyboard use)."""
        return self.categories.category_item(label)

    def params(self) -> AnalysisParams:
        """The question as set in the panel; ValueError says what is missing."""
        name = self.area_set.currentData()
        if not name:
            raise ValueError(
                translate(
                    "FindGaps", "this project has no areas yet: import neighbourhood boundaries"
                )
            )
        keys = self.chosen_categories()
        if not keys:
            raise ValueError(translate("FindGaps", "tick at least one kind of asset to look for"))
        return AnalysisParams(
            area_set=str(name),
            categories=tuple(keys),
            distance_m=float(self.distance.value()),
            population_field=self.population.currentData(),
            need_field=self.need.currentData(),
            provision=str(self.provision.currentData()),
            include_pending=self.include_pending.isChecked(),
            include_needs=self.include_needs.isChecked(),
            groups=tuple(self.chosen_groups()),
            skipped=tuple(self.left_out_categories()),
        )

    # ======================================================================== running
    def find_gaps(self) -> None:
        if self.job.busy:
            return
        self._show_error("")
        try:
            params = self.params()
        except ValueError as exc:
            self._show_error(sentence(str(exc)))
            return
        path = self.session.project.path

        # The worker finds the gaps and keeps the run on its own connection (nationally that
        # takes seconds, which the window must not wait for). Cancel keeps nothing up to the
        # commit; once the run is kept it is shown, cancelled or not.
        def work(progress: Any, cancelled: Any) -> AnalysisResult:
            with Project.open(path) as project:
                return api.analyse(project, params, progress=progress, cancelled=cancelled)

        self.job.start(
            work,
            self._on_found,
            self._on_failed,
            self._on_cancelled,
            message=translate("FindGaps", "Starting…"),
        )

    def cancel(self) -> None:
        self.job.cancel(translate("FindGaps", "Stopping…"))

    @property
    def task(self) -> Task | None:
        return self.job.task

    @property
    def busy(self) -> bool:
        return self.job.busy

    def _set_busy(self, busy: bool) -> None:
        self.find_button.setEnabled(not busy)

    def _on_found(self, result: AnalysisResult) -> None:
        assert result.run_id is not None, "the worker keeps the run"
        run_id = result.run_id
        # The run in hand is the run kept: reading it back took seconds nationally.
        thematic_source(self.session.model).remember(result)
        self._say("")
        self.show_question(False)
        self._fill_runs(select=run_id)
        self._show_run(run_id, fresh=True)

    def _on_failed(self, exc: BaseException, text: str) -> None:
        if isinstance(exc, AssetmapError):
            self._show_error(
                translate("FindGaps", "The gaps could not be found: {error}").format(error=exc)
            )
        else:
            log.error("gap analysis failed:\n%s", text)
            self._show_error(
                translate(
                    "FindGaps",
                    "Something went wrong while finding gaps ({error}). Details are in the log.",
                ).format(error=exc)
            )
        self._say("")

    def _on_cancelled(self) -> None:
        self._say(translate("FindGaps", "Stopped. Nothing was kept."))

    def _say(self, text: str) -> None:
        """The line under the progress bar: progress, then what happened; gone when empty."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ======================================================================== showing a run
    def _show_latest_run(self) -> None:
        thematic = self.session.layers.thematic
        run_id = thematic.run_id if thematic else self.run_combo.currentData()
        if run_id is None:
            return
        index = self.run_combo.findData(run_id)
        if index >= 0:
            self._filling = True
            self.run_combo.setCurrentIndex(index)
            self._filling = False
        self._show_run(int(run_id), fresh=False)
        self.show_question(self.result is None)

    def _on_run_chosen(self) -> None:
        if self._filling or self.run_combo.currentData() is None:
            return
        self._show_run(int(self.run_combo.currentData()), fresh=True)

    def _show_run(self, run_id: int, fresh: bool) -> None:
        """Show a kept run; ``fresh`` also puts it on the map (not when only reopening)."""
        source = thematic_source(self.session.model)
        result = source.result(run_id)
        if result is None:
            self._show_error(
                translate("FindGaps", "Run {run} could not be read from the project.").format(
                    run=run_id
                )
            )
            return
        self.result = result
        self.whatif.set_run(result)
        self._filling = True
        try:
            self._fill_map_options(result, fresh)
        finally:
            self._filling = False
        self.method.setText(result.method)
        self.results.setEnabled(True)
        self._show_category()
        self._enable_map_options()
        if fresh:  # reopening leaves the map (and which assets show) as it was saved
            self._apply_to_map()
        self.resultShown.emit(result)

    def _fill_map_options(self, result: AnalysisResult, fresh: bool) -> None:
        thematic = self.session.layers.thematic
        fresh_or_other = fresh or thematic is None or thematic.run_id != result.run_id
        saved = None if fresh_or_other else thematic
        coverage = self.session.layers.coverage
        coverage_shown = coverage is not None and coverage.run_id == result.run_id
        self.map_options.fill(result, self._category_label, saved, coverage_shown)

    def _on_map_option(self) -> None:
        if self._filling or self.result is None:
            return
        sender = self.sender()
        if sender is self.show_combo:
            self._on_show_changed()
        if sender is self.category_combo:
            self._show_category()
        self._apply_to_map()

    def _on_show_changed(self) -> None:
        choice = self.show_combo.currentData() or "coverage"
        if choice not in MODES:
            self._filling = True
            self.map_options.set_measure_colours(choice)
            self._filling = False

    def current_style(self) -> ThematicStyle | None:
        return None if self.result is None else self.map_options.thematic_style(self.result)

    def _enable_map_options(self) -> None:
        self.map_options.enable_for_choice()

    def _apply_to_map(self) -> None:
        style = self.current_style()
        if style is None:
            return
        style = self.whatif.on_map(style)  # a what-if shown: its result, not today's
        self._enable_map_options()
        layers = self.session.layers
        if style.area_set not in layers.visible_area_sets():
            layers.set_area_style(style.area_set, visible=True)
        layers.set_thematic(style)
        coverage = (
            CoverageStyle(style.run_id, style.category) if self.show_coverage.isChecked() else None
        )
        layers.set_coverage(coverage)
        self._show_only_chosen(self.only_chosen.isChecked())
        self.chart.set_colour(classify.palette(style.palette, 5)[3])

    def _show_only_chosen(self, only: bool) -> None:
        """Hide other categories' assets over the gap map; put back what this panel hid."""
        layers = self.session.layers
        everything = [c.key for c in self.session.categories()]
        if self._hidden:
            layers.set_categories_visible(sorted(self._hidden), True)
            self._hidden = set()
        if not only or self.result is None:
            return
        chosen = set(self.result.params.categories)
        others = [k for k in layers.visible_categories(everything) if k not in chosen]
        if others:
            layers.set_categories_visible(others, False)
            self._hidden = set(others)

    # ---- table and chart -----------------------------------------------------------------------
    def _show_category(self) -> None:
        result = self.result
        if result is None:
            return
        key = str(self.category_combo.currentData() or result.params.categories[0])
        self.whatif.choose_category(key)
        self.shown.show(result, self.whatif.shown, key, self._need_label(result))
        self.rank_caption.setText(
            translate(
                "FindGaps", "Areas with a gap. {ranking} Click one to see it on the map."
            ).format(ranking=ranking_caption(result.params))
        )
        self.summary.setText(summary_html(result, key, self._category_label))

    def _need_label(self, result: AnalysisResult) -> str | None:
        return need_label(self.session.project, result)

    def _zoom_to_row(self, index: QModelIndex) -> None:
        code = self.model.code(index.row())
        if code is not None and self.result is not None:
            self.zoomToArea.emit(self.result.params.area_set, code)

    # ======================================================================== export
    def export_results(self) -> None:
        result = self.result
        if result is None:
            return
        from assetmap.qt import file_dialogs

        chosen = file_dialogs.save_file_name(
            self,
            translate("FindGaps", "Export results"),
            file_dialogs.ANALYSIS,
            translate("FindGaps", "gaps run {run}.csv").format(run=result.run_id),
            translate("FindGaps", "CSV, opens in Excel (*.csv)"),
        )
        if chosen is None:
            return
        path = str(chosen)
        if not path.lower().endswith(".csv"):
            path += ".csv"
        self._show_error("")
        try:
            written = results_csv.write(result, path, self._need_label(result))
        except AssetmapError as exc:  # nothing half-written: see results_csv.stage
            self._show_error(
                translate("FindGaps", "The results could not be saved: {error}").format(error=exc)
            )
            return
        method = results_csv.method_path(Path(written)).name
        self._say(
            translate("FindGaps", "Saved {name}, with how it was worked out in {method}.").format(
                name=Path(written).name, method=method
            )
        )
