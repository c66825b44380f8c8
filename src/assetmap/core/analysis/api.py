"""One call for the CLI and the GUI worker: gather, compute, keep the run."""

from __future__ import annotations

from assetmap.core.analysis import engine, inputs, runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project


def analyse(
    project: Project,
    params: AnalysisParams,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    keep: bool = True,
) -> AnalysisResult:
    steps = Steps(progress)
    steps(0.0, "Reading areas and assets")
    data = inputs.load(project, params)
    check_cancelled(cancelled)
    result = engine.run(data, params, steps.sub(0.05, 0.97), cancelled)
    check_cancelled(cancelled)
    if keep:
        steps(0.98, "Keeping the run in the project")
        runs.save(project, result)
    steps(1.0, "Done")
    return result
