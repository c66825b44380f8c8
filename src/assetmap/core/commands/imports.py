"""Imports as undoable commands: the prepared data is written in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import shapely

from assetmap.core import areas, assets, categories, gpkg, postcode_store
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.io.area_import import PreparedAreas
from assetmap.core.io.asset_import import PreparedAssets
from assetmap.core.io.indicator_import import PreparedIndicators
from assetmap.core.project import Project
from assetmap.core.schema import ASSETS_TABLE


def _record_source(
    project: Project, file_name: str, kind: str, target: str, rows: int, attribution: str | None
) -> int:
    cursor = project.conn.execute(
        "INSERT INTO am_sources (file_name, kind, target, rows, imported_at, attribution) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (file_name, kind, target, rows, gpkg.utc_now(), attribution),
    )
    return int(cursor.lastrowid or 0)


def _forget_source(project: Project, source_id: int) -> None:
    project.conn.execute("DELETE FROM am_sources WHERE id = ?", (source_id,))


def refresh_out_of_area(project: Project) -> None:
    """Re-flag every asset against the current area sets (after areas change)."""
    frame = assets.points_xy(project)
    if not len(frame):
        return
    points = shapely.points(frame["x"].to_numpy(), frame["y"].to_numpy())
    outside = areas.outside_all(project, np.asarray(points, dtype=object))
    assets.set_out_of_area(project, frame["uuid"].tolist(), outside.tolist())
    project.notify(project.events.assets_changed, uuids=None, kind="changed")


@dataclass
class ImportAreaSet(Command):
    prepared: PreparedAreas
    attribution: str | None = None
    name: ClassVar[str] = "import_areas"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        return f"Import {len(p.codes)} areas as '{p.info.name}' from {p.info.source}"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.create(project, p.info, p.codes, p.names, p.extra, p.polygons)
        self._source_id = _record_source(
            project, p.info.source or "", "areas", p.info.name, len(p.codes), self.attribution
        )
        project.invalidate()
        refresh_out_of_area(project)
        project.notify(project.events.area_sets_changed, name=p.info.name, kind="added")
        return [
            Change(f"area_set:{p.info.name}", None, {"areas": len(p.codes), "file": p.info.source})
        ]

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.drop(project, p.info.name)
        _forget_source(project, self._source_id)
        project.invalidate()
        refresh_out_of_area(project)
        project.notify(project.events.area_sets_changed, name=p.info.name, kind="removed")
        return [Change(f"area_set:{p.info.name}", {"areas": len(p.codes)}, None)]


@dataclass
class ImportAssets(Command):
    prepared: PreparedAssets
    attribution: str | None = None
    name: ClassVar[str] = "import_assets"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        return f"Import {len(self.prepared.rows)} assets from {self.prepared.source_file}"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        for category in p.new_categories:
            categories.insert(project, category)
        assets.insert_frame(project, p.rows, p.points)
        sites = np.flatnonzero(~shapely.is_missing(p.footprints))
        if len(sites):
            assets.insert_footprints(
                project, p.rows["uuid"].to_numpy()[sites].tolist(), p.footprints[sites]
            )
        if p.postcodes is not None and len(p.postcodes):
            postcode_store.save(
                project,
                p.postcodes,
                source=p.postcode_source or p.source_file,
                attribution=p.attribution or "",
            )
        _save_field_defs(project, p.field_defs, p.source_file)
        attribution = "\n".join(a for a in (self.attribution, p.attribution) if a) or None
        self._source_id = _record_source(
            project, p.source_file, "assets", ASSETS_TABLE, len(p.rows), attribution
        )
        project.invalidate()
        if p.new_categories:
            project.notify(project.events.categories_changed)
        project.notify(project.events.assets_changed, uuids=None, kind="added")
        return [Change(f"import:{p.batch}", None, {"assets": len(p.rows), "file": p.source_file})]

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        removed = assets.delete_batch(project, p.batch)
        for category in p.new_categories:
            categories.delete(project, category.key)
        _forget_source(project, self._source_id)
        project.invalidate()
        if p.new_categories:
            project.notify(project.events.categories_changed)
        project.notify(project.events.assets_changed, uuids=None, kind="removed")
        return [Change(f"import:{p.batch}", {"assets": removed}, None)]


def _save_field_defs(project: Project, defs: list[tuple[str, str, str]], source: str) -> None:
    project.conn.executemany(
        "INSERT OR IGNORE INTO am_field_defs (name, label, type, source) VALUES (?, ?, ?, ?)",
        ((name, label, kind, source) for name, label, kind in defs),
    )


@dataclass
class JoinIndicators(Command):
    prepared: PreparedIndicators
    attribution: str | None = None
    name: ClassVar[str] = "join_indicators"
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        return f"Join {len(p.values.columns)} indicators from {p.source_file} to '{p.area_set}'"

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.add_indicator_columns(
            project, p.area_set, p.values, p.labels, p.numeric, p.source_file
        )
        self._source_id = _record_source(
            project, p.source_file, "indicators", p.area_set, p.matched, self.attribution
        )
        project.notify(project.events.area_sets_changed, name=p.area_set, kind="changed")
        return [Change(f"area_set:{p.area_set}", None, {"columns": list(p.values.columns)})]

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        areas.drop_indicator_columns(project, p.area_set, list(p.values.columns))
        _forget_source(project, self._source_id)
        project.notify(project.events.area_sets_changed, name=p.area_set, kind="changed")
        return [Change(f"area_set:{p.area_set}", {"columns": list(p.values.columns)}, None)]
