"""Each evaluation of an outcome kept with its run, so progress shows across runs."""

from __future__ import annotations

from assetmap.core.outcomes.evaluate import Evaluation
from assetmap.core.project import Project

TABLE = "am_outcome_evaluations"
_FIELDS = ("outcome_uuid", "run_id", "run_at", "areas", "areas_meeting", "people", "people_meeting")


def keep(project: Project, evaluation: Evaluation) -> None:
    """Store an evaluation; evaluating the same run again replaces it (same figures)."""
    with project.transaction():
        project.conn.execute(
            f"INSERT OR REPLACE INTO {TABLE} ({', '.join(_FIELDS)}) "
            f"VALUES ({', '.join('?' * len(_FIELDS))})",
            tuple(getattr(evaluation, name) for name in _FIELDS),
        )


def evaluated_runs(project: Project, outcome_uuid: str) -> set[int]:
    rows = project.conn.execute(
        f"SELECT run_id FROM {TABLE} WHERE outcome_uuid = ?", (outcome_uuid,)
    ).fetchall()
    return {int(r[0]) for r in rows}


def history(project: Project, outcome_uuid: str) -> list[Evaluation]:
    """Oldest first. Evaluations of runs since removed stay: the record of progress is kept."""
    rows = project.conn.execute(
        f"SELECT {', '.join(_FIELDS)} FROM {TABLE} WHERE outcome_uuid = ? ORDER BY run_at, run_id",
        (outcome_uuid,),
    ).fetchall()
    return [Evaluation(r[0], int(r[1]), r[2], int(r[3]), int(r[4]), r[5], r[6]) for r in rows]
