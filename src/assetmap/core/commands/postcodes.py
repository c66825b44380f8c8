"""Filling the project's own postcode index as one undoable step.

Asset imports keep the postcodes they used; a project made for a place needs its postcodes
before any asset is imported, so Find and postcode placement work offline from the start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import ClassVar

import pandas as pd

from assetmap.core import gpkg, postcode_store
from assetmap.core.changelog import Change
from assetmap.core.commands.base import Command
from assetmap.core.i18n import translated
from assetmap.core.project import Project, write_settings


@dataclass
class AddPostcodes(Command):
    """Add ``postcodes`` (postcode, x, y in the project CRS) to the index, recording the
    source and its attribution in am_sources like any import."""

    postcodes: pd.DataFrame
    source: str
    attribution: str
    name: ClassVar[str] = "add_postcodes"
    _added: list[str] = field(default_factory=list, repr=False)
    _settings_before: dict[str, object] = field(default_factory=dict, repr=False)
    _source_id: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        pattern = translated("Add {n:,} postcodes from {file}")
        return pattern.format(n=len(self.postcodes), file=self.source)

    def apply(self, project: Project) -> list[Change]:
        known = {p for (p,) in project.conn.execute("SELECT postcode FROM am_postcodes")}
        self._added = [p for p in self.postcodes["postcode"] if p not in known]
        self._settings_before = {
            key: project.setting(key) for key in ("postcode_source", "postcode_attribution")
        }
        postcode_store.save(
            project, self.postcodes, source=self.source, attribution=self.attribution
        )
        cursor = project.conn.execute(
            "INSERT INTO am_sources (file_name, kind, target, rows, imported_at, attribution) "
            "VALUES (?, 'postcodes', 'am_postcodes', ?, ?, ?)",
            (self.source, len(self.postcodes), gpkg.utc_now(), self.attribution),
        )
        self._source_id = int(cursor.lastrowid or 0)
        return [Change("postcodes", None, {"added": len(self._added), "file": self.source})]

    def revert(self, project: Project) -> list[Change]:
        project.conn.execute(
            "DELETE FROM am_postcodes WHERE postcode IN (SELECT value FROM json_each(?))",
            (json.dumps(self._added),),
        )
        project.conn.execute("DELETE FROM am_sources WHERE id = ?", (self._source_id,))
        kept = {k: v for k, v in self._settings_before.items() if v is not None}
        write_settings(project.conn, kept)
        project.conn.executemany(
            "DELETE FROM am_settings WHERE key = ?",
            ((k,) for k, v in self._settings_before.items() if v is None),
        )
        project.invalidate()
        return [Change("postcodes", {"added": len(self._added), "file": self.source}, None)]
