"""Gathering what an analysis needs from a project, checked, as plain arrays."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from assetmap.core import areas, assets, categories
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


@dataclass
class AnalysisInput:
    area_codes: np.ndarray
    area_names: np.ndarray
    area_geoms: np.ndarray  # shapely polygons in a metric CRS
    asset_x: np.ndarray
    asset_y: np.ndarray
    asset_category: np.ndarray  # category key per counted asset
    asset_uuid: np.ndarray
    category_labels: dict[str, str]
    crs_name: str
    population: np.ndarray | None = None  # per area, NaN where unknown
    need: np.ndarray | None = None
    population_label: str | None = None
    need_label: str | None = None
    left_out: dict[str, int] = field(default_factory=dict)  # why assets were not counted


def expand_categories(
    project: Project, names: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Category keys or labels, or group names (all their categories); returns (keys, groups)."""
    known = categories.all_categories(project)
    groups = {c.group for c in known}
    keys: list[str] = []
    chosen_groups: list[str] = []
    for name in names:
        if name in groups:
            chosen_groups.append(name)
            keys += [c.key for c in known if c.group == name]
            continue
        found = categories.resolve(project, name)
        if found is None:
            raise BadInputError(
                f"there is no category or group '{name}'",
                field="--category",
                hint="assetmap info PROJECT lists them",
            )
        keys.append(found.key)
    return tuple(dict.fromkeys(keys)), tuple(chosen_groups)


def load(project: Project, params: AnalysisParams) -> AnalysisInput:
    info = areas.get_set(project, params.area_set)
    frame = areas.frame(project, info.name)
    if not len(frame):
        raise BadInputError(f"the area set '{info.name}' has no areas", field="--set")
    labels = {c.key: c.label for c in categories.all_categories(project)}
    for key in params.categories:
        if key not in labels:
            raise BadInputError(f"there is no category '{key}'", field="--category")
    points = assets.points_xy(project)
    counted = points[points["category"].isin(params.categories)]
    left_out = _left_out(project, params)
    counted = counted[counted["status"] == "active"]
    if not params.include_unverified:
        counted = counted[counted["review"] == "verified"]
    indicators = {i.column: i for i in areas.indicators(project, info.name)}
    population = _indicator(frame, indicators, params.population_field, "--population")
    need = _indicator(frame, indicators, params.need_field, "--need")
    return AnalysisInput(
        area_codes=frame["code"].astype(str).to_numpy(),
        area_names=frame["name"].astype(object).to_numpy(),
        area_geoms=frame.geometry.to_numpy(),
        asset_x=counted["x"].to_numpy(dtype=float),
        asset_y=counted["y"].to_numpy(dtype=float),
        asset_category=counted["category"].astype(str).to_numpy(),
        asset_uuid=counted["uuid"].astype(str).to_numpy(),
        category_labels={k: labels[k] for k in params.categories},
        crs_name=project.crs.name,
        population=population,
        need=need,
        population_label=_label(indicators, params.population_field),
        need_label=_label(indicators, params.need_field),
        left_out=left_out,
    )


def _indicator(
    frame: pd.DataFrame, indicators: dict, column: str | None, flag: str
) -> np.ndarray | None:
    if column is None:
        return None
    match = column if column in frame.columns else _by_label(indicators, column)
    if match is None:
        numeric = [c for c, i in indicators.items() if i.numeric]
        raise BadInputError(
            f"the area set has no field '{column}' "
            f"(numeric fields: {', '.join(numeric) or 'none'})",
            field=flag,
            hint="join it with assetmap join-indicators",
        )
    values = pd.to_numeric(frame[match], errors="coerce")
    if values.notna().sum() == 0:
        raise BadInputError(f"the field '{column}' holds no numbers", field=flag)
    return values.to_numpy(dtype=float)


def _by_label(indicators: dict, label: str) -> str | None:
    for column, indicator in indicators.items():
        if indicator.label == label:
            return column
    return None


def _label(indicators: dict, column: str | None) -> str | None:
    if column is None:
        return None
    indicator = indicators.get(column) or indicators.get(_by_label(indicators, column) or "")
    return indicator.label if indicator is not None else column


def _left_out(project: Project, params: AnalysisParams) -> dict[str, int]:
    """How many assets of the chosen categories were not counted, and why (for the method)."""
    marks = ", ".join("?" for _ in params.categories)
    row = project.conn.execute(
        f"""SELECT sum(status = 'closed'), sum(status = 'proposed'),
                   sum(status = 'active' AND review != 'verified'),
                   sum(status = 'active' AND geom IS NULL)
            FROM {ASSETS_TABLE} WHERE deleted = 0 AND category IN ({marks})""",
        params.categories,
    ).fetchone()
    closed, proposed, unverified, unplaced = (int(v or 0) for v in row)
    return {
        "closed": closed,
        "proposed": proposed,
        "unverified": 0 if params.include_unverified else unverified,
        "unplaced": unplaced,
    }
