"""Where each outcome stands now: the latest run that answers it, if nothing has changed
since it was made, else a new run through the analysis's public API; earlier runs that
answer it too are evaluated as well, so its history covers every run."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from assetmap.core.analysis import api, runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.inputs import choose_categories
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.outcomes import history
from assetmap.core.outcomes.evaluate import Evaluation, evaluate, failing_areas
from assetmap.core.outcomes.model import Outcome
from assetmap.core.outcomes.store import all_outcomes
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project

TOLERANCE = 1e-9


@dataclass(frozen=True)
class OutcomeStatus:
    outcome: Outcome
    now: Evaluation | None  # None when it could not be evaluated (see ``problem``)
    history: tuple[Evaluation, ...]  # oldest first, ``now`` last
    failing: pd.DataFrame  # failing areas, worst need first
    problem: str = ""

    @property
    def previous(self) -> Evaluation | None:
        return self.history[-2] if len(self.history) > 1 else None


def params_for(project: Project, outcome: Outcome) -> AnalysisParams:
    """The analysis an outcome asks for: its categories (a group brings those with assets),
    distance, coverage threshold, and the population and need fields it names."""
    choice = choose_categories(project, [outcome.target])
    try:
        return AnalysisParams(
            area_set=outcome.area_set,
            categories=choice.keys,
            distance_m=outcome.distance_m,
            population_field=outcome.population_field,
            need_field=outcome.need_field,
            gap_coverage_threshold=outcome.threshold,
            groups=choice.groups,
            skipped=choice.skipped,
        )
    except ValueError as exc:
        raise BadInputError(str(exc)) from exc


def answers(run: AnalysisParams, wanted: AnalysisParams) -> bool:
    """Whether a run's rows for the outcome are what a new run would compute."""
    return (
        run.area_set == wanted.area_set
        and set(run.categories) == set(wanted.categories)
        and abs(run.distance_m - wanted.distance_m) < TOLERANCE
        and abs(run.gap_coverage_threshold - wanted.gap_coverage_threshold) < TOLERANCE
        and run.include_pending == wanted.include_pending
        and (wanted.population_field is None or run.population_field == wanted.population_field)
        and (wanted.need_field is None or run.need_field == wanted.need_field)
    )


def answering_runs(project: Project, wanted: AnalysisParams) -> list[runs.RunInfo]:
    """Every kept run that answers the outcome's question as the outcome asks it now; an
    earlier run of a group may have had fewer categories with assets, so groups match on
    the group chosen."""
    found = []
    for info in runs.list_runs(project):
        same_group = bool(wanted.groups) and info.params.groups == wanted.groups
        if answers(info.params, wanted) or (
            same_group and answers(_as_if(info.params, wanted), wanted)
        ):
            found.append(info)
    return found


def _as_if(run: AnalysisParams, wanted: AnalysisParams) -> AnalysisParams:
    return replace(run, categories=wanted.categories)


def changed_since(project: Project, stamp: str) -> bool:
    """Whether anything the analysis reads changed after ``stamp`` (edits to outcomes and
    saved what-if scenarios do not count: they change no figure)."""
    row = project.conn.execute(
        "SELECT max(at) FROM am_change_log WHERE target IS NULL"
        " OR (target NOT LIKE 'outcome:%' AND target NOT LIKE 'scenario:%')"
    ).fetchone()
    return row is not None and row[0] is not None and str(row[0]) >= stamp


def status(
    project: Project,
    outcome: Outcome,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> OutcomeStatus:
    """Evaluate one outcome now (running the analysis when no current run answers it) and
    keep the evaluation, with any earlier answering run's not yet kept."""
    try:
        wanted = params_for(project, outcome)
        found = answering_runs(project, wanted)
        result = _current_result(project, wanted, found, progress, cancelled)
        evaluation = evaluate(outcome, result)  # a run that cannot answer it says why
        _evaluate_earlier(project, outcome, found, result.run_id)
    except BadInputError as exc:
        past = tuple(history.history(project, outcome.uuid))
        return OutcomeStatus(outcome, None, past, pd.DataFrame(), problem=str(exc))
    history.keep(project, evaluation)
    past = tuple(history.history(project, outcome.uuid))
    now = next(e for e in past if e.run_id == result.run_id)
    ordered = tuple(e for e in past if e.run_id != result.run_id) + (now,)
    return OutcomeStatus(outcome, now, ordered, failing_areas(outcome, result))


def all_statuses(
    project: Project,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[OutcomeStatus]:
    outcomes = all_outcomes(project)
    steps = Steps(progress)
    out = []
    for i, outcome in enumerate(outcomes):
        check_cancelled(cancelled)
        part = steps.sub(i / len(outcomes), (i + 1) / len(outcomes))
        out.append(status(project, outcome, progress=part, cancelled=cancelled))
    steps(1.0, "Done")
    return out


def _current_result(
    project: Project,
    wanted: AnalysisParams,
    found: list[runs.RunInfo],
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> AnalysisResult:
    if found and not changed_since(project, found[-1].created_at):
        return runs.load(project, found[-1].id)
    return api.analyse(project, wanted, progress=progress, cancelled=cancelled)


def _evaluate_earlier(
    project: Project, outcome: Outcome, found: list[runs.RunInfo], current: int | None
) -> None:
    done = history.evaluated_runs(project, outcome.uuid)
    for info in found:
        if info.id != current and info.id not in done:
            history.keep(project, evaluate(outcome, runs.load(project, info.id)))


def kept_statuses(project: Project) -> list[OutcomeStatus]:
    """Each outcome as last evaluated, without running anything (for a report written from
    the runs already kept); failing areas are left to the dialog and the CSV."""
    out = []
    for outcome in all_outcomes(project):
        past = tuple(history.history(project, outcome.uuid))
        out.append(OutcomeStatus(outcome, past[-1] if past else None, past, pd.DataFrame()))
    return out
