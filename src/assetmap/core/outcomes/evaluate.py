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
from assetmap.core.outcomes.model import NEED_BANDS, Outcome

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
    """The run's rows for the outcome's areas (all, or its need band), with ``meets``."""
    rows = result.for_category(result_key(result.params)).copy()
    rows["meets"] = ~rows["gap"].astype(bool)
    if outcome.need_band is not None:
        rows = rows[need_bands(rows["need"]) == outcome.need_band]
    return rows.reset_index(drop=True)


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
