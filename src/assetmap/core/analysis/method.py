"""The method statement: one paragraph of plain words stored with every run, so a map or an
export can always say how its figures were made. Written in the core's language at the time
of the run (core.i18n): the stored text is the record, so it is not re-worded later."""

from __future__ import annotations

from assetmap import __version__
from assetmap.core.analysis.inputs import AnalysisInput
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.i18n import joined, translatable, translated


def method_statement(inputs: AnalysisInput, params: AnalysisParams, inside_points: int) -> str:
    labels = [inputs.category_labels[k] for k in params.categories]
    d = f"{params.distance_m:g} m"
    parts = [
        translated(
            "Gap analysis of the {areas:,} areas of “{area_set}” for {categories}, made with "
            "assetmap {version}."
        ).format(
            areas=len(inputs.area_codes),
            area_set=params.area_set,
            categories=joined(labels),
            version=__version__,
        ),
        _counted(inputs, params),
        *_overdue(inputs),
        *_empty_categories(inputs, params),
        translated(
            "Each asset counts once, in the area containing its point (on a boundary shared by "
            "two areas, in the first of them)."
        ),
    ]
    if inputs.population_label:
        parts.append(
            translated(
                "Assets per 1,000 people use “{population}”; areas without a population figure "
                "have no rate."
            ).format(population=inputs.population_label)
        )
    parts += [
        _distances(inputs, inside_points),
        translated(
            "Coverage is the share of an area's surface within {distance} of an asset in a "
            "straight line (circles drawn as 64-sided polygons)."
        ).format(distance=d),
        translated(
            "An area has a gap when it has no asset and the nearest is more than {distance} "
            "away, or when less than {share:g}% of it is covered."
        ).format(distance=d, share=params.gap_coverage_threshold * 100),
    ]
    if inputs.need_label:
        parts.append(_need(inputs, params, d))
    parts += _needs_raised(inputs, params)
    parts.append(
        translated(
            "Walking distances along streets would be longer than these straight lines; they "
            "are not used here."
        )
    )
    return " ".join(parts)


def _counted(inputs: AnalysisInput, params: AnalysisParams) -> str:
    if params.include_pending:
        pattern = translated(
            "It counts {n:,} active assets, approved or awaiting review{left_out}."
        )
    else:
        pattern = translated("It counts {n:,} active, approved assets{left_out}.")
    return pattern.format(n=len(inputs.asset_x), left_out=_left_out(inputs.left_out))


def _distances(inputs: AnalysisInput, inside_points: int) -> str:
    if not inside_points:
        pattern = translated(
            "Distances are straight lines in metres ({crs}), from each area's centroid to the "
            "nearest asset anywhere, inside the areas or not."
        )
    else:
        pattern = translated(
            "Distances are straight lines in metres ({crs}), from each area's centroid (or, for "
            "the {n} areas whose centroid lies outside them, a point inside) to the nearest "
            "asset anywhere, inside the areas or not."
        )
    return pattern.format(crs=inputs.crs_name, n=inside_points)


def _need(inputs: AnalysisInput, params: AnalysisParams, distance: str) -> str:
    if params.provision == "per_1000":
        provision = translated("assets per 1,000 people")
    else:
        provision = translated("coverage at {distance}").format(distance=distance)
    return translated(
        "Need (“{need}”, higher meaning more need) and provision ({provision}) are each split "
        "into thirds across the areas; areas in the highest third of need and the lowest third "
        "of provision are ranked first."
    ).format(need=inputs.need_label, provision=provision)


def _needs_raised(inputs: AnalysisInput, params: AnalysisParams) -> list[str]:
    if inputs.raised_x is None:
        return []
    n = len(inputs.raised_x)
    reviews = (
        translated("approved or awaiting review")
        if params.include_pending
        else translated("approved")
    )
    if n == 1:
        pattern = translated(
            "Needs raised counts the {n:,} need pin of these categories (“this is missing here”, "
            "from workshops; {reviews}) in each area; need pins are never counted as assets."
        )
    else:
        pattern = translated(
            "Needs raised counts the {n:,} need pins of these categories (“this is missing "
            "here”, from workshops; {reviews}) in each area; need pins are never counted as "
            "assets."
        )
    return [pattern.format(n=n, reviews=reviews)]


def _overdue(inputs: AnalysisInput) -> list[str]:
    """How far to trust the map: counted assets nobody has checked for longer than their
    category's review interval may have closed."""
    n = inputs.overdue
    if not n:
        return []
    if n == 1:
        pattern = translated(
            "{n:,} of the counted assets is overdue for checking (last checked longer ago than "
            "their category's review interval), so some may have closed."
        )
    else:
        pattern = translated(
            "{n:,} of the counted assets are overdue for checking (last checked longer ago "
            "than their category's review interval), so some may have closed."
        )
    return [pattern.format(n=n)]


def _empty_categories(inputs: AnalysisInput, params: AnalysisParams) -> list[str]:
    """Say which categories had nothing to count: left out, or (when named) all gaps."""
    out = []
    if params.skipped:
        labels = [inputs.category_labels.get(k, k) for k in params.skipped]
        if len(labels) == 1:
            pattern = translated("Left out {n} category with no assets to count: {names}.")
        else:
            pattern = translated("Left out {n} categories with no assets to count: {names}.")
        out.append(pattern.format(n=len(labels), names=joined(labels)))
    present = set(inputs.asset_category.tolist())
    empty = [inputs.category_labels[k] for k in params.categories if k not in present]
    if empty:
        out.append(_all_gaps(empty))
    return out


def _all_gaps(empty: list[str]) -> str:
    if len(empty) == 1:
        pattern = translated(
            "There are no assets of {names} to count, so every area has a gap in it."
        )
    else:
        pattern = translated(
            "There are no assets of {names} to count, so every area has a gap in each of them."
        )
    return pattern.format(names=joined(empty, alternatives=True))


# What a status not counted is called after its number: "12 closed".
_LEFT_OUT_WORDS = {
    "closed": translatable("{n:,} closed"),
    "proposed": translatable("{n:,} proposed"),
    "pending": translatable("{n:,} awaiting review"),
    "rejected": translatable("{n:,} rejected in review"),
    "unplaced": translatable("{n:,} not yet placed on the map"),
}


def _left_out(left_out: dict[str, int]) -> str:
    pieces = [translated(_LEFT_OUT_WORDS[k]).format(n=n) for k, n in left_out.items() if n]
    return translated("; not counted: {pieces}").format(pieces=joined(pieces)) if pieces else ""
