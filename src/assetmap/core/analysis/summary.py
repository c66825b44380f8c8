"""A run in a few short sentences, for the command line's output and the panel's summary.

The method statement says everything; these say what a user must notice at once: how much
was analysed, which categories were left out for having no assets, and which were analysed
with none (every area a gap).
"""

from __future__ import annotations

from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN

SHOWN_NAMES = 5  # more than this are counted, not named: the method lists them all


def headline(result: AnalysisResult) -> str:
    table = result.table[result.table["category"] != ALL_CHOSEN]
    n_areas, n_kinds = table["area_code"].nunique(), len(result.params.categories)
    return (
        f"analysed {n_areas:,} areas × {n_kinds} {_plural(n_kinds, 'category', 'categories')}; "
        f"{int(table['gap'].sum()):,} area-category gaps"
    )


def left_out(result: AnalysisResult, labels: dict[str, str]) -> str:
    """The sentence "Left out 21 categories with no assets to count: …", or "" if none."""
    names = [labels.get(k, k) for k in result.params.skipped]
    if not names:
        return ""
    more = f" and {len(names) - SHOWN_NAMES} more" if len(names) > SHOWN_NAMES else ""
    return (
        f"Left out {len(names)} {_plural(len(names), 'category', 'categories')} with no assets "
        f"to count: {', '.join(names[:SHOWN_NAMES])}{more}"
    )


def without_assets(result: AnalysisResult) -> list[str]:
    """The categories analysed with no asset counted: every area is a gap in them."""
    counted = set(result.counted["category"]) if result.counted is not None else set()
    return [k for k in result.params.categories if k not in counted]


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many
