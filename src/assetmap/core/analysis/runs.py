"""Keeping analysis runs in the project: parameters, method, time and every figure.

A map or an export names its run, so it can always say how its figures were
made; runs are never edited, so an old export stays explainable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from assetmap.core.analysis.engine import COLUMNS, AnalysisResult
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.project import Project


@dataclass(frozen=True)
class RunInfo:
    id: int
    created_at: str
    area_set: str
    params: AnalysisParams
    method: str


def save(
    project: Project,
    result: AnalysisResult,
    before_commit: Callable[[int], None] | None = None,
) -> int:
    """Store a run in one transaction and return its id.

    ``before_commit(run_id)`` runs inside the transaction, last: if it raises (the results
    file could not be written), the run is not kept either.
    """
    with project.transaction():
        cursor = project.conn.execute(
            "INSERT INTO am_analysis_runs (created_at, area_set, parameters, method) "
            "VALUES (?, ?, ?, ?)",
            (result.created_at, result.params.area_set, result.params.to_json(), result.method),
        )
        run_id = int(cursor.lastrowid or 0)
        table = result.table
        values = [_column(table, c) for c in COLUMNS]
        marks = ", ".join("?" for _ in range(len(COLUMNS) + 1))
        project.conn.executemany(
            f"INSERT INTO am_analysis_results (run_id, {', '.join(COLUMNS)}) VALUES ({marks})",
            ((run_id, *row) for row in zip(*values, strict=True)),
        )
        if result.counted is not None:
            c = result.counted
            project.conn.executemany(
                "INSERT INTO am_analysis_assets (run_id, uuid, category, x, y) "
                "VALUES (?, ?, ?, ?, ?)",
                zip(
                    [run_id] * len(c),
                    c["uuid"].tolist(),
                    c["category"].tolist(),
                    c["x"].tolist(),
                    c["y"].tolist(),
                    strict=True,
                ),
            )
        if before_commit is not None:
            before_commit(run_id)
    result.run_id = run_id
    return run_id


def forget(project: Project, run_id: int) -> None:
    """Remove a run that was just kept, when what it was kept for could not be finished."""
    with project.transaction():
        for table in ("am_analysis_assets", "am_analysis_results"):
            project.conn.execute(f"DELETE FROM {table} WHERE run_id = ?", (run_id,))
        project.conn.execute("DELETE FROM am_analysis_runs WHERE id = ?", (run_id,))


def _column(table: pd.DataFrame, name: str) -> list[Any]:
    """Values sqlite3 can bind, converted a column at a time (300,000 rows nationally)."""
    values = table[name].to_numpy()
    if values.dtype.kind == "f":
        out = values.astype(object)
        out[np.isnan(values)] = None
        return out.tolist()
    if values.dtype.kind in "biu":
        return values.astype(np.int64).tolist()
    text = pd.Series(values, dtype=object)
    return text.where(text.notna() & (text != ""), None).tolist()


def list_runs(project: Project) -> list[RunInfo]:
    rows = project.conn.execute(
        "SELECT id, created_at, area_set, parameters, method FROM am_analysis_runs ORDER BY id"
    ).fetchall()
    return [RunInfo(r[0], r[1], r[2], AnalysisParams.from_json(r[3]), r[4]) for r in rows]


def load(project: Project, run_id: int) -> AnalysisResult:
    row = project.conn.execute(
        "SELECT created_at, parameters, method FROM am_analysis_runs WHERE id = ?", (run_id,)
    ).fetchone()
    if row is None:
        known = ", ".join(str(r.id) for r in list_runs(project)) or translated("none yet")
        raise BadInputError(
            translated("there is no analysis run {run} (runs: {runs})").format(
                run=run_id, runs=known
            ),
            field="--analysis",
        )
    table = pd.read_sql_query(
        f"SELECT {', '.join(COLUMNS)} FROM am_analysis_results WHERE run_id = ? ORDER BY id",
        project.conn,
        params=(run_id,),
    )
    table["gap"] = table["gap"].astype(bool)
    for name in ("need_tercile", "provision_tercile", "priority", "needs_raised"):
        table[name] = table[name].fillna(0).astype(np.int64)
    for name in ("bivariate", "note", "area_name"):
        table[name] = table[name].astype(object).where(table[name].notna(), "")
    counted = pd.read_sql_query(
        "SELECT uuid, category, x, y FROM am_analysis_assets WHERE run_id = ? ORDER BY rowid",
        project.conn,
        params=(run_id,),
    )
    return AnalysisResult(
        params=AnalysisParams.from_json(row[1]),
        table=table,
        method=row[2],
        created_at=row[0],
        run_id=run_id,
        counted=counted,
    )


def latest(project: Project) -> AnalysisResult | None:
    runs = list_runs(project)
    return load(project, runs[-1].id) if runs else None
