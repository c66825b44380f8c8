"""A what-if against today: the analysis with the proposals counted as assets, compared
with the analysis without them, group by group and outcome by outcome.

Today is worked out once per question (a full run, kept in memory with its inputs); each
what-if after that is ``incremental.rerun`` from it, which measures again only the areas
within the distance of a proposal, so placing one costs a fraction of a second even at
national scale, and equals a full run with the proposals (a test holds it to that).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from assetmap.core.analysis import engine, incremental, inputs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import AssetmapError
from assetmap.core.outcomes import current
from assetmap.core.outcomes import evaluate as outcome_evaluate
from assetmap.core.outcomes.model import Outcome
from assetmap.core.outcomes.store import all_outcomes
from assetmap.core.progress import CancelledFn, ProgressFn, Steps, check_cancelled
from assetmap.core.project import Project
from assetmap.core.scenarios.model import PROPOSAL_PREFIX, Proposal


def with_proposals(
    data: AnalysisInput, proposals: Sequence[Proposal], categories: Sequence[str] | None = None
) -> AnalysisInput:
    """``data`` with the proposals (of ``categories``, when given) added as counted assets,
    after the real ones. The project is not touched: proposals never enter the asset list."""
    chosen = [p for p in proposals if categories is None or p.category in categories]
    if not chosen:
        return data
    return dataclasses.replace(
        data,
        asset_x=np.r_[data.asset_x, [p.x for p in chosen]].astype(float),
        asset_y=np.r_[data.asset_y, [p.y for p in chosen]].astype(float),
        asset_category=np.r_[
            data.asset_category.astype(object), [p.category for p in chosen]
        ].astype(str),
        asset_uuid=np.r_[
            data.asset_uuid.astype(object), [PROPOSAL_PREFIX + p.uuid for p in chosen]
        ].astype(str),
    )


@dataclass
class Baseline:
    """Today for one question: its inputs and a full run, kept to rerun from."""

    params: AnalysisParams
    data: AnalysisInput
    today: AnalysisResult
    _last: tuple[tuple[str, ...], AnalysisResult] | None = field(default=None, repr=False)

    @classmethod
    def load(
        cls,
        project: Project,
        params: AnalysisParams,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> Baseline:
        data = inputs.load(project, params)
        check_cancelled(cancelled)
        return cls(params, data, engine.run(data, params, progress, cancelled))

    def what_if(
        self,
        proposals: Sequence[Proposal],
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> AnalysisResult:
        """The run with the proposals of this question's categories counted as well."""
        data = with_proposals(self.data, proposals, self.params.categories)
        if data is self.data:
            return self.today
        key = tuple(p.uuid for p in proposals if p.category in self.params.categories)
        result = incremental.rerun(self._start_for(key), data, self.params, progress, cancelled)
        self._last = (key, result)
        return result

    def _start_for(self, key: tuple[str, ...]) -> AnalysisResult:
        """The last what-if when these proposals are it and one more (the usual click): the
        re-run then finds the change without matching every asset's uuid."""
        last = self._last
        if last is not None and len(key) == len(last[0]) + 1 and key[:-1] == last[0]:
            return last[1]
        return self.today


# ---- the comparison ---------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupChange:
    """One group of the run (a category, or "any of the chosen") before and after."""

    key: str
    label: str
    areas: int
    gaps_before: int
    gaps_after: int
    people_before: float | None  # people living in gap areas; None without a population
    people_after: float | None
    coverage_before: float  # the mean share of an area within the distance (0 to 1)
    coverage_after: float


@dataclass(frozen=True)
class OutcomeChange:
    outcome: Outcome
    areas: int
    met_before: int | None  # None when it could not be evaluated (see ``problem``)
    met_after: int | None
    people: float | None = None
    people_before: float | None = None
    people_after: float | None = None
    problem: str = ""


@dataclass(frozen=True)
class AreaChange:
    """An area whose gap status the proposals change, in one group."""

    code: str
    name: str
    group: str
    group_label: str
    gap_after: bool


@dataclass(frozen=True)
class Comparison:
    groups: tuple[GroupChange, ...]
    outcomes: tuple[OutcomeChange, ...]
    changed_areas: tuple[AreaChange, ...]

    def group(self, key: str) -> GroupChange | None:
        return next((g for g in self.groups if g.key == key), None)


@dataclass(frozen=True)
class OutcomeRuns:
    """An outcome with the run that answers it today and with the proposals (None: it
    could not be evaluated, for ``problem``)."""

    outcome: Outcome
    today: AnalysisResult | None
    scenario: AnalysisResult | None
    problem: str = ""


def compare(
    today: AnalysisResult, scenario: AnalysisResult, outcomes: Sequence[OutcomeRuns] = ()
) -> Comparison:
    """Today against the what-if: per group, gaps, people in gaps and mean coverage before
    and after; per outcome, areas and people meeting it; and the areas that changed.

    Worked on whole columns (a national table has hundreds of thousands of rows, and this
    runs on every click): a re-run keeps the rows where the previous run had them."""
    before, after = _Figures(today), _Figures(scenario)
    groups, changed = [], []
    for key in pd.unique(today.table["category"]):
        mask = (today.table["category"] == key).to_numpy(dtype=bool)
        groups.append(_group_change(today, before, after, str(key), mask))
        changed += _changed_areas(scenario, before, after, str(key), mask)
    return Comparison(tuple(groups), tuple(_outcome_change(o) for o in outcomes), tuple(changed))


class _Figures:
    """The columns a comparison reads, as arrays."""

    def __init__(self, result: AnalysisResult) -> None:
        table = result.table
        self.gap = table["gap"].to_numpy(dtype=bool)
        self.coverage = pd.to_numeric(table["coverage"], errors="coerce").to_numpy(dtype=float)
        people = pd.to_numeric(table["population"], errors="coerce").fillna(0.0)
        self.population = people.to_numpy(dtype=float)


def _group_change(
    today: AnalysisResult, before: _Figures, after: _Figures, key: str, mask: np.ndarray
) -> GroupChange:
    with_people = today.params.population_field is not None
    first = int(np.argmax(mask))
    return GroupChange(
        key=key,
        label=str(today.table["category_label"].iloc[first]) if mask.any() else key,
        areas=int(mask.sum()),
        gaps_before=int(before.gap[mask].sum()),
        gaps_after=int(after.gap[mask].sum()),
        people_before=_people_in_gaps(before, mask) if with_people else None,
        people_after=_people_in_gaps(after, mask) if with_people else None,
        coverage_before=_mean(before.coverage[mask]),
        coverage_after=_mean(after.coverage[mask]),
    )


def _people_in_gaps(figures: _Figures, mask: np.ndarray) -> float:
    return float(figures.population[mask & figures.gap].sum())


def _mean(values: np.ndarray) -> float:
    known = values[~np.isnan(values)]
    return float(known.mean()) if len(known) else 0.0


def _changed_areas(
    scenario: AnalysisResult, before: _Figures, after: _Figures, key: str, mask: np.ndarray
) -> list[AreaChange]:
    out = []
    for i in np.flatnonzero(mask & (before.gap != after.gap)):
        row = scenario.table.iloc[int(i)]
        name = row["area_name"]
        out.append(
            AreaChange(
                code=str(row["area_code"]),
                name="" if pd.isna(name) else str(name),
                group=key,
                group_label=str(row["category_label"]),
                gap_after=bool(after.gap[i]),
            )
        )
    return out


def _outcome_change(runs: OutcomeRuns) -> OutcomeChange:
    if runs.today is None or runs.scenario is None:
        return OutcomeChange(runs.outcome, 0, None, None, problem=runs.problem)
    before = outcome_evaluate.evaluate(runs.outcome, _as_kept(runs.today))
    after = outcome_evaluate.evaluate(runs.outcome, _as_kept(runs.scenario))
    return OutcomeChange(
        outcome=runs.outcome,
        areas=before.areas,
        met_before=before.areas_meeting,
        met_after=after.areas_meeting,
        people=before.people,
        people_before=before.people_meeting,
        people_after=after.people_meeting,
    )


def _as_kept(result: AnalysisResult) -> AnalysisResult:
    """An outcome is evaluated against a kept run; a what-if is never kept (run 0)."""
    return result if result.run_id is not None else dataclasses.replace(result, run_id=0)


# ---- what-if, for a question and the project's outcomes ----------------------------------------
@dataclass
class WhatIfResult:
    today: AnalysisResult
    scenario: AnalysisResult
    comparison: Comparison


@dataclass
class WhatIf:
    """Today for the Find gaps question and for each agreed outcome, worked out once
    (``prepare``), so that each set of proposals after costs only a re-run near them."""

    main: Baseline
    outcomes: list[tuple[Outcome, Baseline | None, str]]

    @classmethod
    def prepare(
        cls,
        project: Project,
        params: AnalysisParams,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> WhatIf:
        """An outcome asking the same question shares the main run; another is run once."""
        steps = Steps(progress)
        main = Baseline.load(project, params, steps.sub(0.0, 0.6), cancelled)
        known: dict[AnalysisParams, Baseline] = {params: main}
        found: list[tuple[Outcome, Baseline | None, str]] = []
        outcomes = all_outcomes(project)
        for i, outcome in enumerate(outcomes):
            check_cancelled(cancelled)
            part = steps.sub(0.6 + 0.4 * i / len(outcomes), 0.6 + 0.4 * (i + 1) / len(outcomes))
            try:
                wanted = current.params_for(project, outcome)
                base = _answering(known, wanted) or Baseline.load(project, wanted, part, cancelled)
            except AssetmapError as exc:
                found.append((outcome, None, str(exc)))
                continue
            known.setdefault(base.params, base)
            found.append((outcome, base, ""))
        steps(1.0, "Done")
        return cls(main, found)

    def evaluate(
        self,
        proposals: Sequence[Proposal],
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> WhatIfResult:
        scenario = self.main.what_if(proposals, progress, cancelled)
        done: dict[int, AnalysisResult] = {id(self.main): scenario}
        runs = []
        for outcome, base, problem in self.outcomes:
            if base is None:
                runs.append(OutcomeRuns(outcome, None, None, problem))
                continue
            check_cancelled(cancelled)
            if id(base) not in done:
                done[id(base)] = base.what_if(proposals, None, cancelled)
            runs.append(OutcomeRuns(outcome, base.today, done[id(base)]))
        return WhatIfResult(self.main.today, scenario, compare(self.main.today, scenario, runs))


def _answering(known: dict[AnalysisParams, Baseline], wanted: AnalysisParams) -> Baseline | None:
    return next((b for p, b in known.items() if current.answers(p, wanted)), None)


def compare_saved(
    project: Project,
    scenario_params: AnalysisParams,
    proposals: Sequence[Proposal],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> WhatIfResult:
    """A kept scenario against today's data (the CLI and the report): its question run
    now, with and without its proposals."""
    steps = Steps(progress)
    whatif = WhatIf.prepare(project, scenario_params, steps.sub(0.0, 0.9), cancelled)
    found = whatif.evaluate(proposals, steps.sub(0.9, 1.0), cancelled)
    steps(1.0, "Done")
    return found
