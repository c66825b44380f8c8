"""The basemap import as an undoable command.

``apply`` keeps the project's current basemap (if any) in memory, removes it, and writes the
prepared one, all inside the command stack's one transaction; ``revert`` removes the new
basemap and puts the old one back exactly (tables, street index, record, source row), so undo
after a re-import brings back the previous basemap, and redo applies the new one again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from assetmap.core import gpkg
from assetmap.core.basemap import store
from assetmap.core.basemap.importer import PreparedBasemap
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.i18n import translated
from assetmap.core.project import Project


@dataclass
class ImportBasemap(Command):
    prepared: PreparedBasemap
    name: ClassVar[str] = "import_basemap"
    _previous: store.Snapshot | None = field(default=None, repr=False)
    _record_id: int = field(default=0, repr=False)
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        p = self.prepared
        return translated("Import basemap from {file} ({n:,} features)").format(
            file=p.record["source_file"], n=sum(p.counts.values())
        )

    def apply(self, project: Project) -> list[Change]:
        p = self.prepared
        conn = project.conn
        now = gpkg.utc_now()
        self._previous = store.snapshot(project)
        before = store.info(project)
        store.retire_current(project, now)
        store.create_tables(conn, project.srs_id)
        for spec in store.LAYERS:
            store.write_layer(
                conn, spec.table, p.frames[spec.table], p.geometries[spec.table], project.srs_id
            )
        store.write_streets(conn, p.streets)
        cursor = conn.execute(
            "INSERT INTO am_sources (file_name, kind, target, rows, imported_at, attribution) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                p.record["source_file"],
                store.SOURCE_KIND,
                "basemap",
                sum(p.counts.values()),
                now,
                store.SOURCE_ATTRIBUTION,
            ),
        )
        self._source_id = int(cursor.lastrowid or 0)
        self._record_id = store.insert_record(
            conn, {**p.record, "imported_at": now, "source_id": self._source_id}
        )
        project.invalidate()
        project.notify(project.events.settings_changed, key=store.EVENT_KEY)
        return [
            Change(
                "basemap",
                _describe(before),
                {"file": p.record["source_file"], "layers": p.counts},
            )
        ]

    def revert(self, project: Project) -> list[Change]:
        p = self.prepared
        conn = project.conn
        store.drop_tables(conn)
        conn.execute("DELETE FROM am_sources WHERE id = ?", (self._source_id,))
        store.forget_record(conn, self._record_id)
        if self._previous is not None:
            store.restore(project, self._previous)
        project.invalidate()
        project.notify(project.events.settings_changed, key=store.EVENT_KEY)
        return [
            Change(
                "basemap",
                {"file": p.record["source_file"], "layers": p.counts},
                _describe(store.info(project)),
            )
        ]


def _describe(current: store.BasemapInfo | None) -> dict[str, object] | None:
    if current is None:
        return None
    return {"file": current.source_file, "layers": current.layers}
