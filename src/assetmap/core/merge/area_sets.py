"""Area sets and indicators the other copy has and this one lacks are added by a merge (an
office imported wards after handing out the copy). Ones both have are left as they are
here: areas are imported from published files, not edited, so there is nothing to weigh."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from assetmap.core import areas, gpkg
from assetmap.core.changelog import Change
from assetmap.core.commands.imports import refresh_out_of_area
from assetmap.core.project import Project

__all__ = ["IndicatorCopy", "SetCopy", "add", "plan", "remove"]

_OWN_COLUMNS = ("fid", "geom", "code", "name")


@dataclass(frozen=True)
class IndicatorCopy:
    area_set: str
    column: str
    label: str
    numeric: bool
    source: str | None
    values: dict[str, Any] = field(repr=False)  # area code -> value


@dataclass(frozen=True)
class SetCopy:
    """An area set only the other copy has: its record, its areas and its indicators."""

    info: areas.AreaSetInfo
    frame: pd.DataFrame = field(repr=False)  # code, name, extra columns, geom (blobs)
    indicators: tuple[IndicatorCopy, ...] = ()


def plan(
    this: sqlite3.Connection, other: sqlite3.Connection
) -> tuple[list[SetCopy], list[IndicatorCopy]]:
    mine = {info.name: info for info in _sets(this)}
    new_sets, new_indicators = [], []
    for info in _sets(other):
        if info.name not in mine:
            new_sets.append(SetCopy(info, _areas(other, info), tuple(_indicators(other, info))))
            continue
        have = {r[1] for r in this.execute(f'PRAGMA table_info("{mine[info.name].table}")')}
        new_indicators += [i for i in _indicators(other, info) if i.column not in have]
    return new_sets, new_indicators


def add(project: Project, sets: list[SetCopy], indicators: list[IndicatorCopy]) -> list[Change]:
    changes = []
    for copy in sets:
        info = copy.info
        table = areas.unique_table_name(project, info.name)
        frame = copy.frame
        extra = frame.drop(columns=["code", "name", "geom"])
        polygons = gpkg.decode(frame["geom"].tolist())
        mine = areas.AreaSetInfo(
            info.name, table, info.source, info.code_field, info.name_field, info.created_at
        )
        areas.create(project, mine, frame["code"].tolist(), frame["name"].tolist(), extra, polygons)
        project.conn.executemany(
            "INSERT INTO am_indicators VALUES (?, ?, ?, ?, ?)",
            [(i.area_set, i.column, i.label, int(i.numeric), i.source) for i in copy.indicators],
        )
        project.invalidate()
        project.notify(project.events.area_sets_changed, name=info.name, kind="added")
        changes.append(Change(f"area_set:{info.name}", None, {"areas": len(frame)}))
    for indicator in indicators:
        values = pd.DataFrame(
            {indicator.column: pd.Series(indicator.values, dtype=object)},
        )
        areas.add_indicator_columns(
            project,
            indicator.area_set,
            values,
            {indicator.column: indicator.label},
            {indicator.column: indicator.numeric},
            indicator.source or "",
        )
        target = f"indicator:{indicator.area_set}:{indicator.column}"
        changes.append(Change(target, None, {"label": indicator.label}))
        project.notify(project.events.area_sets_changed, name=indicator.area_set, kind="changed")
    if sets:
        refresh_out_of_area(project)
    return changes


def remove(project: Project, sets: list[SetCopy], indicators: list[IndicatorCopy]) -> list[Change]:
    changes = []
    for indicator in reversed(indicators):
        areas.drop_indicator_columns(project, indicator.area_set, [indicator.column])
        target = f"indicator:{indicator.area_set}:{indicator.column}"
        changes.append(Change(target, {"label": indicator.label}, None))
        project.notify(project.events.area_sets_changed, name=indicator.area_set, kind="changed")
    for copy in reversed(sets):
        areas.drop(project, copy.info.name)
        project.invalidate()
        project.notify(project.events.area_sets_changed, name=copy.info.name, kind="removed")
        changes.append(Change(f"area_set:{copy.info.name}", {"areas": len(copy.frame)}, None))
    if sets:
        refresh_out_of_area(project)
    return changes


def _sets(conn: sqlite3.Connection) -> list[areas.AreaSetInfo]:
    rows = conn.execute(
        "SELECT name, table_name, source, code_field, name_field, created_at "
        "FROM am_area_sets ORDER BY created_at, name"
    ).fetchall()
    return [areas.AreaSetInfo(*r) for r in rows]


def _areas(conn: sqlite3.Connection, info: areas.AreaSetInfo) -> pd.DataFrame:
    cursor = conn.execute(f'SELECT * FROM "{info.table}" ORDER BY fid')
    columns = [d[0] for d in cursor.description]
    frame = pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    extra = [c for c in columns if c not in _OWN_COLUMNS]
    return frame[["code", "name", *extra, "geom"]]


def _indicators(conn: sqlite3.Connection, info: areas.AreaSetInfo) -> list[IndicatorCopy]:
    rows = conn.execute(
        "SELECT column_name, label, numeric, source FROM am_indicators WHERE area_set = ? "
        "ORDER BY rowid",
        (info.name,),
    ).fetchall()
    found = []
    for column, label, numeric, source in rows:
        values = dict(conn.execute(f'SELECT code, "{column}" FROM "{info.table}"').fetchall())
        found.append(IndicatorCopy(info.name, column, label, bool(numeric), source, values))
    return found
