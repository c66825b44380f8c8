"""One call for the CLI and the GUI worker: gather, compute, keep the run."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from pathlib import Path

from assetmap.core.analysis import incremental, inputs, results_csv, runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import AssetmapError
from assetmap.core.i18n import translated
from assetmap.core.output import Staged
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project


def analyse(
    project: Project,
    params: AnalysisParams,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    keep: bool = True,
    out: Path | None = None,
    previous: AnalysisResult | None = None,
) -> AnalysisResult:
    """Run the analysis; keep it in the project and, with ``out``, write its results CSV.

    With ``out`` it is all or nothing: the place is checked before any work; the files are
    written under temporary names while the run's transaction is still open, so a failure
    (a full disk) leaves the project as it was; they are renamed into place once the run
    is committed (and the run is removed again if even that fails). With ``previous`` (a
    run of the same question made in this session), only what the assets changed since
    can reach is worked out again (``incremental.rerun``).
    """
    if out is not None:
        results_csv.check_out(out, project.path, field="--out")
    steps = Steps(progress)
    steps(0.0, translated("Reading areas and assets"))
    data = inputs.load(project, params)
    check_cancelled(cancelled)
    result = incremental.rerun(previous, data, params, steps.sub(0.05, 0.97), cancelled)
    check_cancelled(cancelled)
    if keep and out is None:
        steps(0.98, translated("Keeping the run in the project"))
        # A cancel while the rows go in still keeps nothing: checked last, before the commit.
        runs.save(project, result, lambda _run_id: check_cancelled(cancelled))
    elif keep and out is not None:
        steps(0.98, translated("Keeping the run in the project and writing the results"))
        _keep_and_write(project, result, out, data.need_label)
    elif out is not None:
        results_csv.stage(result, out, data.need_label, field="--out").commit()
    steps(1.0, translated("Done"))
    return result


def _keep_and_write(
    project: Project, result: AnalysisResult, out: Path, need_label: str | None
) -> None:
    staged: list[Staged] = []

    def write_files(run_id: int) -> None:
        numbered = dataclasses.replace(result, run_id=run_id)
        staged.append(results_csv.stage(numbered, out, need_label, field="--out"))

    try:
        run_id = runs.save(project, result, write_files)
    except BaseException:
        for files in staged:
            files.discard()
        raise
    try:
        staged[0].commit()
    except BaseException:
        # The files' error is the one to report; if even forgetting fails, the run stays.
        with contextlib.suppress(AssetmapError, sqlite3.Error):
            runs.forget(project, run_id)
        result.run_id = None
        raise
