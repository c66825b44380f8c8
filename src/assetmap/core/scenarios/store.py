"""Scenarios kept in the project (am_scenarios): read, written and removed by the commands."""

from __future__ import annotations

from typing import Any

from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.project import Project
from assetmap.core.scenarios.model import Scenario, proposals_from_json, proposals_to_json

TABLE = "am_scenarios"


def all_scenarios(project: Project) -> list[Scenario]:
    """In the order they were saved."""
    rows = project.conn.execute(
        f"SELECT name, created, params, proposals FROM {TABLE} ORDER BY id"
    ).fetchall()
    return [_scenario(row) for row in rows]


def by_name(project: Project, name: str) -> Scenario | None:
    row = project.conn.execute(
        f"SELECT name, created, params, proposals FROM {TABLE} WHERE name = ?", (name,)
    ).fetchone()
    return _scenario(row) if row else None


def insert(project: Project, scenario: Scenario, row_id: int | None = None) -> int:
    """Add a scenario (at ``row_id``, when undo puts a removed one back in its place)."""
    cursor = project.conn.execute(
        f"INSERT INTO {TABLE} (id, name, created, params, proposals) VALUES (?, ?, ?, ?, ?)",
        (
            row_id,
            scenario.name,
            scenario.created,
            scenario.params.to_json(),
            proposals_to_json(scenario.proposals),
        ),
    )
    return int(cursor.lastrowid or 0)


def delete(project: Project, name: str) -> int | None:
    """Remove a scenario; returns the row id it had (None: there was none)."""
    row = project.conn.execute(f"SELECT id FROM {TABLE} WHERE name = ?", (name,)).fetchone()
    project.conn.execute(f"DELETE FROM {TABLE} WHERE name = ?", (name,))
    return int(row[0]) if row else None


def _scenario(row: tuple[Any, ...]) -> Scenario:
    name, created, params, proposals = row
    return Scenario(
        name=str(name),
        params=AnalysisParams.from_json(str(params)),
        proposals=proposals_from_json(str(proposals)),
        created=str(created),
    )
