"""Live gap shading for the projector: one chosen category's gaps, worked out again by the
full gap analysis a moment after the assets change (a pin approved, undone, moved), off the
GUI thread. A burst of approvals makes one run, not one each; a run overtaken by a newer
change is cancelled, and its answer never drawn.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from assetmap.core import areas
from assetmap.core.analysis import api
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.progress import CancelledFn, ProgressFn
from assetmap.core.project import Project
from assetmap.qt.i18n import translate
from assetmap.qt.session import Session
from assetmap.qt.workers import BackgroundJob
from assetmap.qt.workshop.present_scene import GapShade, PresentationSceneBuilder, next_version

#: Wait this long after the last change before running again (a burst of approvals).
DEBOUNCE_MS = 600
#: The walking distance the shading measures coverage within (the analysis panel's default).
GAP_DISTANCE_M = 800.0


def gap_classes(
    project: Project,
    area_set: str,
    category: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> np.ndarray:
    """Run the gap analysis for one category and say, per area of ``area_set`` in
    ``areas.frame`` order, whether it has a gap (1), none (0) or no figure (-1). Only
    approved assets count, and never needs: the room sees what is agreed."""
    return gap_run(project, area_set, category, None, progress, cancelled)[0]


def gap_run(
    project: Project,
    area_set: str,
    category: str,
    previous: AnalysisResult | None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> tuple[np.ndarray, AnalysisResult]:
    """``gap_classes`` and the run behind them; with the ``previous`` run, only the areas
    within reach of what changed since are worked out again (incremental.rerun)."""
    params = AnalysisParams(area_set=area_set, categories=(category,), distance_m=GAP_DISTANCE_M)
    result = api.analyse(
        project, params, progress=progress, cancelled=cancelled, keep=False, previous=previous
    )
    return _classes(project, area_set, category, result), result


def _classes(project: Project, area_set: str, category: str, result: AnalysisResult) -> np.ndarray:
    rows = result.for_category(category)
    codes = areas.frame(project, area_set)["code"].astype(str)
    position = pd.Index(rows["area_code"].astype(str)).get_indexer(pd.Index(codes))
    gap = rows["gap"].to_numpy(dtype=bool)
    found = position >= 0
    classes = np.full(len(codes), -1, dtype=int)
    classes[found] = np.where(gap[position[found]], 1, 0)
    return classes


class GapShading(QObject):
    """Keeps the builder's shading up to date for the chosen category (None: off)."""

    changed = Signal()  # new shading to draw (or none)
    failed = Signal(str)  # a plain sentence

    def __init__(
        self, session: Session, builder: PresentationSceneBuilder, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.builder = builder
        self.category: str | None = None
        self.area_set: str | None = None
        self.last_seconds = 0.0
        self.runs = 0  # finished runs (tests wait for it to move)
        self._last: AnalysisResult | None = None  # the last run, for the next to build on
        self.job = BackgroundJob(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        session.assetsChanged.connect(self._on_assets_changed)
        session.areaSetsChanged.connect(self._on_assets_changed)

    @property
    def busy(self) -> bool:
        return self.job.busy or self._timer.isActive()

    def set_category(self, key: str | None) -> None:
        """Shade ``key``'s gaps from now on (None: stop shading)."""
        self.category = key
        if key is None:
            self._timer.stop()
            self.job.cancel("")
            self.builder.set_gaps(None)
            self.changed.emit()
            return
        self.run_now()

    def _on_assets_changed(self, *_args: object) -> None:
        if self.category is not None:
            self._timer.start()

    def _chosen_area_set(self) -> str | None:
        shown = self.session.layers.visible_area_sets()
        if shown:
            return shown[0]
        sets = areas.list_sets(self.session.project)
        return sets[0].name if sets else None

    def run_now(self) -> None:
        self._timer.stop()
        category = self.category
        area_set = self._chosen_area_set()
        if category is None:
            return
        if area_set is None:
            self.failed.emit(
                translate(
                    "Present", "This project has no areas to shade: import neighbourhoods first."
                )
            )
            return
        path = self.session.project.path
        started = time.perf_counter()
        previous = self._last

        def work(progress: ProgressFn, cancelled: CancelledFn) -> tuple[np.ndarray, AnalysisResult]:
            with Project.open(path) as project:
                return gap_run(project, area_set, category, previous, progress, cancelled)

        def done(answer: tuple[np.ndarray, AnalysisResult]) -> None:
            classes, self._last = answer
            self.last_seconds = time.perf_counter() - started
            self.runs += 1
            if self.category != category:
                return
            self.area_set = area_set
            self.builder.set_gaps(GapShade(area_set, category, classes, next_version()))
            self.changed.emit()

        def failed(error: BaseException, _details: str) -> None:
            self.failed.emit(
                translate("Present", "The gaps could not be worked out: {error}").format(
                    error=error
                )
            )

        self.job.start(work, done, failed)
