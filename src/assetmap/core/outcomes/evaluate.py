"""An outcome against one analysis run: which areas meet it, how many people live there, and
which areas fail it, worst need first.

An area meets an outcome exactly when the run found no gap there (BRIEF section 6, with the
outcome's distance and coverage threshold), so the outcome's figures are the analysis's own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN, AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import joined, translatable, translated
from assetmap.core.outcomes.model import NEED_BANDS, Outcome, population_share_words

AREA_COLUMNS = ("area_code", "area_name", "population", "need", "coverage", "nearest_m")


@dataclass(frozen=True)
class Evaluation:
    outcome_uuid: str
    run_id: int
    run_at: str  # when the run was made: the point on the outcome's history
    areas: int  # areas the outcome is for
    areas_meeting: int
    people: float | None  # None without a population field
    people_meeting: float | None

    @property
    def share_of_areas(self) -> float | None:
        return self.areas_meeting / self.areas if self.areas else None

    @property
    def share_of_people(self) -> float | None:
        if self.people is None or self.people_meeting is None or not self.people:
            return None
        return self.people_meeting / self.people


def result_key(params: AnalysisParams) -> str:
    """The rows of a run that answer for its categories together: "any of the chosen" when
    there were several, else the one category."""
    return ALL_CHOSEN if len(params.categories) > 1 else params.categories[0]


def areas_for(outcome: Outcome, result: AnalysisResult) -> pd.DataFrame:
    """The run's rows for the outcome's areas (all, its need band, or its share of the
    people), with ``meets``."""
    rows = result.for_category(result_key(result.params)).copy()
    rows["meets"] = ~rows["gap"].astype(bool)
    if outcome.need_band is not None:
        rows = rows[need_bands(rows["need"]) == outcome.need_band]
    if outcome.population_share is not None:
        _check_run_counts_people(outcome, result.params)
        rows = rows[neediest_holding(rows["need"], rows["population"], outcome.population_share)]
    return rows.reset_index(drop=True)


def _check_run_counts_people(outcome: Outcome, params: AnalysisParams) -> None:
    missing = [
        translated(what)
        for what, used in (
            (translatable("population"), params.population_field),
            (translatable("need"), params.need_field),
        )
        if used is None
    ]
    if missing:
        pattern = translated(
            "'{title}' is for {applies_to}, but the analysis run has no {fields} field to find "
            "them by"
        )
        raise BadInputError(
            pattern.format(
                title=outcome.title,
                applies_to=population_share_words(outcome.population_share or 0),
                fields=joined(missing, alternatives=True),
            ),
            field="population-share",
            hint=translated("give the outcome a population field and a need field"),
        )


def neediest_holding(need: pd.Series, population: pd.Series, share: float) -> np.ndarray:
    """Which areas are the most in need that together are home to ``share`` of the people
    (of all the areas' people): areas ranked by need, most first (ties in the areas' order),
    taken until that share is reached, the area that reaches it included. Areas with no
    known need are never among them; an unknown population counts as nobody."""
    values = pd.to_numeric(need, errors="coerce").to_numpy(dtype=float)
    people = pd.to_numeric(population, errors="coerce").fillna(0.0).to_numpy(dtype=float)
    people = np.clip(people, 0.0, None)
    chosen = np.zeros(len(values), dtype=bool)
    known = np.flatnonzero(~np.isnan(values))
    total = float(people.sum())
    if not len(known) or total <= 0:
        return chosen
    order = known[np.argsort(-values[known], kind="stable")]
    before = np.cumsum(people[order]) - people[order]  # the people in the needier areas
    chosen[order[before < share * total * (1 - 1e-12)]] = True
    return chosen


def need_bands(need: pd.Series) -> np.ndarray:
    """Fifths of the areas by need, 1 the most in need; 0 where need is unknown. Ties are
    broken by the areas' order, so every fifth has its share of areas."""
    values = pd.to_numeric(need, errors="coerce")
    known = values.notna().to_numpy()
    bands = np.zeros(len(values), dtype=np.int64)
    n = int(known.sum())
    if n:
        rank = values[known].rank(method="first", ascending=False).to_numpy()
        bands[known] = np.floor((rank - 1) * NEED_BANDS / n).astype(np.int64) + 1
    return bands


def evaluate(outcome: Outcome, result: AnalysisResult) -> Evaluation:
    if result.run_id is None:
        raise ValueError("an outcome is evaluated against a kept run")
    rows = areas_for(outcome, result)
    people, people_meeting = _people(rows, result.params)
    return Evaluation(
        outcome_uuid=outcome.uuid,
        run_id=result.run_id,
        run_at=result.created_at,
        areas=len(rows),
        areas_meeting=int(rows["meets"].sum()),
        people=people,
        people_meeting=people_meeting,
    )


def _people(rows: pd.DataFrame, params: AnalysisParams) -> tuple[float | None, float | None]:
    if params.population_field is None:
        return None, None
    population = pd.to_numeric(rows["population"], errors="coerce").fillna(0.0)
    total, meeting = float(population.sum()), float(population[rows["meets"]].sum())
    return (total, meeting) if math.isfinite(total) else (None, None)


def failing_areas(outcome: Outcome, result: AnalysisResult) -> pd.DataFrame:
    """The areas that do not meet the outcome, the ones to act on first on top: most need
    first (when a need field was used), then least coverage, then farthest from an asset."""
    rows = areas_for(outcome, result)
    rows = rows[~rows["meets"]]
    order = ["need", "coverage", "nearest_m"] if result.params.need_field else []
    order = order or ["coverage", "nearest_m"]
    ascending = [name != "need" and name != "nearest_m" for name in order]
    ranked = rows.sort_values(order, ascending=ascending, na_position="last", kind="stable")
    return ranked.loc[:, list(AREA_COLUMNS)].reset_index(drop=True)
