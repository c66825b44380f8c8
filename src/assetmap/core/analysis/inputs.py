"""Gathering what an analysis needs from a project, checked, as plain arrays."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from assetmap.core import areas, assets, categories
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import joined, translated
from assetmap.core.project import Project
from assetmap.core.review_due import LAST_CHECKED_SQL, due_mask
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
    # Need pins of the chosen categories, when the analysis counts them (include_needs).
    raised_x: np.ndarray | None = None
    raised_y: np.ndarray | None = None
    raised_category: np.ndarray | None = None
    # Counted assets last checked longer ago than their category's review interval.
    overdue: int = 0


@dataclass(frozen=True)
class CategoryChoice:
    """The categories to analyse, the group names chosen, and the categories left out."""

    keys: tuple[str, ...]
    groups: tuple[str, ...]
    skipped: tuple[str, ...]  # in a chosen group (or all, by default) but with no assets


def choose_categories(
    project: Project, names: list[str] | None, include_pending: bool = False
) -> CategoryChoice:
    """Category keys or labels, or group names; ``None`` means every category.

    A category named on its own is analysed even with no assets: the user asked, and the
    answer (every area is a gap) is worth saying. A group, or every category, brings in only
    the categories that have assets to count; an empty one would only add an area-category
    gap for every area, burying the real ones, so it is left out and named as such.
    """
    known = categories.all_categories(project)
    groups = {c.group for c in known}
    chosen: list[tuple[str, bool]] = []  # (key, named on its own), in the order asked
    chosen_groups: list[str] = []
    if names is None:
        chosen = [(c.key, False) for c in known]
    for name in names or []:
        if name in groups:
            chosen_groups.append(name)
            chosen += [(c.key, False) for c in known if c.group == name]
            continue
        found = categories.resolve(project, name)
        if found is None:
            raise BadInputError(
                translated("there is no category or group '{name}'").format(name=name),
                field="--category",
                hint=translated("assetmap info PROJECT lists them"),
            )
        chosen.append((found.key, True))
    counts = counts_by_category(assets.points_xy(project), include_pending)
    keep = {k for k, named in chosen if named or counts.get(k, 0) > 0}
    ordered = list(dict.fromkeys(k for k, _named in chosen))
    keys = tuple(k for k in ordered if k in keep)
    if not keys:
        raise BadInputError(
            _nothing_to_count(names, include_pending),
            field="--category",
            hint=translated("name a category with --category to see every area as a gap in it"),
        )
    return CategoryChoice(keys, tuple(chosen_groups), tuple(k for k in ordered if k not in keep))


def counted(points: pd.DataFrame, include_pending: bool) -> pd.DataFrame:
    """Of the placed, live assets (``assets.points_xy``), the ones an analysis counts:
    active and approved into the map (or awaiting review, when asked); never rejected, and
    never a need pin: "this is missing here" is not provision."""
    reviews = COUNTED_REVIEWS + (("pending",) if include_pending else ())
    provision = points["pin_kind"] != "need" if "pin_kind" in points else True
    return points[(points["status"] == "active") & points["review"].isin(reviews) & provision]


COUNTED_REVIEWS = ("approved",)


def raised_needs(points: pd.DataFrame, include_pending: bool) -> pd.DataFrame:
    """The need pins an analysis reports as "needs raised": live, approved (or awaiting
    review, when asked), never rejected."""
    if "pin_kind" not in points:
        return points.iloc[0:0]
    reviews = COUNTED_REVIEWS + (("pending",) if include_pending else ())
    return points[
        (points["pin_kind"] == "need")
        & (points["status"] == "active")
        & points["review"].isin(reviews)
    ]


def counts_by_category(points: pd.DataFrame, include_pending: bool) -> dict[str, int]:
    """How many assets an analysis would count in each category (absent: none)."""
    counts = counted(points, include_pending)["category"].value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def _nothing_to_count(names: list[str] | None, include_pending: bool) -> str:
    """Why no category can be counted, naming the rule an asset must meet."""
    if include_pending:
        rules = translated("active, placed on the map")
    else:
        rules = translated("active, placed on the map and approved")
    if not names:
        return translated("no category has any assets to count ({rules})").format(rules=rules)
    return translated("no category of {names} has any assets to count ({rules})").format(
        names=joined(list(names), alternatives=True), rules=rules
    )


def load(project: Project, params: AnalysisParams) -> AnalysisInput:
    info = areas.get_set(project, params.area_set)
    frame = areas.frame(project, info.name)
    if not len(frame):
        raise BadInputError(
            translated("the area set '{name}' has no areas").format(name=info.name), field="--set"
        )
    labels = {c.key: c.label for c in categories.all_categories(project)}
    for key in params.categories:
        if key not in labels:
            raise BadInputError(
                translated("there is no category '{name}'").format(name=key), field="--category"
            )
    chosen = _counted_points(project, params)
    raised = None
    if params.include_needs:
        of_chosen = assets.points_xy(project)
        of_chosen = of_chosen[of_chosen["category"].isin(params.categories)]
        raised = raised_needs(of_chosen, params.include_pending)
    left_out = _left_out(project, params)
    indicators = {i.column: i for i in areas.indicators(project, info.name)}
    population = _indicator(frame, indicators, params.population_field, "--population")
    need = _indicator(frame, indicators, params.need_field, "--need")
    return AnalysisInput(
        area_codes=frame["code"].astype(str).to_numpy(),
        area_names=frame["name"].astype(object).to_numpy(),
        area_geoms=frame.geometry.to_numpy(),
        asset_x=chosen.x,
        asset_y=chosen.y,
        # Fixed-width text, not Python strings: comparing 200,000 keys (a group's assets, a
        # re-run's changed ones) is then one C loop, several times faster.
        asset_category=np.asarray(chosen.category, dtype=str),
        asset_uuid=np.asarray(chosen.uuid, dtype=str),
        category_labels={k: labels.get(k, k) for k in (*params.categories, *params.skipped)},
        crs_name=project.crs.name,
        population=population,
        need=need,
        population_label=_label(indicators, params.population_field),
        need_label=_label(indicators, params.need_field),
        left_out=left_out,
        raised_x=None if raised is None else raised["x"].to_numpy(dtype=float),
        raised_y=None if raised is None else raised["y"].to_numpy(dtype=float),
        raised_category=None if raised is None else raised["category"].astype(str).to_numpy(),
        overdue=_overdue(project, chosen),
    )


@dataclass(frozen=True)
class _Counted:
    uuid: np.ndarray
    category: np.ndarray
    last_checked: np.ndarray
    x: np.ndarray
    y: np.ndarray


def _counted_points(project: Project, params: AnalysisParams) -> _Counted:
    """The assets ``counted`` keeps of the chosen categories, read with only the columns an
    analysis needs and filtered in SQL: at 200,000 assets, building a full points frame
    (names and all) took longer than the filtering saves."""
    reviews = COUNTED_REVIEWS + (("pending",) if params.include_pending else ())
    cats = ", ".join("?" for _ in params.categories)
    revs = ", ".join("?" for _ in reviews)
    rows = project.conn.execute(
        f"SELECT uuid, category, {LAST_CHECKED_SQL}, geom FROM {ASSETS_TABLE} "
        "WHERE deleted = 0 AND geom IS NOT NULL AND status = 'active' "
        f"AND coalesce(pin_kind, '') != 'need' AND category IN ({cats}) "
        f"AND review IN ({revs}) ORDER BY fid",
        (*params.categories, *reviews),
    ).fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
    x, y = assets.decode_points(list(columns[3]))
    placed = np.isfinite(x)
    text = [np.array([str(v) for v in c], dtype=object)[placed] for c in columns[:2]]
    checked = np.array(columns[2], dtype=object)[placed] if rows else np.array([], object)
    return _Counted(text[0], text[1], checked, x[placed], y[placed])


def _overdue(project: Project, chosen: _Counted) -> int:
    known = categories.all_categories(project)
    return int(due_mask(chosen.category, chosen.last_checked, known, date.today()).sum())


def _indicator(
    frame: pd.DataFrame, indicators: dict[str, areas.Indicator], column: str | None, flag: str
) -> np.ndarray | None:
    if column is None:
        return None
    match = column if column in frame.columns else _by_label(indicators, column)
    if match is None:
        numeric = [c for c, i in indicators.items() if i.numeric]
        raise BadInputError(
            translated("the area set has no field '{name}' (numeric fields: {fields})").format(
                name=column, fields=", ".join(numeric) or translated("none")
            ),
            field=flag,
            hint=translated("join it with assetmap join-indicators"),
        )
    values = pd.to_numeric(frame[match], errors="coerce")
    if values.notna().sum() == 0:
        raise BadInputError(
            translated("the field '{name}' holds no numbers").format(name=column), field=flag
        )
    return values.to_numpy(dtype=float)


def _by_label(indicators: dict[str, areas.Indicator], label: str) -> str | None:
    for column, indicator in indicators.items():
        if indicator.label == label:
            return column
    return None


def _label(indicators: dict[str, areas.Indicator], column: str | None) -> str | None:
    if column is None:
        return None
    indicator = indicators.get(column) or indicators.get(_by_label(indicators, column) or "")
    return indicator.label if indicator is not None else column


def _left_out(project: Project, params: AnalysisParams) -> dict[str, int]:
    """How many assets of the chosen categories were not counted, and why (for the method)."""
    marks = ", ".join("?" for _ in params.categories)
    row = project.conn.execute(
        f"""SELECT sum(status = 'closed'), sum(status = 'proposed'),
                   sum(status = 'active' AND review = 'pending'),
                   sum(status = 'active' AND review = 'rejected'),
                   sum(status = 'active' AND geom IS NULL)
            FROM {ASSETS_TABLE}
            WHERE deleted = 0 AND pin_kind != 'need' AND category IN ({marks})""",
        params.categories,
    ).fetchone()
    closed, proposed, pending, rejected, unplaced = (int(v or 0) for v in row)
    return {
        "closed": closed,
        "proposed": proposed,
        "pending": 0 if params.include_pending else pending,
        "rejected": rejected,
        "unplaced": unplaced,
    }


def looks_like_population(column: str, label: str) -> bool:
    """An indicator to propose as the population (the user may choose another)."""
    return "pop" in f"{column} {label}".lower()


def looks_like_need(column: str, label: str) -> bool:
    """An indicator to propose as need: a deprivation score (a rank runs the other way)."""
    text = f"{column} {label}".lower()
    return "score" in text and ("imd" in text or "depriv" in text)
