"""The method statement: one paragraph of plain English stored with every run, so a map
or an export can always say how its figures were made."""

from __future__ import annotations

from assetmap import __version__
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.params import AnalysisParams


def method_statement(inputs: AnalysisInput, params: AnalysisParams, inside_points: int) -> str:
    labels = [inputs.category_labels[k] for k in params.categories]
    d = f"{params.distance_m:g} m"
    parts = [
        f"Gap analysis of the {len(inputs.area_codes):,} areas of “{params.area_set}” for "
        f"{_list(labels)}, made with assetmap {__version__}.",
        f"It counts {len(inputs.asset_x):,} active"
        + (" assets, approved or awaiting review" if params.include_pending else ", approved")
        + ("" if params.include_pending else " assets")
        + f"{_left_out(inputs.left_out)}.",
        *_overdue(inputs),
        *_empty_categories(inputs, params),
        "Each asset counts once, in the area containing its point (on a boundary shared by two "
        "areas, in the first of them).",
    ]
    if inputs.population_label:
        parts.append(
            f"Assets per 1,000 people use “{inputs.population_label}”; areas without a "
            "population figure have no rate."
        )
    parts += [
        f"Distances are straight lines in metres ({inputs.crs_name}), from each area's centroid"
        + (
            f" (or, for the {inside_points} areas whose centroid lies outside them, a point inside)"
            if inside_points
            else ""
        )
        + " to the nearest asset anywhere, inside the areas or not.",
        f"Coverage is the share of an area's surface within {d} of an asset in a straight line "
        "(circles drawn as 64-sided polygons).",
        f"An area has a gap when it has no asset and the nearest is more than {d} away, or when "
        f"less than {params.gap_coverage_threshold * 100:g}% of it is covered.",
    ]
    if inputs.need_label:
        provision = (
            "assets per 1,000 people" if params.provision == "per_1000" else f"coverage at {d}"
        )
        parts.append(
            f"Need (“{inputs.need_label}”, higher meaning more need) and provision ({provision}) "
            "are each split into thirds across the areas; areas in the highest third of need and "
            "the lowest third of provision are ranked first."
        )
    parts += _needs_raised(inputs, params)
    parts.append(
        "Walking distances along streets would be longer than these straight lines; they are "
        "not used here."
    )
    return " ".join(parts)


def _needs_raised(inputs: AnalysisInput, params: AnalysisParams) -> list[str]:
    if inputs.raised_x is None:
        return []
    n = len(inputs.raised_x)
    reviews = "approved or awaiting review" if params.include_pending else "approved"
    return [
        f"Needs raised counts the {n:,} need {_plural(n, 'pin', 'pins')} of these categories "
        f"(“this is missing here”, from workshops; {reviews}) in each area; need pins are "
        "never counted as assets."
    ]


def _overdue(inputs: AnalysisInput) -> list[str]:
    """How far to trust the map: counted assets nobody has checked for longer than their
    category's review interval may have closed."""
    n = inputs.overdue
    if not n:
        return []
    return [
        f"{n:,} of the counted assets {_plural(n, 'is', 'are')} overdue for checking (last "
        "checked longer ago than their category's review interval), so some may have closed."
    ]


def _empty_categories(inputs: AnalysisInput, params: AnalysisParams) -> list[str]:
    """Say which categories had nothing to count: left out, or (when named) all gaps."""
    out = []
    if params.skipped:
        labels = [inputs.category_labels.get(k, k) for k in params.skipped]
        out.append(
            f"Left out {len(labels)} {_plural(len(labels), 'category', 'categories')} "
            f"with no assets to count: {_list(labels)}."
        )
    present = set(inputs.asset_category.tolist())
    empty = [inputs.category_labels[k] for k in params.categories if k not in present]
    if empty:
        out.append(
            f"There are no assets of {_list(empty, 'or')} to count, so every area has a gap in "
            f"{'it' if len(empty) == 1 else 'each of them'}."
        )
    return out


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _list(items: list[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _left_out(left_out: dict[str, int]) -> str:
    words = {
        "closed": "closed",
        "proposed": "proposed",
        "pending": "awaiting review",
        "rejected": "rejected in review",
        "unplaced": "not yet placed on the map",
    }
    pieces = [f"{n:,} {words[k]}" for k, n in left_out.items() if n]
    return f"; not counted: {_list(pieces)}" if pieces else ""
