"""Laptops for the sync tests: the Trafford demo published, and copies of it saved for the
field as a second and third laptop would get them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from assetmap.core import copies, gpkg
from assetmap.core.commands import CommandStack, EditAsset
from assetmap.core.merge.values import DELETED, MERGED_FIELDS, canonical, position
from assetmap.core.project import Project
from assetmap.core.shared.publish import publish
from support.pg_server import PgServer

COMPARED = (*MERGED_FIELDS, DELETED)


def laptops(pg_db: PgServer, demo_copy: Path, n: int = 3) -> list[Path]:
    """The demo published from the first laptop; the others are copies of it."""
    paths = [demo_copy]
    with Project.open(demo_copy) as project:
        publish(project, pg_db.url())
        for i in range(2, n + 1):
            target = demo_copy.parent / f"laptop{i}.gpkg"
            copies.save_copy(project, target, label=f"Laptop {i}")
            paths.append(target)
    return paths


def hand_copy(path: Path, name: str) -> Path:
    target = path.parent / name
    shutil.copyfile(path, target)
    return target


def live_uuids(path: Path, n: int, offset: int = 0) -> list[str]:
    with Project.open(path) as project:
        rows = project.conn.execute(
            "SELECT uuid FROM assets WHERE deleted = 0 AND personal_data = 0 ORDER BY fid "
            "LIMIT ? OFFSET ?",
            (n, offset),
        ).fetchall()
    return [r[0] for r in rows]


def edit(path: Path, uuid: str, **values: Any) -> None:
    with Project.open(path) as project:
        CommandStack(project).push(EditAsset(uuid, values))


def field_of(path: Path, uuid: str, name: str) -> Any:
    with Project.open(path) as project:
        row = project.conn.execute(f"SELECT {name} FROM assets WHERE uuid = ?", (uuid,)).fetchone()
    return None if row is None else row[0]


def state_of_file(path: Path) -> dict[str, tuple[Any, ...]]:
    """Every shared asset (personal data apart), field by field, with its position."""
    with Project.open(path) as project:
        rows = project.conn.execute(
            f"SELECT uuid, {', '.join(COMPARED)}, geom FROM assets WHERE personal_data = 0"
        ).fetchall()
    return {r[0]: _canonical(r[1:-1], position(r[-1])) for r in rows}


def state_of_server(pg_db: PgServer, srs_id: int) -> dict[str, tuple[Any, ...]]:
    import psycopg
    import shapely

    with psycopg.connect(pg_db.url()) as conn:
        rows = conn.execute(
            f"SELECT uuid, {', '.join(COMPARED)}, ST_AsBinary(geom) FROM assetmap.assets "
            "WHERE personal_data = 0"
        ).fetchall()
    blobs = gpkg.encode(shapely.from_wkb([r[-1] for r in rows]), srs_id)
    return {r[0]: _canonical(r[1:-1], position(b)) for r, b in zip(rows, blobs, strict=True)}


def _canonical(values: tuple[Any, ...], xy: Any) -> tuple[Any, ...]:
    return (*(canonical(k, v) for k, v in zip(COMPARED, values, strict=True)), xy)


def srs_of(path: Path) -> int:
    with Project.open(path) as project:
        return project.srs_id


def server_count(pg_db: PgServer, sql: str) -> int:
    return int(pg_db.psql(sql))
