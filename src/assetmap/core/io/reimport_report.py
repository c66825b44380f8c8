"""What importing a file again did, in the words of the import report: added, updated,
unchanged, no longer in the file. Written when the import is checked and again inside the
commit, where the matching is redone against what the project holds then."""

from __future__ import annotations

import numpy as np
import pandas as pd

from assetmap.core.i18n import translated
from assetmap.core.io import identity
from assetmap.core.io.report import ImportReport, RowIssue

__all__ = ["describe_plan"]


def describe_plan(
    report: ImportReport, plan: identity.Plan, rows: pd.DataFrame, row_numbers: np.ndarray
) -> None:
    """Put what importing the file again does into the report (and re-do it at commit)."""
    m = plan.matching
    report.reimport = m.any_earlier or bool(len(plan.left_out))
    report.match_key = m.key.describe()
    report.added = len(plan.added)
    report.updated = len(plan.changed)
    report.unchanged = len(plan.unchanged)
    report.deleted_here = len(plan.left_out)
    report.missing = [
        RowIssue(
            x.row,
            None,
            translated("is no longer in the file; kept in the project"),
            label=x.name,
        )
        for x in m.missing
    ]
    report.changed_rows = [
        RowIssue(int(row_numbers[i]), None, f"'{rows['name'].iloc[i]}': {_changed_words(plan, i)}")
        for i in plan.changed
    ]
    if m.repeated:
        report.notes.append(
            translated(
                "{n} rows share their key ({key}) with another row; they were matched to "
                "earlier assets in file order"
            ).format(n=m.repeated, key=m.key.describe())
        )


def _changed_words(plan: identity.Plan, row: int) -> str:
    words = [c.replace("_", " ") for c in plan.updates.get(row, {})]
    if row in plan.moves:
        words.append(translated("position"))
    return translated("updated {fields}").format(fields=", ".join(words))
