"""Finding the analysis an export should show: a run id, "latest", or a results CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from assetmap.core.analysis import runs
from assetmap.core.analysis.engine import AnalysisResult
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project


def resolve(project: Project, spec: str | None) -> AnalysisResult | None:
    if spec is None:
        return None
    text = str(spec).strip()
    if text.lower() == "latest":
        result = runs.latest(project)
        if result is None:
            raise BadInputError(translated("the project has no analysis runs yet"),
                                field="--analysis",
                                hint=translated("run assetmap analyse first"))  # fmt: skip
        return result
    if text.isdigit():
        return runs.load(project, int(text))
    path = Path(text)
    if not path.is_file():
        raise BadInputError(
            translated("'{text}' is neither a run number nor a results file").format(text=text),
            field="--analysis",
        )
    return _from_csv(project, path)


def _from_csv(project: Project, path: Path) -> AnalysisResult:
    """A results CSV names its run; the figures and method come from the project's copy."""
    try:
        run_ids = pd.read_csv(path, usecols=["Run"], encoding="utf-8-sig")["Run"].dropna().unique()
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise BadInputError(
            translated("is not a results file written by assetmap analyse (no 'Run' column)"),
            file=path,
            field="--analysis",
        ) from exc
    if len(run_ids) != 1:
        raise BadInputError(
            translated("holds results of several runs; give one run number"), file=path
        )
    run_id = int(run_ids[0])
    known = {r.id for r in runs.list_runs(project)}
    if run_id not in known:
        raise BadInputError(
            translated("comes from run {run}, which is not in this project").format(run=run_id),
            file=path,
            field="--analysis",
        )
    return runs.load(project, run_id)
